package it.piattaformacasa.operatori.process;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collection;
import java.util.HashSet;
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
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;

import it.piattaformacasa.common.sicurezza.Gruppi;
import it.piattaformacasa.operatori.IdentitaPort;

/**
 * Camunda's own identity store (ACT_ID_*) as the projection of our operatori. Everything here is idempotent:
 * it runs at every start and after every change to an operatore.
 */
@Component
class IdentitaCamundaAdapter implements IdentitaPort {

    static final String FILTRO_MIO_ENTE = "Attività del mio ente";
    static final String FILTRO_MIE = "Prese in carico da me";
    static final String FILTRO_SCADENZE = "Scadute o in scadenza";
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

    /** Shared Tasklist filters. Task queries still apply authorizations: a filter never widens what one sees. */
    private void allineaFiltri() {
        TaskQuery mioEnte = taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
                .includeAssignedTasks().orderByDueDate().asc();
        TaskQuery mie = taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByDueDate().asc();
        TaskQuery scadenze = taskService.createTaskQuery().dueBeforeExpression("${dateTime().plusDays(2)}")
                .orderByDueDate().asc();
        String filtroMioEnte = filtro(FILTRO_MIO_ENTE, mioEnte, -10,
                "Attività assegnate ai gruppi dei miei enti: «prendi in carico» per lavorarle");
        String filtroMie = filtro(FILTRO_MIE, mie, -5, "Attività che ho preso in carico");
        String filtroScadenze = filtro(FILTRO_SCADENZE, scadenze, 0,
                "Termini di legge scaduti o in scadenza entro due giorni");
        concediLetturaFiltroATutti(filtroMioEnte);
        concediLetturaFiltroATutti(filtroMie);
        concedi(Gruppi.SUPERVISORI, Resources.FILTER, filtroScadenze, Permissions.READ);
    }

    private String filtro(String nome, TaskQuery query, int priorita, String descrizione) {
        Filter filter = filterService.createFilterQuery().filterName(nome).singleResult();
        if (filter != null) {
            return filter.getId();
        }
        filter = filterService.newTaskFilter(nome)
                .setQuery(query)
                .setProperties(Map.of("priority", priorita, "description", descrizione, "refresh", true));
        return filterService.saveFilter(filter).getId();
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
                || gruppo.equals(Gruppi.ANALISTI) || gruppo.equals(Gruppi.AMMINISTRATORI);
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
