package it.piattaformacasa.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import it.piattaformacasa.ClientHttp;
import it.piattaformacasa.IntegrationTest;
import it.piattaformacasa.PiattaformaCasaApplication;

/**
 * The example deployment in docs/deploy (issue 17 «Shipping it») against the platform it deploys: the image Jib
 * builds (pom.xml), two nodes with distinct names on one database, only settings the application reads, the probe
 * paths this running application answers, and a load balancer that sends to both nodes and checks readiness.
 * The files are read from the working copy (the test runs from the repository root, as Maven runs it).
 */
@IntegrationTest
class DistribuzioneTest {

    private static final Path DEPLOY = Path.of("docs/deploy");
    /** {@code ${NAME:-default}} / {@code ${NAME:?message}} / {@code ${NAME}} of Compose's interpolation. */
    private static final Pattern VARIABILE_COMPOSE = Pattern.compile("\\$\\{([A-Z0-9_]+)(?::?-([^}]*)|:?\\?[^}]*)?}");
    /** {@code "${NAME-default}"} of HAProxy's configuration. */
    private static final Pattern VARIABILE_HAPROXY = Pattern.compile("\"\\$\\{([A-Z0-9_]+)(?:-([^}]*))?}\"");

    private static Immagine immagine;
    private static Set<String> impostazioni;

    @LocalServerPort
    int port;
    ClientHttp http;

    /** What pom.xml configures for Jib (the properties resolved). */
    record Immagine(String nome, String base, String utente, List<String> porte, Map<String, String> ambiente,
                    String classePrincipale, boolean legataAUnaFase) {
        String repository(String riferimento) {
            int dueP = riferimento.lastIndexOf(':');
            return dueP > riferimento.lastIndexOf('/') ? riferimento.substring(0, dueP) : riferimento;
        }
    }

    @BeforeAll
    static void leggiPomEImpostazioni() throws Exception {
        immagine = jib(Path.of("pom.xml"));
        impostazioni = impostazioniLette();
    }

    @BeforeEach
    void client() {
        http = new ClientHttp(port);
    }

    @Test
    void lImmagineDiJibNonGiraNellaBuildNormaleEDescriveUnNodo() {
        assertThat(immagine.nome()).isEqualTo("piattaforma-casa");
        assertThat(immagine.base()).startsWith("eclipse-temurin:17").contains("jre");
        assertThat(immagine.utente()).isNotBlank().doesNotStartWith("0").isNotEqualTo("root");
        assertThat(immagine.classePrincipale()).isEqualTo(PiattaformaCasaApplication.class.getName());
        assertThat(immagine.porte()).containsExactly(immagine.ambiente().get("PORT"));
        assertThat(immagine.legataAUnaFase()).as("jib bound to a phase of the normal build").isFalse();
        assertThat(immagine.ambiente().keySet()).allSatisfy(this::impostazioneLetta);
    }

