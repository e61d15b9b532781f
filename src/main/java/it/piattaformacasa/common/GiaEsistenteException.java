package it.piattaformacasa.common;

/** A second copy of something that may exist only once (HTTP 409 with the id of the existing one). */
public class GiaEsistenteException extends ConflittoException {

    private final long idEsistente;

    public GiaEsistenteException(String message, long idEsistente) {
        super(message);
        this.idEsistente = idEsistente;
    }

    public long idEsistente() {
        return idEsistente;
    }
}
