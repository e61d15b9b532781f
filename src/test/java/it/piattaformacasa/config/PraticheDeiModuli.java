package it.piattaformacasa.config;

import static it.piattaformacasa.DemoUtenti.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.JdbcTemplate;

import it.piattaformacasa.ClientHttp;
import it.piattaformacasa.DomandaDiProva;
import it.piattaformacasa.ScenarioAvviso;
import it.piattaformacasa.anagrafe.AlloggioRepository;
import it.piattaformacasa.assegnazione.process.ContrattoBpmn;
import it.piattaformacasa.avviso.process.AvvisoBpmn;
import it.piattaformacasa.graduatoria.Graduatoria;
import it.piattaformacasa.graduatoria.GraduatoriaRepository;
import it.piattaformacasa.graduatoria.GraduatoriaService;
import it.piattaformacasa.graduatoria.process.GraduatoriaBpmn;

/**
 * Cases of the Comune di Malnate whose tasks a test completes through Tasklist's forms: a graduatoria waiting for
 * «Approva graduatoria provvisoria», an assignment waiting for «Conferma registrazione contratto». Each on an alloggio
 * and an avviso of its own, through the real API and processes.
 */
final class PraticheDeiModuli {

    static final String MALNATE_ISTAT = "012096";
    private static final ZoneId ROMA = ZoneId.of("Europe/Rome");

    private final ClientHttp http;
    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final JdbcTemplate jdbc;
    private final ScenarioAvviso scenario;
    private final GraduatoriaRepository graduatorie;
    private final GraduatoriaService graduatorieService;

    PraticheDeiModuli(ClientHttp http, RuntimeService runtimeService, ManagementService managementService, TaskService taskService,
                      AlloggioRepository alloggi, JdbcTemplate jdbc, GraduatoriaRepository graduatorie, GraduatoriaService servizio) {
        this.http = http;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.jdbc = jdbc;
        this.graduatorie = graduatorie;
        this.graduatorieService = servizio;
        this.scenario = new ScenarioAvviso(http, runtimeService, managementService, alloggi).conTitolo("SAP moduli di Malnate");
    }

    record Pratica(long id, long alloggio, long domanda, long avviso, String taskId) {
    }

    /** An avviso with one alloggio of Malnate and one domanda for it, closed: Malnate's graduatoria waits for approval. */
    Pratica graduatoriaDaApprovare(String codiceFiscale) {
        long alloggio = nuovoAlloggio();
        long avviso = aperto(alloggio);
        long domanda = presenta(avviso, codiceFiscale, alloggio);
        scenario.eseguiTimer(avviso, AvvisoBpmn.TIMER_CHIUSURA);
        scenario.eseguiTimer(avviso, AvvisoBpmn.SERVICE_GENERA_GRADUATORIE);
        // generated three days ago: a provvedimento and a publication may be dated in the days since
        ScenarioAvviso.generateGiorniFa(jdbc, avviso, 3);
        long graduatoria = diMalnate(avviso).getId();
        Task task = taskService.createTaskQuery().processDefinitionKey(GraduatoriaBpmn.PROCESS_ID)
                .processInstanceBusinessKey(Long.toString(graduatoria)).taskDefinitionKey(GraduatoriaBpmn.TASK_APPROVA).singleResult();
        return new Pratica(graduatoria, alloggio, domanda, avviso, task.getId());
    }

