package it.piattaformacasa.common;

import java.util.List;

/** Well-formed input that the rules do not admit (HTTP 422), with every reason. */
public class NonAmmissibileException extends RuntimeException {

    private static final String REQUISITI = "Requisiti non soddisfatti";

    private final String titolo;
    private final List<String> motivi;

    public NonAmmissibileException(String message, List<String> motivi) {
        this(REQUISITI, message, motivi);
    }

    /** @param titolo what kind of refusal it is, when it is not about the requirements (a reused key, say) */
    public NonAmmissibileException(String titolo, String message, List<String> motivi) {
        super(message);
        this.titolo = titolo;
        this.motivi = List.copyOf(motivi);
    }

    public String titolo() {
        return titolo;
    }

    public List<String> motivi() {
        return motivi;
    }
}
