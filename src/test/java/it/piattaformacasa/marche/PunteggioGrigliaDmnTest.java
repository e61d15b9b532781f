package it.piattaformacasa.marche;

import static it.piattaformacasa.marche.ContenitoreCondizione.OGGETTIVA_1;
import static it.piattaformacasa.marche.ContenitoreCondizione.OGGETTIVA_2;
import static it.piattaformacasa.marche.ContenitoreCondizione.SOGGETTIVA_1;
import static it.piattaformacasa.marche.ContenitoreCondizione.SOGGETTIVA_2;
import static it.piattaformacasa.marche.ContenitoreCondizione.SOGGETTIVA_4;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import it.piattaformacasa.common.DatiNonValidiException;
import it.piattaformacasa.marche.PunteggioGriglia.DatiPunteggio;
import it.piattaformacasa.marche.PunteggioGriglia.Punteggio;
import it.piattaformacasa.marche.PunteggioGriglia.Voce;
import it.piattaformacasa.regole.RegoleDerivate;
import it.piattaformacasa.regole.kie.KieDmnRuntime;
import it.piattaformacasa.regole.kie.ModelliDerivati;

/** The Region's model grid scored through its derived DMN model, on KIE, without Spring (issue 15, ADR 16). */
class PunteggioGrigliaDmnTest {

    private static final GrigliaCondizioni MODELLO = new ModelloCondizioni().griglia();
    private static final RegoleDerivate REGOLE = new RegoleDerivate(new ModelliDerivati(20));
    private static final PunteggioGrigliaDmn PUNTEGGIO = new PunteggioGrigliaDmn(REGOLE);

    private static Punteggio calcola(DatiPunteggio dati) {
        return PUNTEGGIO.calcola(1, 1, MODELLO, dati);
    }

    private static Voce voce(Punteggio p, ContenitoreCondizione c) {
        return p.voci().stream().filter(v -> v.condizione() == c).findFirst().orElseThrow();
    }

    @Test
    void iseeComponentiNonCumulabiliEPerOgni() {
        Punteggio p = calcola(new DatiPunteggio(
                Map.of(ParametroCondizione.ISEE, new BigDecimal("4800"), ParametroCondizione.COMPONENTI, new BigDecimal("3"),
                        ParametroCondizione.INVALIDITA, new BigDecimal("100")),
                Map.of(OGGETTIVA_1, Set.of("a"), OGGETTIVA_2, Set.of("a")),
                Map.of(SOGGETTIVA_4, 2)));

        assertThat(voce(p, SOGGETTIVA_1).fascia()).isEqualTo("a");
        assertThat(voce(p, SOGGETTIVA_1).punti()).isEqualByComparingTo("5");
        assertThat(voce(p, SOGGETTIVA_1).spiegazione()).contains("SOGGETTIVA 1 fascia a", "fino a 5.142,58", "5 punti", "4.800");
        assertThat(voce(p, SOGGETTIVA_2).punti()).isEqualByComparingTo("2");
        // invalidity 100% is band b (3 points) and the «per ogni» band c counts twice (2 points), both listed
        assertThat(p.voci()).filteredOn(v -> v.condizione() == SOGGETTIVA_4)
                .extracting(Voce::fascia, v -> v.punti().toPlainString()).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("b", "3.00"), org.assertj.core.groups.Tuple.tuple("c", "2.00"));
        // OGGETTIVA 1 (3) and 2 (2) are not cumulative: only 3 counts, 2 is listed as not counted
        assertThat(voce(p, OGGETTIVA_1).contata()).isTrue();
        assertThat(voce(p, OGGETTIVA_2).contata()).isFalse();
        assertThat(voce(p, OGGETTIVA_2).punti()).isEqualByComparingTo("2");
        // 5 + 2 + 3 + 2 + 3
        assertThat(p.totale()).isEqualTo(new BigDecimal("15.00"));
    }

    @Test
    void ilModelloDerivatoPassaLaValidazioneDelCatalogo() {
        String dmn = PUNTEGGIO.dmn(1, 1, MODELLO);
        assertThat(KieDmnRuntime.problemi("bando-1-condizioni-v1.dmn", dmn.getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void dueLettereSonoUn400CheNominaLaCondizione() {
        assertThatThrownBy(() -> calcola(new DatiPunteggio(Map.of(), Map.of(ContenitoreCondizione.OGGETTIVA_5, Set.of("a", "b")), Map.of())))
                .isInstanceOf(DatiNonValidiException.class)
                .satisfies(e -> assertThat(((DatiNonValidiException) e).errori()).anySatisfy(err -> {
                    assertThat(err.campo()).isEqualTo("spuntate.OGGETTIVA_5");
                    assertThat(err.messaggio()).contains("OGGETTIVA 5");
                }));
    }
}
