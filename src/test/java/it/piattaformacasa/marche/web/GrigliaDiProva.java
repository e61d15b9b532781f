package it.piattaformacasa.marche.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import it.piattaformacasa.ClientHttp;

/** What the Marche API tests share: a grid read back as the body of «Salva», and a 400 on one field. */
final class GrigliaDiProva {

    private static final ObjectMapper JSON = new ObjectMapper();

    private GrigliaDiProva() {
    }

    /** A version of the grid ({@code GET …/condizioni}) as the body of {@code PUT …/condizioni}: only the fields it takes. */
    static ObjectNode corpo(JsonNode versione) {
        ObjectNode corpo = JSON.createObjectNode();
        ArrayNode condizioni = corpo.putArray("condizioni");
        for (JsonNode c : versione.get("condizioni")) {
            ObjectNode cn = condizioni.addObject();
            for (String campo : new String[] {"codice", "testo", "parametro", "gruppoNonCumulabile"}) {
                cn.set(campo, c.get(campo));
            }
            ArrayNode fasce = cn.putArray("fasce");
            for (JsonNode f : c.get("fasce")) {
                ObjectNode fn = fasce.addObject();
                for (String campo : new String[] {"testo", "punti", "oltre", "finoA", "perOgni"}) {
                    fn.set(campo, f.get(campo));
                }
            }
        }
        return corpo;
    }

    /** A 400 naming {@code campo} with a reason that contains {@code motivo}. */
    static void assertErrore(ClientHttp.Risposta risposta, String campo, String motivo) {
        assertThat(risposta.status()).as(risposta.body()).isEqualTo(400);
        assertThat(risposta.json().get("errori")).as(risposta.body()).anySatisfy(e -> {
            assertThat(e.get("campo").asText()).isEqualTo(campo);
            assertThat(e.get("messaggio").asText()).contains(motivo);
        });
    }
}
