package it.piattaformacasa.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.GenericManagerFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import it.piattaformacasa.ClientHttp;
import it.piattaformacasa.DemoUtenti;
import it.piattaformacasa.IntegrationTest;
import it.piattaformacasa.SessioneConsole;
import it.piattaformacasa.SessioneWebapp;
import it.piattaformacasa.anagrafe.EnteProprietarioRepository;
import it.piattaformacasa.common.CodiceFiscale;
import it.piattaformacasa.common.sicurezza.Gruppi;
import it.piattaformacasa.config.process.IndiciDelMotore;
import it.piattaformacasa.operatori.Operatore;
import it.piattaformacasa.operatori.OperatoriService;
import it.piattaformacasa.operatori.TipoAbilitazione;

/**
 * The inbox at scale (issue 17): N open user tasks (default 100k, {@code -Dbench.attivita}) across 1,500 enti — the
 * comuni of a region the size of Lombardy, each with the three groups the platform projects for an ente
 * ({@link OperatoriService#allineaIdentita}) — and the first pages an operator of ONE ente and a supervisor open, as
 * logged-in people with Camunda authorizations on: Tasklist's «Le attività del mio ente» filter (its list call with
 * maxResults=15 and its count, as the Tasklist app sends them), the console's /scadenze, and the supervisors' /scadenze
 * and /api/scadenze. p50/p95/max over {@code bench.ripetizioni} calls each (default 100, after 10 of warm-up), side by
 * side in the same run: Camunda as shipped, then with the platform's act_idx_auth_user_id ({@link IndiciDelMotore}) and
 * its authorization manager (ControlloAutorizzazioni).
 * <p>
 * How the tasks are made (the shortcut, stated): {@code bench.attivita.motore} (default 5,000) process instances are
 * started through the engine — two minimal processes whose user tasks have the ids, candidate groups and due dates of
 * the real ones (UserTask_VerificaIstruttoria of an ente's istruttoria group, no due date, 80%;
 * UserTask_ApprovaGraduatoriaProvvisoria of its gestione-avviso group, due from 10 days ago to 20 days ahead, 20%), so
 * the engine itself writes their executions, variables, candidate-group identity links and per-task authorizations;
 * then those rows are copied set-based with new ids until N tasks are open (the same ente spread, every copy with its
 * own identity link and authorization row). Starting 100k instances through the engine takes over 10 minutes on this
 * shared 2-core machine.
 */
@IntegrationTest
class CasellaInArrivoBenchmark {

    static final String OPERATORE = "bench.casella";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    FilterService filterService;
    @Autowired
    TransactionTemplate transazione;
    @Autowired
    OperatoriService operatori;
    @Autowired
    EnteProprietarioRepository entiRepository;
    @Autowired
    ProcessEngineConfigurationImpl configurazione;

