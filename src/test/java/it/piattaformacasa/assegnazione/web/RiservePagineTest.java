package it.piattaformacasa.assegnazione.web;

import static it.piattaformacasa.DemoUtenti.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.util.HtmlUtils;

import com.fasterxml.jackson.databind.JsonNode;

import it.piattaformacasa.ClientHttp;
import it.piattaformacasa.IntegrationTest;
import it.piattaformacasa.SessioneConsole;

/**
 * «Riserve dell'anno» over HTTP: the form sets what the API reads back, with each quota's rounding as REGULATION.md
 * states it; the refusals (400 beside each field, 403, 404) write nothing and never answer 5xx; the downloads of the
 * «Stato delle assegnazioni (articolo 14)»; who sees which ente's reserves and who gets the form.
 */
@IntegrationTest
class RiservePagineTest {

    private static final String VARESE = "012133";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    ClientHttp http;
    long comuneDiVarese;
    long comuneDiMalnate;

    @BeforeEach
    void enti() {
        http = new ClientHttp(port);
        comuneDiVarese = ente(CF_COMUNE_VARESE);
        comuneDiMalnate = ente(CF_COMUNE_MALNATE);
    }

    private long ente(String codiceFiscale) {
        return jdbc.queryForObject("select id from ente_proprietario where codice_fiscale = ?", Long.class, codiceFiscale);
    }

    /** 23 units, the comune's own: 20,5 % → 4,715 → 5 indigenti; 10,5 % → 2,415 → 2; 6,5 % → 1,495 → 2; 4 % → 0,92 → 1. */
    private static List<Map.Entry<String, String>> moduloDiVarese() {
        return List.of(Map.entry("comune", VARESE), Map.entry("alloggiDisponibili", "23"),
                Map.entry("sogliaIndigentiComune", "20,5"), Map.entry("percentualeCategorie", "10,5"),
                Map.entry("categorie", "ANZIANI"), Map.entry("categorie", "FAMIGLIE_NUOVA_FORMAZIONE"),
                Map.entry("percentualeForzePolizia", "6,5"), Map.entry("percentualePoliziaLocale", "4"));
    }

    private static String testo(ClientHttp.Risposta risposta) {
        return HtmlUtils.htmlUnescape(risposta.body());
    }

