package it.piattaformacasa.operatori.process;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.FilterEntity;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import it.piattaformacasa.common.process.PraticaNellElenco;
import it.piattaformacasa.common.sicurezza.Gruppi;
import it.piattaformacasa.operatori.IdentitaPort;

/**
 * Camunda's own identity store (ACT_ID_*) as the projection of our operatori. Everything here is idempotent:
 * it runs at every start and after every change to an operatore.
 */
@Component
class IdentitaCamundaAdapter implements IdentitaPort {

    static final String FILTRO_MIO_ENTE = "Le attività del mio ente";
    static final String FILTRO_MIE = "Prese in carico da me";
    static final String FILTRO_IN_SCADENZA = "In scadenza (3 giorni)";
    static final String FILTRO_SCADUTE = "Scadute";
    static final String FILTRO_SCADENZE_DI_LEGGE = "Tutte le scadenze di legge";
    static final int GIORNI_IN_SCADENZA = 3;
    /**
     * Earlier names of these filters: renamed in place, so an existing installation keeps one filter of each (and its
     * authorizations) instead of gaining a second one. «Scadute o in scadenza» was the supervisors' list.
     */
    private static final Map<String, String> NOMI_PRECEDENTI = Map.of(
            "Attività del mio ente", FILTRO_MIO_ENTE,
            "Scadute o in scadenza", FILTRO_SCADENZE_DI_LEGGE);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String APP_TASKLIST = "tasklist";
    private static final String APP_COCKPIT = "cockpit";

    private final IdentityService identityService;
    private final AuthorizationService authorizationService;
    private final FilterService filterService;
    private final TaskService taskService;
    private final SecureRandom random = new SecureRandom();

    IdentitaCamundaAdapter(IdentityService identityService, AuthorizationService authorizationService,
                           FilterService filterService, TaskService taskService) {
        this.identityService = identityService;
        this.authorizationService = authorizationService;
        this.filterService = filterService;
        this.taskService = taskService;
    }

    @Override
    public void allineaGruppi(Collection<Gruppo> gruppi) {
        Map<String, Group> esistenti = identityService.createGroupQuery().list().stream()
                .collect(Collectors.toMap(Group::getId, g -> g));
        for (Gruppo gruppo : gruppi) {
            Group group = esistenti.get(gruppo.id());
            String tipo = gruppo.tipo() == TipoGruppo.AMMINISTRATORI ? Groups.GROUP_TYPE_SYSTEM : Groups.GROUP_TYPE_WORKFLOW;
            if (group == null) {
                group = identityService.newGroup(gruppo.id());
            } else if (gruppo.nome().equals(group.getName()) && tipo.equals(group.getType())) {
                autorizza(gruppo);
                continue;
            }
            group.setName(gruppo.nome());
            group.setType(tipo);
            identityService.saveGroup(group);
            autorizza(gruppo);
        }
        allineaFiltri();
    }

