package it.piattaformacasa.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import it.piattaformacasa.common.CelleSicure;
import it.piattaformacasa.common.ItalianFormats;

/** A report as a table: Italian column titles and rows of plain values; written as JSON, .xlsx or CSV. */
public record Tabella(String titolo, List<String> colonne, List<List<Object>> righe) {

    /**
     * A date the .xlsx writes as a date cell (gg/mm/aaaa), so a spreadsheet sorts and filters it; the CSV and the pages
     * print it gg/mm/aaaa. Opt-in: a bare {@code LocalDate} stays text as the existing reports always wrote it.
     */
    public record Data(LocalDate giorno) {

        public static Data di(LocalDate giorno) {
            return giorno == null ? null : new Data(giorno);
        }
    }

    public byte[] xlsx() {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet foglio = workbook.createSheet(titolo.length() > 31 ? titolo.substring(0, 31) : titolo);
            CellStyle intestazione = workbook.createCellStyle();
            Font grassetto = workbook.createFont();
            grassetto.setBold(true);
            intestazione.setFont(grassetto);
            Stili stili = new Stili(workbook);
            Row titoli = foglio.createRow(0);
            for (int c = 0; c < colonne.size(); c++) {
                titoli.createCell(c).setCellValue(colonne.get(c));
                titoli.getCell(c).setCellStyle(intestazione);
            }
            for (int r = 0; r < righe.size(); r++) {
                Row riga = foglio.createRow(r + 1);
                List<Object> valori = righe.get(r);
                for (int c = 0; c < valori.size(); c++) {
                    cella(riga, c, valori.get(c), stili);
                }
            }
            for (int c = 0; c < colonne.size(); c++) {
                foglio.autoSizeColumn(c);
            }
            foglio.createFreezePane(0, 1);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Semicolons and Italian decimals, as spreadsheets configured for Italy expect. */
    public byte[] csv() {
        StringBuilder csv = new StringBuilder();
        csv.append(titoliCsv(colonne)).append("\r\n");
        for (List<Object> riga : righe) {
            csv.append(rigaCsv(riga)).append("\r\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A cell of the .xlsx: numbers as numbers, text that looks like a formula shown as text; nothing for no value. */
    static void cella(Row riga, int colonna, Object v, Stili stili) {
        if (v instanceof Number n) {
            riga.createCell(colonna).setCellValue(n.doubleValue());
            if (v instanceof BigDecimal b && b.scale() > 0) {
                // the decimals the value carries, as the CSV prints them («28,380»)
                riga.getCell(colonna).setCellStyle(stili.decimali(b.scale()));
            }
        } else if (v instanceof Data d) {
            riga.createCell(colonna).setCellValue(d.giorno());
            riga.getCell(colonna).setCellStyle(stili.data());
        } else if (v != null) {
            riga.createCell(colonna).setCellValue(testo(v));
            if (CelleSicure.sembraFormula(testo(v))) {
                riga.getCell(colonna).setCellStyle(stili.testoLetterale);
            }
        }
    }

    /** The styles the cells of a workbook share: one each, a workbook holds a limited number. */
    static final class Stili {

        /** A text the spreadsheet would run as a formula is shown as text («quote prefix»), its value unchanged. */
        final CellStyle testoLetterale;
        private final Workbook workbook;
        private final Map<Integer, CellStyle> decimali = new HashMap<>();
        private CellStyle data;

        Stili(Workbook workbook) {
            this.workbook = workbook;
            this.testoLetterale = workbook.createCellStyle();
            testoLetterale.setQuotePrefixed(true);
        }

        CellStyle data() {
            if (data == null) {
                data = workbook.createCellStyle();
                data.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy"));
            }
            return data;
        }

        CellStyle decimali(int quanti) {
            return decimali.computeIfAbsent(quanti, n -> {
                CellStyle stile = workbook.createCellStyle();
                stile.setDataFormat(workbook.createDataFormat().getFormat("#,##0." + "0".repeat(n)));
                return stile;
            });
        }
    }

    /** A line of the CSV, without its end: Italian decimals, «Sì»/«No», formulas neutralised, fields quoted where needed. */
    static String rigaCsv(List<Object> riga) {
        return riga.stream().map(v -> v == null ? "" : campo(v instanceof Number || v instanceof Boolean ? testo(v)
                : CelleSicure.perCsv(testo(v)))).collect(Collectors.joining(";"));
    }

    /** The line of the column titles. */
    static String titoliCsv(List<String> colonne) {
        return colonne.stream().map(Tabella::campo).collect(Collectors.joining(";"));
    }

    /** A cell as the CSV writes it (empty for no value): what a page showing the table prints. */
    public static String testoCella(Object v) {
        return v == null ? "" : testo(v);
    }

    static String testo(Object v) {
        if (v instanceof BigDecimal b) {
            return ItalianFormats.decimale(b, Math.max(0, b.scale()));
        }
        if (v instanceof Boolean b) {
            return b ? "Sì" : "No";
        }
        if (v instanceof Data d) {
            return ItalianFormats.data(d.giorno());
        }
        return v.toString();
    }

    private static String campo(String v) {
        return v.contains(";") || v.contains("\"") || v.contains("\n") || v.contains("\r") || v.startsWith("'")
                ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }
}
