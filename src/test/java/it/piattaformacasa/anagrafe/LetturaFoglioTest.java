package it.piattaformacasa.anagrafe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import it.piattaformacasa.anagrafe.LetturaFoglio.RigaLetta;
import it.piattaformacasa.anagrafe.TracciatoAlloggi.Colonna;
import it.piattaformacasa.common.DatiNonValidiException;
import it.piattaformacasa.common.FoglioExcel;

/**
 * Issue 13: the import reads an .xlsx as a stream, and must read it as the whole workbook did. Each sheet here is read
 * both ways, by {@link LetturaFoglio} and by the workbook model the import used before ({@link #comePrima}), and the
 * rows must be the same: shared and inline strings, numbers, booleans, formulas and their cached values, an error,
 * blank cells and rows, headings below a row of letters and in an order of their own, a column outside the layout.
 */
class LetturaFoglioTest {

    @ParameterizedTest
    @ValueSource(strings = {"xlsx", "sxssf", "xls"})
    void ilFoglioSiLeggeComeLoLeggevaIlModelloIntero(String formato) throws Exception {
        byte[] file = foglio(switch (formato) {
            case "xlsx" -> XSSFWorkbook::new;
            case "sxssf" -> () -> new SXSSFWorkbook(5);
            default -> HSSFWorkbook::new;
        });

        List<RigaLetta> lette = LetturaFoglio.leggi(file);

        assertThat(lette).isEqualTo(comePrima(file));
        // 14 rows, one missing and one with a column outside the layout only
        assertThat(lette).hasSize(12);
        RigaLetta prima = lette.get(0);
        assertThat(prima.numero()).isEqualTo(4);
        assertThat(prima.valori()).containsEntry(Colonna.CODICE_UI, "LF-001").containsEntry(Colonna.CODICE_ISTAT, "12096")
                .containsEntry(Colonna.SUPERFICIE, "62.5").containsEntry(Colonna.PIANO, "0").containsEntry(Colonna.ASCENSORE, "SI")
                .containsEntry(Colonna.VANI, "3").doesNotContainKey(Colonna.SCALA);
        if (!formato.equals("sxssf")) {
            // formulas by their cached value; an error by its formula, as DataFormatter showed it
            assertThat(lette.get(1).valori()).containsEntry(Colonna.VANI, "3").containsEntry(Colonna.SCALA, "B2");
            assertThat(lette.get(3).valori()).containsEntry(Colonna.VANI, "1/0").containsEntry(Colonna.SCALA, "SI");
        }
        assertThat(lette.get(7).valori()).containsEntry(Colonna.VANI, "-0.5").containsEntry(Colonna.SCALA,
                formato.equals("xls") ? "riga_x000D_due" : "riga\rdue");
        assertThat(lette.get(6).valori()).containsEntry(Colonna.VANI, "1000000000000").containsEntry(Colonna.SCALA, "A bis");
    }

    @Test
    void unFoglioSenzaIntestazioneOConTroppeRigheERifiutatoComePrima() throws Exception {
        byte[] senza;
        try (XSSFWorkbook libro = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet foglio = libro.createSheet("x");
            for (int r = 0; r < 12; r++) {
                foglio.createRow(r).createCell(0).setCellValue("Stato");
            }
            libro.write(out);
            senza = out.toByteArray();
        }
        assertThatThrownBy(() -> LetturaFoglio.leggi(senza)).isInstanceOf(DatiNonValidiException.class)
                .hasMessageContaining("mancano le colonne");

        byte[] lungo;
        try (SXSSFWorkbook libro = new SXSSFWorkbook(50); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet foglio = libro.createSheet("x");
            Row titoli = foglio.createRow(0);
            List<String> intestazioni = TracciatoAlloggi.intestazioni();
            for (int c = 0; c < intestazioni.size(); c++) {
                titoli.createCell(c).setCellValue(intestazioni.get(c));
            }
            foglio.createRow(ImportazioneAnagrafeService.RIGHE_MASSIME + 1).createCell(0).setCellValue("troppo in basso");
            libro.write(out);
            libro.dispose();
            lungo = out.toByteArray();
        }
        assertThatThrownBy(() -> LetturaFoglio.leggi(lungo)).isInstanceOf(DatiNonValidiException.class)
                .hasMessageContaining("al massimo 100000 righe");
    }

