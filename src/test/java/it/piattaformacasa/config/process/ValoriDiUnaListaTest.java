package it.piattaformacasa.config.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Test;

/**
 * How the engine guard reads a checklist's values, whoever sends them: Tasklist a Json list, our API a comma-separated
 * text, a REST client anything. Only a list of texts is a list; anything else is refused as a whole.
 */
class ValoriDiUnaListaTest {

    @Test
    void unaListaJsonDiTestiSiLeggeVocePerVoce() {
        assertThat(GuardiaAttivita.voci(SpinValues.jsonValue("[\"coabitazione\",\"sovraffollamento\"]").create()))
                .contains(List.of("coabitazione", "sovraffollamento"));
        assertThat(GuardiaAttivita.voci(SpinValues.jsonValue("[]").create())).contains(List.of());
    }

    @Test
    void unTestoSeparatoDaVirgoleEUnaListaJavaSonoListe() {
        assertThat(GuardiaAttivita.voci("coabitazione, sovraffollamento")).contains(List.of("coabitazione", "sovraffollamento"));
        assertThat(GuardiaAttivita.voci(Variables.stringValue("[\"coabitazione\"]"))).contains(List.of("coabitazione"));
        assertThat(GuardiaAttivita.voci(List.of("coabitazione"))).contains(List.of("coabitazione"));
        assertThat(GuardiaAttivita.voci(null)).contains(List.of());
    }

    @Test
    void cioCheNonEUnaListaDiTestiVieneRifiutato() {
        assertThat(GuardiaAttivita.voci(SpinValues.jsonValue("{\"a\":1}").create())).isEmpty();
        assertThat(GuardiaAttivita.voci(SpinValues.jsonValue("[1,2]").create())).isEmpty();
        assertThat(GuardiaAttivita.voci(SpinValues.jsonValue("[[\"annidata\"]]").create())).isEmpty();
        assertThat(GuardiaAttivita.voci(SpinValues.jsonValue("[\"non chiusa\"").create())).isEmpty();
        assertThat(GuardiaAttivita.voci(List.of(1, 2))).isEmpty();
        assertThat(GuardiaAttivita.voci(Variables.byteArrayValue(new byte[] {1}))).isEmpty();
        assertThat(GuardiaAttivita.voci(42)).isEmpty();
    }
}