    @Test
    void composeDueNodiSulloStessoDatabaseDietroIlBilanciatore() throws IOException {
        Map<String, Object> compose = yaml(DEPLOY.resolve("compose.yaml")).get(0);
        Map<String, Map<String, Object>> servizi = mappa(compose.get("services"));

        Map<String, Map<String, String>> nodi = new LinkedHashMap<>();
        servizi.forEach((nome, servizio) -> {
            String riferimento = predefinito(String.valueOf(servizio.get("image")));
            if (immagine.repository(riferimento).equals(immagine.nome())) {
                nodi.put(nome, stringhe(servizio.get("environment")));
            }
        });
        assertThat(nodi).as("services from the Jib image " + immagine.nome()).hasSize(2);
        verificaNodi(nodi);

        // the database URL names a PostgreSQL service of the same file
        String url = nodi.values().iterator().next().get("SPRING_DATASOURCE_URL");
        Matcher host = Pattern.compile("^jdbc:postgresql://([^:/]+)(?::(\\d+))?/\\w+").matcher(url);
        assertThat(host.find()).as(url).isTrue();
        assertThat(servizi).containsKey(host.group(1));
        assertThat(String.valueOf(servizi.get(host.group(1)).get("image"))).startsWith("postgres:");
        Map<String, String> db = stringhe(servizi.get(host.group(1)).get("environment"));
        assertThat(url).endsWith("/" + db.get("POSTGRES_DB"));
        assertThat(nodi.values()).allSatisfy(a -> assertThat(a.get("SPRING_DATASOURCE_USERNAME")).isEqualTo(db.get("POSTGRES_USER")));

        // the load balancer runs docs/deploy/haproxy.cfg with its two servers pointing at the two nodes' port
        Map.Entry<String, Map<String, Object>> bilanciatore = servizi.entrySet().stream()
                .filter(s -> String.valueOf(s.getValue().get("image")).startsWith("haproxy:")).findFirst().orElseThrow();
        assertThat(String.valueOf(bilanciatore.getValue().get("volumes"))).contains("./haproxy.cfg:");
        Map<String, String> ambienteHaproxy = stringhe(bilanciatore.getValue().get("environment"));
        Set<String> destinazioni = serverDiHaproxy().stream()
                .map(s -> ambienteHaproxy.getOrDefault(s.variabile(), s.predefinito())).collect(Collectors.toSet());
        assertThat(destinazioni).containsExactlyInAnyOrderElementsOf(
                nodi.keySet().stream().map(n -> n + ":" + immagine.ambiente().get("PORT")).toList());
        assertThat(String.valueOf(bilanciatore.getValue().get("ports"))).contains(":" + portaDiAscolto(ambienteHaproxy));
    }

    @Test
    void haproxyControllaLaProntezzaEDistribuisceSenzaAffinita() throws IOException {
        String cfg = Files.readString(DEPLOY.resolve("haproxy.cfg"));
        assertThat(cfg).containsPattern("(?m)^\\s*balance roundrobin\\s*$").containsPattern("(?m)^\\s*option httpchk\\s*$")
                .containsPattern("(?m)^\\s*http-check expect status 200\\s*$")
                .doesNotContainPattern("(?m)^\\s*(cookie|stick|stick-table|hash-type)\\b");
        assertThat(serverDiHaproxy()).hasSize(2);
        assertThat(cfg).containsPattern("(?m)^\\s*default-server .*\\bcheck\\b");
        Matcher uri = Pattern.compile("(?m)^\\s*http-check send .*\\buri (\\S+)").matcher(cfg);
        assertThat(uri.find()).isTrue();
        assertThat(uri.group(1)).isEqualTo("/actuator/health/readiness");
        sondaRisponde(uri.group(1));
        // the manual run's defaults are the script's nodes
        String script = Files.readString(DEPLOY.resolve("due-nodi.sh"));
        for (Server s : serverDiHaproxy()) {
            String porta = s.predefinito().substring(s.predefinito().lastIndexOf(':') + 1);
            assertThat(script).contains("_PORTA:-" + porta + "}");
        }
    }

