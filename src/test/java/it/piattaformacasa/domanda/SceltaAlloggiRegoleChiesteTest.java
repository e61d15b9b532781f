package it.piattaformacasa.domanda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import it.piattaformacasa.anagrafe.RelazioneParentela;
import it.piattaformacasa.avviso.AvvisoService.AlloggioOfferto;
import it.piattaformacasa.regole.RegoleAlloggi;
import it.piattaformacasa.regole.RegoleVincolate;
import it.piattaformacasa.regole.kie.KieDmnRuntime;

/**
 * Art. 9 asked only for the comuni an answer needs (issue 17): a domanda that chose an adequate alloggio it may choose
 * does not make the rule run for every other comune of the avviso; one that did not still gets every reason, as
 * {@code SceltaAlloggiTest} checks through the API. The real rules, a spy counting the questions.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SceltaAlloggiRegoleChiesteTest {

    private static final String VARESE = "012133";
    private static final String GAZZADA = "012075";
    private static final String MALNATE = "012096";
    private static final String CASCIAGO = "012038";

    private KieDmnRuntime runtime;

    @BeforeAll
    void regole() {
        runtime = new KieDmnRuntime(KieDmnRuntime.POSIZIONE_PREDEFINITA);
    }

    private final List<AlloggioOfferto> offerti = List.of(
            new AlloggioOfferto(1, "VA-1", new BigDecimal("70"), VARESE, "Varese", 78_000),
            new AlloggioOfferto(2, "GZ-1", new BigDecimal("70"), GAZZADA, "Gazzada Schianno", 4_600),
            new AlloggioOfferto(3, "ML-1", new BigDecimal("70"), MALNATE, "Malnate", 16_000),
            new AlloggioOfferto(4, "CS-1", new BigDecimal("20"), CASCIAGO, "Casciago", 3_800));

    @Test
    void unAlloggioAdeguatoEAmmessoNelComuneDiResidenzaChiedeLaRegolaUnaVolta() {
        RegoleAlloggi regole = spy(new RegoleAlloggi(runtime));

        SceltaAlloggi.Esito esito = new SceltaAlloggi(regole).verifica(domanda(List.of(1L)), false, offerti, RegoleVincolate.CORRENTI);

        assertThat(esito.motivi()).isEmpty();
        assertThat(esito.nota()).isNull();
        assertThat(esito.scelte()).singleElement().satisfies(s -> assertThat(s.getAlloggioId()).isEqualTo(1L));
        verify(regole, times(1)).titoloDiScelta(any(), any());
        verify(regole, times(1)).superficieMinima(2, RegoleVincolate.CORRENTI);
    }

    @Test
    void altrimentiLaChiedePerOgniComuneConUnAlloggioAdeguatoEDaIlMotivo() {
        RegoleAlloggi regole = spy(new RegoleAlloggi(runtime));

        // Casciago's alloggio is too small for two: refused as «not adequate», while Varese had one the nucleo could choose
        SceltaAlloggi.Esito esito = new SceltaAlloggi(regole).verifica(domanda(List.of(4L)), false, offerti, RegoleVincolate.CORRENTI);

        assertThat(esito.motivi()).anySatisfy(m -> assertThat(m).contains("art. 9 co. 3 r.r. 4/2017"));
        assertThat(esito.nota()).isNull();
        // Casciago (the chosen one), then Varese, Gazzada, Malnate: each has an adequate alloggio; each asked once
        verify(regole, times(4)).titoloDiScelta(any(), any());
    }

    private static DatiDomanda domanda(List<Long> alloggi) {
        List<DatiDomanda.Componente> nucleo = List.of(
                new DatiDomanda.Componente("RSSMRA80A01L682X", "Mario", "Rossi", LocalDate.of(1980, 1, 1),
                        RelazioneParentela.RICHIEDENTE, 0, false, false, false),
                new DatiDomanda.Componente("RSSLRA82A41L682X", "Laura", "Rossi", LocalDate.of(1982, 1, 1),
                        RelazioneParentela.CONIUGE, 0, false, false, false));
        return new DatiDomanda(nucleo, VARESE, LocalDate.of(2000, 1, 1), LocalDate.of(2000, 1, 1), null, null, null, null,
                null, List.of(), false, Map.of(), alloggi);
    }
}
