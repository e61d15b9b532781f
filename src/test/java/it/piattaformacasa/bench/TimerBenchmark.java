package it.piattaformacasa.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.spring.components.jobexecutor.SpringJobExecutor;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import it.piattaformacasa.IntegrationTest;

/**
 * Timers at scale (issue 17): N timers (default 100k, {@code -Dbench.timer=20000} for a quick run) of the platform's
 * own kind — the non-interrupting deadline timer on an ente's user task, as the 5-day approval deadline of
 * {@code graduatoria.bpmn} — all due at the same instant, fired by this node's job executor. Measured twice in the
 * same run on fresh, equal sets of timers: with Camunda's Spring Boot defaults and with the settings of
 * application.yaml (read from the running engine), so the ratio does not depend on how busy the shared machine was.
 * Correctness is asserted from the history: every timer fired, each exactly once, no job failed.
 * <p>
 * The process is a minimal copy of the graduatoria's deadline (user task with a candidate group, boundary timer,
 * an expression standing for the supervisors' notice): the real process needs a generated graduatoria per instance.
 * The timers are created with a due date in 2099 and then made due at the same instant by one UPDATE of their
 * {@code duedate_}: what the database holds when 100k deadlines computed from one chiusura come due together.
 */
@IntegrationTest
@TestPropertySource(properties = "camunda.bpm.job-execution.enabled=true")
class TimerBenchmark {

    static final String ATTIVITA = "UserTask_Approva";
    static final String TIMER = "Timer_Scadenza";

    /** One job executor configuration. */
    record Impostazioni(String nome, int perAcquisizione, int core, int max, int coda, int attesa, int attesaMassima,
                        boolean timerPrima, boolean perScadenza) {
    }

    /** Camunda's Spring Boot starter defaults (camunda.bpm.job-execution.*), with the engine's defaults for the rest. */
    static final Impostazioni PREDEFINITE = new Impostazioni("predefinite di Camunda", 3, 3, 10, 3, 5000, 60000, false, false);

    @Autowired
    RuntimeService runtimeService;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    ProcessEngineConfigurationImpl configurazione;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transazione;

