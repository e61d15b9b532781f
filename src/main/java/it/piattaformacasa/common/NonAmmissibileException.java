package it.piattaformacasa.common;

import java.util.List;

/** Well-formed input that the rules do not admit (HTTP 422), with every reason. */
public class NonAmmissibileException extends RuntimeException {

    private final List<String> motivi;

    public NonAmmissibileException(String message, List<String> motivi) {
        super(message);
        this.motivi = List.copyOf(motivi);
    }

    public List<String> motivi() {
        return motivi;
    }
}