    /** The same, then definitive, istruttoria and assignment: the contratto waits for Malnate. */
    Pratica contrattoDaConfermare(String codiceFiscale) {
        long alloggio = nuovoAlloggio();
        long avviso = aperto(alloggio);
        long domanda = presenta(avviso, codiceFiscale, alloggio);
        scenario.graduatorieApprovate(avviso, graduatorie, graduatorieService, jdbc, true);
        long graduatoria = diMalnate(avviso).getId();
        jdbc.update("""
                insert into piano_riserve (ente_id, comune_id, anno, alloggi_disponibili, aggiornato_il, aggiornato_da)
                select e.id, c.id, ?, 10, now(), 'test' from ente_proprietario e, comune c
                 where e.codice_fiscale = ? and c.codice_istat = ?
                on conflict (ente_id, comune_id, anno) do nothing""", LocalDate.now(ROMA).getYear(), CF_COMUNE_MALNATE, MALNATE_ISTAT);
        ClientHttp.Risposta istruttoria = http.post("/api/graduatorie/" + graduatoria + "/istruttorie", MALNATE,
                "{\"domandaId\":" + domanda + "}");
        assertThat(istruttoria.status()).as(istruttoria.body()).isEqualTo(201);
        ClientHttp.Risposta verificata = http.post("/api/istruttorie/" + istruttoria.json().get("id").asLong() + "/verifica", MALNATE,
                "{\"esito\":\"AMMISSIBILE\",\"alloggioId\":" + alloggio + "}");
        assertThat(verificata.status()).as(verificata.body()).isEqualTo(200);
        long assegnazione = jdbc.queryForObject("select id from assegnazione where domanda_id = ?", Long.class, domanda);
        Task task = taskService.createTaskQuery().processDefinitionKey(ContrattoBpmn.PROCESS_ID)
                .processInstanceBusinessKey(Long.toString(assegnazione)).singleResult();
        return new Pratica(assegnazione, alloggio, domanda, avviso, task.getId());
    }

    /** The instances of the case's avviso, graduatoria, istruttoria and contratto, gone with the test. */
    void togli(Pratica pratica) {
        runtimeService.createProcessInstanceQuery().list().stream()
                .filter(i -> i.getBusinessKey() != null)
                .filter(i -> (i.getProcessDefinitionId().startsWith(AvvisoBpmn.PROCESS_ID + ":") && i.getBusinessKey().equals(Long.toString(pratica.avviso())))
                        || (i.getProcessDefinitionId().startsWith(GraduatoriaBpmn.PROCESS_ID + ":")
                            && graduatorie.findByAvvisoIdOrderById(pratica.avviso()).stream().anyMatch(g -> i.getBusinessKey().equals(g.getId().toString())))
                        || (i.getProcessDefinitionId().startsWith(ContrattoBpmn.PROCESS_ID + ":") && i.getBusinessKey().equals(Long.toString(pratica.id()))))
                .forEach(i -> runtimeService.deleteProcessInstanceIfExists(i.getId(), "fine del test", true, true, true, false));
    }

    private long nuovoAlloggio() {
        return jdbc.queryForObject("""
                insert into alloggio (codice_ui, ente_id, comune_id, indirizzo, scala, interno, piano, superficie_utile, vani,
                                      ascensore, barriere_architettoniche, stato)
                select 'MOD-' || nextval('alloggio_id_seq'), e.id, c.id, 'Via dei Moduli 7', 'B', '4', 2, 62.5, 3, true, false, 'LIBERO'
                  from ente_proprietario e, comune c where e.codice_fiscale = ? and c.codice_istat = ?
                returning id""", Long.class, CF_COMUNE_MALNATE, MALNATE_ISTAT);
    }

    private long aperto(long alloggio) {
        long avviso = scenario.predisposto();
        ClientHttp.Risposta offerto = http.post("/api/avvisi/" + avviso + "/alloggi", MALNATE, "{\"alloggioId\":" + alloggio
                + ",\"tipologia\":\"ASSEGNABILE_ENTRO_CHIUSURA\",\"tipologiaRiscaldamento\":\"Centralizzato\",\"speseAnnueUtenze\":1200.00}");
        assertThat(offerto.status()).as(offerto.body()).isEqualTo(201);
        scenario.eseguiTimer(avviso, AvvisoBpmn.TIMER_FINE_SELEZIONE);
        scenario.eseguiTimer(avviso, AvvisoBpmn.TIMER_APERTURA);
        return avviso;
    }

    private long presenta(long avviso, String codiceFiscale, long alloggio) {
        ClientHttp.Risposta presentata = http.post("/api/avvisi/" + avviso + "/domande", MALNATE,
                DomandaDiProva.unaDomanda(codiceFiscale, alloggio).residenteA(MALNATE_ISTAT).json());
        assertThat(presentata.status()).as(presentata.body()).isEqualTo(201);
        return presentata.json().get("id").asLong();
    }

    private Graduatoria diMalnate(long avviso) {
        List<Graduatoria> generate = graduatorie.findByAvvisoIdOrderById(avviso);
        return generate.stream().filter(g -> g.getEnte().getCodiceFiscale().valore().equals(CF_COMUNE_MALNATE)).findFirst().orElseThrow();
    }
}
