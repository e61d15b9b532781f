package it.piattaformacasa.scadenze.process;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import it.piattaformacasa.common.ItalianFormats;
import it.piattaformacasa.common.sicurezza.Gruppi;
import it.piattaformacasa.scadenze.Scadenza;
import it.piattaformacasa.scadenze.ScadenzaDiLegge;
import it.piattaformacasa.scadenze.ScadenzeProcesso;
import it.piattaformacasa.scadenze.TipoScadenza;

@Component
class ScadenzeProcessAdapter implements ScadenzeProcesso {

    /** Enough for a supervisor to see that something is wrong; the rest is in Cockpit. */
    private static final int MASSIMO_LAVORI = 200;

    private final TaskService taskService;
    private final RuntimeService runtimeService;
    private final RepositoryService repositoryService;
    private final ManagementService managementService;
    private final ScadenzeDiLeggeNelMotore diLegge;
    private final JdbcTemplate jdbc;
    private final DatiDellaPagina pagina;

    ScadenzeProcessAdapter(TaskService taskService, RuntimeService runtimeService, RepositoryService repositoryService,
                           ManagementService managementService, ScadenzeDiLeggeNelMotore diLegge, JdbcTemplate jdbc,
                           DatiDellaPagina pagina) {
        this.diLegge = diLegge;
        this.jdbc = jdbc;
        this.pagina = pagina;
        this.taskService = taskService;
        this.runtimeService = runtimeService;
        this.repositoryService = repositoryService;
        this.managementService = managementService;
    }

    /**
     * The tasks of the list, ordered and paged by the database (issue 17: with 100k open tasks the list held thousands
     * of them, ~3 MB read through the engine at every call): those due before the limit, and those escalated to the
     * supervisors (a candidate link to their group), each once.
     */
    private static final String APERTE_ENTRO = """
            select t.id_, t.due_date_ from act_ru_task t where t.due_date_ < ?
            union
            select t.id_, t.due_date_ from act_ru_task t join act_ru_identitylink l on l.task_id_ = t.id_
             where l.type_ = 'candidate' and l.group_id_ = ?""";

    @Override
    public long contaAperteEntro(Instant limite) {
        Long quante = jdbc.queryForObject("select count(*) from (" + APERTE_ENTRO + ") a", Long.class,
                Timestamp.from(limite), Gruppi.SUPERVISORI);
        return quante == null ? 0 : quante;
    }

    @Override
    public List<Scadenza> aperteEntro(Instant limite, Instant adesso, int primo, int quante) {
        if (quante <= 0) {
            return List.of();
        }
        List<String> ids = jdbc.query(APERTE_ENTRO + " order by 2 asc nulls last, 1 asc limit ? offset ?", (r, n) -> r.getString(1),
                Timestamp.from(limite), Gruppi.SUPERVISORI, quante, primo);
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<String, Task> tasks = new LinkedHashMap<>();
        ids.forEach(id -> tasks.put(id, null));
        taskService.createTaskQuery().taskIdIn(ids.toArray(String[]::new)).list().forEach(t -> tasks.put(t.getId(), t));
        // a task completed between the two queries is left out of this page
        tasks.values().removeIf(Objects::isNull);
        // candidate groups and business keys of the page's tasks in two queries, not two per task
        Map<String, List<String>> gruppi = pagina.gruppiCandidati(tasks.keySet());
        Nomi nomi = new Nomi();
        Map<String, String> chiavi = pagina.chiaviDelleIstanze(tasks.values());
        tasks.values().stream().map(Task::getProcessInstanceId).filter(Objects::nonNull)
                .forEach(id -> nomi.businessKeys.put(id, chiavi.getOrDefault(id, id)));
        return tasks.values().stream().map(t -> scadenza(t, gruppi.getOrDefault(t.getId(), List.of()), adesso, nomi)).toList();
    }

    private Scadenza scadenza(Task task, List<String> gruppi, Instant adesso, Nomi nomi) {
        Instant scadenza = task.getDueDate() == null ? null : task.getDueDate().toInstant();
        return Scadenza.attivita(task.getId(), task.getName(), nomi.processo(task.getProcessDefinitionId()),
                nomi.businessKey(task.getProcessInstanceId()), gruppi, task.getAssignee(), scadenza,
                scadenza != null && scadenza.isBefore(adesso), gruppi.contains(Gruppi.SUPERVISORI));
    }

    @Override
    public long contaAttivitaDiLegge(Criteri criteri) {
        return diLegge.conta(criteri);
    }

    @Override
    public Map<TipoScadenza, long[]> contaAttivitaDiLeggeTra(Criteri criteri, List<Instant> confini) {
        return diLegge.contaTra(criteri, confini);
    }

    @Override
    public List<ScadenzaDiLegge> attivitaDiLegge(Criteri criteri, int primo, int quante, boolean dettagli) {
        return diLegge.attivita(criteri, primo, quante, dettagli);
    }

    @Override
    public List<ScadenzaDiLegge> finestreRettifiche() {
        return diLegge.finestreRettifiche();
    }

    @Override
    public List<Esito> completateTra(Instant dal, Instant al) {
        return diLegge.completateTra(dal, al);
    }

