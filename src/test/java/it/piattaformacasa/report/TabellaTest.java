package it.piattaformacasa.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * CSV or formula injection: a text typed as a formula is written into the downloads as text a spreadsheet will not
 * run, its value unchanged; numbers stay numbers, negative ones included.
 */
class TabellaTest {

    private static final List<String> FORMULE = List.of("=HYPERLINK(\"http://esempio.invalid\";\"clic\")", "+39 0332 1",
            "-2+3", "@SOMMA(A1:A9)", "\tTAB", "＝1+1");

    private final Tabella tabella = new Tabella("Prova", List.of("Testo", "Numero"), List.of(
            List.of(FORMULE.get(0), new BigDecimal("-1.50")), List.of(FORMULE.get(1), -3), List.of(FORMULE.get(2), 4),
            List.of(FORMULE.get(3), 5), List.of(FORMULE.get(4), 6), List.of(FORMULE.get(5), 7),
            List.of("Brambilla <script>", 8)));

    @Test
    void nelCsvUnTestoCheSembraUnaFormulaIniziaConLApostrofoETraVirgolette() {
        List<String> righe = Arrays.asList(new String(tabella.csv(), StandardCharsets.UTF_8).split("\r\n"));
        assertThat(righe.get(1)).isEqualTo("\"'=HYPERLINK(\"\"http://esempio.invalid\"\";\"\"clic\"\")\";-1,50");
        assertThat(righe.get(2)).isEqualTo("\"'+39 0332 1\";-3");
        assertThat(righe.get(3)).isEqualTo("\"'-2+3\";4");
        assertThat(righe.get(4)).isEqualTo("\"'@SOMMA(A1:A9)\";5");
        assertThat(righe.get(5)).isEqualTo("\"'\tTAB\";6");
        assertThat(righe.get(6)).isEqualTo("\"'＝1+1\";7");
        assertThat(righe.get(7)).as("other text as it is").isEqualTo("Brambilla <script>;8");
    }

    @Test
    void nellXlsxLaCellaRestaTestoConIlValoreOriginaleEIlPrefissoDiTesto() throws Exception {
        try (XSSFWorkbook foglio = new XSSFWorkbook(new ByteArrayInputStream(tabella.xlsx()))) {
            for (int r = 1; r <= FORMULE.size(); r++) {
                Row riga = foglio.getSheetAt(0).getRow(r);
                Cell testo = riga.getCell(0);
                assertThat(testo.getCellType()).isEqualTo(CellType.STRING);
                assertThat(testo.getStringCellValue()).isEqualTo(FORMULE.get(r - 1));
                assertThat(testo.getCellStyle().getQuotePrefixed()).as("riga %d", r).isTrue();
                assertThat(riga.getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
            }
            assertThat(foglio.getSheetAt(0).getRow(1).getCell(1).getNumericCellValue()).isEqualTo(-1.5);
            assertThat(foglio.getSheetAt(0).getRow(7).getCell(0).getCellStyle().getQuotePrefixed()).isFalse();
        }
    }

    @Test
    void laTabellaLungaScriveRigaPerRigaLeStesseCelleDellaTabella() throws Exception {
        int[] chiamate = {0};
        TabellaLunga lunga = new TabellaLunga("Prova", tabella.colonne(), riga -> {
            chiamate[0]++;
            tabella.righe().forEach(riga);
        });
        assertThat(lunga.csv()).isEqualTo(tabella.csv());
        try (XSSFWorkbook breve = new XSSFWorkbook(new ByteArrayInputStream(tabella.xlsx()));
             XSSFWorkbook lungo = new XSSFWorkbook(new ByteArrayInputStream(lunga.xlsx()))) {
            for (int r = 0; r <= tabella.righe().size(); r++) {
                for (int c = 0; c < 2; c++) {
                    Cell attesa = breve.getSheetAt(0).getRow(r).getCell(c);
                    Cell scritta = lungo.getSheetAt(0).getRow(r).getCell(c);
                    assertThat(scritta.getCellType()).as("riga %d colonna %d", r, c).isEqualTo(attesa.getCellType());
                    assertThat(scritta.toString()).as("riga %d colonna %d", r, c).isEqualTo(attesa.toString());
                    assertThat(scritta.getCellStyle().getQuotePrefixed()).isEqualTo(attesa.getCellStyle().getQuotePrefixed());
                }
            }
            // decimals as many as the value carries, as the CSV writes them
            assertThat(lungo.getSheetAt(0).getRow(1).getCell(1).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
            assertThat(lungo.getSheetAt(0).getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
        }
        assertThat(chiamate[0]).as("the rows are read once per file").isEqualTo(2);
    }
}
