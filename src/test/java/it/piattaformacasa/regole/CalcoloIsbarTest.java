package it.piattaformacasa.regole;

import static it.piattaformacasa.regole.DatiIsbarBuilder.datiIsbar;
import static it.piattaformacasa.regole.IsbarDiTest.calcola;
import static it.piattaformacasa.regole.IsbarDiTest.regoleDi;
import static org.assertj.core.api.Assertions.assertThat;

import it.piattaformacasa.common.Punteggio;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The ISBAR port over rules/isbar.dmn: the five components, their sum and the explanation. */
class CalcoloIsbarTest {

    /** Single parent with minors, sharing an overcrowded dwelling, indigent, long-time resident. */
    private static DatiIsbarBuilder nucleoRealistico() {
        return datiIsbar()
                .conAnniResidenzaLombardia(18)
                .conAnniResidenzaComune(12)
                .conAlloggioSceltoNelComuneDiResidenza(true)
                .conPersonaSolaConMinori(true)
                .conCoabitazione(true)
                .conSovraffollamento(true)
                .conIsee("2500");
    }

    @Test
    void ilTotaleEIlSommaDelleCinqueComponenti() {
        PunteggioIsbar punteggio = calcola(nucleoRealistico());

        assertThat(punteggio.familiare()).isEqualTo(Punteggio.of("3.000"));
        assertThat(punteggio.abitativo()).isEqualTo(Punteggio.of("5.000"));
        assertThat(punteggio.economico()).isEqualTo(Punteggio.of("3.000"));
        assertThat(punteggio.residenzaRegione()).isEqualTo(Punteggio.of("6.500"));
        assertThat(punteggio.residenzaComune()).isEqualTo(Punteggio.of("8.000"));
        Punteggio somma = punteggio.familiare().piu(punteggio.abitativo()).piu(punteggio.economico())
                .piu(punteggio.residenzaRegione()).piu(punteggio.residenzaComune());
        assertThat(punteggio.totale()).isEqualTo(somma).isEqualTo(Punteggio.of("25.500"));
        assertThat(punteggio.totale().toItalian()).isEqualTo("25,500");
    }

    @Test
    void ogniPunteggioHaTreDecimali() {
        PunteggioIsbar punteggio = calcola(nucleoRealistico().conIsee("12000"));

        assertThat(Stream.of(punteggio.familiare(), punteggio.abitativo(), punteggio.economico(),
                punteggio.residenzaRegione(), punteggio.residenzaComune(), punteggio.totale()))
                .allSatisfy(p -> assertThat(p.valore().scale()).isEqualTo(3));
        assertThat(punteggio.economico()).isEqualTo(Punteggio.of("0.500"));
    }

    @Test
    void laSpiegazioneElencaLeRegoleApplicateDiOgniComponente() {
        PunteggioIsbar punteggio = calcola(nucleoRealistico());

        assertThat(punteggio.spiegazione())
                .extracting(RegolaApplicata::decisione)
                .contains(CalcoloIsbar.DECISIONE_FAMILIARE, CalcoloIsbar.DECISIONE_ABITATIVO,
                        CalcoloIsbar.DECISIONE_ECONOMICO, CalcoloIsbar.DECISIONE_RESIDENZA_REGIONE,
                        CalcoloIsbar.DECISIONE_RESIDENZA_COMUNE);
        assertThat(regoleDi(punteggio, CalcoloIsbar.DECISIONE_FAMILIARE))
                .extracting(RegolaApplicata::descrizione)
                .anySatisfy(d -> assertThat(d).startsWith("PROVVISORIO:").contains("Persona sola con minori"));
        assertThat(regoleDi(punteggio, CalcoloIsbar.DECISIONE_ABITATIVO))
                .extracting(RegolaApplicata::descrizione)
                .anySatisfy(d -> assertThat(d).startsWith("PROVVISORIO:").contains("Coabitazione"))
                .anySatisfy(d -> assertThat(d).startsWith("PROVVISORIO:").contains("Sovraffollamento"));
        assertThat(regoleDi(punteggio, CalcoloIsbar.DECISIONE_ECONOMICO))
                .singleElement()
                .satisfies(r -> assertThat(r.descrizione()).startsWith("PROVVISORIO:").contains("art. 13 co. 1"));
    }

    @Test
    void iPuntiDiResidenzaMassimiCitanoLaFonteENonSonoProvvisori() {
        PunteggioIsbar punteggio = calcola(nucleoRealistico());

        assertThat(Stream.concat(regoleDi(punteggio, CalcoloIsbar.DECISIONE_RESIDENZA_REGIONE).stream(),
                regoleDi(punteggio, CalcoloIsbar.DECISIONE_RESIDENZA_COMUNE).stream()))
                .hasSize(2)
                .allSatisfy(r -> assertThat(r.descrizione()).doesNotStartWith("PROVVISORIO:").contains("r.r. 3/2019"));
    }

    @Test
    void unNucleoSenzaCondizioniHaSoloResidenzaRegionaleEPuntiEconomici() {
        PunteggioIsbar punteggio = calcola(datiIsbar().conAnniResidenzaLombardia(16).conAnniResidenzaComune(16)
                .conIsee("5000"));

        assertThat(punteggio.familiare()).isEqualTo(Punteggio.ZERO);
        assertThat(punteggio.abitativo()).isEqualTo(Punteggio.ZERO);
        assertThat(punteggio.residenzaComune()).isEqualTo(Punteggio.ZERO);
        assertThat(punteggio.totale()).isEqualTo(Punteggio.of("8.500"));
    }
}
