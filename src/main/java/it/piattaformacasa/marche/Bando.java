package it.piattaformacasa.marche;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A Marche Comune's bando (seed 004, «Definizione bandi», Fig. 4): its number (unique for the ente in the year of
 * publication), publication date, closing date, and the later closing date for residents abroad («Data Scad.
 * (Estero)»). {@code versioneCondizioni}: the grid's current version, 0 before the first «Copia da modello» or save;
 * {@code domande}: how many domande were filed (a bando with one can no longer be deleted, nor its grid changed).
 */
public record Bando(long id, long enteId, String ente, String numero, int anno, LocalDate dataPubblicazione,
                    LocalDate dataScadenza, LocalDate dataScadenzaEstero, String creatoDa, Instant creatoIl,
                    int versioneCondizioni, long domande, boolean gestibile) {

    /** «Elimina» (seed 004: «utilizzabile solo se non esistono domande collegate al bando»). */
    public boolean eliminabile() {
        return gestibile && domande == 0;
    }

    /** The grid may change until the first domanda (seed 004, Fig. 11). */
    public boolean condizioniModificabili() {
        return gestibile && domande == 0;
    }
}
