package it.piattaformacasa.anagrafe;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A spreadsheet of an ente's patrimonio for the import tests (issue 13), with seed 001's headings in an order of its own
 * and, as the seed's sheets have, a row of column letters above them: the data start on the sheet's row 3.
 */
public final class FoglioPatrimonio {

    public static final List<String> INTESTAZIONI = List.of("Codice Identificativo dell'Unità Immobiliare",
            "Codice Fiscale dell'Ente Proprietario", "Ragione Sociale dell'Ente Proprietario", "Codice ISTAT", "Comune",
            "Quartiere/Zona/Località/Frazione", "Indirizzo", "Codice fabbricato di pertinenza", "Piano", "Superficie utile (m²)",
            "Vani", "Stato");

    private final List<List<Object>> righe = new ArrayList<>();

    public static FoglioPatrimonio unFoglio() {
        return new FoglioPatrimonio();
    }

    /** A valid unit of the Comune di Malnate in Malnate. */
    public FoglioPatrimonio alloggio(String codice, String fabbricato, String stato) {
        return riga(codice, "00331030122", "Comune di Malnate", "012096", "Malnate", "Gurone", "Via dei Fogli 1", fabbricato, 1, 55.5, 3, stato);
    }

    public FoglioPatrimonio riga(Object... valori) {
        righe.add(List.of(valori));
        return this;
    }

    public byte[] xlsx() {
        try (XSSFWorkbook libro = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet foglio = libro.createSheet("Alloggi");
            Row lettere = foglio.createRow(0);
            for (int c = 0; c < INTESTAZIONI.size(); c++) {
                lettere.createCell(c).setCellValue(String.valueOf((char) ('A' + c)));
            }
            Row titoli = foglio.createRow(1);
            for (int c = 0; c < INTESTAZIONI.size(); c++) {
                titoli.createCell(c).setCellValue(INTESTAZIONI.get(c));
            }
            for (int r = 0; r < righe.size(); r++) {
                Row riga = foglio.createRow(r + 2);
                for (int c = 0; c < righe.get(r).size(); c++) {
                    Object v = righe.get(r).get(c);
                    if (v instanceof Number n) {
                        riga.createCell(c).setCellValue(n.doubleValue());
                    } else if (v != null) {
                        riga.createCell(c).setCellValue(v.toString());
                    }
                }
            }
            libro.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
