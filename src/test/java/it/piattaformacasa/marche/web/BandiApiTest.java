package it.piattaformacasa.marche.web;

import static it.piattaformacasa.DemoUtenti.*;
import static it.piattaformacasa.marche.web.GrigliaDiProva.assertErrore;
import static it.piattaformacasa.marche.web.GrigliaDiProva.corpo;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import it.piattaformacasa.ClientHttp;
import it.piattaformacasa.IntegrationTest;
import it.piattaformacasa.marche.BandiService;

/**
 * Issue 15, first slice: the bandi of a Marche Comune and their grid through the API — who may define them (an
 * operator of the Marche profile with «Gestione avviso»; a Lombardia operator is refused), validation with the field
 * and the reason in Italian and nothing written, «Copia da modello», a save that adds a version, and the freeze once a
 * domanda exists (seed 004).
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BandiApiTest {

    private static final AtomicInteger PROGRESSIVO = new AtomicInteger();

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    ClientHttp http;
    /** A run's own bando numbers: the suite shares one database. */
    String prefisso;

    @BeforeAll
    void client() {
        http = new ClientHttp(port);
        prefisso = "T" + Long.toString(System.nanoTime() % 100_000_000L, 36).toUpperCase();
    }

    @Test
    void lOperatoreDiAnconaInserisceUnBandoConLeDateDelSeed() {
        String numero = numero();
        ClientHttp.Risposta creato = crea(ANCONA, numero, "2041-02-01", "2041-03-31", "2041-04-15");
        assertThat(creato.status()).as(creato.body()).isEqualTo(201);
        JsonNode bando = creato.json();
        assertThat(bando.get("ente").asText()).isEqualTo("Comune di Ancona");
        assertThat(bando.get("anno").asInt()).isEqualTo(2041);
        assertThat(bando.get("dataScadenzaEstero").asText()).isEqualTo("2041-04-15");
        assertThat(bando.get("versioneCondizioni").asInt()).isZero();
        assertThat(bando.get("eliminabile").asBoolean()).isTrue();
        assertThat(creato.raw().headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/api/marche/bandi/" + bando.get("id").asText()));

        ClientHttp.Risposta elenco = http.get("/api/marche/bandi", ANCONA);
        assertThat(elenco.status()).isEqualTo(200);
        assertThat(elenco.json().findValuesAsText("numero")).contains(numero);
        // supervisors see every ente's bandi; the Lombardia operator sees none
        assertThat(http.get("/api/marche/bandi", SUPERVISORE).json().findValuesAsText("numero")).contains(numero);
        assertThat(http.get("/api/marche/bandi", MALNATE).json()).isEmpty();
    }

    @Test
    void unOperatoreLombardoOChiNonGestisceIlBandoERifiutato() {
        ClientHttp.Risposta lombardo = crea(MALNATE, numero(), "2041-02-01", "2041-03-31", "2041-04-15");
        assertThat(lombardo.status()).as(lombardo.body()).isEqualTo(403);
        assertThat(lombardo.body()).contains("profilo regionale Marche");
        assertThat(crea(CAPOFILA, numero(), "2041-02-01", "2041-03-31", "2041-04-15").status()).isEqualTo(403);
        assertThat(crea(SUPERVISORE, numero(), "2041-02-01", "2041-03-31", "2041-04-15").status()).isEqualTo(403);
        assertThat(crea(LETTORE_REGIONE, numero(), "2041-02-01", "2041-03-31", "2041-04-15").status()).isEqualTo(403);
        // naming the ente does not help: the Comune di Malnate is of the Lombardia profile
        long malnate = jdbc.queryForObject("select id from ente_proprietario where codice_fiscale = ?", Long.class, CF_COMUNE_MALNATE);
        assertThat(http.post("/api/marche/bandi", MALNATE, "{\"enteId\":" + malnate + ",\"numero\":\"" + numero()
                + "\",\"dataPubblicazione\":\"2041-02-01\",\"dataScadenza\":\"2041-03-31\",\"dataScadenzaEstero\":\"2041-04-15\"}").status())
                .isEqualTo(403);

        long id = creaBando();
        assertThat(http.get("/api/marche/bandi/" + id, MALNATE).status()).isEqualTo(404);
        assertThat(http.delete("/api/marche/bandi/" + id, MALNATE).status()).isEqualTo(404);
        assertThat(http.post("/api/marche/bandi/" + id + "/condizioni/copia-da-modello", MALNATE, "").status()).isEqualTo(404);
        // the supervisor reads the bando, and changes nothing of it
        assertThat(http.get("/api/marche/bandi/" + id, SUPERVISORE).status()).isEqualTo(200);
        assertThat(http.delete("/api/marche/bandi/" + id, SUPERVISORE).status()).isEqualTo(403);
        assertThat(http.post("/api/marche/bandi/" + id + "/condizioni/copia-da-modello", SUPERVISORE, "").status()).isEqualTo(403);
        assertThat(http.get("/api/marche/bandi/" + id, ANCONA).json().get("versioneCondizioni").asInt()).isZero();
    }

    @Test
    void datiNonValidiSonoRifiutatiConIlCampoEIlMotivoSenzaScrivere() {
        long prima = bandi();
        assertErrore(crea(ANCONA, numero(), "2041-03-31", "2041-02-01", "2041-04-15"), "dataScadenza", "deve seguire la data di pubblicazione");
        assertErrore(crea(ANCONA, numero(), "2041-02-01", "2041-03-31", "2041-03-30"), "dataScadenzaEstero", "non può precedere");
        assertErrore(crea(ANCONA, "", "2041-02-01", "2041-03-31", "2041-04-15"), "numero", "obbligatorio");
        assertErrore(crea(ANCONA, "n. 12!", "2041-02-01", "2041-03-31", "2041-04-15"), "numero", "al più 20");
        assertErrore(http.post("/api/marche/bandi", ANCONA, "{\"numero\":\"" + numero() + "\"}"), "dataPubblicazione", "obbligatoria");
        assertThat(bandi()).isEqualTo(prima);

        // the number is unique for the ente in the year of publication; another year may reuse it
        String numero = numero();
        assertThat(crea(ANCONA, numero, "2042-02-01", "2042-03-31", "2042-04-15").status()).isEqualTo(201);
        assertErrore(crea(ANCONA, numero, "2042-06-01", "2042-07-31", "2042-08-15"), "numero", "esiste già il bando n. " + numero + " del 2042");
        assertThat(crea(ANCONA, numero, "2043-02-01", "2043-03-31", "2043-04-15").status()).isEqualTo(201);
    }

    @Test
    void copiaDaModelloCreaLaPrimaVersioneConLeCondizioniDelSeed() {
        long id = creaBando();
        assertThat(http.get("/api/marche/bandi/" + id + "/condizioni", ANCONA).status()).isEqualTo(404);
        ClientHttp.Risposta copia = http.post("/api/marche/bandi/" + id + "/condizioni/copia-da-modello", ANCONA, "");
        assertThat(copia.status()).as(copia.body()).isEqualTo(201);
        JsonNode griglia = copia.json();
        assertThat(griglia.get("versione").asInt()).isEqualTo(1);
        assertThat(griglia.get("origine").asText()).isEqualTo("MODELLO");
        assertThat(griglia.get("condizioni")).hasSize(16);
        JsonNode isee = condizione(griglia, "SOGGETTIVA_1");
        assertThat(isee.get("parametro").asText()).isEqualTo("ISEE");
        assertThat(isee.get("fasce").get(0).get("punti").decimalValue()).isEqualByComparingTo("5");
        assertThat(isee.get("fasce").get(1).get("punti").decimalValue()).isEqualByComparingTo("3.5");
        assertThat(isee.get("fasce").get(2).get("finoA").decimalValue()).isEqualByComparingTo("10285.16");
        assertThat(condizione(griglia, "OGGETTIVA_5").get("fasce")).hasSize(6);
        assertThat(condizione(griglia, "OGGETTIVA_3_BIS").get("gruppoNonCumulabile").isNull()).isTrue();
        for (String nonCumulabile : new String[] {"OGGETTIVA_1", "OGGETTIVA_2", "OGGETTIVA_3", "OGGETTIVA_4"}) {
            assertThat(condizione(griglia, nonCumulabile).get("gruppoNonCumulabile").asText()).isEqualTo("ALLOGGIO");
        }
        // the values the manual does not give are marked
        assertThat(condizione(griglia, "SOGGETTIVA_2").get("fasce").get(0).get("provvisoria").asBoolean()).isTrue();
        assertThat(condizione(griglia, "SOGGETTIVA_2").get("fasce").get(1).get("provvisoria").asBoolean()).isFalse();
        assertThat(http.get("/api/marche/bandi/" + id, ANCONA).json().get("versioneCondizioni").asInt()).isEqualTo(1);
    }

    @Test
    void salvareCreaUnaNuovaVersioneELaPrecedenteResta() throws Exception {
        long id = creaBandoConModello();
        ObjectNode corpo = corpo(http.get("/api/marche/bandi/" + id + "/condizioni", ANCONA).json());
        corpo.put("versioneBase", 1);
        // band b of the ISEE: 4 points instead of 3,5; the sixth reason of OGGETTIVA 5 removed; a band added to SOGGETTIVA 7
        ((ObjectNode) fasce(corpo, "SOGGETTIVA_1").get(1)).put("punti", 4);
        fasce(corpo, "OGGETTIVA_5").remove(5);
        fasce(corpo, "SOGGETTIVA_7").addObject().put("testo", "Giovani coppie sposate da meno di due anni").put("punti", 1.5);
        ClientHttp.Risposta salvata = put("/api/marche/bandi/" + id + "/condizioni", ANCONA, corpo.toString());
        assertThat(salvata.status()).as(salvata.body()).isEqualTo(200);
        assertThat(salvata.json().get("versione").asInt()).isEqualTo(2);
        assertThat(salvata.json().get("origine").asText()).isEqualTo("MODIFICA");

        JsonNode corrente = http.get("/api/marche/bandi/" + id + "/condizioni", ANCONA).json();
        assertThat(corrente.get("versione").asInt()).isEqualTo(2);
        assertThat(condizione(corrente, "SOGGETTIVA_1").get("fasce").get(1).get("punti").decimalValue()).isEqualByComparingTo("4");
        assertThat(condizione(corrente, "OGGETTIVA_5").get("fasce")).hasSize(5);
        assertThat(condizione(corrente, "SOGGETTIVA_7").get("fasce")).hasSize(2);
        // a band left as the model had it keeps the model's mark; one the Comune set does not
        assertThat(condizione(corrente, "SOGGETTIVA_2").get("fasce").get(0).get("provvisoria").asBoolean()).isTrue();
        JsonNode prima = http.get("/api/marche/bandi/" + id + "/condizioni?versione=1", ANCONA).json();
        assertThat(condizione(prima, "SOGGETTIVA_1").get("fasce").get(1).get("punti").decimalValue()).isEqualByComparingTo("3.5");

        // saving again from version 1 is refused: version 2 was saved meanwhile
        ClientHttp.Risposta superata = put("/api/marche/bandi/" + id + "/condizioni", ANCONA, corpo.toString());
        assertThat(superata.status()).isEqualTo(409);
        assertThat(superata.body()).contains("salvate nel frattempo");
    }

    @Test
    void unaGrigliaNonValidaERifiutataConIlCampoENonCreaVersioni() throws Exception {
        long id = creaBandoConModello();
        JsonNode modello = http.get("/api/marche/bandi/" + id + "/condizioni", ANCONA).json();

        ObjectNode negativi = corpo(modello);
        ((ObjectNode) fasce(negativi, "SOGGETTIVA_1").get(0)).put("punti", -1);
        assertErrore(put("/api/marche/bandi/" + id + "/condizioni", ANCONA, negativi.toString()), "condizioni[0].fasce[0].punti",
                "non possono essere negativi");

        ObjectNode sovrapposte = corpo(modello);
        ((ObjectNode) fasce(sovrapposte, "SOGGETTIVA_1").get(1)).put("oltre", 5000);
        assertErrore(put("/api/marche/bandi/" + id + "/condizioni", ANCONA, sovrapposte.toString()), "condizioni[0].fasce[1]",
                "si sovrappone alla fascia a");

        ObjectNode rovesciata = corpo(modello);
        ((ObjectNode) fasce(rovesciata, "SOGGETTIVA_1").get(2)).put("finoA", 7000);
        assertErrore(put("/api/marche/bandi/" + id + "/condizioni", ANCONA, rovesciata.toString()), "condizioni[0].fasce[2].finoA",
                "maggiore di «oltre»");

        ObjectNode gruppoDiUna = corpo(modello);
        for (String c : new String[] {"OGGETTIVA_2", "OGGETTIVA_3", "OGGETTIVA_4"}) {
            condizioneDelCorpo(gruppoDiUna, c).putNull("gruppoNonCumulabile");
        }
        assertErrore(put("/api/marche/bandi/" + id + "/condizioni", ANCONA, gruppoDiUna.toString()), "condizioni",
                "il gruppo non cumulabile ALLOGGIO ha la sola condizione OGGETTIVA 1");

        ObjectNode misto = corpo(modello);
        condizioneDelCorpo(misto, "SOGGETTIVA_3").put("gruppoNonCumulabile", "ALLOGGIO");
        assertErrore(put("/api/marche/bandi/" + id + "/condizioni", ANCONA, misto.toString()), "condizioni",
                "mescola condizioni soggettive e oggettive");

        ObjectNode senzaUna = corpo(modello);
        ((ArrayNode) senzaUna.get("condizioni")).remove(15);
        assertErrore(put("/api/marche/bandi/" + id + "/condizioni", ANCONA, senzaUna.toString()), "condizioni",
                "manca la condizione OGGETTIVA 5");

        ObjectNode sette = corpo(modello);
        for (int i = 0; i < 2; i++) {
            fasce(sette, "OGGETTIVA_5").addObject().put("testo", "altro motivo").put("punti", 1);
        }
        assertThat(put("/api/marche/bandi/" + id + "/condizioni", ANCONA, sette.toString()).status()).isEqualTo(400);

        assertThat(http.get("/api/marche/bandi/" + id + "/condizioni", ANCONA).json().get("versione").asInt()).isEqualTo(1);
    }

    @Test
    void conUnaDomandaLeCondizioniSonoBloccateEIlBandoNonSiElimina() throws Exception {
        long id = creaBandoConModello();
        ObjectNode corpo = corpo(http.get("/api/marche/bandi/" + id + "/condizioni", ANCONA).json());
        // the desk's domande come in a later slice: one row is enough for the rule
        jdbc.update("insert into marche_domanda (bando_id, numero, data_presentazione) values (?, 1, date '2041-02-10')", id);

        ClientHttp.Risposta salva = put("/api/marche/bandi/" + id + "/condizioni", ANCONA, corpo.toString());
        assertThat(salva.status()).isEqualTo(409);
        assertThat(salva.body()).contains(BandiService.CONDIZIONI_BLOCCATE);
        ClientHttp.Risposta copia = http.post("/api/marche/bandi/" + id + "/condizioni/copia-da-modello", ANCONA, "");
        assertThat(copia.status()).isEqualTo(409);
        assertThat(copia.body()).contains(BandiService.CONDIZIONI_BLOCCATE);
        ClientHttp.Risposta elimina = http.delete("/api/marche/bandi/" + id, ANCONA);
        assertThat(elimina.status()).isEqualTo(409);
        assertThat(elimina.body()).contains("domande già inserite");

        JsonNode bando = http.get("/api/marche/bandi/" + id, ANCONA).json();
        assertThat(bando.get("domande").asInt()).isEqualTo(1);
        assertThat(bando.get("eliminabile").asBoolean()).isFalse();
        assertThat(bando.get("condizioniModificabili").asBoolean()).isFalse();
        assertThat(http.get("/api/marche/bandi/" + id + "/condizioni", ANCONA).json().get("versione").asInt()).isEqualTo(1);
    }

    @Test
    void modificaCambiaNumeroEDateMaNonLasciaFuoriLeDomandeGiaInserite() {
        long id = creaBandoConModello();
        String nuovo = numero();
        ClientHttp.Risposta modificato = put("/api/marche/bandi/" + id, ANCONA, modifica(nuovo, "2042-01-10", "2042-03-10",
                "2042-03-25"));
        assertThat(modificato.status()).as(modificato.body()).isEqualTo(200);
        assertThat(modificato.json().get("numero").asText()).isEqualTo(nuovo);
        assertThat(modificato.json().get("anno").asInt()).isEqualTo(2042);
        assertThat(modificato.json().get("versioneCondizioni").asInt()).as("the grid stays").isEqualTo(1);

        // a domanda of a resident in Italy on 01/03/2042 and one from abroad on 20/03/2042
        jdbc.update("insert into marche_domanda (bando_id, numero, data_presentazione) values (?, 1, date '2042-03-01')", id);
        jdbc.update("insert into marche_domanda (bando_id, numero, data_presentazione, residente_estero) "
                + "values (?, 2, date '2042-03-20', true)", id);
        assertErrore(put("/api/marche/bandi/" + id, ANCONA, modifica(nuovo, "2042-03-05", "2042-03-30", "2042-03-31")),
                "dataPubblicazione", "non può seguire il 01/03/2042, data di presentazione della prima domanda");
        ClientHttp.Risposta rifiutata = put("/api/marche/bandi/" + id, ANCONA, modifica(nuovo, "2042-01-10", "2042-02-28",
                "2042-03-15"));
        assertErrore(rifiutata, "dataScadenza", "non può precedere il 01/03/2042");
        assertErrore(rifiutata, "dataScadenzaEstero", "non può precedere il 20/03/2042");
        assertThat(http.get("/api/marche/bandi/" + id, ANCONA).json().get("dataScadenza").asText())
                .as("nothing written").isEqualTo("2042-03-10");
        // with the domande inside, the closing date moves
        assertThat(put("/api/marche/bandi/" + id, ANCONA, modifica(nuovo, "2042-01-10", "2042-03-01", "2042-03-20")).status())
                .isEqualTo(200);

        // the same number in the same year as another bando of the ente: refused on the field
        long altro = creaBando();
        String altroNumero = http.get("/api/marche/bandi/" + altro, ANCONA).json().get("numero").asText();
        long terzo = creaBando();
        assertErrore(put("/api/marche/bandi/" + terzo, ANCONA, modifica(altroNumero, "2041-01-10", "2041-03-01", "2041-03-20")),
                "numero", "esiste già il bando n. " + altroNumero + " del 2041");
        assertErrore(put("/api/marche/bandi/" + id, ANCONA, modifica("", "2042-01-10", "2042-01-01", "2042-03-20")),
                "dataScadenza", "la scadenza deve seguire la data di pubblicazione");
        // who does not manage it: a Lombardia operator does not see it, the supervisor reads but does not change it
        assertThat(put("/api/marche/bandi/" + id, MALNATE,
                modifica(numero(), "2042-01-10", "2042-03-10", "2042-03-25")).status()).isEqualTo(404);
        assertThat(put("/api/marche/bandi/" + id, SUPERVISORE, modifica(numero(), "2042-01-10", "2042-03-10", "2042-03-25"))
                .status()).isEqualTo(403);
    }

    @Test
    void senzaDomandeIlBandoSiEliminaConLeSueCondizioni() {
        long id = creaBandoConModello();
        assertThat(http.delete("/api/marche/bandi/" + id, ANCONA).status()).isEqualTo(204);
        assertThat(http.get("/api/marche/bandi/" + id, ANCONA).status()).isEqualTo(404);
        assertThat(jdbc.queryForObject("select count(*) from marche_condizioni where bando_id = ?", Long.class, id)).isZero();
    }

    @Test
    void gliEntiEspongonoIlProfiloRegionale() {
        JsonNode enti = http.get("/api/enti", SUPERVISORE).json();
        assertThat(enti.findValues("ragioneSociale")).isNotEmpty();
        for (JsonNode e : enti) {
            String atteso = e.get("codiceFiscale").asText().equals(CF_COMUNE_ANCONA) ? "MARCHE" : "LOMBARDIA";
            if (e.get("codiceFiscale").asText().equals(CF_COMUNE_ANCONA) || e.get("codiceFiscale").asText().equals(CF_COMUNE_VARESE)) {
                assertThat(e.get("regioneProfilo").asText()).as(e.get("ragioneSociale").asText()).isEqualTo(atteso);
            }
        }
        assertThat(enti.findValuesAsText("codiceFiscale")).contains(CF_COMUNE_ANCONA, CF_COMUNE_VARESE);
    }

    // -------------------------------------------------------------------------------------------------------------

    private String numero() {
        return prefisso + "-" + PROGRESSIVO.incrementAndGet();
    }

    private ClientHttp.Risposta crea(String utente, String numero, String pubblicazione, String scadenza, String estero) {
        return http.post("/api/marche/bandi", utente, "{\"numero\":\"" + numero + "\",\"dataPubblicazione\":\"" + pubblicazione
                + "\",\"dataScadenza\":\"" + scadenza + "\",\"dataScadenzaEstero\":\"" + estero + "\"}");
    }

    private static String modifica(String numero, String pubblicazione, String scadenza, String estero) {
        return "{\"numero\":\"" + numero + "\",\"dataPubblicazione\":\"" + pubblicazione + "\",\"dataScadenza\":\""
                + scadenza + "\",\"dataScadenzaEstero\":\"" + estero + "\"}";
    }

    private long creaBando() {
        ClientHttp.Risposta creato = crea(ANCONA, numero(), "2041-02-01", "2041-03-31", "2041-04-15");
        assertThat(creato.status()).as(creato.body()).isEqualTo(201);
        return creato.json().get("id").asLong();
    }

    private long creaBandoConModello() {
        long id = creaBando();
        assertThat(http.post("/api/marche/bandi/" + id + "/condizioni/copia-da-modello", ANCONA, "").status()).isEqualTo(201);
        return id;
    }

    private long bandi() {
        return jdbc.queryForObject("select count(*) from marche_bando", Long.class);
    }

    private ClientHttp.Risposta put(String percorso, String utente, String json) {
        return http.invia(http.richiesta(percorso, utente).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private static JsonNode condizione(JsonNode griglia, String codice) {
        for (JsonNode c : griglia.get("condizioni")) {
            if (c.get("codice").asText().equals(codice)) {
                return c;
            }
        }
        throw new AssertionError("condizione " + codice + " assente");
    }

    /** The API's body from a version read: only the fields the API takes. */

    private static ObjectNode condizioneDelCorpo(ObjectNode corpo, String codice) {
        return (ObjectNode) condizione(corpo, codice);
    }

    private static ArrayNode fasce(ObjectNode corpo, String codice) {
        return (ArrayNode) condizione(corpo, codice).get("fasce");
    }
}
