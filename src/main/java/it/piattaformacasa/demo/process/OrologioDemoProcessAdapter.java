package it.piattaformacasa.demo.process;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import it.piattaformacasa.demo.OrologioDemoProcesso;

/**
 * Moves Camunda's clock. The job executor looks for due jobs with {@code DUEDATE_ <= ClockUtil}'s time (Camunda 7.24,
 * {@code JobManager.findNextJobsToExecute}), not with the database's {@code now()}, so moving ClockUtil is enough for
 * timers to fire: here the idle job executor is also woken, so they fire within a second instead of at its next poll
 * (up to {@code max-wait}, 10 s). With the job executor off (the test suite) nothing fires by itself.
 */
@Component
class OrologioDemoProcessAdapter extends AbstractProcessEnginePlugin implements OrologioDemoProcesso {

    private final JdbcTemplate jdbc;
    private volatile JobExecutor jobExecutor;

    OrologioDemoProcessAdapter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        jobExecutor = configuration.getJobExecutor();
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void spostaScadenzeBrevi(Instant prima, Instant dopo) {
        // Camunda writes these columns as local timestamps through JDBC, so the same conversion of prima and dopo
        // gives the shift in its terms. REV_ stays: the transaction executing a locked job must still be able to
        // delete it when it ends (ADR 7), and its lock must not look expired to the next acquisition.
        Timestamp da = Timestamp.from(prima);
        Timestamp a = Timestamp.from(dopo);
        jdbc.update("""
                update ACT_RU_JOB set LOCK_EXP_TIME_ = LOCK_EXP_TIME_ + (cast(? as timestamp) - cast(? as timestamp))
                 where LOCK_OWNER_ is not null and LOCK_EXP_TIME_ > ?""", a, da, da);
        jdbc.update("""
                update ACT_ID_USER set LOCK_EXP_TIME_ = LOCK_EXP_TIME_ + (cast(? as timestamp) - cast(? as timestamp))
                 where LOCK_EXP_TIME_ > ?""", a, da, da);
    }

    @Override
    public void imposta(Duration scostamento) {
        if (scostamento.isZero()) {
            ClockUtil.reset();
        } else {
            ClockUtil.offset(scostamento.toMillis());
        }
        JobExecutor executor = jobExecutor;
        if (executor != null) {
            // a no-op when the job executor is not running
            executor.jobWasAdded();
        }
    }
}
