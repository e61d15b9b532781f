package it.piattaformacasa.common;

import java.util.Optional;

/**
 * The characters a text from outside may not contain, in one place for every input of the API (JSON bodies, query
 * parameters, path variables, headers): control characters (C0, DEL, C1 — NUL among them, which PostgreSQL refuses
 * outright), line and paragraph separators, the controls that reorder text on screen (bidi embeddings, overrides,
 * isolates: a name that displays differently from what is stored), unpaired surrogates and Unicode noncharacters.
 * A free-text field (notes, reasons) may also hold new lines and tabs.
 */
public final class TestoSicuro {

    private TestoSicuro() {
    }

    /**
     * @param multiriga whether new lines ({@code \n}) and tabs are allowed: free-text notes and reasons only
     * @return the reason, in Italian, why the text is refused; empty when it is acceptable
     */
    public static Optional<String> problema(String testo, boolean multiriga) {
        for (int i = 0; i < testo.length(); ) {
            int carattere = testo.codePointAt(i);
            String motivo = motivo(carattere, multiriga);
            if (motivo != null) {
                return Optional.of("contiene " + motivo + " (" + String.format("U+%04X", carattere) + ", posizione "
                        + (testo.codePointCount(0, i) + 1) + "), non ammesso");
            }
            i += Character.charCount(carattere);
        }
        return Optional.empty();
    }

    private static String motivo(int c, boolean multiriga) {
        if (c == '\n' || c == '\t') {
            return multiriga ? null : c == '\n' ? "un a capo" : "una tabulazione";
        }
        if (c == 0) {
            return "il carattere nullo";
        }
        return switch (Character.getType(c)) {
            case Character.CONTROL -> "un carattere di controllo";
            case Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> "un separatore di riga";
            case Character.SURROGATE -> "un carattere Unicode incompleto";
            default -> (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) ? "un controllo della direzione del testo"
                    : c == 0xFEFF ? "un carattere invisibile di inizio file"
                    : (c & 0xFFFE) == 0xFFFE || (c >= 0xFDD0 && c <= 0xFDEF) ? "un carattere Unicode non valido" : null;
        };
    }
}
