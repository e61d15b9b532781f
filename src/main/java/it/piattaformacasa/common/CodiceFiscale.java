package it.piattaformacasa.common;

import java.util.Locale;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Codice fiscale of a natural person (16 characters, omocodia allowed) or of a legal entity such as a Comune or an
 * ALER (11 digits, same algorithm as the partita IVA), validated with its check character.
 *
 * <p>Instances are always normalized (trimmed, upper case), so equality is the equality of the codes.
 */
public final class CodiceFiscale {

    private static final int LUNGHEZZA_PERSONA = 16;
    private static final int LUNGHEZZA_ENTE = 11;

    /** Digits of year, day and comune may be replaced by these letters (omocodia), 0 → L ... 9 → V. */
    private static final String OMOCODIA = "LMNPQRSTUV";
    private static final String CIFRA = "[0-9" + OMOCODIA + "]";
    private static final Pattern PERSONA = Pattern.compile(
            "[A-Z]{6}" + CIFRA + "{2}[A-Z]" + CIFRA + "{2}[A-Z]" + CIFRA + "{3}[A-Z]");
    private static final String MESI = "ABCDEHLMPRST";
    private static final Pattern ENTE = Pattern.compile("[0-9]{11}");

    /** Values of characters in odd (1-based) positions, indexed 0-9 for digits and A-Z for letters alike. */
    private static final int[] DISPARI = {
            1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23};

    private final String valore;

    private CodiceFiscale(String valore) {
        this.valore = valore;
    }

    // DELEGATING: with the parameter-names module a one-argument creator could otherwise be read as a property
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static CodiceFiscale of(String codice) {
        if (codice == null || codice.isBlank()) {
            throw new IllegalArgumentException("Codice fiscale mancante");
        }
        String normalizzato = codice.trim().toUpperCase(Locale.ROOT);
        // messages never repeat the code: they end up in logs and it is personal data
        switch (normalizzato.length()) {
            case LUNGHEZZA_PERSONA -> validaPersonaFisica(normalizzato);
            case LUNGHEZZA_ENTE -> validaEnte(normalizzato);
            default -> throw new IllegalArgumentException(
                    "Codice fiscale non valido: lunghezza 16 o 11 caratteri attesa, ricevuti " + normalizzato.length());
        }
        return new CodiceFiscale(normalizzato);
    }

    public static boolean isValid(String codice) {
        try {
            of(codice);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @JsonValue
    public String valore() {
        return valore;
    }

    public boolean personaFisica() {
        return valore.length() == LUNGHEZZA_PERSONA;
    }

    private static void validaPersonaFisica(String codice) {
        if (!PERSONA.matcher(codice).matches()) {
            throw new IllegalArgumentException("Codice fiscale non valido: formato di persona fisica errato");
        }
        if (MESI.indexOf(codice.charAt(8)) < 0) {
            throw new IllegalArgumentException("Codice fiscale non valido: mese di nascita errato ("
                    + codice.charAt(8) + ")");
        }
        int giorno = Integer.parseInt(senzaOmocodia(codice.substring(9, 11)));
        // women have 40 added to the day of birth
        if (!(giorno >= 1 && giorno <= 31 || giorno >= 41 && giorno <= 71)) {
            throw new IllegalArgumentException("Codice fiscale non valido: giorno di nascita errato (" + giorno + ")");
        }
        char atteso = carattereDiControllo(codice);
        if (codice.charAt(15) != atteso) {
            throw new IllegalArgumentException(
                    "Codice fiscale non valido: carattere di controllo errato (atteso " + atteso + ")");
        }
    }

    private static void validaEnte(String codice) {
        if (!ENTE.matcher(codice).matches()) {
            throw new IllegalArgumentException("Codice fiscale non valido: il codice di un ente ha 11 cifre");
        }
        int atteso = cifraDiControllo(codice);
        if (codice.charAt(10) - '0' != atteso) {
            throw new IllegalArgumentException(
                    "Codice fiscale non valido: cifra di controllo errata (attesa " + atteso + ")");
        }
    }

    /**
     * Completes a code with its check character: 15 characters of a personal code (letter), or the 10 digits of an
     * ente's (digit).
     */
    public static String conControllo(String senzaControllo) {
        String codice = senzaControllo.trim().toUpperCase(java.util.Locale.ROOT);
        if (codice.length() == 10 && codice.chars().allMatch(Character::isDigit)) {
            return codice + cifraDiControllo(codice);
        }
        if (codice.length() == 15) {
            return codice + carattereDiControllo(codice);
        }
        throw new IllegalArgumentException("Servono 15 caratteri (persona) o 10 cifre (ente): " + senzaControllo);
    }

    private static String senzaOmocodia(String cifre) {
        StringBuilder sb = new StringBuilder(cifre.length());
        for (char c : cifre.toCharArray()) {
            int i = OMOCODIA.indexOf(c);
            sb.append(i >= 0 ? (char) ('0' + i) : c);
        }
        return sb.toString();
    }

    /** Agenzia delle Entrate algorithm over the first 15 characters; omocodia letters count as letters. */
    private static char carattereDiControllo(String codice) {
        int somma = 0;
        for (int i = 0; i < 15; i++) {
            char c = codice.charAt(i);
            int indice = Character.isDigit(c) ? c - '0' : c - 'A';
            // odd 1-based positions are the even 0-based indexes; even positions count the index itself
            somma += i % 2 == 0 ? DISPARI[indice] : indice;
        }
        return (char) ('A' + somma % 26);
    }

    /** Partita IVA check digit (Luhn variant): digits in even 1-based positions are doubled, minus 9 above 9. */
    private static int cifraDiControllo(String codice) {
        int somma = 0;
        for (int i = 0; i < 10; i++) {
            int n = codice.charAt(i) - '0';
            if (i % 2 == 1) {
                n *= 2;
                if (n > 9) {
                    n -= 9;
                }
            }
            somma += n;
        }
        return (10 - somma % 10) % 10;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CodiceFiscale altro && altro.valore.equals(valore);
    }

    @Override
    public int hashCode() {
        return valore.hashCode();
    }

    @Override
    public String toString() {
        return valore;
    }
}
