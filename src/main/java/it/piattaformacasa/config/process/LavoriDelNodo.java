package it.piattaformacasa.config.process;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The job executor's identity on this node, and what a restart does with it (ADR 7). Camunda locks the jobs it
 * acquires under a lock owner until {@code lock-time-in-millis} has passed; its default owner is a new random UUID at
 * every start, so after a {@code kill -9} the jobs the dead JVM held stayed locked until their locks expired. Here
 * the owner is the node's stable name, and at start-up, before the job executor starts, the node releases whatever
 * its previous run left locked: no job of that name can be running, because this JVM has not started any and no
 * other live JVM has the same name (the name is the host and the HTTP port, which this JVM has just bound).
 */
@Component
public class LavoriDelNodo extends AbstractProcessEnginePlugin {

    private static final Logger LOG = LoggerFactory.getLogger(LavoriDelNodo.class);

    private final String nome;
    private final JdbcTemplate jdbc;
    private JobExecutor jobExecutor;

    LavoriDelNodo(@Value("${piattaforma.nodo.nome:}") String nome, @Value("${server.port:8080}") String porta, JdbcTemplate jdbc) {
        this.nome = nome.isBlank() ? host() + ":" + porta : nome.strip();
        this.jdbc = jdbc;
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    /** The lock owner of every job this node acquires. */
    public String nome() {
        return nome;
    }

    /**
     * The node's name is also the engine's host name, which Camunda writes in the job log ({@code ACT_HI_JOB_LOG.HOSTNAME_})
     * and the metrics: which node ran a timer is then in the history (issue 17); the default (the IP address and
     * the engine's name) is the same for two nodes on one machine.
     */
    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setHostname(nome);
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        jobExecutor = configuration.getJobExecutor();
        jobExecutor.setLockOwner(nome);
    }

    /**
     * Before the job executor starts (Spring Boot starts it on ApplicationReadyEvent, after this listener): jobs still
     * locked under this node's name were held by its previous run, which died without releasing them.
     */
    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void primaDelJobExecutor() {
        if (jobExecutor != null && jobExecutor.isActive()) {
            LOG.warn("Il job executor è già avviato: i lavori bloccati dal nodo «{}» restano bloccati fino alla scadenza", nome);
            return;
        }
        int rilasciati = rilasciaLavoriInterrotti();
        if (rilasciati > 0) {
            LOG.warn("Ripresi {} lavori del motore rimasti bloccati dal nodo «{}» dopo un arresto non pulito", rilasciati, nome);
        } else {
            LOG.info("Nodo «{}»: nessun lavoro del motore rimasto bloccato", nome);
        }
    }

    /**
     * Releases the jobs locked under this node's name, so the job executor acquires them again at once. Only right
     * while this node runs none of them: at start-up, or in a test that simulates a restart.
     */
    public int rilasciaLavoriInterrotti() {
        // REV_ + 1: a stale copy of the job in a dead transaction can never be written back over the release
        return jdbc.update("update ACT_RU_JOB set LOCK_OWNER_ = null, LOCK_EXP_TIME_ = null, REV_ = REV_ + 1 where LOCK_OWNER_ = ?",
                nome);
    }
}
