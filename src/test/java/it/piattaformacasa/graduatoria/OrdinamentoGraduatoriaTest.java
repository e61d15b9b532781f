package it.piattaformacasa.graduatoria;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import it.piattaformacasa.domanda.DomandaInGraduatoria;

/** Art. 12 co. 3: with equal ISBAR each criterion decides when all the previous ones are equal. */
class OrdinamentoGraduatoriaTest {

    private record D(long id, String isbar, LocalDate comuneDal, LocalDate regioneDal, String fam, String abit, String econ,
                     Instant presentata) {
        DomandaInGraduatoria domanda() {
            return new DomandaInGraduatoria(id, new BigDecimal(isbar), comuneDal, regioneDal, new BigDecimal(fam),
                    new BigDecimal(abit), new BigDecimal(econ), presentata, false, "012133", false, new ArrayList<>());
        }
    }

    private static final D BASE = new D(1, "20.500", LocalDate.of(2010, 1, 1), LocalDate.of(2005, 1, 1), "5.000", "4.000",
            "2.000", Instant.parse("2026-03-01T10:00:00Z"));

    static Stream<Arguments> criteri() {
        return Stream.of(
                criterio("ISBAR più alto", d -> new D(2, "21.000", d.comuneDal, d.regioneDal, d.fam, d.abit, d.econ, d.presentata)),
                criterio("a) residenza più lunga nel comune", d -> new D(2, d.isbar, d.comuneDal.minusDays(1), d.regioneDal, d.fam, d.abit, d.econ, d.presentata)),
                criterio("b) residenza più lunga in regione", d -> new D(2, d.isbar, d.comuneDal, d.regioneDal.minusDays(1), d.fam, d.abit, d.econ, d.presentata)),
                criterio("c) punteggio familiare più alto", d -> new D(2, d.isbar, d.comuneDal, d.regioneDal, "5.500", d.abit, d.econ, d.presentata)),
                criterio("d) punteggio abitativo più alto", d -> new D(2, d.isbar, d.comuneDal, d.regioneDal, d.fam, "4.500", d.econ, d.presentata)),
                criterio("e) punteggio economico più alto", d -> new D(2, d.isbar, d.comuneDal, d.regioneDal, d.fam, d.abit, "2.500", d.presentata)),
                criterio("criterio finale: presentazione precedente", d -> new D(2, d.isbar, d.comuneDal, d.regioneDal, d.fam, d.abit, d.econ, d.presentata.minusSeconds(60))));
    }

    private static Arguments criterio(String nome, UnaryOperator<D> migliore) {
        return Arguments.of(nome, migliore);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("criteri")
    void aParitaDeiCriteriPrecedentiDecideIlCriterioSuccessivo(String criterio, UnaryOperator<D> migliore) {
        DomandaInGraduatoria base = BASE.domanda();
        DomandaInGraduatoria meglio = migliore.apply(BASE).domanda();
        List<DomandaInGraduatoria> ordinate = Stream.of(base, meglio)
                .sorted(OrdinamentoGraduatoria.art12(CriterioFinale.PRESENTAZIONE_PRECEDENTE)).toList();
        assertThat(ordinate).extracting(DomandaInGraduatoria::id).containsExactly(2L, 1L);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("criteri")
    void unCriterioPrecedenteVinceSuiSuccessivi(String criterio, UnaryOperator<D> migliore) {
        // the base domanda is worse on this criterion but has a higher ISBAR: ISBAR wins
        D piuAlto = new D(1, "30.000", BASE.comuneDal, BASE.regioneDal, BASE.fam, BASE.abit, BASE.econ, BASE.presentata);
        List<DomandaInGraduatoria> ordinate = Stream.of(migliore.apply(BASE).domanda(), piuAlto.domanda())
                .sorted(OrdinamentoGraduatoria.art12(CriterioFinale.PRESENTAZIONE_PRECEDENTE)).toList();
        assertThat(ordinate.get(0).id()).isEqualTo(1L);
    }

    @org.junit.jupiter.api.Test
    void senzaResidenzaNelComuneSiVaDopoChiLaHa() {
        D senza = new D(2, BASE.isbar, null, BASE.regioneDal, BASE.fam, BASE.abit, BASE.econ, BASE.presentata.minusSeconds(3600));
        assertThat(Stream.of(senza.domanda(), BASE.domanda()).sorted(OrdinamentoGraduatoria.art12(CriterioFinale.PRESENTAZIONE_PRECEDENTE)))
                .extracting(DomandaInGraduatoria::id).containsExactly(1L, 2L);
    }

    @org.junit.jupiter.api.Test
    void ilCriterioFinaleConfigurabilePuoEssereLIdDellaDomanda() {
        D dopoMaConIdMinore = new D(0, BASE.isbar, BASE.comuneDal, BASE.regioneDal, BASE.fam, BASE.abit, BASE.econ, BASE.presentata.plusSeconds(60));
        assertThat(Stream.of(BASE.domanda(), dopoMaConIdMinore.domanda()).sorted(OrdinamentoGraduatoria.art12(CriterioFinale.ID_DOMANDA)))
                .extracting(DomandaInGraduatoria::id).containsExactly(0L, 1L);
        assertThat(Stream.of(BASE.domanda(), dopoMaConIdMinore.domanda()).sorted(OrdinamentoGraduatoria.art12(CriterioFinale.PRESENTAZIONE_PRECEDENTE)))
                .extracting(DomandaInGraduatoria::id).containsExactly(1L, 0L);
    }
}
