package it.piattaformacasa.regole.kie;

import java.util.List;

/**
 * What an explanation needs from a decision table, extracted once at load time.
 *
 * @param decisione         name of the decision (or BKM) owning the table
 * @param descrizioniRegole rule descriptions in rule order (index 0 = rule 1)
 * @param espressioniInput  input expression texts in column order (e.g. {@code isee})
 */
record TabellaDecisionale(String decisione, List<String> descrizioniRegole, List<String> espressioniInput) {

    TabellaDecisionale {
        descrizioniRegole = List.copyOf(descrizioniRegole);
        espressioniInput = List.copyOf(espressioniInput);
    }

    String descrizioneRegola(int numero) {
        return numero >= 1 && numero <= descrizioniRegole.size() ? descrizioniRegole.get(numero - 1) : "";
    }
}
