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
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import it.piattaformacasa.ClientHttp;
import it.piattaformacasa.IntegrationTest;
import it.piattaformacasa.common.CodiceFiscale;
import it.piattaformacasa.marche.BandiService;
import it.piattaformacasa.marche.DomandeBandoService;

/**
 * Issue 15, the Marche desk through the API: a domanda is created with passo 1 (numero given or the next free one, the
 * data di presentazione within the bando's deadlines), each later step is saved on its own with the version it was
 * edited from, the grid is frozen by the first domanda, the graduatoria's phase limits what may change, and only the
 * bando's ente's operators with «Gestione avviso» write (seed 004, «Inserisci domanda», «Ricerca domande»).
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DomandeBandoApiTest {

    private static final AtomicInteger PROGRESSIVO = new AtomicInteger();
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    org.springframework.transaction.PlatformTransactionManager transazioni;

    ClientHttp http;
    String prefisso;

    @BeforeAll
    void client() {
        http = new ClientHttp(port);
        prefisso = "D" + Long.toString(System.nanoTime() % 100_000_000L, 36).toUpperCase();
    }

    @Test
    void ilPasso1CreaLaDomandaColPrimoNumeroLiberoOQuelloDato() {
        long bando = bandoConCondizioni();
        ClientHttp.Risposta prima = crea(bando, passo1(null, "2052-02-10", "ROSSI", "MARIO"));
        assertThat(prima.status()).as(prima.body()).isEqualTo(201);
        JsonNode d = prima.json();
        assertThat(d.get("numero").asInt()).isEqualTo(1);
        assertThat(d.get("passo").asInt()).isEqualTo(1);
        assertThat(d.get("nominativo").asText()).isEqualTo("ROSSI MARIO");
        assertThat(d.get("anagrafica").get("isee").decimalValue()).isEqualByComparingTo("4800");
        assertThat(d.get("creataDa").asText()).isEqualTo(ANCONA);
        assertThat(d.get("modificataIl").isNull()).isFalse();
        assertThat(prima.raw().headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l)
                .endsWith("/api/marche/domande/" + d.get("id").asText()));

        assertThat(crea(bando, passo1(7, "2052-02-10", "BIANCHI", "ANNA")).json().get("numero").asInt()).isEqualTo(7);
        assertThat(crea(bando, passo1(null, "2052-02-11", "VERDI", "LUCA")).json().get("numero").asInt()).isEqualTo(8);
        long domande = domande(bando);
        assertErrore(crea(bando, passo1(7, "2052-02-11", "NERI", "ELSA")), "numero", "esiste già la domanda n. 7");
        assertErrore(crea(bando, passo1(0, "2052-02-11", "NERI", "ELSA")), "numero", "da 1 a 999999");
        assertThat(domande(bando)).isEqualTo(domande);
        assertThat(http.get("/api/marche/bandi/" + bando, ANCONA).json().get("domande").asInt()).isEqualTo(3);
    }

    @Test
    void laDataDiPresentazioneStaTraPubblicazioneEScadenzaQuellaDegliEsteriPerIResidentiAllEstero() {
        long bando = bandoConCondizioni();
        assertErrore(crea(bando, passo1(null, "2052-01-31", "ROSSI", "MARIO")), "dataPresentazione", "dal 01/02/2052");
        assertErrore(crea(bando, passo1(null, "2052-04-01", "ROSSI", "MARIO")), "dataPresentazione",
                "entro e non oltre il 31/03/2052, scadenza del bando");
        ObjectNode estero = passo1(null, "2052-04-10", "ROSSI", "MARIO").put("residenteEstero", true);
        ClientHttp.Risposta creata = crea(bando, estero);
        assertThat(creata.status()).as(creata.body()).isEqualTo(201);
        assertErrore(crea(bando, passo1(null, "2052-04-16", "ROSSI", "MARIO").put("residenteEstero", true)), "dataPresentazione",
                "entro e non oltre il 15/04/2052, scadenza per i residenti all'estero");
        assertErrore(crea(bando, passo1(null, null, "ROSSI", "MARIO")), "dataPresentazione", "obbligatoria");
        assertThat(domande(bando)).isEqualTo(1);
    }

    @Test
    void datiNonValidiDelPasso1SonoRifiutatiConIlCampoSenzaScrivere() {
        long bando = bandoConCondizioni();
        assertErrore(crea(bando, passo1(null, "2052-02-10", "ROSSI", "MARIO").put("codiceFiscale", "RSSMRA80A01A271X")),
                "codiceFiscale", "carattere di controllo");
        assertErrore(crea(bando, passo1(null, "2052-02-10", "ROSSI", "MARIO").putNull("isee")), "isee", "obbligatorio");
        assertErrore(crea(bando, passo1(null, "2052-02-10", "", "MARIO")), "cognome", "obbligatorio");
        assertErrore(crea(bando, passo1(null, "2052-02-10", "ROSSI", "MARIO").put("cap", "6012")), "cap", "cinque cifre");
        assertErrore(crea(bando, passo1(null, "2052-02-10", "ROSSI", "MARIO").put("residenteDal", "2052-03-01")), "residenteDal",
                "non può iniziare dopo");
        assertErrore(crea(bando, passo1(null, "2052-02-10", "ROSSI", "MARIO").put("anniPresentazione", "l'anno scorso")),
                "anniPresentazione", "separati da virgole");
        assertThat(domande(bando)).isZero();
    }

    @Test
    void unBandoSenzaCondizioniNonAccettaDomandeEUnaDomandaBloccaLaGriglia() throws Exception {
        long bando = bando();
        ClientHttp.Risposta senza = crea(bando, passo1(null, "2052-02-10", "ROSSI", "MARIO"));
        assertThat(senza.status()).isEqualTo(409);
        assertThat(senza.body()).contains("il bando non ha ancora le condizioni");
        assertThat(http.post("/api/marche/bandi/" + bando + "/condizioni/copia-da-modello", ANCONA, "").status()).isEqualTo(201);
        JsonNode griglia = http.get("/api/marche/bandi/" + bando + "/condizioni", ANCONA).json();
        assertThat(crea(bando, passo1(null, "2052-02-10", "ROSSI", "MARIO")).status()).isEqualTo(201);

        ClientHttp.Risposta salva = put("/api/marche/bandi/" + bando + "/condizioni", ANCONA, corpo(griglia).toString());
        assertThat(salva.status()).isEqualTo(409);
        assertThat(salva.body()).contains(BandiService.CONDIZIONI_BLOCCATE);
        assertThat(http.post("/api/marche/bandi/" + bando + "/condizioni/copia-da-modello", ANCONA, "").status()).isEqualTo(409);
        assertThat(http.delete("/api/marche/bandi/" + bando, ANCONA).status()).isEqualTo(409);
    }

    @Test
    void laPrimaDomandaAttendeLaGrigliaCheSiStaSalvandoSulloStessoBando() throws Exception {
        long conGriglia = bandoConCondizioni();
        long bando = bando();
        java.util.concurrent.CountDownLatch bloccato = new java.util.concurrent.CountDownLatch(1);
        // a grid save in flight: the bando's row locked, its first version written, not yet committed
        Thread salvataggio = new Thread(() -> new org.springframework.transaction.support.TransactionTemplate(transazioni)
                .executeWithoutResult(t -> {
                    jdbc.queryForObject("select id from marche_bando where id = ? for update", Long.class, bando);
                    jdbc.update("insert into marche_condizioni (bando_id, versione, origine, griglia, salvata_da, salvata_il)"
                            + " select ?, 1, 'MODELLO', griglia, 'prova', now() from marche_condizioni where bando_id = ?", bando, conGriglia);
                    bloccato.countDown();
                    try {
                        Thread.sleep(1500);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }));
        salvataggio.start();
        assertThat(bloccato.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        long inizio = System.nanoTime();
        // without the lock the domanda would read «no grid» (the version is not committed) and be refused
        ClientHttp.Risposta creata = crea(bando, passo1(null, "2052-02-10", "ROSSI", "MARIO"));
        long attesa = (System.nanoTime() - inizio) / 1_000_000;
        salvataggio.join();
        assertThat(creata.status()).as(creata.body()).isEqualTo(201);
        assertThat(attesa).as("ms waited for the grid's transaction").isGreaterThanOrEqualTo(1000);
    }

    @Test
    void ilPasso2SalvaIRequisitiEIlNucleoIlPasso1ResaIntatto() {
        long bando = bandoConCondizioni();
        JsonNode d = crea(bando, passo1(null, "2052-02-10", "DI ROCCO", "VITTORIO")).json();
        ObjectNode corpo = passo2(d.get("version").asLong());
        ClientHttp.Risposta salvata = put("/api/marche/domande/" + d.get("id").asText() + "/requisiti", ANCONA, corpo.toString());
        assertThat(salvata.status()).as(salvata.body()).isEqualTo(200);
        JsonNode dopo = salvata.json();
        assertThat(dopo.get("passo").asInt()).isEqualTo(2);
        assertThat(dopo.get("version").asLong()).isGreaterThan(d.get("version").asLong());
        assertThat(dopo.get("requisiti").get("cittadinanza").asBoolean()).isTrue();
        assertThat(dopo.get("requisiti").get("reddito").asBoolean()).isFalse();
        assertThat(dopo.get("componenti")).hasSize(3);
        assertThat(dopo.get("componenti").get(0).get("parentela").asText()).isEqualTo("Convivente");
        assertThat(dopo.get("componenti").get(2).get("invalidita").decimalValue()).isEqualByComparingTo("80");
        assertThat(dopo.get("anagrafica").get("cognome").asText()).isEqualTo("DI ROCCO");

        // passo 1 again: passo stays the furthest one saved
        ObjectNode p1 = passo1(null, "2052-02-12", "DI ROCCO", "VITTORIO").put("version", dopo.get("version").asLong());
        JsonNode ancora = put("/api/marche/domande/" + d.get("id").asText() + "/anagrafica", ANCONA, p1.toString()).json();
        assertThat(ancora.get("dataPresentazione").asText()).isEqualTo("2052-02-12");
        assertThat(ancora.get("passo").asInt()).isEqualTo(2);
        assertThat(ancora.get("componenti")).hasSize(3);

        ObjectNode sbagliato = passo2(ancora.get("version").asLong());
        ((ObjectNode) sbagliato.get("requisiti")).put("simpatia", true);
        ((ObjectNode) sbagliato.get("componenti").get(1)).putNull("dataNascita");
        ((ObjectNode) sbagliato.get("componenti").get(2)).put("invalidita", 120);
        ClientHttp.Risposta rifiutata = put("/api/marche/domande/" + d.get("id").asText() + "/requisiti", ANCONA, sbagliato.toString());
        assertErrore(rifiutata, "requisiti.simpatia", "requisito sconosciuto");
        assertErrore(rifiutata, "componenti[1].dataNascita", "obbligatoria");
        assertErrore(rifiutata, "componenti[2].invalidita", "da 0 a 100");
        assertThat(http.get("/api/marche/domande/" + d.get("id").asText(), ANCONA).json().get("version").asLong())
                .isEqualTo(ancora.get("version").asLong());
    }

    @Test
    void unSalvataggioDaUnaVersioneSuperataE409() {
        long bando = bandoConCondizioni();
        JsonNode d = crea(bando, passo1(null, "2052-02-10", "ROSSI", "MARIO")).json();
        long letta = d.get("version").asLong();
        assertThat(put("/api/marche/domande/" + d.get("id").asText() + "/requisiti", ANCONA, passo2(letta).toString()).status())
                .isEqualTo(200);
        ClientHttp.Risposta superata = put("/api/marche/domande/" + d.get("id").asText() + "/esito", ANCONA,
                JSON.createObjectNode().put("version", letta).put("note", "tardi").toString());
        assertThat(superata.status()).isEqualTo(409);
        assertThat(superata.body()).contains("modificata nel frattempo da " + ANCONA);
        assertThat(http.get("/api/marche/domande/" + d.get("id").asText(), ANCONA).json().get("esito").get("note").isNull()).isTrue();
    }

    @Test
    void iPassi3E4MostranoIValoriCalcolatiESalvanoUnaFasciaPerCondizione() {
        long bando = bandoConCondizioni();
        JsonNode d = crea(bando, passo1(null, "2052-02-10", "ROSSI", "MARIO").put("residenteDal", "2040-05-01")).json();
        String id = d.get("id").asText();
        long v = put("/api/marche/domande/" + id + "/requisiti", ANCONA, passo2(d.get("version").asLong()).toString()).json()
                .get("version").asLong();

        JsonNode valutazione = http.get("/api/marche/domande/" + id + "/condizioni", ANCONA).json();
        assertThat(valutazione.get("versioneCondizioni").asInt()).isEqualTo(1);
        assertThat(valutazione.get("condizioni")).hasSize(16);
        JsonNode valori = valutazione.get("valori");
        assertThat(valori.get("ISEE").decimalValue()).isEqualByComparingTo("4800");
        assertThat(valori.get("COMPONENTI").asInt()).isEqualTo(4);
        assertThat(valori.get("INVALIDITA").decimalValue()).isEqualByComparingTo("80");
        // born 2045 and 2048: both up to 10 years old on 10/02/2052
        assertThat(valori.get("MINORI").asInt()).isEqualTo(2);
        assertThat(valori.get("MINORI_A_CARICO")).as("only for a monoparentale nucleo").isNull();
        assertThat(valori.get("ANNI_RESIDENZA").asInt()).isEqualTo(11);
        assertThat(valutazione.get("ripetizioni").size()).isZero();

        ObjectNode soggettive = JSON.createObjectNode().put("version", v);
        soggettive.putObject("fasceSpuntate").put("SOGGETTIVA_3", "a");
        soggettive.putObject("valoriDichiarati").put("ANNI_PARTECIPAZIONE", 3);
        ClientHttp.Risposta p3 = put("/api/marche/domande/" + id + "/condizioni-soggettive", ANCONA, soggettive.toString());
        assertThat(p3.status()).as(p3.body()).isEqualTo(200);
        assertThat(p3.json().get("passo").asInt()).isEqualTo(3);
        assertThat(p3.json().get("versioneCondizioni").asInt()).isEqualTo(1);
        assertThat(p3.json().get("fasceSpuntate").get("SOGGETTIVA_3").get(0).asText()).isEqualTo("a");
        assertThat(p3.json().get("valoriDichiarati").get("ANNI_PARTECIPAZIONE").asInt()).isEqualTo(3);

        ObjectNode oggettive = JSON.createObjectNode().put("version", p3.json().get("version").asLong());
        oggettive.putObject("fasceSpuntate").put("OGGETTIVA_3_BIS", "a").put("OGGETTIVA_5", "b");
        ClientHttp.Risposta p4 = put("/api/marche/domande/" + id + "/condizioni-oggettive", ANCONA, oggettive.toString());
        assertThat(p4.status()).as(p4.body()).isEqualTo(200);
        assertThat(p4.json().get("passo").asInt()).isEqualTo(4);
        // passo 4 keeps passo 3's bands
        assertThat(p4.json().get("fasceSpuntate").get("SOGGETTIVA_3").get(0).asText()).isEqualTo("a");
        assertThat(p4.json().get("fasceSpuntate").get("OGGETTIVA_5").get(0).asText()).isEqualTo("b");

        // the model's grid: ISEE 4.800 (5), 4 persons (2), invalid 80% (2), 2 children up to 10 (1,5), an elder ticked (1),
        // 3 years of bandi (3 × 0,5), 11 years of residence (0 points), not accessible (2), release after a year (3)
        assertThat(p4.json().get("punteggio").decimalValue()).isEqualByComparingTo("18.00");
        JsonNode voci = p4.json().get("punteggioDettaglio");
        assertThat(voci).anySatisfy(x -> {
            assertThat(x.get("condizione").asText()).isEqualTo("SOGGETTIVA_1");
            assertThat(x.get("fascia").asText()).isEqualTo("a");
            assertThat(x.get("punti").decimalValue()).isEqualByComparingTo("5");
            assertThat(x.get("spiegazione").asText()).isNotBlank();
        });
        assertThat(voci).anySatisfy(x -> {
            assertThat(x.get("condizione").asText()).isEqualTo("SOGGETTIVA_9");
            assertThat(x.get("punti").decimalValue()).isEqualByComparingTo("1.5");
        });
        assertThat(jdbc.queryForObject("select punteggio from marche_domanda where id = ?", java.math.BigDecimal.class,
                Long.parseLong(id))).isEqualByComparingTo("18");

        long ultima = p4.json().get("version").asLong();
        ObjectNode sbagliate = JSON.createObjectNode().put("version", ultima);
        sbagliate.putObject("fasceSpuntate").put("SOGGETTIVA_1", "a").put("SOGGETTIVA_8", "c").put("OGGETTIVA_1", "a");
        sbagliate.putObject("valoriDichiarati").put("ISEE", 1);
        ClientHttp.Risposta rifiutata = put("/api/marche/domande/" + id + "/condizioni-soggettive", ANCONA, sbagliate.toString());
        assertErrore(rifiutata, "fasceSpuntate.SOGGETTIVA_1", "si calcola da valore isee");
        assertErrore(rifiutata, "fasceSpuntate.SOGGETTIVA_8", "fascia sconosciuta: c");
        assertErrore(rifiutata, "fasceSpuntate.OGGETTIVA_1", "si dichiara al passo 4");
        assertErrore(rifiutata, "valoriDichiarati.ISEE", "non si dichiara");
        assertThat(http.get("/api/marche/domande/" + id, ANCONA).json().get("version").asLong()).isEqualTo(ultima);
    }

    @Test
    void ilNucleoSuggerisceLeFasceELeRipetizioniDellInvalidita() {
        long bando = bandoConCondizioni();
        // an applicant of 70 with a spouse of 78: all over 62, one over 75 (SOGGETTIVA 8 b) and someone over 65 (3 a)
        JsonNode d = crea(bando, passo1(null, "2052-02-10", "ANZIANI", "PIETRO").put("dataNascita", "1982-01-01")).json();
        ObjectNode corpo = JSON.createObjectNode().put("version", d.get("version").asLong()).put("monoparentale", false);
        ArrayNode componenti = corpo.putArray("componenti");
        componenti.addObject().put("cognome", "ANZIANI").put("nome", "LUISA").put("dataNascita", "1974-01-01")
                .put("parentela", "Coniuge").put("invalidita", 100);
        componenti.addObject().put("cognome", "ANZIANI").put("nome", "ADA").put("dataNascita", "1970-01-01")
                .put("parentela", "Altro parente").put("invalidita", 70);
        componenti.addObject().put("cognome", "ANZIANI").put("nome", "RITA").put("dataNascita", "1972-01-01")
                .put("parentela", "Altro parente").put("invalidita", 90);
        assertThat(put("/api/marche/domande/" + d.get("id").asText() + "/requisiti", ANCONA, corpo.toString()).status()).isEqualTo(200);
        JsonNode valutazione = http.get("/api/marche/domande/" + d.get("id").asText() + "/condizioni", ANCONA).json();
        assertThat(valutazione.get("suggerimenti").get("SOGGETTIVA_3").get(0).asText()).isEqualTo("a");
        assertThat(valutazione.get("suggerimenti").get("SOGGETTIVA_8").get(0).asText()).isEqualTo("b");
        assertThat(valutazione.get("suggerimenti").get("SOGGETTIVA_7")).isNull();
        assertThat(valutazione.get("valori").get("INVALIDITA").decimalValue()).isEqualByComparingTo("100");
        assertThat(valutazione.get("ripetizioni").get("SOGGETTIVA_4").asInt()).isEqualTo(2);
        // suggestions are not ticks
        assertThat(valutazione.get("fasceSpuntate").size()).isZero();
    }

    @Test
    void ilPasso5RegistraEsclusioneEAssegnazione() {
        long bando = bandoConCondizioni();
        JsonNode d = crea(bando, passo1(null, "2052-02-10", "ROSSI", "MARIO")).json();
        String id = d.get("id").asText();
        ObjectNode senzaMotivo = JSON.createObjectNode().put("version", d.get("version").asLong()).put("esclusa", true);
        assertErrore(put("/api/marche/domande/" + id + "/esito", ANCONA, senzaMotivo.toString()), "motivoEsclusione", "obbligatorio");
        ObjectNode senzaAnno = JSON.createObjectNode().put("version", d.get("version").asLong()).put("alloggioAssegnato", true);
        assertErrore(put("/api/marche/domande/" + id + "/esito", ANCONA, senzaAnno.toString()), "annoAssegnazione", "obbligatorio");
        ObjectNode esito = JSON.createObjectNode().put("version", d.get("version").asLong()).put("alloggioAssegnato", true)
                .put("annoAssegnazione", 2053).put("note", "Alloggio di via Marconi");
        ClientHttp.Risposta salvato = put("/api/marche/domande/" + id + "/esito", ANCONA, esito.toString());
        assertThat(salvato.status()).as(salvato.body()).isEqualTo(200);
        assertThat(salvato.json().get("passo").asInt()).isEqualTo(5);
        assertThat(salvato.json().get("esito").get("annoAssegnazione").asInt()).isEqualTo(2053);
        assertThat(salvato.json().get("esito").get("note").asText()).isEqualTo("Alloggio di via Marconi");
    }

    @Test
    void soloLOperatoreDelComuneScriveGliAltriCheVedonoLEnteLeggono() {
        long bando = bandoConCondizioni();
        JsonNode d = crea(bando, passo1(null, "2052-02-10", "ROSSI", "MARIO")).json();
        String id = d.get("id").asText();
        String esito = JSON.createObjectNode().put("version", d.get("version").asLong()).put("note", "x").toString();
        assertThat(http.get("/api/marche/domande/" + id, MALNATE).status()).isEqualTo(404);
        assertThat(http.get("/api/marche/bandi/" + bando + "/domande", MALNATE).status()).isEqualTo(404);
        assertThat(put("/api/marche/domande/" + id + "/esito", MALNATE, esito).status()).isEqualTo(404);
        assertThat(crea(bando, passo1(null, "2052-02-10", "ROSSI", "MARIO"), MALNATE).status()).isEqualTo(404);
        assertThat(http.delete("/api/marche/domande/" + id, MALNATE).status()).isEqualTo(404);

        assertThat(http.get("/api/marche/domande/" + id, SUPERVISORE).status()).isEqualTo(200);
        assertThat(http.get("/api/marche/domande/" + id, SUPERVISORE).json().get("modificabile").asBoolean()).isFalse();
        assertThat(put("/api/marche/domande/" + id + "/esito", SUPERVISORE, esito).status()).isEqualTo(403);
        assertThat(crea(bando, passo1(null, "2052-02-10", "ROSSI", "MARIO"), SUPERVISORE).status()).isEqualTo(403);
        assertThat(http.get("/api/marche/domande/" + id, LETTORE_MARCHE).status()).isEqualTo(200);
        assertThat(put("/api/marche/domande/" + id + "/esito", LETTORE_MARCHE, esito).status()).isEqualTo(403);
        assertThat(http.delete("/api/marche/domande/" + id, LETTORE_MARCHE).status()).isEqualTo(403);
        assertThat(domande(bando)).isEqualTo(1);
        assertThat(http.get("/api/marche/domande/" + id, ANCONA).json().get("esito").get("note").isNull()).isTrue();
    }

    @Test
    void laRicercaFiltraPerCognomeNomeENumeroESenzaCriteriDaTutte() {
        long bando = bandoConCondizioni();
        crea(bando, passo1(null, "2052-02-10", "DI ROCCO", "VITTORIO"));
        crea(bando, passo1(null, "2052-02-10", "DI ROCCO", "FEDELE"));
        crea(bando, passo1(null, "2052-02-11", "PASQUALINI", "SIMONA"));
        assertThat(cerca(bando, "").get("totale").asInt()).isEqualTo(3);
        assertThat(cerca(bando, "").get("elementi").findValuesAsText("nominativo"))
                .containsExactly("DI ROCCO VITTORIO", "DI ROCCO FEDELE", "PASQUALINI SIMONA");
        assertThat(cerca(bando, "?cognome=di%20r").get("totale").asInt()).isEqualTo(2);
        assertThat(cerca(bando, "?cognome=di%20r&nome=fed").get("elementi").findValuesAsText("nominativo"))
                .containsExactly("DI ROCCO FEDELE");
        assertThat(cerca(bando, "?numero=3").get("elementi").findValuesAsText("nominativo")).containsExactly("PASQUALINI SIMONA");
        assertThat(cerca(bando, "?cognome=%25").get("totale").asInt()).as("% is a letter, not a wildcard").isZero();
        JsonNode pagina = cerca(bando, "?dimensione=2&pagina=1");
        assertThat(pagina.get("elementi")).hasSize(1);
        assertThat(pagina.get("totale").asInt()).isEqualTo(3);
        assertThat(http.get("/api/marche/bandi/" + bando + "/domande?dimensione=0", ANCONA).status()).isEqualTo(400);
    }

    @Test
    void siEliminaInIstruttoriaNonConLaGraduatoriaApprovata() {
        long bando = bandoConCondizioni();
        long prima = crea(bando, passo1(null, "2052-02-10", "ROSSI", "MARIO")).json().get("id").asLong();
        long seconda = crea(bando, passo1(null, "2052-02-10", "BIANCHI", "ANNA")).json().get("id").asLong();
        jdbc.update("insert into marche_graduatoria (bando_id) values (?)", bando);
        jdbc.update("insert into marche_posizione (bando_id, domanda_id, posizione, posizione_calcolata, punteggio_calcolato)"
                + " values (?, ?, 1, 1, 0)", bando, prima);
        assertThat(http.delete("/api/marche/domande/" + prima, ANCONA).status()).isEqualTo(204);
        assertThat(http.get("/api/marche/domande/" + prima, ANCONA).status()).isEqualTo(404);
        assertThat(jdbc.queryForObject("select count(*) from marche_posizione where bando_id = ?", Long.class, bando)).isZero();

        jdbc.update("update marche_graduatoria set fase = 'PROVVISORIA' where bando_id = ?", bando);
        ClientHttp.Risposta rifiutata = http.delete("/api/marche/domande/" + seconda, ANCONA);
        assertThat(rifiutata.status()).isEqualTo(409);
        assertThat(rifiutata.body()).contains(DomandeBandoService.NON_ELIMINABILE);
        assertThat(domande(bando)).isEqualTo(1);
    }

    @Test
    void conLaGraduatoriaDefinitivaSiVarianoSoloIlPasso5ELeOggettive1_2E3() {
        long bando = bandoConCondizioni();
        JsonNode d = crea(bando, passo1(null, "2052-02-10", "ROSSI", "MARIO")).json();
        String id = d.get("id").asText();
        ObjectNode oggettive = JSON.createObjectNode().put("version", d.get("version").asLong());
        oggettive.putObject("fasceSpuntate").put("OGGETTIVA_5", "a");
        JsonNode conOggettive = put("/api/marche/domande/" + id + "/condizioni-oggettive", ANCONA, oggettive.toString()).json();
        long v = conOggettive.get("version").asLong();
        jdbc.update("insert into marche_graduatoria (bando_id, fase) values (?, 'DEFINITIVA')", bando);
        java.sql.Timestamp primaModifica = jdbc.queryForObject("select modificata_il from marche_domanda where id = ?",
                java.sql.Timestamp.class, Long.parseLong(id));

        assertRifiutata(put("/api/marche/domande/" + id + "/anagrafica", ANCONA,
                passo1(null, "2052-02-10", "ROSSI", "MARIO").put("version", v).toString()));
        assertRifiutata(put("/api/marche/domande/" + id + "/requisiti", ANCONA, passo2(v).toString()));
        assertRifiutata(put("/api/marche/domande/" + id + "/condizioni-soggettive", ANCONA,
                JSON.createObjectNode().put("version", v).toString()));
        ObjectNode altraOggettiva = JSON.createObjectNode().put("version", v);
        altraOggettiva.putObject("fasceSpuntate").put("OGGETTIVA_5", "b");
        assertRifiutata(put("/api/marche/domande/" + id + "/condizioni-oggettive", ANCONA, altraOggettiva.toString()));

        ObjectNode alloggioImproprio = JSON.createObjectNode().put("version", v);
        alloggioImproprio.putObject("fasceSpuntate").put("OGGETTIVA_5", "a").put("OGGETTIVA_1", "a");
        ClientHttp.Risposta variata = put("/api/marche/domande/" + id + "/condizioni-oggettive", ANCONA, alloggioImproprio.toString());
        assertThat(variata.status()).as(variata.body()).isEqualTo(200);
        assertThat(variata.json().get("fasceSpuntate").get("OGGETTIVA_1").get(0).asText()).isEqualTo("a");
        assertThat(variata.json().get("faseGraduatoria").asText()).isEqualTo("DEFINITIVA");
        // the working score follows the change (OGGETTIVA 1: 3 points); the definitive one is the graduatoria's
        assertThat(variata.json().get("punteggio").decimalValue())
                .isEqualByComparingTo(conOggettive.get("punteggio").decimalValue().add(new java.math.BigDecimal("3")));
        ClientHttp.Risposta esito = put("/api/marche/domande/" + id + "/esito", ANCONA, JSON.createObjectNode()
                .put("version", variata.json().get("version").asLong()).put("alloggioAssegnato", true).put("annoAssegnazione", 2053)
                .toString());
        assertThat(esito.status()).as(esito.body()).isEqualTo(200);
        assertThat(jdbc.queryForObject("select modificata_il from marche_domanda where id = ?", java.sql.Timestamp.class,
                Long.parseLong(id))).isAfterOrEqualTo(primaModifica);
        assertThat(http.delete("/api/marche/domande/" + id, ANCONA).status()).isEqualTo(409);
        JsonNode valutazione = http.get("/api/marche/domande/" + id + "/condizioni", ANCONA).json();
        assertThat(valutazione.get("modificabili")).hasSize(3);
    }

    @Test
    void ilRichiedenteGiaNotoSiRecuperaDallUltimaDomandaDellEnte() {
        long primo = bandoConCondizioni();
        String cf = cf("CRCLRA", "80A41");
        ObjectNode p1 = passo1(null, "2052-02-10", "CARICA", "LAURA").put("codiceFiscale", cf).put("sesso", "F")
                .put("luogoNascita", "ANCONA").put("indirizzo", "Via Vecchia 1");
        JsonNode d = crea(primo, p1).json();
        put("/api/marche/domande/" + d.get("id").asText() + "/requisiti", ANCONA, passo2(d.get("version").asLong()).toString());

        long secondo = bandoConCondizioni();
        ClientHttp.Risposta noto = http.get("/api/marche/bandi/" + secondo + "/richiedente?codiceFiscale=" + cf.toLowerCase(), ANCONA);
        assertThat(noto.status()).as(noto.body()).isEqualTo(200);
        assertThat(noto.json().get("origine").asText()).isEqualTo("DOMANDA");
        assertThat(noto.json().get("anagrafica").get("cognome").asText()).isEqualTo("CARICA");
        assertThat(noto.json().get("anagrafica").get("indirizzo").asText()).isEqualTo("Via Vecchia 1");
        assertThat(noto.json().get("componenti")).hasSize(3);
        // the domanda itself is not its own source; an unknown person is 404; a wrong code 400; Malnate sees no bando
        assertThat(http.get("/api/marche/bandi/" + primo + "/richiedente?codiceFiscale=" + cf + "&esclusa=" + d.get("id").asText(),
                ANCONA).status()).isEqualTo(404);
        assertThat(http.get("/api/marche/bandi/" + secondo + "/richiedente?codiceFiscale=" + cf("NSSNTO", "80A01"), ANCONA).status())
                .isEqualTo(404);
        assertErrore(http.get("/api/marche/bandi/" + secondo + "/richiedente?codiceFiscale=XYZ", ANCONA), "codiceFiscale", "16");
        assertThat(http.get("/api/marche/bandi/" + secondo + "/richiedente?codiceFiscale=" + cf, MALNATE).status()).isEqualTo(404);
    }

    @Test
    void senzaDomandePrecedentiIlRichiedenteEIlSuoNucleoVengonoDallAnagrafeDellEnte() {
        long bando = bandoConCondizioni();
        String cf = cf("NGRMRA", "60A01");
        String coniuge = cf("NGRLSA", "62A41");
        // a nucleo assegnatario in an alloggio of the Comune di Ancona, the applicant its intestatario
        long alloggio = jdbc.queryForObject("""
                insert into alloggio (codice_ui, ente_id, comune_id, indirizzo, piano, superficie_utile, vani, ascensore,
                                      barriere_architettoniche, stato)
                select ?, e.id, c.id, 'Via Anagrafe 7', 1, 62, 3, true, false, 'OCCUPATO'
                  from ente_proprietario e, comune c where e.codice_fiscale = ? and c.codice_istat = '042002'
                returning id""", Long.class, prefisso + "-" + PROGRESSIVO.incrementAndGet(), CF_COMUNE_ANCONA);
        long nucleo = jdbc.queryForObject("insert into nucleo_familiare (alloggio_id) values (?) returning id", Long.class, alloggio);
        jdbc.update("insert into componente (nucleo_id, codice_fiscale, nome, cognome, data_nascita, relazione, posizione) values"
                + " (?, ?, 'Mario', 'Anagrafe', date '1960-01-01', 'RICHIEDENTE', 1), (?, ?, 'Lisa', 'Anagrafe', date '1962-01-01', 'CONIUGE', 2)",
                nucleo, cf, nucleo, coniuge);

        ClientHttp.Risposta noto = http.get("/api/marche/bandi/" + bando + "/richiedente?codiceFiscale=" + cf, ANCONA);
        assertThat(noto.status()).as(noto.body()).isEqualTo(200);
        assertThat(noto.json().get("origine").asText()).isEqualTo("ANAGRAFE");
        assertThat(noto.json().get("anagrafica").get("cognome").asText()).isEqualTo("Anagrafe");
        assertThat(noto.json().get("anagrafica").get("dataNascita").asText()).isEqualTo("1960-01-01");
        assertThat(noto.json().get("anagrafica").get("sesso").asText()).isEqualTo("M");
        assertThat(noto.json().get("anagrafica").get("indirizzo").asText()).isEqualTo("Via Anagrafe 7");
        assertThat(noto.json().get("componenti")).hasSize(1);
        assertThat(noto.json().get("componenti").get(0).get("parentela").asText()).isEqualTo("Coniuge");
        assertThat(noto.json().get("componenti").get(0).get("codiceFiscale").asText()).isEqualTo(coniuge);
    }

    // -------------------------------------------------------------------------------------------------------------

    private long bando() {
        ClientHttp.Risposta bando = http.post("/api/marche/bandi", ANCONA, "{\"numero\":\"" + prefisso + "-" + PROGRESSIVO.incrementAndGet()
                + "\",\"dataPubblicazione\":\"2052-02-01\",\"dataScadenza\":\"2052-03-31\",\"dataScadenzaEstero\":\"2052-04-15\"}");
        assertThat(bando.status()).as(bando.body()).isEqualTo(201);
        return bando.json().get("id").asLong();
    }

    private long bandoConCondizioni() {
        long id = bando();
        assertThat(http.post("/api/marche/bandi/" + id + "/condizioni/copia-da-modello", ANCONA, "").status()).isEqualTo(201);
        return id;
    }

    /** A valid codice fiscale of a person, unique to this run. */
    private String cf(String lettere, String data) {
        int n = PROGRESSIVO.incrementAndGet() % 1000;
        return CodiceFiscale.conControllo(lettere + data + "A" + String.format("%03d", n));
    }

    static ObjectNode passo1(Integer numero, String data, String cognome, String nome) {
        ObjectNode corpo = JSON.createObjectNode();
        if (numero != null) {
            corpo.put("numero", numero);
        }
        if (data != null) {
            corpo.put("dataPresentazione", data);
        }
        return corpo.put("cognome", cognome).put("nome", nome).put("sesso", "M").put("dataNascita", "1980-01-01")
                .put("luogoNascita", "ANCONA").put("codiceFiscale", CodiceFiscale.conControllo("RSSMRA80A01A271")).put("nazionalita", "Italiana")
                .put("residenteA", "Ancona").put("indirizzo", "Via Marconi 3").put("cap", "60121").put("isee", 4800);
    }

    /** Two declarations, a partner and two children (one of them invalid), as in seed 004 Fig. 16. */
    static ObjectNode passo2(long version) {
        ObjectNode corpo = JSON.createObjectNode().put("version", version).put("monoparentale", false);
        corpo.putObject("requisiti").put("cittadinanza", true).put("residenza", true).put("reddito", false);
        ArrayNode componenti = corpo.putArray("componenti");
        componenti.addObject().put("cognome", "PASQUALINI").put("nome", "SIMONA").put("dataNascita", "1985-09-16")
                .put("luogoNascita", "ANCONA").put("parentela", "Convivente").put("attivitaLavorativa", "Casalinga");
        componenti.addObject().put("cognome", "DI ROCCO").put("nome", "FEDELE").put("dataNascita", "2045-12-20")
                .put("luogoNascita", "ANCONA").put("parentela", "Figlio/a").put("aCarico", true);
        componenti.addObject().put("cognome", "DI ROCCO").put("nome", "ANTONIO").put("dataNascita", "2048-10-17")
                .put("luogoNascita", "ANCONA").put("parentela", "Figlio/a").put("aCarico", true).put("invalidita", 80);
        return corpo;
    }

    private ClientHttp.Risposta crea(long bando, ObjectNode corpo) {
        return crea(bando, corpo, ANCONA);
    }

    private ClientHttp.Risposta crea(long bando, ObjectNode corpo, String utente) {
        return http.post("/api/marche/bandi/" + bando + "/domande", utente, corpo.toString());
    }

    private JsonNode cerca(long bando, String query) {
        ClientHttp.Risposta r = http.get("/api/marche/bandi/" + bando + "/domande" + query, ANCONA);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private long domande(long bando) {
        return jdbc.queryForObject("select count(*) from marche_domanda where bando_id = ?", Long.class, bando);
    }

    private ClientHttp.Risposta put(String percorso, String utente, String json) {
        return http.invia(http.richiesta(percorso, utente).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private static void assertRifiutata(ClientHttp.Risposta risposta) {
        assertThat(risposta.status()).as(risposta.body()).isEqualTo(409);
        assertThat(risposta.body()).contains("graduatoria del bando è definitiva");
    }
}
