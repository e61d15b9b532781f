package it.piattaformacasa.regole;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** rules/riserve.dmn through the real KIE runtime: every quota with its own rounding rule. */
class RiserveAssegnazioneTest {

    private static final RiserveAssegnazione RISERVE = new RiserveAssegnazione(RegoleDiTest.runtime());

    private static RiserveAssegnazione.Riserve calcola(int alloggi, boolean delComune, String sogliaComune,
                                                        boolean disabilita, String categorie, String forze, String locale) {
        return RISERVE.calcola(new DatiRiserve(alloggi, delComune, new BigDecimal(sogliaComune), disabilita,
                new BigDecimal(categorie), new BigDecimal(forze), new BigDecimal(locale)));
    }

    @Test
    void trentasetteAlloggiComeNellEsempioDellIssue() {
        RiserveAssegnazione.Riserve riserve = calcola(37, false, "0", false, "10", "10", "0");

        assertThat(riserve.indigenti()).as("20 %% di 37 = 7,4, per eccesso").isEqualTo(8);
        assertThat(riserve.categorie()).as("10 %% di 37 = 3,7, da 0,5 in su").isEqualTo(4);
        assertThat(riserve.forzePolizia()).as("10 %% di 37 = 3,7, per eccesso").isEqualTo(4);
        assertThat(riserve.poliziaLocale()).isZero();
    }

    @ParameterizedTest(name = "categorie: {1} % di {0} alloggi → {2}")
    @CsvSource({
            "37, 12, 4",   // 4,44: sotto 0,5 si arrotonda per difetto
            "25, 10, 3",   // 2,5: da 0,5 per eccesso (art. 15 co. 1 ter)
            "37, 20, 7",   // 7,4
            "15, 10, 2",   // 1,5
            "14, 10, 1",   // 1,4
            "37, 0, 0",
            "0, 20, 0"})
    void laRiservaPerLeCategorieSiArrotondaPerEccessoDaMezzo(int alloggi, String percentuale, int attesi) {
        assertThat(calcola(alloggi, false, "0", false, percentuale, "0", "0").categorie()).isEqualTo(attesi);
    }

    @ParameterizedTest(name = "forze di polizia: {1} % di {0} alloggi → {2}")
    @CsvSource({"37, 12, 5", "10, 10, 1", "11, 10, 2", "37, 20, 8", "1, 5, 1", "0, 20, 0"})
    void laRiservaPerLeForzeDiPoliziaSiArrotondaPerEccesso(int alloggi, String percentuale, int attesi) {
        assertThat(calcola(alloggi, false, "0", false, "0", percentuale, "0").forzePolizia()).isEqualTo(attesi);
        assertThat(calcola(alloggi, false, "0", false, "0", "0", percentuale).poliziaLocale()).isEqualTo(attesi);
    }

    @ParameterizedTest(name = "indigenti: {0} alloggi → {1}")
    @CsvSource({"37, 8", "10, 2", "11, 3", "5, 1", "1, 1", "0, 0"})
    void laRiservaIndigentiEIlVentiPerCentoPerEccesso(int alloggi, int attesi) {
        RiserveAssegnazione.Riserve riserve = calcola(alloggi, false, "0", false, "0", "0", "0");

        assertThat(riserve.indigenti()).isEqualTo(attesi);
        assertThat(riserve.percentualeIndigenti()).isEqualByComparingTo("20");
    }

    @Test
    void ilComunePuoSuperareIlVentiPerCentoSoloPerIPropriAlloggi() {
        RiserveAssegnazione.Riserve delComune = calcola(37, true, "30", false, "0", "0", "0");
        assertThat(delComune.percentualeIndigenti()).isEqualByComparingTo("30");
        assertThat(delComune.indigenti()).as("30 %% di 37 = 11,1, per eccesso").isEqualTo(12);
        assertThat(delComune.spiegazione()).extracting(RegolaApplicata::descrizione).singleElement().asString()
                .contains("soglia del comune", "art. 13 co. 3");

        assertThat(calcola(37, false, "30", false, "0", "0", "0").indigenti()).as("ALER: la soglia del comune non vale")
                .isEqualTo(8);
        assertThat(calcola(37, true, "15", false, "0", "0", "0").indigenti()).as("sotto il 20 %% resta il 20 %%")
                .isEqualTo(8);
    }

    @Test
    void negliAvvisiPerDisabilitaGraveValeSoloIlVentiPerCento() {
        RiserveAssegnazione.Riserve riserve = calcola(37, true, "30", true, "0", "0", "0");

        assertThat(riserve.percentualeIndigenti()).isEqualByComparingTo("20");
        assertThat(riserve.indigenti()).isEqualTo(8);
        assertThat(riserve.spiegazione()).extracting(RegolaApplicata::descrizione).singleElement().asString()
                .contains("art. 14 co. 1 bis");
    }

    @Test
    void quoteFuoriDaiLimitiDelRegolamentoVengonoRifiutate() {
        assertThatThrownBy(() -> calcola(37, false, "0", false, "21", "0", "0"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tra 0 e 20");
        assertThatThrownBy(() -> calcola(37, false, "0", false, "0", "15", "6"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("insieme non possono superare il 20 %");
        assertThatThrownBy(() -> calcola(-1, false, "0", false, "0", "0", "0"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negativi");
        assertThatThrownBy(() -> calcola(37, true, "101", false, "0", "0", "0"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tra 0 e 100");
    }
}
