package it.piattaformacasa.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A {@link Tabella} too long to hold (the 100 000 domande of an avviso): its rows come one at a time from {@code righe},
 * which reads them from the database in batches, and are written as they come — the .xlsx keeps {@value #RIGHE_IN_MEMORIA}
 * rows in memory (POI's SXSSF, the others in a compressed temporary file), the CSV only its text. The cells are
 * {@link Tabella}'s: numbers as numbers with their decimals, «Sì»/«No», formulas neutralised. Only the finished file
 * (a few MB for 100 000 rows) is held, so the answer still has its length and an error still its page.
 */
public record TabellaLunga(String titolo, List<String> colonne, Righe righe) {

    /** Gives every row, in order, to {@code riga}; called once per file. */
    @FunctionalInterface
    public interface Righe {
        void scrivi(Consumer<List<Object>> riga);
    }

    static final int RIGHE_IN_MEMORIA = 100;
    /** The columns' widths are measured on the first rows, not all: autosizing 100 000 rows measures every cell's font. */
    private static final int RIGHE_MISURATE = 1_000;
    private static final int LARGHEZZA_MASSIMA = 60;

    public byte[] xlsx() {
        SXSSFWorkbook workbook = new SXSSFWorkbook(RIGHE_IN_MEMORIA);
        workbook.setCompressTempFiles(true);
        try (workbook; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            SXSSFSheet foglio = workbook.createSheet(titolo.length() > 31 ? titolo.substring(0, 31) : titolo);
            CellStyle intestazione = workbook.createCellStyle();
            Font grassetto = workbook.createFont();
            grassetto.setBold(true);
            intestazione.setFont(grassetto);
            Tabella.Stili stili = new Tabella.Stili(workbook);
            int[] larghezze = new int[colonne.size()];
            Row titoli = foglio.createRow(0);
            for (int c = 0; c < colonne.size(); c++) {
                titoli.createCell(c).setCellValue(colonne.get(c));
                titoli.getCell(c).setCellStyle(intestazione);
                larghezze[c] = colonne.get(c).length();
            }
            int[] numero = {0};
            righe.scrivi(valori -> {
                Row riga = foglio.createRow(++numero[0]);
                for (int c = 0; c < valori.size(); c++) {
                    Tabella.cella(riga, c, valori.get(c), stili);
                    if (numero[0] <= RIGHE_MISURATE && c < larghezze.length) {
                        larghezze[c] = Math.max(larghezze[c], Tabella.testoCella(valori.get(c)).length());
                    }
                }
            });
            for (int c = 0; c < colonne.size(); c++) {
                foglio.setColumnWidth(c, Math.min(LARGHEZZA_MASSIMA, larghezze[c] + 2) * 256);
            }
            foglio.createFreezePane(0, 1);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            // the temporary file of the rows already written
            workbook.dispose();
        }
    }

    /** Semicolons and Italian decimals, as {@link Tabella#csv()}. */
    public byte[] csv() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Writer csv = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            csv.write(Tabella.titoliCsv(colonne));
            csv.write("\r\n");
            righe.scrivi(riga -> {
                try {
                    csv.write(Tabella.rigaCsv(riga));
                    csv.write("\r\n");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
