package it.piattaformacasa.config.process;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.stereotype.Component;

/**
 * Camunda's authorization checks without the per-command scan of every authorization's group (issue 17,
 * bench/CasellaInArrivoBenchmark). Before each check Camunda reads {@code SELECT DISTINCT GROUP_ID_ FROM
 * ACT_RU_AUTHORIZATION} to drop the person's groups that appear in no authorization (a shorter {@code IN} list for people
 * in thousands of groups); but every open task carries an authorization for each of its candidate groups, so with 100k
 * open tasks that is a scan of 100k+ index entries, about 45 ms, repeated by every command of a request (a Tasklist page
 * runs several). An operator here is in a handful of groups (three per ente and abilitazione, plus its role): up to
 * {@link #SOGLIA} groups the list is passed as it is — a group without authorizations matches no row, so what a person
 * may see does not change — and above it Camunda's filter still applies. The same option exists in CIB seven and
 * Operaton ({@code authGroupFilterThreshold}); camunda/camunda-bpm-platform#5485 is the open issue.
 */
@Component
public class ControlloAutorizzazioni extends AbstractProcessEnginePlugin {

    /** Above this many groups the person's list is filtered by Camunda as before. */
    static final int SOGLIA = 50;

    /** The authorization manager every command opens, with the filter skipped for short lists. */
    public static class GestoreAutorizzazioni extends AuthorizationManager {
        @Override
        public List<String> filterAuthenticatedGroupIds(List<String> gruppi) {
            if (gruppi == null || gruppi.isEmpty() || gruppi.size() > SOGLIA) {
                return super.filterAuthenticatedGroupIds(gruppi);
            }
            return new ArrayList<>(gruppi);
        }
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configurazione) {
        List<SessionFactory> fabbriche = configurazione.getCustomSessionFactories() == null ? new ArrayList<>()
                : new ArrayList<>(configurazione.getCustomSessionFactories());
        fabbriche.add(new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                return AuthorizationManager.class;
            }

            @Override
            public Session openSession() {
                return new GestoreAutorizzazioni();
            }
        });
        configurazione.setCustomSessionFactories(fabbriche);
    }
}
