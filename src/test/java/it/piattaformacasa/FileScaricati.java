package it.piattaformacasa;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** A downloaded .xlsx or CSV read back as a person's spreadsheet would, for the tests of the console's downloads. */
public final class FileScaricati {

    private FileScaricati() {
    }

    /** The first sheet, row by row: text as text, numbers as {@code Double}, an empty cell as null. */
    public static List<List<Object>> xlsx(byte[] file) {
        try (XSSFWorkbook libro = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            Sheet foglio = libro.getSheetAt(0);
            List<List<Object>> righe = new ArrayList<>();
            for (int r = 0; r <= foglio.getLastRowNum(); r++) {
                Row riga = foglio.getRow(r);
                List<Object> valori = new ArrayList<>();
                for (int c = 0; riga != null && c < riga.getLastCellNum(); c++) {
                    Cell cella = riga.getCell(c);
                    valori.add(cella == null || cella.getCellType() == CellType.BLANK ? null
                            : cella.getCellType() == CellType.NUMERIC ? (Object) cella.getNumericCellValue() : cella.getStringCellValue());
                }
                righe.add(valori);
            }
            return righe;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Semicolon-separated lines (CRLF), fields in double quotes where they need them. */
    public static List<List<String>> csv(String testo) {
        List<List<String>> righe = new ArrayList<>();
        List<String> campi = new ArrayList<>();
        StringBuilder campo = new StringBuilder();
        boolean traVirgolette = false;
        for (int i = 0; i < testo.length(); i++) {
            char c = testo.charAt(i);
            if (traVirgolette) {
                if (c == '"' && i + 1 < testo.length() && testo.charAt(i + 1) == '"') {
                    campo.append('"');
                    i++;
                } else if (c == '"') {
                    traVirgolette = false;
                } else {
                    campo.append(c);
                }
            } else if (c == '"') {
                traVirgolette = true;
            } else if (c == ';') {
                campi.add(campo.toString());
                campo.setLength(0);
            } else if (c == '\r' && i + 1 < testo.length() && testo.charAt(i + 1) == '\n') {
                campi.add(campo.toString());
                campo.setLength(0);
                righe.add(campi);
                campi = new ArrayList<>();
                i++;
            } else {
                campo.append(c);
            }
        }
        if (campo.length() > 0 || !campi.isEmpty()) {
            campi.add(campo.toString());
            righe.add(campi);
        }
        return righe;
    }
}
