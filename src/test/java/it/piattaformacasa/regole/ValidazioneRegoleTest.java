package it.piattaformacasa.regole;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import it.piattaformacasa.regole.kie.KieDmnRuntime;

/**
 * Each kind of error the upload validation surfaces, on variants of the Camunda Modeler file, with the decision, the
 * rule where KIE names it, and the reason: what an analyst gets back as 400 from {@code POST /api/regole/{nome}}.
 */
class ValidazioneRegoleTest {

    private static List<String> problemi(String sostituisci, String con) throws Exception {
        String dmn = new String(NormalizzazioneDmnTest.fileDelModeler(), StandardCharsets.UTF_8);
        assertThat(dmn).contains(sostituisci);
        String normalizzato = NormalizzazioneDmn.normalizza("soglia", dmn.replace(sostituisci, con).getBytes(StandardCharsets.UTF_8));
        return KieDmnRuntime.problemi("soglia.dmn", normalizzato.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void ilFileDelModelerNormalizzatoNonHaProblemi() throws Exception {
        assertThat(problemi("Soglia di prova", "Soglia di prova")).isEmpty();
    }

    @Test
    void schema() throws Exception {
        List<String> problemi = problemi("hitPolicy=\"UNIQUE\"", "hitPolicy=\"UNICA\"");
        assertThat(problemi).isNotEmpty().anySatisfy(p -> assertThat(p).contains("soglia.dmn", "FAILED_XML_VALIDATION", "UNICA"));
    }

    @Test
    void feel() throws Exception {
        List<String> problemi = problemi("&lt;= 16000", "&lt;= 16000 +");
        assertThat(problemi).isNotEmpty().anySatisfy(p -> assertThat(p).contains("riga 21", "decisione «Soglia di prova»", "ERR_COMPILING_FEEL", "rule #1", "syntax error"));
    }

    @Test
    void tipi() throws Exception {
        List<String> problemi = problemi("typeRef=\"boolean\" />", "typeRef=\"booleano\" />");
        assertThat(problemi).isNotEmpty().anySatisfy(p -> assertThat(p).contains("decisione «Soglia di prova»", "TYPE_DEF_NOT_FOUND", "booleano"));
    }

    @Test
    void regoleSovrapposteInUnaTabellaUnique() throws Exception {
        List<String> problemi = problemi("&gt; 16000", "&gt;= 16000");
        assertThat(problemi).isNotEmpty().anySatisfy(p -> assertThat(p).contains("decisione «Soglia di prova»",
                "DECISION_TABLE_OVERLAP_HITPOLICY_UNIQUE", "16000", "rules: [1, 2]"));
    }
}
