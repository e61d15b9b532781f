package it.piattaformacasa.common;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * A spreadsheet an ente uploads in one of the seeds' layouts (the patrimonio of seed 001, the abilitazioni of seed
 * 002): the first sheet, its headings' row found among the first ten, each later row as the text of the columns it
 * recognises. Whatever is wrong with the file itself (not Excel, broken, headings missing, too many rows) is a
 * {@link DatiNonValidiException} on the field {@code file}; what is wrong with a row is for the caller to say.
 */
public final class FoglioExcel {

    private static final byte[] ZIP = {0x50, 0x4B, 0x03, 0x04};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};

    private FoglioExcel() {
    }

    /** A row of the sheet: its number as the spreadsheet shows it and the text of each column found. */
    public record Riga<C>(int numero, Map<C, String> valori) {
        public String valore(C c) {
            String v = valori.get(c);
            return v == null || v.isBlank() ? null : v.strip();
        }
    }

    /**
     * A layout.
     *
     * @param colonne      every column of the layout, in order
     * @param riconosci    the column a heading names, if any
     * @param obbligatoria whether a column must be there
     * @param intestazione a column's heading as the messages name it
     * @param cosa         what the file holds, for «scegliere il foglio Excel (.xlsx) …» («del patrimonio»)
     * @param modello      whose headings to use («dell'elenco degli alloggi»)
     * @param suggerimento where to find them, after the headings' name (may be empty)
     * @param righeMassime how many rows a file may hold
     */
    public record Tracciato<C>(List<C> colonne, Function<String, Optional<C>> riconosci, Predicate<C> obbligatoria,
                               Function<C, String> intestazione, String cosa, String modello, String suggerimento,
                               int righeMassime) {
    }

    public static <C> List<Riga<C>> leggi(byte[] contenuto, Tracciato<C> tracciato) {
        controllaFile(contenuto, tracciato.cosa(), tracciato.modello());
        try (Workbook libro = WorkbookFactory.create(new ByteArrayInputStream(contenuto))) {
            if (libro.getNumberOfSheets() == 0) {
                throw DatiNonValidiException.campo("file", "il foglio Excel non contiene fogli");
            }
            return righe(libro.getSheetAt(0), tracciato);
        } catch (DatiNonValidiException e) {
            throw e;
        } catch (Exception | LinkageError e) {
            throw danneggiato();
        }
    }

    /**
     * Refuses, on the field «file», what cannot be a spreadsheet: nothing, or bytes that are neither an .xlsx (zip) nor an
     * old .xls (OLE2).
     *
     * @param cosa    what the sheet holds, as the message says it («del patrimonio»)
     * @param modello whose columns it should have («dell'elenco degli alloggi»)
     */
    public static void controllaFile(byte[] contenuto, String cosa, String modello) {
        if (contenuto == null || contenuto.length == 0) {
            throw DatiNonValidiException.campo("file", "nessun file: scegliere il foglio Excel (.xlsx) " + cosa);
        }
        if (!xlsx(contenuto) && !inizia(contenuto, OLE2)) {
            throw DatiNonValidiException.campo("file", "il file non è un foglio Excel: caricare un file .xlsx con le colonne "
                    + modello);
        }
    }

    /** Whether the bytes are a zip, as an .xlsx is (an old .xls is OLE2). */
    public static boolean xlsx(byte[] contenuto) {
        return inizia(contenuto, ZIP);
    }

    /** POI reports a broken zip, a truncated or encrypted file in many ways: all of them are the file's fault. */
    public static DatiNonValidiException danneggiato() {
        return DatiNonValidiException.campo("file", "il file Excel è danneggiato o non leggibile: salvarlo di nuovo come .xlsx"
                + " e ripetere il caricamento");
    }

    /** A name for the file to keep: no control characters, at most 200 characters, {@code predefinito} if none. */
    public static String nomeFile(String nomeFile, String predefinito) {
        String nome = nomeFile == null || nomeFile.isBlank() ? predefinito : nomeFile.strip();
        nome = nome.replaceAll("[\\p{Cntrl}]", "");
        return nome.length() > 200 ? nome.substring(nome.length() - 200) : nome;
    }

    private static boolean inizia(byte[] contenuto, byte[] firma) {
        if (contenuto.length < firma.length) {
            return false;
        }
        for (int i = 0; i < firma.length; i++) {
            if (contenuto[i] != firma[i]) {
                return false;
            }
        }
        return true;
    }

    private static <C> List<Riga<C>> righe(Sheet foglio, Tracciato<C> tracciato) {
        DataFormatter formato = new DataFormatter(Locale.ITALY);
        // the headings' row: the first among the first ten that names the most columns (seed 001's sheets have a row of
        // column letters above it)
        int rigaTitoli = -1;
        Map<Integer, C> colonne = Map.of();
        for (int r = foglio.getFirstRowNum(); r <= Math.min(foglio.getLastRowNum(), foglio.getFirstRowNum() + 9); r++) {
            Row riga = foglio.getRow(r);
            if (riga == null) {
                continue;
            }
            Map<Integer, C> trovate = new HashMap<>();
            for (Cell cella : riga) {
                if (cella.getCellType() == CellType.STRING) {
                    Optional<C> c = tracciato.riconosci().apply(cella.getStringCellValue());
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
        List<String> mancanti = new ArrayList<>();
        for (C c : tracciato.colonne()) {
            if (tracciato.obbligatoria().test(c) && !colonne.containsValue(c)) {
                mancanti.add("«" + tracciato.intestazione().apply(c) + "»");
            }
        }
        if (rigaTitoli < 0 || !mancanti.isEmpty()) {
            throw DatiNonValidiException.campo("file", "mancano le colonne " + String.join(", ", mancanti)
                    + ": usare l'intestazione " + tracciato.modello()
                    + (tracciato.suggerimento().isEmpty() ? "" : " " + tracciato.suggerimento()));
        }
        if (foglio.getLastRowNum() - rigaTitoli > tracciato.righeMassime()) {
            throw DatiNonValidiException.campo("file", "al massimo " + tracciato.righeMassime() + " righe in un file");
        }
        List<Riga<C>> righe = new ArrayList<>();
        for (int r = rigaTitoli + 1; r <= foglio.getLastRowNum(); r++) {
            Row riga = foglio.getRow(r);
            if (riga == null) {
                continue;
            }
            Map<C, String> valori = new LinkedHashMap<>();
            for (Map.Entry<Integer, C> c : colonne.entrySet()) {
                String testo = testo(riga.getCell(c.getKey()), formato);
                if (testo != null && !testo.isBlank()) {
                    valori.put(c.getValue(), testo);
                }
            }
            if (!valori.isEmpty()) {
                righe.add(new Riga<>(r + 1, valori));
            }
        }
        return righe;
    }

    /** A cell as text: numbers without the spreadsheet's formatting (62.5, not «62,50 m²»), formulas by their value. */
    public static String testo(Cell cella, DataFormatter formato) {
        if (cella == null) {
            return null;
        }
        CellType tipo = cella.getCellType() == CellType.FORMULA ? cella.getCachedFormulaResultType() : cella.getCellType();
        return switch (tipo) {
            case NUMERIC -> numero(cella.getNumericCellValue());
            case STRING -> cella.getStringCellValue();
            case BOOLEAN -> cella.getBooleanCellValue() ? "SI" : "NO";
            case BLANK -> null;
            default -> formato.formatCellValue(cella);
        };
    }

    /** A number as the layouts read it: no grouping, no trailing zeros (62.5, 1200). */
    public static String numero(double valore) {
        return BigDecimal.valueOf(valore).stripTrailingZeros().toPlainString();
    }
}
