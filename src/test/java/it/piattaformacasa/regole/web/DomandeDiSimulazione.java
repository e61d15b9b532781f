package it.piattaformacasa.regole.web;

import static it.piattaformacasa.DemoUtenti.CAPOFILA;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import it.piattaformacasa.ClientHttp;
import it.piattaformacasa.anagrafe.Alloggio;
import it.piattaformacasa.common.CodiceFiscale;

/**
 * The domande the what-if tests move: a richiedente resident in Varese since a given day, ISEE 10.000 €, and with
 * {@code invalidita} a spouse with that civil invalidity; submitted by the capofila through the API.
 */
final class DomandeDiSimulazione {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DomandeDiSimulazione() {
    }

    static long presenta(ClientHttp http, long avviso, String cf, String lombardiaDal, int invalidita, boolean sovraffollamento,
                         Alloggio alloggio) {
        ObjectNode d = JSON.createObjectNode();
        ArrayNode nucleo = d.putArray("nucleo");
        nucleo.add(JSON.createObjectNode().put("codiceFiscale", CodiceFiscale.conControllo(cf))
                .put("nome", "Nome").put("cognome", "Cognome").put("dataNascita", "1980-01-01").put("relazione", "RICHIEDENTE")
                .put("percentualeInvalidita", 0));
        if (invalidita > 0) {
            nucleo.add(JSON.createObjectNode().put("codiceFiscale", CodiceFiscale.conControllo("MNTSRA88P43L682"))
                    .put("nome", "Sara").put("cognome", "Monti").put("dataNascita", "1988-09-03").put("relazione", "CONIUGE")
                    .put("percentualeInvalidita", invalidita));
        }
        d.putObject("residenza").put("codiceIstatComune", "012133").put("residenteLombardiaDal", lombardiaDal)
                .put("residenteComuneDal", lombardiaDal);
        d.putObject("isee").put("valore", new BigDecimal("10000.00")).put("protocolloDsu", "INPS-ISEE-2026-00012345A-00")
                .put("dataDsu", "2026-02-10");
        d.put("patrimonio", new BigDecimal("1000.00"));
        d.put("titolareAlloggioAdeguato", false).put("attestazioneServiziSociali", false);
        d.putObject("condizioni").put("sovraffollamento", sovraffollamento);
        d.putArray("alloggi").add(alloggio.getId());
        ClientHttp.Risposta risposta = http.post("/api/avvisi/" + avviso + "/domande", CAPOFILA, d.toString());
        assertThat(risposta.status()).as(risposta.body()).isEqualTo(201);
        return risposta.json().get("id").asLong();
    }
}
