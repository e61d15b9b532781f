package it.piattaformacasa.anagrafe;

import static it.piattaformacasa.DemoUtenti.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import it.piattaformacasa.ClientHttp;
import it.piattaformacasa.IntegrationTest;
import it.piattaformacasa.ScenarioAvviso;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;

/**
 * Issue 13: the Anagrafe an ente keeps, through the API. The Comune di Varese's Gestione Avviso operator ({@code capofila})
 * creates, changes and retires its alloggi and fabbricati; every change is in the register with who, when, before and
 * after; another ente's operator does not find them, a reading operator is refused; a change of state an open avviso
 * depends on is a 409 with the reason; two operators editing the same version: one wins, the other gets 409.
 */
@IntegrationTest
class GestioneAnagrafeApiTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;
    @Autowired
    AlloggioRepository alloggi;

    ClientHttp http;
    long varese;
    String codice;

    @BeforeEach
    void client() {
        http = new ClientHttp(port);
        varese = jdbc.queryForObject("select id from ente_proprietario where codice_fiscale = ?", Long.class, CF_COMUNE_VARESE);
        codice = "API-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
    }

    private String nuovo(String codiceUi, String stato) {
        return """
                {"enteId":%d,"codiceUi":"%s","codiceIstatComune":"012133","zonaLocalita":"Bizzozero","indirizzo":"Via delle Prove 3",
                 "scala":"B","interno":"4","piano":2,"superficieUtile":71.5,"vani":3,"ascensore":true,"barriereArchitettoniche":false,
                 "destinazioneUso":"SERVIZI_ABITATIVI_SOCIALI","stato":"%s"}""".formatted(varese, codiceUi, stato);
    }

    private static String modifica(long versione, String stato, String superficie) {
        return """
                {"version":%d,"codiceIstatComune":"012133","zonaLocalita":"Bizzozero","indirizzo":"Via delle Prove 3","scala":"B",
                 "interno":"4","piano":2,"superficieUtile":%s,"vani":3,"ascensore":true,"barriereArchitettoniche":false,
                 "destinazioneUso":"SERVIZI_ABITATIVI_SOCIALI","stato":"%s"}""".formatted(versione, superficie, stato);
    }

    private ClientHttp.Risposta put(String percorso, String utente, String json) {
        return http.invia(http.richiesta(percorso, utente).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    @Test
    void lOperatoreDellEnteInserisceModificaERitiraUnAlloggioEOgniPassoERegistrato() {
        ClientHttp.Risposta creato = http.post("/api/alloggi", CAPOFILA, nuovo(codice, "SFITTO_RISTRUTTURAZIONE"));
        assertThat(creato.status()).as(creato.body()).isEqualTo(201);
        long id = creato.json().get("id").asLong();
        assertThat(creato.json().get("destinazioneUso").asText()).isEqualTo("SERVIZI_ABITATIVI_SOCIALI");
        assertThat(creato.json().get("version").asLong()).isZero();
        // the list sees it, filtered by its state
        assertThat(http.get("/api/alloggi?ente=" + varese + "&stato=SFITTO_RISTRUTTURAZIONE&dimensione=200", CAPOFILA).body()).contains(codice);

        ClientHttp.Risposta cambiato = put("/api/alloggi/" + id, CAPOFILA, modifica(0, "LIBERO", "72.25"));
        assertThat(cambiato.status()).as(cambiato.body()).isEqualTo(200);
        assertThat(cambiato.json().get("stato").asText()).isEqualTo("LIBERO");
        assertThat(cambiato.json().get("superficieUtile").decimalValue()).isEqualByComparingTo("72.25");
        assertThat(cambiato.json().get("version").asLong()).isEqualTo(1);

        // the same data again: nothing changes, nothing is recorded
        assertThat(put("/api/alloggi/" + id, CAPOFILA, modifica(1, "LIBERO", "72.25")).json().get("version").asLong()).isEqualTo(1);

        ClientHttp.Risposta ritirato = http.post("/api/alloggi/" + id + "/ritiro", CAPOFILA, "{\"version\":1,\"motivo\":\"Alienato con atto n. 12\"}");
        assertThat(ritirato.status()).as(ritirato.body()).isEqualTo(200);
        assertThat(ritirato.json().get("ritiratoIl").isNull()).isFalse();
        // out of the lists, still reachable by its id
        assertThat(http.get("/api/alloggi?ente=" + varese + "&dimensione=200&pagina=0", CAPOFILA).body()).doesNotContain(codice);
        assertThat(http.get("/api/alloggi/" + id, CAPOFILA).status()).isEqualTo(200);
        assertThat(put("/api/alloggi/" + id, CAPOFILA, modifica(2, "LIBERO", "72.25")).status()).isEqualTo(409);

        JsonNode registro = http.get("/api/alloggi/" + id + "/registro", CAPOFILA).json();
        assertThat(registro).hasSize(3);
        assertThat(registro.findValuesAsText("azione")).containsExactly("RITIRO", "MODIFICA", "CREAZIONE");
        assertThat(registro.findValuesAsText("operatore")).containsOnly(CAPOFILA);
        JsonNode modificaRegistrata = registro.get(1).get("modifiche");
        assertThat(modificaRegistrata).hasSize(2);
        assertThat(modificaRegistrata.toString()).contains("{\"campo\":\"superficieUtile\",\"prima\":\"71.50\",\"dopo\":\"72.25\"}",
                "{\"campo\":\"stato\",\"prima\":\"SFITTO_RISTRUTTURAZIONE\",\"dopo\":\"LIBERO\"}");
        assertThat(registro.get(0).get("modifiche").toString()).contains("Alienato con atto n. 12");
        assertThat(registro.get(2).get("modifiche").toString()).contains("{\"campo\":\"codiceUi\",\"prima\":null,\"dopo\":\"" + codice + "\"}");
        assertThat(jdbc.queryForObject("select count(*) from anagrafe_registro where alloggio_id = ?", Integer.class, id)).isEqualTo(3);
    }

    @Test
    void unOperatoreDiUnAltroEnteNonTrovaNullaEChiLeggeSoltantoERifiutato() {
        long id = http.post("/api/alloggi", CAPOFILA, nuovo(codice, "LIBERO")).json().get("id").asLong();
        assertThat(put("/api/alloggi/" + id, MALNATE, modifica(0, "OCCUPATO", "71.5")).status()).isEqualTo(404);
        assertThat(http.post("/api/alloggi/" + id + "/ritiro", MALNATE, "{\"version\":0,\"motivo\":\"x\"}").status()).isEqualTo(404);
        assertThat(http.post("/api/alloggi", MALNATE, nuovo(codice + "M", "LIBERO")).status()).isEqualTo(404);
        // the Comune di Varese's istruttoria operator reads its stock but does not keep it; the supervisor neither
        assertThat(put("/api/alloggi/" + id, VARESE_ISTRUTTORIA, modifica(0, "OCCUPATO", "71.5")).status()).isEqualTo(403);
        assertThat(put("/api/alloggi/" + id, SUPERVISORE, modifica(0, "OCCUPATO", "71.5")).status()).isEqualTo(403);
        assertThat(http.get("/api/alloggi/" + id + "/registro", MALNATE).status()).isEqualTo(404);
        assertThat(jdbc.queryForObject("select stato from alloggio where id = ?", String.class, id)).isEqualTo("LIBERO");
        assertThat(jdbc.queryForObject("select count(*) from anagrafe_registro where alloggio_id = ?", Integer.class, id)).isEqualTo(1);
    }

    @Test
    void datiSbagliatiSonoUn400ConCampoEMotivoENullaVieneScritto() {
        long prima = jdbc.queryForObject("select count(*) from alloggio", Long.class);
        ClientHttp.Risposta rifiutato = http.post("/api/alloggi", CAPOFILA, """
                {"enteId":%d,"codiceUi":"con spazi","codiceIstatComune":"999999","indirizzo":"","piano":99,"superficieUtile":-3,
                 "vani":0}""".formatted(varese));
        assertThat(rifiutato.status()).as(rifiutato.body()).isEqualTo(400);
        assertThat(rifiutato.json().get("errori").findValuesAsText("campo"))
                .contains("codiceUi", "codiceIstatComune", "indirizzo", "piano", "superficieUtile", "vani", "stato");
        assertThat(rifiutato.body()).contains("codice non valido", "comune 999999 sconosciuto", "il piano deve essere tra -2 e 60");
        assertThat(http.post("/api/alloggi", CAPOFILA, nuovo(codice, "AFFITTATO")).status()).isEqualTo(400);
        assertThat(http.post("/api/alloggi", CAPOFILA, "{\"enteId\":" + varese + ",\"superficieUtile\":12345.678}").status()).isEqualTo(400);
        assertThat(jdbc.queryForObject("select count(*) from alloggio", Long.class)).isEqualTo(prima);
        // a code the ente already has: 409 with the existing one
        long id = http.post("/api/alloggi", CAPOFILA, nuovo(codice, "LIBERO")).json().get("id").asLong();
        ClientHttp.Risposta doppio = http.post("/api/alloggi", CAPOFILA, nuovo(codice, "LIBERO"));
        assertThat(doppio.status()).isEqualTo(409);
        assertThat(doppio.json().get("idEsistente").asLong()).isEqualTo(id);
    }

    @Test
    void loStatoDiUnAlloggioInUnAvvisoNonChiusoNonCambiaEIlMotivoLoDice() {
        Alloggio inAvviso = alloggi.findById(http.post("/api/alloggi", CAPOFILA, nuovo(codice, "LIBERO")).json().get("id").asLong())
                .orElseThrow();
        long avviso = new ScenarioAvviso(http, runtimeService, managementService, alloggi).aperto(List.of(inAvviso), List.of(CAPOFILA));

        ClientHttp.Risposta rifiutato = put("/api/alloggi/" + inAvviso.getId(), CAPOFILA, modifica(0, "OCCUPATO", "71.5"));
        assertThat(rifiutato.status()).as(rifiutato.body()).isEqualTo(409);
        assertThat(rifiutato.json().get("detail").asText()).contains(codice, "è nell'avviso n. " + avviso, "non ancora chiuso");
        ClientHttp.Risposta ritiro = http.post("/api/alloggi/" + inAvviso.getId() + "/ritiro", CAPOFILA, "{\"version\":0,\"motivo\":\"Venduto\"}");
        assertThat(ritiro.status()).isEqualTo(409);
        assertThat(ritiro.json().get("detail").asText()).contains("non può essere ritirato", "avviso n. " + avviso);
        // the other data may change: the state stays as the avviso published it
        ClientHttp.Risposta superficie = put("/api/alloggi/" + inAvviso.getId(), CAPOFILA, modifica(0, "LIBERO", "70"));
        assertThat(superficie.status()).as(superficie.body()).isEqualTo(200);
        assertThat(jdbc.queryForObject("select stato from alloggio where id = ?", String.class, inAvviso.getId())).isEqualTo("LIBERO");
    }

    @Test
    void dueOperatoriCheModificanoLaStessaVersioneUnoVinceLAltroRiceve409() throws Exception {
        long id = http.post("/api/alloggi", CAPOFILA, nuovo(codice, "LIBERO")).json().get("id").asLong();
        // one after the other with the same version read
        assertThat(put("/api/alloggi/" + id, CAPOFILA, modifica(0, "SFITTO_CARENZE_MANUTENTIVE", "71.5")).status()).isEqualTo(200);
        ClientHttp.Risposta tardiva = put("/api/alloggi/" + id, CAPOFILA, modifica(0, "OCCUPATO", "71.5"));
        assertThat(tardiva.status()).isEqualTo(409);
        assertThat(tardiva.json().get("detail").asText()).contains("modificato da un altro operatore");

        // at the same moment: eight writers of version 1, exactly one commits
        ExecutorService esecutori = Executors.newFixedThreadPool(8);
        CountDownLatch via = new CountDownLatch(1);
        try {
            List<Callable<Integer>> compiti = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String superficie = Integer.toString(50 + i);
                compiti.add(() -> {
                    via.await();
                    return put("/api/alloggi/" + id, CAPOFILA, modifica(1, "SFITTO_CARENZE_MANUTENTIVE", superficie)).status();
                });
            }
            List<Future<Integer>> esiti = compiti.stream().map(esecutori::submit).toList();
            via.countDown();
            List<Integer> stati = new java.util.ArrayList<>();
            for (Future<Integer> f : esiti) {
                stati.add(f.get());
            }
            assertThat(stati).containsOnly(200, 409);
            assertThat(stati.stream().filter(s -> s == 200).count()).isEqualTo(1);
        } finally {
            esecutori.shutdownNow();
        }
        assertThat(jdbc.queryForObject("select version from alloggio where id = ?", Long.class, id)).isEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from anagrafe_registro where alloggio_id = ? and azione = 'MODIFICA'",
                Integer.class, id)).isEqualTo(2);
    }

    @Test
    void unFabbricatoSiRegistraSiModificaESiRitiraSoloVuoto() {
        ClientHttp.Risposta creato = http.post("/api/fabbricati", CAPOFILA, """
                {"enteId":%d,"codice":"%s","codiceIstatComune":"012133","indirizzo":"Via dei Fabbricati 1","zonaLocalita":"Giubiano",
                 "annoCostruzione":1975,"numeroPiani":5,"ascensore":true}""".formatted(varese, codice));
        assertThat(creato.status()).as(creato.body()).isEqualTo(201);
        long fabbricato = creato.json().get("id").asLong();
        ClientHttp.Risposta alloggio = http.post("/api/alloggi", CAPOFILA, nuovo(codice + "-1", "LIBERO")
                .replace("\"codiceIstatComune\"", "\"fabbricatoId\":" + fabbricato + ",\"codiceIstatComune\""));
        assertThat(alloggio.status()).as(alloggio.body()).isEqualTo(201);
        assertThat(alloggio.json().get("codiceFabbricato").asText()).isEqualTo(codice);
        // another comune than the building's is refused
        assertThat(http.post("/api/alloggi", CAPOFILA, nuovo(codice + "-2", "LIBERO").replace("\"012133\"", "\"012096\"")
                .replace("\"codiceIstatComune\"", "\"fabbricatoId\":" + fabbricato + ",\"codiceIstatComune\"")).body())
                .contains("il fabbricato " + codice + " è nel comune di Varese");

        // its alloggio stays in Varese: the fabbricato does not move to another comune
        ClientHttp.Risposta altroComune = put("/api/fabbricati/" + fabbricato, CAPOFILA,
                "{\"version\":0,\"codiceIstatComune\":\"012096\",\"indirizzo\":\"Via dei Fabbricati 1\"}");
        assertThat(altroComune.status()).isEqualTo(400);
        assertThat(altroComune.json().get("errori").get(0).get("campo").asText()).isEqualTo("codiceIstatComune");
        assertThat(altroComune.json().get("errori").get(0).get("messaggio").asText()).contains("1 alloggio in Anagrafe nel comune di Varese");
        ClientHttp.Risposta cambiato = put("/api/fabbricati/" + fabbricato, CAPOFILA,
                "{\"version\":0,\"codiceIstatComune\":\"012133\",\"indirizzo\":\"Via dei Fabbricati 1\",\"numeroPiani\":6}");
        assertThat(cambiato.status()).as(cambiato.body()).isEqualTo(200);
        assertThat(http.post("/api/fabbricati/" + fabbricato + "/ritiro", CAPOFILA, "{\"version\":1}").json().get("detail").asText())
                .contains("ha ancora 1 alloggi");
        http.post("/api/alloggi/" + alloggio.json().get("id").asLong() + "/ritiro", CAPOFILA, "{\"version\":0,\"motivo\":\"Demolito\"}");
        assertThat(http.post("/api/fabbricati/" + fabbricato + "/ritiro", CAPOFILA, "{\"version\":1}").status()).isEqualTo(200);
        assertThat(jdbc.queryForList("select azione from anagrafe_registro where fabbricato_id = ? order by id", String.class, fabbricato))
                .containsExactly("CREAZIONE", "MODIFICA", "RITIRO");
        assertThat(http.get("/api/fabbricati/" + fabbricato, MALNATE).status()).isEqualTo(404);
    }
}
