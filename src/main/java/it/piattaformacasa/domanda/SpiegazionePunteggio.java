package it.piattaformacasa.domanda;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import it.piattaformacasa.common.Punteggio;
import it.piattaformacasa.regole.RegolaApplicata;

/**
 * Why a domanda has its current ISBAR, in plain Italian for the citizen (one line per component, the total, the
 * notes) and with the fired rules for the operator.
 *
 * @param isbar           the current score: the working one after a rettifica or ricalcolo, otherwise the submitted one
 * @param corretto        the current score differs from the submitted one
 * @param isbarPresentato the score computed at submission (published in the provisional graduatoria)
 * @param note            said once for the whole explanation (provisional values, correction)
 */
public record SpiegazionePunteggio(long domandaId, Punteggio isbar, boolean corretto, Punteggio isbarPresentato,
                                   List<Riga> righe, List<String> note) {

    /**
     * @param testo       «Condizioni familiari: 3,000 punti perché …»
     * @param provvisorio at least one rule behind these points has a value marked PROVVISORIO in the DMN
     * @param regole      the rules that fired for this component, with their inputs (empty when not recorded)
     */
    public record Riga(ComponenteIsbar componente, Punteggio punti, String testo, boolean provvisorio,
                       List<RegolaApplicata> regole) {
        public Riga {
            Objects.requireNonNull(componente, "componente");
            Objects.requireNonNull(punti, "punti");
            regole = List.copyOf(regole);
        }
    }

    public SpiegazionePunteggio {
        righe = List.copyOf(righe);
        note = List.copyOf(note);
    }

    /** The whole explanation as the citizen reads it, one sentence per line. */
    public String testo() {
        List<String> linee = new ArrayList<>();
        linee.add("Punteggio ISBAR della domanda n. " + domandaId + ": " + isbar.toItalian() + " punti.");
        righe.forEach(r -> linee.add(r.testo()));
        linee.add("Totale: " + isbar.toItalian() + " punti.");
        note.forEach(n -> linee.add("Nota: " + n));
        return String.join("\n", linee) + "\n";
    }

    /** The component lines and the notes on one line, for a cell of a report. */
    public String testoSuUnaRiga() {
        List<String> frasi = new ArrayList<>();
        righe.forEach(r -> frasi.add(r.testo()));
        note.forEach(n -> frasi.add("Nota: " + n));
        return String.join(" ", frasi);
    }
}
