package it.piattaformacasa;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

import it.piattaformacasa.anagrafe.Alloggio;

/** A chosen alloggio as the JSON lists show it: preference, unit, comune, art. 9 title and its Italian text. */
public final class SceltaAttesa {

    private SceltaAttesa() {
    }

    public static void verifica(JsonNode scelta, int preferenza, Alloggio alloggio, String comune, String codiceIstat,
                                String titolo, String titoloTesto) {
        assertThat(scelta.get("preferenza").asInt()).isEqualTo(preferenza);
        assertThat(scelta.get("alloggioId").asLong()).isEqualTo(alloggio.getId());
        assertThat(scelta.get("codiceUi").asText()).isEqualTo(alloggio.getCodiceUi());
        assertThat(scelta.get("comune").asText()).isEqualTo(comune);
        assertThat(scelta.get("codiceIstatComune").asText()).isEqualTo(codiceIstat);
        assertThat(scelta.get("titolo").asText()).isEqualTo(titolo);
        assertThat(scelta.get("titoloTesto").asText()).isEqualTo(titoloTesto);
    }
}
