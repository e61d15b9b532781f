package it.piattaformacasa.regole;

import java.util.List;

import it.piattaformacasa.common.Punteggio;

/**
 * The ISBAR of a domanda: the five components (the tie-break attributes of art. 12 co. 3 c–e are three of them),
 * their sum, and which rules produced them.
 */
public record PunteggioIsbar(Punteggio familiare, Punteggio abitativo, Punteggio economico, Punteggio residenzaRegione,
                             Punteggio residenzaComune, Punteggio totale, List<RegolaApplicata> spiegazione) {
}
