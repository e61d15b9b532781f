package it.piattaformacasa.bench;

import static it.piattaformacasa.DemoUtenti.CF_COMUNE_MALNATE;
import static it.piattaformacasa.DemoUtenti.MALNATE;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

import com.fasterxml.jackson.databind.ObjectMapper;

import it.piattaformacasa.ClientHttp;
import it.piattaformacasa.IntegrationTest;
import it.piattaformacasa.Multipart;
import it.piattaformacasa.anagrafe.FoglioPatrimonio;

/**
 * Issue 13: the Comune di Malnate loads a patrimonio of N alloggi (default 20 000, in 400 fabbricati) from one
 * spreadsheet through {@code POST /api/enti/{id}/anagrafe/importazione}: the first load (everything new), the same file
 * again (nothing changes), the file with one row in ten changed (updates recorded in the register). A small import first
 * warms the server up (the first request after the start loads classes and compiles), and is reported apart.
 * <p>
 * In the same run, the references the import is compared with: reading the file alone, with POI's whole-workbook model
 * (what the import did before) and with POI's streaming event API (each cell as formatted text), the better of two runs
 * each; writing alone, the same alloggi and register rows by a plain JDBC batch into the same tables (keys, foreign
 * keys, indexes), rolled back: what a straightforward reader and writer cost, with no checks and no report.
 * Run with {@code ./mvnw -Pbench verify -Dtest=ImportazioneAnagrafeBenchmark} ({@code -Dbench.alloggi=…}); figures in
 * {@code target/bench/importazione-anagrafe.txt}. It measures; it asserts nothing about time.
 */
@IntegrationTest
class ImportazioneAnagrafeBenchmark {

    private static final String[] STATI = {"LIBERO", "OCCUPATO", "OCCUPATO SENZA TITOLO", "SFITTO PER CARENZE MANUTENTIVE",
            "SFITTO PER RISTRUTTURAZIONE"};
    private static final String[] STATI_API = {"LIBERO", "OCCUPATO", "OCCUPATO_SENZA_TITOLO", "SFITTO_CARENZE_MANUTENTIVE",
            "SFITTO_RISTRUTTURAZIONE"};

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    ObjectMapper json;

