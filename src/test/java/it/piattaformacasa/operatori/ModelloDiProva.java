package it.piattaformacasa.operatori;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import it.piattaformacasa.common.CodiceFiscale;

/** Seed 002's model «ABILITAZIONE UTENTI» as an ente fills it: the headings' row, then one row per operator. */
public final class ModelloDiProva {

    private static final Random CASO = new Random();

    private ModelloDiProva() {
    }

    /** A codice fiscale nobody has: random surname and name letters, a valid check character. */
    public static String nuovoCodiceFiscale() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            s.append((char) ('A' + CASO.nextInt(26)));
        }
        return CodiceFiscale.conControllo(s + String.format("%02d", 50 + CASO.nextInt(40)) + "C" + String.format("%02d", 1 + CASO.nextInt(28))
                + "L682");
    }

    public static byte[] xlsx(List<List<String>> righe) {
        try (XSSFWorkbook libro = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet foglio = libro.createSheet("Abilitazione utenti");
            List<List<String>> tutte = new ArrayList<>();
            tutte.add(java.util.Arrays.stream(ModelloAbilitazioni.Colonna.values()).map(ModelloAbilitazioni.Colonna::intestazione).toList());
            tutte.addAll(righe);
            for (int r = 0; r < tutte.size(); r++) {
                Row riga = foglio.createRow(r);
                for (int c = 0; c < tutte.get(r).size(); c++) {
                    riga.createCell(c).setCellValue(tutte.get(r).get(c));
                }
            }
            libro.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
