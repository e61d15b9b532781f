package it.piattaformacasa.config;

import static it.piattaformacasa.DemoUtenti.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.JdbcTemplate;

import it.piattaformacasa.ClientHttp;
import it.piattaformacasa.DomandaDiProva;
import it.piattaformacasa.ScenarioAvviso;
import it.piattaformacasa.anagrafe.Alloggio;
import it.piattaformacasa.anagrafe.AlloggioRepository;
import it.piattaformacasa.anagrafe.StatoAlloggio;
import it.piattaformacasa.common.CodiceFiscale;
import it.piattaformacasa.graduatoria.GraduatoriaRepository;
import it.piattaformacasa.graduatoria.GraduatoriaService;
import it.piattaformacasa.IntegrationTest;
import it.piattaformacasa.SessioneConsole;

/**
 * Issue 12: who may open which page of the console. Every page, tried by nobody (always sent to the login) and by
 * the eight kinds of caller of {@link MatriceAutorizzazioniTest}: an operator of the ente that owns the case, an
 * operator of another ente ({@code malnate}), an analyst, a supervisor, an administrator, and the read-only users of
 * seed 004: the provincial reader of Varese (every case here is in its province), the provincial reader of Como (none
 * is) and the regional reader. {@code S} allowed (200, or a
 * redirect that is not to the login), {@code N} refused (403, or 404 where the page does not reveal what exists),
 * {@code -} not tried. The pages call the API's services, so these are the API's rules seen from the browser; the
 * last test checks that every page of the application has its row.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MatriceConsoleTest {

    @LocalServerPort
    int port;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappe;

    @Autowired
    RuntimeService runtimeService;
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
    final Map<String, SessioneConsole> sessioni = new LinkedHashMap<>();
    /** Ids of the cases the rows open, by the name the rows use in braces. */
    final Map<String, String> id = new LinkedHashMap<>();

    /** One page: as the application declares it (for the coverage check), the address tried, who owns it, the five expectations. */
    record Riga(String pagina, String percorso, String proprietario, String attese) {
        @Override
        public String toString() {
            return pagina;
        }
    }


    @BeforeAll
    void dati() {
        http = new ClientHttp(port);
        // ---- Avvisi: an avviso of the Comune di Varese's ambito, in its selection window; the sportello's pages check
        // who may file, not the avviso's state
        id.put("avviso", Long.toString(new ScenarioAvviso(http, runtimeService, managementService, alloggi)
                .conTitolo("Avviso della matrice della console").predisposto()));
        // ---- domande e graduatorie: a provisional graduatoria of the Comune di Varese with one domanda of capofila's
        ScenarioAvviso scenario = new ScenarioAvviso(http, runtimeService, managementService, alloggi);
        List<Alloggio> diVarese = scenario.alloggiDi(CF_COMUNE_VARESE, StatoAlloggio.LIBERO, 1);
        long avviso = scenario.aperto(diVarese, List.of(CAPOFILA));
        ClientHttp.Risposta domanda = http.post("/api/avvisi/" + avviso + "/domande", CAPOFILA,
                DomandaDiProva.json(CodiceFiscale.conControllo("MTRCNS80A01L682"), diVarese.get(0).getId()));
        assertThat(domanda.status()).as(domanda.body()).isEqualTo(201);
        id.put("avvisoDomande", Long.toString(avviso));
        id.put("domanda", domanda.json().get("id").asText());
        id.put("enteVarese", Long.toString(jdbc.queryForObject("select id from ente_proprietario where codice_fiscale = ?",
                Long.class, CF_COMUNE_VARESE)));
        // ---- Anagrafe: an alloggio of the Comune di Varese
        id.put("alloggioVarese", Long.toString(jdbc.queryForObject("select min(a.id) from alloggio a join ente_proprietario e"
                + " on e.id = a.ente_id where e.codice_fiscale = ?", Long.class, CF_COMUNE_VARESE)));
        // a demo fabbricato of the Comune di Varese (its alloggi keep it in the stock)
        // issue 13: a household of the Comune di Varese, for the nucleo's forms
        long occupato = jdbc.queryForObject("""
                insert into alloggio (codice_ui, ente_id, comune_id, indirizzo, piano, superficie_utile, vani, ascensore,
                                      barriere_architettoniche, stato)
                select 'MATC-NUCLEO', e.id, c.id, 'Via della Matrice 9', 1, 62, 3, true, false, 'OCCUPATO'
                  from ente_proprietario e, comune c where e.codice_fiscale = ? and c.codice_istat = '012133'
                returning id""", Long.class, CF_COMUNE_VARESE);
        long nucleo = jdbc.queryForObject("insert into nucleo_familiare (alloggio_id) values (?) returning id", Long.class, occupato);
        jdbc.update("insert into componente (nucleo_id, codice_fiscale, nome, cognome, data_nascita, relazione, posizione)"
                + " values (?, ?, 'Carla', 'Matrice', date '1975-03-03', 'RICHIEDENTE', 1)", nucleo,
                it.piattaformacasa.common.CodiceFiscale.conControllo("MTRCRL75C43L682"));
        id.put("nucleoVarese", Long.toString(nucleo));
        id.put("fabbricatoVarese", Long.toString(jdbc.queryForObject("select id from fabbricato where codice = 'VA-BIZ-01'",
                Long.class)));
        id.put("importazione", Long.toString(jdbc.queryForObject("insert into anagrafe_importazione (ente_id, nome_file, esito,"
                + " righe, operatore, eseguita_il) values (?, 'matrice.xlsx', 'IMPORTATA', 0, 'capofila', now()) returning id",
                Long.class, Long.parseLong(id.get("enteVarese")))));
        // ---- abilitazioni (issue 14): a request of the Comune di Varese, refused in its checks
        id.put("richiestaAbilitazione", Long.toString(jdbc.queryForObject("insert into richiesta_abilitazione (ente_id, tipo, stato,"
                + " inviata_da, inviata_il) values (?, 'ABILITAZIONE', 'NON_INVIATA', 'capofila', now()) returning id", Long.class,
                Long.parseLong(id.get("enteVarese")))));
        // ---- Regione Marche (issue 15): a bando of the Comune di Ancona with the model's grid
        ClientHttp.Risposta bando = http.post("/api/marche/bandi", ANCONA, "{\"numero\":\"MATRICE-C\",\"dataPubblicazione\":"
                + "\"2037-02-01\",\"dataScadenza\":\"2037-03-31\",\"dataScadenzaEstero\":\"2037-04-15\"}");
        assertThat(bando.status()).as(bando.body()).isEqualTo(201);
        id.put("bandoMarche", bando.json().get("id").asText());
        assertThat(http.post("/api/marche/bandi/" + id.get("bandoMarche") + "/condizioni/copia-da-modello", ANCONA, "").status())
                .isEqualTo(201);
        // its desk (issue 15): one domanda
        ClientHttp.Risposta domandaMarche = http.post("/api/marche/bandi/" + id.get("bandoMarche") + "/domande", ANCONA,
                "{\"dataPresentazione\":\"2037-02-10\",\"cognome\":\"MATRICE\",\"nome\":\"CONSOLE\",\"codiceFiscale\":\""
                        + it.piattaformacasa.common.CodiceFiscale.conControllo("MTRCNS80A01A271") + "\",\"isee\":5000}");
        assertThat(domandaMarche.status()).as(domandaMarche.body()).isEqualTo(201);
        id.put("domandaMarche", domandaMarche.json().get("id").asText());
        // its graduatoria: another bando with one domanda (written as the desk will), the list inserted and calculated
        ClientHttp.Risposta bandoGraduatoria = http.post("/api/marche/bandi", ANCONA, "{\"numero\":\"MATRICE-CG\",\"dataPubblicazione\":"
                + "\"2037-02-01\",\"dataScadenza\":\"2037-03-31\",\"dataScadenzaEstero\":\"2037-04-15\"}");
        assertThat(bandoGraduatoria.status()).as(bandoGraduatoria.body()).isEqualTo(201);
        id.put("bandoMarcheGraduatoria", bandoGraduatoria.json().get("id").asText());
        id.put("domandaGraduatoriaMarche", jdbc.queryForObject("insert into marche_domanda (bando_id, numero, data_presentazione, cognome, nome, "
                + "punteggio) values (?, 1, date '2037-02-10', 'Matrice', 'Prova', 12) returning id", Long.class,
                Long.parseLong(id.get("bandoMarcheGraduatoria"))).toString());
        assertThat(http.post("/api/marche/bandi/" + id.get("bandoMarcheGraduatoria") + "/graduatoria", ANCONA, "{}").status()).isEqualTo(201);
        assertThat(http.post("/api/marche/bandi/" + id.get("bandoMarcheGraduatoria") + "/graduatoria/calcolo", ANCONA, "{}").status())
                .isEqualTo(200);
        id.put("graduatoriaProvvisoria", Long.toString(scenario.graduatorieApprovate(avviso, graduatorie, graduatorieService,
                jdbc, false).get(0).getId()));
        // ---- programmazione annuale: a plan of the demo ambito (issue 13)
        java.time.LocalDate oggi = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Rome"));
        ClientHttp.Risposta piano = http.post("/api/programmazione", CAPOFILA, "{\"ambito\":\"VARESE\",\"anno\":2089,"
                + "\"inizioComunicazioni\":\"" + oggi + "\",\"fineComunicazioni\":\"" + oggi.plusDays(10) + "\"}");
        assertThat(piano.status()).as(piano.body()).isEqualTo(201);
        id.put("piano", piano.json().get("id").asText());
    }

    Stream<Riga> pagine() {
        return Stream.of(
                new Riga("GET /", "/", CAPOFILA, "SSSSSSSS"),
                new Riga("GET /accesso", "/accesso", CAPOFILA, "SSSSSSSS"),
                // issue 14: the page for people without abilitazione says so to anybody logged in; «Esci» from the webapps
                new Riga("GET /senza-abilitazione", "/senza-abilitazione", CAPOFILA, "SSSSSSSS"),
                new Riga("GET /esci", "/esci", CAPOFILA, "SSSSSSSS"),
                // ---- Avvisi (avviso/web/AvvisiPagine, report/web/ReportPagine): the list and an avviso's page for
                // everyone (as GET /api/avvisi), «Nuovo avviso» only for the Comune capofila's operators, the reports
                // for whoever the report service answers (an analyst sees no ente's rows: 404, as the API)
                new Riga("GET /avvisi", "/avvisi", CAPOFILA, "SSSSSSSS"),
                new Riga("GET /avvisi/nuovo", "/avvisi/nuovo", CAPOFILA, "SNNNNNNN"),
                new Riga("GET /avvisi/{id}", "/avvisi/{avviso}", CAPOFILA, "SSSSSSSS"),
                new Riga("GET /avvisi/{id}/report/{nome}", "/avvisi/{avviso}/report/alloggi-in-avviso?formato=csv", CAPOFILA, "SSNSSSNS"),
                // ---- nuova domanda allo sportello: operators of the ambito's enti only (the API's rule)
                new Riga("GET /avvisi/{avvisoId}/sportello", "/avvisi/{avviso}/sportello", CAPOFILA, "SSNNNNNN"),
                new Riga("GET /avvisi/{avvisoId}/sportello/{passo}", "/avvisi/{avviso}/sportello/1", CAPOFILA, "SSNNNNNN"),
                // ---- regole: the analysts' workbench (read as the API reads; the editor for analysts only)
                new Riga("GET /regole", "/regole", CAPOFILA, "NNSSSNNN"),
                new Riga("GET /regole/{nome}/versioni/{versione}", "/regole/isbar/versioni/1", CAPOFILA, "NNSSSNNN"),
                new Riga("GET /regole/{nome}/versioni/{versione}/modifica", "/regole/isbar/versioni/1/modifica", CAPOFILA, "NNSNNNNN"),
                new Riga("GET /regole/registro", "/regole/registro", CAPOFILA, "NNSSSNNN"),
                // ---- domande e graduatorie: the API's visibility (another ente sees an empty list, not a refusal)
                new Riga("GET /avvisi/{avvisoId}/domande", "/avvisi/{avvisoDomande}/domande", CAPOFILA, "SSSSSSSS"),
                // its downloads (report/web/DomandeScaricamenti): the page's visibility, so another ente's operator and
                // an analyst get a file with the titles only, as they get an empty page
                new Riga("GET /avvisi/{avvisoId}/domande/esportazione", "/avvisi/{avvisoDomande}/domande/esportazione?formato=csv",
                        CAPOFILA, "SSSSSSSS"),
                new Riga("GET /avvisi/{avvisoId}/domande/esportazione",
                        "/avvisi/{avvisoDomande}/domande/esportazione?vista=in-lavorazione&formato=xlsx", CAPOFILA, "SSSSSSSS"),
                new Riga("GET /domande/{id}", "/domande/{domanda}", CAPOFILA, "SNNSSSNS"),
                new Riga("GET /graduatorie/{id}", "/graduatorie/{graduatoriaProvvisoria}", CAPOFILA, "SNNSSSNS"),
                new Riga("GET /graduatorie/{id}/esportazione", "/graduatorie/{graduatoriaProvvisoria}/esportazione?formato=csv",
                        CAPOFILA, "SNNSSSNS"),
                // ---- the run records of the avviso's generations and their re-run: supervisors and administrators only,
                // as GET /api/avvisi/{id}/generazioni (graduatoria/web/GenerazioniPagine)
                new Riga("GET /avvisi/{avvisoId}/generazioni", "/avvisi/{avvisoDomande}/generazioni", CAPOFILA, "NNNSSNNN"),
                // ---- Scadenze: every operator sees its enti's deadlines (malnate too), analysts none, like /api/scadenze
                new Riga("GET /scadenze", "/scadenze", CAPOFILA, "SSNSSSNS"),
                new Riga("GET /scadenze/esportazione", "/scadenze/esportazione?formato=csv", CAPOFILA, "SSNSSSNS"),
                // ---- Riserve (assegnazione/web/RiservePagine): everyone sees the reserves of the enti whose stock they
                // see (their own ente by default), another ente's are not there (404), as GET /api/enti/{id}/riserve/{anno}
                // ---- programmazione annuale (piano/web/ProgrammazionePagine): the plans of the ambiti one works in,
                // every plan for supervisors, administrators and analysts, as GET /api/programmazione
                new Riga("GET /programmazione", "/programmazione", CAPOFILA, "SSSSSSSS"),
                new Riga("GET /programmazione/{id}", "/programmazione/{piano}", CAPOFILA, "SSSSSSNS"),
                new Riga("GET /programmazione/{id}/report", "/programmazione/{piano}/report?formato=csv", CAPOFILA, "SSSSSSNS"),
                new Riga("GET /riserve", "/riserve", CAPOFILA, "SSSSSSNS"),
                new Riga("GET /riserve", "/riserve?ente={enteVarese}&anno=2031", CAPOFILA, "SNSSSSNS"),
                new Riga("GET /riserve/{enteId}/{anno}/stato-assegnazioni",
                        "/riserve/{enteVarese}/2031/stato-assegnazioni?formato=csv", CAPOFILA, "SNSSSSNS"),
                // ---- Anagrafe (anagrafe/web/AnagrafePagine): the lists for everyone, each seeing its enti's stock (as
                // GET /api/alloggi); another ente's alloggio is not there (404, as GET /api/alloggi/{id}); the nuclei
                // assegnatari are people's data: not for analysts (403), who see every ente's stock but no one's case
                new Riga("GET /anagrafe", "/anagrafe", CAPOFILA, "SSSSSSSS"),
                new Riga("GET /anagrafe/alloggi", "/anagrafe/alloggi", CAPOFILA, "SSSSSSSS"),
                new Riga("GET /anagrafe/alloggi/esportazione", "/anagrafe/alloggi/esportazione?formato=csv", CAPOFILA, "SSSSSSSS"),
                new Riga("GET /anagrafe/alloggi/{id}", "/anagrafe/alloggi/{alloggioVarese}", CAPOFILA, "SNSSSSNS"),
                new Riga("GET /anagrafe/fabbricati", "/anagrafe/fabbricati", CAPOFILA, "SSSSSSSS"),
                new Riga("GET /anagrafe/fabbricati/esportazione", "/anagrafe/fabbricati/esportazione?formato=xlsx", CAPOFILA, "SSSSSSSS"),
                new Riga("GET /anagrafe/nuclei", "/anagrafe/nuclei", CAPOFILA, "SSNSSSNS"),
                // issue 13: the forms for the ente's Gestione Avviso operators (malnate keeps its own ente's, so
                // «Nuovo alloggio» opens for it on Malnate; on Varese it is refused); the import's page for everyone
                // who sees the stock (the form only for who keeps it), a report for who sees the ente
                new Riga("GET /anagrafe/alloggi/nuovo", "/anagrafe/alloggi/nuovo?ente={enteVarese}", CAPOFILA, "SNNNNNNN"),
                new Riga("GET /anagrafe/alloggi/{id}/modifica", "/anagrafe/alloggi/{alloggioVarese}/modifica", CAPOFILA, "SNNNNNNN"),
                new Riga("GET /anagrafe/fabbricati/nuovo", "/anagrafe/fabbricati/nuovo?ente={enteVarese}", CAPOFILA, "SNNNNNNN"),
                // the nucleo assegnatario's forms: as the alloggio's (another ente's is 404, who reads it 403)
                new Riga("GET /anagrafe/alloggi/{id}/nucleo/nuovo", "/anagrafe/alloggi/{alloggioVarese}/nucleo/nuovo", CAPOFILA, "SNNNNNNN"),
                new Riga("GET /anagrafe/nuclei/{id}/modifica", "/anagrafe/nuclei/{nucleoVarese}/modifica", CAPOFILA, "SNNNNNNN"),
                new Riga("GET /anagrafe/nuclei/{id}/termine", "/anagrafe/nuclei/{nucleoVarese}/termine", CAPOFILA, "SNNNNNNN"),
                // another ente's fabbricato is not there (404, as GET /api/fabbricati/{id}), who reads it may not change it (403)
                new Riga("GET /anagrafe/fabbricati/{id}/modifica", "/anagrafe/fabbricati/{fabbricatoVarese}/modifica", CAPOFILA, "SNNNNNNN"),
                new Riga("GET /anagrafe/importazione", "/anagrafe/importazione", CAPOFILA, "SSSSSSSS"),
                new Riga("GET /anagrafe/importazione/{id}", "/anagrafe/importazione/{importazione}", CAPOFILA, "SNSSSSNS"),
                new Riga("GET /anagrafe/importazione/{id}/scarti", "/anagrafe/importazione/{importazione}/scarti?formato=csv",
                        CAPOFILA, "SNSSSSNS"),
                new Riga("GET /anagrafe/nuclei/esportazione", "/anagrafe/nuclei/esportazione?formato=csv", CAPOFILA, "SSNSSSNS"),
                // ---- Report (report/web/ReportPagine): the list for everyone; an avviso's reports for whoever the report
                // service answers (another ente's operator sees its own rows, none here; an analyst no ente's: 404, as the
                // API); the stato delle assegnazioni for whoever sees the ente's stock, as the reserves' API
                // ---- abilitazioni (issue 14): the page for everyone (each sees its enti's requests, validators all), a
                // request for its ente's operators, supervisors and administrators
                // ---- operatori (seed 004): administrators give the read-only scopes
                new Riga("GET /operatori", "/operatori", CAPOFILA, "NNNNSNNN"),
                // issue 16: the messages of the demo's own mail server, for administrators
                new Riga("GET /posta", "/posta", CAPOFILA, "NNNNSNNN"),
                new Riga("GET /operatori/{username}/lettura", "/operatori/" + LETTORE_COMO + "/lettura", CAPOFILA, "NNNNSNNN"),
                new Riga("GET /abilitazioni", "/abilitazioni", CAPOFILA, "SSSSSSSS"),
                new Riga("GET /abilitazioni/{id}", "/abilitazioni/{richiestaAbilitazione}", CAPOFILA, "SNNSSSNS"),
                new Riga("GET /report", "/report", CAPOFILA, "SSSSSSSS"),
                // ---- Regione Marche (marche/web/BandiPagine, issue 15): the list is everyone's, filtered as the API's;
                // «Nuovo bando» only for a Marche Comune's Gestione avviso; a bando and its grid for who sees the ente
                new Riga("GET /marche/bandi", "/marche/bandi", ANCONA, "SSSSSSSS"),
                new Riga("GET /marche/bandi/nuovo", "/marche/bandi/nuovo", ANCONA, "SNNNNNNN"),
                new Riga("GET /marche/bandi/{id}", "/marche/bandi/{bandoMarche}", ANCONA, "SNNSSNNN"),
                new Riga("GET /marche/bandi/{id}/modifica", "/marche/bandi/{bandoMarche}/modifica", ANCONA, "SNNNNNNN"),
                new Riga("GET /marche/bandi/{id}/condizioni", "/marche/bandi/{bandoMarche}/condizioni", ANCONA, "SNNSSNNN"),
                // the desk (marche/web/DomandePagine): the search and the steps for who sees the bando, «Inserisci domanda»
                // only for its ente's Gestione avviso
                new Riga("GET /marche/bandi/{id}/domande", "/marche/bandi/{bandoMarche}/domande", ANCONA, "SNNSSNNN"),
                new Riga("GET /marche/bandi/{id}/domande/nuova", "/marche/bandi/{bandoMarche}/domande/nuova", ANCONA, "SNNNNNNN"),
                new Riga("GET /marche/domande/{id}/passo/{passo}", "/marche/domande/{domandaMarche}/passo/3", ANCONA, "SNNSSNNN"),
                // the graduatoria of a bando: read as the bando; the year-of-assignment form only for its Comune's operator
                new Riga("GET /marche/bandi/{id}/graduatoria", "/marche/bandi/{bandoMarcheGraduatoria}/graduatoria", ANCONA, "SNNSSNNN"),
                new Riga("GET /marche/bandi/{id}/graduatoria/domande/{domandaId}/assegnazione",
                        "/marche/bandi/{bandoMarcheGraduatoria}/graduatoria/domande/{domandaGraduatoriaMarche}/assegnazione", ANCONA, "SNNNNNNN"),
                new Riga("GET /marche/bandi/{id}/graduatoria/stampa.xlsx", "/marche/bandi/{bandoMarcheGraduatoria}/graduatoria/stampa.xlsx",
                        ANCONA, "SNNSSNNN"),
                new Riga("GET /marche/bandi/{id}/brogliaccio.xlsx", "/marche/bandi/{bandoMarcheGraduatoria}/brogliaccio.xlsx", ANCONA,
                        "SNNSSNNN"),
                // the grid's derived DMN and «prova il punteggio» (ADR 16): whoever reads the bando (readers see the
                // page without the form; their POST is refused by the read-only guard)
                new Riga("GET /marche/bandi/{id}/condizioni/dmn", "/marche/bandi/{bandoMarche}/condizioni/dmn", ANCONA, "SNNSSNNN"),
                new Riga("GET /marche/bandi/{id}/condizioni/prova", "/marche/bandi/{bandoMarche}/condizioni/prova", ANCONA, "SNNSSNNN"),
                new Riga("GET /report", "/report?report=domande-in-avviso&avviso={avvisoDomande}", CAPOFILA, "SSNSSSNS"),
                new Riga("GET /report", "/report?report=stato-assegnazioni&ente={enteVarese}&anno=2031", CAPOFILA, "SNSSSSNS"),
                new Riga("GET /report/scarica", "/report/scarica?report=domande-in-avviso&avviso={avvisoDomande}&formato=csv",
                        CAPOFILA, "SSNSSSNS"),
                new Riga("GET /report/scarica", "/report/scarica?report=stato-assegnazioni&ente={enteVarese}&anno=2031&formato=xlsx",
                        CAPOFILA, "SNSSSSNS"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pagine")
    void ogniPersonaVedeCioCheLeSpetta(Riga riga) {
        String percorso = sostituisci(riga.percorso());
        if (!riga.pagina().equals("GET /accesso")) {
            ClientHttp.Risposta anonima = SessioneConsole.anonima(http).get(percorso);
            assertThat(anonima.status()).as("senza accesso").isEqualTo(302);
            assertThat(anonima.raw().headers().firstValue("Location")).as("senza accesso")
                    .hasValueSatisfying(l -> assertThat(l).endsWith("/oauth2/authorization/piattaforma"));
        }
        List<String> utenti = List.of(riga.proprietario(), MALNATE, ANALISTA, SUPERVISORE, ADMIN, LETTORE_VARESE, LETTORE_COMO,
                LETTORE_REGIONE);
        List<String> errori = new ArrayList<>();
        for (int i = 0; i < utenti.size(); i++) {
            char attesa = riga.attese().charAt(i);
            if (attesa == '-') {
                continue;
            }
            ClientHttp.Risposta risposta = sessione(utenti.get(i)).get(percorso);
            boolean rifiutata = risposta.status() == 403 || risposta.status() == 404;
            boolean versoLAccesso = risposta.raw().headers().firstValue("Location").map(l -> l.endsWith("/accesso") || l.endsWith("/oauth2/authorization/piattaforma")).orElse(false);
            boolean come = attesa == 'N' ? rifiutata : !rifiutata && !versoLAccesso && risposta.status() < 400;
            if (!come || risposta.status() >= 500) {
                errori.add(utenti.get(i) + ": " + risposta.status());
            }
            // seed 004: a page a reader opens offers it no form that changes something (only «Esci», and the login page's own)
            if (i >= 5 && risposta.status() == 200 && risposta.body().contains("<html")) {
                java.util.regex.Matcher modulo = java.util.regex.Pattern.compile("<form[^>]*method=\"post\"[^>]*>").matcher(risposta.body());
                while (modulo.find()) {
                    if (!modulo.group().contains("/esci") && !modulo.group().contains("\"/accesso\"")) {
                        errori.add(utenti.get(i) + ": un modulo di scrittura " + modulo.group());
                    }
                }
            }
        }
        assertThat(errori).as(riga.pagina() + " " + percorso).isEmpty();
    }

    /** Every page of the console (every mapping outside /api, the demo clock and Camunda's) has its row. */
    @Test
    void ogniPaginaDellaConsoleHaLaSuaRiga() {
        Set<String> dichiarate = new TreeSet<>();
        for (RequestMappingInfo info : mappe.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
                // the citizens' pages have their own matrix (cittadino.web.MatriceCittadinoTest)
                if (!pattern.startsWith("/api/") && !pattern.startsWith("/demo/") && !pattern.startsWith("/camunda-welcome")
                        && !pattern.startsWith("/error") && !pattern.startsWith("/v3/") && !pattern.startsWith("/swagger-ui")
                        && !pattern.startsWith("/cittadino")) {
                    info.getMethodsCondition().getMethods().forEach(m -> dichiarate.add(m.name() + " " + pattern));
                }
            }
        }
        Set<String> coperte = new TreeSet<>();
        pagine().forEach(r -> coperte.add(r.pagina()));
        coperte.addAll(AZIONI_PROVATE_ALTROVE.keySet());
        assertThat(coperte).containsAll(dichiarate);
        assertThat(dichiarate).as("rows name real pages").containsAll(coperte);
    }

    /**
     * Form submissions (POST) are tried by the tests that drive their page, which say who may send them; listed here
     * with the test that does, so that none is forgotten.
     */
    static final Map<String, String> AZIONI_PROVATE_ALTROVE = Map.ofEntries(
            Map.entry("POST /attivita/{taskId}/prendi-in-carico", "attivita.AttivitaNellaConsoleTest"),
            Map.entry("POST /domande/{id}/rettifiche", "assegnazione.web.RettificaNellaConsoleTest, config.PercorsoNelBrowserTest"),
            // ---- Avvisi
            Map.entry("POST /avvisi/nuovo", "avviso.web.AvvisiPagineTest"),
            Map.entry("POST /avvisi/{id}/alloggi", "avviso.web.AvvisiPagineTest, avviso.web.AvvisiNelBrowserTest"),
            Map.entry("POST /avvisi/{id}/alloggi/{alloggioId}/rimozione", "avviso.web.AvvisiPagineTest"),
            // ---- nuova domanda allo sportello
            Map.entry("POST /avvisi/{avvisoId}/sportello/{passo}", "domanda.web.SportelloNelBrowserTest"),
            Map.entry("POST /avvisi/{avvisoId}/sportello/presenta", "domanda.web.SportelloNelBrowserTest"),
            Map.entry("POST /avvisi/{avvisoId}/sportello/annulla", "domanda.web.SportelloNelBrowserTest"),
            // ---- regole
            Map.entry("POST /regole/{nome}/versioni/{versione}/casi", "regole.web.RegolePagineTest"),
            Map.entry("POST /regole/{nome}/versioni/{versione}/pubblicazione", "regole.web.RegolePagineTest"),
            Map.entry("POST /regole/{nome}/versioni/{versione}/modifica", "regole.web.RegolePagineTest"),
            Map.entry("POST /regole/{nome}/versioni/{versione}/simulazione", "regole.web.RegolePagineTest"),
            // ---- domande e graduatorie
            Map.entry("POST /graduatorie/{id}/istruttorie", "assegnazione.web.GraduatorieNelBrowserTest"),
            Map.entry("POST /graduatorie/{id}/ripescaggio",
                    "assegnazione.web.RipescaggioNellaConsoleTest, assegnazione.web.RipescaggioEGenerazioniNelBrowserTest"),
            Map.entry("POST /graduatorie/{id}/alloggi-liberi",
                    "assegnazione.web.RipescaggioNellaConsoleTest, assegnazione.web.RipescaggioEGenerazioniNelBrowserTest"),
            Map.entry("POST /avvisi/{avvisoId}/generazioni/{id}/riesecuzione",
                    "graduatoria.web.GenerazioniPagineTest, assegnazione.web.RipescaggioEGenerazioniNelBrowserTest"),
            // ---- programmazione annuale
            Map.entry("POST /programmazione", "piano.web.ProgrammazionePagineTest"),
            Map.entry("POST /programmazione/{id}", "piano.web.ProgrammazionePagineTest"),
            Map.entry("POST /programmazione/{id}/approvazione", "piano.web.ProgrammazionePagineTest, piano.web.ProgrammazioneNelBrowserTest"),
            Map.entry("POST /programmazione/{id}/riapertura", "piano.web.ProgrammazionePagineTest"),
            Map.entry("POST /programmazione/{id}/annullamento", "piano.web.ProgrammazionePagineTest"),
            Map.entry("POST /programmazione/{id}/comunicazioni/{comunicazioneId}", "piano.web.ProgrammazionePagineTest"),
            // ---- Anagrafe (issue 13)
            Map.entry("POST /anagrafe/alloggi/nuovo", "anagrafe.web.GestioneAnagrafePagineTest"),
            Map.entry("POST /anagrafe/alloggi/{id}/modifica", "anagrafe.web.GestioneAnagrafePagineTest, anagrafe.web.GestioneAnagrafeNelBrowserTest"),
            Map.entry("POST /anagrafe/alloggi/{id}/ritiro", "anagrafe.web.GestioneAnagrafePagineTest"),
            Map.entry("POST /anagrafe/fabbricati/nuovo", "anagrafe.web.GestioneAnagrafePagineTest"),
            Map.entry("POST /anagrafe/fabbricati/{id}/modifica",
                    "anagrafe.web.GestioneAnagrafePagineTest, anagrafe.web.GestioneAnagrafeNelBrowserTest"),
            Map.entry("POST /anagrafe/importazione", "anagrafe.web.GestioneAnagrafePagineTest"),
            Map.entry("POST /anagrafe/importazione/{id}/righe-valide", "anagrafe.web.GestioneAnagrafePagineTest"),
            // ---- abilitazioni (issue 14)
            Map.entry("POST /abilitazioni", "operatori.web.AbilitazioniPagineTest"),
            Map.entry("POST /abilitazioni/{id}/decisione", "operatori.web.AbilitazioniPagineTest"),
            Map.entry("POST /anagrafe/alloggi/{id}/nucleo/nuovo",
                    "anagrafe.web.GestioneNucleiPagineTest, anagrafe.web.GestioneAnagrafeNelBrowserTest"),
            Map.entry("POST /anagrafe/nuclei/{id}/modifica", "anagrafe.web.GestioneNucleiPagineTest, anagrafe.web.GestioneAnagrafeNelBrowserTest"),
            Map.entry("POST /anagrafe/nuclei/{id}/termine", "anagrafe.web.GestioneNucleiPagineTest, anagrafe.web.GestioneAnagrafeNelBrowserTest"),
            // ---- operatori (seed 004)
            Map.entry("POST /operatori/{username}/lettura", "operatori.web.LettoriTest"),
            // ---- Regione Marche (issue 15)
            Map.entry("POST /marche/bandi/nuovo", "marche.web.BandiPagineTest, marche.web.BandiNelBrowserTest"),
            Map.entry("POST /marche/bandi/{id}/graduatoria", "marche.web.GraduatoriaBandoPagineTest, marche.web.GraduatoriaBandoNelBrowserTest"),
            Map.entry("POST /marche/bandi/{id}/graduatoria/calcolo",
                    "marche.web.GraduatoriaBandoPagineTest, marche.web.GraduatoriaBandoNelBrowserTest"),
            Map.entry("POST /marche/bandi/{id}/graduatoria/spostamento",
                    "marche.web.GraduatoriaBandoPagineTest, marche.web.GraduatoriaBandoNelBrowserTest"),
            Map.entry("POST /marche/bandi/{id}/graduatoria/domande/{domandaId}/assegnazione", "marche.web.GraduatoriaBandoPagineTest"),
            Map.entry("POST /marche/bandi/{id}/eliminazione", "marche.web.BandiPagineTest"),
            Map.entry("POST /marche/bandi/{id}/modifica", "marche.web.BandiPagineTest"),
            Map.entry("POST /marche/bandi/{id}/condizioni", "marche.web.BandiPagineTest, marche.web.BandiNelBrowserTest"),
            Map.entry("POST /marche/bandi/{id}/condizioni/copia-da-modello", "marche.web.BandiPagineTest, marche.web.BandiNelBrowserTest"),
            Map.entry("POST /marche/bandi/{id}/domande/nuova", "marche.web.DomandePagineTest, marche.web.DomandeNelBrowserTest"),
            Map.entry("POST /marche/domande/{id}/passo/1", "marche.web.DomandeNelBrowserTest"),
            Map.entry("POST /marche/domande/{id}/passo/2", "marche.web.DomandePagineTest, marche.web.DomandeNelBrowserTest"),
            Map.entry("POST /marche/domande/{id}/passo/{passo:[34]}", "marche.web.DomandePagineTest, marche.web.DomandeNelBrowserTest"),
            Map.entry("POST /marche/domande/{id}/passo/5", "marche.web.DomandePagineTest, marche.web.DomandeNelBrowserTest"),
            Map.entry("POST /marche/domande/{id}/eliminazione", "marche.web.DomandePagineTest"),
            Map.entry("POST /marche/bandi/{id}/condizioni/prova", "marche.web.ProvaPunteggioPagineTest"),
            // ---- riserve
            Map.entry("POST /riserve/{enteId}/{anno}", "assegnazione.web.RiservePagineTest, assegnazione.web.RiserveNelBrowserTest"));

    /**
     * Seed 004: a provincial reader sends no form of the console, whatever it is: every modifying mapping, with the
     * ids of this class's cases in its path, answers 403 with the reason in Italian (the central guard, before any
     * controller, so nothing is written). The regional reader likewise.
     */
    @Test
    void unLettoreNonInviaNessunModulo() {
        Set<String> azioni = new TreeSet<>();
        for (RequestMappingInfo info : mappe.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
                // the citizens' forms (/cittadino) are refused to every operator before their page is reached (ROLE_CITTADINO):
                // MatriceCittadinoTest and the tests it names prove them
                if (!pattern.startsWith("/api/") && !pattern.startsWith("/demo/") && !pattern.startsWith("/error")
                        && !pattern.startsWith("/cittadino")) {
                    info.getMethodsCondition().getMethods().stream().filter(m -> m != org.springframework.web.bind.annotation.RequestMethod.GET)
                            .forEach(m -> azioni.add(pattern));
                }
            }
        }
        assertThat(azioni).as("the console's forms").hasSizeGreaterThan(30);
        List<String> errori = new ArrayList<>();
        for (String lettore : List.of(LETTORE_VARESE, LETTORE_REGIONE)) {
            for (String azione : azioni) {
                String percorso = azione.replaceAll("\\{[^}]*}", id.get("domanda"))
                        .replace("/operatori/" + id.get("domanda"), "/operatori/" + lettore);
                ClientHttp.Risposta risposta = sessione(lettore).post(percorso, Map.of("ruolo", "", "esito", "APPROVATA"));
                if (risposta.status() != 403 || !risposta.body().contains("sola consultazione")) {
                    errori.add(lettore + " POST " + percorso + ": " + risposta.status());
                }
            }
        }
        assertThat(errori).isEmpty();
    }

    private SessioneConsole sessione(String utente) {
        return sessioni.computeIfAbsent(utente, u -> SessioneConsole.di(http, u));
    }

    private String sostituisci(String testo) {
        String risultato = testo;
        for (Map.Entry<String, String> voce : id.entrySet()) {
            risultato = risultato.replace("{" + voce.getKey() + "}", voce.getValue());
        }
        return risultato;
    }
}