    @Test
    void ventimilaAlloggiInUnFile() throws Exception {
        int quanti = Integer.getInteger("bench.alloggi", 20_000);
        long ente = jdbc.queryForObject("select id from ente_proprietario where codice_fiscale = ?", Long.class, CF_COMUNE_MALNATE);
        ClientHttp http = new ClientHttp(port);
        byte[] riscaldamento = foglio("BENCH-R", 1_000, 0);
        byte[] primo = foglio("BENCH", quanti, 0);
        byte[] cambiato = foglio("BENCH", quanti, 10);

        long r0 = System.nanoTime();
        assertThat(importa(http, ente, riscaldamento).json().get("nuovi").asInt()).isEqualTo(1_000);
        double riscaldamentoS = secondi(r0);

        long t0 = System.nanoTime();
        ClientHttp.Risposta prima = importa(http, ente, primo);
        double primaS = secondi(t0);
        long t1 = System.nanoTime();
        ClientHttp.Risposta seconda = importa(http, ente, primo);
        double secondaS = secondi(t1);
        long t2 = System.nanoTime();
        ClientHttp.Risposta terza = importa(http, ente, cambiato);
        double terzaS = secondi(t2);
        assertThat(prima.status()).as(prima.body()).isEqualTo(200);
        assertThat(prima.json().get("nuovi").asInt()).isEqualTo(quanti);
        assertThat(seconda.json().get("invariati").asInt()).isEqualTo(quanti);
        assertThat(seconda.json().get("nuovi").asInt() + seconda.json().get("aggiornati").asInt()).isZero();
        assertThat(terza.json().get("aggiornati").asInt()).isEqualTo(quanti / 10);
        assertThat(jdbc.queryForObject("select count(*) from anagrafe_registro where importazione_id = ?", Integer.class,
                prima.json().get("id").asLong())).isEqualTo(quanti + quanti / 50);

        // the references, after the imports: the same JIT-warm server; a reader's best of two (its own code warm too)
        double modelloS = Double.MAX_VALUE;
        double streamingS = Double.MAX_VALUE;
        for (int volta = 0; volta < 2; volta++) {
            long l0 = System.nanoTime();
            int celleModello = leggiConIlModelloIntero(primo);
            modelloS = Math.min(modelloS, secondi(l0));
            long l1 = System.nanoTime();
            int celleStreaming = leggiInStreaming(primo);
            streamingS = Math.min(streamingS, secondi(l1));
            assertThat(celleStreaming).isEqualTo(celleModello);
        }
        long w0 = System.nanoTime();
        scriviConUnBatchSemplice(ente, quanti);
        double scritturaS = secondi(w0);

        String risultato = String.format(Locale.ROOT, """
                Importazione del patrimonio da Excel (POST /api/enti/{id}/anagrafe/importazione), %d alloggi in %d fabbricati,
                file .xlsx di %.1f MB
                  riscaldamento (1 000 alloggi, il primo caricamento dopo l'avvio):  %6.2f s
                  prima importazione (tutti nuovi, %d righe nel registro):     %6.2f s  (%.0f righe/s)
                  lo stesso file di nuovo (nulla cambia):                       %6.2f s  (%.0f righe/s)
                  una riga su dieci cambiata (%d aggiornamenti registrati):     %6.2f s  (%.0f righe/s)
                riferimenti, nella stessa esecuzione:
                  sola lettura del file col modello intero di POI (XSSFWorkbook, com'era):  %6.2f s  (la migliore di 2)
                  sola lettura del file in streaming (XSSFReader + SAX di POI):             %6.2f s  (la migliore di 2)
                  sola scrittura, batch JDBC semplice degli stessi %d alloggi e
                    %d righe di registro nelle stesse tabelle (poi annullata):             %6.2f s
                  prima importazione / (lettura in streaming + scrittura semplice):        %6.1f×
                """, quanti, quanti / 50, primo.length / 1_048_576.0, riscaldamentoS, quanti + quanti / 50, primaS, quanti / primaS,
                secondaS, quanti / secondaS, quanti / 10, terzaS, quanti / terzaS, modelloS, streamingS, quanti, quanti + quanti / 50,
                scritturaS, primaS / (streamingS + scritturaS));
        Path file = Path.of("target", "bench", "importazione-anagrafe.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, risultato);
        System.out.println(risultato);
    }

    private static double secondi(long da) {
        return (System.nanoTime() - da) / 1e9;
    }

    private static ClientHttp.Risposta importa(ClientHttp http, long ente, byte[] file) {
        Multipart corpo = Multipart.di(Map.of(), "file", "patrimonio.xlsx", file);
        return http.invia(http.richiesta("/api/enti/" + ente + "/anagrafe/importazione", MALNATE)
                .header("Content-Type", corpo.tipo()).POST(HttpRequest.BodyPublishers.ofByteArray(corpo.corpo())).build());
    }

    /** N units of Malnate with seed 001's headings; every {@code ogni}-th row with another state (0: none). */
    private static byte[] foglio(String prefisso, int quanti, int ogni) throws Exception {
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
                r.createCell(0).setCellValue(String.format("%s-%06d", prefisso, i));
                r.createCell(1).setCellValue("00331030122");
                r.createCell(2).setCellValue("Comune di Malnate");
                r.createCell(3).setCellValue("012096");
                r.createCell(4).setCellValue("Malnate");
                r.createCell(5).setCellValue("Quartiere " + (i % 12));
                r.createCell(6).setCellValue("Via del Banco " + (i / 50));
                r.createCell(7).setCellValue(String.format("%s-F%04d", prefisso, i / 50));
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

    /** What the import did before: POI's whole workbook, every cell of the first sheet touched. */
    private static int leggiConIlModelloIntero(byte[] file) throws Exception {
        int celle = 0;
        try (Workbook libro = WorkbookFactory.create(new ByteArrayInputStream(file))) {
            for (Row riga : libro.getSheetAt(0)) {
                for (Cell cella : riga) {
                    if (cella.toString() != null) {
                        celle++;
                    }
                }
            }
        }
        return celle;
    }

    /** POI's own streaming reader of a sheet, each cell as formatted text: the least a reader of the file costs. */
    private static int leggiInStreaming(byte[] file) throws Exception {
        int[] celle = {0};
        OPCPackage pacchetto = OPCPackage.open(new ByteArrayInputStream(file));
        try {
            XSSFReader lettore = new XSSFReader(pacchetto);
            XMLReader sax = XMLHelper.newXMLReader();
            sax.setContentHandler(new XSSFSheetXMLHandler(lettore.getStylesTable(), new ReadOnlySharedStringsTable(pacchetto, false),
                    new XSSFSheetXMLHandler.SheetContentsHandler() {
                        @Override
                        public void startRow(int riga) {
                        }

                        @Override
                        public void endRow(int riga) {
                        }

                        @Override
                        public void cell(String riferimento, String valore, XSSFComment commento) {
                            celle[0]++;
                        }
                    }, false));
            try (InputStream foglio = lettore.getSheetsData().next()) {
                sax.parse(new InputSource(foglio));
            }
        } finally {
            pacchetto.revert();
        }
        return celle[0];
    }

    /**
     * The same rows the first import writes, by hand: N alloggi in the fabbricati it created and one register row each,
     * plain JDBC batches of 1 000 into the same tables (keys, foreign keys, indexes), in one transaction rolled back.
     */
    private void scriviConUnBatchSemplice(long ente, int quanti) throws Exception {
        long comune = jdbc.queryForObject("select id from comune where codice_istat = '012096'", Long.class);
        Map<String, Long> fabbricati = new LinkedHashMap<>();
        jdbc.query("select codice, id from fabbricato where ente_id = ? and codice like 'BENCH-F%'",
                rs -> {
                    fabbricati.put(rs.getString(1), rs.getLong(2));
                }, ente);
        Timestamp adesso = Timestamp.from(Instant.now());
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                List<Long> ids = jdbc.queryForList("select nextval(pg_get_serial_sequence('alloggio', 'id')) from generate_series(1, ?)",
                        Long.class, quanti);
                try (PreparedStatement ps = c.prepareStatement("insert into alloggio (id, ente_id, codice_ui, fabbricato_id, comune_id,"
                        + " zona_localita, indirizzo, scala, interno, piano, superficie_utile, vani, ascensore, barriere_architettoniche,"
                        + " destinazione_uso, stato, aggiornato_il) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    for (int i = 0; i < quanti; i++) {
                        ps.setLong(1, ids.get(i));
                        ps.setLong(2, ente);
                        ps.setString(3, String.format("RIF-%06d", i));
                        ps.setLong(4, fabbricati.get(String.format("BENCH-F%04d", i / 50)));
                        ps.setLong(5, comune);
                        ps.setString(6, "Quartiere " + (i % 12));
                        ps.setString(7, "Via del Banco " + (i / 50));
                        ps.setNull(8, Types.VARCHAR);
                        ps.setNull(9, Types.VARCHAR);
                        ps.setInt(10, i % 6);
                        ps.setBigDecimal(11, BigDecimal.valueOf(40 + (i % 80) + 0.25));
                        ps.setInt(12, 1 + i % 5);
                        ps.setBoolean(13, false);
                        ps.setBoolean(14, false);
                        ps.setString(15, "SERVIZI_ABITATIVI_PUBBLICI");
                        ps.setString(16, STATI_API[i % STATI_API.length]);
                        ps.setTimestamp(17, adesso);
                        ps.addBatch();
                        if (i % 1_000 == 999) {
                            ps.executeBatch();
                        }
                    }
                    ps.executeBatch();
                }
                try (PreparedStatement ps = c.prepareStatement("insert into anagrafe_registro (ente_id, alloggio_id, fabbricato_id, azione,"
                        + " importazione_id, prima, dopo, operatore, registrato_il) values (?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?)")) {
                    for (int i = 0; i < quanti + quanti / 50; i++) {
                        boolean alloggio = i < quanti;
                        // what the register keeps: every field of a new alloggio, the four of a new fabbricato
                        Map<String, String> dopo = new LinkedHashMap<>();
                        if (alloggio) {
                            dopo.put("codiceUi", String.format("RIF-%06d", i));
                            dopo.put("fabbricato", String.format("BENCH-F%04d", i / 50));
                            dopo.put("comune", "Malnate");
                            dopo.put("zonaLocalita", "Quartiere " + (i % 12));
                            dopo.put("indirizzo", "Via del Banco " + i / 50);
                            dopo.put("scala", null);
                            dopo.put("interno", null);
                            dopo.put("piano", String.valueOf(i % 6));
                            dopo.put("superficieUtile", BigDecimal.valueOf(40 + (i % 80) + 0.25).setScale(2).toPlainString());
                            dopo.put("vani", String.valueOf(1 + i % 5));
                            dopo.put("ascensore", "false");
                            dopo.put("barriereArchitettoniche", "false");
                            dopo.put("destinazioneUso", "SERVIZI_ABITATIVI_PUBBLICI");
                            dopo.put("stato", STATI_API[i % STATI_API.length]);
                        } else {
                            dopo.put("codice", String.format("BENCH-F%04d", i - quanti));
                            dopo.put("comune", "Malnate");
                            dopo.put("indirizzo", "Via del Banco " + (i - quanti));
                            dopo.put("zonaLocalita", "Quartiere 0");
                        }
                        ps.setLong(1, ente);
                        ps.setObject(2, alloggio ? ids.get(i) : null, Types.BIGINT);
                        ps.setObject(3, alloggio ? null : fabbricati.values().iterator().next(), Types.BIGINT);
                        ps.setString(4, "CREAZIONE");
                        ps.setNull(5, Types.BIGINT);
                        ps.setNull(6, Types.VARCHAR);
                        ps.setString(7, json.writeValueAsString(dopo));
                        ps.setString(8, MALNATE);
                        ps.setTimestamp(9, adesso);
                        ps.addBatch();
                        if (i % 1_000 == 999) {
                            ps.executeBatch();
                        }
                    }
                    ps.executeBatch();
                }
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        }
    }
}
