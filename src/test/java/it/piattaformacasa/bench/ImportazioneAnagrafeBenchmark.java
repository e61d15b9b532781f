package it.piattaformacasa.bench;

import static it.piattaformacasa.DemoUtenti.CF_COMUNE_MALNATE;
import static it.piattaformacasa.DemoUtenti.MALNATE;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import it.piattaformacasa.ClientHttp;
import it.piattaformacasa.IntegrationTest;
import it.piattaformacasa.Multipart;
import it.piattaformacasa.anagrafe.FoglioPatrimonio;

/**
 * Issue 13: the Comune di Malnate loads a patrimonio of N alloggi (default 20 000, in 400 fabbricati) from one
 * spreadsheet through {@code POST /api/enti/{id}/anagrafe/importazione}: the first load (everything new), the same file
 * again (nothing changes), the file with one row in ten changed (updates recorded in the register). Run with
 * {@code ./mvnw -Pbench verify -Dtest=ImportazioneAnagrafeBenchmark} ({@code -Dbench.alloggi=…}); figures in
 * {@code target/bench/importazione-anagrafe.txt}. It measures; it asserts nothing about time.
 */
@IntegrationTest
class ImportazioneAnagrafeBenchmark {

    private static final String[] STATI = {"LIBERO", "OCCUPATO", "OCCUPATO SENZA TITOLO", "SFITTO PER CARENZE MANUTENTIVE",
            "SFITTO PER RISTRUTTURAZIONE"};

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void ventimilaAlloggiInUnFile() throws Exception {
        int quanti = Integer.getInteger("bench.alloggi", 20_000);
        long ente = jdbc.queryForObject("select id from ente_proprietario where codice_fiscale = ?", Long.class, CF_COMUNE_MALNATE);
        ClientHttp http = new ClientHttp(port);
        byte[] primo = foglio(quanti, 0);
        byte[] cambiato = foglio(quanti, 10);

        long t0 = System.nanoTime();
        ClientHttp.Risposta prima = importa(http, ente, primo);
        long t1 = System.nanoTime();
        ClientHttp.Risposta seconda = importa(http, ente, primo);
        long t2 = System.nanoTime();
        ClientHttp.Risposta terza = importa(http, ente, cambiato);
        long t3 = System.nanoTime();
        assertThat(prima.status()).as(prima.body()).isEqualTo(200);
        assertThat(prima.json().get("nuovi").asInt()).isEqualTo(quanti);
        assertThat(seconda.json().get("invariati").asInt()).isEqualTo(quanti);
        assertThat(terza.json().get("aggiornati").asInt()).isEqualTo(quanti / 10);

        String risultato = String.format(Locale.ROOT, """
                Importazione del patrimonio da Excel (POST /api/enti/{id}/anagrafe/importazione), %d alloggi in %d fabbricati,
                file .xlsx di %.1f MB
                  prima importazione (tutti nuovi, %d righe nel registro):   %6.1f s
                  lo stesso file di nuovo (nulla cambia):                     %6.1f s
                  una riga su dieci cambiata (%d aggiornamenti registrati):   %6.1f s
                """, quanti, quanti / 50, primo.length / 1_048_576.0, quanti + quanti / 50, (t1 - t0) / 1e9, (t2 - t1) / 1e9,
                quanti / 10, (t3 - t2) / 1e9);
        Path file = Path.of("target", "bench", "importazione-anagrafe.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, risultato);
        System.out.println(risultato);
    }

    private static ClientHttp.Risposta importa(ClientHttp http, long ente, byte[] file) {
        Multipart corpo = Multipart.di(Map.of(), "file", "patrimonio.xlsx", file);
        return http.invia(http.richiesta("/api/enti/" + ente + "/anagrafe/importazione", MALNATE)
                .header("Content-Type", corpo.tipo()).POST(HttpRequest.BodyPublishers.ofByteArray(corpo.corpo())).build());
    }

    /** N units of Malnate with seed 001's headings; every {@code ogni}-th row with another state (0: none). */
    private static byte[] foglio(int quanti, int ogni) throws Exception {
        List<String> titoli = FoglioPatrimonio.INTESTAZIONI;
        try (SXSSFWorkbook libro = new SXSSFWorkbook(200); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet foglio = libro.createSheet("Alloggi");
            Row intestazione = foglio.createRow(0);
            for (int c = 0; c < titoli.size(); c++) {
                intestazione.createCell(c).setCellValue(titoli.get(c));
            }
            for (int i = 0; i < quanti; i++) {
                Row r = foglio.createRow(i + 1);
                int stato = ogni > 0 && i % ogni == 0 ? (i + 1) % STATI.length : i % STATI.length;
                r.createCell(0).setCellValue(String.format("BENCH-%06d", i));
                r.createCell(1).setCellValue("00331030122");
                r.createCell(2).setCellValue("Comune di Malnate");
                r.createCell(3).setCellValue("012096");
                r.createCell(4).setCellValue("Malnate");
                r.createCell(5).setCellValue("Quartiere " + (i % 12));
                r.createCell(6).setCellValue("Via del Banco " + (i / 50));
                r.createCell(7).setCellValue(String.format("BENCH-F%04d", i / 50));
                r.createCell(8).setCellValue(i % 6);
                r.createCell(9).setCellValue(40 + (i % 80) + 0.25);
                r.createCell(10).setCellValue(1 + i % 5);
                r.createCell(11).setCellValue(STATI[stato]);
            }
            libro.write(out);
            libro.dispose();
            return out.toByteArray();
        }
    }
}
