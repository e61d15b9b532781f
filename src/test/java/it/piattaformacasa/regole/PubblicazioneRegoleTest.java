package it.piattaformacasa.regole;

import static it.piattaformacasa.DemoUtenti.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import it.piattaformacasa.ClientHttp;
import it.piattaformacasa.IntegrationTest;
import it.piattaformacasa.avviso.RegoleDellAvviso;
import it.piattaformacasa.regole.kie.EsitoDmn;
import it.piattaformacasa.regole.kie.KieDmnRuntime;
import it.piattaformacasa.regole.process.PubblicazioneRegoleBpmn;

/**
 * Four eyes on a rule set of its own («soglia-quattro-occhi», a Camunda Modeler file), so that no other test's scores
 * move: test cases block publication, the author cannot approve, publication swaps the runtime while other threads
 * evaluate, a failing case at approval ends the process blocked, an older version comes back (rollback), a version
 * effective from a future day leaves today alone.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PubblicazioneRegoleTest {

    static final String NOME = "soglia-quattro-occhi";
    static final String NAMESPACE = "https://piattaformacasa.it/dmn/" + NOME;
    static final String DECISIONE = "Soglia di prova";
    static final ZoneId ROMA = ZoneId.of("Europe/Rome");

    @LocalServerPort
    int port;
    @Autowired
    KieDmnRuntime runtime;
    @Autowired
    RepositoryRegole repository;
    @Autowired
    RegistroRegole registro;
    @Autowired
    RegoleDellAvviso regoleDellAvviso;
    @Autowired
    TaskService taskService;
    @Autowired
    HistoryService historyService;

    ClientHttp http;
    String oggi;
    byte[] v1;
    byte[] v2;

    @BeforeAll
    void prepara() throws Exception {
        http = new ClientHttp(port);
        oggi = LocalDate.now(ROMA).toString();
        v1 = NormalizzazioneDmnTest.fileDelModeler();
        v2 = new String(v1, StandardCharsets.UTF_8).replace("16000", "15000").replace("16.000", "15.000")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    @Order(1)
    void senzaCasiDiTestSuperatiLaPubblicazioneNonParte() {
        assertThat(carica(ANALISTA, v1, oggi).status()).isEqualTo(201);
        ClientHttp.Risposta senzaCasi = richiedi(ANALISTA, 1, "");
        assertThat(senzaCasi.status()).isEqualTo(409);
        assertThat(senzaCasi.body()).contains("non ha casi di test");

        casi(1, "ISEE 15.500: ammesso", 15500, false); // wrong on purpose
        ClientHttp.Risposta fallito = richiedi(ANALISTA, 1, "");
        assertThat(fallito.status()).isEqualTo(409);
        assertThat(fallito.body()).contains("ISEE 15.500: ammesso", "non superati");
        assertThat(repository.versione(NOME, 1).stato()).isEqualTo(RepositoryRegole.Stato.VALIDATED);
        assertThat(attivita()).isNull();

        casi(1, "ISEE 15.500: ammesso", 15500, true);
        assertThat(richiedi(ANALISTA, 1, "").status()).isEqualTo(202);
        assertThat(attivita()).isNotNull();
        assertThat(richiedi(ANALISTA, 1, "").status()).as("one publication of a set at a time").isEqualTo(409);
    }

    @Test
    @Order(2)
    void lAutoreNonPuoApprovareNeDallApiNeDaTasklist() {
        ClientHttp.Risposta propria = http.post(approvazione(1), ANALISTA, "{\"esito\":\"APPROVATA\",\"nota\":\"ok\"}");
        assertThat(propria.status()).isEqualTo(403);
        assertThat(propria.body()).contains("Quattro occhi");
        Task task = attivita();
        assertThatThrownBy(() -> taskService.claim(task.getId(), ANALISTA)).hasMessageContaining("Quattro occhi");
        assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isNull();
        assertThat(repository.versione(NOME, 1).stato()).isEqualTo(RepositoryRegole.Stato.VALIDATED);
        assertThat(http.post(approvazione(1), SUPERVISORE, "{\"esito\":\"APPROVATA\",\"nota\":\"ok\"}").status())
                .as("only analysts").isEqualTo(403);

        ClientHttp.Risposta approvata = http.post(approvazione(1), ANALISTA_REVISORE,
                "{\"esito\":\"APPROVATA\",\"nota\":\"Soglia verificata sui casi\"}");
        assertThat(approvata.status()).as(approvata.body()).isEqualTo(200);
        assertThat(approvata.json().get("stato").asText()).isEqualTo("PUBLISHED");
        assertThat(approvata.json().get("approvatore").asText()).isEqualTo(ANALISTA_REVISORE);
        assertThat(runtime.versioniCorrenti()).containsEntry(NAMESPACE + "#" + NOME, 1);
        assertThat(valuta(15500).decisioni().get(DECISIONE)).isEqualTo(true);
        assertThat(historyService.createHistoricActivityInstanceQuery().activityId(PubblicazioneRegoleBpmn.END_PUBBLICATA)
                .list()).isNotEmpty();
        assertThat(registro.voci(NOME, null)).extracting(RegistroRegole.Voce::azione).containsSubsequence(
                RegistroRegole.Azione.PUBBLICAZIONE, RegistroRegole.Azione.RICHIESTA_PUBBLICAZIONE,
                RegistroRegole.Azione.CARICAMENTO);
    }

    @Test
    @Order(3)
    void unCasoCheFallisceAllApprovazioneBloccaLaPubblicazione() {
        ClientHttp.Risposta caricata = carica(ANALISTA, v2, oggi);
        assertThat(caricata.status()).as(caricata.body()).isEqualTo(201);
        assertThat(caricata.json().get("versione").asInt()).isEqualTo(2);
        assertThat(caricata.json().get("casi")).as("v1's case runs on the upload and fails on v2").singleElement()
                .satisfies(c -> {
                    assertThat(c.get("descrizione").asText()).isEqualTo("ISEE 15.500: ammesso");
                    assertThat(c.get("superato").asBoolean()).isFalse();
                });
        assertThat(richiedi(ANALISTA, 2, "").status()).as("v1's case carried over fails on v2").isEqualTo(409);
        casi(2, "ISEE 15.500: ammesso", 15500, false);
        assertThat(richiedi(ANALISTA, 2, "").status()).isEqualTo(202);
        casi(2, "ISEE 14.000: non ammesso", 14000, false); // wrong, added after the request

        ClientHttp.Risposta bloccata = http.post(approvazione(2), ANALISTA_REVISORE, "{\"esito\":\"APPROVATA\",\"nota\":\"ok\"}");
        assertThat(bloccata.status()).as(bloccata.body()).isEqualTo(200);
        assertThat(bloccata.json().get("stato").asText()).isEqualTo("VALIDATED");
        assertThat(attivita()).isNull();
        assertThat(historyService.createHistoricActivityInstanceQuery().activityId(PubblicazioneRegoleBpmn.END_BLOCCATA)
                .list()).hasSize(1);
        assertThat(registro.voci(NOME, null).get(0).azione()).isEqualTo(RegistroRegole.Azione.PUBBLICAZIONE_BLOCCATA);
        assertThat(runtime.versioniCorrenti()).containsEntry(NAMESPACE + "#" + NOME, 1);
    }

    @Test
    @Order(4)
    void laPubblicazioneScambiaIlRuntimeMentreAltriThreadValutano() throws Exception {
        casi(2, "ISEE 14.000: non ammesso", 14000, true);
        assertThat(richiedi(ANALISTA, 2, "").status()).isEqualTo(202);

        int thread = 4;
        ExecutorService pool = Executors.newFixedThreadPool(thread);
        AtomicBoolean ferma = new AtomicBoolean();
        CountDownLatch partiti = new CountDownLatch(thread);
        Map<String, Integer> combinazioni = new ConcurrentHashMap<>();
        List<Future<Integer>> valutatori = new ArrayList<>();
        for (int i = 0; i < thread; i++) {
            valutatori.add(pool.submit(() -> {
                partiti.countDown();
                int valutazioni = 0;
                while (!ferma.get() || valutazioni == 0) {
                    EsitoDmn esito = valuta(15500);
                    // the outcome and the rule that explains it must come from the same version
                    combinazioni.merge(esito.decisioni().get(DECISIONE) + " / " + esito.spiegazione().get(0).descrizione(), 1,
                            Integer::sum);
                    valutazioni++;
                }
                return valutazioni;
            }));
        }
        partiti.await();
        Thread.sleep(50);
        ClientHttp.Risposta approvata = http.post(approvazione(2), ANALISTA_REVISORE, "{\"esito\":\"APPROVATA\",\"nota\":\"ok\"}");
        Thread.sleep(50);
        ferma.set(true);
        int totale = 0;
        for (Future<Integer> valutatore : valutatori) {
            totale += valutatore.get(30, TimeUnit.SECONDS); // rethrows any failed evaluation
        }
        pool.shutdown();

        assertThat(approvata.status()).as(approvata.body()).isEqualTo(200);
        assertThat(approvata.json().get("stato").asText()).isEqualTo("PUBLISHED");
        assertThat(combinazioni.keySet()).as("%d evaluations", totale).containsExactlyInAnyOrder(
                "true / ISEE fino a 16.000 € (art. 7 co. 1 lett. c)", "false / ISEE oltre 15.000 € (art. 7 co. 1 lett. c)");
        assertThat(valuta(15500).decisioni().get(DECISIONE)).as("after the commit, the new version").isEqualTo(false);
        assertThat(repository.versione(NOME, 1).stato()).as("same effective day: superseded").isEqualTo(RepositoryRegole.Stato.RETIRED);
        assertThat(runtime.valuta(NAMESPACE, NOME, 1, Map.of("isee", new BigDecimal(15500), "attestazione", false))
                .decisioni().get(DECISIONE)).as("a retired version stays evaluable for the avvisi bound to it").isEqualTo(true);
    }

    @Test
    @Order(5)
    void unaVersionePrecedenteTornaInVigore() {
        ClientHttp.Risposta rollback = richiedi(ANALISTA, 1, "&validoDal=" + oggi);
        assertThat(rollback.status()).as(rollback.body()).isEqualTo(202);
        assertThat(http.post(approvazione(1), ANALISTA, "{\"esito\":\"APPROVATA\",\"nota\":\"ok\"}").status()).isEqualTo(403);
        ClientHttp.Risposta approvata = http.post(approvazione(1), ANALISTA_REVISORE,
                "{\"esito\":\"APPROVATA\",\"nota\":\"Torna la soglia di 16.000\"}");
        assertThat(approvata.status()).as(approvata.body()).isEqualTo(200);

        assertThat(repository.versione(NOME, 1).stato()).isEqualTo(RepositoryRegole.Stato.PUBLISHED);
        assertThat(repository.versione(NOME, 2).stato()).isEqualTo(RepositoryRegole.Stato.RETIRED);
        assertThat(valuta(15500).decisioni().get(DECISIONE)).isEqualTo(true);
        assertThat(registro.voci(NOME, null).get(0)).satisfies(v -> {
            assertThat(v.azione()).isEqualTo(RegistroRegole.Azione.RIPUBBLICAZIONE);
            assertThat(v.chi()).isEqualTo(ANALISTA_REVISORE);
            assertThat(v.motivo()).isEqualTo("Torna la soglia di 16.000");
        });
    }

    @Test
    @Order(6)
    void unaVersioneValidaDaUnGiornoFuturoNonToccaOggi() {
        LocalDate futuro = LocalDate.now(ROMA).plusDays(30);
        byte[] v3 = new String(v1, StandardCharsets.UTF_8).replace("16000", "14000").replace("16.000", "14.000")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(carica(ANALISTA, v3, futuro.toString()).status()).isEqualTo(201);
        casi(3, "ISEE 15.500: ammesso", 15500, false);
        casi(3, "ISEE 14.000: non ammesso", 14000, true);
        casi(3, "ISEE 14.000: ammesso", 14000, true);
        assertThat(richiedi(ANALISTA_REVISORE, 3, "").status()).isEqualTo(202);
        assertThat(http.post(approvazione(3), ANALISTA, "{\"esito\":\"APPROVATA\",\"nota\":\"ok\"}").status())
                .as("the author").isEqualTo(403);
        assertThat(http.post(approvazione(3), ANALISTA_REVISORE, "{\"esito\":\"APPROVATA\",\"nota\":\"ok\"}").status())
                .as("who asked").isEqualTo(403);
        ClientHttp.Risposta respinta = http.post(approvazione(3), ADMIN, "{\"esito\":\"RESPINTA\",\"nota\":\"no\"}");
        assertThat(respinta.status()).as("admins are not analysts").isEqualTo(403);
        // a third analyst is not among the demo users: the request is withdrawn by rejecting it through the engine
        Task task = attivita();
        taskService.setVariables(task.getId(), Map.of("esito", "RESPINTA", "nota", "serve un terzo analista"));
        taskService.complete(task.getId());
        assertThat(registro.voci(NOME, null).get(0).azione()).isEqualTo(RegistroRegole.Azione.PUBBLICAZIONE_RESPINTA);
        assertThat(repository.versione(NOME, 3).stato()).isEqualTo(RepositoryRegole.Stato.VALIDATED);

        assertThat(richiedi(ANALISTA, 3, "").status()).isEqualTo(202);
        ClientHttp.Risposta approvata = http.post(approvazione(3), ANALISTA_REVISORE, "{\"esito\":\"APPROVATA\",\"nota\":\"ok\"}");
        assertThat(approvata.status()).as(approvata.body()).isEqualTo(200);

        assertThat(repository.inVigoreIl(LocalDate.now(ROMA)).versione(NOME)).isEqualTo(1);
        assertThat(repository.inVigoreIl(futuro.minusDays(1)).versione(NOME)).isEqualTo(1);
        assertThat(repository.inVigoreIl(futuro).versione(NOME)).isEqualTo(3);
        assertThat(repository.versione(NOME, 1).stato()).as("still holds until then").isEqualTo(RepositoryRegole.Stato.PUBLISHED);
        assertThat(valuta(15500).decisioni().get(DECISIONE)).as("today nothing changes").isEqualTo(true);
        JsonNode inVigore = http.get("/api/regole/in-vigore?il=" + futuro, SUPERVISORE).json();
        assertThat(inVigore.get("versioni").get(NOME).asInt()).isEqualTo(3);
        assertThat(inVigore.get("versioni").get("isbar").asInt()).isPositive();
    }

    @Test
    @Order(7)
    void iParametriDellAvvisoSeguonoIlGiornoDellaPredisposizione() {
        assertThat(regoleDellAvviso.parametriDelGiorno(LocalDate.of(2021, 10, 5)).massimoAlloggiPerDomanda()).isEqualTo(5);
        assertThat(regoleDellAvviso.parametriDelGiorno(LocalDate.of(2021, 10, 6)).massimoAlloggiPerDomanda()).isEqualTo(2);
        assertThat(regoleDellAvviso.parametriDelGiorno(LocalDate.of(2025, 11, 12))).satisfies(p -> {
            assertThat(p.passoNormativo()).isEqualTo("LOMBARDIA_2025_PRIMO_STEP");
            assertThat(p.riserveCategorie()).isFalse();
        });
        assertThat(regoleDellAvviso.parametriDelGiorno(LocalDate.of(2025, 11, 13))).satisfies(p -> {
            assertThat(p.passoNormativo()).isEqualTo("LOMBARDIA_2025_SECONDO_STEP");
            assertThat(p.riserveCategorie()).isTrue();
        });
    }

    @Test
    @Order(8)
    void unaPubblicazioneDiUnAltroNodoEntraAlProssimoAllineamento(@Autowired org.springframework.jdbc.core.JdbcTemplate jdbc) {
        String modello = NAMESPACE + "#" + NOME;
        assertThat(runtime.versioniAttive().get(modello)).doesNotContain(2);
        // another node of the cluster publishes version 2 from a far day: only the database tells this node
        jdbc.update("update regola_versione set stato = 'PUBLISHED', valido_dal = date '2099-01-01' where nome = ? and versione = 2", NOME);
        repository.allinea();
        assertThat(runtime.versioniAttive().get(modello)).contains(1, 2, 3);
        assertThat(runtime.versioniCorrenti()).containsEntry(modello, 1);

        jdbc.update("update regola_versione set stato = 'RETIRED' where nome = ? and versione = 2", NOME);
        repository.allinea();
        assertThat(runtime.versioniAttive().get(modello)).doesNotContain(2);
    }

    private EsitoDmn valuta(int isee) {
        return runtime.valuta(NAMESPACE, NOME, Map.of("isee", new BigDecimal(isee), "attestazione", false));
    }

    private Task attivita() {
        return taskService.createTaskQuery().processDefinitionKey(PubblicazioneRegoleBpmn.PROCESS_ID)
                .processInstanceBusinessKey(NOME).singleResult();
    }

    private ClientHttp.Risposta carica(String utente, byte[] dmn, String validoDal) {
        return http.invia(http.richiesta("/api/regole/" + NOME + "?motivo=Soglia&validoDal=" + validoDal, utente)
                .header("Content-Type", "application/xml").POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(dmn)).build());
    }

    private ClientHttp.Risposta richiedi(String utente, int versione, String altro) {
        return http.post("/api/regole/" + NOME + "/versioni/" + versione + "/pubblicazione?motivo=Prova" + altro, utente, "");
    }

    private static String approvazione(int versione) {
        return "/api/regole/" + NOME + "/versioni/" + versione + "/approvazione";
    }

    private void casi(int versione, String descrizione, int isee, boolean ammesso) {
        ClientHttp.Risposta risposta = http.post("/api/regole/" + NOME + "/versioni/" + versione + "/casi", ANALISTA,
                "[{\"descrizione\":\"" + descrizione + "\",\"input\":{\"isee\":" + isee + ",\"attestazione\":false},"
                        + "\"atteso\":{\"" + DECISIONE + "\":" + ammesso + "}}]");
        assertThat(risposta.status()).as(risposta.body()).isEqualTo(200);
    }
}
