package it.piattaformacasa.regole;

import static it.piattaformacasa.regole.DatiIsbarBuilder.datiIsbar;
import static it.piattaformacasa.regole.IsbarDiTest.calcola;
import static it.piattaformacasa.regole.IsbarDiTest.regoleDi;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Table «Punti residenza comune» of rules/isbar.dmn: points only with a family or housing condition and a chosen
 * alloggio in the comune of residence (ISBAR-ALLEGATO1 §1.1, slide of the platform).
 */
class IsbarResidenzaComuneTest {

    @ParameterizedTest(name = "condizione {0}, alloggio nel comune {1}, {2} anni → {3} punti (regola {4})")
    @CsvSource({
            "false, true,  20, 0, 1, false",
            "false, false, 20, 0, 1, false",
            "true,  false, 20, 0, 2, false",
            "true,  true,  20, 8, 3, false",
            "true,  true,  11, 8, 3, false",
            "true,  true,  10, 5, 4, true",
            "true,  true,  8,  5, 4, true",
            "true,  true,  7,  3, 5, true",
            "true,  true,  5,  3, 5, true",
            "true,  true,  4,  0, 6, true",
            "true,  true,  0,  0, 6, true"
    })
    void laResidenzaNelComuneValePuntiSoloConUnaCondizioneEUnAlloggioNelComune(
            boolean coabitazione, boolean alloggioNelComune, int anni, String punti, int regola,
            boolean provvisoria) {
        PunteggioIsbar punteggio = calcola(datiIsbar()
                .conCoabitazione(coabitazione)
                .conAlloggioSceltoNelComuneDiResidenza(alloggioNelComune)
                .conAnniResidenzaComune(anni));

        assertThat(punteggio.residenzaComune().valore()).isEqualByComparingTo(punti);
        assertThat(regoleDi(punteggio, CalcoloIsbar.DECISIONE_RESIDENZA_COMUNE))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.numero()).isEqualTo(regola);
                    assertThat(r.descrizione().startsWith("PROVVISORIO:")).isEqualTo(provvisoria);
                    assertThat(r.input())
                            .containsEntry("condizioneFamiliareOAbitativa", coabitazione)
                            .containsEntry("alloggioSceltoNelComuneDiResidenza", alloggioNelComune);
                });
    }

    @Test
    void unaInvaliditaDelSessantaseiPerCentoBastaComeCondizioneFamiliare() {
        PunteggioIsbar punteggio = calcola(datiIsbar().conInvalidita(66).conAnniResidenzaComune(12));

        assertThat(punteggio.residenzaComune().valore()).isEqualByComparingTo("8");
    }

    @Test
    void unaInvaliditaSottoIlSessantaseiPerCentoNonBastaComeCondizioneFamiliare() {
        PunteggioIsbar punteggio = calcola(datiIsbar().conInvalidita(65).conAnniResidenzaComune(12));

        assertThat(punteggio.residenzaComune().valore()).isEqualByComparingTo("0");
        assertThat(regoleDi(punteggio, CalcoloIsbar.DECISIONE_RESIDENZA_COMUNE))
                .singleElement().satisfies(r -> assertThat(r.numero()).isEqualTo(1));
    }
}
