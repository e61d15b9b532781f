package it.piattaformacasa;

import static it.piattaformacasa.DemoUtenti.CAPOFILA;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;

import it.piattaformacasa.anagrafe.Alloggio;
import it.piattaformacasa.anagrafe.AlloggioRepository;
import it.piattaformacasa.anagrafe.StatoAlloggio;
import it.piattaformacasa.avviso.process.AvvisoBpmn;
import it.piattaformacasa.common.CodiceFiscale;
import it.piattaformacasa.graduatoria.Graduatoria;
import it.piattaformacasa.graduatoria.GraduatoriaRepository;
import it.piattaformacasa.graduatoria.GraduatoriaService;

/** Builds avvisi in a given state through the real API and the avviso process, firing its timers by name. */
public final class ScenarioAvviso {

    private static final ZoneId ROMA = ZoneId.of("Europe/Rome");

    private final ClientHttp http;
    private final RuntimeService runtimeService;
    private final ManagementService managementService;
    private final AlloggioRepository alloggi;
    private String titolo = "Avviso di prova";

    public ScenarioAvviso(ClientHttp http, RuntimeService runtimeService, ManagementService managementService,
                          AlloggioRepository alloggi) {
        this.http = http;
        this.runtimeService = runtimeService;
        this.managementService = managementService;
        this.alloggi = alloggi;
    }

    /** The avvisi this scenario predisposes get this title (plain text, no quotes) instead of «Avviso di prova». */
    public ScenarioAvviso conTitolo(String titolo) {
        this.titolo = titolo;
        return this;
    }

    /** An avviso in SELEZIONE_ALLOGGI. */
    public long predisposto() {
        return predisposto("ORDINARIO");
    }

    /** An avviso of the given type (ORDINARIO, DISABILITA_GRAVE, FORZE_POLIZIA) in SELEZIONE_ALLOGGI. */
    public long predisposto(String tipo) {
        ClientHttp.Risposta risposta = http.post("/api/avvisi", CAPOFILA, "{\"ambito\":\"VARESE\",\"titolo\":\"" + titolo + "\","
                + "\"tipo\":\"" + tipo + "\",\"apertura\":\"" + lavorativo(5, 10) + "\",\"chiusura\":\"" + lavorativo(40, 12) + "\"}");
        assertThat(risposta.status()).as(risposta.body()).isEqualTo(201);
        return risposta.json().get("id").asLong();
    }

    /** Adds the alloggi (as the operator of their ente), then fires the end of selection and the apertura. */
    public long aperto(List<Alloggio> offerti, List<String> operatori) {
        return aperto("ORDINARIO", offerti, operatori);
    }

    public long aperto(String tipo, List<Alloggio> offerti, List<String> operatori) {
        long avviso = inAttesaDiApertura(tipo, offerti, operatori);
        eseguiTimer(avviso, AvvisoBpmn.TIMER_APERTURA);
        return avviso;
    }

    /** Adds the alloggi (as the operator of their ente), then fires the end of selection: IN_ATTESA_APERTURA. */
    public long inAttesaDiApertura(String tipo, List<Alloggio> offerti, List<String> operatori) {
        long avviso = predisposto(tipo);
        for (int i = 0; i < offerti.size(); i++) {
            ClientHttp.Risposta risposta = http.post("/api/avvisi/" + avviso + "/alloggi", operatori.get(i),
                    "{\"alloggioId\":" + offerti.get(i).getId() + ",\"tipologia\":\"ASSEGNABILE_ENTRO_CHIUSURA\","
                            + "\"tipologiaRiscaldamento\":\"Centralizzato\",\"speseAnnueUtenze\":1200.00}");
            assertThat(risposta.status()).as(risposta.body()).isEqualTo(201);
        }
        eseguiTimer(avviso, AvvisoBpmn.TIMER_FINE_SELEZIONE);
        return avviso;
    }

