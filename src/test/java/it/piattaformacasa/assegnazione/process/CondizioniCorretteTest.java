package it.piattaformacasa.assegnazione.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The corrected conditions arrive as a checklist (a JSON list in Tasklist) or as a comma-separated list (the API). */
class CondizioniCorretteTest {

    @Test
    void dallaChecklistDiTasklistDallaListaJsonEDallApi() {
        assertThat(RegistraVerificaIstruttoriaDelegate.condizioni(List.of("coabitazione", "sovraffollamento")))
                .containsOnlyKeys("coabitazione", "sovraffollamento").containsValues(true);
        assertThat(RegistraVerificaIstruttoriaDelegate.condizioni("[\"coabitazione\", \"sovraffollamento\"]"))
                .containsOnlyKeys("coabitazione", "sovraffollamento");
        assertThat(RegistraVerificaIstruttoriaDelegate.condizioni("rilascioAlloggio")).containsOnlyKeys("rilascioAlloggio");
        assertThat(RegistraVerificaIstruttoriaDelegate.condizioni("")).as("none holds any more").isEmpty();
        assertThat(RegistraVerificaIstruttoriaDelegate.condizioni("[]")).isEmpty();
    }
}
