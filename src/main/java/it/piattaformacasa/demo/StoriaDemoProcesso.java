package it.piattaformacasa.demo;

/**
 * Port to the engine for the demo's history (implemented in demo.process): what the job executor and Tasklist would
 * have done while the history was happening, done by the demo data at the date it writes.
 */
public interface StoriaDemoProcesso {

    /** Whether the job executor is running: then the platform's time must not go back, not even for the demo data. */
    boolean lavoriInEsecuzione();

    /** The plan's window opens: its start timer fires, as the job executor fires it on the first day. */
    void apriComunicazioni(long pianoId);

    /** The plan's window ends: the timer at its end fires (on the enti's tasks, or the wait when all had sent). */
    void chiudiComunicazioni(long pianoId);

    /** The approved plan's reference year is over: its last timer fires and the process ends. */
    void concludiAnno(long pianoId);

    /** The ente's operator completes «Certifica dati anagrafe» of the year, as in Tasklist: data updated. */
    void certificaAnagrafe(String codiceFiscaleEnte, int anno, String operatore, String note);
}
