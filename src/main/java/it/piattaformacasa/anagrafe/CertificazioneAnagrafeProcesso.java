package it.piattaformacasa.anagrafe;

/** Port to the certificazione-anagrafe process (implemented in anagrafe.process). */
public interface CertificazioneAnagrafeProcesso {

    /** Starts the request; returns the process instance id. */
    String avvia(EnteProprietario ente, int anno);

    boolean inCorso(EnteProprietario ente, int anno);
}
