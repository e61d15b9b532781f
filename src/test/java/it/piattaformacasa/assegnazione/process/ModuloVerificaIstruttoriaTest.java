package it.piattaformacasa.assegnazione.process;

import static it.piattaformacasa.DemoUtenti.*;
import static it.piattaformacasa.assegnazione.process.IstruttoriaBpmn.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
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
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import it.piattaformacasa.ClientHttp;
import it.piattaformacasa.IntegrationTest;
import it.piattaformacasa.ScenarioAvviso;
import it.piattaformacasa.anagrafe.Alloggio;
import it.piattaformacasa.anagrafe.AlloggioRepository;
import it.piattaformacasa.anagrafe.StatoAlloggio;
import it.piattaformacasa.graduatoria.Graduatoria;
import it.piattaformacasa.graduatoria.GraduatoriaRepository;
import it.piattaformacasa.graduatoria.GraduatoriaService;

/**
 * «Verifica istruttoria» carries the work (issue 11): the task shows the domanda, the nucleo, ISBAR with the citizen's
 * explanation, the alloggi chosen at this ente and the art. 15 order, and offers only this ente's chosen alloggi; a
 * completion through the engine REST API with another alloggio is refused with nothing written, and a ricalcolo sent
 * as Tasklist sends it (the checklist as a Json list) is applied.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ModuloVerificaIstruttoriaTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Richiedente of the weaker domanda: what a citizen may type, which the form must show as typed. */
    private static final String COGNOME = "D'Amico <b>*Rossi*</b>";

    @LocalServerPort
    int port;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    AlloggioRepository alloggi;
    @Autowired
    GraduatoriaRepository graduatorie;
    @Autowired
    GraduatoriaService graduatorieService;
    @Autowired
    JdbcTemplate jdbc;

    ClientHttp http;
    List<Alloggio> diVarese;
    Alloggio diAler;
    long forte;
    long debole;
    long graduatoriaVarese;
    long istruttoriaForte;
    long istruttoriaDebole;

    @BeforeAll
    void graduatoriaDefinitiva() {
        http = new ClientHttp(port);
        ScenarioAvviso scenario = new ScenarioAvviso(http, runtimeService, managementService, alloggi);
        diAler = alloggi.findById(jdbc.queryForObject("""
                insert into alloggio (codice_ui, ente_id, comune_id, indirizzo, piano, superficie_utile, vani, ascensore,
                                      barriere_architettoniche, stato)
                select 'VIM-ALER-1', e.id, c.id, 'Via del Modulo 1', 1, 58, 3, true, false, 'LIBERO'
                  from ente_proprietario e, comune c where e.codice_fiscale = ? and c.codice_istat = '012133'
                returning id""", Long.class, CF_ALER)).orElseThrow();
        diVarese = scenario.alloggiDi(CF_COMUNE_VARESE, StatoAlloggio.LIBERO, 2);
        long avviso = scenario.aperto(List.of(diVarese.get(0), diVarese.get(1), diAler), List.of(CAPOFILA, CAPOFILA, ALER_AVVISO));
        // the stronger domanda: low ISEE, two conditions, a child with an invalidity; its first choice is ALER's
        forte = presenta(avviso, "LLRMRA72C41L682G", "Maria", "Bianchi", 3_000, "\"coabitazione\":true,\"sovraffollamento\":true",
                List.of(diAler, diVarese.get(0)),
                ",{\"codiceFiscale\":\"BRMGRG16E20L682I\",\"nome\":\"Giorgio\",\"cognome\":\"Bianchi\",\"dataNascita\":\"2016-05-20\","
                        + "\"relazione\":\"FIGLIO\",\"percentualeInvalidita\":75,\"indennitaAccompagnamento\":false,\"handicapGrave\":true}");
        debole = presenta(avviso, "VRDGPP85T10L682H", "Giuseppe", COGNOME, 14_000, "\"coabitazione\":true,\"sovraffollamento\":true",
                List.of(diVarese.get(1), diVarese.get(0)), "");
        jdbc.update("""
                insert into piano_riserve (ente_id, comune_id, anno, alloggi_disponibili, aggiornato_il, aggiornato_da)
                select e.id, c.id, ?, 10, now(), 'test' from ente_proprietario e, comune c
                 where e.codice_fiscale in (?, ?) and c.codice_istat = '012133'
                on conflict (ente_id, comune_id, anno) do nothing""", LocalDate.now(ZoneId.of("Europe/Rome")).getYear(),
                CF_ALER, CF_COMUNE_VARESE);
        for (Graduatoria g : scenario.graduatorieApprovate(avviso, graduatorie, graduatorieService, jdbc, true)) {
            if (!g.getEnte().getRagioneSociale().startsWith("ALER")) {
                graduatoriaVarese = g.getId();
            }
        }
    }

    private long presenta(long avviso, String cf, String nome, String cognome, int isee, String condizioni, List<Alloggio> scelti,
                          String altri) {
        String body = "{\"nucleo\":[{\"codiceFiscale\":\"" + cf + "\",\"nome\":\"" + nome + "\",\"cognome\":\"" + cognome.replace("\"", "\\\"")
                + "\",\"dataNascita\":\"19" + cf.substring(6, 8) + "-01-01\",\"relazione\":\"RICHIEDENTE\",\"percentualeInvalidita\":0}"
                + altri + "],\"residenza\":{\"codiceIstatComune\":\"012133\",\"residenteLombardiaDal\":\"2000-01-01\","
                + "\"residenteComuneDal\":\"2005-01-01\"},\"isee\":{\"valore\":" + isee + ",\"protocolloDsu\":\"INPS-VIM-" + cf.substring(0, 6)
                + "\",\"dataDsu\":\"2026-01-20\"},\"patrimonio\":0,\"condizioni\":{" + condizioni + "},\"alloggi\":["
                + String.join(",", scelti.stream().map(a -> Long.toString(a.getId())).toList()) + "]}";
        ClientHttp.Risposta risposta = http.post("/api/avvisi/" + avviso + "/domande", CAPOFILA, body);
        assertThat(risposta.status()).as(risposta.body()).isEqualTo(201);
        return risposta.json().get("id").asLong();
    }

    private long avvia(long domanda) {
        ClientHttp.Risposta avviata = http.post("/api/graduatorie/" + graduatoriaVarese + "/istruttorie", VARESE_ISTRUTTORIA,
                "{\"domandaId\":" + domanda + "}");
        assertThat(avviata.status()).as(avviata.body()).isEqualTo(201);
        return avviata.json().get("id").asLong();
    }

    private Task task(long istruttoria) {
        return taskService.createTaskQuery().processDefinitionKey(PROCESS_ID).processInstanceBusinessKey(Long.toString(istruttoria))
                .singleResult();
    }

    private static JsonNode json(Object variabile) throws Exception {
        return JSON.readTree(String.valueOf(variabile));
    }

    /** The Markdown as the operator reads it (escapes removed). */
    private static String letto(Object markdown) {
        return String.valueOf(markdown).replace("\\", "");
    }

    @Test
    @Order(1)
    void ilModuloMostraLaDomandaIlNucleoIlPunteggioGliAlloggiDiQuestoEnteELOrdine() throws Exception {
        istruttoriaDebole = avvia(debole);
        Task task = task(istruttoriaDebole);
        Map<String, Object> locali = taskService.getVariablesLocal(task.getId());

        String domanda = (String) locali.get(VAR_SCHEDA_DOMANDA);
        assertThat(letto(domanda)).contains("Domanda n. " + debole, "Giuseppe " + COGNOME, "residente a **Varese**",
                "ISEE dichiarato: 14.000,00 €", "condizioni dichiarate: coabitazione, sovraffollamento", "| Richiedente | ");
        assertThat(domanda).as("what the citizen typed is escaped, never Markdown or HTML")
                .contains("D\\'Amico \\<b\\>\\*Rossi\\*\\<\\/b\\>").doesNotContain("<b>", "*Rossi*");
        assertThat(domanda).doesNotContain("VRDGPP85T10L682H");

        // ISBAR with the explanation the citizen reads, line by line
        String spiegazione = http.get("/api/domande/" + debole + "/spiegazione?formato=testo", VARESE_ISTRUTTORIA).body();
        String punteggio = letto(locali.get(VAR_SCHEDA_PUNTEGGIO));
        List<String> righe = spiegazione.lines().filter(r -> r.contains(" punti ") && !r.startsWith("Punteggio ISBAR")
                && !r.startsWith("Totale")).toList();
        assertThat(righe).isNotEmpty();
        righe.forEach(r -> assertThat(punteggio).contains(r));
        assertThat(punteggio).startsWith("#### Punteggio ISBAR: " + spiegazione.lines().findFirst().orElseThrow()
                .replaceAll(".*: (.*) punti\\.", "$1") + " punti");

        // the alloggi chosen at the Comune di Varese in order of preference; ALER's is not there
        String scelti = letto(locali.get(VAR_SCHEDA_ALLOGGI));
        assertThat(scelti).contains("| 1ª | " + diVarese.get(1).getCodiceUi() + " | Varese", "| 2ª | " + diVarese.get(0).getCodiceUi()
                + " | Varese", "comune di residenza").doesNotContain("VIM-ALER-1");
        JsonNode opzioni = json(locali.get(VAR_ALLOGGI_ASSEGNABILI));
        assertThat(opzioni).extracting(o -> o.get("value").asLong())
                .containsExactly(diVarese.get(1).getId(), diVarese.get(0).getId());
        assertThat(opzioni.get(0).get("label").asText()).startsWith(diVarese.get(1).getCodiceUi() + " – Varese, ")
                .contains(" m² ").endsWith("(1ª scelta)");

        // art. 15: the stronger domanda comes first, so this one needs a reason
        assertThat(locali.get(VAR_FUORI_ORDINE)).isEqualTo(true);
        assertThat(letto(locali.get(VAR_SCHEDA_ORDINE))).contains("non è la prossima", "la prossima è la **domanda n. " + forte + "**");
        assertThat(json(locali.get(VAR_CONDIZIONI_CORRETTE))).as("the checklist starts as declared")
                .extracting(JsonNode::asText).containsExactly("coabitazione", "sovraffollamento");
        assertThat(runtimeService.getVariables(task.getProcessInstanceId())).as("task-local only")
                .doesNotContainKeys(VAR_SCHEDA_DOMANDA, VAR_ALLOGGI_ASSEGNABILI, VAR_FUORI_ORDINE);

        istruttoriaForte = avvia(forte);
        Map<String, Object> delForte = taskService.getVariablesLocal(task(istruttoriaForte).getId());
        assertThat(delForte.get(VAR_FUORI_ORDINE)).isEqualTo(false);
        assertThat(letto(delForte.get(VAR_SCHEDA_ORDINE))).contains("è **la prossima**");
        assertThat(json(delForte.get(VAR_ALLOGGI_ASSEGNABILI))).as("its second choice; the first is ALER's")
                .extracting(o -> o.get("value").asLong()).containsExactly(diVarese.get(0).getId());
        int eta = java.time.Period.between(LocalDate.of(2016, 5, 20), LocalDate.now(ZoneId.of("Europe/Rome"))).getYears();
        assertThat(letto(delForte.get(VAR_SCHEDA_DOMANDA))).contains("| Figlio/a | " + eta + " anni | invalidità 75 %; "
                + "handicap grave (art. 3 co. 3 L. 104/1992) |");
        assertThat(letto(delForte.get(VAR_SCHEDA_ALLOGGI))).contains("| 2ª | " + diVarese.get(0).getCodiceUi())
                .doesNotContain("| 1ª | ", "VIM-ALER-1");
    }

    @Test
    @Order(2)
    void unAlloggioFuoriDalleOpzioniERifiutatoENonScriveNulla() {
        String id = task(istruttoriaForte).getId();
        for (long alloggio : List.of(diAler.getId(), 999_999_999L)) {
            ClientHttp.Risposta rifiutata = http.post("/engine-rest/task/" + id + "/complete", VARESE_ISTRUTTORIA,
                    "{\"variables\":{\"esito\":{\"value\":\"AMMISSIBILE\"},\"alloggioId\":{\"value\":" + alloggio + "}}}");
            assertThat(rifiutata.status()).as(rifiutata.body()).isEqualTo(400);
            assertThat(rifiutata.json().get("message").asText()).contains("Alloggio da assegnare", "valore non ammesso").doesNotContain("alloggioId");
        }
        assertThat(jdbc.queryForObject("select stato from istruttoria where id = ?", String.class, istruttoriaForte)).isEqualTo("IN_CORSO");
        assertThat(jdbc.queryForObject("select count(*) from assegnazione where domanda_id = ?", Integer.class, forte)).isZero();
        assertThat(task(istruttoriaForte)).as("still open").isNotNull();
        assertThat(taskService.getVariablesLocal(id)).doesNotContainKey(VAR_ALLOGGIO_ID);
    }

    @Test
    @Order(3)
    void unRicalcoloConLaChecklistInviataComeTasklistEApplicato() {
        BigDecimal prima = jdbc.queryForObject("select coalesce(isbar_lavoro, isbar) from domanda where id = ?", BigDecimal.class, debole);
        String id = task(istruttoriaDebole).getId();

        ClientHttp.Risposta ricalcolo = http.post("/engine-rest/task/" + id + "/complete", VARESE_ISTRUTTORIA, """
                {"variables":{"esito":{"value":"RICALCOLO"},
                 "condizioniCorrette":{"value":"[\\"coabitazione\\"]","type":"Json"}}}""");

        assertThat(ricalcolo.status()).as(ricalcolo.body()).isEqualTo(204);
        Map<String, Object> istruttoria = jdbc.queryForMap("select stato, isbar_prima, isbar_dopo from istruttoria where id = ?",
                istruttoriaDebole);
        assertThat(istruttoria.get("stato")).isEqualTo("RICALCOLATA");
        assertThat((BigDecimal) istruttoria.get("isbar_prima")).isEqualByComparingTo(prima);
        assertThat((BigDecimal) istruttoria.get("isbar_dopo")).isLessThan(prima);
        // sovraffollamento not confirmed: its points go, coabitazione stays (the checklist replaces the declared conditions)
        assertThat(jdbc.queryForObject("select isee from domanda where id = ?", BigDecimal.class, debole)).isEqualByComparingTo("14000");
        List<String> nomi = new ArrayList<>();
        taskService.createTaskQuery().taskId(id).list().forEach(t -> nomi.add(t.getName()));
        assertThat(nomi).as("completed").isEmpty();
    }
}
