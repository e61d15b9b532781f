package it.piattaformacasa.regole;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.piattaformacasa.regole.kie.EsitoDmn;
import it.piattaformacasa.regole.kie.KieDmnRuntime;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading, validation and failure reporting of the KIE runtime, on real files. */
class KieDmnRuntimeTest {

    private static final String NAMESPACE = RequisitiEconomici.NAMESPACE;
    private static final String MODELLO = RequisitiEconomici.MODELLO;

    @Test
    void caricaTuttiIDmnDellaCartellaRulesEValutaUnaDecisione() throws IOException {
        Path rules = Path.of("rules").toAbsolutePath();
        List<Path> file;
        try (Stream<Path> percorsi = Files.walk(rules)) {
            file = percorsi.filter(p -> p.toString().endsWith(".dmn")).toList();
        }

        KieDmnRuntime runtime = new KieDmnRuntime(rules.toUri() + "**/*.dmn");

        assertThat(file).isNotEmpty();
        assertThat(runtime.sorgenti()).hasSize(file.size()).contains("rules/requisiti-economici.dmn");
        assertThat(runtime.modelli()).hasSize(file.size()).contains(NAMESPACE + "#" + MODELLO);
        EsitoDmn esito = runtime.valuta(NAMESPACE, MODELLO, inputCompleto());
        assertThat(esito.booleano(RequisitiEconomici.DECISIONE_REQUISITO_ISEE)).isTrue();
    }