    @Test
    void ilComuneImpostaLeRiserveDalModuloELeggeGliAlloggiRiservatiCheLApiRestituisce() {
        SessioneConsole capofila = SessioneConsole.di(http, CAPOFILA);

        ClientHttp.Risposta inviato = capofila.post("/riserve/" + comuneDiVarese + "/2041", moduloDiVarese());

        assertThat(inviato.status()).as(inviato.body()).isEqualTo(303);
        assertThat(inviato.raw().headers().firstValue("Location")).hasValueSatisfying(l ->
                assertThat(l).endsWith("/riserve?ente=" + comuneDiVarese + "&anno=2041"));
        String pagina = testo(capofila.get("/riserve?ente=" + comuneDiVarese + "&anno=2041"));
        // REGULATION §4: indigenti rounded up, categories from 0,5 up, police forces rounded up
        assertThat(pagina).contains("Varese, anno 2041: riserve impostate su 23 alloggi disponibili. Alloggi riservati: 5 agli "
                + "indigenti, 2 alle categorie dell'art. 14, 2 a Forze di Polizia, VVF e Forze Armate, 1 alla Polizia Locale.");
        assertThat(pagina).contains("20,5 %", "10,5 %", "6,5 %", "Anziani", "Famiglie di nuova formazione", "al 20,5 %",
                "vale la soglia del comune", ", " + CAPOFILA);
        // the form starts from what is saved for the comune
        assertThat(pagina).contains("value=\"23\"", "value=\"20,5\"", "value=\"10,5\"", "value=\"6,5\"")
                .containsPattern("value=\"ANZIANI\"\s+checked");

        JsonNode api = http.get("/api/enti/" + comuneDiVarese + "/riserve/2041", CAPOFILA).json();
        assertThat(api).hasSize(1);
        JsonNode riserve = api.get(0).get("riserve");
        assertThat(List.of(riserve.get("indigenti").asInt(), riserve.get("categorie").asInt(), riserve.get("forzePolizia").asInt(),
                riserve.get("poliziaLocale").asInt())).containsExactly(5, 2, 2, 1);
        assertThat(api.get(0).get("impostazione").get("sogliaIndigentiComune").decimalValue()).isEqualByComparingTo("20.5");
        assertThat(pagina).containsPattern("(?s)id=\"riserve-012133\".*?riservati-indigenti\">\\s*<span>5</span>")
                .containsPattern("(?s)id=\"riserve-012133\".*?riservati-categorie\">2<")
                .containsPattern("(?s)id=\"riserve-012133\".*?riservati-forze\">2<")
                .containsPattern("(?s)id=\"riserve-012133\".*?riservati-locale\">1<");

        // «Stato delle assegnazioni (articolo 14)»: the category lines in Italian, on the page and in the API
        assertThat(pagina).contains("Stato delle assegnazioni (articolo 14)", "di cui Anziani", "di cui Famiglie di nuova formazione");
        assertThat(http.get("/api/enti/" + comuneDiVarese + "/riserve/2041/stato-assegnazioni", CAPOFILA).json())
                .extracting(r -> r.get("riserva").asText() + " " + r.get("riservati").asInt() + "/" + r.get("assegnati").asInt())
                .containsExactly("Indigenti (art. 13 co. 3) 5/0", "Categorie dell'art. 14 (art. 15 co. 1 ter) 2/0",
                        "  di cui Anziani 2/0", "  di cui Famiglie di nuova formazione 2/0",
                        "Forze di Polizia, VVF, Forze Armate (art. 7 bis) 2/0", "Polizia Locale (art. 7 ter) 1/0");
    }

