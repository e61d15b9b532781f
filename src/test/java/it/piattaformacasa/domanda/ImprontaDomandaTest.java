package it.piattaformacasa.domanda;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import it.piattaformacasa.anagrafe.RelazioneParentela;
import it.piattaformacasa.common.Importo;

/** The fingerprint an Idempotency-Key is bound to depends on the content of the domanda, not on how it was written. */
class ImprontaDomandaTest {

    private static DatiDomanda domanda(String isee, Map<String, Boolean> condizioni, CorpoAppartenenza corpo) {
        return new DatiDomanda(List.of(new DatiDomanda.Componente("BRMLCU85D12L682R", "Luca", "Brambilla",
                LocalDate.of(1985, 4, 12), RelazioneParentela.RICHIEDENTE, 0, false, false, false)), "012133",
                LocalDate.of(2005, 3, 1), LocalDate.of(2012, 6, 15), "012133", Importo.of(new BigDecimal(isee)), "INPS-1",
                LocalDate.of(2026, 2, 10), Importo.euro(12_000), List.of(), false, condizioni, List.of(3L, 19L));
    }

    @Test
    void loStessoContenutoDaLaStessaImprontaQualunqueSiaLOrdineDelleCondizioniELaScalaDegliImporti() {
        Map<String, Boolean> unOrdine = new LinkedHashMap<>();
        unOrdine.put("sovraffollamento", true);
        unOrdine.put("coabitazione", false);
        Map<String, Boolean> lAltro = new LinkedHashMap<>();
        lAltro.put("coabitazione", false);
        lAltro.put("sovraffollamento", true);

        assertThat(ImprontaDomanda.di(domanda("5200", unOrdine, null), null))
                .isEqualTo(ImprontaDomanda.di(domanda("5200.00", lAltro, null), null))
                .hasSize(64);
    }

    @Test
    void datiDiversiOUnAltroCorpoDannoUnAltraImpronta() {
        String base = ImprontaDomanda.di(domanda("5200", Map.of(), null), null);
        assertThat(ImprontaDomanda.di(domanda("5200.01", Map.of(), null), null)).isNotEqualTo(base);
        assertThat(ImprontaDomanda.di(domanda("5200", Map.of("coabitazione", true), null), null)).isNotEqualTo(base);
        assertThat(ImprontaDomanda.di(domanda("5200", Map.of(), null), CorpoAppartenenza.values()[0])).isNotEqualTo(base);
    }
}
