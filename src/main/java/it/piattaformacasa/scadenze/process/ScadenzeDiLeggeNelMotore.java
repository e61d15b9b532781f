package it.piattaformacasa.scadenze.process;

import static it.piattaformacasa.common.process.PraticaNellElenco.*;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import it.piattaformacasa.common.sicurezza.Gruppi;
import it.piattaformacasa.scadenze.ScadenzaDiLegge;
import it.piattaformacasa.scadenze.ScadenzeProcesso.Criteri;
import it.piattaformacasa.scadenze.ScadenzeProcesso.Esito;
import it.piattaformacasa.scadenze.TipoScadenza;

/**
 * The legal deadlines as the engine holds them (issue 12): open user tasks with their due date and the task-local
 * variables that name their case ({@link it.piattaformacasa.common.process.PraticaNellElenco}), the rettifica windows'
 * timers, and the completed tasks of the history with their due date and end time.
 */
@Component
class ScadenzeDiLeggeNelMotore {

    private static final Pattern GRUPPO_ENTE = Pattern.compile("^ente-([0-9A-Za-z]+?)(-avviso|-istruttoria)?$");
    private static final String PROCESSO_GRADUATORIA = "graduatoria";
    private static final String APPROVA_PROVVISORIA = TipoScadenza.APPROVAZIONE_PROVVISORIA.attivita();
    /** The history is read in slices of this many tasks (the IN lists of its queries). */
    private static final int BLOCCO = 500;

    private final TaskService taskService;
    private final RuntimeService runtimeService;
    private final ManagementService managementService;
    private final HistoryService historyService;
    private final IdentityService identityService;
    private final JdbcTemplate jdbc;
    private final DatiDellaPagina pagina;

    ScadenzeDiLeggeNelMotore(TaskService taskService, RuntimeService runtimeService, ManagementService managementService,
                             HistoryService historyService, IdentityService identityService, JdbcTemplate jdbc,
                             DatiDellaPagina pagina) {
        this.jdbc = jdbc;
        this.pagina = pagina;
        this.taskService = taskService;
        this.runtimeService = runtimeService;
        this.managementService = managementService;
        this.historyService = historyService;
        this.identityService = identityService;
    }

    long conta(Criteri criteri) {
        TaskQuery query = query(criteri);
        return query == null ? 0 : query.count();
    }

    /**
     * Counted by the database in one pass over the open tasks with a due date (issue 17: the page's chart used to
     * read every task of the next 8 weeks through the engine, 13k of them at 100k open tasks, ~1 s). The conditions
     * are {@link #query}'s: the kinds' task definition keys, and when groups are given a candidate link to one of
     * them (whether or not someone took the task, as {@code includeAssignedTasks}). Task due dates are stored by the
     * engine as local timestamps of the JVM: JDBC binds the boundaries the same way.
     */
    Map<TipoScadenza, long[]> contaTra(Criteri criteri, List<Instant> confini) {
        Map<TipoScadenza, long[]> conti = new EnumMap<>(TipoScadenza.class);
        String[] chiavi = criteri.tipi().stream().filter(t -> !t.soloTimer()).map(TipoScadenza::attivita).toArray(String[]::new);
        if (confini.size() < 2 || chiavi.length == 0 || (criteri.gruppi() != null && criteri.gruppi().isEmpty())) {
            return conti;
        }
        StringBuilder sql = new StringBuilder("select t.task_def_key_, case");
        List<Object> parametri = new ArrayList<>();
        for (int i = 1; i < confini.size(); i++) {
            sql.append(" when t.due_date_ < ? then ").append(i - 1);
            parametri.add(Timestamp.from(confini.get(i)));
        }
        sql.append(" end, count(*) from act_ru_task t where t.task_def_key_ = any(?) and t.due_date_ >= ? and t.due_date_ < ?");
        parametri.add(chiavi);
        parametri.add(Timestamp.from(confini.get(0)));
        parametri.add(Timestamp.from(confini.get(confini.size() - 1)));
        if (criteri.gruppi() != null) {
            sql.append(" and exists (select 1 from act_ru_identitylink l where l.task_id_ = t.id_ and l.type_ = 'candidate'"
                    + " and l.group_id_ = any(?))");
            parametri.add(criteri.gruppi().toArray(String[]::new));
        }
        sql.append(" group by 1, 2");
        jdbc.query(sql.toString(), r -> {
            TipoScadenza tipo = TipoScadenza.diAttivita(r.getString(1)).orElse(null);
            if (tipo != null) {
                conti.computeIfAbsent(tipo, k -> new long[confini.size() - 1])[r.getInt(2)] += r.getLong(3);
            }
        }, parametri.toArray());
        return conti;
    }