    @Test
    void centomilaAttivitaApertePerMilleCinquecentoEnti() throws Exception {
        int attivita = Integer.getInteger("bench.attivita", 100_000);
        int numeroEnti = Integer.getInteger("bench.enti", 1_500);
        int motore = Math.min(attivita, Integer.getInteger("bench.attivita.motore", 5_000));
        int ripetizioni = Integer.getInteger("bench.ripetizioni", 100);
        StringBuilder risultato = new StringBuilder(String.format(Locale.ROOT,
                "Casella in arrivo — %d attività aperte su %d enti (%d create dal motore, le altre copiate)%n",
                attivita, numeroEnti, motore));

        // 1. the enti: 75 ambiti of 20 comuni, each comune with its Comune as ente (set-based, as an import leaves them)
        long inizio = System.nanoTime();
        String[] codici = creaEnti(numeroEnti);
        operatori.allineaIdentita();
        String codiceMio = codici[7];
        var ente = entiRepository.findByCodiceFiscale(CodiceFiscale.of(codiceMio)).orElseThrow();
        Operatore operatore = new Operatore(OPERATORE, CodiceFiscale.of(CodiceFiscale.conControllo("BNCCSL80A01L682")), "Casella",
                "Di Prova", "bench.casella@example.org", null);
        operatore.abilita(ente, TipoAbilitazione.GESTIONE_AVVISO);
        operatore.abilita(ente, TipoAbilitazione.ISTRUTTORIA_DOMANDE);
        operatori.registra(List.of(operatore));
        operatori.impostaPassword(OPERATORE, DemoUtenti.PASSWORD);
        risultato.append(String.format(Locale.ROOT, "  enti, gruppi (%d) e operatore: %.0f s%n",
                jdbc.queryForObject("select count(*) from act_id_group", Long.class), (System.nanoTime() - inizio) / 1e9));

        // 2. the tasks through the engine, then copied
        inizio = System.nanoTime();
        String istruttoria = "bench-istruttoria-" + System.nanoTime();
        String approvazione = "bench-approvazione-" + System.nanoTime();
        repositoryService.createDeployment().addModelInstance(istruttoria + ".bpmn", processo(istruttoria, "UserTask_VerificaIstruttoria", false))
                .addModelInstance(approvazione + ".bpmn", processo(approvazione, "UserTask_ApprovaGraduatoriaProvvisoria", true)).deploy();
        ExecutorService creatori = Executors.newFixedThreadPool(4);
        List<Future<?>> blocchi = new ArrayList<>();
        Instant adesso = Instant.now();
        for (int i = 0; i < motore; i += 250) {
            int da = i;
            int fino = Math.min(motore, i + 250);
            blocchi.add(creatori.submit(() -> transazione.executeWithoutResult(s -> {
                for (int k = da; k < fino; k++) {
                    CodiceFiscale cf = CodiceFiscale.of(codici[k % codici.length]);
                    if (k % 5 == 4) {
                        runtimeService.startProcessInstanceByKey(approvazione, "B-" + k, Map.of("gruppo", Gruppi.gestioneAvviso(cf),
                                "scadenza", java.util.Date.from(adesso.plus(k % 30 - 10, ChronoUnit.DAYS).plus(k % 1440, ChronoUnit.MINUTES))));
                    } else {
                        runtimeService.startProcessInstanceByKey(istruttoria, "B-" + k, Map.of("gruppo", Gruppi.istruttoria(cf)));
                    }
                }
            })));
        }
        for (Future<?> f : blocchi) {
            f.get();
        }
        creatori.shutdown();
        double motoreS = (System.nanoTime() - inizio) / 1e9;
        inizio = System.nanoTime();
        int copie = (attivita - motore + motore - 1) / motore;
        for (int c = 1; c <= copie; c++) {
            int quante = Math.min(motore, attivita - motore * c);
            copia(List.of(istruttoria, approvazione), c, quante);
        }
        jdbc.execute("analyze act_ru_task; analyze act_ru_identitylink; analyze act_ru_authorization; analyze act_ru_execution; "
                + "analyze act_ru_variable");
        long aperte = jdbc.queryForObject("""
                select count(*) from act_ru_task t join act_re_procdef d on d.id_ = t.proc_def_id_ where d.key_ in (?, ?)""",
                Long.class, istruttoria, approvazione);
        assertThat(aperte).isEqualTo(attivita);
        risultato.append(String.format(Locale.ROOT, "  %d istanze dal motore in %.0f s (%.0f/s), copie fino a %d attività in %.0f s; "
                + "act_ru_task %d righe, act_ru_identitylink %d, act_ru_authorization %d   carico: %s%n", motore, motoreS, motore / motoreS,
                attivita, (System.nanoTime() - inizio) / 1e9, conta("act_ru_task"), conta("act_ru_identitylink"),
                conta("act_ru_authorization"), Misure.carico()));

        // what the operator must see: its ente's tasks, and the supervisors' every deadline
        long dellEnte = jdbc.queryForObject("""
                select count(distinct t.id_) from act_ru_task t join act_ru_identitylink l on l.task_id_ = t.id_
                 where l.type_ = 'candidate' and l.group_id_ in (?, ?)""", Long.class,
                Gruppi.istruttoria(CodiceFiscale.of(codiceMio)), Gruppi.gestioneAvviso(CodiceFiscale.of(codiceMio)));
        ClientHttp http = new ClientHttp(port);
        SessioneWebapp tasklist = SessioneWebapp.accedi(http, OPERATORE);
        SessioneConsole console = SessioneConsole.di(http, OPERATORE);
        SessioneConsole supervisore = SessioneConsole.di(http, DemoUtenti.SUPERVISORE);
        String filtro = filterService.createFilterQuery().filterName("Le attività del mio ente").singleResult().getId();
        String elenco = SessioneWebapp.API_ENGINE + "/filter/" + filtro + "/list?firstResult=0&maxResults=15";
        String corpo = "{\"processVariables\":[],\"taskVariables\":[],\"caseInstanceVariables\":[],\"orQueries\":[],"
                + "\"sorting\":[{\"sortBy\":\"dueDate\",\"sortOrder\":\"asc\"}],\"active\":true}";

        Map<String, Supplier<ClientHttp.Risposta>> chiamate = new LinkedHashMap<>();
        chiamate.put("operatore: Tasklist, filtro «Le attività del mio ente», prima pagina (15, HAL)", () -> tasklist.invia(
                java.net.http.HttpRequest.newBuilder(http.uri(elenco)).header("Accept", "application/hal+json")
                        .header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString(corpo))));
        chiamate.put("operatore: Tasklist, conteggio del filtro", () -> tasklist.get(SessioneWebapp.API_ENGINE + "/filter/" + filtro + "/count"));
        chiamate.put("operatore: Tasklist, /task?candidateGroups… (15, per scadenza)", () -> tasklist.get(SessioneWebapp.API_ENGINE
                + "/task?candidateGroups=" + Gruppi.istruttoria(CodiceFiscale.of(codiceMio)) + "," + Gruppi.gestioneAvviso(CodiceFiscale.of(codiceMio))
                + "&includeAssignedTasks=true&sortBy=dueDate&sortOrder=asc&firstResult=0&maxResults=15"));
        chiamate.put("operatore: console /scadenze", () -> console.get("/scadenze"));
        chiamate.put("operatore: console / (scrivania)", () -> console.get("/"));
        chiamate.put("supervisore: console /scadenze", () -> supervisore.get("/scadenze"));
        chiamate.put("supervisore: /api/scadenze", () -> http.get("/api/scadenze", DemoUtenti.SUPERVISORE));
        chiamate.put("supervisore: /api/scadenze/di-legge", () -> http.get("/api/scadenze/di-legge", DemoUtenti.SUPERVISORE));

