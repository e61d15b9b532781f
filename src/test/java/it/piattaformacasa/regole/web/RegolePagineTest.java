package it.piattaformacasa.regole.web;

import static it.piattaformacasa.DemoUtenti.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import it.piattaformacasa.ClientHttp;
import it.piattaformacasa.IntegrationTest;
import it.piattaformacasa.ScenarioAvviso;
import it.piattaformacasa.SessioneConsole;
import it.piattaformacasa.anagrafe.Alloggio;
import it.piattaformacasa.anagrafe.AlloggioRepository;
import it.piattaformacasa.anagrafe.StatoAlloggio;
import it.piattaformacasa.regole.RepositoryRegole;

/**
 * Issue 12, the analysts' rule workbench at HTTP level, on a rule set of its own («soglia-console-http», the Camunda
 * Modeler file of the regole tests), so no other test's rules move: an invalid cell is refused with the validator's
 * reason next to its rule and nothing is saved; who may send the forms; a publication refused by the test cases;
 * the what-if of an ISBAR cell changed in the editor, on a small avviso of two domande.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegolePagineTest {

    static final String NOME = "soglia-console-http";
    static final String VERSIONE = "/regole/" + NOME + "/versioni/1";
    static final ZoneId ROMA = ZoneId.of("Europe/Rome");
    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    RepositoryRegole repository;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;
    @Autowired
    AlloggioRepository alloggi;

    ClientHttp http;
    SessioneConsole analista;

    @BeforeAll
    void insiemeDiProva() throws Exception {
        http = new ClientHttp(port);
        byte[] dmn;
        try (var in = getClass().getResourceAsStream("/regole-di-prova/modeler-soglia.dmn")) {
            dmn = in.readAllBytes();
        }
        ClientHttp.Risposta caricata = http.invia(http.richiesta("/api/regole/" + NOME + "?motivo=Prova&validoDal="
                        + LocalDate.now(ROMA), ANALISTA).header("Content-Type", "application/xml")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(dmn)).build());
        assertThat(caricata.status()).as(caricata.body()).isEqualTo(201);
        assertThat(http.post("/api/regole/" + NOME + "/versioni/1/casi", ANALISTA, """
                [{"descrizione":"ISEE 20.000: non ammesso","input":{"isee":20000,"attestazione":false},"atteso":{"Soglia di prova":true}}]""")
                .status()).isEqualTo(200);
        analista = SessioneConsole.di(http, ANALISTA);
    }

    @Test
    void lElencoMostraGliInsiemiLeVersioniEQuellaInVigore() {
        ClientHttp.Risposta elenco = analista.get("/regole");
        assertThat(elenco.status()).isEqualTo(200);
        assertThat(elenco.body()).contains("Regole «isbar»", "Regole «" + NOME + "»", "Validata, non pubblicata", "In vigore oggi",
                "Pubblicata", "baseline");

        ClientHttp.Risposta versione = analista.get(VERSIONE);
        assertThat(versione.body()).contains("Soglia di prova", "ISEE fino a 16.000 € (art. 7 co. 1 lett. c)",
                "Unica: a ogni caso si applica al più una regola", "ingresso: isee (numero)", "&lt;= 16000",
                "ISEE 20.000: non ammesso", "Esegui i casi di prova", "Richiedi pubblicazione", "Modifica come nuova versione");
    }

    @Test
    void unaCellaNonValidaERifiutataAccantoAllaSuaRegolaENullaESalvato() {
        int prima = versioni();
        ClientHttp.Risposta sintassi = analista.post(VERSIONE + "/modifica", campi("0-0-0", "<= 16000 +"));
        assertThat(sintassi.status()).isEqualTo(400);
        assertThat(sintassi.body()).contains("La nuova versione non è stata salvata", "Espressione FEEL non valida",
                "id=\"errore-0-0\"", "value=\"&lt;= 16000 +\"", "Decisione «Soglia di prova», regola 1:");
        assertThat(sintassi.body()).as("the edited cell marked invalid and described by its rule's error")
                .containsPattern("id=\"c-0-0-0\"[^>]*is-invalid|is-invalid[^>]*id=\"c-0-0-0\"")
                .contains("aria-describedby=\"errore-0-0\"");
        assertThat(sintassi.body()).as("the other rule untouched").doesNotContain("id=\"errore-0-1\"");

        ClientHttp.Risposta sovrapposte = analista.post(VERSIONE + "/modifica", campi("0-0-0", "<= 17000"));
        assertThat(sovrapposte.status()).isEqualTo(400);
        assertThat(sovrapposte.body()).contains("Regole sovrapposte", "id=\"errore-0-0\"", "id=\"errore-0-1\"");

        ClientHttp.Risposta tipo = analista.post(VERSIONE + "/modifica", campi("0-1-2", "\"no\""));
        assertThat(tipo.status()).isEqualTo(400);
        assertThat(tipo.body()).contains("id=\"errore-0-1\"", "La regola 2 dà l&#39;uscita", "fuori dai valori ammessi della colonna").doesNotContain("id=\"errore-0-0\"");

        ClientHttp.Risposta invariata = analista.post(VERSIONE + "/modifica", campi("0-0-0", "<= 16000"));
        assertThat(invariata.status()).isEqualTo(400);
        assertThat(invariata.body()).contains("Nessuna cella è stata modificata");

        Map<String, String> senzaMotivo = campi("0-0-0", "<= 15000");
        senzaMotivo.put("motivo", "");
        ClientHttp.Risposta motivo = analista.post(VERSIONE + "/modifica", senzaMotivo);
        assertThat(motivo.status()).isEqualTo(400);
        assertThat(motivo.body()).contains("id=\"motivo-errore\"", "Indicare il motivo della modifica", "value=\"&lt;= 15000\"");

        Map<String, String> dataSbagliata = campi("0-0-0", "<= 15000");
        dataSbagliata.put("validoDal", "31/02/2026");
        ClientHttp.Risposta data = analista.post(VERSIONE + "/modifica", dataSbagliata);
        assertThat(data.status()).isEqualTo(400);
        assertThat(data.body()).contains("id=\"validoDal-errore\"", "indicare il giorno come gg/mm/aaaa", "value=\"31/02/2026\"");

        assertThat(versioni()).as("nothing saved").isEqualTo(prima);
    }

    @Test
    void soloGliAnalistiModificanoEChiedonoLaPubblicazione() {
        for (String utente : List.of(CAPOFILA, MALNATE, SUPERVISORE, ADMIN)) {
            SessioneConsole altro = SessioneConsole.di(http, utente);
            assertThat(altro.post(VERSIONE + "/modifica", campi("0-0-0", "<= 15000")).status()).as(utente).isEqualTo(403);
            assertThat(altro.post(VERSIONE + "/pubblicazione", Map.of("motivo", "Prova")).status()).as(utente).isEqualTo(403);
        }
        for (String utente : List.of(CAPOFILA, MALNATE)) {
            SessioneConsole operatore = SessioneConsole.di(http, utente);
            assertThat(operatore.post(VERSIONE + "/casi", Map.of()).status()).as(utente).isEqualTo(403);
            assertThat(operatore.post("/regole/isbar/versioni/1/simulazione", Map.of("avvisoId", "1")).status()).as(utente)
                    .isEqualTo(403);
        }
        assertThat(SessioneConsole.di(http, SUPERVISORE).post(VERSIONE + "/casi", Map.of()).body())
                .as("supervisors run the cases, as GET /api/regole/{nome}/versioni/{n}/casi").contains("Non superato");
        assertThat(versioni()).isEqualTo(1);
    }

    @Test
    void laPubblicazioneRifiutataDaiCasiLoDiceEMostraIlModulo() {
        ClientHttp.Risposta senzaMotivo = analista.post(VERSIONE + "/pubblicazione", Map.of("motivo", " "));
        assertThat(senzaMotivo.status()).isEqualTo(400);
        assertThat(senzaMotivo.body()).contains("id=\"motivo-errore\"", "Indicare il motivo della pubblicazione");

        ClientHttp.Risposta casi = analista.post(VERSIONE + "/pubblicazione", Map.of("motivo", "Prova"));
        assertThat(casi.status()).isEqualTo(409);
        assertThat(casi.body()).contains("Pubblicazione bloccata", "ISEE 20.000: non ammesso").contains(">Prova<");
        assertThat(repository.versione(NOME, 1).pubblicazioneRichiestaDa()).isNull();
    }

    @Test
    void laSimulazioneMostraChiSaleEChiScendeInOgniGraduatoria() {
        ScenarioAvviso scenario = new ScenarioAvviso(http, runtimeService, managementService, alloggi)
                .conTitolo("Avviso della simulazione in console");
        Alloggio alloggio = scenario.alloggiDi(CF_ALER, StatoAlloggio.LIBERO, 1).get(0);
        long avviso = scenario.aperto(List.of(alloggio), List.of(ALER_AVVISO));
        // 26 years in Lombardia, nothing else: 6,5 points of residence
        long lunga = DomandeDiSimulazione.presenta(http, avviso, "RSSMRA70A01F205", "2000-01-10", 0, false, alloggio);
        // 8 years, a member with 74 % invalidity, overcrowded: more points overall
        long invalidita = DomandeDiSimulazione.presenta(http, avviso, "BNCLRA75B42F205", "2018-03-01", 74, true, alloggio);

        // the analyst raises «oltre 15 anni in Lombardia» from 6,5 to 36,5 points in the editor: a new isbar version
        Map<String, String> isbar = new LinkedHashMap<>();
        isbar.put("c-0-0-1", "36.5");
        isbar.put("motivo", "Prova della simulazione");
        isbar.put("validoDal", LocalDate.now(ROMA).toString());
        ClientHttp.Risposta salvata = analista.post("/regole/isbar/versioni/1/modifica", isbar);
        assertThat(salvata.status()).as(salvata.body()).isEqualTo(303);
        String nuova = salvata.raw().headers().firstValue("Location").orElseThrow().replaceFirst(".*/versioni/", "");
        assertThat(repository.inVigoreIl(LocalDate.now(ROMA)).versione("isbar")).as("a draft, not in force")
                .isNotEqualTo(Integer.valueOf(nuova));

        ClientHttp.Risposta pagina = analista.get("/regole/isbar/versioni/" + nuova);
        assertThat(pagina.body()).contains("Simula su un avviso", "Avviso della simulazione in console", "<code>36.5</code>");

        ClientHttp.Risposta simulata = analista.post("/regole/isbar/versioni/" + nuova + "/simulazione",
                Map.of("avvisoId", String.valueOf(avviso)));
        assertThat(simulata.status()).as(simulata.body()).isEqualTo(200);
        String testo = simulata.body();
        assertThat(testo).contains("Simulazione delle regole «isbar», versione " + nuova + ", sull&#39;avviso n. " + avviso,
                "2 domande, un punteggio cambiato, 2 domande cambiano posizione; riserva indigenti: nessuna entra, nessuna esce.", "Graduatoria di");
        assertThat(testo).containsPattern("n\\. " + lunga + "</th>\\s*<td class=\"numero\">2 → 1</td>")
                .containsPattern("n\\. " + invalidita + "</th>\\s*<td class=\"numero\">1 → 2</td>")
                .contains("Sale di 1", "Scende di 1");
    }

    private Map<String, String> campi(String cella, String valore) {
        Map<String, String> campi = new LinkedHashMap<>();
        campi.put("c-" + cella, valore);
        campi.put("motivo", "Prova di una cella");
        campi.put("validoDal", LocalDate.now(ROMA).format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")));
        return campi;
    }

    private int versioni() {
        return (int) repository.versioni().stream().filter(v -> v.nome().equals(NOME)).count();
    }
}
