package it.piattaformacasa.scadenze.web;

import static it.piattaformacasa.DemoUtenti.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import it.piattaformacasa.ClientHttp;
import it.piattaformacasa.FileScaricati;
import it.piattaformacasa.IntegrationTest;
import it.piattaformacasa.SessioneConsole;
import it.piattaformacasa.ScenarioAvviso;
import it.piattaformacasa.anagrafe.Alloggio;
import it.piattaformacasa.anagrafe.AlloggioRepository;
import it.piattaformacasa.anagrafe.StatoAlloggio;
import it.piattaformacasa.avviso.process.AvvisoBpmn;
import it.piattaformacasa.graduatoria.Graduatoria;
import it.piattaformacasa.graduatoria.GraduatoriaRepository;
import it.piattaformacasa.anagrafe.EnteProprietarioRepository;
import it.piattaformacasa.common.CodiceFiscale;
import it.piattaformacasa.common.sicurezza.Gruppi;
import it.piattaformacasa.scadenze.ScadenzeProcesso;
import it.piattaformacasa.scadenze.TipoScadenza;
import it.piattaformacasa.scadenze.web.ScadenzeDiProva.Riga;

/**
 * Issue 12, «Scadenze» over HTTP: the order (overdue first, then by due date), the semaforo in words, the filters and
 * the paging on the server, who sees which ente's deadlines, and the same counts on {@code /actuator/prometheus}.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScadenzePagineTest {

    @LocalServerPort
    int port;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;
    @Autowired
    TaskService taskService;
    @Autowired
    AlloggioRepository alloggi;
    @Autowired
    EnteProprietarioRepository enti;
    @Autowired
    GraduatoriaRepository graduatorie;
    @Autowired
    ScadenzeProcesso processo;

    ClientHttp http;
    ScadenzeDiProva dati;
    ScadenzeDiProva.Avviso avviso;
    long varese;
    long malnate;

    @BeforeAll
    void unaScadenzaPassataDaDueGiorni() {
        http = new ClientHttp(port);
        dati = new ScadenzeDiProva(http, runtimeService, managementService, taskService, alloggi);
        avviso = dati.avviso("Avviso scadenze HTTP", ScadenzeDiProva.dueGiorniFaAMezzogiorno());
        varese = enti.findByCodiceFiscale(CodiceFiscale.of(CF_COMUNE_VARESE)).orElseThrow().getId();
        malnate = enti.findByCodiceFiscale(CodiceFiscale.of(CF_COMUNE_MALNATE)).orElseThrow().getId();
        // what a deadline's timer does to a late task: the supervisors join its candidates, the ente keeps it
        taskService.addCandidateGroup(avviso.diAler().getId(), "supervisori");
    }

    @Test
    void ilSupervisoreVedeLeScadutePrimaConIlSemaforoInParoleEChiLaTiene() {
        SessioneConsole supervisore = SessioneConsole.di(http, SUPERVISORE);
        ClientHttp.Risposta pagina = supervisore.get("/scadenze?stato=SCADUTA&ente=" + varese);
        assertThat(pagina.status()).isEqualTo(200);
        List<Riga> righe = ScadenzeDiProva.tutte(supervisore, "/scadenze?stato=SCADUTA&ente=" + varese);
        Riga questa = riga(righe, avviso.titolo());
        assertThat(questa.stato()).isEqualTo("SCADUTA");
        assertThat(questa.semaforo()).isEqualTo("Scaduta da 2 giorni");
        assertThat(questa.testo()).contains("Selezione degli alloggi per l'avviso", "24 ore prima dell'apertura ai cittadini",
                "Comune di Varese", "Non presa in carico", "Comune di Varese – Gestione avviso");
        assertThat(questa.collegamento()).isEqualTo("/camunda/app/tasklist/default/#/?task=" + avviso.diVarese().getId());
        assertThat(questa.testo()).doesNotContain("Segnalata ai supervisori");

        // other tests' overdue selections may come first: page by page until it shows
        Riga segnalata = ScadenzeDiProva.tutte(supervisore, "/scadenze?tipo=SELEZIONE_ALLOGGI").stream()
                .filter(r -> r.collegamento().endsWith("task=" + avviso.diAler().getId())).findFirst().orElseThrow();
        assertThat(segnalata.testo()).contains("Segnalata ai supervisori", "ALER Varese").doesNotContain("Supervisori");

        // the whole list: every overdue row before every other one
        List<Riga> tutte = ScadenzeDiProva.righe(supervisore.get("/scadenze").body());
        assertThat(tutte).isNotEmpty();
        assertThat(tutte.get(0).stato()).isEqualTo("SCADUTA");
        int ultimaScaduta = -1;
        int primaAltra = Integer.MAX_VALUE;
        for (int i = 0; i < tutte.size(); i++) {
            if (tutte.get(i).stato().equals("SCADUTA")) {
                ultimaScaduta = i;
            } else {
                primaAltra = Math.min(primaAltra, i);
            }
        }
        assertThat(ultimaScaduta).isLessThan(primaAltra);
        assertThat(pagina.body()).contains("Scadenze di legge", "Scadute", "In scadenza entro 3 giorni", "Nei termini");
    }

    @Test
    void iFiltriSonoApplicatiDalServer() {
        SessioneConsole supervisore = SessioneConsole.di(http, SUPERVISORE);
        List<Riga> scadute = ScadenzeDiProva.tutte(supervisore, "/scadenze?stato=SCADUTA");
        assertThat(scadute).extracting(Riga::stato).containsOnly("SCADUTA");
        assertThat(scadute).extracting(Riga::testo).anyMatch(t -> t.contains(avviso.titolo()));

        List<Riga> diMalnate = ScadenzeDiProva.tutte(supervisore, "/scadenze?stato=NEI_TERMINI&ente=" + malnate);
        assertThat(diMalnate).extracting(Riga::stato).containsOnly("NEI_TERMINI");
        assertThat(diMalnate).extracting(Riga::testo).allMatch(t -> t.contains("Comune di Malnate"));
        assertThat(diMalnate).extracting(Riga::testo).anyMatch(t -> t.contains(avviso.titolo()));

        assertThat(ScadenzeDiProva.tutte(supervisore, "/scadenze?tipo=CONTRATTO"))
                .extracting(Riga::testo).noneMatch(t -> t.contains(avviso.titolo()));
        assertThat(ScadenzeDiProva.tutte(supervisore, "/scadenze?tipo=SELEZIONE_ALLOGGI&ente=" + varese))
                .extracting(Riga::testo).anyMatch(t -> t.contains(avviso.titolo()))
                .allMatch(t -> t.contains("Selezione degli alloggi"));

        // a value no link of the page gives: a wrong request, which names the filter
        ClientHttp.Risposta sbagliato = supervisore.get("/scadenze?stato=QUALUNQUE");
        assertThat(sbagliato.status()).isEqualTo(400);
        assertThat(sbagliato.body()).contains("Il valore «QUALUNQUE» non è ammesso per il filtro «stato»");
    }

    @Test
    void lElencoEPaginatoSulServerSenzaRipetereNePerdereRighe() {
        SessioneConsole supervisore = SessioneConsole.di(http, SUPERVISORE);
        int n = 0;
        while (ScadenzeDiProva.totale(supervisore.get("/scadenze").body()) <= 25) {
            dati.avviso("Avviso scadenze pagine " + (++n), null);
        }
        String prima = supervisore.get("/scadenze").body();
        long totale = ScadenzeDiProva.totale(prima);
        List<Riga> pagina1 = ScadenzeDiProva.righe(prima);
        assertThat(pagina1).hasSize(25);
        assertThat(ScadenzeDiProva.testo(prima)).contains("aria-label=\"Pagine dell'elenco delle scadenze\"", "aria-current=\"page\"",
                "Pagina precedente", "Pagina successiva");
        List<Riga> pagina2 = ScadenzeDiProva.righe(supervisore.get("/scadenze?pagina=2").body());
        assertThat(pagina2).hasSize((int) Math.min(25, totale - 25));
        Set<String> viste = new HashSet<>();
        pagina1.forEach(r -> viste.add(r.collegamento()));
        assertThat(pagina2).extracting(Riga::collegamento).noneMatch(viste::contains);
        // beyond the last page: the last page
        assertThat(ScadenzeDiProva.righe(supervisore.get("/scadenze?pagina=999").body())).isNotEmpty();
    }

    @Test
    void lOperatoreVedeSoloLeScadenzeDeiSuoiEntiELAnalistaNessuna() {
        SessioneConsole diMalnate = SessioneConsole.di(http, MALNATE);
        String pagina = diMalnate.get("/scadenze").body();
        List<Riga> righe = ScadenzeDiProva.tutte(diMalnate, "/scadenze");
        assertThat(righe).isNotEmpty();
        assertThat(righe).extracting(Riga::testo).allMatch(t -> t.contains("Comune di Malnate"))
                .noneMatch(t -> t.contains("Comune di Varese"));
        assertThat(righe).extracting(Riga::collegamento)
                .contains("/camunda/app/tasklist/default/#/?task=" + avviso.diMalnate().getId())
                .doesNotContain("/camunda/app/tasklist/default/#/?task=" + avviso.diVarese().getId());
        // the ente filter offers its own ente only, and another ente's is refused
        assertThat(pagina).contains(">Comune di Malnate</option>").doesNotContain(">Comune di Varese</option>");
        ClientHttp.Risposta altrui = diMalnate.get("/scadenze?ente=" + varese);
        assertThat(altrui.status()).isEqualTo(403);
        assertThat(altrui.body()).contains("non sono tra quelle dei tuoi enti");

        // the Comune di Varese's operator sees its overdue one
        assertThat(ScadenzeDiProva.tutte(SessioneConsole.di(http, CAPOFILA), "/scadenze?stato=SCADUTA"))
                .extracting(Riga::testo).anyMatch(t -> t.contains(avviso.titolo())).allMatch(t -> t.contains("Comune di Varese"));

        ClientHttp.Risposta analista = SessioneConsole.di(http, ANALISTA).get("/scadenze");
        assertThat(analista.status()).isEqualTo(403);
        assertThat(analista.body()).contains("Le scadenze di legge sono dei supervisori e degli operatori degli enti");
    }

    @Test
    void lApiHaLoStessoElencoDellaPagina() {
        for (String utente : List.of(SUPERVISORE, MALNATE)) {
            String pagina = SessioneConsole.di(http, utente).get("/scadenze?stato=NEI_TERMINI&tipo=SELEZIONE_ALLOGGI").body();
            ClientHttp.Risposta api = http.get("/api/scadenze/di-legge?stato=NEI_TERMINI&tipo=SELEZIONE_ALLOGGI&righe=200", utente);
            assertThat(api.status()).as(api.body()).isEqualTo(200);
            assertThat(api.json().get("totale").asLong()).as(utente).isEqualTo(ScadenzeDiProva.totale(pagina));
            assertThat(api.json().get("conteggi").get("scadute").asLong()).isEqualTo(ScadenzeDiProva.conteggio(pagina, "SCADUTA"));
            api.json().get("scadenze").forEach(s -> assertThat(s.get("tipo").asText()).isEqualTo("SELEZIONE_ALLOGGI"));
            if (utente.equals(MALNATE)) {
                api.json().get("scadenze").forEach(s -> assertThat(s.get("ente").asText()).isEqualTo("Comune di Malnate"));
            }
        }
        assertThat(http.get("/api/scadenze/di-legge?stato=QUALUNQUE", SUPERVISORE).status()).isEqualTo(400);
        assertThat(http.get("/api/scadenze/di-legge?righe=1000", SUPERVISORE).status()).isEqualTo(400);
        assertThat(http.get("/api/scadenze/di-legge?ente=" + varese, MALNATE).status()).isEqualTo(403);
        assertThat(http.get("/api/scadenze/di-legge", ANALISTA).status()).isEqualTo(403);
    }

    /**
     * Issue 17: the three counts come from one aggregate query on the engine's tables, the list's total from the
     * engine's task query; for a supervisor and for an operator they must agree, state by state.
     */
    @Test
    void iConteggiAggregatiSonoQuelliDellElencoFiltratoPerStato() {
        for (String utente : List.of(SUPERVISORE, MALNATE)) {
            SessioneConsole console = SessioneConsole.di(http, utente);
            String riepilogo = console.get("/scadenze").body();
            long somma = 0;
            for (String stato : List.of("SCADUTA", "IN_SCADENZA", "NEI_TERMINI")) {
                long elenco = ScadenzeDiProva.totale(console.get("/scadenze?stato=" + stato).body());
                assertThat(ScadenzeDiProva.conteggio(riepilogo, stato)).as(utente + " " + stato).isEqualTo(elenco);
                somma += elenco;
            }
            assertThat(ScadenzeDiProva.totale(riepilogo)).as(utente).isEqualTo(somma);
        }
    }

    /**
     * Issue 17: the chart's weeks are counted by the database; the same numbers as reading every deadline task of the
     * weeks through the engine (as the page did), for every ente and for one ente's groups.
     */
    @Test
    void ilGraficoContaPerSettimanaQuelloCheIlMotoreElenca() {
        java.time.Instant adesso = java.time.Instant.now();
        LocalDate oggi = LocalDate.ofInstant(adesso, ZoneId.of("Europe/Rome"));
        List<java.time.Instant> confini = new java.util.ArrayList<>(List.of(adesso));
        for (int i = 1; i <= 8; i++) {
            confini.add(oggi.plusWeeks(i).atStartOfDay(ZoneId.of("Europe/Rome")).toInstant());
        }
        for (Set<String> gruppi : java.util.Arrays.<Set<String>>asList(null, Set.of(
                Gruppi.gestioneAvviso(CodiceFiscale.of(CF_COMUNE_MALNATE)), Gruppi.istruttoria(CodiceFiscale.of(CF_COMUNE_MALNATE)),
                Gruppi.ente(CodiceFiscale.of(CF_COMUNE_MALNATE))))) {
            var tipi = java.util.EnumSet.allOf(TipoScadenza.class);
            var contati = processo.contaAttivitaDiLeggeTra(new ScadenzeProcesso.Criteri(tipi, gruppi, null, null), confini);
            var lette = processo.attivitaDiLegge(new ScadenzeProcesso.Criteri(tipi, gruppi, adesso, confini.get(8)), 0,
                    Integer.MAX_VALUE, false);
            long totale = 0;
            for (int i = 0; i < 8; i++) {
                for (TipoScadenza tipo : TipoScadenza.values()) {
                    int settimana = i;
                    long attese = lette.stream().filter(s -> s.tipo() == tipo && !s.scadenza().isBefore(confini.get(settimana))
                            && s.scadenza().isBefore(confini.get(settimana + 1))).count();
                    long[] perSettimana = contati.get(tipo);
                    assertThat(perSettimana == null ? 0 : perSettimana[i]).as(gruppi + " " + tipo + " settimana " + i).isEqualTo(attese);
                    totale += attese;
                }
            }
            assertThat(totale).isEqualTo(lette.size());
        }
    }

    /** Issue 17: {@code /api/scadenze} in pages as the API's other lists, without repeating or losing lines. */
    @Test
    void leScadenzeOperativeSonoAPagine() {
        // the suite shares one database whose jobs keep opening tasks: the comparison is made on a listing during which
        // the total did not move (tried again, up to five times, when another test's work added a line meanwhile)
        boolean stabile = false;
        for (int prova = 0; prova < 5 && !stabile; prova++) {
            ClientHttp.Risposta tutte = http.get("/api/scadenze?giorni=60&dimensione=200", SUPERVISORE);
            assertThat(tutte.status()).as(tutte.body()).isEqualTo(200);
            long totale = tutte.json().get("totale").asLong();
            assertThat(totale).isPositive();
            assertThat(tutte.json().get("pagina").asInt()).isZero();
            assertThat(tutte.json().get("dimensione").asInt()).isEqualTo(200);
            List<String> attese = new java.util.ArrayList<>();
            tutte.json().get("elementi").forEach(s -> attese.add(s.get("tipo").asText() + " " + s.path("taskId").asText()
                    + " " + s.path("oggetto").asText() + " " + s.path("scadenza").asText()));
            assertThat(attese).hasSize((int) Math.min(200, totale));
            List<String> aPagine = new java.util.ArrayList<>();
            stabile = true;
            for (int pagina = 0; pagina * 7 < attese.size(); pagina++) {
                ClientHttp.Risposta r = http.get("/api/scadenze?giorni=60&dimensione=7&pagina=" + pagina, SUPERVISORE);
                stabile &= r.json().get("totale").asLong() == totale;
                r.json().get("elementi").forEach(s -> aPagine.add(s.get("tipo").asText() + " " + s.path("taskId").asText()
                        + " " + s.path("oggetto").asText() + " " + s.path("scadenza").asText()));
            }
            if (stabile) {
                assertThat(aPagine.subList(0, attese.size())).isEqualTo(attese);
            }
        }
        assertThat(stabile).as("a listing during which no other test added a deadline").isTrue();
        assertThat(http.get("/api/scadenze", SUPERVISORE).json().get("dimensione").asInt()).isEqualTo(50);
        assertThat(http.get("/api/scadenze?dimensione=0", SUPERVISORE).status()).isEqualTo(400);
        assertThat(http.get("/api/scadenze?dimensione=201", SUPERVISORE).status()).isEqualTo(400);
        ClientHttp.Risposta negativa = http.get("/api/scadenze?pagina=-1", SUPERVISORE);
        assertThat(negativa.status()).isEqualTo(400);
        assertThat(negativa.body()).contains("pagina");
        assertThat(http.get("/api/scadenze?giorni=61", SUPERVISORE).status()).isEqualTo(400);
    }

    @Test
    void laMetricaPrometheusHaGliStessiNumeriDellaPaginaDelSupervisore() {
        String pagina = SessioneConsole.di(http, SUPERVISORE).get("/scadenze").body();
        String metriche = prometheus(ADMIN).body();
        assertThat(metriche).contains("# TYPE piattaforma_scadenze gauge");
        assertThat(valore(metriche, "scadute")).isEqualTo(ScadenzeDiProva.conteggio(pagina, "SCADUTA")).isPositive();
        assertThat(valore(metriche, "in_scadenza")).isEqualTo(ScadenzeDiProva.conteggio(pagina, "IN_SCADENZA"));
        assertThat(valore(metriche, "nei_termini")).isEqualTo(ScadenzeDiProva.conteggio(pagina, "NEI_TERMINI")).isPositive();

        assertThat(prometheus(null).status()).isEqualTo(401);
        assertThat(prometheus(SUPERVISORE).status()).isEqualTo(403);
        assertThat(prometheus(CAPOFILA).status()).isEqualTo(403);
    }

    @Test
    void laQuotaNeiTerminiDiOgniEnteVieneDallaStoria() {
        ScadenzeDiProva.Avviso completato = dati.avviso("Avviso scadenze completate", Duration.ofDays(1));
        SessioneConsole supervisore = SessioneConsole.di(http, SUPERVISORE);
        long[] vareseprima = puntualita(supervisore.get("/scadenze").body(), "Comune di Varese");
        long[] malnatePrima = puntualita(supervisore.get("/scadenze").body(), "Comune di Malnate");

        // Varese completes a day late, Malnate in time
        completa(completato.diVarese().getId(), CAPOFILA);
        completa(completato.diMalnate().getId(), MALNATE);

        String pagina = supervisore.get("/scadenze").body();
        long[] varese = puntualita(pagina, "Comune di Varese");
        long[] malnate = puntualita(pagina, "Comune di Malnate");
        assertThat(varese[0] - vareseprima[0]).as("completate dal Comune di Varese").isEqualTo(1);
        assertThat(varese[1] - vareseprima[1]).as("nei termini del Comune di Varese").isZero();
        assertThat(malnate[0] - malnatePrima[0]).as("completate dal Comune di Malnate").isEqualTo(1);
        assertThat(malnate[1] - malnatePrima[1]).as("nei termini del Comune di Malnate").isEqualTo(1);
        assertThat(pagina).contains("Scadenze rispettate nel ", "role=\"img\"", "<title id=\"svg-puntualita-titolo\">");

        // an operator sees its own ente's share only
        String diMalnate = SessioneConsole.di(http, MALNATE).get("/scadenze").body();
        assertThat(puntualita(diMalnate, "Comune di Malnate")[0]).isPositive();
        assertThat(diMalnate).doesNotContain("<th scope=\"row\">Comune di Varese</th>");
    }

    @Test
    void laFinestraPerLeRettificheEUnaScadenzaSenzaAttivitaCheApreLaGraduatoria() {
        ScenarioAvviso scenario = new ScenarioAvviso(http, runtimeService, managementService, alloggi)
                .conTitolo("Avviso scadenze rettifiche");
        Alloggio diMalnate = scenario.alloggiDi(CF_COMUNE_MALNATE, StatoAlloggio.LIBERO, 1).get(0);
        long avvisoRettifiche = scenario.aperto(List.of(diMalnate), List.of(MALNATE));
        String domanda = "{\"nucleo\":[{\"codiceFiscale\":\"RTOMRC80A15L682D\",\"nome\":\"Marco\",\"cognome\":\"Rota\","
                + "\"dataNascita\":\"1980-01-15\",\"relazione\":\"RICHIEDENTE\",\"percentualeInvalidita\":0}],"
                + "\"residenza\":{\"codiceIstatComune\":\"012133\",\"residenteLombardiaDal\":\"2000-01-01\",\"residenteComuneDal\":\"2005-01-01\"},"
                + "\"isee\":{\"valore\":7000,\"protocolloDsu\":\"INPS-ISEE-2026-RTO\",\"dataDsu\":\"2026-01-20\"},"
                + "\"patrimonio\":0,\"condizioni\":{\"coabitazione\":true},\"alloggi\":[" + diMalnate.getId() + "]}";
        assertThat(http.post("/api/avvisi/" + avvisoRettifiche + "/domande", CAPOFILA, domanda).status()).isEqualTo(201);
        scenario.eseguiTimer(avvisoRettifiche, AvvisoBpmn.TIMER_CHIUSURA);
        scenario.eseguiTimer(avvisoRettifiche, AvvisoBpmn.SERVICE_GENERA_GRADUATORIE);
        Graduatoria graduatoria = graduatorie.findByAvvisoIdOrderById(avvisoRettifiche).get(0);
        String approva = taskService.createTaskQuery().processDefinitionKey("graduatoria")
                .processInstanceBusinessKey(graduatoria.getId().toString()).singleResult().getId();
        http.post("/engine-rest/task/" + approva + "/claim", MALNATE, "{\"userId\":\"" + MALNATE + "\"}");
        String oggi = LocalDate.now(ZoneId.of("Europe/Rome")).toString();
        assertThat(http.post("/engine-rest/task/" + approva + "/complete", MALNATE, "{\"variables\":{"
                + "\"numeroProvvedimento\":{\"value\":\"DET-1\"},\"dataProvvedimento\":{\"value\":\"" + oggi + "\"},"
                + "\"pubblicazione\":{\"value\":\"SITO_ENTE\"},\"dataPubblicazione\":{\"value\":\"" + oggi + "\"}}}").status())
                .isEqualTo(204);

        String link = "/graduatorie/" + graduatoria.getId();
        SessioneConsole supervisore = SessioneConsole.di(http, SUPERVISORE);
        Riga finestra = ScadenzeDiProva.tutte(supervisore, "/scadenze?tipo=FINESTRA_RETTIFICHE&ente=" + malnate).stream().filter(r -> link.equals(r.collegamento())).findFirst()
                .orElseThrow(() -> new AssertionError("the rettifica window of graduatoria " + graduatoria.getId()));
        assertThat(finestra.stato()).isEqualTo("NEI_TERMINI");
        assertThat(finestra.semaforo()).isEqualTo("Tra 15 giorni");
        assertThat(finestra.testo()).contains("Finestra per le rettifiche per invalidità civile",
                "15 giorni dalla pubblicazione", "Comune di Malnate", "Graduatoria n. " + graduatoria.getId(),
                "Nessuna attività: si attende il termine", "Comune di Malnate – Gestione avviso", "Apri la graduatoria");

        // among the tasks, in due-date order, once, whichever page it falls on
        long totale = ScadenzeDiProva.totale(supervisore.get("/scadenze").body());
        List<String> collegamenti = new java.util.ArrayList<>();
        for (int pagina = 1; pagina <= (totale + 24) / 25; pagina++) {
            ScadenzeDiProva.righe(supervisore.get("/scadenze?pagina=" + pagina).body()).forEach(r -> collegamenti.add(r.collegamento()));
        }
        assertThat(collegamenti).hasSize((int) totale).doesNotHaveDuplicates().containsOnlyOnce(link);

        // Malnate's operators see it, the Comune di Varese's do not
        assertThat(ScadenzeDiProva.tutte(SessioneConsole.di(http, MALNATE), "/scadenze?tipo=FINESTRA_RETTIFICHE"))
                .extracting(Riga::collegamento).contains(link);
        assertThat(ScadenzeDiProva.tutte(SessioneConsole.di(http, CAPOFILA), "/scadenze?tipo=FINESTRA_RETTIFICHE"))
                .extracting(Riga::collegamento).doesNotContain(link);
    }

    @Test
    void loScaricamentoHaTutteLeScadenzeFiltrateConLeParoleDellaPagina() {
        SessioneConsole supervisore = SessioneConsole.di(http, SUPERVISORE);
        String filtri = "stato=SCADUTA&ente=" + varese;
        List<Riga> pagina = ScadenzeDiProva.tutte(supervisore, "/scadenze?" + filtri);
        HttpResponse<byte[]> xlsx = supervisore.scarica("/scadenze/esportazione?" + filtri + "&formato=xlsx");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"scadenze-" + LocalDate.now(ZoneId.of("Europe/Rome")) + ".xlsx\"");
        List<List<Object>> righe = FileScaricati.xlsx(xlsx.body());
        assertThat(righe.get(0)).containsExactly("Stato", "Semaforo", "Scadenza", "Termine di legge", "Entro il", "Ente", "Comune",
                "Pratica", "Avviso", "Chi la tiene", "Gruppi che possono prenderla in carico", "Segnalata ai supervisori");
        List<List<Object>> scadenze = righe.subList(1, righe.size());
        // every row of the filtered list, in the page's order and words, not only its first page
        assertThat(scadenze).extracting(r -> r.get(1)).containsExactlyElementsOf(pagina.stream().map(Riga::semaforo).toList());
        assertThat(scadenze).extracting(r -> r.get(0)).containsOnly("Scaduta");
        assertThat(scadenze).extracting(r -> r.get(5)).containsOnly("Comune di Varese");
        List<Object> questa = scadenze.stream().filter(r -> r.get(8) != null && r.get(8).toString().contains(avviso.titolo()))
                .findFirst().orElseThrow(() -> new AssertionError("«" + avviso.titolo() + "» not among " + scadenze));
        assertThat(questa.subList(0, 3)).containsExactly("Scaduta", "Scaduta da 2 giorni", "Selezione degli alloggi per l'avviso");
        assertThat(questa.get(3).toString()).contains("24 ore prima dell'apertura ai cittadini");
        assertThat(questa.get(4).toString()).matches("[0-9]{2}/[0-9]{2}/[0-9]{4} ore [0-9]{2}:[0-9]{2}");
        assertThat(riga(pagina, avviso.titolo()).testo()).contains(questa.get(4).toString());
        assertThat(questa.get(9)).isEqualTo("Non presa in carico");
        assertThat(questa.get(10).toString()).contains("Comune di Varese – Gestione avviso");
        assertThat(questa.get(11)).isEqualTo("No");

        // the whole list as CSV: as many rows as the page counts
        ClientHttp.Risposta csv = supervisore.get("/scadenze/esportazione?formato=csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.raw().headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(FileScaricati.csv(csv.body())).hasSize((int) ScadenzeDiProva.totale(supervisore.get("/scadenze").body()) + 1);
        // the page's links carry its filters
        assertThat(supervisore.get("/scadenze?" + filtri).body())
                .contains("href=\"/scadenze/esportazione?stato=SCADUTA&amp;ente=" + varese + "&amp;formato=xlsx\"",
                        "href=\"/scadenze/esportazione?stato=SCADUTA&amp;ente=" + varese + "&amp;formato=csv\"",
                        "Scarica (.xlsx)", "Scarica (.csv)");
    }

    @Test
    void loScaricamentoDellOperatoreHaSoloLeScadenzeDeiSuoiEnti() {
        List<List<String>> diMalnate = FileScaricati.csv(SessioneConsole.di(http, MALNATE)
                .get("/scadenze/esportazione?tipo=SELEZIONE_ALLOGGI&formato=csv").body());
        assertThat(diMalnate.size()).isGreaterThan(1);
        assertThat(diMalnate.subList(1, diMalnate.size())).extracting(r -> r.get(5)).containsOnly("Comune di Malnate");
        assertThat(diMalnate).extracting(r -> r.get(8)).anyMatch(a -> a.contains(avviso.titolo()));
        ClientHttp.Risposta altrui = SessioneConsole.di(http, MALNATE).get("/scadenze/esportazione?ente=" + varese + "&formato=csv");
        assertThat(altrui.status()).isEqualTo(403);
        assertThat(altrui.body()).contains("non sono tra quelle dei tuoi enti");
        assertThat(SessioneConsole.di(http, ANALISTA).get("/scadenze/esportazione?formato=csv").status()).isEqualTo(403);

        // the supervisors see the one their timer escalated to them, with its mark
        List<List<String>> selezioni = FileScaricati.csv(SessioneConsole.di(http, SUPERVISORE)
                .get("/scadenze/esportazione?tipo=SELEZIONE_ALLOGGI&formato=csv").body());
        assertThat(selezioni).anyMatch(r -> r.get(8).contains(avviso.titolo()) && r.get(5).contains("ALER Varese")
                && r.get(11).equals("Sì"));
    }

    @Test
    void unValoreDiFiltroCheLaPaginaNonOffreEUn400AncheNelloScaricamento() {
        SessioneConsole supervisore = SessioneConsole.di(http, SUPERVISORE);
        ClientHttp.Risposta stato = supervisore.get("/scadenze/esportazione?stato=QUALUNQUE&formato=csv");
        assertThat(stato.status()).isEqualTo(400);
        assertThat(stato.body()).contains("Il valore «QUALUNQUE» non è ammesso per il filtro «stato»");
        assertThat(supervisore.get("/scadenze/esportazione?tipo=ALTRO").status()).isEqualTo(400);
        assertThat(supervisore.get("/scadenze/esportazione?ente=abc").status()).isEqualTo(400);
        ClientHttp.Risposta formato = supervisore.get("/scadenze/esportazione?formato=pdf");
        assertThat(formato.status()).isEqualTo(400);
        assertThat(formato.body()).contains("formato sconosciuto (ammessi: xlsx, csv)");
    }

    private void completa(String taskId, String utente) {
        assertThat(http.post("/engine-rest/task/" + taskId + "/claim", utente, "{\"userId\":\"" + utente + "\"}").status())
                .isEqualTo(204);
        assertThat(http.post("/engine-rest/task/" + taskId + "/complete", utente,
                "{\"variables\":{\"selezioneCompletata\":{\"value\":true,\"type\":\"Boolean\"}}}").status()).isEqualTo(204);
    }

    /** Completed and in time, from the table beside the picture; zeros when the ente is not there yet. */
    private static long[] puntualita(String html, String ente) {
        Matcher m = Pattern.compile("<th scope=\"row\">" + Pattern.quote(ente) + "</th>\\s*<td>(\\d+)</td>\\s*<td>(\\d+)</td>")
                .matcher(html);
        return m.find() ? new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))} : new long[] {0, 0};
    }

    private ClientHttp.Risposta prometheus(String utente) {
        return http.invia(http.richiesta("/actuator/prometheus", utente).setHeader("Accept", "text/plain").GET().build());
    }

    private static long valore(String metriche, String stato) {
        Matcher m = Pattern.compile("(?m)^piattaforma_scadenze\\{[^}]*stato=\"" + stato + "\"[^}]*\\} ([0-9.Ee+]+)$").matcher(metriche);
        assertThat(m.find()).as("piattaforma_scadenze{stato=\"%s\"} in\n%s", stato, metriche).isTrue();
        return (long) Double.parseDouble(m.group(1));
    }

    private static Riga riga(List<Riga> righe, String titolo) {
        return righe.stream().filter(r -> r.testo().contains(titolo)).findFirst()
                .orElseThrow(() -> new AssertionError("«" + titolo + "» not among " + righe));
    }
}
