package it.piattaformacasa.common;

/** The caller sees the resource but may not perform this operation on it (HTTP 403). */
public class AccessoNegatoException extends RuntimeException {
    public AccessoNegatoException(String message) {
        super(message);
    }
}
