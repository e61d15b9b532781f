package it.piattaformacasa.config;

import static it.piattaformacasa.DemoUtenti.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import it.piattaformacasa.ClientHttp;
import it.piattaformacasa.DomandaDiProva;
import it.piattaformacasa.IntegrationTest;
import it.piattaformacasa.ScenarioAvviso;
import it.piattaformacasa.anagrafe.Alloggio;
import it.piattaformacasa.anagrafe.AlloggioRepository;
import it.piattaformacasa.avviso.process.AvvisoBpmn;
import it.piattaformacasa.graduatoria.Graduatoria;
import it.piattaformacasa.graduatoria.GraduatoriaRepository;
import it.piattaformacasa.graduatoria.GraduatoriaService;
import it.piattaformacasa.graduatoria.process.GraduatoriaBpmn;

/**
 * Issue 9: who may call what. Every endpoint family of {@code /api} and {@code /engine-rest}, each tried by the ten
 * kinds of caller: nobody, a wrong password, an operator of the ente that owns the resource, an operator of another
 * ente, an analyst, a supervisor, an administrator, and (issue 14, seed 004) the provincial reader of the ente's
 * province, a provincial reader of another province, the regional reader. Expected: {@code S} allowed (anything but 401/403/404 and 5xx),
 * {@code N} refused (403, or 404 where the API does not reveal what exists), and always 401 without valid
 * credentials; {@code E} an empty list (the caller may ask, and sees none of it); {@code V} 400 from the engine guard
 * (a completion that would change the case); {@code -} not tried. Every {@code /api} endpoint of the application must have its row (the last test checks it).
 *
 * <p>Rows that change something are tried by the refused callers first, so a refusal is always tested against the
 * untouched resource.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MatriceAutorizzazioniTest {

    private static final ZoneId ROMA = ZoneId.of("Europe/Rome");
    /**
     * Order of the expectation string: operator of the ente, of another ente, analyst, supervisor, administrator, and the
     * read-only users of seed 004: the provincial reader of Varese (the province of every ente here), the provincial
     * reader of Como (another province: none of it is in scope) and the regional reader. Readers are refused every
     * write (the last three letters of every row that changes something are {@code NNN}).
     */
    private static final List<String> ATTORI = List.of("ente", "altro ente", "analista", "supervisore", "amministratore",
            "lettore provincia", "lettore altra provincia", "lettore regione");

    @LocalServerPort
    int port;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    IdentityService identityService;
    @Autowired
    AlloggioRepository alloggi;
    @Autowired
    GraduatoriaRepository graduatorie;
    @Autowired
    GraduatoriaService graduatorieService;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappe;

    ClientHttp http;
    final Map<String, String> id = new HashMap<>();

    /**
     * One row: the endpoint as the application declares it (for the coverage check), the request, the operator who
     * owns the resource, and the expectation of the five callers in {@link #ATTORI} order.
     */
    record Riga(String endpoint, String metodo, String percorso, String corpo, String tipo, String proprietario, String attese) {
        @Override
        public String toString() {
            return endpoint;
        }
    }

    @BeforeAll
    void dati() {
        http = new ClientHttp(port);
        ScenarioAvviso scenario = new ScenarioAvviso(http, runtimeService, managementService, alloggi);
        Alloggio aler = alloggi.findById(alloggioDellaMatrice(CF_ALER, 1)).orElseThrow();
        Alloggio varese = alloggi.findById(alloggioDellaMatrice(CF_COMUNE_VARESE, 2)).orElseThrow();

        // avviso A: closed, graduatorie provvisorie; the Comune di Varese's approved today (rettifica window open)
        long avvisoA = scenario.aperto(List.of(aler, varese), List.of(ALER_AVVISO, CAPOFILA));
        id.put("avviso", Long.toString(avvisoA));
        id.put("domanda", presenta(avvisoA, "MTRPLA70A01L682R", aler.getId(), varese.getId()));
        scenario.eseguiTimer(avvisoA, AvvisoBpmn.TIMER_CHIUSURA);
        scenario.eseguiTimer(avvisoA, AvvisoBpmn.SERVICE_GENERA_GRADUATORIE);
        for (Graduatoria g : graduatorie.findByAvvisoIdOrderById(avvisoA)) {
            id.put(g.getEnte().getRagioneSociale().startsWith("ALER") ? "gradAler" : "grad", g.getId().toString());
        }
        LocalDate oggi = LocalDate.now(ROMA);
        graduatorieService.approva(Long.parseLong(id.get("grad")), "DET-M", oggi, Graduatoria.Pubblicazione.SITO_ENTE, oggi, CAPOFILA);
        id.put("approvazioneAler", taskService.createTaskQuery().processDefinitionKey(GraduatoriaBpmn.PROCESS_ID)
                .processInstanceBusinessKey(id.get("gradAler")).singleResult().getId());
        id.put("generazione", jdbc.queryForObject("select max(id) from generazione_graduatorie where avviso_id = ?", Long.class,
                avvisoA).toString());

        // avviso C: open to domande
        long alloggioAperto = alloggioDellaMatrice(CF_COMUNE_VARESE, 4);
        id.put("avvisoAperto", Long.toString(scenario.aperto(List.of(alloggi.findById(alloggioAperto).orElseThrow()), List.of(CAPOFILA))));
        id.put("alloggioAperto", Long.toString(alloggioAperto));

        // avviso B: a selection task per ente (claims, completions, variables)
        long avvisoB = scenario.predisposto();
        id.put("avvisoSelezione", Long.toString(avvisoB));
        String istanza = runtimeService.createProcessInstanceQuery().processDefinitionKey(AvvisoBpmn.PROCESS_ID)
                .processInstanceBusinessKey(Long.toString(avvisoB)).singleResult().getId();
        id.put("istanza", istanza);
        Task selezione = taskService.createTaskQuery().processInstanceId(istanza).taskCandidateGroup("ente-" + CF_COMUNE_VARESE + "-avviso")
                .singleResult();
        id.put("task", selezione.getId());
        id.put("job", managementService.createJobQuery().processInstanceId(istanza).activityId(AvvisoBpmn.TIMER_FINE_SELEZIONE)
                .singleResult().getId());
        id.put("alloggio", varese.getId().toString());
        id.put("alloggioNuovo", Long.toString(alloggioDellaMatrice(CF_COMUNE_VARESE, 3)));
        id.put("ente", jdbc.queryForObject("select id from ente_proprietario where codice_fiscale = ?", Long.class, CF_COMUNE_VARESE)
                .toString());
        id.put("anno", Integer.toString(oggi.getYear() + 3));
        // issue 13: units and a building of the Comune di Varese to change and retire, one of its imports
        id.put("alloggioDaModificare", Long.toString(alloggioDellaMatrice(CF_COMUNE_VARESE, 5)));
        id.put("alloggioDaRitirare", Long.toString(alloggioDellaMatrice(CF_COMUNE_VARESE, 6)));
        id.put("fabbricatoDaModificare", fabbricatoDellaMatrice("MAT-F1"));
        // issue 13: nuclei assegnatari of OCCUPATO units: one to register, one to change, one to end
        long daOccupare = alloggioDellaMatrice(CF_COMUNE_VARESE, 7);
        jdbc.update("update alloggio set stato = 'OCCUPATO' where id = ?", daOccupare);
        id.put("alloggioDaOccupare", Long.toString(daOccupare));
        id.put("nucleoDaModificare", nucleoDellaMatrice(8, "MTRNCL80A01L682"));
        id.put("alloggioConNucleo", jdbc.queryForObject("select alloggio_id from nucleo_familiare where id = ?", Long.class,
                Long.parseLong(id.get("nucleoDaModificare"))).toString());
        id.put("nucleoDaTerminare", nucleoDellaMatrice(9, "MTRTRM80A01L682"));
        id.put("fabbricatoDaRitirare", fabbricatoDellaMatrice("MAT-F2"));
        id.put("importazione", jdbc.queryForObject("insert into anagrafe_importazione (ente_id, nome_file, esito, righe, operatore,"
                + " eseguita_il) values (?, 'matrice.xlsx', 'IMPORTATA', 0, 'capofila', now()) returning id", Long.class,
                Long.parseLong(id.get("ente"))).toString());
        // issue 14: a request of abilitazione of the Comune di Varese, refused in its checks (nothing for validators to do)
        id.put("richiestaAbilitazione", jdbc.queryForObject("insert into richiesta_abilitazione (ente_id, tipo, stato, inviata_da,"
                + " inviata_il) values (?, 'ABILITAZIONE', 'NON_INVIATA', 'capofila', now()) returning id", Long.class,
                Long.parseLong(id.get("ente"))).toString());
        id.put("processDefinition", runtimeService.createProcessInstanceQuery().processInstanceId(istanza).singleResult()
                .getProcessDefinitionId());
        id.put("deployment", managementService.createJobQuery().jobId(id.get("job")).singleResult().getDeploymentId());

        // ---- programmazione annuale (issue 13): plans of the demo ambito in years of their own
        id.put("pianoPredisposto", pianoAnnuale(2094, false, false));
        id.put("pianoDaAnnullare", pianoAnnuale(2093, false, false));
        id.put("pianoAperto", pianoAnnuale(2092, true, false));
        id.put("pianoChiuso", pianoAnnuale(2091, true, true));
        id.put("comunicazioneVarese", jdbc.queryForObject("""
                select ca.id from comunicazione_annuale ca join ente_proprietario e on e.id = ca.ente_id
                 where ca.piano_id = ? and e.codice_fiscale = ?""", Long.class, Long.parseLong(id.get("pianoAperto")),
                CF_COMUNE_VARESE).toString());

        // ---- Regione Marche (issue 15): bandi of the Comune di Ancona, one with the model's grid, one to delete
        id.put("bandoMarche", bandoMarche("MATRICE-1", true));
        id.put("bandoMarcheDaEliminare", bandoMarche("MATRICE-2", false));
        id.put("grigliaMarche", grigliaDaSalvare(id.get("bandoMarche")));
        // its graduatoria: a bando with two domande (written as the desk will), the list inserted and calculated
        String bandoGraduatoria = bandoMarche("MATRICE-G", true);
        id.put("bandoMarcheGraduatoria", bandoGraduatoria);
        for (int n = 1; n <= 2; n++) {
            id.put("domandaGraduatoriaMarche" + n, jdbc.queryForObject("insert into marche_domanda (bando_id, numero, data_presentazione, "
                    + "cognome, nome, punteggio) values (?, ?, date '2038-02-10', 'Matrice', 'Prova', ?) returning id", Long.class,
                    Long.parseLong(bandoGraduatoria), n, 20 - n).toString());
        }
        assertThat(http.post("/api/marche/bandi/" + bandoGraduatoria + "/graduatoria", ANCONA, "{}").status()).isEqualTo(201);
        var calcolata = http.post("/api/marche/bandi/" + bandoGraduatoria + "/graduatoria/calcolo", ANCONA, "{}");
        assertThat(calcolata.status()).as(calcolata.body()).isEqualTo(200);
        id.put("versioneGraduatoriaMarche", calcolata.json().get("version").asText());
        // the desk (issue 15): a bando with domande, one per row that changes one, each at version 0
        id.put("bandoMarcheDomande", bandoMarche("MATRICE-4", true));
        id.put("cfMarche", it.piattaformacasa.common.CodiceFiscale.conControllo("MTRDMN80A01A271"));
        for (String domanda : List.of("domandaMarche", "domandaMarcheAnagrafica", "domandaMarcheRequisiti", "domandaMarcheSoggettive",
                "domandaMarcheOggettive", "domandaMarcheEsito", "domandaMarcheDaEliminare")) {
            ClientHttp.Risposta creata = http.post("/api/marche/bandi/" + id.get("bandoMarcheDomande") + "/domande", ANCONA,
                    passo1Marche());
            assertThat(creata.status()).as(creata.body()).isEqualTo(201);
            id.put(domanda, creata.json().get("id").asText());
        }
    }

    private String passo1Marche() {
        return "{\"dataPresentazione\":\"2038-02-10\",\"cognome\":\"MATRICE\",\"nome\":\"DOMANDA\",\"codiceFiscale\":\""
                + id.get("cfMarche") + "\",\"isee\":5000}";
    }

    private String bandoMarche(String numero, boolean conCondizioni) {
        ClientHttp.Risposta bando = http.post("/api/marche/bandi", ANCONA, "{\"numero\":\"" + numero + "\",\"dataPubblicazione\":"
                + "\"2038-02-01\",\"dataScadenza\":\"2038-03-31\",\"dataScadenzaEstero\":\"2038-04-15\"}");
        assertThat(bando.status()).as(bando.body()).isEqualTo(201);
        String bandoId = bando.json().get("id").asText();
        if (conCondizioni) {
            assertThat(http.post("/api/marche/bandi/" + bandoId + "/condizioni/copia-da-modello", ANCONA, "").status()).isEqualTo(201);
        }
        return bandoId;
    }

    /** The bando's current grid as the body of «Salva» (only the fields the API takes). */
    private String grigliaDaSalvare(String bandoId) {
        var letta = http.get("/api/marche/bandi/" + bandoId + "/condizioni", ANCONA).json();
        var corpo = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
        var condizioni = corpo.putArray("condizioni");
        for (var c : letta.get("condizioni")) {
            var nuova = condizioni.addObject();
            List.of("codice", "testo", "parametro", "gruppoNonCumulabile").forEach(k -> nuova.set(k, c.get(k)));
            var fasce = nuova.putArray("fasce");
            for (var f : c.get("fasce")) {
                var fascia = fasce.addObject();
                List.of("testo", "punti", "oltre", "finoA", "perOgni").forEach(k -> fascia.set(k, f.get(k)));
            }
        }
        return corpo.toString();
    }

    /** A plan of the capofila's, predisposed and, if asked, with its window opened and then closed by its timers. */
    private String pianoAnnuale(int anno, boolean aperto, boolean chiuso) {
        LocalDate oggi = LocalDate.now(ROMA);
        ClientHttp.Risposta risposta = http.post("/api/programmazione", CAPOFILA, "{\"ambito\":\"VARESE\",\"anno\":" + anno
                + ",\"inizioComunicazioni\":\"" + oggi + "\",\"fineComunicazioni\":\"" + oggi.plusDays(10) + "\"}");
        assertThat(risposta.status()).as(risposta.body()).isEqualTo(201);
        String piano = risposta.json().get("id").asText();
        String istanza = runtimeService.createProcessInstanceQuery().processDefinitionKey("programmazione-annuale")
                .processInstanceBusinessKey(piano).singleResult().getId();
        if (aperto) {
            managementService.executeJob(managementService.createJobQuery().processInstanceId(istanza)
                    .activityId("Timer_InizioComunicazioni").singleResult().getId());
        }
        if (chiuso) {
            managementService.executeJob(managementService.createJobQuery().processInstanceId(istanza)
                    .activityId("Timer_FineComunicazioni").singleResult().getId());
        }
        return piano;
    }

    /** The demo clock's rows move the suite's one clock: whatever happened, the next class starts on real time. */
    @AfterAll
    void oraReale() {
        jdbc.update("delete from orologio_demo");
        ClockUtil.reset();
    }

    /** Units of this test's own, so the demo's free units stay for the other classes. */
    private long alloggioDellaMatrice(String cfEnte, int numero) {
        return jdbc.queryForObject("""
                insert into alloggio (codice_ui, ente_id, comune_id, indirizzo, piano, superficie_utile, vani, ascensore,
                                      barriere_architettoniche, stato)
                select 'MAT-' || ?, e.id, c.id, 'Via della Matrice ' || ?, 1, 62, 3, true, false, 'LIBERO'
                  from ente_proprietario e, comune c
                 where e.codice_fiscale = ? and c.codice_istat = '012133'
                returning id""", Long.class, numero, numero, cfEnte);
    }

    /** An OCCUPATO unit of the Comune di Varese with its household of one (the intestatario). */
    private String nucleoDellaMatrice(int numero, String cfSenzaControllo) {
        long alloggio = alloggioDellaMatrice(CF_COMUNE_VARESE, numero);
        jdbc.update("update alloggio set stato = 'OCCUPATO' where id = ?", alloggio);
        long nucleo = jdbc.queryForObject("insert into nucleo_familiare (alloggio_id) values (?) returning id", Long.class, alloggio);
        jdbc.update("insert into componente (nucleo_id, codice_fiscale, nome, cognome, data_nascita, relazione, posizione)"
                + " values (?, ?, 'Mario', 'Matrice', date '1980-01-01', 'RICHIEDENTE', 1)", nucleo,
                it.piattaformacasa.common.CodiceFiscale.conControllo(cfSenzaControllo));
        return Long.toString(nucleo);
    }

    private String fabbricatoDellaMatrice(String codice) {
        return jdbc.queryForObject("""
                insert into fabbricato (codice, ente_id, comune_id, indirizzo)
                select ?, e.id, c.id, 'Via della Matrice' from ente_proprietario e, comune c
                 where e.codice_fiscale = ? and c.codice_istat = '012133'
                returning id""", Long.class, codice, CF_COMUNE_VARESE).toString();
    }

    private String presenta(long avviso, String cf, long... alloggiScelti) {
        ClientHttp.Risposta risposta = http.post("/api/avvisi/" + avviso + "/domande", CAPOFILA, DomandaDiProva.json(cf, alloggiScelti));
        assertThat(risposta.status()).as(risposta.body()).isEqualTo(201);
        return risposta.json().get("id").asText();
    }

    // ---------------------------------------------------------------------------------------------- the matrix

    /** A valid domanda; {cf} becomes a different richiedente for each caller. */
    /** Stands for a valid domanda, of a different richiedente for each caller (built in the test). */
    private static final String DOMANDA = "{domanda valida}";

    Stream<Riga> api() {
        return Stream.of(
                riga("GET /api/me", "GET", "/api/me", null, CAPOFILA, "SSSSSSSS"),
                riga("GET /api/operatori", "GET", "/api/operatori", null, CAPOFILA, "NNNNSNNN"),
                // seed 004: administrators give the read-only scopes (here the Como reader's own, unchanged)
                riga("PUT /api/operatori/{username}/lettura", "PUT", "/api/operatori/" + LETTORE_COMO + "/lettura",
                        "{\"ruolo\":\"LETTORE_PROVINCIALE\",\"provincia\":\"CO\"}", CAPOFILA, "NNNNSNNN"),
                riga("GET /api/ambiti", "GET", "/api/ambiti", null, CAPOFILA, "SSSSSSSS"),
                riga("GET /api/ambiti/{codice}", "GET", "/api/ambiti/VARESE", null, CAPOFILA, "SSSSSSSS"),
                riga("GET /api/enti", "GET", "/api/enti", null, CAPOFILA, "SSSSSSSS"),
                riga("GET /api/enti/{id}/riepilogo", "GET", "/api/enti/{ente}/riepilogo", null, CAPOFILA, "SNSSSSNS"),
                riga("GET /api/alloggi", "GET", "/api/alloggi", null, CAPOFILA, "SSSSSSSS"),
                riga("GET /api/alloggi/{id}", "GET", "/api/alloggi/{alloggio}", null, CAPOFILA, "SNSSSSNS"),
                // issue 13: the ente's Gestione Avviso operators keep its Anagrafe; everyone else who sees it reads
                riga("POST /api/alloggi", "POST", "/api/alloggi", "{\"enteId\":{ente},\"codiceUi\":\"MAT-NUOVO-{utente}\","
                        + "\"codiceIstatComune\":\"012133\",\"indirizzo\":\"Via Nuova 1\",\"piano\":1,\"superficieUtile\":50,"
                        + "\"vani\":2,\"stato\":\"LIBERO\"}", CAPOFILA, "SNNNNNNN"),
                riga("PUT /api/alloggi/{id}", "PUT", "/api/alloggi/{alloggioDaModificare}", "{\"version\":0,"
                        + "\"codiceIstatComune\":\"012133\",\"indirizzo\":\"Via della Matrice 5\",\"piano\":2,"
                        + "\"superficieUtile\":62,\"vani\":3,\"stato\":\"LIBERO\"}", CAPOFILA, "SNNNNNNN"),
                riga("POST /api/alloggi/{id}/ritiro", "POST", "/api/alloggi/{alloggioDaRitirare}/ritiro",
                        "{\"version\":0,\"motivo\":\"Venduto\"}", CAPOFILA, "SNNNNNNN"),
                riga("GET /api/alloggi/{id}/registro", "GET", "/api/alloggi/{alloggio}/registro", null, CAPOFILA, "SNSSSSNS"),
                // issue 13: the nuclei assegnatari the ente keeps; the people are read by who sees the ente's cases
                riga("GET /api/alloggi/{id}/nucleo", "GET", "/api/alloggi/{alloggioConNucleo}/nucleo", null, CAPOFILA, "SNNSSSNS"),
                riga("POST /api/alloggi/{id}/nucleo", "POST", "/api/alloggi/{alloggioDaOccupare}/nucleo", "{\"version\":0,"
                        + "\"componenti\":[{\"codiceFiscale\":\"" + it.piattaformacasa.common.CodiceFiscale.conControllo("MTRRGS80A01L682")
                        + "\",\"nome\":\"Rita\",\"cognome\":\"Matrice\",\"dataNascita\":\"1980-01-01\",\"relazione\":\"RICHIEDENTE\"}]}",
                        CAPOFILA, "SNNNNNNN"),
                riga("PUT /api/nuclei/{id}", "PUT", "/api/nuclei/{nucleoDaModificare}", "{\"version\":0,"
                        + "\"componenti\":[{\"codiceFiscale\":\"" + it.piattaformacasa.common.CodiceFiscale.conControllo("MTRNCL80A01L682")
                        + "\",\"nome\":\"Mario\",\"cognome\":\"Matrici\",\"dataNascita\":\"1980-01-01\",\"relazione\":\"RICHIEDENTE\"}]}",
                        CAPOFILA, "SNNNNNNN"),
                riga("POST /api/nuclei/{id}/termine", "POST", "/api/nuclei/{nucleoDaTerminare}/termine", "{\"version\":0,"
                        + "\"data\":\"2025-12-01\",\"motivo\":\"Decesso\",\"statoAlloggio\":\"LIBERO\"}", CAPOFILA, "SNNNNNNN"),
                riga("GET /api/fabbricati/{id}", "GET", "/api/fabbricati/{fabbricatoDaModificare}", null, CAPOFILA, "SNSSSSNS"),
                riga("POST /api/fabbricati", "POST", "/api/fabbricati", "{\"enteId\":{ente},\"codice\":\"MAT-F-{utente}\","
                        + "\"codiceIstatComune\":\"012133\",\"indirizzo\":\"Via Nuova 2\"}", CAPOFILA, "SNNNNNNN"),
                riga("PUT /api/fabbricati/{id}", "PUT", "/api/fabbricati/{fabbricatoDaModificare}", "{\"version\":0,"
                        + "\"codiceIstatComune\":\"012133\",\"indirizzo\":\"Via della Matrice 7\"}", CAPOFILA, "SNNNNNNN"),
                riga("POST /api/fabbricati/{id}/ritiro", "POST", "/api/fabbricati/{fabbricatoDaRitirare}/ritiro", "{\"version\":0}",
                        CAPOFILA, "SNNNNNNN"),
                // without a file: the owner gets 400 («nessun file»), the others are refused before the file is looked at
                riga("POST /api/enti/{id}/anagrafe/importazione", "POST", "/api/enti/{ente}/anagrafe/importazione", null, CAPOFILA,
                        "SNNNNNNN"),
                riga("GET /api/enti/{id}/anagrafe/importazione/{importazioneId}", "GET",
                        "/api/enti/{ente}/anagrafe/importazione/{importazione}", null, CAPOFILA, "SNSSSSNS"),
                riga("GET /api/enti/{enteId}/certificazioni", "GET", "/api/enti/{ente}/certificazioni", null, CAPOFILA, "SNSSSSNS"),
                riga("POST /api/enti/{enteId}/certificazioni", "POST", "/api/enti/{ente}/certificazioni", "{\"anno\":{anno}}",
                        CAPOFILA, "SNNSSNNN"),
                // issue 14: only the ente's referente sends (a row without e-mail: 422, nothing sent), only validators decide
                riga("POST /api/enti/{id}/abilitazioni", "POST", "/api/enti/{ente}/abilitazioni", "{\"tipo\":\"ABILITAZIONE\","
                        + "\"righe\":[{\"ragioneSociale\":\"Comune di Varese\",\"nome\":\"Matrice\",\"cognome\":\"Prova\","
                        + "\"codiceFiscale\":\"BRMLCU85D12L682R\",\"gestioneAvviso\":\"SI\",\"istruttoriaDomande\":\"NO\"}]}",
                        CAPOFILA, "SNNNNNNN"),
                riga("GET /api/enti/{id}/abilitazioni", "GET", "/api/enti/{ente}/abilitazioni", null, CAPOFILA, "SNNSSSNS"),
                riga("GET /api/enti/{id}/abilitazioni/{richiestaId}", "GET", "/api/enti/{ente}/abilitazioni/{richiestaAbilitazione}",
                        null, CAPOFILA, "SNNSSSNS"),
                riga("GET /api/abilitazioni/da-validare", "GET", "/api/abilitazioni/da-validare", null, CAPOFILA, "NNNNNNNN"),
                riga("POST /api/abilitazioni/{richiestaId}/validazione", "POST",
                        "/api/abilitazioni/{richiestaAbilitazione}/validazione", "{\"esito\":\"APPROVATA\"}", CAPOFILA, "NNNNNNNN"),
                riga("GET /api/avvisi", "GET", "/api/avvisi?ambito=VARESE", null, CAPOFILA, "SSSSSSSS"),
                riga("GET /api/avvisi/{id}", "GET", "/api/avvisi/{avviso}", null, CAPOFILA, "SSSSSSSS"),
                riga("GET /api/avvisi/{id}/regole", "GET", "/api/avvisi/{avviso}/regole", null, CAPOFILA, "SSSSSSSS"),
                riga("POST /api/avvisi", "POST", "/api/avvisi", "{\"ambito\":\"VARESE\",\"titolo\":\"Matrice\",\"tipo\":\"ORDINARIO\","
                        + "\"apertura\":\"" + ScenarioAvviso.lavorativo(5, 10) + "\",\"chiusura\":\""
                        + ScenarioAvviso.lavorativo(40, 12) + "\"}", CAPOFILA, "SNNNNNNN"),
                riga("GET /api/avvisi/{id}/alloggi", "GET", "/api/avvisi/{avvisoSelezione}/alloggi", null, CAPOFILA, "SSSSSSSS"),
                riga("POST /api/avvisi/{id}/alloggi", "POST", "/api/avvisi/{avvisoSelezione}/alloggi", "{\"alloggioId\":{alloggioNuovo},"
                        + "\"tipologia\":\"IMMEDIATAMENTE_ASSEGNABILE\",\"tipologiaRiscaldamento\":\"Autonomo\",\"speseAnnueUtenze\":900}",
                        CAPOFILA, "SNNNNNNN"),
                riga("DELETE /api/avvisi/{id}/alloggi/{alloggioId}", "DELETE", "/api/avvisi/{avvisoSelezione}/alloggi/{alloggioNuovo}",
                        null, CAPOFILA, "SNNNNNNN"),
                riga("GET /api/avvisi/{avvisoId}/domande", "GET", "/api/avvisi/{avviso}/domande", null, CAPOFILA, "SEESSSES"),
                riga("POST /api/avvisi/{avvisoId}/domande", "POST", "/api/avvisi/{avvisoAperto}/domande", DOMANDA, CAPOFILA, "SSNNNNNN"),
                riga("GET /api/domande/{id}", "GET", "/api/domande/{domanda}", null, CAPOFILA, "SNNSSSNS"),
                riga("GET /api/domande/{id}/spiegazione", "GET", "/api/domande/{domanda}/spiegazione", null, CAPOFILA, "SNNSSSNS"),
                riga("POST /api/avvisi/{avvisoId}/rivalutazione", "POST", "/api/avvisi/{avviso}/rivalutazione",
                        "{\"motivo\":\"prova della matrice\",\"versioni\":{\"isbar\":1}}", CAPOFILA, "NNNSSNNN"),
                riga("GET /api/avvisi/{avvisoId}/graduatorie", "GET", "/api/avvisi/{avviso}/graduatorie", null, CAPOFILA, "SSSSSSSS"),
                riga("GET /api/graduatorie/{id}", "GET", "/api/graduatorie/{grad}", null, CAPOFILA, "SNNSSSNS"),
                riga("GET /api/graduatorie/{id}/esportazione", "GET", "/api/graduatorie/{grad}/esportazione?formato=csv", null,
                        CAPOFILA, "SNNSSSNS"),
                riga("GET /api/avvisi/{avvisoId}/report/{nome}", "GET", "/api/avvisi/{avviso}/report/domande-in-avviso", null,
                        CAPOFILA, "SSNSSSNS"),
                riga("GET /api/avvisi/{avvisoId}/generazioni", "GET", "/api/avvisi/{avviso}/generazioni", null, CAPOFILA, "NNNSSNNN"),
                riga("POST /api/generazioni/{id}/riesecuzione", "POST", "/api/generazioni/{generazione}/riesecuzione", null,
                        CAPOFILA, "NNNSSNNN"),
                riga("POST /api/avvisi/{avvisoId}/simulazione", "POST", "/api/avvisi/{avviso}/simulazione",
                        "{\"nome\":\"isbar\",\"versione\":1}", CAPOFILA, "NNSSSNNN"),
                riga("GET /api/graduatorie/{id}/rettifiche", "GET", "/api/graduatorie/{grad}/rettifiche", null, CAPOFILA, "SNNSSSNS"),
                riga("POST /api/graduatorie/{id}/rettifiche", "POST", "/api/graduatorie/{grad}/rettifiche",
                        "{\"domandaId\":{domanda},\"codiceFiscaleComponente\":\"MTRPLA70A01L682R\",\"percentualeInvalidita\":80}",
                        CAPOFILA, "SNNNNNNN"),
                riga("GET /api/avvisi/{avvisoId}/domande/in-lavorazione", "GET", "/api/avvisi/{avviso}/domande/in-lavorazione", null,
                        CAPOFILA, "SEESSSES"),
                riga("GET /api/graduatorie/{id}/ordine-assegnazione", "GET", "/api/graduatorie/{grad}/ordine-assegnazione", null,
                        VARESE_ISTRUTTORIA, "SNNSSSNS"),
                riga("POST /api/graduatorie/{id}/istruttorie", "POST", "/api/graduatorie/{grad}/istruttorie",
                        "{\"domandaId\":{domanda}}", VARESE_ISTRUTTORIA, "SNNNNNNN"),
                riga("GET /api/istruttorie/{id}", "GET", "/api/istruttorie/999999", null, VARESE_ISTRUTTORIA, "NNNNNNNN"),
                riga("POST /api/istruttorie/{id}/verifica", "POST", "/api/istruttorie/999999/verifica",
                        "{\"esito\":\"NON_AMMISSIBILE\",\"note\":\"prova\"}", VARESE_ISTRUTTORIA, "NNNNNNNN"),
                riga("GET /api/domande/{id}/istruttorie", "GET", "/api/domande/{domanda}/istruttorie", null, VARESE_ISTRUTTORIA,
                        "SNNSSSNS"),
                riga("GET /api/assegnazioni/{id}", "GET", "/api/assegnazioni/999999", null, VARESE_ISTRUTTORIA, "NNNNNNNN"),
                riga("POST /api/assegnazioni/{id}/contratto", "POST", "/api/assegnazioni/999999/contratto",
                        "{\"esito\":\"RINUNCIA\",\"motivoRinuncia\":\"prova\"}", VARESE_ISTRUTTORIA, "NNNNNNNN"),
                riga("POST /api/graduatorie/{id}/ripescaggio", "POST", "/api/graduatorie/{grad}/ripescaggio", null, CAPOFILA, "SNNNNNNN"),
                riga("POST /api/graduatorie/{id}/alloggi-liberi", "POST", "/api/graduatorie/{grad}/alloggi-liberi",
                        "{\"alloggioId\":{alloggio}}", CAPOFILA, "SNNNNNNN"),
                riga("GET /api/enti/{enteId}/riserve/{anno}", "GET", "/api/enti/{ente}/riserve/{anno}", null, CAPOFILA, "SNSSSSNS"),
                riga("PUT /api/enti/{enteId}/riserve/{anno}/{codiceIstatComune}", "PUT", "/api/enti/{ente}/riserve/{anno}/012133",
                        "{\"alloggiDisponibili\":5}", CAPOFILA, "SNNNNNNN"),
                riga("GET /api/enti/{enteId}/riserve/{anno}/stato-assegnazioni", "GET", "/api/enti/{ente}/riserve/{anno}/stato-assegnazioni",
                        null, CAPOFILA, "SNSSSSNS"),
                // ---- programmazione annuale: the capofila acts, the ambito's enti read (and send only their own
                // scheda), supervisors, administrators and analysts read every plan
                riga("GET /api/programmazione", "GET", "/api/programmazione", null, CAPOFILA, "SSSSSSSS"),
                riga("POST /api/programmazione", "POST", "/api/programmazione", "{\"ambito\":\"VARESE\",\"anno\":2095,"
                        + "\"inizioComunicazioni\":\"" + LocalDate.now(ROMA) + "\",\"fineComunicazioni\":\""
                        + LocalDate.now(ROMA).plusDays(10) + "\"}", CAPOFILA, "SNNNNNNN"),
                riga("GET /api/programmazione/{id}", "GET", "/api/programmazione/{pianoAperto}", null, CAPOFILA, "SSSSSSNS"),
                riga("PUT /api/programmazione/{id}", "PUT", "/api/programmazione/{pianoPredisposto}",
                        "{\"inizioComunicazioni\":\"" + LocalDate.now(ROMA).plusDays(1) + "\",\"fineComunicazioni\":\""
                                + LocalDate.now(ROMA).plusDays(12) + "\"}", CAPOFILA, "SNNNNNNN"),
                riga("POST /api/programmazione/{id}/annullamento", "POST", "/api/programmazione/{pianoDaAnnullare}/annullamento",
                        null, CAPOFILA, "SNNNNNNN"),
                riga("PUT /api/programmazione/{id}/comunicazioni/{comunicazioneId}", "PUT",
                        "/api/programmazione/{pianoAperto}/comunicazioni/{comunicazioneVarese}", "{\"alloggiDisponibili\":3}",
                        CAPOFILA, "SNNNNNNN"),
                riga("POST /api/programmazione/{id}/approvazione", "POST", "/api/programmazione/{pianoChiuso}/approvazione",
                        "{\"numeroDelibera\":\"M-1\",\"dataDelibera\":\"" + LocalDate.now(ROMA) + "\"}", CAPOFILA, "SNNNNNNN"),
                riga("POST /api/programmazione/{id}/riapertura", "POST", "/api/programmazione/{pianoChiuso}/riapertura",
                        "{\"fineComunicazioni\":\"" + LocalDate.now(ROMA).plusDays(4) + "\"}", CAPOFILA, "SNNNNNNN"),
                riga("GET /api/programmazione/{id}/report", "GET", "/api/programmazione/{pianoChiuso}/report?formato=csv", null,
                        CAPOFILA, "SSSSSSNS"),
                // ---- Regione Marche (issue 15): the Marche Comune's operator with Gestione avviso defines its bandi; the
                // Lombardia operator of another ente (malnate) sees none and is refused; supervisors read them; the
                // Lombardia regional reader and the readers of Varese and Como have no Marche ente in their scope (ADR 16)
                riga("GET /api/marche/bandi", "GET", "/api/marche/bandi", null, ANCONA, "SEESSEEE"),
                riga("POST /api/marche/bandi", "POST", "/api/marche/bandi", "{\"numero\":\"MATRICE-3\",\"dataPubblicazione\":"
                        + "\"2038-02-01\",\"dataScadenza\":\"2038-03-31\",\"dataScadenzaEstero\":\"2038-04-15\"}", ANCONA, "SNNNNNNN"),
                riga("GET /api/marche/bandi/{id}", "GET", "/api/marche/bandi/{bandoMarche}", null, ANCONA, "SNNSSNNN"),
                riga("PUT /api/marche/bandi/{id}", "PUT", "/api/marche/bandi/{bandoMarche}", "{\"numero\":\"MATRICE-1\","
                        + "\"dataPubblicazione\":\"2038-02-01\",\"dataScadenza\":\"2038-03-31\",\"dataScadenzaEstero\":\"2038-04-15\"}",
                        ANCONA, "SNNNNNNN"),
                riga("DELETE /api/marche/bandi/{id}", "DELETE", "/api/marche/bandi/{bandoMarcheDaEliminare}", null, ANCONA, "SNNNNNNN"),
                riga("GET /api/marche/bandi/{id}/condizioni", "GET", "/api/marche/bandi/{bandoMarche}/condizioni", null, ANCONA,
                        "SNNSSNNN"),
                riga("POST /api/marche/bandi/{id}/condizioni/copia-da-modello", "POST",
                        "/api/marche/bandi/{bandoMarche}/condizioni/copia-da-modello", null, ANCONA, "SNNNNNNN"),
                riga("PUT /api/marche/bandi/{id}/condizioni", "PUT", "/api/marche/bandi/{bandoMarche}/condizioni", "{grigliaMarche}",
                        ANCONA, "SNNNNNNN"),
                // the desk's domande (issue 15): the same rule, the bando's ente's Gestione avviso writes, who sees it reads
                riga("GET /api/marche/bandi/{id}/domande", "GET", "/api/marche/bandi/{bandoMarcheDomande}/domande", null, ANCONA,
                        "SNNSSNNN"),
                riga("POST /api/marche/bandi/{id}/domande", "POST", "/api/marche/bandi/{bandoMarcheDomande}/domande",
                        "{\"dataPresentazione\":\"2038-02-11\",\"cognome\":\"MATRICE\",\"nome\":\"NUOVA\",\"codiceFiscale\":\"{cfMarche}\","
                        + "\"isee\":5000}", ANCONA, "SNNNNNNN"),
                riga("GET /api/marche/bandi/{id}/richiedente", "GET",
                        "/api/marche/bandi/{bandoMarcheDomande}/richiedente?codiceFiscale={cfMarche}", null, ANCONA, "SNNNNNNN"),
                riga("GET /api/marche/domande/{id}", "GET", "/api/marche/domande/{domandaMarche}", null, ANCONA, "SNNSSNNN"),
                riga("GET /api/marche/domande/{id}/condizioni", "GET", "/api/marche/domande/{domandaMarche}/condizioni", null, ANCONA,
                        "SNNSSNNN"),
                riga("PUT /api/marche/domande/{id}/anagrafica", "PUT", "/api/marche/domande/{domandaMarcheAnagrafica}/anagrafica",
                        "{\"version\":0,\"dataPresentazione\":\"2038-02-12\",\"cognome\":\"MATRICE\",\"nome\":\"DOMANDA\","
                        + "\"codiceFiscale\":\"{cfMarche}\",\"isee\":5000}", ANCONA, "SNNNNNNN"),
                riga("PUT /api/marche/domande/{id}/requisiti", "PUT", "/api/marche/domande/{domandaMarcheRequisiti}/requisiti",
                        "{\"version\":0,\"requisiti\":{\"cittadinanza\":true},\"componenti\":[]}", ANCONA, "SNNNNNNN"),
                riga("PUT /api/marche/domande/{id}/condizioni-soggettive", "PUT",
                        "/api/marche/domande/{domandaMarcheSoggettive}/condizioni-soggettive",
                        "{\"version\":0,\"fasceSpuntate\":{\"SOGGETTIVA_7\":\"a\"}}", ANCONA, "SNNNNNNN"),
                riga("PUT /api/marche/domande/{id}/condizioni-oggettive", "PUT",
                        "/api/marche/domande/{domandaMarcheOggettive}/condizioni-oggettive",
                        "{\"version\":0,\"fasceSpuntate\":{\"OGGETTIVA_4\":\"a\"}}", ANCONA, "SNNNNNNN"),
                riga("PUT /api/marche/domande/{id}/esito", "PUT", "/api/marche/domande/{domandaMarcheEsito}/esito",
                        "{\"version\":0,\"note\":\"matrice\"}", ANCONA, "SNNNNNNN"),
                riga("DELETE /api/marche/domande/{id}", "DELETE", "/api/marche/domande/{domandaMarcheDaEliminare}", null, ANCONA,
                        "SNNNNNNN"),
                // the grid's derived DMN: whoever reads the bando; «prova il punteggio» writes nothing but is a POST,
                // so the readers' read-only guard refuses it
                riga("GET /api/marche/bandi/{id}/condizioni/dmn", "GET", "/api/marche/bandi/{bandoMarche}/condizioni/dmn", null,
                        ANCONA, "SNNSSNNN"),
                riga("POST /api/marche/bandi/{id}/condizioni/prova", "POST", "/api/marche/bandi/{bandoMarche}/condizioni/prova",
                        "{\"valori\":{\"ISEE\":4800},\"spuntate\":{\"OGGETTIVA_1\":[\"a\"]}}", ANCONA, "SNNSSNNN"),
                // the graduatoria of a Marche bando (marche.GraduatoriaBandoService): read as the bando (the Regione Marche's reader too), written by its
                // Comune's operator only; «Salva» before «Calcola» so that the version read is still current
                riga("GET /api/marche/bandi/{id}/graduatoria", "GET", "/api/marche/bandi/{bandoMarcheGraduatoria}/graduatoria", null,
                        ANCONA, "SNNSSNNN"),
                riga("PUT /api/marche/bandi/{id}/graduatoria", "PUT", "/api/marche/bandi/{bandoMarcheGraduatoria}/graduatoria",
                        "{\"version\":{versioneGraduatoriaMarche},\"nota\":\"Matrice\"}", ANCONA, "SNNNNNNN"),
                riga("POST /api/marche/bandi/{id}/graduatoria", "POST", "/api/marche/bandi/{bandoMarche}/graduatoria", "{}", ANCONA,
                        "SNNNNNNN"),
                riga("POST /api/marche/bandi/{id}/graduatoria/calcolo", "POST",
                        "/api/marche/bandi/{bandoMarcheGraduatoria}/graduatoria/calcolo", "{\"confermaPerditaSpostamenti\":true}",
                        ANCONA, "SNNNNNNN"),
                riga("POST /api/marche/bandi/{id}/graduatoria/posizioni/{domandaId}/spostamento", "POST",
                        "/api/marche/bandi/{bandoMarcheGraduatoria}/graduatoria/posizioni/{domandaGraduatoriaMarche1}/spostamento",
                        "{\"direzione\":\"GIU\",\"motivo\":\"Matrice\"}", ANCONA, "SNNNNNNN"),
                riga("POST /api/marche/bandi/{id}/graduatoria/domande/{domandaId}/assegnazione", "POST",
                        "/api/marche/bandi/{bandoMarcheGraduatoria}/graduatoria/domande/{domandaGraduatoriaMarche2}/assegnazione",
                        "{\"anno\":\"2038\"}", ANCONA, "SNNNNNNN"),
                riga("GET /api/marche/bandi/{id}/graduatoria/stampa.xlsx", "GET",
                        "/api/marche/bandi/{bandoMarcheGraduatoria}/graduatoria/stampa.xlsx", null, ANCONA, "SNNSSNNN"),
                riga("GET /api/marche/bandi/{id}/brogliaccio.xlsx", "GET", "/api/marche/bandi/{bandoMarcheGraduatoria}/brogliaccio.xlsx",
                        null, ANCONA, "SNNSSNNN"),
                riga("GET /api/enti/{enteId}/lista-prefettura/{anno}", "GET", "/api/enti/{ente}/lista-prefettura/{anno}", null,
                        CAPOFILA, "SNNSSSNS"),
                riga("POST /api/enti/{enteId}/lista-prefettura/{anno}", "POST", "/api/enti/{ente}/lista-prefettura/{anno}",
                        "[{\"codiceFiscale\":\"MTRPLA70A01L682R\",\"corpo\":\"POLIZIA_DI_STATO\",\"protocollo\":\"P-1\"}]", CAPOFILA, "SNNNNNNN"),
                riga("POST /api/attivita/{taskId}/prendi-in-carico", "POST", "/api/attivita/{task}/prendi-in-carico", null,
                        CAPOFILA, "SNNNNNNN"),
                riga("POST /api/attivita/{taskId}/rilascia", "POST", "/api/attivita/{task}/rilascia", null, CAPOFILA, "SNNNNNNN"),
                riga("GET /api/scadenze", "GET", "/api/scadenze", null, CAPOFILA, "NNNSSNNN"),
                riga("GET /api/scadenze/di-legge", "GET", "/api/scadenze/di-legge", null, CAPOFILA, "SSNSSSNS"),
                riga("GET /api/regole", "GET", "/api/regole", null, ANALISTA, "SNSSSNNN"),
                riga("GET /api/regole/in-vigore", "GET", "/api/regole/in-vigore", null, ANALISTA, "SNSSSNNN"),
                riga("GET /api/regole/registro", "GET", "/api/regole/registro", null, ANALISTA, "SNSSSNNN"),
                riga("GET /api/regole/{nome}/versioni/{versione}", "GET", "/api/regole/isbar/versioni/1", null, ANALISTA, "SNSSSNNN"),
                riga("GET /api/regole/{nome}/versioni/{versione}/casi", "GET", "/api/regole/isbar/versioni/1/casi", null, ANALISTA,
                        "SNSSSNNN"),
                riga("POST /api/regole/{nome}/versioni/{versione}/casi", "POST", "/api/regole/isbar/versioni/1/casi", "[]", ANALISTA,
                        "SNSNNNNN"),
                riga("POST /api/regole/{nome}", "POST", "/api/regole/isbar?motivo=matrice", "<definitions/>", ANALISTA, "SNSNNNNN"),
                riga("POST /api/regole/{nome}/versioni/{versione}/pubblicazione", "POST",
                        "/api/regole/precedenza-assegnazione/versioni/1/pubblicazione?motivo=matrice", null, ANALISTA, "SNSNNNNN"),
                riga("POST /api/regole/{nome}/versioni/{versione}/approvazione", "POST", "/api/regole/precedenza-assegnazione/versioni/1/approvazione",
                        // four eyes: the analyst who asked cannot decide; the second one turns the request down
                        "{\"esito\":\"RESPINTA\",\"nota\":\"matrice\"}", ANALISTA, "NNSNNNNN"),
                // the demo clock (issue 11): the administrator moves it an hour forward and back to real time
                riga("GET /api/demo/orologio", "GET", "/api/demo/orologio", null, CAPOFILA, "NNNNSNNN"),
                riga("POST /api/demo/orologio/avanza", "POST", "/api/demo/orologio/avanza", "{\"ore\":1}", CAPOFILA, "NNNNSNNN"),
                riga("POST /api/demo/orologio/ripristina", "POST", "/api/demo/orologio/ripristina", null, CAPOFILA, "NNNNSNNN"));
    }

    Stream<Riga> engine() {
        return Stream.of(
                riga("motori disponibili", "GET", "/engine-rest/engine", null, CAPOFILA, "SSSSSSSS"),
                riga("filtri di Tasklist", "GET", "/engine-rest/filter", null, CAPOFILA, "SSSSSSSS"),
                riga("attività: elenco e ricerca", "GET", "/engine-rest/task", null, CAPOFILA, "SSSSSSSS"),
                riga("attività: dettaglio, modulo, variabili in lettura", "GET", "/engine-rest/task/{task}/form-variables", null,
                        CAPOFILA, "SNNSSNNN"),
                riga("attività: variabili in lettura", "GET", "/engine-rest/task/{task}/variables", null, CAPOFILA, "SNNSSNNN"),
                riga("attività: prendi in carico (altrui)", "POST", "/engine-rest/task/{task}/claim", "{\"userId\":\"aler.avviso\"}",
                        CAPOFILA, "NNNNNNNN"),
                riga("attività: prendi in carico", "POST", "/engine-rest/task/{task}/claim", "{\"userId\":\"{utente}\"}", CAPOFILA,
                        "SNNN-NNN"),
                riga("attività: rilascia", "POST", "/engine-rest/task/{task}/unclaim", null, CAPOFILA, "SNNNSNNN"),
                riga("attività: completa con variabili della pratica", "POST", "/engine-rest/task/{task}/complete",
                        "{\"variables\":{\"avvisoId\":{\"value\":1,\"type\":\"Long\"}}}", CAPOFILA, "VNNNVNNN"),
                riga("attività: completa (altro ente)", "POST", "/engine-rest/task/{approvazioneAler}/complete",
                        "{\"variables\":{}}", ALER_AVVISO, "-NNN-NNN"),
                riga("attività: scrive variabili", "POST", "/engine-rest/task/{task}/variables",
                        "{\"modifications\":{\"avvisoId\":{\"value\":1,\"type\":\"Long\"}}}", CAPOFILA, "NNNNSNNN"),
                riga("attività: scrive variabili locali", "PUT", "/engine-rest/task/{task}/localVariables/nome",
                        "{\"value\":\"isbar\"}", CAPOFILA, "NNNNSNNN"),
                riga("attività: assegna", "POST", "/engine-rest/task/{task}/assignee", "{\"userId\":\"malnate\"}", CAPOFILA, "NNNNNNNN"),
                riga("attività: delega", "POST", "/engine-rest/task/{task}/delegate", "{\"userId\":\"malnate\"}", CAPOFILA, "NNNNNNNN"),
                riga("attività: errore BPMN", "POST", "/engine-rest/task/{task}/bpmnError", "{\"errorCode\":\"X\"}", CAPOFILA, "NNNN-NNN"),
                riga("attività: candidati", "POST", "/engine-rest/task/{task}/identity-links",
                        "{\"groupId\":\"ente-" + CF_COMUNE_MALNATE + "-avviso\",\"type\":\"candidate\"}", CAPOFILA, "NNNNSNNN"),
                riga("attività: modifica scadenza", "PUT", "/engine-rest/task/{task}", "{\"name\":\"x\",\"due\":null}", CAPOFILA,
                        "NNNNSNNN"),
                riga("definizioni di processo e diagrammi in lettura", "GET", "/engine-rest/process-definition/{processDefinition}/xml",
                        null, CAPOFILA, "SSSSSNNN"),
                riga("statistiche di tutte le definizioni (istanze di ogni ente)", "GET",
                        "/engine-rest/process-definition/statistics?incidents=true", null, CAPOFILA, "NNNSSNNN"),
                riga("avvio di un processo", "POST", "/engine-rest/process-definition/key/avviso/start",
                        "{\"businessKey\":\"999999\"}", CAPOFILA, "NNNN-NNN"),
                riga("istanze: variabili in lettura", "GET", "/engine-rest/process-instance/{istanza}/variables", null, CAPOFILA,
                        "NNNSSNNN"),
                riga("istanze: scrive variabili", "POST", "/engine-rest/process-instance/{istanza}/variables",
                        "{\"modifications\":{\"x\":{\"value\":1}}}", CAPOFILA, "NNNNSNNN"),
                riga("istanze: modifica", "POST", "/engine-rest/process-instance/{istanza}/modification",
                        "{\"instructions\":[]}", CAPOFILA, "NNNNSNNN"),
                riga("istanze: ricerca", "POST", "/engine-rest/process-instance", "{}", CAPOFILA, "NNNSSNNN"),
                riga("esecuzioni: variabili locali", "GET", "/engine-rest/execution", null, CAPOFILA, "NNNSSNNN"),
                riga("messaggi", "POST", "/engine-rest/message", "{\"messageName\":\"Message_NucleoAssegnatoAltrove\"}", CAPOFILA,
                        "NNNN-NNN"),
                riga("segnali", "POST", "/engine-rest/signal", "{\"name\":\"x\"}", CAPOFILA, "NNNNSNNN"),
                riga("job: elenco", "GET", "/engine-rest/job", null, CAPOFILA, "NNNSSNNN"),
                riga("job: esecuzione", "POST", "/engine-rest/job/{job}/execute", null, CAPOFILA, "NNNN-NNN"),
                riga("job: tentativi", "PUT", "/engine-rest/job/{job}/retries", "{\"retries\":3}", CAPOFILA, "NNNNSNNN"),
                riga("job: scadenza", "PUT", "/engine-rest/job/{job}/duedate", "{\"duedate\":null}", CAPOFILA, "NNNN-NNN"),
                riga("deployment: elenco", "GET", "/engine-rest/deployment", null, CAPOFILA, "NNNSSNNN"),
                riga("deployment: risorse", "GET", "/engine-rest/deployment/{deployment}/resources", null, CAPOFILA, "NNNSSNNN"),
                riga("storico di altri enti", "GET", "/engine-rest/history/variable-instance", null, CAPOFILA, "NNNSSNNN"),
                riga("storico: cancellazione", "POST", "/engine-rest/history/process-instance/delete", "{\"historicProcessInstanceIds\":[]}",
                        CAPOFILA, "NNNNSNNN"),
                riga("variabili di tutte le istanze", "GET", "/engine-rest/variable-instance", null, CAPOFILA, "NNNSSNNN"),
                riga("incidenti", "GET", "/engine-rest/incident", null, CAPOFILA, "NNNSSNNN"),
                riga("utenti e gruppi in lettura", "GET", "/engine-rest/user/{utente}/profile", null, CAPOFILA, "S----SSS"),
                riga("identità: crea utente", "POST", "/engine-rest/user/create",
                        "{\"profile\":{\"id\":\"intruso.matrice\"},\"credentials\":{\"password\":\"x\"}}", CAPOFILA, "NNNNSNNN"),
                riga("identità: appartenenza a un gruppo", "PUT", "/engine-rest/group/camunda-admin/members/malnate", null, CAPOFILA,
                        "NNNN-NNN"),
                riga("autorizzazioni", "GET", "/engine-rest/authorization", null, CAPOFILA, "NNNSSNNN"),
                riga("filtri: crea", "POST", "/engine-rest/filter/create",
                        "{\"resourceType\":\"Task\",\"name\":\"matrice\",\"query\":{}}", CAPOFILA, "NNNNSNNN"),
                riga("metriche e telemetria", "GET", "/engine-rest/metrics", null, CAPOFILA, "NNNSSNNN"));
    }

    private static Riga riga(String endpoint, String metodo, String percorso, String corpo, String proprietario, String attese) {
        return new Riga(endpoint, metodo, percorso, corpo, corpo != null && corpo.startsWith("<") ? "application/xml"
                : "application/json", proprietario, attese);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"api", "engine"})
    void ogniChiamanteOttieneCioCheGliSpetta(Riga riga) {
        String percorso = sostituisci(riga.percorso(), CAPOFILA);
        assertThat(invia(riga, percorso, null, null).status()).as("senza credenziali").isEqualTo(401);
        assertThat(invia(riga, percorso, null, utenteDaBloccare(identityService), "sbagliata").status()).as("password errata").isEqualTo(401);

        List<String> utenti = List.of(riga.proprietario(), MALNATE, riga.proprietario().equals(ANALISTA) ? ANALISTA_REVISORE : ANALISTA,
                SUPERVISORE, ADMIN, LETTORE_VARESE, LETTORE_COMO, LETTORE_REGIONE);
        List<String> codiciFiscali = List.of("BRMLCU85D12L682R", "RTOMRC80A15L682D", "GRCLSE95R50L682N", "SLATRS50B41L682V",
                "MNTSRA88P43L682V", "LTRPRV81A01L682F", "LTRALT82B02L682P", "LTRRGN83C03L682T");
        List<String> errori = new ArrayList<>();
        // refused callers first: each refusal meets the resource untouched
        List<Integer> ordine = new ArrayList<>();
        for (int i = 0; i < ATTORI.size(); i++) {
            if ("NVE".indexOf(riga.attese().charAt(i)) >= 0) {
                ordine.add(i);
            }
        }
        for (int i = 0; i < ATTORI.size(); i++) {
            if (riga.attese().charAt(i) == 'S') {
                ordine.add(i);
            }
        }
        for (int i : ordine) {
            if (riga.attese().charAt(i) == '-') {
                continue;
            }
            String utente = utenti.get(i);
            String corpo = DOMANDA.equals(riga.corpo())
                    ? DomandaDiProva.json(codiciFiscali.get(i), Long.parseLong(id.get("alloggioAperto")))
                    : riga.corpo() == null ? null : sostituisci(riga.corpo(), utente);
            ClientHttp.Risposta risposta = invia(riga, sostituisci(riga.percorso(), utente), corpo, utente);
            boolean rifiutata = risposta.status() == 403 || risposta.status() == 404;
            boolean attesa = switch (riga.attese().charAt(i)) {
                case 'N' -> rifiutata;
                // refused by the engine guard as invalid input: 400, the task untouched
                case 'V' -> risposta.status() == 400;
                // a list filtered down to nothing: the caller may ask, and sees none of it
                case 'E' -> risposta.status() == 200 && vuota(risposta);
                default -> !rifiutata && risposta.status() != 401;
            };
            if (!attesa || risposta.status() >= 500) {
                errori.add(ATTORI.get(i) + " (" + utente + "): " + risposta.status() + " " + risposta.body());
            }
        }
        assertThat(errori).as(riga.metodo() + " " + percorso).isEmpty();
    }

    private static boolean vuota(ClientHttp.Risposta risposta) {
        var json = risposta.json();
        return json.isArray() ? json.isEmpty() : json.path("elementi").isEmpty();
    }

    /** A path the engine could read otherwise than the access table (dot segments, escapes) never reaches it. */
    @Test
    void unPercorsoAmbiguoNonRaggiungeIlMotore() {
        for (String percorso : List.of("/engine-rest/task/x/../../job", "/engine-rest/task/x/%2e%2e/%2e%2e/job",
                "/engine-rest/job;x=1", "/camunda/api/engine/engine/default/task/x/../../job")) {
            for (String utente : java.util.Arrays.asList(null, CAPOFILA, SUPERVISORE)) {
                ClientHttp.Risposta risposta = utente == null ? http.get(percorso) : http.get(percorso, utente);
                assertThat(risposta.status()).as(percorso + " " + utente).isIn(400, 401, 403);
            }
        }
    }

    /** Every endpoint of /api has its row in the matrix. */
    @Test
    void ogniEndpointDellApiHaLaSuaRiga() {
        Set<String> dichiarati = new TreeSet<>();
        for (RequestMappingInfo info : mappe.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
                if (pattern.startsWith("/api/")) {
                    info.getMethodsCondition().getMethods().forEach(m -> dichiarati.add(m.name() + " " + pattern));
                }
            }
        }
        Set<String> coperti = new TreeSet<>();
        api().forEach(r -> coperti.add(r.endpoint()));
        assertThat(coperti).containsAll(dichiarati);
        assertThat(dichiarati).as("rows name real endpoints").containsAll(coperti);
    }

    private String sostituisci(String testo, String utente) {
        String risultato = testo;
        for (Map.Entry<String, String> voce : id.entrySet()) {
            risultato = risultato.replace("{" + voce.getKey() + "}", voce.getValue());
        }
        return utente == null ? risultato : risultato.replace("{utente}", utente);
    }

    private ClientHttp.Risposta invia(Riga riga, String percorso, String corpo, String utente) {
        return invia(riga, percorso, corpo, utente, utente == null ? null : PASSWORD);
    }

    private ClientHttp.Risposta invia(Riga riga, String percorso, String corpo, String utente, String password) {
        HttpRequest.Builder richiesta = HttpRequest.newBuilder(http.uri(percorso)).header("Accept", "application/json");
        if (utente != null) {
            richiesta.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((utente + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        HttpRequest.BodyPublisher body = corpo == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(corpo);
        if (corpo != null) {
            richiesta.header("Content-Type", riga.tipo());
        }
        return http.invia(richiesta.method(riga.metodo(), body).build());
    }
}