    @Test
    void centomilaTimerScadonoInsieme() throws Exception {
        int n = Integer.getInteger("bench.timer", 100_000);
        Impostazioni nostre = nostre();
        StringBuilder risultato = new StringBuilder(String.format(Locale.ROOT,
                "Timer in massa — %d timer di scadenza (boundary non interrompente) dovuti nello stesso istante, un nodo%n", n));
        // -Dbench.timer.predefinite=false: only the configured settings (the full-scale run)
        List<Impostazioni> fasi = Boolean.parseBoolean(System.getProperty("bench.timer.predefinite", "true"))
                ? List.of(PREDEFINITE, nostre) : List.of(nostre);
        for (Impostazioni impostazioni : fasi) {
            risultato.append(misura(n, impostazioni));
            System.out.print(risultato);
        }
        Path file = Path.of("target", "bench", "timer.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, risultato);
        System.out.println(risultato);
    }

    private Impostazioni nostre() {
        SpringJobExecutor je = (SpringJobExecutor) configurazione.getJobExecutor();
        ThreadPoolTaskExecutor pool = (ThreadPoolTaskExecutor) je.getTaskExecutor();
        return new Impostazioni("application.yaml", je.getMaxJobsPerAcquisition(), pool.getCorePoolSize(), pool.getMaxPoolSize(),
                pool.getQueueCapacity(), je.getWaitTimeInMillis(), (int) je.getMaxWait(),
                configurazione.isJobExecutorPreferTimerJobs(), configurazione.isJobExecutorAcquireByDueDate());
    }

    private String misura(int n, Impostazioni impostazioni) throws Exception {
        String chiave = "bench-scadenza-" + System.nanoTime();
        repositoryService.createDeployment().name(chiave).addModelInstance(chiave + ".bpmn", processo(chiave)).deploy();
        applica(impostazioni);

        long inizioCreazione = System.nanoTime();
        int blocco = 500;
        ExecutorService creatori = Executors.newFixedThreadPool(4);
        List<Future<?>> blocchi = new ArrayList<>();
        for (int i = 0; i < n; i += blocco) {
            int da = i;
            int fino = Math.min(n, i + blocco);
            blocchi.add(creatori.submit(() -> transazione.executeWithoutResult(s -> {
                for (int k = da; k < fino; k++) {
                    runtimeService.startProcessInstanceByKey(chiave, chiave + "-" + k,
                            Map.of("gruppo", "ente-bench-" + (k % 1500) + "-gestione-avviso", "scadenza", "2099-01-01T00:00:00"));
                }
            })));
        }
        for (Future<?> f : blocchi) {
            f.get();
        }
        creatori.shutdown();
        double creazioneS = (System.nanoTime() - inizioCreazione) / 1e9;
        String caricoCreazione = Misure.carico();

        // every timer due at the same instant, one second ago in the engine's clock
        Timestamp istante = Timestamp.from(ClockUtil.getCurrentTime().toInstant().minusSeconds(1));
        long inizio = System.nanoTime();
        int dovuti = jdbc.update("update act_ru_job set duedate_ = ? where process_def_key_ = ?", istante, chiave);
        assertThat(dovuti).isEqualTo(n);
        // the acquisition may be sleeping up to max-wait after finding nothing due while the timers were created: start
        // it again so both configurations are measured from the same instant, as a node finding its backlog at start
        applica(impostazioni);
        List<String> curva = new ArrayList<>();
        long restanti = n;
        long ultimoPunto = inizio;
        while (restanti > 0) {
            Thread.sleep(250);
            restanti = jdbc.queryForObject("select count(*) from act_ru_job where process_def_key_ = ?", Long.class, chiave);
            long falliti = jdbc.queryForObject("select count(*) from act_ru_job where process_def_key_ = ? and retries_ < 3",
                    Long.class, chiave);
            assertThat(falliti).as("timer falliti o da ritentare").isZero();
            if (System.nanoTime() - ultimoPunto > 30e9) {
                ultimoPunto = System.nanoTime();
                curva.add(String.format(Locale.ROOT, "%.0fs:%d", (ultimoPunto - inizio) / 1e9, n - restanti));
            }
            assertThat(Duration.ofNanos(System.nanoTime() - inizio)).as("oltre un'ora: il job executor è fermo?")
                    .isLessThan(Duration.ofHours(1));
        }
        double secondi = (System.nanoTime() - inizio) / 1e9;
        String carico = Misure.carico();

        // exactly once, from the history: one fired timer per instance, each followed by the notice
        Map<String, Object> storia = jdbc.queryForMap("""
                select count(*) as scattati, count(distinct proc_inst_id_) as istanze
                  from act_hi_actinst where proc_def_key_ = ? and act_id_ = ?""", chiave, TIMER);
        Long avvisi = jdbc.queryForObject("""
                select count(*) from act_hi_varinst where proc_def_key_ = ? and name_ = 'sollecitato'""", Long.class, chiave);
        Long riusciti = jdbc.queryForObject("""
                select count(*) from act_hi_job_log where process_def_key_ = ? and job_state_ = 2""", Long.class, chiave);
        Long errori = jdbc.queryForObject("""
                select count(*) from act_hi_job_log where process_def_key_ = ? and job_state_ = 1""", Long.class, chiave);
        Long aperte = jdbc.queryForObject("select count(*) from act_ru_task where proc_def_id_ in "
                + "(select id_ from act_re_procdef where key_ = ?)", Long.class, chiave);
        assertThat(((Number) storia.get("scattati")).longValue()).isEqualTo(n);
        assertThat(((Number) storia.get("istanze")).longValue()).isEqualTo(n);
        assertThat(avvisi).isEqualTo(n);
        assertThat(errori).isZero();
        assertThat(riusciti).as("ogni timer eseguito una volta sola").isEqualTo(n);
        // the ente keeps its task after the deadline (non-interrupting)
        assertThat(aperte).isEqualTo(n);

        return String.format(Locale.ROOT, """
                  [%s] per acquisizione %d, thread %d–%d, coda %d, attesa %d ms (max %d), timer prima %s, per scadenza %s
                    creazione di %d istanze (500 per transazione, 4 thread): %.0f s (%.0f/s)   carico: %s
                    tutti scattati in %.1f s = %.0f timer/s (obiettivo: 100k in 600 s = 167/s)   carico: %s
                    storia: %s timer scattati in %s istanze distinte, %d avvisi, %d job riusciti nel log, %d errori
                    avanzamento: %s
                """, impostazioni.nome(), impostazioni.perAcquisizione(), impostazioni.core(), impostazioni.max(),
                impostazioni.coda(), impostazioni.attesa(), impostazioni.attesaMassima(), impostazioni.timerPrima(),
                impostazioni.perScadenza(), n, creazioneS, n / creazioneS, caricoCreazione, secondi, n / secondi, carico,
                storia.get("scattati"), storia.get("istanze"), avvisi, riusciti, errori, String.join(" ", curva));
    }

    /** Stops the job executor, gives it the settings and a new thread pool, starts it again. */
    private void applica(Impostazioni i) {
        SpringJobExecutor je = (SpringJobExecutor) configurazione.getJobExecutor();
        je.shutdown();
        ThreadPoolTaskExecutor pool = new ThreadPoolTaskExecutor();
        pool.setCorePoolSize(i.core());
        pool.setMaxPoolSize(i.max());
        pool.setQueueCapacity(i.coda());
        pool.setThreadNamePrefix("bench-job-");
        pool.initialize();
        je.setTaskExecutor(pool);
        je.setMaxJobsPerAcquisition(i.perAcquisizione());
        je.setWaitTimeInMillis(i.attesa());
        je.setMaxWait(i.attesaMassima());
        configurazione.setJobExecutorPreferTimerJobs(i.timerPrima());
        configurazione.setJobExecutorAcquireByDueDate(i.perScadenza());
        je.start();
    }

    /** The graduatoria's approval deadline in miniature. */
    static BpmnModelInstance processo(String chiave) {
        return Bpmn.createExecutableProcess(chiave).camundaHistoryTimeToLive(1)
                .startEvent()
                .userTask(ATTIVITA).camundaCandidateGroups("${gruppo}")
                .boundaryEvent(TIMER).cancelActivity(false).timerWithDate("${scadenza}")
                .serviceTask("ServiceTask_Sollecita").camundaExpression("${execution.setVariable('sollecitato', true)}")
                .endEvent()
                .moveToActivity(ATTIVITA).endEvent()
                .done();
    }
}
