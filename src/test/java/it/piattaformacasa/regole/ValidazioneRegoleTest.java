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

    /** The Modeler's file with each {@code da} replaced by the following {@code a}, as an upload would be checked. */
    private static List<String> problemi(String... daA) throws Exception {
        String dmn = new String(NormalizzazioneDmnTest.fileDelModeler(), StandardCharsets.UTF_8);
        for (int i = 0; i < daA.length; i += 2) {
            assertThat(dmn).contains(daA[i]);
            dmn = dmn.replace(daA[i], daA[i + 1]);
        }
        String normalizzato = NormalizzazioneDmn.normalizza("soglia", dmn.getBytes(StandardCharsets.UTF_8));
        return KieDmnRuntime.problemi("soglia.dmn", normalizzato.getBytes(StandardCharsets.UTF_8));
    }

    /** The decision as a number of points instead of «ammesso»: KIE checks a boolean column's values, not a number's. */
    private static final String PUNTI = "label=\"Ammesso\" typeRef=\"boolean\"";

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
    void unUscitaDelTipoSbagliatoPerLaSuaColonna() throws Exception {
        String numero = "label=\"Punti\" typeRef=\"number\"";
        assertThat(problemi(PUNTI, numero, "<text>true</text>", "<text>6.5</text>", "<text>false</text>", "<text>0</text>"))
                .as("numbers in a number column").isEmpty();
        List<String> testo = problemi(PUNTI, numero, "<text>true</text>", "<text>\"sei e mezzo\"</text>",
                "<text>false</text>", "<text>0</text>");
        assertThat(testo).singleElement().satisfies(p -> assertThat(p).contains("soglia.dmn riga ",
                "decisione «Soglia di prova»", "TIPO_USCITA_ERRATO", "regola 1", "«\"sei e mezzo\"» è un testo",
                "colonna «Punti»", "number"));
        assertThat(problemi(PUNTI, numero, "<text>true</text>", "<text>6.5</text>", "<text>false</text>", "<text>false</text>"))
                .singleElement().satisfies(p -> assertThat(p).contains("regola 2", "«false» è un valore vero/falso"));
        assertThat(problemi(PUNTI, numero, "<text>true</text>", "<text>date(\"2025-01-01\")</text>", "<text>false</text>",
                "<text>0</text>")).singleElement().satisfies(p -> assertThat(p).contains("una data"));
        assertThat(problemi(PUNTI, "label=\"Esito\" typeRef=\"string\"", "<text>true</text>", "<text>\"ammesso\"</text>",
                "<text>false</text>", "<text>7</text>")).singleElement().satisfies(p -> assertThat(p).contains("«7» è un numero"));
    }

    @Test
    void unUscitaCalcolataDagliInputONullaNonEUnLetteraleDaConfrontare() throws Exception {
        String numero = "label=\"Punti\" typeRef=\"number\"";
        assertThat(problemi(PUNTI, numero, "<text>true</text>", "<text>isee / 1000</text>", "<text>false</text>", "<text>null</text>"))
                .isEmpty();
    }

    @Test
    void regoleSovrapposteInUnaTabellaUnique() throws Exception {
        List<String> problemi = problemi("&gt; 16000", "&gt;= 16000");
        assertThat(problemi).isNotEmpty().anySatisfy(p -> assertThat(p).contains("decisione «Soglia di prova»",
                "DECISION_TABLE_OVERLAP_HITPOLICY_UNIQUE", "16000", "rules: [1, 2]"));
    }
}