    @Test
    void kubernetesDueRepliche() throws IOException {
        List<Map<String, Object>> documenti = new ArrayList<>();
        try (var file = Files.list(DEPLOY.resolve("kubernetes"))) {
            for (Path p : file.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                documenti.addAll(yaml(p));
            }
        }
        Map<String, Map<String, Object>> segreti = new HashMap<>();
        documenti.stream().filter(d -> "Secret".equals(d.get("kind")))
                .forEach(d -> segreti.put(String.valueOf(mappa(d.get("metadata")).get("name")), mappa(d.get("stringData"))));

        Map<String, Object> deployment = documenti.stream().filter(d -> "Deployment".equals(d.get("kind")))
                .filter(d -> contenitori(d).stream().anyMatch(c -> immagine.repository(String.valueOf(c.get("image"))).endsWith(immagine.nome())))
                .findFirst().orElseThrow();
        Map<String, Object> spec = mappa(deployment.get("spec"));
        assertThat(spec.get("replicas")).isEqualTo(2);
        Map<String, Object> contenitore = contenitori(deployment).get(0);

        Map<String, Object> ambiente = new LinkedHashMap<>();
        for (Object voce : (List<?>) contenitore.get("env")) {
            Map<String, Object> v = mappa(voce);
            ambiente.put(String.valueOf(v.get("name")), v.containsKey("value") ? v.get("value") : v.get("valueFrom"));
        }
        assertThat(ambiente.keySet()).allSatisfy(this::impostazioneLetta)
                .contains("SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD");
        // one name per pod: the pod's own, through the downward API
        assertThat(String.valueOf(ambiente.get("PIATTAFORMA_NODO"))).contains("fieldPath=metadata.name");
        // every secret a variable reads is declared, with that key
        ambiente.values().stream().filter(Map.class::isInstance).map(v -> mappa(v).get("secretKeyRef")).filter(Map.class::isInstance)
                .map(DistribuzioneTest::mappa).forEach(rif -> assertThat(segreti.get(String.valueOf(rif.get("name"))))
                        .as("Secret " + rif.get("name")).containsKey(String.valueOf(rif.get("key"))));

        String porta = String.valueOf(mappa(((List<?>) contenitore.get("ports")).get(0)).get("containerPort"));
        assertThat(porta).isEqualTo(immagine.ambiente().get("PORT"));
        assertThat(percorso(contenitore, "livenessProbe")).isEqualTo("/actuator/health/liveness");
        assertThat(percorso(contenitore, "readinessProbe")).isEqualTo("/actuator/health/readiness");
        for (String sonda : new String[] {"livenessProbe", "readinessProbe", "startupProbe"}) {
            sondaRisponde(percorso(contenitore, sonda));
        }
        Map<String, Object> sicurezza = mappa(mappa(mappa(spec.get("template")).get("spec")).get("securityContext"));
        assertThat(sicurezza.get("runAsNonRoot")).isEqualTo(true);
        assertThat(String.valueOf(sicurezza.get("runAsUser"))).isEqualTo(immagine.utente().split(":")[0]);

        // the Service reaches these pods, without affinity
        Map<String, Object> etichette = mappa(mappa(mappa(spec.get("template")).get("metadata")).get("labels"));
        Map<String, Object> servizio = documenti.stream().filter(d -> "Service".equals(d.get("kind")))
                .filter(d -> etichette.entrySet().containsAll(mappa(mappa(d.get("spec")).get("selector")).entrySet()))
                .findFirst().orElseThrow();
        assertThat(mappa(servizio.get("spec")).get("sessionAffinity")).isIn(null, "None");
    }

    // --- the nodes

    private void verificaNodi(Map<String, Map<String, String>> nodi) {
        nodi.forEach((nome, ambiente) -> {
            assertThat(ambiente.keySet()).as(nome).allSatisfy(this::impostazioneLetta)
                    .contains("SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD", "PIATTAFORMA_NODO");
            assertThat(ambiente.get("PIATTAFORMA_NODO")).as(nome).isNotBlank();
        });
        assertThat(nodi.values().stream().map(a -> a.get("PIATTAFORMA_NODO")).distinct()).as("PIATTAFORMA_NODO").hasSize(nodi.size());
        assertThat(nodi.values().stream().map(a -> a.get("SPRING_DATASOURCE_URL")).distinct()).as("one database").hasSize(1);
    }

    private void impostazioneLetta(String variabile) {
        assertThat(impostazioni.contains(variabile))
                .as("%s: a setting the platform reads (application.yaml or Spring Boot's metadata)", variabile).isTrue();
    }

    private void sondaRisponde(String percorso) {
        ClientHttp.Risposta risposta = http.get(percorso);
        assertThat(risposta.status()).as(percorso).isEqualTo(200);
        assertThat(risposta.json().get("status").asText()).as(percorso).isEqualTo("UP");
    }

