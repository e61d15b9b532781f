package it.piattaformacasa.attivita;

import static it.piattaformacasa.DemoUtenti.*;
import static it.piattaformacasa.common.process.PraticaNellElenco.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import it.piattaformacasa.ClientHttp;
import it.piattaformacasa.DomandaDiProva;
import it.piattaformacasa.IntegrationTest;
import it.piattaformacasa.OrologioDiProva;
import it.piattaformacasa.ScenarioAvviso;
import it.piattaformacasa.anagrafe.AlloggioRepository;
import it.piattaformacasa.avviso.process.AvvisoBpmn;
import it.piattaformacasa.common.ItalianFormats;
import it.piattaformacasa.common.Termini;
import it.piattaformacasa.convenzioni.ModelliDelProgetto;
import it.piattaformacasa.graduatoria.Graduatoria;
import it.piattaformacasa.graduatoria.GraduatoriaRepository;
import it.piattaformacasa.graduatoria.process.GraduatoriaBpmn;
import it.piattaformacasa.regole.PubblicazioneRegoleProcesso;

/**
 * Issue 11, «every task names its case and its deadline», on one real case of the Comune di Malnate followed through
 * every process, as its operators work it: the avviso «SAP 2026 ambito di Varese», a domanda, the graduatoria
 * provvisoria approved and published, a rettifica, the switch to DEFINITIVA and its publication, the istruttoria, the
 * assignment and the contratto; plus the Anagrafe certification and a rules publication. Every task created on the way
 * is kept as it was at creation, and every user task of {@code processes/} must be among them.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AttivitaConLaPraticaTest {

    private static final ZoneId ROMA = ZoneId.of("Europe/Rome");
    private static final String TITOLO = "SAP 2026 ambito di Varese";
    private static final String ENTE = "Comune di Malnate";
    private static final String COMUNE = "Malnate";
    private static final String MALNATE_ISTAT = "012096";
    private static final String RICHIEDENTE = "GRCLSE95R50L682N";
    private static final String REGOLE = "attivita-con-la-pratica";
    long richiestaAbilitazione;

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
    PubblicazioneRegoleProcesso pubblicazioni;
    @Autowired
    JdbcTemplate jdbc;

    ClientHttp http;
    /** Every task as it was created, by task definition key, with its own variables at that moment. */
    final Map<String, List<Task>> create = new LinkedHashMap<>();
    final Map<String, Map<String, Object>> variabili = new HashMap<>();
    final List<String> istanze = new ArrayList<>();
    long avviso;
    Instant apertura;
    Instant chiusura;
    long graduatoria;
    long domanda;
    LocalDate oggi;
    Instant definitivaIl;
    Instant assegnataIl;

    @BeforeAll
    void unaPraticaDelComuneDiMalnateDallAvvisoAlContratto() {
        http = new ClientHttp(port);
        oggi = LocalDate.now(ROMA);
        ScenarioAvviso scenario = new ScenarioAvviso(http, runtimeService, managementService, alloggi).conTitolo(TITOLO);
        long alloggio = jdbc.queryForObject("""
                insert into alloggio (codice_ui, ente_id, comune_id, indirizzo, piano, superficie_utile, vani, ascensore,
                                      barriere_architettoniche, stato)
                select 'ACP-1', e.id, c.id, 'Via della Pratica 1', 1, 62, 3, true, false, 'LIBERO'
                  from ente_proprietario e, comune c where e.codice_fiscale = ? and c.codice_istat = ?
                returning id""", Long.class, CF_COMUNE_MALNATE, MALNATE_ISTAT);

        // avviso: one «Seleziona alloggi per l'avviso» per ente of the ambito
        avviso = scenario.predisposto();
        ProcessInstance istanzaAvviso = istanza(AvvisoBpmn.PROCESS_ID, avviso);
        raccogli(istanzaAvviso.getId());
        var letto = http.get("/api/avvisi/" + avviso, CAPOFILA).json();
        apertura = Instant.parse(letto.get("apertura").asText());
        chiusura = Instant.parse(letto.get("chiusura").asText());
        assertThat(http.post("/api/avvisi/" + avviso + "/alloggi", MALNATE, "{\"alloggioId\":" + alloggio
                + ",\"tipologia\":\"ASSEGNABILE_ENTRO_CHIUSURA\",\"tipologiaRiscaldamento\":\"Centralizzato\","
                + "\"speseAnnueUtenze\":1200.00}").status()).isEqualTo(201);
        scenario.eseguiTimer(avviso, AvvisoBpmn.TIMER_FINE_SELEZIONE);
        scenario.eseguiTimer(avviso, AvvisoBpmn.TIMER_APERTURA);
        ClientHttp.Risposta presentata = http.post("/api/avvisi/" + avviso + "/domande", MALNATE,
                DomandaDiProva.unaDomanda(RICHIEDENTE, alloggio).residenteA(MALNATE_ISTAT).json());
        assertThat(presentata.status()).as(presentata.body()).isEqualTo(201);
        domanda = presentata.json().get("id").asLong();

        // graduatoria: generated at chiusura, approved and published three days ago
        scenario.eseguiTimer(avviso, AvvisoBpmn.TIMER_CHIUSURA);
        scenario.eseguiTimer(avviso, AvvisoBpmn.SERVICE_GENERA_GRADUATORIE);
        graduatoria = graduatorie.findByAvvisoIdOrderById(avviso).stream()
                .filter(g -> g.getEnte().getRagioneSociale().equals(ENTE)).findFirst().orElseThrow().getId();
        ProcessInstance istanzaGraduatoria = istanza(GraduatoriaBpmn.PROCESS_ID, graduatoria);
        raccogli(istanzaGraduatoria.getId());
        ScenarioAvviso.generateGiorniFa(jdbc, avviso, 4);
        LocalDate pubblicata = oggi.minusDays(3);
        completa(GraduatoriaBpmn.TASK_APPROVA, "\"numeroProvvedimento\":{\"value\":\"DET-12\"},\"dataProvvedimento\":{\"value\":\""
                + pubblicata + "\"},\"pubblicazione\":{\"value\":\"SITO_ENTE\"},\"dataPubblicazione\":{\"value\":\"" + pubblicata + "\"}");

        // a rettifica asked today: the ente decides within 15 days, later than the end of the window (12 days from now)
        ClientHttp.Risposta rettifica = http.post("/api/graduatorie/" + graduatoria + "/rettifiche", MALNATE,
                "{\"domandaId\":" + domanda + ",\"codiceFiscaleComponente\":\"" + RICHIEDENTE + "\",\"percentualeInvalidita\":80}");
        assertThat(rettifica.status()).as(rettifica.body()).isEqualTo(201);
        raccogli(istanza("rettifica-invalidita", rettifica.json().get("id").asLong()).getId());
        // the window's timer, fired by name: «Rendi definitiva la graduatoria» waits for the ente
        managementService.executeJob(managementService.createJobQuery().processInstanceId(istanzaGraduatoria.getId())
                .activityId(GraduatoriaBpmn.TIMER_FINE_FINESTRA_RETTIFICHE).singleResult().getId());
        raccogli(istanzaGraduatoria.getId());
        completa("UserTask_RettificaPunteggio", "\"esito\":{\"value\":\"ACCOLTA\"}");
        try {
            OrologioDiProva.fermaA(Termini.fineDel(pubblicata.plusDays(Graduatoria.GIORNI_RETTIFICHE)).plus(Duration.ofHours(9)));
            completa(GraduatoriaBpmn.TASK_RENDI_DEFINITIVA, "\"confermaDefinitiva\":{\"value\":true,\"type\":\"Boolean\"}");
            definitivaIl = graduatorie.findById(graduatoria).orElseThrow().getDefinitivaIl();
            raccogli(istanzaGraduatoria.getId());
        } finally {
            OrologioDiProva.ripristina();
        }

        // istruttoria, assignment, contratto
        jdbc.update("""
                insert into piano_riserve (ente_id, comune_id, anno, alloggi_disponibili, aggiornato_il, aggiornato_da)
                select e.id, c.id, ?, 10, now(), 'test' from ente_proprietario e, comune c
                 where e.codice_fiscale = ? and c.codice_istat = ?
                on conflict (ente_id, comune_id, anno) do nothing""", oggi.getYear(), CF_COMUNE_MALNATE, MALNATE_ISTAT);
        ClientHttp.Risposta istruttoria = http.post("/api/graduatorie/" + graduatoria + "/istruttorie", MALNATE,
                "{\"domandaId\":" + domanda + "}");
        assertThat(istruttoria.status()).as(istruttoria.body()).isEqualTo(201);
        long istruttoriaId = istruttoria.json().get("id").asLong();
        raccogli(istanza("istruttoria", istruttoriaId).getId());
        ClientHttp.Risposta verificata = http.post("/api/istruttorie/" + istruttoriaId + "/verifica", MALNATE,
                "{\"esito\":\"AMMISSIBILE\",\"alloggioId\":" + alloggio + "}");
        assertThat(verificata.status()).as(verificata.body()).isEqualTo(200);
        long assegnazione = jdbc.queryForObject("select id from assegnazione where domanda_id = ?", Long.class, domanda);
        assegnataIl = jdbc.queryForObject("select assegnata_il from assegnazione where id = ?", Timestamp.class, assegnazione)
                .toInstant();
        raccogli(istanza("contratto", assegnazione).getId());

        // the Anagrafe certification of a year of its own, and a rules publication (no ente, comune or avviso)
        long enteMalnate = jdbc.queryForObject("select id from ente_proprietario where codice_fiscale = ?", Long.class,
                CF_COMUNE_MALNATE);
        ClientHttp.Risposta certificazione = http.post("/api/enti/" + enteMalnate + "/certificazioni", MALNATE, "{\"anno\":2097}");
        assertThat(certificazione.status()).as(certificazione.body()).isEqualTo(201);
        raccogli(certificazione.json().get("processInstanceId").asText());
        pubblicazioni.avvia(REGOLE, 4, ANALISTA, ANALISTA, LocalDate.of(2027, 1, 1));
        // issue 14: Malnate's referente asks the Region to enable an operator
        ClientHttp.Risposta abilitazione = http.post("/api/enti/" + enteMalnate + "/abilitazioni", MALNATE, "{\"tipo\":\"ABILITAZIONE\","
                + "\"righe\":[{\"ragioneSociale\":\"" + ENTE + "\",\"nome\":\"Ottavio\",\"cognome\":\"Prova\","
                + "\"codiceFiscale\":\"PRVTTV80A01F205X\",\"email\":\"ottavio.prova@comune.malnate.va.it\","
                + "\"gestioneAvviso\":\"NO\",\"istruttoriaDomande\":\"SI\"}]}");
        assertThat(abilitazione.status()).as(abilitazione.body()).isEqualTo(201);
        richiestaAbilitazione = abilitazione.json().get("id").asLong();
        raccogli(runtimeService.createProcessInstanceQuery().processDefinitionKey("abilitazioni")
                .processInstanceBusinessKey(Long.toString(richiestaAbilitazione)).singleResult().getId());

        // the ambito's annual plan of a year of its own: each ente's communication, then the capofila's approval
        ClientHttp.Risposta piano = http.post("/api/programmazione", CAPOFILA, "{\"ambito\":\"VARESE\",\"anno\":2078,"
                + "\"inizioComunicazioni\":\"" + oggi + "\",\"fineComunicazioni\":\"" + oggi.plusDays(10) + "\"}");
        assertThat(piano.status()).as(piano.body()).isEqualTo(201);
        String istanzaPiano = runtimeService.createProcessInstanceQuery()
                .processDefinitionKey(it.piattaformacasa.piano.process.ProgrammazioneAnnualeBpmn.PROCESS_ID)
                .processInstanceBusinessKey(piano.json().get("id").asText()).singleResult().getId();
        for (String timer : List.of(it.piattaformacasa.piano.process.ProgrammazioneAnnualeBpmn.TIMER_INIZIO_COMUNICAZIONI,
                it.piattaformacasa.piano.process.ProgrammazioneAnnualeBpmn.TIMER_FINE_COMUNICAZIONI)) {
            managementService.executeJob(managementService.createJobQuery().processInstanceId(istanzaPiano).activityId(timer)
                    .singleResult().getId());
            raccogli(istanzaPiano);
        }
        raccogli(runtimeService.createProcessInstanceQuery().processDefinitionKey("pubblicazione-regole")
                .processInstanceBusinessKey(REGOLE).singleResult().getId());
    }

    @AfterAll
    void togliLeIstanzeRimaste() {
        istanze.forEach(id -> runtimeService.deleteProcessInstanceIfExists(id, "fine del test", true, true, true, false));
    }

    @Test
    void ogniAttivitaDiOgniProcessoEStataCreata() throws IOException {
        Set<String> nelModello = new TreeSet<>();
        for (Path file : ModelliDelProgetto.bpmn()) {
            try (InputStream in = Files.newInputStream(file)) {
                Bpmn.readModelFromStream(in).getModelElementsByType(UserTask.class).forEach(t -> nelModello.add(t.getId()));
            }
        }
        assertThat(new TreeSet<>(create.keySet())).isEqualTo(nelModello);
    }

    @Test
    void ogniAttivitaDellEnteNelNomeDiceEnteComuneEAvvisoENeiDatiAnchePraticaETermine() {
        String avvisoNelNome = " – " + ENTE + ", " + COMUNE + " – Avviso «" + TITOLO + "»";
        assertThat(una("UserTask_SelezionaAlloggi", ENTE).getName()).isEqualTo("Seleziona alloggi per l'avviso" + avvisoNelNome);
        assertThat(una("UserTask_ApprovaGraduatoriaProvvisoria").getName()).isEqualTo("Approva graduatoria provvisoria" + avvisoNelNome);
        assertThat(una("UserTask_RendiDefinitiva").getName()).isEqualTo("Rendi definitiva la graduatoria" + avvisoNelNome);
        assertThat(una("UserTask_PubblicaGraduatoriaDefinitiva").getName()).isEqualTo("Pubblica graduatoria definitiva" + avvisoNelNome);
        String diDomanda = avvisoNelNome + " – domanda n. " + domanda;
        assertThat(una("UserTask_RettificaPunteggio").getName()).isEqualTo("Rettifica punteggio per invalidità civile" + diDomanda);
        assertThat(una("UserTask_VerificaIstruttoria").getName()).isEqualTo("Verifica istruttoria" + diDomanda);
        assertThat(una("UserTask_ConfermaContratto").getName()).isEqualTo("Conferma registrazione contratto" + diDomanda);
        assertThat(una("Task_CertificaAnagrafe").getName())
                .isEqualTo("Certifica dati anagrafe – " + ENTE + ", " + COMUNE + " – anno 2097");

        for (String chiave : List.of("UserTask_SelezionaAlloggi", "UserTask_ApprovaGraduatoriaProvvisoria", "UserTask_RendiDefinitiva",
                "UserTask_PubblicaGraduatoriaDefinitiva", "UserTask_RettificaPunteggio", "UserTask_VerificaIstruttoria",
                "UserTask_ConfermaContratto")) {
            Task task = chiave.equals("UserTask_SelezionaAlloggi") ? una(chiave, ENTE) : una(chiave);
            assertThat(variabili.get(task.getId())).as(chiave)
                    .containsEntry(VAR_ENTE, ENTE).containsEntry(VAR_COMUNE, COMUNE).containsEntry(VAR_AVVISO, TITOLO)
                    .containsKeys(VAR_PRATICA, VAR_SCADENZA, VAR_TERMINE);
        }
        assertThat(pratica("UserTask_SelezionaAlloggi", ENTE))
                .isEqualTo("Avviso n. " + avviso);
        assertThat(pratica("UserTask_ApprovaGraduatoriaProvvisoria")).isEqualTo("Graduatoria n. " + graduatoria + ", provvisoria");
        assertThat(pratica("UserTask_RendiDefinitiva")).isEqualTo("Graduatoria n. " + graduatoria + ", provvisoria");
        assertThat(pratica("UserTask_PubblicaGraduatoriaDefinitiva")).isEqualTo("Graduatoria n. " + graduatoria + ", definitiva");
        assertThat(pratica("UserTask_RettificaPunteggio")).isEqualTo("Domanda n. " + domanda + ", invalidità 80 %");
        assertThat(pratica("UserTask_VerificaIstruttoria")).isEqualTo("Domanda n. " + domanda + ", graduatoria n. " + graduatoria);
        assertThat(pratica("UserTask_ConfermaContratto")).isEqualTo("Domanda n. " + domanda + ", alloggio ACP-1");
        assertThat(pratica("Task_CertificaAnagrafe")).isEqualTo("Anagrafe 2097");
        assertThat(una("Task_ValidaRichiestaAbilitazione").getName())
                .isEqualTo("Valida richiesta di abilitazione – " + ENTE + ", " + COMUNE);
        assertThat(pratica("Task_ValidaRichiestaAbilitazione"))
                .isEqualTo("Richiesta di abilitazione n. " + richiestaAbilitazione + " (1 operatore)");
        assertThat((String) variabili.get(una("Task_ValidaRichiestaAbilitazione").getId()).get("righeRichiesta"))
                .contains("| Ottavio Prova | PRVTTV80A01F205X |");
    }

    /** Issue 12: each task carries its case's page in the console, which its form links and which lists it. */
    @Test
    void ogniAttivitaPortaLaPaginaDellaSuaPraticaNellaConsole() {
        Map<String, String> attese = new LinkedHashMap<>();
        attese.put("UserTask_ApprovaGraduatoriaProvvisoria", "/graduatorie/" + graduatoria);
        attese.put("UserTask_RendiDefinitiva", "/graduatorie/" + graduatoria);
        attese.put("UserTask_PubblicaGraduatoriaDefinitiva", "/graduatorie/" + graduatoria);
        attese.put("UserTask_RettificaPunteggio", "/graduatorie/" + graduatoria);
        attese.put("UserTask_VerificaIstruttoria", "/domande/" + domanda);
        attese.put("UserTask_ConfermaContratto", "/domande/" + domanda);
        attese.forEach((chiave, pagina) -> assertThat(variabili.get(una(chiave).getId())).as(chiave).containsEntry(VAR_PAGINA, pagina));
        assertThat(variabili.get(una("UserTask_SelezionaAlloggi", ENTE).getId())).containsEntry(VAR_PAGINA, "/avvisi/" + avviso);
        assertThat(variabili.get(una("Task_CertificaAnagrafe").getId())).as("the Anagrafe has no case page yet").doesNotContainKey(VAR_PAGINA);
        assertThat((String) variabili.get(una("UserTask_ApprovaRegole").getId()).get(VAR_PAGINA)).matches("/regole/" + REGOLE + "/versioni/\\d+");
    }

    @Test
    void ogniEnteHaLaSuaSelezioneConIlSuoNome() {
        assertThat(create.get("UserTask_SelezionaAlloggi")).hasSize(3).extracting(t -> variabili.get(t.getId()).get(VAR_ENTE))
                .containsExactlyInAnyOrder("Comune di Varese", ENTE, "ALER Varese - Como - Monza Brianza - Busto Arsizio");
        Task diAler = una("UserTask_SelezionaAlloggi", "ALER Varese - Como - Monza Brianza - Busto Arsizio");
        assertThat(diAler.getName()).isEqualTo("Seleziona alloggi per l'avviso – ALER Varese - Como - Monza Brianza - Busto Arsizio, "
                + "Varese – Avviso «" + TITOLO + "»");
    }

    @Test
    void leAttivitaConUnTermineDiLeggeLoHannoComeScadenza() {
        assertThat(scadenza(una("UserTask_SelezionaAlloggi", ENTE))).isEqualTo(apertura.minus(Duration.ofHours(24)));
        assertThat(scadenza(una("UserTask_ApprovaGraduatoriaProvvisoria"))).isEqualTo(chiusura.plus(Graduatoria.TERMINE_APPROVAZIONE));
        assertThat(scadenza(una("UserTask_RettificaPunteggio"))).isEqualTo(Termini.fineDel(oggi.plusDays(15)));
        // published 3 days ago: the window ends in 12 days, the rettifica asked today is decided within 15, then 5 days
        assertThat(scadenza(una("UserTask_RendiDefinitiva"))).isEqualTo(Termini.fineDel(oggi.plusDays(15 + 5)));
        assertThat(scadenza(una("UserTask_PubblicaGraduatoriaDefinitiva"))).isEqualTo(definitivaIl.plus(Duration.ofDays(5)));
        assertThat(scadenza(una("UserTask_ConfermaContratto"))).isEqualTo(assegnataIl.plus(Duration.ofDays(30)));

        // as the list shows them: a whole-day term as its last day, other deadlines with the time in Rome
        assertThat(variabili.get(una("UserTask_RettificaPunteggio").getId()))
                .containsEntry(VAR_SCADENZA, ItalianFormats.data(oggi.plusDays(15)))
                .containsEntry(VAR_TERMINE, "15 giorni dalla richiesta, poi silenzio-assenso");
        assertThat(variabili.get(una("UserTask_RendiDefinitiva").getId()))
                .containsEntry(VAR_SCADENZA, ItalianFormats.data(oggi.plusDays(20)))
                .containsEntry(VAR_TERMINE, "Prima della pubblicazione, 5 giorni dopo le rettifiche");
        assertThat(variabili.get(una("UserTask_ApprovaGraduatoriaProvvisoria").getId()))
                .containsEntry(VAR_SCADENZA, ItalianFormats.dataOra(chiusura.plus(Graduatoria.TERMINE_APPROVAZIONE)).replace(" ", " ore "))
                .containsEntry(VAR_TERMINE, "5 giorni dalla chiusura dell'avviso");
    }

    @Test
    void leAttivitaSenzaTermineNelRegolamentoNonHannoScadenzaEDiconoPerche() {
        for (String chiave : List.of("Task_CertificaAnagrafe", "UserTask_VerificaIstruttoria")) {
            assertThat(una(chiave).getDueDate()).as(chiave).isNull();
            assertThat(variabili.get(una(chiave).getId())).as(chiave).containsEntry(VAR_SCADENZA, "nessuna")
                    .containsEntry(VAR_TERMINE, "Nessun termine di legge");
        }
        Task regole = una("UserTask_ApprovaRegole");
        assertThat(regole.getDueDate()).isNull();
        assertThat(regole.getName()).isEqualTo("Approva pubblicazione regole – «" + REGOLE + "», versione 4");
        assertThat(variabili.get(regole.getId()))
                .containsEntry(VAR_PRATICA, "«" + REGOLE + "» versione 4 dal 01/01/2027")
                .containsEntry(VAR_SCADENZA, "nessuna")
                .containsEntry(VAR_TERMINE, "Nessun termine di legge: controllo interno a quattro occhi")
                .doesNotContainKeys(VAR_ENTE, VAR_COMUNE, VAR_AVVISO);
    }

    @Test
    void seUnAmministratoreSpostaLaScadenzaIlTermineNellElencoLaSegue() {
        Task contratto = taskService.createTaskQuery().taskId(una("UserTask_ConfermaContratto").getId()).singleResult();
        LocalDate nuovo = oggi.plusDays(40);
        contratto.setDueDate(Date.from(nuovo.atTime(12, 0).atZone(ROMA).toInstant()));
        taskService.saveTask(contratto);

        assertThat(taskService.getVariableLocal(contratto.getId(), VAR_SCADENZA)).isEqualTo(ItalianFormats.data(nuovo) + " ore 12:00");
        assertThat(taskService.getVariableLocal(contratto.getId(), VAR_TERMINE)).isEqualTo("30 giorni dall'assegnazione (art. 25)");
        assertThat(taskService.getVariableLocal(contratto.getId(), VAR_ENTE)).as("the rest stays").isEqualTo(ENTE);
    }

    private Task una(String chiave) {
        assertThat(create.get(chiave)).as("tasks %s", chiave).hasSize(1);
        return create.get(chiave).get(0);
    }

    private String pratica(String chiave) {
        return (String) variabili.get(una(chiave).getId()).get(VAR_PRATICA);
    }

    private String pratica(String chiave, String ente) {
        return (String) variabili.get(una(chiave, ente).getId()).get(VAR_PRATICA);
    }

    private Task una(String chiave, String ente) {
        return create.get(chiave).stream().filter(t -> ente.equals(variabili.get(t.getId()).get(VAR_ENTE))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + chiave + " of " + ente));
    }

    private static Instant scadenza(Task task) {
        assertThat(task.getDueDate()).as("due date of %s", task.getName()).isNotNull();
        return task.getDueDate().toInstant();
    }

    private ProcessInstance istanza(String processo, long chiave) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(processo)
                .processInstanceBusinessKey(Long.toString(chiave)).singleResult();
    }

    /** Keeps the open tasks of the instance not seen before, as they are now: just created. */
    private void raccogli(String istanza) {
        istanze.add(istanza);
        for (Task task : taskService.createTaskQuery().processInstanceId(istanza).list()) {
            if (!variabili.containsKey(task.getId())) {
                create.computeIfAbsent(task.getTaskDefinitionKey(), k -> new ArrayList<>()).add(task);
                variabili.put(task.getId(), taskService.getVariablesLocal(task.getId()));
            }
        }
    }

    /** The single open task of that activity in the collected instances, claimed and completed by Malnate's operator. */
    private void completa(String attivita, String campi) {
        Task task = taskService.createTaskQuery().processInstanceIdIn(istanze.toArray(String[]::new))
                .taskDefinitionKey(attivita).singleResult();
        if (task.getAssignee() == null) {
            assertThat(http.post("/engine-rest/task/" + task.getId() + "/claim", MALNATE, "{\"userId\":\"" + MALNATE + "\"}")
                    .status()).isEqualTo(204);
        }
        ClientHttp.Risposta completata = http.post("/engine-rest/task/" + task.getId() + "/complete", MALNATE,
                "{\"variables\":{" + campi + "}}");
        assertThat(completata.status()).as(attivita + ": " + completata.body()).isEqualTo(204);
    }
}
