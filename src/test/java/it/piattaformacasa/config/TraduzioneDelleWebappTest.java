package it.piattaformacasa.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Our Italian translation of the webapps ({@code app/<webapp>/locales/it.json}, next to Camunda's {@code en.json} in
 * camunda-webapp-webjar) against the English files of the Camunda version on the classpath: every key translated,
 * with the same placeholders and the same HTML, and nothing left in English. A Camunda upgrade that adds or changes a
 * text fails here, naming the key.
 */
class TraduzioneDelleWebappTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SEGNAPOSTO = Pattern.compile("\\{\\{\\s*([^}]*?)\\s*}}|\\{}|%[sd]");
    private static final Pattern HTML = Pattern.compile("</?(a|b|br|code|em|i|p|span|strong)\\b[^>]*>");
    /**
     * Texts that read the same in Italian: names of products (Camunda and its webapps), words Italian offices use as
     * they are (password, email, file, report, account, tenant), abbreviations, symbols.
     */
    private static final Set<String> UGUALI_IN_ITALIANO = Set.of("", "Admin", "Cockpit", "Tasklist", "Camunda",
            "Camunda Cockpit", "Optimize", "Password", "Password*:", "Email", "File", "Report", "Account", "Tenant",
            "Tenant: ID", "ID", "ID*", "OK", " OK", "CSV", "JSON", "null", "<null>", "<", "<=", ">", ">=");

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void ogniTestoIngleseHaLaSuaTraduzioneItaliana(String webapp) throws IOException {
        JsonNode inglese = leggi("META-INF/resources/webjars/camunda/app/" + webapp + "/locales/en.json");
        JsonNode italiano = leggi("META-INF/resources/webjars/camunda/app/" + webapp + "/locales/it.json");
        JsonNode etichette = inglese.path("labels");
        assertThat(etichette.size()).as("Camunda's English labels of " + webapp).isGreaterThan(100);

        Map<String, String> difetti = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> voci = etichette.fields(); voci.hasNext(); ) {
            Map.Entry<String, JsonNode> voce = voci.next();
            String chiave = voce.getKey();
            String en = voce.getValue().asText();
            JsonNode tradotta = italiano.path("labels").get(chiave);
            if (tradotta == null || !tradotta.isTextual()) {
                difetti.put(chiave, "manca");
                continue;
            }
            String it = tradotta.asText();
            if (it.isBlank() && !en.isBlank()) {
                difetti.put(chiave, "vuota");
            } else if (!trovati(SEGNAPOSTO, en, 0).equals(trovati(SEGNAPOSTO, it, 0))) {
                difetti.put(chiave, "segnaposto " + trovati(SEGNAPOSTO, en, 0) + " diventati " + trovati(SEGNAPOSTO, it, 0));
            } else if (!trovati(HTML, en, 0).equals(trovati(HTML, it, 0))) {
                difetti.put(chiave, "HTML " + trovati(HTML, en, 0) + " diventato " + trovati(HTML, it, 0));
            } else if (it.equals(en) && !UGUALI_IN_ITALIANO.contains(en)) {
                difetti.put(chiave, "ancora in inglese: " + en);
            }
        }
        assertThat(difetti).as(webapp + "/locales/it.json").isEmpty();
    }

    /** Moment.js reads month and day names, relative times and date formats from the same file. */
    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin"})
    void dateInItaliano(String webapp) throws IOException {
        JsonNode inglese = leggi("META-INF/resources/webjars/camunda/app/" + webapp + "/locales/en.json").path("dateLocales");
        JsonNode italiano = leggi("META-INF/resources/webjars/camunda/app/" + webapp + "/locales/it.json").path("dateLocales");
        assertThat(struttura(italiano, "")).isEqualTo(struttura(inglese, ""));
        assertThat(italiano.path("months").get(0).asText()).isEqualTo("gennaio");
        assertThat(italiano.path("weekdays").get(1).asText()).isEqualTo("lunedì");
        assertThat(italiano.path("longDateFormat").path("L").asText()).isEqualTo("DD/MM/YYYY");
        assertThat(italiano.path("relativeTime").path("past").asText()).isEqualTo("%s fa");
    }

    /** Italian first, English still there for a browser that asks for it (Camunda's «Localization» settings). */
    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void italianoDiRipiegoEIngleseDisponibile(String webapp) throws IOException {
        String config = testo("META-INF/resources/webjars/camunda/app/" + webapp + "/scripts/config.js");
        assertThat(config).containsPattern("availableLocales:\\s*\\['it',\\s*'en'\\]")
                .containsPattern("fallbackLocale:\\s*'it'")
                .containsPattern("disableWelcomeMessage:\\s*true");
    }

    private static List<String> trovati(Pattern pattern, String testo, int gruppo) {
        List<String> trovati = new ArrayList<>();
        Matcher matcher = pattern.matcher(testo);
        while (matcher.find()) {
            trovati.add(matcher.group(gruppo).replaceAll("\\s+", ""));
        }
        trovati.sort(null);
        return trovati;
    }

    private static List<String> struttura(JsonNode nodo, String percorso) {
        List<String> struttura = new ArrayList<>();
        if (nodo.isObject()) {
            nodo.fields().forEachRemaining(f -> struttura.addAll(struttura(f.getValue(), percorso + "." + f.getKey())));
        } else if (nodo.isArray()) {
            struttura.add(percorso + "[" + nodo.size() + "]");
        } else {
            struttura.add(percorso + (nodo.isNumber() ? "=" + nodo.asText() : ""));
        }
        struttura.sort(null);
        return struttura;
    }

    private static JsonNode leggi(String risorsa) throws IOException {
        return JSON.readTree(testo(risorsa));
    }

    /** Camunda's files start with a byte order mark. */
    private static String testo(String risorsa) throws IOException {
        try (InputStream in = TraduzioneDelleWebappTest.class.getClassLoader().getResourceAsStream(risorsa)) {
            assertThat(in).as(risorsa).isNotNull();
            String testo = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return testo.startsWith("\uFEFF") ? testo.substring(1) : testo;
        }
    }
}
