package it.piattaformacasa.graduatoria;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import it.piattaformacasa.domanda.DomandaInGraduatoria;
import it.piattaformacasa.domanda.DomandaInGraduatoria.AlloggioScelto;

/** The stored inputs of a run record read back exactly as ranking read them: scale, nulls, microseconds, order. */
class InputRegistratiTest {

    private static final DomandaInGraduatoria RESIDENTE = new DomandaInGraduatoria(41, new BigDecimal("17.500"),
            LocalDate.of(2008, 1, 1), LocalDate.of(2001, 1, 1), new BigDecimal("2.000"), new BigDecimal("2.000"),
            new BigDecimal("0.500"), Instant.parse("2026-02-03T09:15:30.123456Z"), true, "012133", true,
            List.of(new AlloggioScelto(19, 2, 1, "012133", 0), new AlloggioScelto(7, 1, 1, "012133", 1)));
    private static final DomandaInGraduatoria SENZA_RESIDENZA = new DomandaInGraduatoria(3, new BigDecimal("0.000"), null, null,
            new BigDecimal("0.000"), new BigDecimal("0.000"), new BigDecimal("0.000"), Instant.parse("2026-02-04T16:00:00Z"),
            false, "012090", false, List.of(new AlloggioScelto(23, 2, 4, "012073", 2)));

    @Test
    void gliInputRilettiSonoUgualiACampoACampoEDannoLoStessoDigest() {
        List<DomandaInGraduatoria> input = List.of(RESIDENTE, SENZA_RESIDENZA);

        List<DomandaInGraduatoria> riletti = InputRegistrati.leggi(InputRegistrati.comprimi(input));

        assertThat(riletti).isEqualTo(input);
        assertThat(riletti.get(0).isbar().scale()).as("17.500, not 17.5: the digest reads the scale").isEqualTo(3);
        ClassificaGraduatorie.Parametri parametri = new ClassificaGraduatorie.Parametri(CriterioFinale.ID_DOMANDA, true);
        assertThat(ClassificaGraduatorie.perEnteEComune(riletti, parametri).digestInput())
                .isEqualTo(ClassificaGraduatorie.perEnteEComune(input, parametri).digestInput());
    }

    @Test
    void nessunaDomandaSiRegistraERileggeComeElencoVuoto() {
        assertThat(InputRegistrati.leggi(InputRegistrati.comprimi(List.of()))).isEmpty();
    }

    @Test
    void unDocumentoNonCompressoNonSiLegge() {
        assertThatThrownBy(() -> InputRegistrati.leggi("{\"formato\":1}".getBytes()))
                .isInstanceOf(java.io.UncheckedIOException.class);
    }
}
