package it.piattaformacasa.cittadino.web;

import static it.piattaformacasa.DemoUtenti.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
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

import it.piattaformacasa.ClientHttp;
import it.piattaformacasa.DomandaDiProva;
import it.piattaformacasa.IntegrationTest;
import it.piattaformacasa.ScenarioAvviso;
import it.piattaformacasa.SessioneConsole;
import it.piattaformacasa.anagrafe.Alloggio;
import it.piattaformacasa.anagrafe.AlloggioRepository;
import it.piattaformacasa.anagrafe.StatoAlloggio;
import it.piattaformacasa.assegnazione.process.ContrattoBpmn;
import it.piattaformacasa.avviso.process.AvvisoBpmn;
import it.piattaformacasa.graduatoria.Graduatoria;
import it.piattaformacasa.graduatoria.GraduatoriaRepository;
import it.piattaformacasa.graduatoria.GraduatoriaService;
import it.piattaformacasa.operatori.ModelloDiProva;

/**
 * Issue 16, «follow the domanda» and «answer the platform», driven as the operators move a domanda forward: Chiara
 * Colombo (demo citizen) presents through the operators' API, then reads her timeline at each stage — presented,
 * provisional graduatoria with her place and the rettifica window, rettifica asked online (the ente's task created as
 * from the desk, refused twice and out of time), definitive graduatoria, istruttoria, proposta accepted, contract —
 * while Luca Ferrari (another demo citizen) refuses his proposta with a reason (the contratto process ends on its
 * rinuncia path) and gets 404 on every address of hers. Every operator's read of her domanda is listed on her page.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SeguireLaDomandaTest {

    private static final ZoneId ROMA = ZoneId.of("Europe/Rome");
    private static final DateTimeFormatter GG_MM_AAAA = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @LocalServerPort
    int port;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;
    @Autowired
    TaskService taskService;
    @Autowired
    HistoryService historyService;
    @Autowired
    AlloggioRepository alloggi;
    @Autowired
    GraduatoriaRepository graduatorie;
    @Autowired
    GraduatoriaService graduatorieService;
    @Autowired
    JdbcTemplate jdbc;

    ClientHttp http;
    ScenarioAvviso scenario;
    String coniuge = ModelloDiProva.nuovoCodiceFiscale();
    /** Avviso A (Malnate): Colombo's domanda, its provisional graduatoria published today. */
    long avvisoA;
    long domandaA;
    long graduatoriaA;
    /** Avviso B (Varese): Colombo's and Ferrari's domande, rettifiche over, then definitive, istruttoria, proposta. */
    long avvisoB;
    long domandaB;
    long domandaFerrari;
    List<Alloggio> diVarese;
    SessioneConsole colombo;
    SessioneConsole ferrari;

    @BeforeAll
    void dueAvvisi() {
        http = new ClientHttp(port);
        scenario = new ScenarioAvviso(http, runtimeService, managementService, alloggi).conTitolo("Avviso seguire la domanda");
        Alloggio diMalnate = scenario.alloggiDi(CF_COMUNE_MALNATE, StatoAlloggio.LIBERO, 1).get(0);
        avvisoA = scenario.aperto(List.of(diMalnate), List.of(MALNATE));
        domandaA = presenta(avvisoA, DomandaDiProva.unaDomanda(CF_CITTADINO_COLOMBO, diMalnate.getId())
                .conComponente(coniuge, "CONIUGE", 0, false, false).json());

        // two units of the test's own in Varese: a proposta each (the lease makes one OCCUPATO)
        diVarese = alloggi.findAllById(jdbc.queryForList("""
                insert into alloggio (codice_ui, ente_id, comune_id, indirizzo, piano, superficie_utile, vani, ascensore,
                                      barriere_architettoniche, stato)
                select 'SEG-' || i || '-' || floor(random() * 1000000)::int, e.id, c.id, 'Via del Cittadino ' || i, 1, 58, 3,
                       true, false, 'LIBERO'
                  from generate_series(1, 2) i, ente_proprietario e, comune c
                 where e.codice_fiscale = ? and c.codice_istat = '012133'
                returning id""", Long.class, CF_COMUNE_VARESE));
        diVarese = diVarese.stream().sorted(java.util.Comparator.comparing(Alloggio::getId)).toList();
        avvisoB = new ScenarioAvviso(http, runtimeService, managementService, alloggi).conTitolo("Avviso seguire la domanda B")
                .aperto(diVarese, List.of(CAPOFILA, CAPOFILA));
        domandaB = presenta(avvisoB, DomandaDiProva.json(CF_CITTADINO_COLOMBO, diVarese.get(0).getId()));
        domandaFerrari = presenta(avvisoB, DomandaDiProva.json(CF_CITTADINO_FERRARI, diVarese.get(1).getId()));
        // the year's reserves of the Comune di Varese: the art. 15 order needs them before any assignment
        jdbc.update("""
                insert into piano_riserve (ente_id, comune_id, anno, alloggi_disponibili, aggiornato_il, aggiornato_da)
                select e.id, c.id, ?, 10, now(), 'test' from ente_proprietario e, comune c
                 where e.codice_fiscale = ? and c.codice_istat = '012133'
                on conflict (ente_id, comune_id, anno) do nothing""", LocalDate.now(ROMA).getYear(), CF_COMUNE_VARESE);
        colombo = SessioneConsole.diCittadino(http, CITTADINO_COLOMBO);
        ferrari = SessioneConsole.diCittadino(http, CITTADINO_FERRARI);
    }

    private long presenta(long avviso, String json) {
        ClientHttp.Risposta presentata = http.post("/api/avvisi/" + avviso + "/domande", CAPOFILA, json);
        assertThat(presentata.status()).as(presentata.body()).isEqualTo(201);
        return presentata.json().get("id").asLong();
    }

    @Test
    @Order(1)
    void appenaPresentataLaDomandaEInElencoEIlPercorsoNeMostraIlPrimoPasso() {
        String elenco = colombo.get("/cittadino/domande").body();
        assertThat(elenco).contains("Le mie domande", "href=\"/cittadino/domande/" + domandaA + "\"",
                "href=\"/cittadino/domande/" + domandaB + "\"", "Avviso seguire la domanda",
                "presentata, in attesa dell&#39;istruttoria");
        assertThat(colombo.get("/cittadino").body()).as("«La mia area»: the latest domanda")
                .contains("La domanda più recente", "href=\"/cittadino/domande/");
        assertThat(ferrari.get("/cittadino/domande").body()).doesNotContain("/cittadino/domande/" + domandaA + "\"",
                "/cittadino/domande/" + domandaB + "\"").contains("/cittadino/domande/" + domandaFerrari + "\"");

        ClientHttp.Risposta pagina = colombo.get("/cittadino/domande/" + domandaA);
        assertThat(pagina.status()).isEqualTo(200);
        assertThat(pagina.body()).contains("Il percorso della domanda", "1. Domanda presentata", "Completato",
                "2. Graduatoria provvisoria", "In corso", "Da fare",
                "Dopo la chiusura dell&#39;avviso ogni ente approva e pubblica la propria graduatoria provvisoria",
                "href=\"/cittadino/domande/" + domandaA + "/ricevuta\"", "La graduatoria spiegata", "Totale",
                "Il tuo nucleo", "coniuge", "Chi ha consultato la tua domanda",
                "Nessun operatore ha ancora consultato la tua domanda", "In questo momento non ci sono richieste")
                .doesNotContain("Chiedi la rettifica del punteggio");
    }

    @Test
    @Order(2)
    void unAltroCittadinoNonTrovaNessunIndirizzoDellaDomanda() {
        for (String indirizzo : List.of("/cittadino/domande/" + domandaA, "/cittadino/domande/" + domandaB,
                "/cittadino/domande/999999999")) {
            assertThat(ferrari.get(indirizzo).status()).as(indirizzo).isEqualTo(404);
        }
        ClientHttp.Risposta rettifica = ferrari.post("/cittadino/domande/" + domandaA + "/rettifica",
                Map.of("graduatoriaId", "1", "componente", coniuge, "percentuale", "80"));
        assertThat(rettifica.status()).isEqualTo(404);
        ClientHttp.Risposta risposta = ferrari.post("/cittadino/domande/" + domandaB + "/proposte/1/risposta",
                Map.of("esito", "RINUNCIA", "motivo", "non è mia"));
        assertThat(risposta.status()).isEqualTo(404);
        assertThat(rettifica.body() + risposta.body()).doesNotContain("Colombo", CF_CITTADINO_COLOMBO, coniuge);
        // and an operator is no citizen: the citizens' pages are not theirs
        assertThat(SessioneConsole.di(http, CAPOFILA).get("/cittadino/domande/" + domandaA).status()).isIn(302, 403, 404);
    }

    @Test
    @Order(3)
    void inGraduatoriaProvvisoriaLaPosizioneEIlTermineDelleRettifiche() {
        scenario.eseguiTimer(avvisoA, AvvisoBpmn.TIMER_CHIUSURA);
        scenario.eseguiTimer(avvisoA, AvvisoBpmn.SERVICE_GENERA_GRADUATORIE);
        Graduatoria g = graduatorie.findByAvvisoIdOrderById(avvisoA).get(0);
        graduatoriaA = g.getId();
        // generated, not yet approved: not an act the citizen reads
        assertThat(colombo.get("/cittadino/domande/" + domandaA).body()).doesNotContain("Posizione 1");
        String approva = taskService.createTaskQuery().processDefinitionKey("graduatoria")
                .processInstanceBusinessKey(Long.toString(graduatoriaA)).singleResult().getId();
        http.post("/engine-rest/task/" + approva + "/claim", MALNATE, "{\"userId\":\"" + MALNATE + "\"}");
        LocalDate oggi = LocalDate.now(ROMA);
        assertThat(http.post("/engine-rest/task/" + approva + "/complete", MALNATE, "{\"variables\":{"
                + "\"numeroProvvedimento\":{\"value\":\"DET-S\"},\"dataProvvedimento\":{\"value\":\"" + oggi + "\"},"
                + "\"pubblicazione\":{\"value\":\"SITO_ENTE\"},\"dataPubblicazione\":{\"value\":\"" + oggi + "\"}}}").status())
                .isEqualTo(204);
        String entro = oggi.plusDays(15).format(GG_MM_AAAA);
        String pagina = colombo.get("/cittadino/domande/" + domandaA).body();
        assertThat(pagina).contains("Posizione 1 nella graduatoria di Comune di Malnate per il comune di Malnate",
                "pubblicata il " + oggi.format(GG_MM_AAAA), "3. Richieste di rettifica", "aperte fino al " + entro,
                "puoi chiedere la rettifica fino al " + entro + " compreso", "Chiedi la rettifica del punteggio per invalidità civile",
                "value=\"" + coniuge + "\"", "Componente Di Prova (invalidità dichiarata: 0 %)");
    }

    @Test
    @Order(4)
    void laRettificaChiestaOnlineCreaLAttivitaDellEnteUnaVoltaSola() {
        String base = "/cittadino/domande/" + domandaA + "/rettifica";
        ClientHttp.Risposta senzaNumero = colombo.post(base, Map.of("graduatoriaId", Long.toString(graduatoriaA),
                "componente", coniuge, "percentuale", "ottanta"));
        assertThat(senzaNumero.status()).isEqualTo(400);
        assertThat(senzaNumero.body()).contains("id=\"percentuale-errore\"", "Percentuale di invalidità: un numero intero da 0 a 100",
                "aria-invalid=\"true\"", "value=\"ottanta\"", "href=\"#percentuale\"");
        // a codice fiscale that is not of the nucleo (the form offers only the nucleo's; a forged one is refused)
        ClientHttp.Risposta estraneo = colombo.post(base, Map.of("graduatoriaId", Long.toString(graduatoriaA),
                "componente", CF_CITTADINO_FERRARI, "percentuale", "80"));
        assertThat(estraneo.status()).isEqualTo(400);
        assertThat(estraneo.body()).contains("id=\"componente-errore\"", "non è un componente del nucleo");
        // a graduatoria that does not rank the domanda
        ClientHttp.Risposta altra = colombo.post(base, Map.of("graduatoriaId", "999999999", "componente", coniuge,
                "percentuale", "80"));
        assertThat(altra.status()).isEqualTo(400);
        assertThat(jdbc.queryForObject("select count(*) from rettifica_invalidita where domanda_id = ?", Integer.class, domandaA))
                .isZero();

        ClientHttp.Risposta chiesta = colombo.post(base, Map.of("graduatoriaId", Long.toString(graduatoriaA),
                "componente", coniuge, "percentuale", "80", "accompagnamento", "true"));
        assertThat(chiesta.status()).as(chiesta.body()).isEqualTo(303);
        Map<String, Object> riga = jdbc.queryForMap("select id, componente_cf, percentuale_richiesta, accompagnamento_richiesto, "
                + "richiesta_dal_cittadino, registrata_da, stato from rettifica_invalidita where domanda_id = ?", domandaA);
        assertThat(riga).containsEntry("componente_cf", coniuge).containsEntry("percentuale_richiesta", 80)
                .containsEntry("accompagnamento_richiesto", true).containsEntry("richiesta_dal_cittadino", true)
                .containsEntry("registrata_da", CITTADINO_COLOMBO).containsEntry("stato", "RICHIESTA");
        // the ente's decision waits in Tasklist, as for a request registered at its desk
        Task decisione = taskService.createTaskQuery().processDefinitionKey("rettifica-invalidita")
                .processInstanceBusinessKey(riga.get("id").toString()).singleResult();
        assertThat(decisione).isNotNull();
        assertThat(taskService.getIdentityLinksForTask(decisione.getId())).anyMatch(l -> l.getGroupId() != null);

        String pagina = colombo.get("/cittadino/domande/" + domandaA).body();
        assertThat(pagina).contains("Richiesta di rettifica n. " + riga.get("id") + " inviata", "80 %, chiesta online",
                "l&#39;ente deve ancora decidere").doesNotContain("Chiedi la rettifica del punteggio");
        ClientHttp.Risposta seconda = colombo.post(base, Map.of("graduatoriaId", Long.toString(graduatoriaA),
                "componente", coniuge, "percentuale", "70"));
        assertThat(seconda.status()).isEqualTo(409);
        assertThat(seconda.body()).contains("c&#39;è già una richiesta di rettifica presso Comune di Malnate");
        assertThat(jdbc.queryForObject("select count(*) from rettifica_invalidita where domanda_id = ?", Integer.class, domandaA))
                .isEqualTo(1);
        // the ente's operator sees where it came from
        assertThat(SessioneConsole.di(http, MALNATE).get("/domande/" + domandaA).body()).contains("chiesta online dal cittadino");
    }

    @Test
    @Order(5)
    void fuoriTermineLaRettificaNonEOffertaEUnInvioERifiutato() {
        List<Graduatoria> generate = scenario.graduatorieApprovate(avvisoB, graduatorie, graduatorieService, jdbc, false);
        long graduatoriaB = generate.get(0).getId();
        String pagina = colombo.get("/cittadino/domande/" + domandaB).body();
        assertThat(pagina).contains("Posizione", "il termine per le rettifiche è scaduto il", "termine chiuso il")
                .doesNotContain("Chiedi la rettifica del punteggio");
        ClientHttp.Risposta tardi = colombo.post("/cittadino/domande/" + domandaB + "/rettifica", Map.of("graduatoriaId",
                Long.toString(graduatoriaB), "componente", CF_CITTADINO_COLOMBO, "percentuale", "80"));
        assertThat(tardi.status()).isEqualTo(409);
        assertThat(tardi.body()).contains("Richiesta fuori termine: la rettifica per invalidità civile si chiede entro 15 giorni");
        assertThat(jdbc.queryForObject("select count(*) from rettifica_invalidita where domanda_id = ?", Integer.class, domandaB))
                .isZero();

        for (Graduatoria g : generate) {
            graduatorieService.rendiDefinitiva(g.getId(), "test");
        }
        assertThat(colombo.get("/cittadino/domande/" + domandaB).body()).contains("4. Graduatoria definitiva",
                "nella graduatoria definitiva di Comune di Varese per il comune di Varese");
    }

    @Test
    @Order(6)
    void istruttoriaEPropostaAccettataUnaVoltaSola() {
        long graduatoria = graduatorie.findByAvvisoIdOrderById(avvisoB).get(0).getId();
        long istruttoria = avviaEAssegna(graduatoria, domandaB, diVarese.get(0).getId());
        assertThat(istruttoria).isPositive();
        long assegnazione = jdbc.queryForObject("select id from assegnazione where domanda_id = ?", Long.class, domandaB);
        // «Verifica istruttoria» in charge of the Comune's operator: its form showed the domanda, a read recorded
        assertThat(jdbc.queryForList("select operatore from lettura_domanda where domanda_id = ? and dove = 'TASKLIST_VERIFICA'",
                String.class, domandaB)).contains(VARESE_ISTRUTTORIA);
        String pagina = colombo.get("/cittadino/domande/" + domandaB).body();
        assertThat(pagina).contains("5. Istruttoria presso l&#39;ente", "Comune di Varese ha preso in carico la domanda il",
                "requisiti verificati il", "6. Proposta di assegnazione", "Via del Cittadino 1", "Il contratto va firmato entro il",
                "Accetti l&#39;alloggio proposto?", "/cittadino/domande/" + domandaB + "/proposte/" + assegnazione + "/risposta",
                "la presa in carico della verifica istruttoria, con i dati della domanda (Tasklist)");

        String risposta = "/cittadino/domande/" + domandaB + "/proposte/" + assegnazione + "/risposta";
        ClientHttp.Risposta senzaScelta = colombo.post(risposta, Map.of("motivo", ""));
        assertThat(senzaScelta.status()).isEqualTo(400);
        assertThat(senzaScelta.body()).contains("id=\"esito-errore\"");
        ClientHttp.Risposta accettata = colombo.post(risposta, Map.of("esito", "ACCETTA"));
        assertThat(accettata.status()).as(accettata.body()).isEqualTo(303);
        ClientHttp.Risposta seconda = colombo.post(risposta, Map.of("esito", "RINUNCIA", "motivo", "ci ho ripensato"));
        assertThat(seconda.status()).isEqualTo(409);
        assertThat(seconda.body()).contains("Hai già risposto a questa proposta di alloggio");
        assertThat(jdbc.queryForMap("select accettata, motivo from risposta_proposta where assegnazione_id = ?", assegnazione))
                .containsEntry("accettata", true).containsEntry("motivo", null);
        assertThat(jdbc.queryForObject("select stato from assegnazione where id = ?", String.class, assegnazione)).isEqualTo("ASSEGNATA");

        // the ente's task shows the answer; so does the domanda's console page
        Task conferma = taskService.createTaskQuery().processDefinitionKey(ContrattoBpmn.PROCESS_ID)
                .processInstanceBusinessKey(Long.toString(assegnazione)).singleResult();
        assertThat((String) taskService.getVariableLocal(conferma.getId(), ContrattoBpmn.MODULO_RISPOSTA))
                .startsWith("Il nucleo ha accettato l'alloggio online il");
        assertThat(SessioneConsole.di(http, CAPOFILA).get("/domande/" + domandaB).body())
                .contains("Risposte del nucleo alle proposte di alloggio", "Il nucleo ha accettato l&#39;alloggio online il");
        assertThat(colombo.get("/cittadino/domande/" + domandaB).body()).contains("Hai accettato l&#39;alloggio online il")
                .doesNotContain("Accetti l&#39;alloggio proposto?");

        // the ente records the lease: the last step
        ClientHttp.Risposta firmato = http.post("/api/assegnazioni/" + assegnazione + "/contratto", CAPOFILA, """
                {"esito":"FIRMATO","numero":"VA-SEG-1","firmatoIl":"%s","decorrenza":"%s","canoneMensile":120.00,
                 "registrazione":"Agenzia Entrate Varese"}""".formatted(LocalDate.now(ROMA), LocalDate.now(ROMA)));
        assertThat(firmato.status()).as(firmato.body()).isEqualTo(200);
        assertThat(colombo.get("/cittadino/domande/" + domandaB).body()).contains("7. Contratto di locazione",
                "Contratto n. VA-SEG-1 firmato il " + LocalDate.now(ROMA).format(GG_MM_AAAA));
    }

    @Test
    @Order(7)
    void laRinunciaConMotivoPortaIlProcessoDelContrattoAllaRinuncia() {
        long graduatoria = graduatorie.findByAvvisoIdOrderById(avvisoB).get(0).getId();
        avviaEAssegna(graduatoria, domandaFerrari, diVarese.get(1).getId());
        long assegnazione = jdbc.queryForObject("select id from assegnazione where domanda_id = ?", Long.class, domandaFerrari);
        String risposta = "/cittadino/domande/" + domandaFerrari + "/proposte/" + assegnazione + "/risposta";
        assertThat(colombo.post(risposta, Map.of("esito", "ACCETTA")).status()).as("not hers").isEqualTo(404);

        ClientHttp.Risposta senzaMotivo = ferrari.post(risposta, Map.of("esito", "RINUNCIA", "motivo", " "));
        assertThat(senzaMotivo.status()).isEqualTo(400);
        assertThat(senzaMotivo.body()).contains("id=\"motivo-errore\"", "indicare il motivo della rinuncia all&#39;alloggio");
        assertThat(jdbc.queryForObject("select count(*) from risposta_proposta where assegnazione_id = ?", Integer.class,
                assegnazione)).isZero();

        ClientHttp.Risposta rinuncia = ferrari.post(risposta, Map.of("esito", "RINUNCIA",
                "motivo", "L'alloggio è al primo piano senza ascensore e mia madre non cammina"));
        assertThat(rinuncia.status()).as(rinuncia.body()).isEqualTo(303);
        Map<String, Object> chiusa = jdbc.queryForMap("select stato, rinuncia_motivo, chiusa_da from assegnazione where id = ?",
                assegnazione);
        assertThat(chiusa).containsEntry("stato", "RINUNCIATA").containsEntry("chiusa_da", CITTADINO_FERRARI)
                .containsEntry("rinuncia_motivo", "L'alloggio è al primo piano senza ascensore e mia madre non cammina");
        HistoricProcessInstance istanza = historyService.createHistoricProcessInstanceQuery()
                .processDefinitionKey(ContrattoBpmn.PROCESS_ID).processInstanceBusinessKey(Long.toString(assegnazione)).singleResult();
        assertThat(istanza.getEndTime()).as("the contratto process ended").isNotNull();
        assertThat(passati(istanza)).contains(ContrattoBpmn.TASK_CONFERMA, ContrattoBpmn.SERVICE_REGISTRA, ContrattoBpmn.END_REGISTRATO)
                .doesNotContain(ContrattoBpmn.SERVICE_SEGNALA);
        assertThat(ferrari.get("/cittadino/domande/" + domandaFerrari).body()).contains("7. Rinuncia all&#39;alloggio",
                "Hai rinunciato all&#39;alloggio online il", "mia madre non cammina");
        assertThat(ferrari.post(risposta, Map.of("esito", "ACCETTA")).status()).isEqualTo(409);
    }

    @Test
    @Order(8)
    void ogniLetturaDiUnOperatoreERegistrataEMostrataAlCittadino() {
        String operatore = jdbc.queryForObject("select nome || ' ' || cognome from operatore where username = ?", String.class, MALNATE);
        long prima = letture(domandaA);
        assertThat(http.get("/api/domande/" + domandaA, MALNATE).status()).isEqualTo(200);
        assertThat(http.get("/api/domande/" + domandaA + "/spiegazione", MALNATE).status()).isEqualTo(200);
        assertThat(SessioneConsole.di(http, MALNATE).get("/domande/" + domandaA).status()).isEqualTo(200);
        // an operator who may not see it reads nothing, and nothing is recorded
        assertThat(http.get("/api/domande/" + domandaA, VARESE_ISTRUTTORIA).status()).isEqualTo(404);
        assertThat(jdbc.queryForList("select dove from lettura_domanda where domanda_id = ? and operatore = ? order by id",
                String.class, domandaA, MALNATE)).containsSubsequence("API_DOMANDA", "API_SPIEGAZIONE", "CONSOLE_DOMANDA");
        assertThat(letture(domandaA)).isGreaterThanOrEqualTo(prima + 3);
        assertThat(jdbc.queryForObject("select count(*) from lettura_domanda where domanda_id = ? and operatore = ?",
                Integer.class, domandaA, VARESE_ISTRUTTORIA)).isZero();

        String pagina = colombo.get("/cittadino/domande/" + domandaA).body();
        assertThat(pagina).contains("Chi ha consultato la tua domanda", operatore, "(Comune di Malnate)",
                "la pagina della domanda nella console degli operatori",
                "il servizio per i sistemi informatici degli enti (dati della domanda)",
                "il servizio per i sistemi informatici degli enti (spiegazione del punteggio)")
                .doesNotContain("Nessun operatore ha ancora consultato");
        // a citizen reading their own domanda is not an operator's read
        long dopo = letture(domandaA);
        colombo.get("/cittadino/domande/" + domandaA);
        assertThat(letture(domandaA)).isEqualTo(dopo);
    }

    private List<String> passati(HistoricProcessInstance istanza) {
        return historyService.createHistoricActivityInstanceQuery().processInstanceId(istanza.getId()).list().stream()
                .map(a -> a.getActivityId()).toList();
    }

    private long letture(long domanda) {
        return jdbc.queryForObject("select count(*) from lettura_domanda where domanda_id = ?", Long.class, domanda);
    }

    /** «Prendi in carico» and «Verifica istruttoria» as the Comune di Varese does through the API: the alloggio assigned. */
    private long avviaEAssegna(long graduatoria, long domanda, long alloggio) {
        ClientHttp.Risposta avviata = http.post("/api/graduatorie/" + graduatoria + "/istruttorie", VARESE_ISTRUTTORIA,
                "{\"domandaId\":" + domanda + "}");
        assertThat(avviata.status()).as(avviata.body()).isEqualTo(201);
        long istruttoria = avviata.json().get("id").asLong();
        ClientHttp.Risposta verificata = http.post("/api/istruttorie/" + istruttoria + "/verifica", VARESE_ISTRUTTORIA,
                "{\"esito\":\"AMMISSIBILE\",\"alloggioId\":" + alloggio + ",\"motivoFuoriOrdine\":\"prova del percorso del cittadino\"}");
        assertThat(verificata.status()).as(verificata.body()).isEqualTo(200);
        return istruttoria;
    }
}
