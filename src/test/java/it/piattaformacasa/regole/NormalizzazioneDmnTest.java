package it.piattaformacasa.regole;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import it.piattaformacasa.regole.kie.KieDmnRuntime;

/** A Camunda Modeler file made fit for KIE, then validated and evaluated as the runtime would. */
class NormalizzazioneDmnTest {

    static byte[] fileDelModeler() throws Exception {
        try (var in = NormalizzazioneDmnTest.class.getResourceAsStream("/regole-di-prova/modeler-soglia.dmn")) {
            return in.readAllBytes();
        }
    }

    @Test
    void ilFileDelModelerDiventaValidoPerKie() throws Exception {
        byte[] originale = fileDelModeler();
        assertThat(KieDmnRuntime.problemi("modeler-soglia.dmn", originale)).as("as the Modeler writes it").isNotEmpty();

        String normalizzato = NormalizzazioneDmn.normalizza("soglia-prova", originale);

        assertThat(normalizzato).contains("namespace=\"https://piattaformacasa.it/dmn/soglia-prova\"", "name=\"soglia-prova\"")
                .contains("<variable id=\"Decision_0abc123_variable\" name=\"Soglia di prova\"/>")
                .contains("<variable id=\"InputData_0isee_variable\" name=\"isee\"/>")
                .doesNotContain("<text></text>").doesNotContain("<text/>");
        assertThat(KieDmnRuntime.problemi("soglia-prova.dmn", normalizzato.getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void fileNonAmmessiVengonoRifiutatiConIlMotivo() {
        assertThatThrownBy(() -> NormalizzazioneDmn.normalizza("x", """
                <?xml version="1.0"?><!DOCTYPE d [<!ENTITY e SYSTEM "file:///etc/passwd">]><definitions>&e;</definitions>"""
                .getBytes(StandardCharsets.UTF_8))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("DOCTYPE");
        assertThatThrownBy(() -> NormalizzazioneDmn.normalizza("x", new byte[NormalizzazioneDmn.DIMENSIONE_MASSIMA + 1]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("troppo grande");
        assertThatThrownBy(() -> NormalizzazioneDmn.normalizza("x", "<bpmn/>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("non è un file DMN");
    }

    @Test
    void unErroreFeelIndicaDecisioneEMotivo() throws Exception {
        String rotto = new String(fileDelModeler(), StandardCharsets.UTF_8).replace("&lt;= 16000", "&lt;= 16000 +");
        assertThat(KieDmnRuntime.problemi("rotto.dmn", NormalizzazioneDmn.normalizza("rotto", rotto.getBytes(StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8))).anySatisfy(p -> assertThat(p).contains("Soglia di prova"));
    }
}