    @Test
    void unaDecisioneSenzaVariabileImpedisceLAvvioNominandoFileEDecisione(@TempDir Path cartella) throws IOException {
        Files.writeString(cartella.resolve("senza-variabile.dmn"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="Definitions_SenzaVariabile"
                             name="senza-variabile" namespace="https://piattaformacasa.it/dmn/test/senza-variabile">
                  <decision id="Decision_SenzaVariabile" name="Decisione senza variabile">
                    <literalExpression id="LiteralExpression_SenzaVariabile">
                      <text>1</text>
                    </literalExpression>
                  </decision>
                </definitions>
                """, StandardCharsets.UTF_8);

        assertThatThrownBy(() -> new KieDmnRuntime(cartella.toUri() + "**/*.dmn"))
                .isInstanceOf(RegoleNonValideException.class)
                .hasMessageContaining("senza-variabile.dmn")
                .hasMessageContaining("decisione «Decisione senza variabile»")
                .hasMessageContaining("MISSING_VARIABLE");
    }

    @Test
    void unErroreDiSintassiFeelImpedisceLAvvioNominandoFileEDecisione(@TempDir Path cartella) throws IOException {
        Files.writeString(cartella.resolve("feel-errato.dmn"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="Definitions_FeelErrato"
                             name="feel-errato" namespace="https://piattaformacasa.it/dmn/test/feel-errato">
                  <decision id="Decision_FeelErrato" name="Decisione con FEEL errato">
                    <variable id="Variable_FeelErrato" name="Decisione con FEEL errato" typeRef="boolean" />
                    <informationRequirement id="InformationRequirement_FeelErrato_Isee">
                      <requiredInput href="#InputData_Isee" />
                    </informationRequirement>
                    <decisionTable id="DecisionTable_FeelErrato" hitPolicy="UNIQUE">
                      <input id="Input_FeelErrato_Isee" label="ISEE">
                        <inputExpression id="InputExpression_FeelErrato_Isee" typeRef="number">
                          <text>isee</text>
                        </inputExpression>
                      </input>
                      <output id="Output_FeelErrato" />
                      <rule id="Rule_FeelErrato">
                        <inputEntry id="UnaryTests_FeelErrato"><text>[0..16000</text></inputEntry>
                        <outputEntry id="LiteralExpression_FeelErrato"><text>true</text></outputEntry>
                      </rule>
                    </decisionTable>
                  </decision>
                  <inputData id="InputData_Isee" name="isee">
                    <variable id="Variable_Isee" name="isee" typeRef="number" />
                  </inputData>
                </definitions>
                """, StandardCharsets.UTF_8);

        assertThatThrownBy(() -> new KieDmnRuntime(cartella.toUri() + "**/*.dmn"))
                .isInstanceOf(RegoleNonValideException.class)
                .hasMessageContaining("feel-errato.dmn")
                .hasMessageContaining("decisione «Decisione con FEEL errato»");
    }

    @Test
    void unaCartellaSenzaDmnImpedisceLAvvio(@TempDir Path cartella) {
        assertThatThrownBy(() -> new KieDmnRuntime(cartella.toUri() + "**/*.dmn"))
                .isInstanceOf(RegoleNonValideException.class)
                .hasMessageContaining("nessun file DMN");
    }

    @Test
    void unInputMancanteFaFallireLaValutazioneNominandoLaDecisione() {
        Map<String, Object> input = inputCompleto();
        input.remove("componentiMaggiorenni");

        assertThatThrownBy(() -> RegoleDiTest.runtime().valuta(NAMESPACE, MODELLO, input))
                .isInstanceOf(ValutazioneRegoleException.class)
                .hasMessageContaining("«" + RequisitiEconomici.DECISIONE_SOGLIA_PATRIMONIALE + "»")
                .hasMessageContaining("componentiMaggiorenni")
                .extracting(e -> ((ValutazioneRegoleException) e).decisione())
                .isEqualTo(RequisitiEconomici.DECISIONE_SOGLIA_PATRIMONIALE);
    }

    @Test
    void unInputFuoriDominioNonTrovaRegoleELaLetturaFallisceNominandoLaDecisione() {
        // KIE 10.2 does not enforce inputValues at runtime: no rule matches, the result is null with a WARN
        Map<String, Object> input = inputCompleto();
        input.put("componentiMaggiorenni", BigDecimal.ZERO);
        EsitoDmn esito = RegoleDiTest.runtime().valuta(NAMESPACE, MODELLO, input);

        assertThat(esito.decisioni()).containsEntry(RequisitiEconomici.DECISIONE_SOGLIA_PATRIMONIALE, null);
        assertThatThrownBy(() -> esito.numero(RequisitiEconomici.DECISIONE_SOGLIA_PATRIMONIALE))
                .isInstanceOf(ValutazioneRegoleException.class)
                .hasMessageContaining("«" + RequisitiEconomici.DECISIONE_SOGLIA_PATRIMONIALE + "»")
                .hasMessageContaining("nessun risultato");
    }

    @Test
    void dueFileConLoStessoModelloImpedisconoLAvvioNominandoliEntrambi(@TempDir Path cartella) throws IOException {
        byte[] requisiti = Files.readAllBytes(Path.of("rules", "requisiti-economici.dmn"));
        Files.write(cartella.resolve("requisiti-a.dmn"), requisiti);
        Files.write(cartella.resolve("requisiti-b.dmn"),
                new String(requisiti, java.nio.charset.StandardCharsets.UTF_8).replace("</definitions>", "<!-- copia -->\n</definitions>")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThatThrownBy(() -> new KieDmnRuntime(cartella.toUri() + "**/*.dmn"))
                .isInstanceOf(RegoleNonValideException.class)
                .hasMessageContaining("già definito")
                .hasMessageContaining("requisiti-a.dmn")
                .hasMessageContaining("requisiti-b");
    }

    @Test
    void unModelloNonCaricatoFaFallireLaValutazione() {
        assertThatThrownBy(() -> RegoleDiTest.runtime().valuta(NAMESPACE, "inesistente", inputCompleto()))
                .isInstanceOf(ValutazioneRegoleException.class)
                .hasMessageContaining("inesistente")
                .hasMessageContaining("non attivo");
    }

    private static Map<String, Object> inputCompleto() {
        Map<String, Object> input = new HashMap<>();
        input.put("isee", new BigDecimal("12000"));
        input.put("attestazioneServiziSociali", false);
        input.put("attestazioneRichiesta", false);
        input.put("componentiMaggiorenni", BigDecimal.ONE);
        input.put("superficieUtile", new BigDecimal("50"));
        input.put("componentiNucleo", BigDecimal.ONE);
        return input;
    }
}