    @Test
    void unModuloSbagliatoTornaConGliErroriAccantoAiCampiELeRisposteSenzaScrivereNulla() {
        SessioneConsole capofila = SessioneConsole.di(http, CAPOFILA);
        String indirizzo = "/riserve/" + comuneDiVarese + "/2042";

        ClientHttp.Risposta sbagliato = capofila.post(indirizzo, List.of(Map.entry("comune", VARESE),
                Map.entry("alloggiDisponibili", "sette"), Map.entry("percentualeCategorie", "25"),
                Map.entry("percentualeForzePolizia", "1e5")));

        assertThat(sbagliato.status()).isEqualTo(400);
        String pagina = testo(sbagliato);
        assertThat(pagina).contains("Il modulo contiene errori:",
                "Alloggi disponibili nell'anno: scrivere un numero intero, ad esempio 37",
                "Quota per le categorie dell'art. 14: deve essere tra 0 e 20 %",
                "Quota per Forze di Polizia, VVF e Forze Armate: percentuale non valida: scrivere ad esempio 20,5");
        assertThat(pagina).contains("id=\"alloggiDisponibili-errore\"", "aria-describedby=\"alloggiDisponibili-errore\"",
                "value=\"sette\"", "value=\"1e5\"");

        // the service's own checks, every field at once
        ClientHttp.Risposta rifiutato = capofila.post(indirizzo, List.of(Map.entry("comune", VARESE),
                Map.entry("alloggiDisponibili", "-4"), Map.entry("percentualeCategorie", "10"),
                Map.entry("percentualeForzePolizia", "15"), Map.entry("percentualePoliziaLocale", "6")));
        assertThat(rifiutato.status()).isEqualTo(400);
        assertThat(testo(rifiutato)).contains("Alloggi disponibili nell'anno: non può essere negativo",
                "Categorie dell'art. 14 a cui vanno gli alloggi riservati: indicare le categorie dell'art. 14",
                "Quota per la Polizia Locale: con la riserva per le Forze di Polizia non può superare il 20 %");
        assertThat(testo(capofila.post(indirizzo, List.of(Map.entry("comune", VARESE)))))
                .contains("Alloggi disponibili nell'anno: gli alloggi disponibili nell'anno sono obbligatori");
        assertThat(testo(capofila.post(indirizzo, List.of(Map.entry("comune", VARESE), Map.entry("alloggiDisponibili", "10"),
                Map.entry("percentualeCategorie", "5"), Map.entry("categorie", "ASTRONAUTI")))))
                .contains("Categorie dell'art. 14 a cui vanno gli alloggi riservati: categoria sconosciuta");
        assertThat(testo(capofila.post(indirizzo, List.of(Map.entry("comune", VARESE), Map.entry("alloggiDisponibili", "99999999999")))))
                .contains("Alloggi disponibili nell'anno: al massimo 100.000 alloggi");

        ClientHttp.Risposta comuneIgnoto = capofila.post(indirizzo, List.of(Map.entry("comune", "999999"),
                Map.entry("alloggiDisponibili", "10")));
        assertThat(comuneIgnoto.status()).isEqualTo(404);
        assertThat(testo(comuneIgnoto)).contains("Comune: Comune con codice ISTAT 999999 non trovato");

        assertThat(jdbc.queryForObject("select count(*) from piano_riserve where anno = 2042", Integer.class))
                .as("nothing written on refusal").isZero();

        // never a 5xx, whatever is typed in whichever field
        List<String> strani = List.of("", " ", "-", ",", "20,5,5", "9".repeat(400), "1e999999999", "NaN", "12%", "0x10", "٣",
                "20.555", "-0", "<script>");
        List<String> errori = new ArrayList<>();
        for (String valore : strani) {
            for (String campo : List.of("alloggiDisponibili", "sogliaIndigentiComune", "percentualeCategorie", "comune", "categorie")) {
                Map<String, String> campi = new java.util.LinkedHashMap<>(Map.of("comune", VARESE, "alloggiDisponibili", "3"));
                campi.put(campo, valore);
                int stato = capofila.post(indirizzo, List.copyOf(campi.entrySet())).status();
                if (stato >= 500) {
                    errori.add(campo + "=" + valore + ": " + stato);
                }
            }
        }
        assertThat(errori).isEmpty();
    }

    @Test
    void soloLaGestioneAvvisoDellEnteImpostaLeRiserve() {
        String indirizzo = "/riserve/" + comuneDiVarese + "/2046";
        List<Map.Entry<String, String>> modulo = List.of(Map.entry("comune", VARESE), Map.entry("alloggiDisponibili", "10"));

        ClientHttp.Risposta istruttoria = SessioneConsole.di(http, VARESE_ISTRUTTORIA).post(indirizzo, modulo);
        assertThat(istruttoria.status()).as("the ente's operator without gestione avviso").isEqualTo(403);
        assertThat(testo(istruttoria)).contains("Riserve non impostate", "solo gli operatori di Comune di Varese con la gestione avviso");
        // another ente's operator: the ente is not shown to them at all (404, as the API)
        assertThat(SessioneConsole.di(http, ALER_AVVISO).post(indirizzo, modulo).status()).isEqualTo(404);
        assertThat(SessioneConsole.di(http, MALNATE).post(indirizzo, modulo).status()).isEqualTo(404);
        assertThat(SessioneConsole.di(http, SUPERVISORE).post(indirizzo, modulo).status()).as("reads, does not set").isEqualTo(403);
        assertThat(SessioneConsole.di(http, CAPOFILA).post("/riserve/999999999/2046", modulo).status()).isEqualTo(404);
        assertThat(SessioneConsole.di(http, CAPOFILA).post("/riserve/abc/2046", modulo).status()).isEqualTo(404);
        assertThat(jdbc.queryForObject("select count(*) from piano_riserve where anno = 2046", Integer.class)).isZero();
    }

