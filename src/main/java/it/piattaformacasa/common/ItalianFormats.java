package it.piattaformacasa.common;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The formats citizens and operators read in letters, graduatorie and screens: it-IT, Europe/Rome, whatever the
 * JVM defaults of the server are.
 */
public final class ItalianFormats {

    public static final Locale LOCALE = Locale.ITALY;
    public static final ZoneId ZONE = ZoneId.of("Europe/Rome");

    private static final DateTimeFormatter DATA = DateTimeFormatter.ofPattern("dd/MM/uuuu", LOCALE);
    private static final DateTimeFormatter DATA_ORA = DateTimeFormatter.ofPattern("dd/MM/uuuu HH:mm", LOCALE)
            .withZone(ZONE);

    /** "3.000,50", "3000,50", "3.000": dots only as thousands separators, in groups of three. */
    private static final Pattern NOTAZIONE_ITALIANA = Pattern.compile("-?(\\d{1,3}(\\.\\d{3})*|\\d+)(,\\d+)?");
    private static final Pattern NOTAZIONE_COL_PUNTO = Pattern.compile("-?\\d+(\\.\\d+)?");

    private ItalianFormats() {
    }

    /**
     * {@code 1234.5} with 3 decimals → {@code "1.234,500"}. Values with more decimals are rounded half up, the
     * convention of Italian administrative documents.
     */
    public static String decimale(BigDecimal valore, int decimali) {
        Objects.requireNonNull(valore, "valore");
        if (decimali < 0) {
            throw new IllegalArgumentException("Numero di decimali negativo: " + decimali);
        }
        // rounded here, not by DecimalFormat, which would print -0.001 as "-0,00"
        return formato(decimali).format(valore.setScale(decimali, RoundingMode.HALF_UP));
    }

    /** {@code 3000.5} → {@code "3.000,50 €"}. */
    public static String euro(BigDecimal valore) {
        return decimale(valore, 2) + " €";
    }

    /** {@code 2019-07-01} → {@code "01/07/2019"}. */
    public static String data(LocalDate data) {
        return DATA.format(Objects.requireNonNull(data, "data"));
    }

    /** The wall-clock time in Rome: {@code 2019-07-01T07:30:00Z} → {@code "01/07/2019 09:30"}. */
    public static String dataOra(Instant istante) {
        return DATA_ORA.format(Objects.requireNonNull(istante, "istante"));
    }

    /** Converted to Rome time whatever the offset it carries. */
    public static String dataOra(OffsetDateTime dataOra) {
        return dataOra(Objects.requireNonNull(dataOra, "dataOra").toInstant());
    }

    /** One format per thread and number of decimals: DecimalFormat is not thread-safe, and building one parses its pattern. */
    private static final ThreadLocal<DecimalFormat[]> FORMATI = ThreadLocal.withInitial(() -> new DecimalFormat[7]);

    private static DecimalFormat formato(int decimali) {
        DecimalFormat[] formati = FORMATI.get();
        if (decimali >= formati.length) {
            return nuovoFormato(decimali);
        }
        if (formati[decimali] == null) {
            formati[decimali] = nuovoFormato(decimali);
        }
        return formati[decimali];
    }

    private static DecimalFormat nuovoFormato(int decimali) {
        // symbols built by hand: CLDR data for it-IT changes between JDKs, our documents must not
        DecimalFormatSymbols simboli = new DecimalFormatSymbols(Locale.ROOT);
        simboli.setDecimalSeparator(',');
        simboli.setGroupingSeparator('.');
        simboli.setMinusSign('-');
        DecimalFormat formato = new DecimalFormat("#,##0", simboli);
        formato.setMinimumFractionDigits(decimali);
        formato.setMaximumFractionDigits(decimali);
        return formato;
    }

    /** Reads Italian notation ("3.000,50"); {@code null} if the text is not written that way. */
    static BigDecimal leggiNotazioneItaliana(String testo) {
        if (!NOTAZIONE_ITALIANA.matcher(testo).matches()) {
            return null;
        }
        return new BigDecimal(testo.replace(".", "").replace(',', '.'));
    }

    /** Reads plain notation with a decimal point ("3000.50"); {@code null} if the text is not written that way. */
    static BigDecimal leggiNotazioneColPunto(String testo) {
        return NOTAZIONE_COL_PUNTO.matcher(testo).matches() ? new BigDecimal(testo) : null;
    }
}
