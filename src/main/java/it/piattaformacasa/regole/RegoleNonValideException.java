package it.piattaformacasa.regole;

import java.util.List;

/**
 * The rule set cannot be loaded: thrown at startup so that the application refuses to start with invalid DMN.
 * The message lists every problem as «file, decisione «nome»: motivo».
 */
public class RegoleNonValideException extends RuntimeException {

    private final List<String> problemi;

    public RegoleNonValideException(String contesto, List<String> problemi) {
        super(contesto + ":\n - " + String.join("\n - ", problemi));
        this.problemi = List.copyOf(problemi);
    }

    public List<String> problemi() {
        return problemi;
    }
}