    @Test
    void loStatoDelleAssegnazioniSiScaricaInXlsxEInCsv() throws Exception {
        SessioneConsole capofila = SessioneConsole.di(http, CAPOFILA);
        assertThat(capofila.post("/riserve/" + comuneDiVarese + "/2045", moduloDiVarese()).status()).isEqualTo(303);
        String stato = "/riserve/" + comuneDiVarese + "/2045/stato-assegnazioni";

        HttpResponse<byte[]> xlsx = capofila.scarica(stato + "?formato=xlsx");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d).contains(".xlsx"));
        try (XSSFWorkbook foglio = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet righe = foglio.getSheetAt(0);
            List<String> testi = new ArrayList<>();
            for (Row riga : righe) {
                testi.add(riga.getCell(0).getStringCellValue() + "|" + riga.getCell(1).getStringCellValue());
            }
            assertThat(testi).contains("Comune|Riserva", "Varese|Indigenti (art. 13 co. 3)", "Varese|  di cui Anziani");
        }
        ClientHttp.Risposta csv = capofila.get(stato + "?formato=csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body().lines()).first().isEqualTo("Comune;Riserva;Alloggi riservati;Alloggi assegnati nell'anno");
        assertThat(csv.body().lines()).contains("Varese;Indigenti (art. 13 co. 3);5;0");
        assertThat(capofila.get(stato + "?formato=pdf").status()).isEqualTo(400);
        assertThat(SessioneConsole.di(http, MALNATE).get(stato + "?formato=csv").status()).isEqualTo(404);
        assertThat(SessioneConsole.di(http, SUPERVISORE).get(stato + "?formato=csv").status()).isEqualTo(200);
    }

    @Test
    void ogniOperatoreVedeLeRiserveDelSuoEnteIlSupervisoreTutteSenzaModulo() {
        assertThat(http.invia(http.richiesta("/api/enti/" + comuneDiVarese + "/riserve/2043/" + VARESE, CAPOFILA)
                .header("Content-Type", "application/json").PUT(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"alloggiDisponibili\":7}")).build()).status()).isEqualTo(200);

        String diMalnate = testo(SessioneConsole.di(http, MALNATE).get("/riserve?anno=2043"));
        assertThat(diMalnate).contains("Riserve dell'anno 2043: Comune di Malnate", "Nessuna riserva impostata per il 2043.",
                "Imposta le riserve").doesNotContain("Comune di Varese");
        assertThat(SessioneConsole.di(http, MALNATE).get("/riserve?ente=" + comuneDiVarese + "&anno=2043").status()).isEqualTo(404);

        ClientHttp.Risposta varese = SessioneConsole.di(http, CAPOFILA).get("/riserve?anno=2043");
        assertThat(testo(varese)).contains("Riserve dell'anno 2043: Comune di Varese", "id=\"riserve-012133\"",
                "<option value=\"012133\" selected=\"selected\">Varese</option>", "<option value=\"012096\">Malnate</option>")
                .doesNotContain("Comune di Malnate");
        // 7 units at 20 %: 1,4 → 2 (art. 13 co. 3, rounded up)
        assertThat(varese.body()).containsPattern("(?s)riservati-indigenti\">\\s*<span>2</span>");

        String istruttoria = testo(SessioneConsole.di(http, VARESE_ISTRUTTORIA).get("/riserve?anno=2043"));
        assertThat(istruttoria).contains("id=\"riserve-012133\"", "qui si possono consultare").doesNotContain("modulo-riserve");

        String supervisore = testo(SessioneConsole.di(http, SUPERVISORE).get("/riserve?ente=" + comuneDiVarese + "&anno=2043"));
        assertThat(supervisore).contains("Comune di Varese", "Comune di Malnate", "id=\"riserve-012133\"")
                .doesNotContain("modulo-riserve");
        assertThat(SessioneConsole.di(http, SUPERVISORE).get("/riserve?ente=" + comuneDiVarese + "&anno=duemila").status())
                .isEqualTo(400);
        assertThat(SessioneConsole.di(http, SUPERVISORE).get("/riserve?ente=xyz").status()).isEqualTo(404);
    }
}
