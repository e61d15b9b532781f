package it.piattaformacasa.regole;

import static it.piattaformacasa.regole.DatiIsbarBuilder.datiIsbar;
import static it.piattaformacasa.regole.IsbarDiTest.calcola;
import static it.piattaformacasa.regole.IsbarDiTest.regoleDi;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Table «Punti residenza regione» of rules/isbar.dmn (Allegato 1 r.r. 4/2017 come modificato dal r.r. 3/2019). */
class IsbarResidenzaRegioneTest {

    @ParameterizedTest(name = "{0} anni in Lombardia → {1} punti (regola {2}, provvisoria {3})")
    @CsvSource({
            "0,  0,   4, true",
            "4,  0,   4, true",
            "5,  2.5, 3, true",
            "10, 2.5, 3, true",
            "11, 4.5, 2, true",
            "15, 4.5, 2, true",
            "16, 6.5, 1, false",
            "40, 6.5, 1, false"
    })
    void oltreQuindiciAnniInLombardiaValgonoSeiPuntiEMezzoLeFasceInferioriSonoProvvisorie(
            int anni, String punti, int regola, boolean provvisoria) {
        PunteggioIsbar punteggio = calcola(datiIsbar().conAnniResidenzaLombardia(anni));

        assertThat(punteggio.residenzaRegione().valore()).isEqualByComparingTo(punti);
        assertThat(regoleDi(punteggio, CalcoloIsbar.DECISIONE_RESIDENZA_REGIONE))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.numero()).isEqualTo(regola);
                    assertThat(r.descrizione().startsWith("PROVVISORIO:")).isEqualTo(provvisoria);
                    assertThat(r.descrizione()).contains("art. 12 co. 3");
                    assertThat((BigDecimal) r.input().get("anniResidenzaLombardia")).isEqualByComparingTo(
                            BigDecimal.valueOf(anni));
                });
    }
}
