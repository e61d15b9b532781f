package it.piattaformacasa.config.database;

/** The embedded PostgreSQL cannot start; the message says why and what to do. */
public class EmbeddedPostgresNonAvviabileException extends RuntimeException {

    public EmbeddedPostgresNonAvviabileException(String message, Throwable cause) {
        super(message, cause);
    }
}
