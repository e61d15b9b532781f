package it.piattaformacasa.regole.kie;

import java.util.Map;
import org.kie.dmn.api.core.DMNModel;

/**
 * A compiled model with the file it came from and its decision tables indexed by table id.
 */
record ModelloCaricato(DMNModel model, String sorgente, Map<String, TabellaDecisionale> tabelle) {

    ModelloCaricato {
        tabelle = Map.copyOf(tabelle);
    }

    static String chiave(String namespace, String nome) {
        return namespace + "#" + nome;
    }
}
