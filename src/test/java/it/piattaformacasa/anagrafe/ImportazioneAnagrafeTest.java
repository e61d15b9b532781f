package it.piattaformacasa.anagrafe;

import static it.piattaformacasa.DemoUtenti.*;
import static it.piattaformacasa.anagrafe.FoglioPatrimonio.unFoglio;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import it.piattaformacasa.ClientHttp;
import it.piattaformacasa.IntegrationTest;
import it.piattaformacasa.Multipart;

/**
 * Issue 13: the Comune di Malnate loads its patrimonio from a spreadsheet with {@code POST /api/enti/{id}/anagrafe/importazione}.
 * A file full of mistakes is refused as a whole with every row, column and reason, and nothing is written; «le righe
 * valide» writes only those; a second load of the same file changes nothing; a changed row updates its alloggio and is
 * recorded; a file that is not a spreadsheet is a 400 in Italian.
 */
@IntegrationTest
class ImportazioneAnagrafeTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    ClientHttp http;
    long malnate;
    String prefisso;

    @BeforeEach
    void client() {
        http = new ClientHttp(port);
        malnate = jdbc.queryForObject("select id from ente_proprietario where codice_fiscale = ?", Long.class, CF_COMUNE_MALNATE);
        prefisso = "IMP" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
    }

    private ClientHttp.Risposta importa(String utente, byte[] file, boolean righeValide) {
        Multipart corpo = Multipart.di(Map.of(), "file", "patrimonio.xlsx", file);
        return http.invia(http.richiesta("/api/enti/" + malnate + "/anagrafe/importazione" + (righeValide ? "?righeValide=true" : ""), utente)
                .header("Content-Type", corpo.tipo()).POST(HttpRequest.BodyPublishers.ofByteArray(corpo.corpo())).build());
    }

    private long alloggiConPrefisso() {
        return jdbc.queryForObject("select count(*) from alloggio where codice_ui like ?", Long.class, prefisso + "%");
    }

    private long registroConPrefisso() {
        return jdbc.queryForObject("select count(*) from anagrafe_registro r join alloggio a on a.id = r.alloggio_id where a.codice_ui like ?",
                Long.class, prefisso + "%");
    }

    @Test
    void unFilePienoDiErroriNonScriveNullaEDiceRigaColonnaEMotivoPoiSiImportanoLeRigheValide() {
        byte[] file = unFoglio()
                .alloggio(prefisso + "-001", prefisso + "-F1", "LIBERO")                                                      // row 3
                .alloggio(prefisso + "-002", prefisso + "-F1", "SFITTO PER CARENZE MANUTENTIVE")                              // row 4
                .alloggio("CON SPAZI", prefisso + "-F1", "LIBERO")                                                           // row 5
                .riga(prefisso + "-004", "00331030122", "Comune di Malnate", "012096", "Malnate", "", "Via dei Fogli 4", "", 1,
                        "sessanta", 3, "LIBERO")                                                                                // row 6
                .riga(prefisso + "-005", "00331030122", "Comune di Malnate", "012999", "Atlantide", "", "Via dei Fogli 5", "", 1, 50,
                        3, "LIBERO")                                                                                            // row 7
                .alloggio(prefisso + "-006", "", "AFFITTATO")                                                                  // row 8
                .alloggio(prefisso + "-007", "", "LIBERO")                                                                     // row 9
                .alloggio(prefisso + "-007", "", "OCCUPATO")                                                                   // row 10
                .riga(prefisso + "-008", CF_COMUNE_VARESE, "Comune di Varese", "012133", "Varese", "", "Via dei Fogli 8", "", 1, 50,
                        3, "LIBERO")                                                                                            // row 11
                .alloggio(prefisso + "-009", "", "SFITTO PER RISTRUTTURAZIONE")                                                // row 12
                .xlsx();

        ClientHttp.Risposta rifiutata = importa(MALNATE, file, false);
        assertThat(rifiutata.status()).as(rifiutata.body()).isEqualTo(422);
        JsonNode esito = rifiutata.json();
        assertThat(esito.get("esito").asText()).isEqualTo("NON_IMPORTATA");
        assertThat(esito.get("righe").asInt()).isEqualTo(10);
        assertThat(esito.get("rifiutate").asInt()).isEqualTo(7);
        assertThat(esito.get("nuovi").asInt()).isZero();
        assertThat(scarti(esito)).containsExactly(
                "5|Codice Identificativo dell'Unità Immobiliare|CON SPAZI|codice non valido",
                "6|Superficie utile (m²)|sessanta|numero non valido",
                "7|Codice ISTAT|012999|comune sconosciuto",
                "8|Stato|AFFITTATO|stato sconosciuto",
                "9|Codice Identificativo dell'Unità Immobiliare|" + prefisso + "-007|codice ripetuto nel file (righe 9, 10)",
                "10|Codice Identificativo dell'Unità Immobiliare|" + prefisso + "-007|codice ripetuto nel file (righe 9, 10)",
                "11|Codice Fiscale dell'Ente Proprietario|" + CF_COMUNE_VARESE + "|alloggio di un altro ente");
        assertThat(alloggiConPrefisso()).isZero();
        assertThat(jdbc.queryForObject("select count(*) from fabbricato where codice like ?", Long.class, prefisso + "%")).isZero();
        assertThat(registroConPrefisso()).isZero();
        // the report is kept, for the console and for this API
        long id = esito.get("id").asLong();
        assertThat(http.get("/api/enti/" + malnate + "/anagrafe/importazione/" + id, MALNATE).json().get("scarti")).hasSize(7);
        assertThat(http.get("/api/enti/" + malnate + "/anagrafe/importazione/" + id, CAPOFILA).status()).isEqualTo(404);

        ClientHttp.Risposta valide = importa(MALNATE, file, true);
        assertThat(valide.status()).as(valide.body()).isEqualTo(200);
        assertThat(valide.json().get("esito").asText()).isEqualTo("IMPORTATE_RIGHE_VALIDE");
        assertThat(valide.json().get("nuovi").asInt()).isEqualTo(3);
        assertThat(valide.json().get("fabbricatiNuovi").asInt()).isEqualTo(1);
        assertThat(jdbc.queryForList("select codice_ui || ':' || stato from alloggio where codice_ui like ? order by codice_ui", String.class,
                prefisso + "%")).containsExactly(prefisso + "-001:LIBERO", prefisso + "-002:SFITTO_CARENZE_MANUTENTIVE",
                prefisso + "-009:SFITTO_RISTRUTTURAZIONE");
        assertThat(jdbc.queryForObject("select count(*) from alloggio a join fabbricato f on f.id = a.fabbricato_id where f.codice = ?",
                Long.class, prefisso + "-F1")).isEqualTo(2);
        assertThat(registroConPrefisso()).isEqualTo(3);
        assertThat(jdbc.queryForObject("select count(distinct importazione_id) from anagrafe_registro r join alloggio a on a.id = r.alloggio_id"
                + " where a.codice_ui like ?", Long.class, prefisso + "%")).isEqualTo(1);
    }

    @Test
    void loStessoFileDueVolteNonCambiaNullaEUnaRigaCambiataAggiornaERegistra() {
        byte[] file = unFoglio().alloggio(prefisso + "-1", prefisso + "-F", "LIBERO").alloggio(prefisso + "-2", prefisso + "-F", "OCCUPATO")
                .alloggio(prefisso + "-3", "", "OCCUPATO SENZA TITOLO").xlsx();
        ClientHttp.Risposta prima = importa(MALNATE, file, false);
        assertThat(prima.status()).as(prima.body()).isEqualTo(200);
        assertThat(prima.json().get("nuovi").asInt()).isEqualTo(3);
        long registrate = registroConPrefisso();
        List<Long> versioni = jdbc.queryForList("select version from alloggio where codice_ui like ? order by codice_ui", Long.class, prefisso + "%");

        ClientHttp.Risposta seconda = importa(MALNATE, file, false);
        assertThat(seconda.status()).isEqualTo(200);
        assertThat(seconda.json().get("nuovi").asInt()).isZero();
        assertThat(seconda.json().get("aggiornati").asInt()).isZero();
        assertThat(seconda.json().get("invariati").asInt()).isEqualTo(3);
        assertThat(registroConPrefisso()).isEqualTo(registrate);
        assertThat(jdbc.queryForList("select version from alloggio where codice_ui like ? order by codice_ui", Long.class, prefisso + "%"))
                .isEqualTo(versioni);
        assertThat(alloggiConPrefisso()).isEqualTo(3);

        byte[] cambiato = unFoglio().alloggio(prefisso + "-1", prefisso + "-F", "SFITTO PER CARENZE MANUTENTIVE")
                .alloggio(prefisso + "-2", prefisso + "-F", "OCCUPATO").alloggio(prefisso + "-3", "", "OCCUPATO SENZA TITOLO").xlsx();
        ClientHttp.Risposta terza = importa(MALNATE, cambiato, false);
        assertThat(terza.json().get("aggiornati").asInt()).isEqualTo(1);
        assertThat(terza.json().get("invariati").asInt()).isEqualTo(2);
        assertThat(jdbc.queryForObject("select stato from alloggio where codice_ui = ?", String.class, prefisso + "-1"))
                .isEqualTo("SFITTO_CARENZE_MANUTENTIVE");
        Map<String, Object> modifica = jdbc.queryForMap("""
                select r.azione, r.operatore, r.prima::text as prima, r.dopo::text as dopo, r.importazione_id
                  from anagrafe_registro r join alloggio a on a.id = r.alloggio_id where a.codice_ui = ? order by r.id desc limit 1""",
                prefisso + "-1");
        assertThat(modifica.get("azione")).isEqualTo("MODIFICA");
        assertThat(modifica.get("operatore")).isEqualTo(MALNATE);
        assertThat(modifica.get("prima").toString()).isEqualTo("{\"stato\": \"LIBERO\"}");
        assertThat(modifica.get("dopo").toString()).isEqualTo("{\"stato\": \"SFITTO_CARENZE_MANUTENTIVE\"}");
        assertThat(((Number) modifica.get("importazione_id")).longValue()).isEqualTo(terza.json().get("id").asLong());
    }

    @Test
    void unFileCheNonEUnFoglioExcelOdaneggiatoEUn400InItaliano() {
        ClientHttp.Risposta testo = importa(MALNATE, "codice;stato\nA;LIBERO\n".getBytes(StandardCharsets.UTF_8), false);
        assertThat(testo.status()).isEqualTo(400);
        assertThat(testo.json().get("errori").get(0).get("campo").asText()).isEqualTo("file");
        assertThat(testo.body()).contains("il file non è un foglio Excel");
        byte[] rotto = {0x50, 0x4B, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        ClientHttp.Risposta danneggiato = importa(MALNATE, rotto, false);
        assertThat(danneggiato.status()).isEqualTo(400);
        assertThat(danneggiato.body()).contains("danneggiato o non leggibile");
        ClientHttp.Risposta senzaColonne = importa(MALNATE, unFoglio().xlsx().length > 0 ? soloTitoli() : null, false);
        assertThat(senzaColonne.status()).isEqualTo(400);
        assertThat(senzaColonne.body()).contains("mancano le colonne", "«Stato»");
        // another ente's operator is refused before the file is read; a reading operator too
        assertThat(importa(CAPOFILA, unFoglio().alloggio(prefisso + "-X", "", "LIBERO").xlsx(), false).status()).isEqualTo(404);
        assertThat(importa(SUPERVISORE, unFoglio().alloggio(prefisso + "-X", "", "LIBERO").xlsx(), false).status()).isEqualTo(403);
        assertThat(alloggiConPrefisso()).isZero();
    }

    /** A sheet whose headings miss the state. */
    private static byte[] soloTitoli() {
        try (var libro = new org.apache.poi.xssf.usermodel.XSSFWorkbook(); var out = new java.io.ByteArrayOutputStream()) {
            var riga = libro.createSheet("x").createRow(0);
            riga.createCell(0).setCellValue("Codice Identificativo dell'Unità Immobiliare");
            riga.createCell(1).setCellValue("Indirizzo");
            libro.write(out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** «riga|colonna|valore|start of the reason» of each refused row. */
    private static List<String> scarti(JsonNode esito) {
        List<String> righe = new java.util.ArrayList<>();
        for (JsonNode s : esito.get("scarti")) {
            String motivo = s.get("motivo").asText();
            String inizio = motivo.contains(":") && !motivo.startsWith("codice ripetuto") ? motivo.substring(0, motivo.indexOf(':')) : motivo;
            if (motivo.startsWith("codice ripetuto")) {
                inizio = motivo.substring(0, motivo.indexOf(')') + 1);
            }
            righe.add(s.get("riga").asInt() + "|" + s.get("colonna").asText() + "|" + s.get("valore").asText() + "|" + inizio);
        }
        return righe;
    }
}