    private void autorizza(Gruppo gruppo) {
        String id = gruppo.id();
        switch (gruppo.tipo()) {
            case AMMINISTRATORI -> {
                for (Resources resource : Resources.values()) {
                    concedi(id, resource, ANY, Permissions.ALL);
                }
            }
            case SUPERVISORI -> {
                concedi(id, Resources.APPLICATION, APP_TASKLIST, Permissions.ACCESS);
                concedi(id, Resources.APPLICATION, APP_COCKPIT, Permissions.ACCESS);
                // read-only oversight of every process, task and deadline: supervisors escalate, they don't work cases
                concedi(id, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
                        ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
                        ProcessDefinitionPermissions.READ_TASK);
                concedi(id, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
                concedi(id, Resources.TASK, ANY, Permissions.READ);
                concedi(id, Resources.DEPLOYMENT, ANY, Permissions.READ);
                concedi(id, Resources.FILTER, ANY, Permissions.READ);
                // Cockpit names the candidate groups of every ente's tasks («Comune di Malnate – Gestione avviso»)
                concedi(id, Resources.GROUP, ANY, Permissions.READ);
            }
            case VALIDATORI -> {
                // their work is one kind of task, of every ente: Tasklist, and the requests' tasks through TASK_WORK as
                // candidates; no Cockpit, no other ente's cases
                concedi(id, Resources.APPLICATION, APP_TASKLIST, Permissions.ACCESS);
                concedi(id, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ);
            }
            case LETTORI -> {
                // none: readers read through the platform's API and console, which filter by their province; in the
                // engine they would see every ente's tasks or none, and may change nothing (seed 004)
            }
            case ANALISTI, ENTE, LAVORO -> {
                concedi(id, Resources.APPLICATION, APP_TASKLIST, Permissions.ACCESS);
                // lets Tasklist show process names and diagrams; instances and tasks stay per-ente
                concedi(id, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ);
            }
        }
    }

    private void concedi(String gruppo, Resource resource, String resourceId, Permission... permessi) {
        Authorization auth = authorizationService.createAuthorizationQuery()
                .authorizationType(AUTH_TYPE_GRANT).groupIdIn(gruppo).resourceType(resource).resourceId(resourceId)
                .singleResult();
        if (auth == null) {
            auth = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
            auth.setGroupId(gruppo);
            auth.setResource(resource);
            auth.setResourceId(resourceId);
        } else if (haTutti(auth, permessi)) {
            return;
        }
        for (Permission permesso : permessi) {
            auth.addPermission(permesso);
        }
        authorizationService.saveAuthorization(auth);
    }

    private static boolean haTutti(Authorization auth, Permission... permessi) {
        for (Permission permesso : permessi) {
            if (!auth.isPermissionGranted(permesso)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The shared Tasklist filters, created or brought in line with this definition at every start (an edit made in
     * Tasklist is overwritten: they belong to the platform). Task queries still apply authorizations, so a filter never
     * widens what one sees: an operator's «In scadenza» and «Scadute» hold the tasks of its enti only (Camunda grants
     * READ on a task to its candidate groups and its assignee), a supervisor's every ente's. Every filter is sorted by
     * due date, nearest first and tasks without one last, and shows the variables that name the case
     * ({@link PraticaNellElenco}).
     */
    private void allineaFiltri() {
        TaskQuery mioEnte = taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
                .includeAssignedTasks().orderByDueDate().asc();
        TaskQuery mie = taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByDueDate().asc();
        TaskQuery inScadenza = taskService.createTaskQuery().dueAfterExpression("${now()}")
                .dueBeforeExpression("${dateTime().plusDays(" + GIORNI_IN_SCADENZA + ")}").orderByDueDate().asc();
        TaskQuery scadute = taskService.createTaskQuery().dueBeforeExpression("${now()}").orderByDueDate().asc();
        // a due date is set only where the regulation (or the plan derived from it) gives a deadline: see processes/
        TaskQuery diLegge = taskService.createTaskQuery().dueAfter(new Date(0)).orderByDueDate().asc();

        concediLetturaFiltroATutti(filtro(FILTRO_MIO_ENTE, mioEnte, -10,
                "Attività assegnate ai gruppi dei miei enti, per scadenza: «prendi in carico» per lavorarle"));
        concediLetturaFiltroATutti(filtro(FILTRO_MIE, mie, -5, "Attività che ho preso in carico, per scadenza"));
        concediLetturaFiltroATutti(filtro(FILTRO_IN_SCADENZA, inScadenza, 0,
                "Attività dei miei enti con il termine nei prossimi " + GIORNI_IN_SCADENZA + " giorni"));
        concediLetturaFiltroATutti(filtro(FILTRO_SCADUTE, scadute, 5, "Attività dei miei enti con il termine già passato"));
        concedi(Gruppi.SUPERVISORI, Resources.FILTER, filtro(FILTRO_SCADENZE_DI_LEGGE, diLegge, 10,
                "Ogni attività con un termine di legge, di ogni ente: prima le scadute, poi le più vicine"), Permissions.READ);
    }

    /** The filter named {@code nome} (or one of its earlier names), created or updated to this definition. */
    private String filtro(String nome, TaskQuery query, int priorita, String descrizione) {
        Map<String, Object> proprieta = new LinkedHashMap<>();
        proprieta.put("priority", priorita);
        proprieta.put("description", descrizione);
        proprieta.put("refresh", true);
        proprieta.put("showUndefinedVariable", false);
        proprieta.put("variables", PraticaNellElenco.ETICHETTE.entrySet().stream()
                .map(v -> Map.<String, Object>of("name", v.getKey(), "label", v.getValue())).toList());
        Filter voluto = filterService.newTaskFilter(nome).setQuery(query).setProperties(proprieta);

        Filter esistente = filterService.createFilterQuery().filterName(nome).singleResult();
        for (Map.Entry<String, String> precedente : NOMI_PRECEDENTI.entrySet()) {
            if (esistente == null && precedente.getValue().equals(nome)) {
                esistente = filterService.createFilterQuery().filterName(precedente.getKey()).singleResult();
            }
        }
        if (esistente == null) {
            return filterService.saveFilter(voluto).getId();
        }
        if (!nome.equals(esistente.getName()) || !stessoJson(interno(esistente, true), interno(voluto, true))
                || !stessoJson(interno(esistente, false), interno(voluto, false))) {
            esistente.setName(nome).setQuery(query).setProperties(proprieta);
            filterService.saveFilter(esistente);
        }
        return esistente.getId();
    }

    private static String interno(Filter filtro, boolean query) {
        FilterEntity entita = (FilterEntity) filtro;
        return query ? entita.getQueryInternal() : entita.getPropertiesInternal();
    }

    /** Same JSON whatever the order of keys and the Java type of a number (the engine reads properties back as it likes). */
    private static boolean stessoJson(String a, String b) {
        try {
            return JSON.readTree(a).equals((x, y) -> x.isNumber() && y.isNumber()
                    ? Double.compare(x.asDouble(), y.asDouble()) : x.equals(y) ? 0 : 1, JSON.readTree(b));
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    private void concediLetturaFiltroATutti(String filterId) {
        long esistenti = authorizationService.createAuthorizationQuery()
                .authorizationType(AUTH_TYPE_GLOBAL).resourceType(Resources.FILTER).resourceId(filterId).count();
        if (esistenti == 0) {
            Authorization auth = authorizationService.createNewAuthorization(AUTH_TYPE_GLOBAL);
            auth.setResource(Resources.FILTER);
            auth.setResourceId(filterId);
            auth.addPermission(Permissions.READ);
            authorizationService.saveAuthorization(auth);
        }
    }

    @Override
    public void allineaUtente(Utente utente) {
        User user = identityService.createUserQuery().userId(utente.username()).singleResult();
        boolean nuovo = user == null;
        if (nuovo) {
            user = identityService.newUser(utente.username());
            // no usable password until one is set (embedded demo, Camunda Admin, later OIDC)
            user.setPassword(casuale());
        }
        if (nuovo || !utente.nome().equals(user.getFirstName()) || !utente.cognome().equals(user.getLastName())
                || !utente.email().equals(user.getEmail())) {
            user.setFirstName(utente.nome());
            user.setLastName(utente.cognome());
            user.setEmail(utente.email());
            identityService.saveUser(user);
        }
        Set<String> desiderati = utente.attivo() ? utente.gruppi() : Set.of();
        Set<String> attuali = gruppiDi(utente.username());
        for (String gruppo : attuali) {
            if (gestito(gruppo) && !desiderati.contains(gruppo)) {
                identityService.deleteMembership(utente.username(), gruppo);
            }
        }
        for (String gruppo : desiderati) {
            if (!attuali.contains(gruppo)) {
                identityService.createMembership(utente.username(), gruppo);
            }
        }
        if (!utente.attivo() && !attuali.isEmpty()) {
            impostaPassword(utente.username(), casuale());
        }
    }

    private static boolean gestito(String gruppo) {
        return gruppo.startsWith("ente-") || gruppo.startsWith("ambito-") || gruppo.equals(Gruppi.SUPERVISORI)
                || gruppo.equals(Gruppi.ANALISTI) || gruppo.equals(Gruppi.AMMINISTRATORI)
                || gruppo.equals(Gruppi.VALIDATORI_REGIONALI) || gruppo.startsWith("lettori-");
    }

    private String casuale() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().encodeToString(bytes);
    }

    @Override
    public void impostaPassword(String username, String password) {
        User user = identityService.createUserQuery().userId(username).singleResult();
        if (user == null) {
            throw new IllegalArgumentException("Utente " + username + " inesistente");
        }
        user.setPassword(password);
        identityService.saveUser(user);
    }

    @Override
    public boolean verificaPassword(String username, String password) {
        return identityService.checkPassword(username, password);
    }

    @Override
    public Set<String> gruppiDi(String username) {
        return identityService.createGroupQuery().groupMember(username).list().stream()
                .map(Group::getId).collect(Collectors.toCollection(HashSet::new));
    }

    @Override
    public boolean esisteUtente(String username) {
        return identityService.createUserQuery().userId(username).count() > 0;
    }
}
