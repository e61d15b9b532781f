package it.piattaformacasa.cittadino;

import java.time.Instant;
import java.util.List;

/**
 * The mail server the platform starts on the embedded default (issue 16): what it received, for the administrators'
 * page «Posta della demo» and for the tests. Absent when the platform sends through a configured SMTP server.
 */
public interface CasellaDellaDemo {

    record Messaggio(String a, String oggetto, Instant ricevutoIl, String testo) {
    }

    /** Every message received since start, newest first. */
    List<Messaggio> messaggi();

    /** Where it listens, e.g. «127.0.0.1:2525». */
    String indirizzo();
}
