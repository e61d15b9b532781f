package it.piattaformacasa.common;

/** The request is valid but the current state does not allow it (HTTP 409). */
public class ConflittoException extends RuntimeException {
    public ConflittoException(String message) {
        super(message);
    }
}