    List<ScadenzaDiLegge> attivita(Criteri criteri, int primo, int quante, boolean dettagli) {
        TaskQuery query = query(criteri);
        if (query == null || quante <= 0) {
            return List.of();
        }
        List<Task> tasks = query.orderByDueDate().asc().orderByTaskId().asc().listPage(primo, quante);
        if (!dettagli) {
            return tasks.stream().map(t -> new ScadenzaDiLegge(tipo(t.getTaskDefinitionKey()), t.getId(),
                    null, t.getDueDate().toInstant(), null, null, null, null, null, null, List.of(), false, Set.of())).toList();
        }
        // the page's groups, variables and cases in three queries, not three per row (issue 17)
        String[] ids = tasks.stream().map(Task::getId).toArray(String[]::new);
        Map<String, List<String>> gruppiDi = pagina.gruppiCandidati(List.of(ids));
        Map<String, Map<String, Object>> variabiliDi = new HashMap<>();
        // the task-local texts the list shows (the engine keeps a string variable in text_)
        jdbc.query("select task_id_, name_, text_ from act_ru_variable where task_id_ = any(?) and name_ = any(?) "
                + "and type_ = 'string'", r -> {
                    variabiliDi.computeIfAbsent(r.getString(1), k -> new HashMap<>()).put(r.getString(2), r.getString(3));
                }, ids, new String[] {VAR_ENTE, VAR_COMUNE, VAR_AVVISO, VAR_PRATICA, VAR_TERMINE});
        Map<String, String> chiavi = pagina.chiaviDelleIstanze(tasks);
        Nomi nomi = new Nomi();
        List<ScadenzaDiLegge> righe = new ArrayList<>();
        for (Task task : tasks) {
            List<String> gruppi = gruppiDi.getOrDefault(task.getId(), List.of());
            Map<String, Object> variabili = variabiliDi.getOrDefault(task.getId(), Map.of());
            String businessKey = chiavi.get(task.getProcessInstanceId());
            righe.add(new ScadenzaDiLegge(tipo(task.getTaskDefinitionKey()), task.getId(), businessKey,
                    task.getDueDate().toInstant(), testo(variabili, VAR_ENTE), testo(variabili, VAR_COMUNE),
                    testo(variabili, VAR_AVVISO), testo(variabili, VAR_PRATICA), testo(variabili, VAR_TERMINE),
                    task.getAssignee() == null ? null : nomi.utente(task.getAssignee()),
                    gruppi.stream().filter(g -> !Gruppi.SUPERVISORI.equals(g)).map(nomi::gruppo).toList(),
                    gruppi.contains(Gruppi.SUPERVISORI), codiciEnte(gruppi)));
        }
        return righe;
    }

    /**
     * The graduatorie in their 15 days for rettifiche. The window's timer has no task: its ente, comune and avviso are
     * the ones its «Approva graduatoria provvisoria» showed (the history keeps them), its ente's groups that task's.
     */
    List<ScadenzaDiLegge> finestreRettifiche() {
        List<Job> timers = managementService.createJobQuery().timers().processDefinitionKey(PROCESSO_GRADUATORIA)
                .activityId(TipoScadenza.FINESTRA_RETTIFICHE.attivita()).list();
        Nomi nomi = new Nomi();
        List<ScadenzaDiLegge> righe = new ArrayList<>();
        for (Job timer : timers) {
            ProcessInstance istanza = runtimeService.createProcessInstanceQuery()
                    .processInstanceId(timer.getProcessInstanceId()).singleResult();
            if (istanza == null || timer.getDuedate() == null) {
                continue;
            }
            HistoricTaskInstance approvazione = historyService.createHistoricTaskInstanceQuery()
                    .processInstanceId(timer.getProcessInstanceId()).taskDefinitionKey(APPROVA_PROVVISORIA)
                    .orderByHistoricActivityInstanceStartTime().desc().listPage(0, 1).stream().findFirst().orElse(null);
            Map<String, Object> variabili = new HashMap<>();
            List<String> gruppi = List.of();
            if (approvazione != null) {
                historyService.createHistoricVariableInstanceQuery().taskIdIn(approvazione.getId()).list()
                        .forEach(v -> variabili.put(v.getName(), v.getValue()));
                gruppi = historyService.createHistoricIdentityLinkLogQuery().taskId(approvazione.getId())
                        .type(IdentityLinkType.CANDIDATE).list().stream().map(HistoricIdentityLinkLog::getGroupId)
                        .filter(Objects::nonNull).filter(g -> !Gruppi.SUPERVISORI.equals(g)).distinct().toList();
            }
            String graduatoria = istanza.getBusinessKey();
            righe.add(new ScadenzaDiLegge(TipoScadenza.FINESTRA_RETTIFICHE, null, graduatoria,
                    timer.getDuedate().toInstant(), testo(variabili, VAR_ENTE), testo(variabili, VAR_COMUNE),
                    testo(variabili, VAR_AVVISO), "Graduatoria n. " + graduatoria + ", provvisoria",
                    TipoScadenza.FINESTRA_RETTIFICHE.termine(), null, gruppi.stream().map(nomi::gruppo).toList(), false,
                    codiciEnte(gruppi)));
        }
        return righe;
    }

