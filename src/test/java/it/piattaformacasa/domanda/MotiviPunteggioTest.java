package it.piattaformacasa.domanda;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import it.piattaformacasa.common.Punteggio;
import it.piattaformacasa.regole.CalcoloIsbar;
import it.piattaformacasa.regole.RegolaApplicata;

/**
 * Sentences from rules that the baseline rules/isbar.dmn does not have: a rule version published later, with other
 * wording, bands and values, must still give the citizen a sensible sentence with the stored points.
 */
class MotiviPunteggioTest {

    private static final String PREAMBOLO = "PROVVISORIO: valore non pubblico (Allegato 1 r.r. 4/2017 non reperibile, "
            + "ISBAR-ALLEGATO1 §0). ";

    private static RegolaApplicata regola(String decisione, int numero, String descrizione, Object... input) {
        Map<String, Object> valori = new LinkedHashMap<>();
        for (int i = 0; i < input.length; i += 2) {
            valori.put((String) input[i], input[i + 1]);
        }
        return new RegolaApplicata(decisione, numero, descrizione, valori);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            PROVVISORIO: valore non pubblico (fonte: slide della piattaforma). Nonni con nipoti a carico: 2,5 punti, nuova categoria (art. 14 lett. g r.r. 2/2025) | Nonni con nipoti a carico
            PROVVISORIO: Invalidità 100 % con accompagnamento: 5 punti, lett. a del punto 4                          | Invalidità 100 % con accompagnamento
            Handicap grave senza accompagnamento (invalidità sotto il 100 %): 4 punti (art. 14)                        | Handicap grave senza accompagnamento (invalidità sotto il 100 %)
            Genitore separato senza casa coniugale, art. 14 lett. f r.r. 2/2025: 1,25 punti                            | Genitore separato senza casa coniugale
            Nessun alloggio scelto nel comune di residenza: la residenza nel comune non dà punti (slide, §1.1)         | Nessun alloggio scelto nel comune di residenza: la residenza nel comune non dà punti
            ISEE oltre 10.000 e fino a 16.000 €: 0,5 punti, ultima fascia entro la soglia di accesso (art. 7 co. 1 lett. c) | ISEE oltre 10.000 e fino a 16.000 €
            Oltre 20 anni in Lombardia. Valore deciso dalla Giunta (d.g.r. 2026)                                       | Oltre 20 anni in Lombardia
            """)
    void ilCriterioEQuelloCheLaRegolaDiceSenzaPreamboloFontiEPunti(String descrizione, String criterio) {
        assertThat(MotiviPunteggio.criterio(descrizione)).isEqualTo(criterio);
    }

    @Test
    void unaRegolaNuovaNonRiconosciutaSiLeggeComeIlSuoCriterio() {
        RegolaApplicata nuova = regola(CalcoloIsbar.DECISIONE_FAMILIARE, 10,
                PREAMBOLO + "Nonni con nipoti minori a carico: 2,5 punti, nuova categoria (art. 14 lett. g r.r. 2/2025)",
                "nonniConNipoti", true);
        RegolaApplicata base = regola(CalcoloIsbar.DECISIONE_FAMILIARE, 11, "Base della somma: 0 punti (art. 12 co. 3)");

        assertThat(MotiviPunteggio.riga(ComponenteIsbar.FAMILIARE, Punteggio.of("2.5"), List.of(nuova, base)))
                .isEqualTo("Condizioni familiari: 2,500 punti perché vale il criterio «nonni con nipoti minori a carico».");
        assertThat(MotiviPunteggio.provvisoria(nuova)).isTrue();
        assertThat(MotiviPunteggio.provvisoria(base)).isFalse();
    }

    @Test
    void ipuntiVengonoDalPunteggioSalvatoNonDallaDescrizione() {
        // the description still says 3 points, the stored score (a later version, or a bug) says 3,75: the score wins
        RegolaApplicata invalidita = regola(CalcoloIsbar.DECISIONE_FAMILIARE, 5, PREAMBOLO
                + "Invalidità dall'80 % al 99 %: 3 punti", "invaliditaMassima", new BigDecimal("85"), "handicapGrave", false,
                "accompagnamento", false);

        assertThat(MotiviPunteggio.riga(ComponenteIsbar.FAMILIARE, Punteggio.of("3.75"), List.of(invalidita)))
                .isEqualTo("Condizioni familiari: 3,750 punti perché nel nucleo c'è una persona con un'invalidità civile "
                        + "dell'85 % (fascia «invalidità dall'80 % al 99 %»).");
    }

    @Test
    void piuRegoleDellaStessaComponenteSiElencanoConLaVirgolaEConLaE() {
        List<RegolaApplicata> regole = List.of(
                regola(CalcoloIsbar.DECISIONE_FAMILIARE, 2, PREAMBOLO + "Handicap grave con accompagnamento: 5 punti",
                        "invaliditaMassima", 90, "handicapGrave", true, "accompagnamento", true, "anziani", true,
                        "personaSolaConMinori", true),
                regola(CalcoloIsbar.DECISIONE_FAMILIARE, 6, PREAMBOLO + "Nucleo di anziani: 3 punti",
                        "anziani", true, "personaSolaConMinori", true),
                regola(CalcoloIsbar.DECISIONE_FAMILIARE, 8, PREAMBOLO + "Persona sola con minori a carico: 3 punti",
                        "anziani", true, "personaSolaConMinori", true));

        assertThat(MotiviPunteggio.riga(ComponenteIsbar.FAMILIARE, Punteggio.of("11"), regole))
                .isEqualTo("Condizioni familiari: 11,000 punti perché nel nucleo c'è una persona con handicap grave "
                        + "(legge 104/1992) che riceve l'indennità di accompagnamento (fascia «handicap grave con "
                        + "accompagnamento»), il nucleo rientra tra i nuclei di anziani e il richiedente vive solo con figli "
                        + "minori a carico.");
    }

    @Test
    void unaParolaChiaveSmentitaDaiDatiNonDiventaUnaFraseSbagliata() {
        // «coabitazione» in the text but the household does not share: the rule is about something else now
        RegolaApplicata altra = regola(CalcoloIsbar.DECISIONE_ABITATIVO, 3, "Fine della coabitazione entro un anno: 1 punto",
                "coabitazione", false);

        assertThat(MotiviPunteggio.riga(ComponenteIsbar.ABITATIVO, Punteggio.of("1"), List.of(altra)))
                .isEqualTo("Condizioni abitative: 1,000 punti perché vale il criterio «fine della coabitazione entro un anno».");
    }

    @Test
    void menoDiUnAnnoDiResidenzaEUnaRigaSenzaRegoleRegistrate() {
        RegolaApplicata zero = regola(CalcoloIsbar.DECISIONE_RESIDENZA_REGIONE, 4, "Meno di 5 anni: 0 punti",
                "anniResidenzaLombardia", 0);

        assertThat(MotiviPunteggio.riga(ComponenteIsbar.RESIDENZA_REGIONE, Punteggio.ZERO, List.of(zero)))
                .isEqualTo("Residenza in Regione: 0,000 punti perché il richiedente non è residente in Lombardia da almeno "
                        + "un anno (fascia «meno di 5 anni»).");
        assertThat(MotiviPunteggio.riga(ComponenteIsbar.ECONOMICO, Punteggio.of("2"), List.of()))
                .isEqualTo("Condizioni economiche: 2,000 punti.");
    }
}