    // --- the settings the application reads, as environment variables

    /**
     * The placeholders of application.yaml ({@code ${PIATTAFORMA_NODO:}}) and every property Spring Boot and the
     * libraries describe in their metadata, in both environment forms Spring's binding accepts
     * ({@code SPRING_MAIL_HOST}, {@code SERVER_FORWARDHEADERSSTRATEGY} / {@code SERVER_FORWARD_HEADERS_STRATEGY}).
     */
    private static Set<String> impostazioniLette() throws IOException {
        Set<String> nomi = new HashSet<>();
        Matcher m = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]")
                .matcher(Files.readString(Path.of("src/main/resources/application.yaml")));
        while (m.find()) {
            nomi.add(m.group(1));
        }
        ObjectMapper json = new ObjectMapper();
        for (URL url : Collections.list(DistribuzioneTest.class.getClassLoader().getResources("META-INF/spring-configuration-metadata.json"))) {
            try (InputStream in = url.openStream()) {
                for (JsonNode proprieta : json.readTree(in).path("properties")) {
                    String nome = proprieta.get("name").asText().toUpperCase(Locale.ROOT).replace('.', '_');
                    nomi.add(nome.replace("-", ""));
                    nomi.add(nome.replace('-', '_'));
                }
            }
        }
        assertThat(nomi).as("Spring Boot's metadata on the classpath").contains("SPRING_DATASOURCE_URL", "SPRING_MAIL_HOST");
        return nomi;
    }

    // --- pom.xml

    private static Immagine jib(Path pom) throws Exception {
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
        Element progetto = doc.getDocumentElement();
        Map<String, String> proprieta = new HashMap<>();
        proprieta.put("project.version", testo(figlio(progetto, "version")));
        proprieta.put("project.name", testo(figlio(progetto, "name")));
        for (Element p : figli(figlio(progetto, "properties"))) {
            proprieta.put(p.getTagName(), p.getTextContent().trim());
        }
        Element build = figlio(progetto, "build");
        Element plugin = figli(figlio(figlio(build, "pluginManagement"), "plugins")).stream()
                .filter(p -> "jib-maven-plugin".equals(testo(figlio(p, "artifactId")))).findFirst().orElseThrow();
        Element configurazione = figlio(plugin, "configuration");
        Element contenitore = figlio(configurazione, "container");
        Map<String, String> ambiente = new LinkedHashMap<>();
        for (Element e : figli(figlio(contenitore, "environment"))) {
            ambiente.put(e.getTagName(), risolvi(e.getTextContent().trim(), proprieta));
        }
        // run by the normal build: executions, or a declaration outside pluginManagement (build/plugins, a profile)
        boolean legato = false;
        NodeList dichiarazioni = doc.getElementsByTagName("plugin");
        for (int i = 0; i < dichiarazioni.getLength(); i++) {
            Element p = (Element) dichiarazioni.item(i);
            if ("jib-maven-plugin".equals(testo(figlio(p, "artifactId")))) {
                legato |= figlio(p, "executions") != null || !"pluginManagement".equals(((Element) p.getParentNode().getParentNode()).getTagName());
            }
        }
        return new Immagine(
                risolvi(testo(figlio(figlio(configurazione, "to"), "image")), proprieta),
                risolvi(testo(figlio(figlio(configurazione, "from"), "image")), proprieta),
                testo(figlio(contenitore, "user")),
                figli(figlio(contenitore, "ports")).stream().map(p -> p.getTextContent().trim()).toList(),
                ambiente,
                testo(figlio(contenitore, "mainClass")),
                legato);
    }

    private static String risolvi(String valore, Map<String, String> proprieta) {
        Matcher m = Pattern.compile("\\$\\{([^}]+)}").matcher(valore);
        StringBuilder risultato = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(risultato, Matcher.quoteReplacement(proprieta.getOrDefault(m.group(1), m.group())));
        }
        return m.appendTail(risultato).toString();
    }

    private static Element figlio(Element padre, String nome) {
        if (padre == null) {
            return null;
        }
        return figli(padre).stream().filter(e -> e.getTagName().equals(nome)).findFirst().orElse(null);
    }

    private static List<Element> figli(Element padre) {
        List<Element> elementi = new ArrayList<>();
        NodeList nodi = padre.getChildNodes();
        for (int i = 0; i < nodi.getLength(); i++) {
            if (nodi.item(i).getNodeType() == Node.ELEMENT_NODE) {
                elementi.add((Element) nodi.item(i));
            }
        }
        return elementi;
    }

    private static String testo(Element e) {
        return e == null ? "" : e.getTextContent().trim();
    }

    // --- HAProxy

    record Server(String nome, String variabile, String predefinito) {
    }

    private static List<Server> serverDiHaproxy() throws IOException {
        List<Server> server = new ArrayList<>();
        String backend = null;
        for (String riga : Files.readAllLines(DEPLOY.resolve("haproxy.cfg"))) {
            String r = riga.strip();
            if (!riga.isEmpty() && !Character.isWhitespace(riga.charAt(0))) {
                backend = r.startsWith("backend ") ? r : null;
            } else if (backend != null && r.startsWith("server ")) {
                Matcher v = VARIABILE_HAPROXY.matcher(r);
                assertThat(v.find()).as(r).isTrue();
                server.add(new Server(r.split("\\s+")[1], v.group(1), v.group(2)));
            }
        }
        return server;
    }

    private static String portaDiAscolto(Map<String, String> ambiente) throws IOException {
        Matcher bind = Pattern.compile("(?m)^frontend piattaforma\\s*\\n\\s*bind \"\\$\\{([A-Z_]+)-([^}]*)}\"")
                .matcher(Files.readString(DEPLOY.resolve("haproxy.cfg")));
        assertThat(bind.find()).isTrue();
        String indirizzo = ambiente.getOrDefault(bind.group(1), bind.group(2));
        return indirizzo.substring(indirizzo.lastIndexOf(':') + 1);
    }

    // --- YAML

    private static List<Map<String, Object>> yaml(Path file) throws IOException {
        List<Map<String, Object>> documenti = new ArrayList<>();
        for (Object d : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(Files.readString(file))) {
            if (d != null) {
                documenti.add(mappa(d));
            }
        }
        return documenti;
    }

    @SuppressWarnings("unchecked")
    private static <V> Map<String, V> mappa(Object o) {
        assertThat(o).isInstanceOf(Map.class);
        return (Map<String, V>) o;
    }

    /** Compose's environment as strings, its {@code ${VAR:-default}} replaced by the default. */
    private static Map<String, String> stringhe(Object ambiente) {
        Map<String, String> risultato = new LinkedHashMap<>();
        mappa(ambiente).forEach((k, v) -> risultato.put(k, predefinito(String.valueOf(v))));
        return risultato;
    }

    private static String predefinito(String valore) {
        Matcher m = VARIABILE_COMPOSE.matcher(valore);
        StringBuilder risultato = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(risultato, Matcher.quoteReplacement(m.group(2) == null ? "<" + m.group(1) + ">" : m.group(2)));
        }
        return m.appendTail(risultato).toString();
    }

    private static List<Map<String, Object>> contenitori(Map<String, Object> deployment) {
        Map<String, Object> pod = mappa(mappa(mappa(deployment.get("spec")).get("template")).get("spec"));
        return ((List<?>) pod.get("containers")).stream().map(DistribuzioneTest::<Object>mappa).toList();
    }

    private static String percorso(Map<String, Object> contenitore, String sonda) {
        return String.valueOf(mappa(mappa(contenitore.get(sonda)).get("httpGet")).get("path"));
    }
}
