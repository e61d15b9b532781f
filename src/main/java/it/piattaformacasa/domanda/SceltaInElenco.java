package it.piattaformacasa.domanda;

import java.util.List;
import java.util.stream.Collectors;

import it.piattaformacasa.regole.RegoleAlloggi.TitoloDiScelta;

/**
 * A chosen alloggio as the lists and exports show it, so that the ente can check art. 9 in istruttoria: the
 * preference (1 = first), the unit, its comune, and why the domanda could choose it there (residence, work, another
 * comune of the ambito); {@code titolo} null and «non verificato» for domande submitted before the check existed.
 * {@code titoloTesto} is always derived from {@code titolo}. Lists read them with {@link AlloggiScelti}.
 */
public record SceltaInElenco(int preferenza, long alloggioId, String codiceUi, String comune, String codiceIstatComune,
                             TitoloDiScelta titolo, String titoloTesto) {

    public SceltaInElenco {
        titoloTesto = testo(titolo);
    }

    /** «1. AL-VA-101-04 (Varese, residenza); 2. MA-GU-01-37 (Malnate, lavoro)»: the single text cell of an export. */
    public static String inUnaRiga(List<SceltaInElenco> scelte) {
        return scelte.isEmpty() ? null : scelte.stream().map(SceltaInElenco::breve).collect(Collectors.joining("; "));
    }

    private String breve() {
        return preferenza + ". " + codiceUi + " (" + comune + ", " + (titolo == null ? "non verificato" : switch (titolo) {
            case RESIDENZA -> "residenza";
            case LAVORO -> "lavoro";
            case AMBITO -> "altro comune dell'ambito";
            case NON_AMMESSO -> "non ammesso";
        }) + ")";
    }

    /** Why the domanda could choose an alloggio there (art. 9), as the operator reads it. */
    public static String testo(TitoloDiScelta titolo) {
        return titolo == null ? "non verificato" : switch (titolo) {
            case RESIDENZA -> "comune di residenza";
            case LAVORO -> "comune di lavoro";
            case AMBITO -> "altro comune dell'ambito";
            // never stored: a domanda choosing where it may not is refused (422)
            case NON_AMMESSO -> "non ammesso";
        };
    }
}
