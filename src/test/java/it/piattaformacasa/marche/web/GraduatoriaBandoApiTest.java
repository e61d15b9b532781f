package it.piattaformacasa.marche.web;

import static it.piattaformacasa.DemoUtenti.*;
import static it.piattaformacasa.marche.web.GrigliaDiProva.assertErrore;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import it.piattaformacasa.ClientHttp;
import it.piattaformacasa.IntegrationTest;
import it.piattaformacasa.marche.DomandeMarcheDiProva;
import it.piattaformacasa.marche.GraduatoriaBandoService;

/**
 * Issue 15, «Graduatoria domande alloggi ERP» (seed 004 Fig. 22–24) through the API: the ranking with the provisional
 * tie-break, the counters, «Calcola» discarding manual moves only when confirmed, the phases and what each needs, the
 * definitive score frozen and Calcola refused afterwards, the year of assignment, the warning «da ricalcolare», the
 * stale version, who may do what, and the two Excel files read back with POI.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GraduatoriaBandoApiTest {

    private static final AtomicInteger PROGRESSIVO = new AtomicInteger();

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;

    ClientHttp http;
    String prefisso;

    @BeforeAll
    void client() {
        http = new ClientHttp(port);
        prefisso = "G" + Long.toString(System.nanoTime() % 100_000_000L, 36).toUpperCase();
    }

    @Test
    void calcolaOrdinaPerPunteggioPoiDataPoiNumeroEContaLeDomande() {
        long bando = bando();
        DomandeMarcheDiProva d = domande(bando);
        long a = d.domanda(1, "2050-02-10", "Alfa", "15.50");
        long b = d.domanda(2, "2050-02-05", "Beta", "15.50");     // same score, filed earlier: before Alfa
        long c = d.domanda(3, "2050-02-05", "Gamma", "15.50");    // same score and day: after Beta by number
        long e = d.domanda(4, "2050-02-20", "Delta", "17.50");
        d.domanda(5, "2050-02-01", "Esclusa", "20.00", true);      // excluded: not ranked, not valid
        long f = d.domanda(6, "2050-02-02", "Zeta", "9.25");
        jdbc.update("update marche_domanda set alloggio_assegnato = true, anno_assegnazione = 2050 where id = ?", f);

        ClientHttp.Risposta inserita = http.post(url(bando), ANCONA, "{\"data\":\"2050-04-01\",\"nota\":\"Prima stesura\"}");
        assertThat(inserita.status()).as(inserita.body()).isEqualTo(201);
        assertThat(inserita.json().get("fase").asText()).isEqualTo("ISTRUTTORIA");
        assertThat(inserita.json().get("domandePresentate").asInt()).isEqualTo(6);
        assertThat(inserita.json().get("domandeValide").asInt()).isEqualTo(5);
        assertThat(inserita.json().get("alloggiAssegnati").asInt()).isEqualTo(1);
        assertThat(inserita.json().get("daRicalcolare").asBoolean()).as("never calculated").isTrue();
        assertThat(http.post(url(bando), ANCONA, "{}").status()).as("inserted once").isEqualTo(409);

        JsonNode calcolata = calcola(bando, null);
        assertThat(ids(calcolata)).containsExactly(e, b, c, a, f);
        assertThat(calcolata.get("posizioni").get(0).get("punteggioLavoro").decimalValue()).isEqualByComparingTo("17.50");
        assertThat(calcolata.get("daRicalcolare").asBoolean()).isFalse();
        assertThat(calcolata.get("criterioDiParita").asText()).contains("provvisorio");
        assertThat(calcolata.get("calcolataDa").asText()).isEqualTo(ANCONA);
        assertThat(calcolata.get("versioneCondizioni").asInt()).isEqualTo(1);

        // a working score changed after «Calcola»: the list is to be recalculated
        d.cambiaPunteggio(a, "18.00");
        assertThat(http.get(url(bando), ANCONA).json().get("daRicalcolare").asBoolean()).isTrue();
        assertThat(ids(calcola(bando, null))).containsExactly(a, e, b, c, f);
        // a new domanda: the count differs
        d.domanda(7, "2050-03-01", "Eta", "1.00");
        assertThat(http.get(url(bando), ANCONA).json().get("daRicalcolare").asBoolean()).isTrue();
    }

    @Test
    void unaDomandaEliminataAlloSportelloLasciaUnaLacunaDaRicalcolare() {
        long bando = bando();
        DomandeMarcheDiProva d = domande(bando);
        long a = d.domanda(1, "2050-02-01", "Alfa", "20");
        long b = d.domanda(2, "2050-02-01", "Beta", "18");
        long c = d.domanda(3, "2050-02-01", "Gamma", "16");
        inserisci(bando);
        calcola(bando, null);
        // as the desk's «Elimina» does
        jdbc.update("delete from marche_posizione where domanda_id = ?", b);
        jdbc.update("delete from marche_domanda where id = ?", b);
        JsonNode g = http.get(url(bando), ANCONA).json();
        assertThat(g.get("daRicalcolare").asBoolean()).isTrue();
        ClientHttp.Risposta giu = sposta(bando, a, "{\"direzione\":\"GIU\",\"motivo\":\"Prova\"}");
        assertThat(giu.status()).as(giu.body()).isEqualTo(200);
        assertThat(ids(giu.json())).containsExactly(c, a);
        assertThat(ids(calcola(bando, true))).containsExactly(a, c);
        assertThat(http.get(url(bando), ANCONA).json().get("daRicalcolare").asBoolean()).isFalse();
    }

    @Test
    void gliSpostamentiManualiRichiedonoUnMotivoESiPerdonoSoloConConferma() {
        long bando = bando();
        DomandeMarcheDiProva d = domande(bando);
        long a = d.domanda(1, "2050-02-01", "Alfa", "20");
        long b = d.domanda(2, "2050-02-01", "Beta", "18");
        long c = d.domanda(3, "2050-02-01", "Gamma", "16");
        long e = d.domanda(4, "2050-02-01", "Delta", "14");
        inserisci(bando);
        calcola(bando, null);

        // no reason, both a direction and a position, out of range, the first moved up: 400 and nothing moved
        assertErrore(sposta(bando, c, "{\"direzione\":\"SU\"}"), "motivo", "obbligatorio");
        assertErrore(sposta(bando, c, "{\"direzione\":\"SU\",\"posizione\":1,\"motivo\":\"x\"}"), "posizione", "non entrambe");
        assertErrore(sposta(bando, c, "{\"posizione\":9,\"motivo\":\"x\"}"), "posizione", "da 1 a 4");
        assertErrore(sposta(bando, a, "{\"direzione\":\"SU\",\"motivo\":\"x\"}"), "direzione", "già la prima");
        assertThat(ids(http.get(url(bando), ANCONA).json())).containsExactly(a, b, c, e);

        ClientHttp.Risposta su = sposta(bando, c, "{\"direzione\":\"SU\",\"motivo\":\"Verbale Commissione n. 4: precedenza\"}");
        assertThat(su.status()).as(su.body()).isEqualTo(200);
        assertThat(ids(su.json())).containsExactly(a, c, b, e);
        JsonNode spostata = su.json().get("posizioni").get(1);
        assertThat(spostata.get("posizioneCalcolata").asInt()).isEqualTo(3);
        assertThat(spostata.get("spostataDa").asText()).isEqualTo(ANCONA);
        assertThat(spostata.get("motivoSpostamento").asText()).startsWith("Verbale Commissione");
        assertThat(ids(sposta(bando, e, "{\"posizione\":1,\"motivo\":\"Ricorso accolto\"}").json())).containsExactly(e, a, c, b);
        assertThat(ids(sposta(bando, e, "{\"direzione\":\"GIU\",\"motivo\":\"Correzione\"}").json())).containsExactly(a, e, c, b);

        // «Calcola» without confirmation: the seed's warning, nothing lost
        ClientHttp.Risposta senzaConferma = http.post(url(bando) + "/calcolo", ANCONA, "{}");
        assertThat(senzaConferma.status()).isEqualTo(409);
        assertThat(senzaConferma.body()).contains("interventi manuali andranno persi");
        assertThat(ids(http.get(url(bando), ANCONA).json())).containsExactly(a, e, c, b);
        JsonNode ricalcolata = calcola(bando, true);
        assertThat(ids(ricalcolata)).containsExactly(a, b, c, e);
        assertThat(ricalcolata.get("spostamentiManuali").asBoolean()).isFalse();
    }

    @Test
    void laDefinitivaRichiedeAlboEVerbaleCongelaIPunteggiEBloccaCalcola() {
        long bando = bando();
        DomandeMarcheDiProva d = domande(bando);
        long a = d.domanda(1, "2050-02-01", "Alfa", "12.75");
        long b = d.domanda(2, "2050-02-02", "Beta", "10.00");
        long version = inserisci(bando).get("version").asLong();

        // provvisoria before «Calcola», or without the albo: 400 with the fields, nothing written
        assertErrore(salva(bando, version, "\"fase\":\"PROVVISORIA\",\"provvisoriaAlboNumero\":\"12\",\"provvisoriaAlboData\":\"2050-05-01\""),
                "fase", "«Calcola»");
        version = calcola(bando, null).get("version").asLong();
        ClientHttp.Risposta senzaAlbo = salva(bando, version, "\"fase\":\"PROVVISORIA\"");
        assertErrore(senzaAlbo, "provvisoriaAlboNumero", "obbligatorio");
        assertErrore(senzaAlbo, "provvisoriaAlboData", "obbligatoria");
        assertThat(http.get(url(bando), ANCONA).json().get("fase").asText()).isEqualTo("ISTRUTTORIA");

        String provvisoria = "\"provvisoriaAlboNumero\":\"12/2050\",\"provvisoriaAlboData\":\"2050-05-01\"";
        ClientHttp.Risposta salvata = salva(bando, version, "\"fase\":\"PROVVISORIA\"," + provvisoria);
        assertThat(salvata.status()).as(salvata.body()).isEqualTo(200);
        assertThat(salvata.json().get("fase").asText()).isEqualTo("PROVVISORIA");
        // the version read is now stale: 409
        assertThat(salva(bando, version, "\"fase\":\"PROVVISORIA\"," + provvisoria).status()).isEqualTo(409);
        version = salvata.json().get("version").asLong();
        // back to istruttoria is refused
        assertErrore(salva(bando, version, "\"fase\":\"ISTRUTTORIA\""), "fase", "non può tornare");

        ClientHttp.Risposta senzaVerbale = salva(bando, version, "\"fase\":\"DEFINITIVA\"," + provvisoria
                + ",\"definitivaAlboNumero\":\"30/2050\",\"definitivaAlboData\":\"2050-04-01\"");
        assertErrore(senzaVerbale, "verbaleNumero", "obbligatorio");
        assertErrore(senzaVerbale, "definitivaAlboData", "non può precedere");
        ClientHttp.Risposta definitiva = salva(bando, version, "\"fase\":\"DEFINITIVA\"," + provvisoria
                + ",\"definitivaAlboNumero\":\"30/2050\",\"definitivaAlboData\":\"2050-07-01\",\"verbaleNumero\":\"7\","
                + "\"verbaleData\":\"2050-06-20\"");
        assertThat(definitiva.status()).as(definitiva.body()).isEqualTo(200);
        JsonNode g = definitiva.json();
        assertThat(g.get("fase").asText()).isEqualTo("DEFINITIVA");
        assertThat(g.get("calcolabile").asBoolean()).isFalse();
        assertThat(g.get("posizioni").get(0).get("punteggioDefinitivo").decimalValue()).isEqualByComparingTo("12.75");

        ClientHttp.Risposta calcolo = http.post(url(bando) + "/calcolo", ANCONA, "{\"confermaPerditaSpostamenti\":true}");
        assertThat(calcolo.status()).isEqualTo(409);
        assertThat(calcolo.body()).contains("definitiva");
        assertThat(sposta(bando, b, "{\"direzione\":\"SU\",\"motivo\":\"x\"}").status()).isEqualTo(409);

        // art. 11: the working score changes after the definitive list; the definitive one stays, no recalculation asked
        d.cambiaPunteggio(a, "10.75");
        JsonNode dopo = http.get(url(bando), ANCONA).json();
        JsonNode riga = dopo.get("posizioni").get(0);
        assertThat(riga.get("domandaId").asLong()).isEqualTo(a);
        assertThat(riga.get("punteggioLavoro").decimalValue()).isEqualByComparingTo("10.75");
        assertThat(riga.get("punteggioDefinitivo").decimalValue()).isEqualByComparingTo("12.75");
        assertThat(riga.get("punteggioVariato").asBoolean()).isTrue();
        assertThat(dopo.get("posizioni").get(1).get("punteggioVariato").asBoolean()).isFalse();
        assertThat(dopo.get("daRicalcolare").asBoolean()).isFalse();
        // the header's other data may still be saved
        ClientHttp.Risposta nota = salva(bando, dopo.get("version").asLong(), "\"fase\":\"DEFINITIVA\"," + provvisoria
                + ",\"definitivaAlboNumero\":\"30/2050\",\"definitivaAlboData\":\"2050-07-01\",\"verbaleNumero\":\"7\","
                + "\"verbaleData\":\"2050-06-20\",\"nota\":\"Pubblicata\"");
        assertThat(nota.status()).as(nota.body()).isEqualTo(200);
        assertThat(nota.json().get("dati").get("nota").asText()).isEqualTo("Pubblicata");
    }

    @Test
    void lAnnoDiAssegnazioneHaQuattroCifreENonPrecedeIlBando() {
        long bando = bando();
        DomandeMarcheDiProva d = domande(bando);
        long a = d.domanda(1, "2050-02-01", "Alfa", "12");
        long fuori = d.domanda(2, "2050-02-01", "Fuori", "3", true);
        inserisci(bando);
        calcola(bando, null);
        String assegna = url(bando) + "/domande/" + a + "/assegnazione";
        assertErrore(http.post(assegna, ANCONA, "{\"anno\":\"50\"}"), "anno", "formato AAAA");
        assertErrore(http.post(assegna, ANCONA, "{\"anno\":\"2049\"}"), "anno", "non può precedere l'anno del bando (2050)");
        assertErrore(http.post(assegna, ANCONA, "{}"), "anno", "formato AAAA");
        assertThat(http.get(url(bando), ANCONA).json().get("alloggiAssegnati").asInt()).isZero();
        assertThat(http.post(url(bando) + "/domande/" + fuori + "/assegnazione", ANCONA, "{\"anno\":\"2051\"}").status())
                .as("an excluded domanda is not in the list").isEqualTo(404);

        ClientHttp.Risposta assegnata = http.post(assegna, ANCONA, "{\"anno\":\"2051\"}");
        assertThat(assegnata.status()).as(assegnata.body()).isEqualTo(200);
        assertThat(assegnata.json().get("alloggiAssegnati").asInt()).isEqualTo(1);
        assertThat(assegnata.json().get("posizioni").get(0).get("annoAssegnazione").asInt()).isEqualTo(2051);
        assertThat(assegnata.json().get("daRicalcolare").asBoolean()).as("an assignment changes no score").isFalse();
        assertThat(http.post(assegna, ANCONA, "{\"anno\":\"2052\"}").status()).isEqualTo(409);
    }

    @Test
    void chiNonGestisceIlBandoLeggeONonVedeNiente() {
        long bando = bando();
        long a = domande(bando).domanda(1, "2050-02-01", "Alfa", "12");
        assertThat(http.post(url(bando), MALNATE, "{}").status()).isEqualTo(404);
        assertThat(http.post(url(bando), SUPERVISORE, "{}").status()).isEqualTo(403);
        inserisci(bando);
        calcola(bando, null);
        for (String percorso : List.of(url(bando), url(bando) + "/stampa.xlsx", "/api/marche/bandi/" + bando + "/brogliaccio.xlsx")) {
            assertThat(http.get(percorso, MALNATE).status()).as(percorso).isEqualTo(404);
            assertThat(http.get(percorso, LETTORE_COMO).status()).as(percorso).isEqualTo(404);
        }
        assertThat(http.get(url(bando), SUPERVISORE).status()).isEqualTo(200);
        assertThat(http.get(url(bando), LETTORE_MARCHE).status()).isEqualTo(200);
        assertThat(http.get(url(bando), LETTORE_REGIONE).status()).as("Lombardia's regional reader").isEqualTo(404);
        assertThat(http.post(url(bando) + "/calcolo", MALNATE, "{}").status()).isEqualTo(404);
        assertThat(http.post(url(bando) + "/calcolo", SUPERVISORE, "{}").status()).isEqualTo(403);
        assertThat(sposta(bando, a, "{\"direzione\":\"GIU\",\"motivo\":\"x\"}").status()).isEqualTo(400);
        assertThat(http.post(url(bando) + "/posizioni/" + a + "/spostamento", LETTORE_MARCHE,
                "{\"direzione\":\"GIU\",\"motivo\":\"x\"}").status()).isEqualTo(403);
        assertThat(http.post(url(bando) + "/domande/" + a + "/assegnazione", MALNATE, "{\"anno\":\"2051\"}").status()).isEqualTo(404);
        assertThat(http.get(url(bando), ANCONA).json().get("alloggiAssegnati").asInt()).isZero();
    }

    @Test
    void stampaEBrogliaccioSonoFileExcelConNumeriEDate() throws Exception {
        long bando = bando();
        DomandeMarcheDiProva d = domande(bando);
        long a = d.domanda(1, "2050-02-10", "Rossi", "17.50");
        d.domanda(2, "2050-02-12", "Bianchi", "15.75");
        d.domanda(3, "2050-02-13", "Verdi", "4", true);
        jdbc.update("""
                update marche_domanda set isee = 4800.00, codice_fiscale = 'RSSMRA80A01A271X', fasce_spuntate = '{"OGGETTIVA_1": ["a"]}', requisiti = '{"cittadinanza": true, "residenza": true, "alloggio": false}',
                       punteggio_dettaglio = '[{"condizione": "SOGGETTIVA_1", "fascia": "a", "punti": 5, "contata": true},
                           {"condizione": "OGGETTIVA_1", "fascia": "a", "punti": 3, "contata": true},
                           {"condizione": "OGGETTIVA_2", "fascia": "a", "punti": 2, "contata": false}]',
                       note = '=SOMMA(A1)'
                 where id = ?""", a);
        jdbc.update("insert into marche_componente (domanda_id, posizione, cognome, nome, data_nascita, parentela, invalidita, a_carico) "
                + "values (?, 1, 'Rossi', 'Lia', date '2045-01-01', 'figlia', 0, true), (?, 2, 'Rossi', 'Ugo', date '1950-01-01', 'padre', 75, true)", a, a);
        inserisci(bando);
        calcola(bando, null);

        HttpResponse<byte[]> stampa = scarica(url(bando) + "/stampa.xlsx");
        assertThat(stampa.statusCode()).isEqualTo(200);
        String numero = jdbc.queryForObject("select numero from marche_bando where id = ?", String.class, bando);
        assertThat(stampa.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("graduatoria-bando-" + numero + "-2050.xlsx");
        try (XSSFWorkbook libro = new XSSFWorkbook(new ByteArrayInputStream(stampa.body()))) {
            Sheet foglio = libro.getSheetAt(0);
            assertThat(titoli(foglio.getRow(0))).contains("Posizione", "Nominativo", "Data presentazione", "Punteggio di lavoro",
                    "Punteggio definitivo", "Alloggio");
            assertThat(foglio.getLastRowNum()).isEqualTo(2);
            Row prima = foglio.getRow(1);
            assertThat(prima.getCell(0).getNumericCellValue()).isEqualTo(1);
            assertThat(prima.getCell(3).getStringCellValue()).isEqualTo("Rossi Prova");
            assertThat(prima.getCell(4).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(DateUtil.isCellDateFormatted(prima.getCell(4))).isTrue();
            assertThat(prima.getCell(4).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2050, 2, 10));
            assertThat(prima.getCell(5).getNumericCellValue()).isEqualTo(17.5);
            assertThat(prima.getCell(8).getStringCellValue()).isEqualTo("Non assegnato");
        }

        HttpResponse<byte[]> brogliaccio = scarica("/api/marche/bandi/" + bando + "/brogliaccio.xlsx");
        assertThat(brogliaccio.statusCode()).isEqualTo(200);
        assertThat(brogliaccio.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("brogliaccio-bando-" + numero + "-2050.xlsx");
        try (XSSFWorkbook libro = new XSSFWorkbook(new ByteArrayInputStream(brogliaccio.body()))) {
            Sheet foglio = libro.getSheetAt(0);
            List<String> titoli = titoli(foglio.getRow(0));
            assertThat(foglio.getLastRowNum()).as("every domanda, the excluded one too").isEqualTo(3);
            Row rossi = foglio.getRow(1);
            assertThat(rossi.getCell(titoli.indexOf("Numero")).getNumericCellValue()).isEqualTo(1);
            assertThat(DateUtil.isCellDateFormatted(rossi.getCell(titoli.indexOf("Data presentazione")))).isTrue();
            assertThat(rossi.getCell(titoli.indexOf("Cognome")).getStringCellValue()).isEqualTo("Rossi");
            assertThat(rossi.getCell(titoli.indexOf("ISEE")).getNumericCellValue()).isEqualTo(4800.0);
            assertThat(rossi.getCell(titoli.indexOf("Requisiti dichiarati")).getStringCellValue()).isEqualTo("cittadinanza, residenza");
            assertThat(rossi.getCell(titoli.indexOf("Altri componenti del nucleo")).getNumericCellValue()).isEqualTo(2);
            assertThat(rossi.getCell(titoli.indexOf("Componenti con invalidità")).getNumericCellValue()).isEqualTo(1);
            assertThat(rossi.getCell(titoli.indexOf("Componenti minorenni")).getNumericCellValue()).isEqualTo(1);
            assertThat(rossi.getCell(titoli.indexOf("Fasce spuntate")).getStringCellValue()).isEqualTo("OGGETTIVA 1: a");
            assertThat(rossi.getCell(titoli.indexOf("Punti SOGGETTIVA 1")).getNumericCellValue()).isEqualTo(5.0);
            assertThat(rossi.getCell(titoli.indexOf("Punti OGGETTIVA 1")).getNumericCellValue()).isEqualTo(3.0);
            assertThat(rossi.getCell(titoli.indexOf("Punti OGGETTIVA 2"))).as("not counted: non-cumulative").isNull();
            assertThat(rossi.getCell(titoli.indexOf("Punteggio totale")).getNumericCellValue()).isEqualTo(17.5);
            assertThat(rossi.getCell(titoli.indexOf("Esclusa")).getStringCellValue()).isEqualTo("No");
            Cell nota = rossi.getCell(titoli.indexOf("Note"));
            assertThat(nota.getCellType()).as("a formula stays text").isEqualTo(CellType.STRING);
            assertThat(nota.getCellStyle().getQuotePrefixed()).isTrue();
            assertThat(foglio.getRow(3).getCell(titoli.indexOf("Esclusa")).getStringCellValue()).isEqualTo("Sì");
        }
    }

    // -------------------------------------------------------------------------------------------------------------

    private long bando() {
        String numero = prefisso + PROGRESSIVO.incrementAndGet();
        ClientHttp.Risposta creato = http.post("/api/marche/bandi", ANCONA, "{\"numero\":\"" + numero + "\",\"dataPubblicazione\":"
                + "\"2050-01-15\",\"dataScadenza\":\"2050-03-15\",\"dataScadenzaEstero\":\"2050-03-31\"}");
        assertThat(creato.status()).as(creato.body()).isEqualTo(201);
        long id = creato.json().get("id").asLong();
        assertThat(http.post("/api/marche/bandi/" + id + "/condizioni/copia-da-modello", ANCONA, "").status()).isEqualTo(201);
        return id;
    }

    private DomandeMarcheDiProva domande(long bando) {
        return new DomandeMarcheDiProva(jdbc, clock, bando);
    }

    private static String url(long bando) {
        return "/api/marche/bandi/" + bando + "/graduatoria";
    }

    private JsonNode inserisci(long bando) {
        ClientHttp.Risposta r = http.post(url(bando), ANCONA, "{}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    private JsonNode calcola(long bando, Boolean conferma) {
        ClientHttp.Risposta r = http.post(url(bando) + "/calcolo", ANCONA,
                conferma == null ? "{}" : "{\"confermaPerditaSpostamenti\":" + conferma + "}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private ClientHttp.Risposta sposta(long bando, long domanda, String corpo) {
        return http.post(url(bando) + "/posizioni/" + domanda + "/spostamento", ANCONA, corpo);
    }

    private ClientHttp.Risposta salva(long bando, long version, String campi) {
        return http.invia(http.richiesta(url(bando), ANCONA).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"version\":" + version + "," + campi + "}")).build());
    }

    private HttpResponse<byte[]> scarica(String percorso) throws Exception {
        HttpRequest richiesta = http.richiesta(percorso, ANCONA).setHeader("Accept", "*/*").GET().build();
        return HttpClient.newHttpClient().send(richiesta, HttpResponse.BodyHandlers.ofByteArray());
    }

    private static List<Long> ids(JsonNode graduatoria) {
        List<Long> ids = new ArrayList<>();
        graduatoria.get("posizioni").forEach(p -> ids.add(p.get("domandaId").asLong()));
        return ids;
    }

    private static List<String> titoli(Row riga) {
        List<String> titoli = new ArrayList<>();
        riga.forEach(c -> titoli.add(c.getStringCellValue()));
        return titoli;
    }
}
