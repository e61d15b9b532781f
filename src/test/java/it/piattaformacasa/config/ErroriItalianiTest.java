package it.piattaformacasa.config;

import static it.piattaformacasa.DemoUtenti.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.util.HtmlUtils;

import com.fasterxml.jackson.databind.JsonNode;

import it.piattaformacasa.ClientHttp;
import it.piattaformacasa.IntegrationTest;
import it.piattaformacasa.anagrafe.EnteProprietarioRepository;
import it.piattaformacasa.anagrafe.process.CertificazioneAnagrafeBpmn;
import it.piattaformacasa.common.CodiceFiscale;

/**
 * Issue 9, «no 5xx on bad input»: every error a person can meet, from Spring MVC, Spring Security, Tomcat, the
 * Camunda REST API and the webapps, is Italian, in the project's problem format (a page for a browser), without a
 * class name, a stack trace or SQL; conflicts of the engine are 409, missing things 404, refused data 400.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ErroriItalianiTest {

    /** A class name (package.Class), an exception's name, a stack frame. */
    private static final Pattern CLASSE = Pattern.compile("[a-z]+\\.[a-z]+\\.[A-Z]\\w+|Exception|at [a-z]+\\.");
    private static final Pattern SQL = Pattern.compile(
            "(?i)\\bselect\\b.+\\bfrom\\b|\\binsert\\s+into\\b|\\bupdate\\s+\\w+\\s+set\\b|\\bACT_[A-Z]{2}_|sqlstate|postgresql");
    private static final Pattern INGLESE = Pattern.compile(
            "(?i)\\b(the|not found|forbidden|unauthorized|error|invalid|cannot|bad request|unsupported|denied)\\b");

    /** Certification years of the Comune di Malnate that only this class uses. */
    private static final int ANNO_IN_CARICO = 2091;
    private static final int ANNO_TERMINATA = 2092;
    private static final int ANNO_CONCORRENZA = 2093;

    enum Formato { JSON, JSON_CAMUNDA, HTML }

    /** The request of a case, built when the case runs: some need a task, a session or an ended instance. */
    @FunctionalInterface
    interface Richiesta {
        HttpRequest per(ErroriItalianiTest test);
    }

    @LocalServerPort
    int port;
    @Autowired
    TaskService taskService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    HistoryService historyService;
    @Autowired
    IdentityService identityService;
    @Autowired
    EnteProprietarioRepository enti;
    ClientHttp http;

    private String attivitaInCarico;
    private String istanzaTerminata;
    private final Map<String, Sessione> sessioni = new LinkedHashMap<>();

    @BeforeEach
    void client() {
        http = new ClientHttp(port);
    }

    /** The open certifications of this class go away with it; the ended one stays, as in real life. */
    @AfterAll
    void rimuoviLeCertificazioniAperte() {
        for (int anno : new int[] {ANNO_IN_CARICO, ANNO_CONCORRENZA}) {
            runtimeService.createProcessInstanceQuery()
                    .processInstanceBusinessKey(CertificazioneAnagrafeBpmn.businessKey(CF_COMUNE_MALNATE, anno)).list()
                    .forEach(istanza -> runtimeService.deleteProcessInstance(istanza.getId(), "fine del test"));
        }
    }

    static Stream<Arguments> casi() {
        String diecikB = "a".repeat(10 * 1024);
        String ventikB = "b".repeat(20 * 1024);
        return Stream.of(
                // domain API (Spring MVC and Spring Security), problem+json
                caso("415 su un endpoint JSON", t -> t.basic("/api/avvisi", CAPOFILA).header("Content-Type", "text/plain")
                        .POST(HttpRequest.BodyPublishers.ofString("x")).build(), 415, Formato.JSON, "text/plain.*non è supportato"),
                caso("405 metodo non consentito", t -> t.basic("/api/ambiti", CAPOFILA).DELETE().build(), 405, Formato.JSON,
                        "DELETE non è consentito.*GET"),
                caso("404 percorso /api sconosciuto", t -> t.basic("/api/nonesiste", CAPOFILA).GET().build(), 404, Formato.JSON, "non esiste"),
                caso("parametro ambito mancante", t -> t.basic("/api/avvisi", CAPOFILA).GET().build(), 400, Formato.JSON,
                        "parametro obbligatorio «ambito»"),
                caso("406 formato di risposta non disponibile", t -> t.basic("/api/ambiti", CAPOFILA).setHeader("Accept", "application/xml")
                        .GET().build(), 406, Formato.JSON, "formato richiesto"),
                caso("403 della sicurezza sui metodi", t -> t.basic("/api/operatori", CAPOFILA).GET().build(), 403, Formato.JSON, "permessi"),
                caso("%2F nel percorso", t -> t.basic("/api/ambiti/a%2Fb", CAPOFILA).GET().build(), 400, Formato.JSON, "%2F"),
                caso("query string di 10 kB", t -> t.basic("/api/ambiti?q=" + diecikB, CAPOFILA).GET().build(), 400, Formato.JSON,
                        "troppo grande"),
                caso("intestazione di 20 kB", t -> t.basic("/api/ambiti", CAPOFILA).header("X-Grande", ventikB).GET().build(), 400,
                        Formato.JSON, "troppo grande"),
                caso("URL rifiutato dal firewall di Spring Security", t -> t.basic("/api//ambiti", CAPOFILA).GET().build(), 400,
                        Formato.JSON, "non è valida"),
                caso("modifica con il cookie di sessione senza token CSRF", t -> t.senzaCredenziali("/api/enti/1/certificazioni")
                        .header("Cookie", "JSESSIONID=qualsiasi").header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"anno\":2030}")).build(), 403, Formato.JSON,
                        "permessi|token di sicurezza"),
                // a browser gets a page
                caso("%2F nel percorso, da browser", t -> t.browser("/camunda/app/a%2Fb").GET().build(), 400, Formato.HTML, "%2F"),
                caso("indirizzo /api inesistente, da browser", t -> t.browser("/api/nonesiste").header("Authorization",
                        basic(CAPOFILA)).GET().build(), 404, Formato.HTML, "non esiste"),
                caso("file inesistente delle webapp, da browser", t -> t.sessione(CAPOFILA).pagina("/camunda/app/tasklist/nonesiste.js"),
                        404, Formato.HTML, "non esiste"),
                caso("Cockpit aperto da un operatore", t -> t.sessione(CAPOFILA).pagina("/camunda/app/cockpit/default/"), 403,
                        Formato.HTML, "non ha accesso all'applicazione Cockpit"),
                caso("Admin aperto da un operatore", t -> t.sessione(CAPOFILA).pagina("/camunda/app/admin/default/"), 403,
                        Formato.HTML, "non ha accesso all'applicazione Admin"),
                // Camunda REST API: problem+json with message
                caso("presa in carico di un'attività già in carico", t -> t.post("/engine-rest/task/" + t.attivitaInCarico() + "/claim",
                        ADMIN, "{\"userId\":\"admin\"}"), 409, Formato.JSON_CAMUNDA, "già in carico a malnate"),
                caso("completamento di un'attività inesistente", t -> t.post("/engine-rest/task/inesistente/complete", MALNATE, "{}"),
                        404, Formato.JSON_CAMUNDA, "attività inesistente non esiste"),
                caso("variabili di un'istanza terminata", t -> t.basic("/engine-rest/process-instance/" + t.istanzaTerminata()
                        + "/variables", SUPERVISORE).GET().build(), 404, Formato.JSON_CAMUNDA, "non esiste o è già terminata"),
                caso("JSON malformato", t -> t.post("/engine-rest/task", MALNATE, "{\"name\":"), 400, Formato.JSON_CAMUNDA,
                        "non è un JSON valido"),
                caso("dati rifiutati dal delegate durante il completamento", t -> t.post("/engine-rest/task/" + t.attivitaInCarico()
                        + "/complete", MALNATE, "{\"variables\":{\"esito\":{\"value\":\"NESSUN_ALLOGGIO\"}}}"), 400,
                        Formato.JSON_CAMUNDA, "non può dichiarare di non possederne"),
                caso("valore fuori dai valori previsti dal delegate", t -> t.post("/engine-rest/task/" + t.attivitaInCarico()
                        + "/complete", MALNATE, "{\"variables\":{\"esito\":{\"value\":\"FORSE\"}}}"), 400,
                        Formato.JSON_CAMUNDA, "valore non ammesso"),
                caso("valore di variabile non valido", t -> t.post("/engine-rest/task/inesistente/complete", MALNATE,
                        "{\"variables\":{\"n\":{\"value\":\"abc\",\"type\":\"Integer\"}}}"), 400, Formato.JSON_CAMUNDA,
                        "«abc» non è un valore di tipo Integer"),
                caso("tipo di variabile non supportato", t -> t.post("/engine-rest/task/inesistente/complete", MALNATE,
                        "{\"variables\":{\"n\":{\"value\":\"abc\",\"type\":\"Qualcosa\"}}}"), 400, Formato.JSON_CAMUNDA,
                        "Tipo di variabile non supportato"),
                caso("autorizzazione mancante", t -> t.post("/engine-rest/task/" + t.attivitaInCarico() + "/claim", CAPOFILA,
                        "{\"userId\":\"capofila\"}"), 403, Formato.JSON_CAMUNDA, "autorizzazione per prendere in carico"),
                caso("percorso sconosciuto di engine-rest", t -> t.basic("/engine-rest/nonesiste", SUPERVISORE).GET().build(), 404,
                        Formato.JSON_CAMUNDA, "non esiste"),
                caso("motore inesistente", t -> t.basic("/engine-rest/engine/nessuno/task", SUPERVISORE).GET().build(), 404,
                        Formato.JSON_CAMUNDA, "motore dei processi «nessuno»"),
                caso("parametro di query non valido", t -> t.basic("/engine-rest/task?maxResults=tanti", SUPERVISORE).GET().build(),
                        400, Formato.JSON_CAMUNDA, "«maxResults»"),
                caso("415 su engine-rest", t -> t.basic("/engine-rest/task", SUPERVISORE).header("Content-Type", "text/plain")
                        .POST(HttpRequest.BodyPublishers.ofString("x")).build(), 415, Formato.JSON_CAMUNDA, "non è supportato"),
                // the webapps' own API, with a session, as Tasklist calls it
                caso("presa in carico già presa, da Tasklist", t -> t.sessione(ADMIN).post(
                        "/camunda/api/engine/engine/default/task/" + t.attivitaInCarico() + "/claim", "{\"userId\":\"admin\"}"),
                        409, Formato.JSON_CAMUNDA, "già in carico a malnate"),
                caso("completamento di un'attività inesistente, da Tasklist", t -> t.sessione(MALNATE).post(
                        "/camunda/api/engine/engine/default/task/inesistente/submit-form", "{\"variables\":{}}"),
                        404, Formato.JSON_CAMUNDA, "non esiste"),
                caso("JSON malformato, da Tasklist", t -> t.sessione(MALNATE).post(
                        "/camunda/api/engine/engine/default/task/inesistente/submit-form", "{\"variables\":"),
                        400, Formato.JSON_CAMUNDA, "non è un JSON valido"),
                caso("dati rifiutati dal delegate, da Tasklist", t -> t.sessione(MALNATE).post(
                        "/camunda/api/engine/engine/default/task/" + t.attivitaInCarico() + "/submit-form",
                        "{\"variables\":{\"esito\":{\"value\":\"NESSUN_ALLOGGIO\"}}}"),
                        400, Formato.JSON_CAMUNDA, "non può dichiarare di non possederne"),
                caso("token XSRF mancante, da Tasklist", t -> t.sessione(MALNATE).postSenzaToken(
                        "/camunda/api/engine/engine/default/task/inesistente/claim", "{\"userId\":\"malnate\"}"),
                        403, Formato.JSON_CAMUNDA, "token di sicurezza"),
                caso("login con password nelle webapp, chiuso", t -> t.sessione(CAPOFILA).loginDelleWebapp(CAPOFILA, "cockpit"), 403,
                        Formato.JSON_CAMUNDA, "non ha i permessi"),
                caso("API di Tasklist senza sessione", t -> t.senzaCredenziali("/camunda/api/engine/engine/default/task").GET().build(),
                        401, Formato.JSON_CAMUNDA, "accedi"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("casi")
    void ogniErroreEInItalianoNelFormatoDelProgetto(String descrizione, Richiesta richiesta, int status, Formato formato,
                                                    String frammento) {
        ClientHttp.Risposta risposta = http.invia(richiesta.per(this));

        assertThat(risposta.status()).as(descrizione + ": " + risposta.body()).isEqualTo(status);
        assertThat(risposta.body()).as("nessun nome di classe né stack trace").doesNotContainPattern(CLASSE);
        assertThat(risposta.body()).as("nessun SQL").doesNotContainPattern(SQL);
        String tipo = risposta.raw().headers().firstValue("Content-Type").orElse("");
        Pattern atteso = Pattern.compile(frammento);
        if (formato == Formato.HTML) {
            assertThat(tipo).startsWith("text/html");
            assertThat(risposta.body()).contains("<html lang=\"it\">").containsPattern("<title>[^<]+</title>")
                    .containsPattern("<h1>[^<]+</h1>").contains("href=\"/camunda/app/tasklist/\"");
            assertThat(HtmlUtils.htmlUnescape(risposta.body())).containsPattern(atteso);
            return;
        }
        assertThat(tipo).startsWith("application/problem+json");
        JsonNode json = risposta.json();
        assertThat(json.get("status").asInt()).isEqualTo(status);
        assertThat(json.get("title").asText()).isNotBlank().doesNotContainPattern(INGLESE);
        assertThat(json.get("detail").asText()).containsPattern(atteso).doesNotContainPattern(INGLESE);
        if (formato == Formato.JSON_CAMUNDA) {
            // Tasklist shows data.message; a type it would read as Camunda's AuthorizationException is never there
            assertThat(json.get("message").asText()).isEqualTo(json.get("detail").asText());
            assertThat(json.get("type").asText()).isEqualTo("about:blank");
        }
    }

    /** Twenty candidates claim the same task at once through /engine-rest: one gets it, the others a 409 in Italian. */
    @Test
    void ventiPreseInCaricoSimultaneeUnaVinceLeAltreHanno409() throws Exception {
        String gruppo = "ente-" + CF_COMUNE_MALNATE + "-avviso";
        String taskId = attivitaDiMalnate(ANNO_CONCORRENZA);
        List<String> candidati = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            String id = "prova.presa." + i;
            if (identityService.createUserQuery().userId(id).count() == 0) {
                User utente = identityService.newUser(id);
                utente.setFirstName("Prova");
                utente.setLastName("Presa " + i);
                utente.setPassword(PASSWORD);
                identityService.saveUser(utente);
                identityService.createMembership(id, gruppo);
            }
            candidati.add(id);
        }
        ExecutorService thread = Executors.newFixedThreadPool(candidati.size());
        try {
            HttpClient client = HttpClient.newHttpClient();
            CountDownLatch via = new CountDownLatch(1);
            List<CompletableFuture<HttpResponse<String>>> risposte = new ArrayList<>();
            for (String candidato : candidati) {
                HttpRequest claim = http.richiesta("/engine-rest/task/" + taskId + "/claim", null)
                        .header("Authorization", basic(candidato)).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"userId\":\"" + candidato + "\"}")).build();
                risposte.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        via.await();
                        return client.send(claim, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }, thread));
            }
            via.countDown();
            List<HttpResponse<String>> tutte = risposte.stream().map(CompletableFuture::join).toList();

            assertThat(tutte).filteredOn(r -> r.statusCode() == 204).hasSize(1);
            assertThat(tutte).filteredOn(r -> r.statusCode() != 204).hasSize(19).allSatisfy(r -> {
                assertThat(r.statusCode()).as(r.body()).isEqualTo(409);
                assertThat(r.body()).containsPattern("già in carico a prova\\.presa\\.\\d+|nello stesso momento")
                        .doesNotContainPattern(CLASSE);
            });
            String vincitore = taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee();
            assertThat(candidati).contains(vincitore);
        } finally {
            thread.shutdown();
            candidati.forEach(identityService::deleteUser);
        }
    }

    // ---- scenario: tasks and instances of the Comune di Malnate's certification, years used only here

    synchronized String attivitaInCarico() {
        if (attivitaInCarico == null) {
            attivitaInCarico = attivitaDiMalnate(ANNO_IN_CARICO);
            taskService.claim(attivitaInCarico, MALNATE);
        }
        return attivitaInCarico;
    }

    synchronized String istanzaTerminata() {
        if (istanzaTerminata == null) {
            String taskId = attivitaDiMalnate(ANNO_TERMINATA);
            istanzaTerminata = taskService.createTaskQuery().taskId(taskId).singleResult().getProcessInstanceId();
            taskService.claim(taskId, MALNATE);
            taskService.complete(taskId, Map.of("esito", "DATI_AGGIORNATI"));
            assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(istanzaTerminata).count()).isZero();
            assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(istanzaTerminata).singleResult()
                    .getEndTime()).isNotNull();
        }
        return istanzaTerminata;
    }

    private String attivitaDiMalnate(int anno) {
        String businessKey = CertificazioneAnagrafeBpmn.businessKey(CF_COMUNE_MALNATE, anno);
        if (runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).count() == 0) {
            long malnate = enti.findByCodiceFiscale(CodiceFiscale.of(CF_COMUNE_MALNATE)).orElseThrow().getId();
            assertThat(http.post("/api/enti/" + malnate + "/certificazioni", MALNATE, "{\"anno\":" + anno + "}").status())
                    .isEqualTo(201);
        }
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(businessKey).singleResult();
        return task.getId();
    }

    // ---- requests

    private static Arguments caso(String descrizione, Richiesta richiesta, int status, Formato formato, String frammento) {
        return Arguments.of(descrizione, richiesta, status, formato, frammento);
    }

    HttpRequest.Builder basic(String path, String utente) {
        return http.richiesta(path, utente);
    }

    HttpRequest.Builder senzaCredenziali(String path) {
        return http.richiesta(path, null);
    }

    HttpRequest.Builder browser(String path) {
        return HttpRequest.newBuilder(http.uri(path)).header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
    }

    HttpRequest post(String path, String utente, String json) {
        return http.richiesta(path, utente).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    private static String basic(String utente) {
        return "Basic " + Base64.getEncoder().encodeToString((utente + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    synchronized Sessione sessione(String utente) {
        return sessioni.computeIfAbsent(utente, u -> new Sessione(http, u));
    }

    /**
     * Logged in to the webapps as a person is, through Camunda's own login: the session cookie, and the XSRF token the
     * webapps hand out after login, sent back in {@code X-XSRF-TOKEN} on modifying calls (as Tasklist does).
     */
    static final class Sessione {
        private final ClientHttp http;
        private final Map<String, String> cookie = new LinkedHashMap<>();

        Sessione(ClientHttp http, String utente) {
            this.http = http;
            // the platform's login through the identity provider (issue 14), which the webapps share
            java.net.CookieManager biscotti = new java.net.CookieManager(null, java.net.CookiePolicy.ACCEPT_ALL);
            java.net.http.HttpClient browser = java.net.http.HttpClient.newBuilder().cookieHandler(biscotti)
                    .followRedirects(java.net.http.HttpClient.Redirect.NEVER).build();
            java.net.http.HttpResponse<String> tasklist = it.piattaformacasa.AccessoOidc.accedi(browser,
                    http.uri("/camunda/app/tasklist/default/"), utente, PASSWORD);
            assertThat(tasklist.statusCode()).as("login di " + utente).isEqualTo(200);
            biscotti.getCookieStore().getCookies().forEach(c -> cookie.put(c.getName(), c.getValue()));
            // the session changed at login: its token comes with the next call
            ricorda(http.invia(HttpRequest.newBuilder(http.uri("/camunda/api/engine/engine/default/task/count"))
                    .header("Cookie", cookie()).header("Accept", "application/json").GET().build()));
        }

        private Sessione(ClientHttp http) {
            this.http = http;
        }

        /** The webapps' own login form as its page posts it: closed, the login is the platform's (issue 14). */
        HttpRequest loginDelleWebapp(String utente, String applicazione) {
            String form = "username=" + URLEncoder.encode(utente, StandardCharsets.UTF_8) + "&password=" + PASSWORD;
            return HttpRequest.newBuilder(http.uri("/camunda/api/admin/auth/user/default/login/" + applicazione))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                    .header("Cookie", cookie()).header("X-XSRF-TOKEN", cookie.getOrDefault("XSRF-TOKEN", ""))
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        }

        HttpRequest pagina(String path) {
            return HttpRequest.newBuilder(http.uri(path)).header("Cookie", cookie())
                    .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8").GET().build();
        }

        HttpRequest get(String path) {
            return HttpRequest.newBuilder(http.uri(path)).header("Cookie", cookie()).header("Accept", "application/json").GET().build();
        }

        HttpRequest post(String path, String json) {
            return HttpRequest.newBuilder(http.uri(path)).header("Cookie", cookie())
                    .header("X-XSRF-TOKEN", cookie.getOrDefault("XSRF-TOKEN", "")).header("Accept", "application/json")
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build();
        }

        HttpRequest postSenzaToken(String path, String json) {
            return HttpRequest.newBuilder(http.uri(path)).header("Cookie", cookie()).header("Accept", "application/json")
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build();
        }

        private void ricorda(ClientHttp.Risposta risposta) {
            for (String intestazione : risposta.raw().headers().allValues("Set-Cookie")) {
                String coppia = intestazione.split(";", 2)[0];
                int uguale = coppia.indexOf('=');
                cookie.put(coppia.substring(0, uguale), coppia.substring(uguale + 1));
            }
        }

        private String cookie() {
            return String.join("; ", cookie.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
        }
    }
}
