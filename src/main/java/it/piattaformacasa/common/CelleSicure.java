package it.piattaformacasa.common;

/**
 * Text cells of the .xlsx and CSV downloads that a spreadsheet would run as a formula (CSV or formula injection,
 * OWASP): a name, a street or a heating description typed as {@code =HYPERLINK(…)}, {@code +…}, {@code -…} or
 * {@code @…} is stored as the citizen or the operator wrote it, and neutralised only where it is written into a sheet.
 * Numbers are written as numbers and are not concerned (a negative amount stays negative).
 */
public final class CelleSicure {

    private CelleSicure() {
    }

    /** Whether a spreadsheet would read the text as a formula: its first character, including the full-width forms. */
    public static boolean sembraFormula(String testo) {
        if (testo == null || testo.isEmpty()) {
            return false;
        }
        char primo = testo.charAt(0);
        return "=+-@\t\r\uFF1D\uFF0B\uFF0D\uFF20".indexOf(primo) >= 0;
    }

    /** For a CSV field: a leading apostrophe makes the spreadsheet show the text as text. */
    public static String perCsv(String testo) {
        return sembraFormula(testo) ? "'" + testo : testo;
    }
}
