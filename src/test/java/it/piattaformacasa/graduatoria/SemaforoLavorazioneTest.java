package it.piattaformacasa.graduatoria;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SemaforoLavorazioneTest {

    @ParameterizedTest(name = "{0} giorni rimasti → {1}")
    @CsvSource({"15, VERDE", "4, VERDE", "3, GIALLO", "0, GIALLO", "-1, ROSSO", "-30, ROSSO"})
    void ilColoreDipendeDaiGiorniRimastiPrimaDellaScadenza(long giorni, DomandeInLavorazione.Semaforo atteso) {
        assertThat(DomandeInLavorazione.semaforo(giorni)).isEqualTo(atteso);
    }
}
