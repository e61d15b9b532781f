package it.piattaformacasa.convenzioni;

import java.util.regex.Pattern;

/**
 * Ids that Camunda Modeler (bpmn-js, dmn-js, form-js) generates by itself: a type prefix and either a 7-character
 * base-36 random suffix whose first character is 0 or 1 ({@code Activity_0x2k9ab}, {@code Flow_1c3dm0q},
 * {@code Field_0v5m2xq}), or a bare number in a fresh diagram ({@code StartEvent_1}, {@code Process_1}).
 * Code, tests and history queries refer to element ids, so they must say what the element is.
 */
public final class IdGenerati {

    private static final Pattern GENERATO = Pattern.compile("^[A-Za-z]+_([01][0-9a-z]{6}|\\d+)$");

    private IdGenerati() {
    }

    public static boolean generato(String id) {
        return id != null && GENERATO.matcher(id).matches();
    }

    public static String regola() {
        return GENERATO.pattern();
    }
}