    @Override
    public List<Scadenza> incidenti() {
        Nomi nomi = new Nomi();
        return runtimeService.createIncidentQuery().orderByIncidentTimestamp().asc().listPage(0, MASSIMO_LAVORI).stream()
                .map(i -> incidente(i, nomi)).toList();
    }

    private Scadenza incidente(Incident incidente, Nomi nomi) {
        String processo = nomi.processo(incidente.getProcessDefinitionId());
        String businessKey = nomi.businessKey(incidente.getProcessInstanceId());
        String attivita = nomi.attivita(incidente.getProcessDefinitionId(), incidente.getActivityId());
        Instant dal = incidente.getIncidentTimestamp().toInstant();
        String oggetto = processo + " " + businessKey;
        return Scadenza.incidente(oggetto, "«" + attivita + "» (" + oggetto + ") non è riuscita neanche dopo i tentativi "
                        + "previsti: ferma dal " + ItalianFormats.dataOra(dal) + ". Corretta la causa, si riprova da Cockpit («Retry»).",
                attivita, processo, businessKey, dal, incidente.getIncidentMessage());
    }

    @Override
    public List<Scadenza> lavoriInRitardo(Instant dovutiPrima, Instant adesso) {
        Nomi nomi = new Nomi();
        return managementService.createJobQuery().executable().active().orderByJobDuedate().asc()
                .listPage(0, MASSIMO_LAVORI).stream()
                // the engine's own housekeeping (history cleanup, batches) belongs to no case
                .filter(j -> j.getProcessInstanceId() != null && dovutoDal(j).isBefore(dovutiPrima))
                .map(j -> inRitardo(j, nomi, adesso)).toList();
    }

    /** A timer is due at its due date; an asynchronous continuation, when it was created. */
    private static Instant dovutoDal(Job job) {
        return (job.getDuedate() != null ? job.getDuedate() : job.getCreateTime()).toInstant();
    }

    private Scadenza inRitardo(Job job, Nomi nomi, Instant adesso) {
        String processo = nomi.processo(job.getProcessDefinitionId());
        String businessKey = nomi.businessKey(job.getProcessInstanceId());
        String attivita = nomi.attivita(job.getProcessDefinitionId(), nomi.activityId(job));
        Instant dal = dovutoDal(job);
        String oggetto = processo + " " + businessKey;
        StringBuilder descrizione = new StringBuilder("Lavoro automatico «").append(attivita).append("» (").append(oggetto)
                .append(") da eseguire dal ").append(ItalianFormats.dataOra(dal)).append(" e non ancora eseguito");
        if (job instanceof JobEntity entity && entity.getLockOwner() != null && entity.getLockExpirationTime() != null
                && entity.getLockExpirationTime().toInstant().isAfter(adesso)) {
            descrizione.append(": preso dal nodo «").append(entity.getLockOwner()).append("» fino alle ")
                    .append(ItalianFormats.dataOra(entity.getLockExpirationTime().toInstant()));
        }
        if (job.getExceptionMessage() != null) {
            descrizione.append("; l'ultimo tentativo è fallito, ne restano ").append(job.getRetries());
        }
        return Scadenza.inRitardo(oggetto, descrizione.toString(), attivita, processo, businessKey, dal, dal,
                job.getExceptionMessage());
    }

    /** Names of processes, activities and business keys, read once per list. */
    private final class Nomi {

        private final Map<String, String> processi = new HashMap<>();
        private final Map<String, String> businessKeys = new HashMap<>();
        private final Map<String, String> activityIds = new HashMap<>();

        /** From the job's definition: the job entity loads it lazily, only inside an engine command. */
        String activityId(Job job) {
            if (job.getJobDefinitionId() == null) {
                return job.getFailedActivityId();
            }
            return activityIds.computeIfAbsent(job.getJobDefinitionId(), id -> {
                JobDefinition definizione = managementService.createJobDefinitionQuery().jobDefinitionId(id).singleResult();
                return definizione != null ? definizione.getActivityId() : job.getFailedActivityId();
            });
        }

        String processo(String processDefinitionId) {
            if (processDefinitionId == null) {
                return "Motore di processo";
            }
            return processi.computeIfAbsent(processDefinitionId, id -> {
                String nome = repositoryService.getProcessDefinition(id).getName();
                return nome != null ? nome : repositoryService.getProcessDefinition(id).getKey();
            });
        }

        String businessKey(String processInstanceId) {
            if (processInstanceId == null) {
                return "";
            }
            return businessKeys.computeIfAbsent(processInstanceId, id -> {
                ProcessInstance istanza = runtimeService.createProcessInstanceQuery().processInstanceId(id).singleResult();
                return istanza == null ? id : istanza.getBusinessKey();
            });
        }

        /** The activity's name in the model (the deployment cache answers), its id when it has none. */
        String attivita(String processDefinitionId, String activityId) {
            if (activityId == null || processDefinitionId == null) {
                return activityId != null ? activityId : "lavoro del motore";
            }
            FlowElement elemento = repositoryService.getBpmnModelInstance(processDefinitionId).getModelElementById(activityId);
            return elemento != null && elemento.getName() != null ? elemento.getName() : activityId;
        }
    }
}
