package it.piattaformacasa.regole;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** rules/precedenza-assegnazione.dmn through the real KIE runtime, row by row. */
class PrecedenzaAssegnazioneTest {

    private static final PrecedenzaAssegnazione PRECEDENZA = new PrecedenzaAssegnazione(RegoleDiTest.runtime());

    @ParameterizedTest(name = "indigente={0} residente={1} riservaInd={2} categoria={3} riservaCat={4} → {5}")
    @CsvSource({
            // indigenti within the reserve: residents first
            "true,  true,  true,  false, false, 1, art. 15 co. 1",
            "true,  true,  true,  true,  true,  1, art. 15 co. 1",
            "true,  false, true,  false, false, 2, art. 15 co. 1",
            "true,  false, true,  true,  true,  2, art. 15 co. 1",
            // indigent reserve used up: indigents join the general list, never the category reserve
            "true,  true,  false, true,  true,  4, art. 15 co. 1 e co. 1 ter",
            "true,  false, false, false, false, 4, art. 15 co. 1 e co. 1 ter",
            // non-indigent category members within their reserve
            "false, true,  true,  true,  true,  3, art. 15 co. 1 ter",
            "false, false, false, true,  true,  3, art. 15 co. 1 ter",
            // category reserve used up, or not a chosen category
            "false, false, true,  true,  false, 4, art. 15 co. 1 e co. 1 ter",
            "false, true,  true,  false, true,  4, art. 15 co. 1 e co. 1 ter"})
    void ilGruppoSegueLOrdineDellArticoloQuindici(boolean indigente, boolean residente, boolean riservaIndigenti,
                                                   boolean categoria, boolean riservaCategorie, int gruppo, String articolo) {
        PrecedenzaAssegnazione.Precedenza precedenza = PRECEDENZA.gruppo(new PrecedenzaAssegnazione.DatiPrecedenza(
                indigente, residente, riservaIndigenti, categoria, riservaCategorie));

        assertThat(precedenza.gruppo()).isEqualTo(gruppo);
        assertThat(precedenza.spiegazione()).singleElement()
                .satisfies(r -> assertThat(r.descrizione()).contains(articolo));
    }
}
