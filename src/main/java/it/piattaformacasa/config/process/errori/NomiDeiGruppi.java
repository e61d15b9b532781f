package it.piattaformacasa.config.process.errori;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.rest.dto.task.TaskCountByCandidateGroupResultDto;
import org.camunda.bpm.engine.rest.util.EngineUtil;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;

/**
 * Cockpit's «Attività umane» page counts open tasks per candidate group, and Camunda's report calls the group's id
 * its name: supervisors would read {@code ente-00331030122-avviso}. In the webapps' engine API the report carries
 * the group's name instead («Comune di Malnate – Gestione avviso»), read with the caller's own authorizations; a
 * group the caller may not read keeps its id. {@code /engine-rest} keeps Camunda's report as documented.
 */
public class NomiDeiGruppi implements ContainerResponseFilter {

    private static final Pattern RAPPORTO = Pattern.compile("/?engine/([^/]+)/task/report/candidate-group-count/?");

    @Override
    public void filter(ContainerRequestContext richiesta, ContainerResponseContext risposta) {
        Matcher rapporto = RAPPORTO.matcher(richiesta.getUriInfo().getPath());
        if (!"GET".equals(richiesta.getMethod()) || risposta.getStatus() != 200 || !rapporto.matches()
                || !(risposta.getEntity() instanceof List<?> righe)) {
            return;
        }
        ProcessEngine motore = EngineUtil.lookupProcessEngine(rapporto.group(1));
        List<TaskCountByCandidateGroupResultDto> conteggi = righe.stream()
                .filter(TaskCountByCandidateGroupResultDto.class::isInstance).map(TaskCountByCandidateGroupResultDto.class::cast)
                .toList();
        String[] id = conteggi.stream().map(TaskCountByCandidateGroupResultDto::getGroupName).filter(Objects::nonNull)
                .distinct().toArray(String[]::new);
        if (motore == null || id.length == 0) {
            return;
        }
        Map<String, String> nomi = motore.getIdentityService().createGroupQuery().groupIdIn(id).list().stream()
                .filter(g -> g.getName() != null && !g.getName().isBlank())
                .collect(Collectors.toMap(Group::getId, Group::getName));
        conteggi.forEach(c -> c.setGroupName(nomi.getOrDefault(c.getGroupName(), c.getGroupName())));
    }
}
