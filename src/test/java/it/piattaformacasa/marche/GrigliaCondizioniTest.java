package it.piattaformacasa.marche;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import it.piattaformacasa.common.DatiNonValidiException.Errore;

/** The grid's rules without Spring (issue 15): the seed's model is valid, and each rule of validity can fail. */
class GrigliaCondizioniTest {

    private final GrigliaCondizioni modello = new ModelloCondizioni().griglia();

    @Test
    void ilModelloDelSeedEValidoEHaLeSediciCondizioniInOrdine() {
        assertThat(modello.errori()).isEmpty();
        assertThat(modello.condizioni()).extracting(GrigliaCondizioni.Condizione::contenitore)
                .containsExactly(ContenitoreCondizione.values());
        assertThat(ContenitoreCondizione.OGGETTIVA_3_BIS.etichetta()).isEqualTo("OGGETTIVA 3 bis");
        // what the manual does not give is marked, with a note
        assertThat(modello.condizioni().stream().flatMap(c -> c.fasce().stream()).filter(GrigliaCondizioni.Fascia::provvisoria))
                .isNotEmpty().allSatisfy(f -> assertThat(f.nota()).isNotBlank());
    }

    @Test
    void fasceContigueSonoValideEUnaSovrappostaNo() {
        assertThat(conFasce(ContenitoreCondizione.SOGGETTIVA_2, fascia("1", null, "2"), fascia("2", "2", "4"), fascia("3", "4", null)))
                .isEmpty();
        assertThat(conFasce(ContenitoreCondizione.SOGGETTIVA_2, fascia("1", null, "2"), fascia("2", "1", "4")))
                .anySatisfy(e -> assertThat(e.messaggio()).contains("la fascia b (oltre 1 fino a 4) si sovrappone alla fascia a"));
        // two bands open above overlap whatever their lower ends
        assertThat(conFasce(ContenitoreCondizione.SOGGETTIVA_2, fascia("1", "2", null), fascia("2", "5", null)))
                .anySatisfy(e -> assertThat(e.messaggio()).contains("si sovrappone"));
    }

    @Test
    void limitiPuntiEPerOgniHannoLeLoroRegole() {
        assertThat(conFasce(ContenitoreCondizione.SOGGETTIVA_2, fascia("1", "1,5", "2")))
                .anySatisfy(e -> assertThat(e.campo()).endsWith(".fasce[0].oltre"));
        assertThat(conFasce(ContenitoreCondizione.SOGGETTIVA_7, fascia("1", "0", "2")))
                .anySatisfy(e -> assertThat(e.messaggio()).contains("richiedono il parametro della condizione"));
        assertThat(conFasce(ContenitoreCondizione.SOGGETTIVA_7, new GrigliaCondizioni.Fascia("t", new BigDecimal("1.125"), null, null,
                false, false, null))).anySatisfy(e -> assertThat(e.messaggio()).contains("al più due decimali"));
        assertThat(conFasce(ContenitoreCondizione.SOGGETTIVA_2, new GrigliaCondizioni.Fascia("t", BigDecimal.ONE, BigDecimal.ONE, null,
                true, false, null))).anySatisfy(e -> assertThat(e.messaggio()).contains("«per ogni»"));
    }

    @Test
    void salvandoSoloLeFasceCambiatePerdonoIlSegnoDiProvvisorie() {
        GrigliaCondizioni.Condizione due = modello.condizione(ContenitoreCondizione.SOGGETTIVA_2);
        List<GrigliaCondizioni.Fascia> fasce = new ArrayList<>(due.fasce());
        GrigliaCondizioni.Fascia c = fasce.get(2);
        fasce.set(2, new GrigliaCondizioni.Fascia(c.testo(), new BigDecimal("2.5"), c.oltre(), c.finoA(), c.perOgni(), true, c.nota()));
        GrigliaCondizioni salvata = sostituisci(due.conFasce(fasce)).rispetto(modello);
        List<GrigliaCondizioni.Fascia> dopo = salvata.condizione(ContenitoreCondizione.SOGGETTIVA_2).fasce();
        assertThat(dopo.get(0).provvisoria()).isTrue();
        assertThat(dopo.get(2).provvisoria()).isFalse();
        assertThat(dopo.get(2).nota()).isNull();
    }

    private List<Errore> conFasce(ContenitoreCondizione contenitore, GrigliaCondizioni.Fascia... fasce) {
        return sostituisci(modello.condizione(contenitore).conFasce(List.of(fasce))).errori();
    }

    private GrigliaCondizioni sostituisci(GrigliaCondizioni.Condizione nuova) {
        return new GrigliaCondizioni(modello.condizioni().stream().map(c -> c.codice().equals(nuova.codice()) ? nuova : c).toList());
    }

    private static GrigliaCondizioni.Fascia fascia(String punti, String oltre, String finoA) {
        return new GrigliaCondizioni.Fascia("fascia", new BigDecimal(punti), oltre == null ? null : new BigDecimal(oltre.replace(',', '.')),
                finoA == null ? null : new BigDecimal(finoA), false, false, null);
    }
}
