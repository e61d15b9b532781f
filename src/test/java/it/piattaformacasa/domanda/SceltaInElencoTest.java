package it.piattaformacasa.domanda;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import it.piattaformacasa.regole.RegoleAlloggi.TitoloDiScelta;

/** How a list or an export writes a domanda's chosen alloggi: in order, each with its comune and art. 9 title. */
class SceltaInElencoTest {

    @Test
    void inUnaCellaOgniAlloggioHaNumeroCodiceComuneETitolo() {
        List<SceltaInElenco> scelte = List.of(
                new SceltaInElenco(1, 19, "AL-VA-101-04", "Varese", "012133", TitoloDiScelta.RESIDENZA, null),
                new SceltaInElenco(2, 31, "MA-GU-01-37", "Malnate", "012096", TitoloDiScelta.LAVORO, null),
                new SceltaInElenco(3, 40, "AL-GZ-3-01", "Gazzada Schianno", "012073", TitoloDiScelta.AMBITO, null),
                new SceltaInElenco(4, 41, "AL-VA-102-01", "Varese", "012133", null, null));

        assertThat(SceltaInElenco.inUnaRiga(scelte)).isEqualTo("1. AL-VA-101-04 (Varese, residenza); "
                + "2. MA-GU-01-37 (Malnate, lavoro); 3. AL-GZ-3-01 (Gazzada Schianno, altro comune dell'ambito); "
                + "4. AL-VA-102-01 (Varese, non verificato)");
        assertThat(scelte).extracting(SceltaInElenco::titoloTesto).containsExactly("comune di residenza", "comune di lavoro",
                "altro comune dell'ambito", "non verificato");
        assertThat(SceltaInElenco.inUnaRiga(List.of())).as("an empty cell, not an empty text").isNull();
        assertThat(new SceltaInElenco(1, 19, "AL-VA-101-04", "Varese", "012133", TitoloDiScelta.LAVORO, "altro").titoloTesto())
                .as("always the title's own text").isEqualTo("comune di lavoro");
    }
}
