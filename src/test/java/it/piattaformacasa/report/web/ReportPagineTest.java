package it.piattaformacasa.report.web;

import static it.piattaformacasa.DemoUtenti.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import it.piattaformacasa.ClientHttp;
import it.piattaformacasa.DomandaDiProva;
import it.piattaformacasa.IntegrationTest;
import it.piattaformacasa.ScenarioAvviso;
import it.piattaformacasa.SessioneConsole;
import it.piattaformacasa.anagrafe.Alloggio;
import it.piattaformacasa.anagrafe.AlloggioRepository;
import it.piattaformacasa.anagrafe.StatoAlloggio;
import it.piattaformacasa.common.CodiceFiscale;

/**
 * «Report» over HTTP (issue 12): each of the four reports of seed 000 shows on the page what the API downloads for the
 * same avviso (or ente and year), the filters narrow the rows, the table is paged by 25 on the server, the filtered
 * downloads open (.xlsx with Apache POI, CSV parsed), an operator sees its ente's rows only, bad filters answer 4xx in
 * Italian. An avviso of ALER (Varese) and the Comune di Malnate with 28 domande: one chose both enti's alloggi, the
 * other 27 only ALER's.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportPagineTest {

    private static final String VARESE = "012133";

    @LocalServerPort
    int port;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;
    @Autowired
    AlloggioRepository alloggi;
    @Autowired
    JdbcTemplate jdbc;

    ClientHttp http;
    long avviso;
    long lei;
    long malnate;
    long aler;
    long comuneDiVarese;
    long comuneMalnate;
    final List<Long> soloAler = new ArrayList<>();

    @BeforeAll
    void unAvvisoConVentottoDomande() {
        http = new ClientHttp(port);
        ScenarioAvviso scenario = new ScenarioAvviso(http, runtimeService, managementService, alloggi)
                .conTitolo("Avviso dei report della console");
        Alloggio diAler = scenario.alloggiDi(CF_ALER, StatoAlloggio.LIBERO, 20).stream()
                .filter(a -> a.getComune().getNome().equals("Varese") && adeguato(a)).findFirst().orElseThrow();
        Alloggio diMalnate = scenario.alloggiDi(CF_COMUNE_MALNATE, StatoAlloggio.LIBERO, 20).stream()
                .filter(a -> a.getComune().getNome().equals("Malnate") && adeguato(a)).findFirst().orElseThrow();
        avviso = scenario.aperto(List.of(diAler, diMalnate), List.of(ALER_AVVISO, MALNATE));
        String domande = "/api/avvisi/" + avviso + "/domande";
        ClientHttp.Risposta risposta = http.post(domande, CAPOFILA, DomandaDiProva.unaDomanda(
                CodiceFiscale.conControllo("RPTLEI80A41L682"), diMalnate.getId(), diAler.getId()).lavoraA("012096").json());
        assertThat(risposta.status()).as(risposta.body()).isEqualTo(201);
        lei = risposta.json().get("id").asLong();
        for (int i = 1; i <= 27; i++) {
            risposta = http.post(domande, CAPOFILA, DomandaDiProva.unaDomanda(
                    CodiceFiscale.conControllo(String.format("RPTPGN%02dA%02dL682", 60 + i, i)), diAler.getId()).json());
            assertThat(risposta.status()).as(risposta.body()).isEqualTo(201);
            soloAler.add(risposta.json().get("id").asLong());
        }
        aler = jdbc.queryForObject("select id from ente_proprietario where codice_fiscale = ?", Long.class, CF_ALER);
        malnate = jdbc.queryForObject("select id from ente_proprietario where codice_fiscale = ?", Long.class, CF_COMUNE_MALNATE);
        comuneDiVarese = jdbc.queryForObject("select id from ente_proprietario where codice_fiscale = ?", Long.class,
                CF_COMUNE_VARESE);
        comuneMalnate = diMalnate.getComune().getId();
        // the Comune di Varese's plan for a year no other test uses, for the «stato delle assegnazioni»
        ClientHttp.Risposta piano = http.invia(http.richiesta("/api/enti/" + comuneDiVarese + "/riserve/2046/" + VARESE, CAPOFILA)
                .header("Content-Type", "application/json").PUT(java.net.http.HttpRequest.BodyPublishers.ofString("""
                        {"alloggiDisponibili":40,"sogliaIndigentiComune":0,"percentualeCategorie":10,"categorie":["ANZIANI"],
                         "percentualeForzePolizia":10,"percentualePoliziaLocale":0}""")).build());
        assertThat(piano.status()).as(piano.body()).isEqualTo(200);
    }

    private static boolean adeguato(Alloggio alloggio) {
        return alloggio.getSuperficieUtile().compareTo(new BigDecimal("45")) >= 0;
    }

    @Test
    void laPaginaElencaIQuattroReportDellaGuida() {
        ClientHttp.Risposta pagina = SessioneConsole.di(http, ALER_AVVISO).get("/report");
        assertThat(pagina.status()).isEqualTo(200);
        assertThat(pagina.body()).contains("Report con le domande in avviso", "Report degli alloggi in avviso",
                "Report dinamico delle assegnazioni (Art. 14)", "Report con le domande non assegnatarie");
        assertThat(pagina.body().indexOf("Report con le domande in avviso"))
                .as("in the guide's order").isLessThan(pagina.body().indexOf("Report con le domande non assegnatarie"));
        // an analyst has no ente: the avvisi's reports are there, not available, and say why
        ClientHttp.Risposta analista = SessioneConsole.di(http, ANALISTA).get("/report");
        assertThat(analista.status()).isEqualTo(200);
        assertThat(analista.body()).contains("Non disponibile", "il tuo profilo non ne ha");
    }

    @Test
    void ogniReportDellAvvisoSullaPaginaEQuelloCheLApiScarica() {
        for (String utente : List.of(SUPERVISORE, ALER_AVVISO, MALNATE)) {
            SessioneConsole sessione = SessioneConsole.di(http, utente);
            for (String nome : List.of("domande-in-avviso", "alloggi-in-avviso", "domande-non-assegnatarie")) {
                ClientHttp.Risposta api = http.get("/api/avvisi/" + avviso + "/report/" + nome + "?formato=csv", utente);
                assertThat(api.status()).as(api.body()).isEqualTo(200);
                List<List<String>> csv = csv(api.body());
                List<List<String>> pagina = tuttaLaTabella(sessione, "/report?report=" + nome + "&avviso=" + avviso);
                assertThat(pagina).as(utente + " " + nome).isEqualTo(csv);
            }
        }
    }

    @Test
    void unOperatoreVedeSoloLeRigheDelSuoEnte() {
        List<List<String>> diMalnate = tuttaLaTabella(SessioneConsole.di(http, MALNATE),
                "/report?report=domande-in-avviso&avviso=" + avviso);
        assertThat(diMalnate.subList(1, diMalnate.size())).extracting(r -> r.get(0)).containsExactly(Long.toString(lei));
        List<List<String>> alloggiDiMalnate = tuttaLaTabella(SessioneConsole.di(http, MALNATE),
                "/report?report=alloggi-in-avviso&avviso=" + avviso);
        assertThat(alloggiDiMalnate).hasSize(2);
        assertThat(alloggiDiMalnate.get(1).get(2)).isEqualTo("Comune di Malnate");
        // another ente among the filters: not there, as the ente's own pages answer
        ClientHttp.Risposta altro = SessioneConsole.di(http, MALNATE).get("/report?report=domande-in-avviso&avviso=" + avviso
                + "&ente=" + aler);
        assertThat(altro.status()).isEqualTo(404);
        assertThat(altro.body()).contains("Ente " + aler + " non trovato");
        assertThat(SessioneConsole.di(http, MALNATE).scarica("/report/scarica?report=domande-in-avviso&avviso=" + avviso
                + "&ente=" + aler + "&formato=csv").statusCode()).isEqualTo(404);
    }

    @Test
    void iFiltriRestringonoLeRigheELoScaricamentoLiSegue() {
        SessioneConsole supervisore = SessioneConsole.di(http, SUPERVISORE);
        String base = "/report?report=domande-in-avviso&avviso=" + avviso;
        assertThat(righe(tuttaLaTabella(supervisore, base))).hasSize(28);
        // the comune of the alloggi: only the domanda that chose one in Malnate
        String perComune = base + "&comune=" + comuneMalnate;
        List<List<String>> diMalnate = tuttaLaTabella(supervisore, perComune);
        assertThat(righe(diMalnate)).extracting(r -> r.get(0)).containsExactly(Long.toString(lei));
        assertThat(csv(testo(supervisore.scarica(perComune.replace("/report?", "/report/scarica?") + "&formato=csv"))))
                .isEqualTo(diMalnate);
        // the ente: ALER's alloggio was chosen by all 28, Malnate's by one
        assertThat(righe(tuttaLaTabella(supervisore, base + "&ente=" + aler))).hasSize(28);
        assertThat(righe(tuttaLaTabella(supervisore, base + "&ente=" + malnate))).hasSize(1);
        // the state of the domanda: all 28 are just submitted
        assertThat(righe(tuttaLaTabella(supervisore, base + "&stato=PRESENTATA"))).hasSize(28);
        ClientHttp.Risposta assegnatarie = supervisore.get(base + "&stato=ASSEGNATARIA");
        assertThat(assegnatarie.body()).contains("0 righe.", "Nessuna riga per questi filtri.");
        // the alloggi of one comune, the domande non assegnatarie of one ente
        assertThat(righe(tuttaLaTabella(supervisore, "/report?report=alloggi-in-avviso&avviso=" + avviso + "&comune="
                + comuneMalnate))).extracting(r -> r.get(3)).containsExactly("Malnate");
        assertThat(righe(tuttaLaTabella(supervisore, "/report?report=domande-non-assegnatarie&avviso=" + avviso + "&ente="
                + malnate))).extracting(r -> r.get(0)).containsExactly(Long.toString(lei));
    }

    @Test
    void laTabellaHaVenticinqueRighePerPagina() {
        SessioneConsole sessione = SessioneConsole.di(http, ALER_AVVISO);
        String base = "/report?report=domande-in-avviso&avviso=" + avviso;
        ClientHttp.Risposta prima = sessione.get(base);
        assertThat(prima.body()).contains("28 righe.", "Righe da 1 a 25 di 28.", "pagina 1 di 2");
        assertThat(righeHtml(prima.body())).hasSize(25);
        ClientHttp.Risposta seconda = sessione.get(base + "&pagina=2");
        assertThat(seconda.body()).contains("Righe da 26 a 28 di 28.", "pagina 2 di 2");
        assertThat(righeHtml(seconda.body())).hasSize(3);
        // a page past the end is the last, a page that is not a number the first
        assertThat(sessione.get(base + "&pagina=99").body()).contains("Righe da 26 a 28 di 28.");
        ClientHttp.Risposta parola = sessione.get(base + "&pagina=abc");
        assertThat(parola.status()).isEqualTo(200);
        assertThat(parola.body()).contains("Righe da 1 a 25 di 28.");
    }

    @Test
    void loScaricamentoXlsxSiApreEHaTutteLeRigheFiltrate() throws IOException {
        SessioneConsole sessione = SessioneConsole.di(http, SUPERVISORE);
        List<List<String>> pagina = tuttaLaTabella(sessione, "/report?report=domande-in-avviso&avviso=" + avviso + "&ente=" + aler);
        HttpResponse<byte[]> xlsx = sessione.scarica("/report/scarica?report=domande-in-avviso&avviso=" + avviso + "&ente=" + aler
                + "&formato=xlsx");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Disposition")).hasValueSatisfying(d ->
                assertThat(d).contains("domande-in-avviso-avviso-" + avviso + ".xlsx"));
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet foglio = workbook.getSheetAt(0);
            assertThat(foglio.getLastRowNum()).as("28 rows after the titles").isEqualTo(28);
            Row titoli = foglio.getRow(0);
            List<String> colonne = new ArrayList<>();
            titoli.forEach(c -> colonne.add(c.getStringCellValue()));
            assertThat(colonne).isEqualTo(pagina.get(0));
            DataFormatter formato = new DataFormatter();
            List<String> ids = new ArrayList<>();
            for (int r = 1; r <= foglio.getLastRowNum(); r++) {
                ids.add(formato.formatCellValue(foglio.getRow(r).getCell(0)));
            }
            assertThat(ids).isEqualTo(righe(pagina).stream().map(r -> r.get(0)).toList());
        }
    }

    @Test
    void loStatoDelleAssegnazioniSullaPaginaEQuelloDellApi() {
        String api = "/api/enti/" + comuneDiVarese + "/riserve/2046/stato-assegnazioni?formato=csv";
        ClientHttp.Risposta scaricato = http.get(api, CAPOFILA);
        assertThat(scaricato.status()).as(scaricato.body()).isEqualTo(200);
        SessioneConsole capofila = SessioneConsole.di(http, CAPOFILA);
        String pagina = "/report?report=stato-assegnazioni&ente=" + comuneDiVarese + "&anno=2046";
        List<List<String>> tabella = tuttaLaTabella(capofila, pagina);
        assertThat(tabella).isEqualTo(csv(scaricato.body()));
        // 40 units: 20 % → 8 to the indigenti, 10 % → 4 to the categories and 4 to the police forces, none assigned yet
        assertThat(righe(tabella)).contains(List.of("Varese", "Indigenti (art. 13 co. 3)", "8", "0"));
        assertThat(csv(testo(capofila.scarica("/report/scarica?report=stato-assegnazioni&ente=" + comuneDiVarese
                + "&anno=2046&formato=csv")))).isEqualTo(tabella);
        // Malnate does not see the Comune di Varese's plan (404, as the API)
        assertThat(SessioneConsole.di(http, MALNATE).get(pagina).status()).isEqualTo(404);
        // the form proposes the current year and the enti the person sees
        ClientHttp.Risposta modulo = capofila.get("/report?report=stato-assegnazioni");
        assertThat(modulo.status()).isEqualTo(200);
        assertThat(modulo.body()).contains("Comune di Varese").doesNotContain("id=\"tabella-report\"");
    }

    @Test
    void iFiltriSbagliatiHannoUnaRispostaInItaliano() {
        SessioneConsole sessione = SessioneConsole.di(http, SUPERVISORE);
        rifiutata(sessione.get("/report?report=tutto"), 400, "report sconosciuto");
        rifiutata(sessione.get("/report?report=domande-in-avviso&avviso=abc"), 400, "non è un identificativo");
        rifiutata(sessione.get("/report?report=domande-in-avviso&avviso=" + avviso + "&ente=1x"), 400, "non è un identificativo");
        rifiutata(sessione.get("/report?report=domande-in-avviso&avviso=" + avviso + "&comune=%27%3B"), 400, "non è un identificativo");
        rifiutata(sessione.get("/report?report=domande-in-avviso&avviso=" + avviso + "&stato=CHIUSA"), 400, "valore non ammesso");
        rifiutata(sessione.get("/report?report=alloggi-in-avviso&avviso=" + avviso + "&stato=PRESENTATA"), 400, "valore non ammesso");
        rifiutata(sessione.get("/report?report=stato-assegnazioni&ente=" + comuneDiVarese + "&anno=duemila"), 400, "quattro cifre");
        rifiutata(sessione.get("/report?report=stato-assegnazioni&ente=" + comuneDiVarese + "&anno=1999"), 400, "tra il 2017");
        rifiutata(sessione.get("/report?report=domande-in-avviso&avviso=999999999"), 404, "Avviso 999999999 non trovato");
        rifiutata(sessione.get("/report?report=domande-in-avviso&avviso=99999999999999999999"), 400, "non è un identificativo");
        assertThat(sessione.scarica("/report/scarica?report=domande-in-avviso&avviso=" + avviso + "&formato=pdf").statusCode())
                .isEqualTo(400);
        assertThat(sessione.scarica("/report/scarica?report=domande-in-avviso&formato=csv").statusCode()).isEqualTo(400);
        // an analyst sees no ente's rows: the avviso's reports are not there for it, as in the API
        rifiutata(SessioneConsole.di(http, ANALISTA).get("/report?report=domande-in-avviso&avviso=" + avviso), 404, "Nessun ente abilitato");
        assertThat(http.get("/api/avvisi/" + avviso + "/report/domande-in-avviso", ANALISTA).status()).isEqualTo(404);
        // the avviso's own download links still work
        assertThat(testo(sessione.scarica("/avvisi/" + avviso + "/report/alloggi-in-avviso?formato=csv")))
                .startsWith("ID alloggio;Codice UI;");
    }

    private static void rifiutata(ClientHttp.Risposta risposta, int stato, String motivo) {
        assertThat(risposta.status()).as(risposta.body()).isEqualTo(stato);
        assertThat(risposta.body()).contains(motivo).doesNotContain("Exception");
    }

    // ---- reading the page and the files

    private static final Pattern RIGA = Pattern.compile("<tr>(.*?)</tr>", Pattern.DOTALL);
    private static final Pattern CELLA = Pattern.compile("<t([dh])[^>]*>(.*?)</t\\1>", Pattern.DOTALL);

    /** The titles and every row of the report as the page shows it, page after page. */
    private static List<List<String>> tuttaLaTabella(SessioneConsole sessione, String indirizzo) {
        List<List<String>> tabella = new ArrayList<>();
        for (int pagina = 1; ; pagina++) {
            ClientHttp.Risposta risposta = sessione.get(indirizzo + "&pagina=" + pagina);
            assertThat(risposta.status()).as(indirizzo + ": " + risposta.body()).isEqualTo(200);
            String html = risposta.body();
            if (pagina == 1) {
                tabella.add(titoli(html));
            }
            tabella.addAll(righeHtml(html));
            Matcher di = Pattern.compile(": pagina (\\d+) di (\\d+)</caption>").matcher(html);
            if (!di.find() || di.group(1).equals(di.group(2))) {
                return tabella;
            }
        }
    }

    private static List<String> titoli(String html) {
        int inizio = html.indexOf("<thead>");
        if (inizio < 0) {
            // no row: the titles are not shown; the API's file still has them, so the comparison reads them there
            return List.of();
        }
        String testa = html.substring(inizio + "<thead>".length(), html.indexOf("</thead>"));
        List<String> titoli = new ArrayList<>();
        Matcher cella = CELLA.matcher(testa);
        while (cella.find()) {
            titoli.add(testo(cella.group(2)));
        }
        return titoli;
    }

    private static List<List<String>> righeHtml(String html) {
        int inizio = html.indexOf("<tbody>");
        if (inizio < 0) {
            return List.of();
        }
        String corpo = html.substring(inizio, html.indexOf("</tbody>"));
        List<List<String>> righe = new ArrayList<>();
        Matcher riga = RIGA.matcher(corpo);
        while (riga.find()) {
            List<String> celle = new ArrayList<>();
            Matcher cella = CELLA.matcher(riga.group(1));
            while (cella.find()) {
                celle.add(cella.group(2).contains("visually-hidden") ? "" : testo(cella.group(2)));
            }
            righe.add(celle);
        }
        return righe;
    }

    private static String testo(String html) {
        // the cell's text exactly (the «  di cui» lines of the stato delle assegnazioni keep their indent)
        return html.replaceAll("<[^>]+>", "").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&");
    }

    private static String testo(HttpResponse<byte[]> risposta) {
        assertThat(risposta.statusCode()).isEqualTo(200);
        return new String(risposta.body(), StandardCharsets.UTF_8);
    }

    private static <T> List<T> righe(List<T> tabella) {
        return tabella.subList(1, tabella.size());
    }

    /** Semicolon-separated, fields in double quotes when they need it (quotes doubled inside). */
    static List<List<String>> csv(String testo) {
        List<List<String>> righe = new ArrayList<>();
        List<String> riga = new ArrayList<>();
        StringBuilder campo = new StringBuilder();
        boolean virgolette = false;
        for (int i = 0; i < testo.length(); i++) {
            char c = testo.charAt(i);
            if (virgolette) {
                if (c == '"' && i + 1 < testo.length() && testo.charAt(i + 1) == '"') {
                    campo.append('"');
                    i++;
                } else if (c == '"') {
                    virgolette = false;
                } else {
                    campo.append(c);
                }
            } else if (c == '"') {
                virgolette = true;
            } else if (c == ';') {
                riga.add(campo.toString());
                campo.setLength(0);
            } else if (c == '\r') {
                continue;
            } else if (c == '\n') {
                riga.add(campo.toString());
                campo.setLength(0);
                righe.add(riga);
                riga = new ArrayList<>();
            } else {
                campo.append(c);
            }
        }
        return righe;
    }
}
