package it.piattaformacasa.regole;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import it.piattaformacasa.regole.RegoleAlloggi.DatiAlloggioPosseduto;
import it.piattaformacasa.regole.RegoleAlloggi.DatiComuneDiScelta;
import it.piattaformacasa.regole.RegoleAlloggi.Diritto;
import it.piattaformacasa.regole.RegoleAlloggi.TitoloDiScelta;

/**
 * rules/alloggi.dmn through the real KIE runtime. Expected values from ../shared/domain/REGULATION.md table rows 5, 6
 * and 9 and §3.1 (seed 003 FAQ 5), every band edge on both sides.
 */
class RegoleAlloggiTest {

    private static final RegoleAlloggi REGOLE = new RegoleAlloggi(RegoleDiTest.runtime());

    @ParameterizedTest(name = "{0} persone → almeno {1} m²")
    @CsvSource({"1, 45", "2, 45", "3, 60", "4, 60", "5, 75", "6, 75", "7, 95", "12, 95"})
    void superficieMinimaPerFasciaDiComponenti(int componenti, int metri) {
        RegoleAlloggi.SuperficieMinima minima = REGOLE.superficieMinima(componenti, RegoleVincolate.CORRENTI);

        assertThat(minima.metriQuadri()).isEqualByComparingTo(BigDecimal.valueOf(metri));
        assertThat(minima.regola().descrizione()).contains("art. 7 co. 1 lett. d");
    }

    @ParameterizedTest(name = "{0} persone, {1} {2} m², inagibile {3}, ordinanza {4} → esclude {5}")
    @CsvSource({
            // no exception: an adequate dwelling excludes, at the band edge too
            "2, PROPRIETA,      45,    false, false, true,  art. 7 co. 1 lett. d",
            "4, USUFRUTTO,      60,    false, false, true,  art. 7 co. 1 lett. d",
            "7, ABITAZIONE,     95,    false, false, true,  art. 7 co. 1 lett. d",
            // not adequate by surface: never excludes
            "2, PROPRIETA,      44.99, false, false, false, non adeguato",
            "4, PROPRIETA,      59.99, false, false, false, non adeguato",
            "5, USO,            74.99, false, false, false, non adeguato",
            // the three exceptions of r.r. 2/2025
            "3, NUDA_PROPRIETA, 120,   false, false, false, nuda proprietà",
            "3, PROPRIETA,      120,   true,  false, false, inagibile",
            "3, PROPRIETA,      120,   false, true,  false, art. 569 c.p.c.",
            "3, PROPRIETA,      120,   true,  true,  false, inagibile",
            "3, USUFRUTTO,      120,   true,  false, false, inagibile",
            // the sale order spares the property only (seed 003 FAQ 5: «la proprietà di un alloggio sottoposto a pignoramento»)
            "3, USUFRUTTO,      120,   false, true,  true,  riguarda la proprietà"})
    void unAlloggioAdeguatoEscludeSalvoLeEccezioniDel2025(int componenti, Diritto diritto, BigDecimal superficie,
                                                          boolean inagibile, boolean ordinanza, boolean escludente,
                                                          String motivo) {
        RegoleAlloggi.EsitoAlloggioPosseduto esito = REGOLE.alloggioPosseduto(
                new DatiAlloggioPosseduto(componenti, diritto, superficie, inagibile, ordinanza), RegoleVincolate.CORRENTI);

        assertThat(esito.escludente()).isEqualTo(escludente);
        assertThat(esito.regole()).filteredOn(r -> r.decisione().equals(RegoleAlloggi.DECISIONE_ALLOGGIO_POSSEDUTO))
                .singleElement().satisfies(r -> assertThat(r.descrizione()).contains(motivo));
    }

    @ParameterizedTest(name = "indigente={0} residenza={1} lavoro={2} adeguatiRes={3} adeguatiLav={4} abitanti={5} → {6}")
    @CsvSource({
            // art. 9 co. 1: residence or work; residence wins when they coincide
            "false, true,  false, true,  false, 900,   RESIDENZA",
            "false, true,  true,  true,  true,  900,   RESIDENZA",
            "false, false, true,  true,  true,  900,   LAVORO",
            // another comune only with nothing adequate in either
            "false, false, false, false, false, 900,   AMBITO",
            "false, false, false, true,  false, 90000, NON_AMMESSO",
            "false, false, false, false, true,  90000, NON_AMMESSO",
            // art. 9 co. 2: the indigent nucleo chooses in its comune of residence
            "true,  true,  false, true,  false, 900,   RESIDENZA",
            "true,  false, true,  true,  false, 90000, NON_AMMESSO",
            "true,  false, false, true,  false, 90000, NON_AMMESSO",
            // none adequate there: the comune of work, or a third comune of more than 5.000 inhabitants
            "true,  false, true,  false, true,  900,   LAVORO",
            "true,  false, false, false, false, 5001,  AMBITO",
            "true,  false, false, false, true,  5001,  AMBITO",
            "true,  false, false, false, false, 5000,  NON_AMMESSO"})
    void inQualiComuniSiScelgonoGliAlloggi(boolean indigente, boolean residenza, boolean lavoro, boolean adeguatiRes,
                                           boolean adeguatiLav, int abitanti, TitoloDiScelta atteso) {
        RegoleAlloggi.EsitoTitolo esito = REGOLE.titoloDiScelta(
                new DatiComuneDiScelta(indigente, residenza, lavoro, adeguatiRes, adeguatiLav, abitanti), RegoleVincolate.CORRENTI);

        assertThat(esito.titolo()).isEqualTo(atteso);
        assertThat(esito.regola().descrizione()).contains(indigente ? "art. 9 co. 2" : "art. 9 co. 1");
    }
}