        // correctness: the operator's list holds its ente's tasks only, and all of them are counted
        ClientHttp.Risposta conteggio = chiamate.get("operatore: Tasklist, conteggio del filtro").get();
        assertThat(conteggio.status()).as(conteggio.body()).isEqualTo(200);
        assertThat(conteggio.json().get("count").asLong()).as("attività visibili all'operatore").isEqualTo(dellEnte);
        ClientHttp.Risposta pagina = chiamate.values().iterator().next().get();
        assertThat(pagina.status()).as(pagina.body()).isEqualTo(200);
        assertThat(pagina.json().at("/_embedded/task").size()).isEqualTo((int) Math.min(15, dellEnte));

        risultato.append(String.format(Locale.ROOT, "  operatore di un ente: %d attività visibili (del suo ente) su %d%n", dellEnte, attivita));
        // side by side in the same run: Camunda as shipped (no index on act_ru_authorization.user_id_, every command
        // reading the distinct groups of all authorizations), then with IndiciDelMotore and ControlloAutorizzazioni
        Map<String, String> prima = new LinkedHashMap<>();
        SessionFactory nostra = configurazione.getSessionFactories().get(AuthorizationManager.class);
        configurazione.getSessionFactories().put(AuthorizationManager.class, new GenericManagerFactory(AuthorizationManager.class));
        jdbc.execute("drop index if exists act_idx_auth_user_id");
        String caricoPrima = Misure.carico();
        for (Map.Entry<String, Supplier<ClientHttp.Risposta>> chiamata : chiamate.entrySet()) {
            prima.put(chiamata.getKey(), misura(chiamata.getKey(), chiamata.getValue(), ripetizioni));
        }
        configurazione.getSessionFactories().put(AuthorizationManager.class, nostra);
        IndiciDelMotore.INDICI.forEach(indice -> jdbc.execute(indice.crea()));
        jdbc.execute("analyze act_ru_authorization");
        risultato.append(String.format(Locale.ROOT, "  %-72s %-32s %-32s%n", "p50 / p95 / max (ms)", "Camunda com'è (carico " + caricoPrima.substring(0, 14) + ")",
                "con indice e gruppi senza prefiltro (carico " + Misure.carico().substring(0, 14) + ")"));
        for (Map.Entry<String, Supplier<ClientHttp.Risposta>> chiamata : chiamate.entrySet()) {
            risultato.append(String.format(Locale.ROOT, "  %-72s %-32s %-32s%n", chiamata.getKey(), prima.get(chiamata.getKey()),
                    misura(chiamata.getKey(), chiamata.getValue(), ripetizioni)));
            System.out.println(risultato);
        }
        risultato.append("  carico alla fine: ").append(Misure.carico()).append('\n');
        System.out.println(risultato);
        Path file = Path.of("target", "bench", "casella-in-arrivo.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, risultato);
    }

    private static String misura(String nome, Supplier<ClientHttp.Risposta> chiamata, int ripetizioni) {
        for (int i = 0; i < 10; i++) {
            ClientHttp.Risposta r = chiamata.get();
            assertThat(r.status()).as(nome + ": " + r.body()).isEqualTo(200);
        }
        double[] ms = new double[ripetizioni];
        for (int i = 0; i < ripetizioni; i++) {
            long t = System.nanoTime();
            ClientHttp.Risposta r = chiamata.get();
            ms[i] = (System.nanoTime() - t) / 1e6;
            assertThat(r.status()).as(nome + ": " + r.body()).isEqualTo(200);
        }
        Arrays.sort(ms);
        return String.format(Locale.ROOT, "%6.0f / %6.0f / %6.0f", ms[ms.length / 2], ms[(int) Math.ceil(ms.length * 0.95) - 1],
                ms[ms.length - 1]);
    }