    /** Seed 001's layout under a row of letters, columns shuffled, one more column, every kind of cell. */
    private static byte[] foglio(Supplier<Workbook> nuovo) throws Exception {
        try (Workbook libro = nuovo.get(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet foglio = libro.createSheet("Alloggi");
            foglio.createRow(0).createCell(0).setCellValue("Elenco degli alloggi");
            List<String> intestazioni = new ArrayList<>(TracciatoAlloggi.intestazioni());
            java.util.Collections.reverse(intestazioni);
            intestazioni.add(3, "Note dell'ente");
            Row lettere = foglio.createRow(1);
            Row titoli = foglio.createRow(2);
            for (int c = 0; c < intestazioni.size(); c++) {
                lettere.createCell(c).setCellValue(String.valueOf((char) ('A' + c)));
                titoli.createCell(c).setCellValue(intestazioni.get(c));
            }
            Map<String, Integer> col = new HashMap<>();
            for (int c = 0; c < intestazioni.size(); c++) {
                col.put(intestazioni.get(c), c);
            }
            for (int i = 0; i < 14; i++) {
                if (i == 5) {
                    continue; // a missing row
                }
                Row r = foglio.createRow(3 + i);
                if (i == 7) {
                    r.createCell(col.get("Note dell'ente")).setCellValue("solo una nota: la riga non conta");
                    continue;
                }
                r.createCell(col.get("Codice Identificativo dell'Unità Immobiliare")).setCellValue(String.format("LF-%03d", i + 1));
                r.createCell(col.get("Codice ISTAT")).setCellValue(12096);
                r.createCell(col.get("Codice Fiscale dell'Ente Proprietario")).setCellValue("00331030122");
                r.createCell(col.get("Indirizzo")).setCellValue(i == 2 ? "  Via con spazi  " : "Via dei Fogli " + i);
                r.createCell(col.get("Piano")).setCellValue(i % 4);
                r.createCell(col.get("Superficie utile (m²)")).setCellValue(62.5 + i * 0.25);
                r.createCell(col.get("Stato")).setCellValue(i % 2 == 0 ? "LIBERO" : "SFITTO PER CARENZE MANUTENTIVE");
                r.createCell(col.get("Ascensore")).setCellValue(i % 3 == 0);
                r.createCell(col.get("Note dell'ente")).setCellValue("nota " + i);
                Cell vani = r.createCell(col.get("Vani"));
                Cell scala = r.createCell(col.get("Scala"));
                switch (i) {
                    case 1 -> {
                        vani.setCellFormula("1+2");
                        scala.setCellFormula("\"B\"&\"2\"");
                    }
                    case 3 -> {
                        vani.setCellFormula("1/0");
                        scala.setCellFormula("1=1");
                    }
                    case 4 -> {
                        vani.setCellValue("tre");
                        scala.setBlank();
                    }
                    case 6 -> {
                        vani.setCellValue(2.0000001);
                        scala.setCellValue("   ");
                    }
                    case 8 -> {
                        vani.setCellValue(1e12);
                        if (libro instanceof XSSFWorkbook) {
                            XSSFRichTextString ricco = new XSSFRichTextString("A bis");
                            XSSFFont grassetto = ((XSSFWorkbook) libro).createFont();
                            grassetto.setBold(true);
                            ricco.applyFont(0, 1, grassetto);
                            scala.setCellValue(ricco);
                        } else {
                            scala.setCellValue("A bis");
                        }
                    }
                    case 9 -> {
                        vani.setCellValue(-0.5);
                        scala.setCellValue("riga_x000D_due");
                    }
                    default -> {
                        vani.setCellValue(3);
                        scala.setCellValue(i % 5 == 0 ? null : "A");
                    }
                }
            }
            if (libro instanceof SXSSFWorkbook s) {
                // SXSSF writes no cached values for formulas: the streamed reader must read them as the model does
                libro.write(out);
                s.dispose();
            } else {
                libro.getCreationHelper().createFormulaEvaluator().evaluateAll();
                libro.write(out);
            }
            return out.toByteArray();
        }
    }

    /** The import's reading before the stream, verbatim: the whole workbook, then its first sheet's rows. */
    private static List<RigaLetta> comePrima(byte[] contenuto) throws Exception {
        try (Workbook libro = WorkbookFactory.create(new ByteArrayInputStream(contenuto))) {
            Sheet foglio = libro.getSheetAt(0);
            DataFormatter formato = new DataFormatter(Locale.ITALY);
            int rigaTitoli = -1;
            Map<Integer, Colonna> colonne = Map.of();
            for (int r = foglio.getFirstRowNum(); r <= Math.min(foglio.getLastRowNum(), foglio.getFirstRowNum() + 9); r++) {
                Row riga = foglio.getRow(r);
                if (riga == null) {
                    continue;
                }
                Map<Integer, Colonna> trovate = new HashMap<>();
                for (Cell cella : riga) {
                    if (cella.getCellType() == CellType.STRING) {
                        Optional<Colonna> c = Colonna.di(cella.getStringCellValue());
                        if (c.isPresent() && !trovate.containsValue(c.get())) {
                            trovate.put(cella.getColumnIndex(), c.get());
                        }
                    }
                }
                if (trovate.size() > colonne.size()) {
                    colonne = trovate;
                    rigaTitoli = r;
                }
            }
            List<RigaLetta> righe = new ArrayList<>();
            for (int r = rigaTitoli + 1; r <= foglio.getLastRowNum(); r++) {
                Row riga = foglio.getRow(r);
                if (riga == null) {
                    continue;
                }
                Map<Colonna, String> valori = new EnumMap<>(Colonna.class);
                for (Map.Entry<Integer, Colonna> c : colonne.entrySet()) {
                    String testo = FoglioExcel.testo(riga.getCell(c.getKey()), formato);
                    if (testo != null && !testo.isBlank()) {
                        valori.put(c.getValue(), testo);
                    }
                }
                if (!valori.isEmpty()) {
                    righe.add(new RigaLetta(r + 1, valori));
                }
            }
            return righe;
        }
    }
}
