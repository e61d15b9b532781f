package it.piattaformacasa.scadenze.process;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What a page of deadline tasks shows beside each task — its candidate groups and its case (the business key) — read
 * for the whole page in one query each, not one per task (issue 17: lists of thousands of tasks at 100k open tasks).
 * Shared by the supervisors' operational list and the legal deadlines' list.
 */
@Component
class DatiDellaPagina {

    private final JdbcTemplate jdbc;
    private final RuntimeService runtimeService;

    DatiDellaPagina(JdbcTemplate jdbc, RuntimeService runtimeService) {
        this.jdbc = jdbc;
        this.runtimeService = runtimeService;
    }

    /** The candidate groups of each task (tasks without any are absent). */
    Map<String, List<String>> gruppiCandidati(Collection<String> taskIds) {
        Map<String, List<String>> gruppi = new HashMap<>();
        if (taskIds.isEmpty()) {
            return gruppi;
        }
        jdbc.query("select task_id_, group_id_ from act_ru_identitylink where type_ = 'candidate' and group_id_ is not null "
                + "and task_id_ = any(?)", r -> {
                    gruppi.computeIfAbsent(r.getString(1), k -> new ArrayList<>()).add(r.getString(2));
                }, (Object) taskIds.toArray(String[]::new));
        return gruppi;
    }

    /** The business key of each task's process instance, by instance id (instances without one are absent). */
    Map<String, String> chiaviDelleIstanze(Collection<Task> tasks) {
        Map<String, String> chiavi = new HashMap<>();
        Set<String> istanze = tasks.stream().map(Task::getProcessInstanceId).filter(Objects::nonNull).collect(Collectors.toSet());
        if (!istanze.isEmpty()) {
            runtimeService.createProcessInstanceQuery().processInstanceIds(istanze).list().stream()
                    .filter(i -> i.getBusinessKey() != null).forEach(i -> chiavi.put(i.getId(), i.getBusinessKey()));
        }
        return chiavi;
    }
}