    private long conta(String tabella) {
        return jdbc.queryForObject("select count(*) from " + tabella, Long.class);
    }

    private String[] creaEnti(int numero) {
        int ambiti = (numero + 19) / 20;
        String[] codici = new String[numero];
        long base = System.nanoTime() % 100_000;
        for (int a = 0; a < ambiti; a++) {
            long ambito = jdbc.queryForObject("insert into ambito (codice, nome) values (?, ?) returning id", Long.class,
                    "CASELLA-" + base + "-" + a, "Ambito sintetico " + (a + 1));
            for (int c = 0; c < 20 && a * 20 + c < numero; c++) {
                int i = a * 20 + c;
                long comune = jdbc.queryForObject("""
                        insert into comune (codice_istat, codice_catastale, nome, provincia, popolazione, ambito_id)
                        values (?, ?, ?, 'MI', ?, ?) returning id""", Long.class, String.format("97%04d", i),
                        (i < 1000 ? "X" : "W") + String.format("%03d", i % 1000), "Comune sintetico " + (i + 1), 1000 + i * 37, ambito);
                codici[i] = GeneratoreAvvisoSintetico.codiceFiscaleEnte(900_000 + base * 10_000 + i);
                jdbc.update("insert into ente_proprietario (tipo, codice_fiscale, ragione_sociale, comune_id) values ('COMUNE', ?, ?, ?)",
                        codici[i], "Comune sintetico " + (i + 1), comune);
            }
        }
        return codici;
    }

    /** One more copy of the engine's rows of the tasks of these processes: every id gets the suffix {@code :c}. */
    private void copia(List<String> processi, int c, int quante) {
        String s = "':" + c + "'";
        String istanze = "select proc_inst_id_ from act_ru_task t join act_re_procdef d on d.id_ = t.proc_def_id_ "
                + "where d.key_ in ('" + String.join("','", processi) + "') and t.id_ not like '%:%' order by t.id_ limit " + quante;
        transazione.executeWithoutResult(x -> {
            jdbc.execute("create temporary table copia_istanze on commit drop as " + istanze);
            jdbc.execute("create temporary table copia_exec on commit drop as select * from act_ru_execution where proc_inst_id_ in (select * from copia_istanze)");
            jdbc.execute("update copia_exec set id_ = id_ || " + s + ", proc_inst_id_ = proc_inst_id_ || " + s
                    + ", root_proc_inst_id_ = root_proc_inst_id_ || " + s + ", parent_id_ = parent_id_ || " + s
                    + ", business_key_ = business_key_ || " + s);
            jdbc.execute("insert into act_ru_execution select * from copia_exec");
            jdbc.execute("create temporary table copia_task on commit drop as select * from act_ru_task where proc_inst_id_ in (select * from copia_istanze)");
            jdbc.execute("create temporary table copia_link on commit drop as select l.* from act_ru_identitylink l join copia_task t on t.id_ = l.task_id_");
            jdbc.execute("create temporary table copia_auth on commit drop as select a.* from act_ru_authorization a join copia_task t on t.id_ = a.resource_id_");
            jdbc.execute("create temporary table copia_var on commit drop as select * from act_ru_variable where proc_inst_id_ in (select * from copia_istanze)");
            jdbc.execute("update copia_task set id_ = id_ || " + s + ", execution_id_ = execution_id_ || " + s + ", proc_inst_id_ = proc_inst_id_ || " + s);
            jdbc.execute("update copia_link set id_ = id_ || " + s + ", task_id_ = task_id_ || " + s);
            jdbc.execute("update copia_auth set id_ = id_ || " + s + ", resource_id_ = resource_id_ || " + s
                    + ", root_proc_inst_id_ = root_proc_inst_id_ || " + s);
            jdbc.execute("update copia_var set id_ = id_ || " + s + ", execution_id_ = execution_id_ || " + s + ", proc_inst_id_ = proc_inst_id_ || " + s
                    + ", var_scope_ = var_scope_ || " + s + ", task_id_ = task_id_ || " + s);
            jdbc.execute("insert into act_ru_task select * from copia_task");
            jdbc.execute("insert into act_ru_identitylink select * from copia_link");
            jdbc.execute("insert into act_ru_authorization select * from copia_auth");
            jdbc.execute("insert into act_ru_variable select * from copia_var");
        });
    }

    /** A user task as the real ones: candidate group from a variable, due date where the real one has one. */
    static BpmnModelInstance processo(String chiave, String attivita, boolean scadenza) {
        var task = Bpmn.createExecutableProcess(chiave).camundaHistoryTimeToLive(1).startEvent().userTask(attivita)
                .camundaCandidateGroups("${gruppo}");
        if (scadenza) {
            task = task.camundaDueDate("${scadenza}");
        }
        return task.endEvent().done();
    }
}