    /** Ends the avviso's process, so that its timers are no one else's concern once the test is over. */
    public void termina(long avviso) {
        runtimeService.createProcessInstanceQuery().processDefinitionKey(AvvisoBpmn.PROCESS_ID)
                .processInstanceBusinessKey(Long.toString(avviso)).list()
                .forEach(i -> runtimeService.deleteProcessInstance(i.getId(), "fine del test"));
    }

    /**
     * Closes the avviso and generates its graduatorie, then approves them as published 20 days ago, so their rettifica
     * window is over today; with {@code definitive} also makes them DEFINITIVA. A publication may not precede the
     * generation, so the graduatorie are first dated 21 days back ({@link #generateGiorniFa}, test-only); the dates are
     * then checked as in production.
     */
    public List<Graduatoria> graduatorieApprovate(long avviso, GraduatoriaRepository graduatorie, GraduatoriaService servizio,
                                                  JdbcTemplate jdbc, boolean definitive) {
        eseguiTimer(avviso, AvvisoBpmn.TIMER_CHIUSURA);
        eseguiTimer(avviso, AvvisoBpmn.SERVICE_GENERA_GRADUATORIE);
        generateGiorniFa(jdbc, avviso, 21);
        LocalDate pubblicata = LocalDate.now(ROMA).minusDays(20);
        List<Graduatoria> generate = graduatorie.findByAvvisoIdOrderById(avviso);
        for (Graduatoria g : generate) {
            servizio.approva(g.getId(), "PROV-" + g.getId(), pubblicata, Graduatoria.Pubblicazione.SITO_ENTE, pubblicata, "test");
            if (definitive) {
                servizio.rendiDefinitiva(g.getId(), "test");
            }
        }
        return generate;
    }

    /**
     * Test-only: the avviso's graduatorie as if they had been generated {@code giorni} days ago, for tests that need a
     * rettifica window already over without waiting for it. A fixture of the past, not a way around the date rules:
     * approval and DEFINITIVA check them as always. Tests of the window itself move the clock instead
     * ({@link OrologioDiProva}).
     */
    public static void generateGiorniFa(JdbcTemplate jdbc, long avviso, int giorni) {
        jdbc.update("update graduatoria set generata_il = generata_il - make_interval(days => ?) where avviso_id = ?", giorni, avviso);
    }

    public void eseguiTimer(long avviso, String timer) {
        ProcessInstance istanza = runtimeService.createProcessInstanceQuery().processDefinitionKey(AvvisoBpmn.PROCESS_ID)
                .processInstanceBusinessKey(Long.toString(avviso)).singleResult();
        Job job = managementService.createJobQuery().processInstanceId(istanza.getId()).activityId(timer).singleResult();
        assertThat(job).as("timer job %s", timer).isNotNull();
        managementService.executeJob(job.getId());
    }

    public List<Alloggio> alloggiDi(String cfEnte, StatoAlloggio stato, int quanti) {
        // the ente's stock: a retired alloggio (other tests retire some) is no longer part of it
        return alloggi.findAll((root, q, cb) -> cb.and(cb.equal(root.get("stato"), stato),
                        cb.equal(root.get("ente").get("codiceFiscale"), CodiceFiscale.of(cfEnte)), cb.isNull(root.get("ritiratoIl"))),
                PageRequest.of(0, quanti, Sort.by("id"))).getContent();
    }

    /** A working day at least {@code giorni} days from now, at {@code ora}:00 in Rome. */
    public static Instant lavorativo(int giorni, int ora) {
        ZonedDateTime giorno = ZonedDateTime.now(ROMA).plusDays(giorni).with(LocalTime.of(ora, 0));
        while (giorno.getDayOfWeek() == DayOfWeek.SATURDAY || giorno.getDayOfWeek() == DayOfWeek.SUNDAY) {
            giorno = giorno.plusDays(1);
        }
        return giorno.toInstant();
    }
}