    List<Esito> completateTra(Instant dal, Instant al) {
        String[] chiavi = Arrays.stream(TipoScadenza.values()).filter(t -> !t.soloTimer())
                .map(TipoScadenza::attivita).toArray(String[]::new);
        List<HistoricTaskInstance> completate = historyService.createHistoricTaskInstanceQuery().finished()
                .taskDefinitionKeyIn(chiavi).finishedAfter(Date.from(dal)).finishedBefore(Date.from(al)).list().stream()
                .filter(t -> t.getDueDate() != null && t.getEndTime() != null)
                // cancelled by a timer (silence-assent, the selection window closing) or a process ending: not work done
                .filter(t -> "completed".equals(t.getDeleteReason()))
                .toList();
        Map<String, String> enti = new HashMap<>();
        for (int i = 0; i < completate.size(); i += BLOCCO) {
            String[] ids = completate.subList(i, Math.min(completate.size(), i + BLOCCO)).stream()
                    .map(HistoricTaskInstance::getId).toArray(String[]::new);
            for (HistoricVariableInstance v : historyService.createHistoricVariableInstanceQuery().taskIdIn(ids)
                    .variableName(VAR_ENTE).list()) {
                if (v.getValue() instanceof String ente) {
                    enti.put(v.getTaskId(), ente);
                }
            }
        }
        return completate.stream().filter(t -> enti.containsKey(t.getId()))
                .map(t -> new Esito(tipo(t.getTaskDefinitionKey()), enti.get(t.getId()),
                        !t.getEndTime().after(t.getDueDate())))
                .toList();
    }

    /** Null when the criteria can match nothing (an operator with no group). */
    private TaskQuery query(Criteri criteri) {
        Set<TipoScadenza> tipi = criteri.tipi().stream().filter(t -> !t.soloTimer())
                .collect(java.util.stream.Collectors.toCollection(LinkedHashSet::new));
        if (tipi.isEmpty() || (criteri.gruppi() != null && criteri.gruppi().isEmpty())) {
            return null;
        }
        TaskQuery query = taskService.createTaskQuery()
                .taskDefinitionKeyIn(tipi.stream().map(TipoScadenza::attivita).toArray(String[]::new));
        if (criteri.gruppi() != null) {
            query.taskCandidateGroupIn(new ArrayList<>(criteri.gruppi())).includeAssignedTasks();
        }
        if (criteri.dopo() != null) {
            query.dueAfter(Date.from(criteri.dopo().minusMillis(1)));
        } else {
            query.dueAfter(new Date(0));
        }
        if (criteri.prima() != null) {
            query.dueBefore(Date.from(criteri.prima()));
        }
        return query;
    }

    private static TipoScadenza tipo(String attivita) {
        return TipoScadenza.diAttivita(attivita)
                .orElseThrow(() -> new IllegalStateException("Attività senza tipo di scadenza: " + attivita));
    }

    private static String testo(Map<String, Object> variabili, String nome) {
        return variabili.get(nome) instanceof String s && !s.isBlank() ? s : null;
    }

    static Set<String> codiciEnte(Collection<String> gruppi) {
        Set<String> codici = new LinkedHashSet<>();
        for (String gruppo : gruppi) {
            Matcher m = GRUPPO_ENTE.matcher(gruppo);
            if (m.matches()) {
                codici.add(m.group(1));
            }
        }
        return codici;
    }

    /** Names of users and groups as people read them, looked up once per list. */
    private final class Nomi {

        private final Map<String, String> utenti = new HashMap<>();
        private final Map<String, String> gruppi = new HashMap<>();

        String utente(String id) {
            return utenti.computeIfAbsent(id, u -> {
                User utente = identityService.createUserQuery().userId(u).singleResult();
                if (utente == null) {
                    return u;
                }
                String nome = ((utente.getFirstName() == null ? "" : utente.getFirstName()) + " "
                        + (utente.getLastName() == null ? "" : utente.getLastName())).strip();
                return nome.isEmpty() ? u : nome + " (" + u + ")";
            });
        }

        String gruppo(String id) {
            return gruppi.computeIfAbsent(id, g -> {
                Group gruppo = identityService.createGroupQuery().groupId(g).singleResult();
                return gruppo == null || gruppo.getName() == null ? g : gruppo.getName();
            });
        }
    }
}
