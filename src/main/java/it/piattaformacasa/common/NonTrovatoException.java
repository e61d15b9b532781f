package it.piattaformacasa.common;

/** A resource that does not exist or that the caller may not see (both answer 404: no leaking of ids). */
public class NonTrovatoException extends RuntimeException {
    public NonTrovatoException(String message) {
        super(message);
    }
}
