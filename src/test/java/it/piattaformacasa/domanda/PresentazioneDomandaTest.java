package it.piattaformacasa.domanda;

import static it.piattaformacasa.DemoUtenti.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import it.piattaformacasa.ClientHttp;
import it.piattaformacasa.IntegrationTest;
import it.piattaformacasa.ScenarioAvviso;
import it.piattaformacasa.anagrafe.Alloggio;
import it.piattaformacasa.anagrafe.AlloggioRepository;
import it.piattaformacasa.anagrafe.StatoAlloggio;
import it.piattaformacasa.common.CodiceFiscale;

@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PresentazioneDomandaTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RICHIEDENTE = "BRMLCU85D12L682R";

    @LocalServerPort
    int port;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;
    @Autowired
    AlloggioRepository alloggiRepository;
    @Autowired
    DomandaRepository domande;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;
    ClientHttp http;
    ScenarioAvviso scenario;
    long avviso;
    List<Alloggio> offerti;
    Alloggio nonOfferto;

    @BeforeAll
    void avvisoAperto() {
        http = new ClientHttp(port);
        scenario = new ScenarioAvviso(http, runtimeService, managementService, alloggiRepository);
        List<Alloggio> liberiAler = scenario.alloggiDi(CF_ALER, StatoAlloggio.LIBERO, 3);
        Alloggio diVarese = scenario.alloggiDi(CF_COMUNE_VARESE, StatoAlloggio.LIBERO, 1).get(0);
        offerti = List.of(liberiAler.get(0), liberiAler.get(1), diVarese);
        nonOfferto = liberiAler.get(2);
        avviso = scenario.aperto(offerti, List.of(ALER_AVVISO, ALER_AVVISO, CAPOFILA));
    }

    /** A valid household of three in Varese: overcrowded, a member with 74 % invalidity, ISEE 5.200 €. */
    private ObjectNode domandaValida(String richiedente) {
        ObjectNode d = JSON.createObjectNode();
        ArrayNode nucleo = d.putArray("nucleo");
        nucleo.add(componente(richiedente, "Luca", "Brambilla", "1985-04-12", "RICHIEDENTE", 0));
        nucleo.add(componente("MNTSRA88P43L682V", "Sara", "Monti", "1988-09-03", "CONIUGE", 74));
        nucleo.add(componente("BRMGRG16E20L682I", "Giorgio", "Brambilla", "2016-05-20", "FIGLIO", 0));
        ObjectNode residenza = d.putObject("residenza");
        residenza.put("codiceIstatComune", "012133").put("residenteLombardiaDal", "2005-03-01").put("residenteComuneDal", "2012-06-15");
        d.putObject("isee").put("valore", new BigDecimal("5200.00")).put("protocolloDsu", "INPS-ISEE-2026-00012345A-00")
                .put("dataDsu", "2026-02-10");
        d.put("patrimonio", new BigDecimal("12000.00"));
        d.put("titolareAlloggioAdeguato", false).put("attestazioneServiziSociali", false);
        d.putObject("condizioni").put("sovraffollamento", true);
        d.putArray("alloggi").add(offerti.get(2).getId()).add(offerti.get(0).getId());
        return d;
    }

    /** A dwelling of the richiedente in Varese, declared in the domanda. */
    private static ObjectNode posseduto(ObjectNode d, String diritto, String superficie, boolean inagibile, String ordinanza) {
        ObjectNode a = (d.has("alloggiPosseduti") ? (ArrayNode) d.get("alloggiPosseduti") : d.putArray("alloggiPosseduti")).addObject();
        a.put("codiceFiscaleTitolare", RICHIEDENTE).put("diritto", diritto).put("superficieUtile", new BigDecimal(superficie))
                .put("codiceIstatComune", "012133").put("inagibile", inagibile);
        if (ordinanza != null) {
            a.put("ordinanzaDiVenditaDel", ordinanza);
        }
        return a;
    }

    private static ObjectNode componente(String cf, String nome, String cognome, String nascita, String relazione, int invalidita) {
        return JSON.createObjectNode().put("codiceFiscale", cf).put("nome", nome).put("cognome", cognome)
                .put("dataNascita", nascita).put("relazione", relazione).put("percentualeInvalidita", invalidita);
    }

    private ClientHttp.Risposta presenta(String body, String chiave) {
        return presenta(body, chiave, CAPOFILA);
    }

    private ClientHttp.Risposta presenta(String body, String chiave, String utente) {
        var richiesta = http.richiesta("/api/avvisi/" + avviso + "/domande", utente).header("Content-Type", "application/json");
        if (chiave != null) {
            richiesta.header("Idempotency-Key", chiave);
        }
        return http.invia(richiesta.POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build());
    }

    @Test
    void unaDomandaValidaVienePresentataConLIsbarELeSueComponenti() {
        ClientHttp.Risposta risposta = presenta(domandaValida("SLATRS50B41L682V").toString().replace("\"Luca\"", "\"Teresa\""), null);

        assertThat(risposta.status()).as(risposta.body()).isEqualTo(201);
        JsonNode domanda = risposta.json();
        JsonNode componenti = domanda.get("componenti");
        BigDecimal somma = BigDecimal.ZERO;
        for (String c : List.of("familiare", "abitativo", "economico", "residenzaRegione", "residenzaComune")) {
            somma = somma.add(componenti.get(c).decimalValue());
        }
        assertThat(domanda.get("isbar").decimalValue()).isEqualByComparingTo(somma);
        // the two sourced values: > 15 years in Lombardia, > 10 years in the comune with a condition and a unit there
        assertThat(componenti.get("residenzaRegione").decimalValue()).isEqualByComparingTo("6.5");
        assertThat(componenti.get("residenzaComune").decimalValue()).isEqualByComparingTo("8");
        assertThat(componenti.get("economico").decimalValue()).isPositive();
        assertThat(domanda.get("isbarItaliano").asText()).matches("\\d+,\\d{3}");
        assertThat(domanda.get("versioneRegole").asText()).isEqualTo("LOMBARDIA_2025_SECONDO_STEP");
        assertThat(domanda.get("spiegazione").findValuesAsText("descrizione")).isNotEmpty();
        assertThat(domanda.get("alloggi").get(0).asLong()).isEqualTo(offerti.get(2).getId());

        long id = domanda.get("id").asLong();
        Domanda salvata = domande.findById(id).orElseThrow();
        assertThat(salvata.getIsbar().valore()).isEqualByComparingTo(domanda.get("isbar").decimalValue());
        assertThat(jdbc.queryForObject("select version from domanda where id = ?", Integer.class, id))
                .as("inserted once, never rewritten by a spurious dirty check").isZero();
        assertThat(http.get("/api/domande/" + id, ALER_ISTRUTTORIA).status()).as("ALER owns a chosen unit").isEqualTo(200);
        assertThat(http.get("/api/domande/" + id, MALNATE).status()).as("Malnate owns none").isEqualTo(404);
    }

    @Test
    void unaSecondaDomandaDelloStessoRichiedenteVieneRifiutataConLIdDellaPrima() {
        String cf = "MNTSRA88P43L682V";
        ObjectNode d = domandaValida(cf);
        ((ObjectNode) d.get("nucleo").get(1)).put("codiceFiscale", RICHIEDENTE).put("relazione", "CONIUGE");
        ((ObjectNode) d.get("nucleo").get(0)).put("relazione", "RICHIEDENTE");
        ClientHttp.Risposta prima = presenta(d.toString(), null);
        assertThat(prima.status()).as(prima.body()).isEqualTo(201);

        ClientHttp.Risposta seconda = presenta(d.toString(), null);
        assertThat(seconda.status()).isEqualTo(409);
        assertThat(seconda.json().get("idEsistente").asLong()).isEqualTo(prima.json().get("id").asLong());
    }

    @Test
    void unInvioRipetutoConLaStessaChiaveRestituisceLaPrimaDomanda() {
        String body = domandaValida("PGNPLA79S30L682Z").toString();
        ClientHttp.Risposta prima = presenta(body, "invio-7f3a");
        ClientHttp.Risposta ripetuta = presenta(body, "invio-7f3a");
        assertThat(prima.status()).as(prima.body()).isEqualTo(201);
        assertThat(ripetuta.status()).isEqualTo(201);
        assertThat(ripetuta.json().get("id").asLong()).isEqualTo(prima.json().get("id").asLong());
    }

    /**
     * Twenty retries of one submission arrive together (a client that timed out and a proxy that retried): the first
     * creates the domanda, every other waits for it in the database and answers with it; none is a 409.
     */
    @Test
    void ventiInviiSimultaneiConLaStessaChiaveCreanoUnaSolaDomandaERispondonoTuttiConLaStessa() throws Exception {
        String cf = "VNTGNN70A01L682D";
        String body = domandaValida(cf).toString();
        int invii = 20;
        java.util.concurrent.CyclicBarrier via = new java.util.concurrent.CyclicBarrier(invii);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(invii);
        try {
            List<java.util.concurrent.Future<ClientHttp.Risposta>> risposte = new java.util.ArrayList<>();
            for (int i = 0; i < invii; i++) {
                risposte.add(pool.submit(() -> {
                    var richiesta = http.richiesta("/api/avvisi/" + avviso + "/domande", CAPOFILA)
                            .header("Content-Type", "application/json").header("Idempotency-Key", "venti-invii-9c1e")
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build();
                    via.await(); // all threads are released together
                    return http.invia(richiesta);
                }));
            }
            java.util.Set<Long> ids = new java.util.HashSet<>();
            for (var futura : risposte) {
                ClientHttp.Risposta risposta = futura.get(2, java.util.concurrent.TimeUnit.MINUTES);
                assertThat(risposta.status()).as(risposta.body()).isIn(200, 201);
                ids.add(risposta.json().get("id").asLong());
            }
            assertThat(ids).as("every answer carries the one domanda").hasSize(1);
            assertThat(jdbc.queryForList("select id from domanda where avviso_id = ? and richiedente_cf = ?", Long.class, avviso, cf))
                    .as("exactly one domanda stored").containsExactlyElementsOf(ids);
        } finally {
            pool.shutdownNow();
        }
    }

    /** A key belongs to whoever sent it: another operator's equal key is another request. */
    @Test
    void laStessaChiaveDaUnAltroUtenteCreaLaSuaDomandaENonRestituisceQuellaAltrui() {
        String chiave = "chiave-comune-42";
        String dellAler = domandaValida("LLRMRA72C41L682G").toString().replace("\"Luca\"", "\"Maria\"");
        ClientHttp.Risposta aler = presenta(dellAler, chiave, ALER_AVVISO);
        assertThat(aler.status()).as(aler.body()).isEqualTo(201);

        String diMalnate = domandaValida("FNTDVD75M10E863E").toString();
        ClientHttp.Risposta malnate = presenta(diMalnate, chiave, MALNATE);

        assertThat(malnate.status()).as(malnate.body()).isEqualTo(201);
        assertThat(malnate.json().get("id").asLong()).isNotEqualTo(aler.json().get("id").asLong());
        assertThat(malnate.json().get("richiedente").asText()).isEqualTo("FNTDVD75M10E863E");
        assertThat(malnate.raw().headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(jdbc.queryForObject("select presentata_da from domanda where avviso_id = ? and richiedente_cf = ?",
                String.class, avviso, "FNTDVD75M10E863E")).isEqualTo(MALNATE);
        // each one's retry returns its own domanda
        ClientHttp.Risposta ripetutaMalnate = presenta(diMalnate, chiave, MALNATE);
        assertThat(ripetutaMalnate.json().get("id").asLong()).isEqualTo(malnate.json().get("id").asLong());
        assertThat(ripetutaMalnate.raw().headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(presenta(dellAler, chiave, ALER_AVVISO).json().get("id").asLong()).isEqualTo(aler.json().get("id").asLong());
    }

    /** The key is bound to what was sent: the same content in another layout is the same request, other data are not. */
    @Test
    void laStessaChiaveConDatiDiversiVieneRifiutataMentreLoStessoContenutoFormattatoAltrimentiEUnaRipetizione() throws Exception {
        String chiave = "invio-dati-diversi";
        ObjectNode d = domandaValida("CRSLNE66H50L682W");
        ((ObjectNode) d.get("nucleo").get(0)).put("nome", "Elena").put("cognome", "Corsi");
        ClientHttp.Risposta prima = presenta(d.toString(), chiave);
        assertThat(prima.status()).as(prima.body()).isEqualTo(201);
        long domandePrima = domande.count();

        // same content: pretty-printed, fields in another order, an amount written 5200 instead of 5200.00
        ObjectNode riordinata = JSON.createObjectNode();
        List<String> campi = new java.util.ArrayList<>();
        d.fieldNames().forEachRemaining(campi::add);
        java.util.Collections.reverse(campi);
        campi.forEach(c -> riordinata.set(c, d.get(c)));
        ((ObjectNode) riordinata.get("isee")).put("valore", 5200);
        ClientHttp.Risposta ripetuta = presenta(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(riordinata), chiave);
        assertThat(ripetuta.status()).as(ripetuta.body()).isEqualTo(201);
        assertThat(ripetuta.json().get("id").asLong()).isEqualTo(prima.json().get("id").asLong());

        ObjectNode diversa = d.deepCopy();
        ((ObjectNode) diversa.get("isee")).put("valore", new BigDecimal("4100.00"));
        ClientHttp.Risposta rifiutata = presenta(diversa.toString(), chiave);
        assertThat(rifiutata.status()).as(rifiutata.body()).isEqualTo(422);
        assertThat(rifiutata.json().get("detail").asText()).contains("Idempotency-Key", "dati diversi");
        assertThat(rifiutata.body()).doesNotContain("\"isbar\"");
        assertThat(domande.count()).isEqualTo(domandePrima);
    }

    /** Issue 17: a chiusura whose timer has not run yet (its node died, another takes the job later) still closes. */
    @Test
    void dopoLaChiusuraLaDomandaVieneRifiutataAncheSeIlTimerNonEAncoraScattato() {
        java.sql.Timestamp apertura = jdbc.queryForObject("select apertura from avviso where id = ?", java.sql.Timestamp.class, avviso);
        java.sql.Timestamp chiusura = jdbc.queryForObject("select chiusura from avviso where id = ?", java.sql.Timestamp.class, avviso);
        long domandePrima = domande.countByAvvisoId(avviso);
        jdbc.update("update avviso set apertura = now() - interval '31 days', chiusura = now() - interval '1 minute' where id = ?", avviso);
        try {
            ClientHttp.Risposta risposta = presenta(domandaValida(CodiceFiscale.conControllo("VRDMRA81C41L682")).toString(), null);
            assertThat(risposta.status()).as(risposta.body()).isEqualTo(409);
            assertThat(risposta.json().get("detail").asText()).contains("non è più aperto", "la chiusura era il");
            assertThat(jdbc.queryForObject("select stato from avviso where id = ?", String.class, avviso)).isEqualTo("APERTO");
            assertThat(domande.countByAvvisoId(avviso)).isEqualTo(domandePrima);
        } finally {
            jdbc.update("update avviso set apertura = ?, chiusura = ? where id = ?", apertura, chiusura, avviso);
        }
        assertThat(presenta(domandaValida(CodiceFiscale.conControllo("VRDMRA81C41L682")).toString(), null).status()).as("open again").isEqualTo(201);
    }

    /**
     * Issue 17, the other end: from the apertura a domanda is taken even if the apertura's timer has not run yet (on the
     * opening morning its node may have died); before it, refused with the day it opens.
     */
    @Test
    void dallAperturaLaDomandaVieneAccettataAncheSeIlTimerNonEAncoraScattato() {
        java.sql.Timestamp apertura = jdbc.queryForObject("select apertura from avviso where id = ?", java.sql.Timestamp.class, avviso);
        String richiedente = CodiceFiscale.conControllo("VRDLSU82C41L682");
        try {
            jdbc.update("update avviso set stato = 'IN_ATTESA_APERTURA', apertura = now() + interval '1 hour' where id = ?", avviso);
            ClientHttp.Risposta presto = presenta(domandaValida(richiedente).toString(), null);
            assertThat(presto.status()).as(presto.body()).isEqualTo(409);
            assertThat(presto.json().get("detail").asText()).contains("non è ancora aperto alle domande: apre il");
            assertThat(http.get("/api/avvisi/" + avviso, CAPOFILA).json().get("stato").asText()).isEqualTo("IN_ATTESA_APERTURA");
            // past the apertura with the alloggi's selection still open (its timer, due a day before, has not run):
            // the alloggi are not fixed yet, and the 409 says what the apertura waits for instead of a past date
            jdbc.update("update avviso set stato = 'SELEZIONE_ALLOGGI', apertura = now() - interval '1 minute' where id = ?", avviso);
            ClientHttp.Risposta inSelezione = presenta(domandaValida(richiedente).toString(), null);
            assertThat(inSelezione.status()).as(inSelezione.body()).isEqualTo(409);
            assertThat(inSelezione.json().get("detail").asText()).contains("non è ancora aperto alle domande: l'apertura del ",
                    " attende la chiusura della selezione degli alloggi");

            jdbc.update("update avviso set stato = 'IN_ATTESA_APERTURA' where id = ?", avviso);
            assertThat(http.get("/api/avvisi/" + avviso, CAPOFILA).json().get("stato").asText()).isEqualTo("APERTO");
            ClientHttp.Risposta presentata = presenta(domandaValida(richiedente).toString(), null);
            assertThat(presentata.status()).as(presentata.body()).isEqualTo(201);
            assertThat(jdbc.queryForObject("select stato from avviso where id = ?", String.class, avviso)).isEqualTo("IN_ATTESA_APERTURA");
        } finally {
            jdbc.update("update avviso set stato = 'APERTO', apertura = ? where id = ?", apertura, avviso);
        }
    }

    @Test
    void suUnAvvisoNonApertoLaDomandaVieneRifiutata() {
        long inSelezione = scenario.predisposto();
        ClientHttp.Risposta risposta = http.post("/api/avvisi/" + inSelezione + "/domande", CAPOFILA,
                domandaValida(RICHIEDENTE).toString());
        assertThat(risposta.status()).isEqualTo(409);
        assertThat(risposta.json().get("detail").asText()).contains("non è ancora aperto alle domande: apre il");
        assertThat(domande.countByAvvisoId(inSelezione)).isZero();
    }

    Stream<Arguments> domandeErrate() {
        return Stream.of(
                errata("codice fiscale con carattere di controllo errato", 400, "nucleo[0].codiceFiscale",
                        d -> comp(d, 0).put("codiceFiscale", "BRMLCU85D12L682X")),
                errata("codice fiscale di un ente come componente", 400, "nucleo[0].codiceFiscale",
                        d -> comp(d, 0).put("codiceFiscale", "00441340122")),
                errata("ISEE sopra 16.000 euro", 422, "16.000", d -> isee(d).put("valore", new BigDecimal("16000.01"))),
                errata("patrimonio sopra la soglia per due adulti", 422, "Patrimonio", d -> d.put("patrimonio", new BigDecimal("30000"))),
                errata("il vecchio sì/no «titolare di alloggio adeguato»", 400, "titolareAlloggioAdeguato",
                        d -> d.put("titolareAlloggioAdeguato", true)),
                errata("proprietà di un alloggio adeguato senza eccezioni", 422, "Alloggio posseduto n. 1",
                        d -> posseduto(d, "PROPRIETA", "60", false, null)),
                errata("usufrutto di un alloggio adeguato all'estero", 422, "art. 7 co. 1 lett. d",
                        d -> posseduto(d, "USUFRUTTO", "61.5", false, null).putNull("codiceIstatComune").put("statoEstero", "Romania")),
                errata("titolare che non è nel nucleo", 400, "alloggiPosseduti[0].codiceFiscaleTitolare",
                        d -> posseduto(d, "PROPRIETA", "40", false, null).put("codiceFiscaleTitolare", "RSSMRA80A01F205X")),
                errata("alloggio posseduto senza comune né stato", 400, "alloggiPosseduti[0].codiceIstatComune",
                        d -> posseduto(d, "PROPRIETA", "40", false, null).putNull("codiceIstatComune")),
                errata("alloggio posseduto in un comune inesistente", 400, "alloggiPosseduti[0].codiceIstatComune",
                        d -> posseduto(d, "PROPRIETA", "40", false, null).put("codiceIstatComune", "999999")),
                errata("diritto sconosciuto", 400, "alloggiPosseduti[0].diritto",
                        d -> posseduto(d, "COMODATO", "40", false, null)),
                errata("ordinanza di vendita futura", 400, "alloggiPosseduti[0].ordinanzaDiVenditaDel",
                        d -> posseduto(d, "PROPRIETA", "90", false, LocalDate.now().plusDays(5).toString())),
                errata("superficie di zero metri", 400, "alloggiPosseduti[0].superficieUtile",
                        d -> posseduto(d, "PROPRIETA", "0", false, null)),
                errata("lavoro in Lombardia senza il comune", 400, "lavoro.codiceIstatComune",
                        d -> d.put("lavoroInLombardia", true)),
                errata("comune di lavoro inesistente", 400, "lavoro.codiceIstatComune",
                        d -> d.putObject("lavoro").put("codiceIstatComune", "999999")),
                errata("né residenza né lavoro in Lombardia", 422, "Lombardia", d -> {
                    ((ObjectNode) d.get("residenza")).putNull("residenteLombardiaDal").putNull("residenteComuneDal");
                    d.put("lavoroInLombardia", false);
                }),
                errata("troppi alloggi per le regole dell'avviso", 400, "alloggi",
                        d -> alloggi(d).add(offerti.get(1).getId())),
                errata("alloggio che non è in questo avviso", 400, "alloggi[1]", d -> alloggi(d).set(1, nonOfferto.getId())),
                errata("lo stesso alloggio due volte", 400, "alloggi", d -> alloggi(d).set(1, offerti.get(2).getId())),
                errata("nessun alloggio", 400, "alloggi", d -> alloggi(d).removeAll()),
                errata("nucleo mancante", 400, "nucleo", d -> d.remove("nucleo")),
                errata("ISEE mancante", 400, "isee", d -> d.remove("isee")),
                errata("patrimonio negativo", 400, "patrimonio", d -> d.put("patrimonio", new BigDecimal("-1"))),
                errata("ISEE negativo", 400, "isee.valore", d -> isee(d).put("valore", new BigDecimal("-5"))),
                errata("ISEE con tre decimali", 400, "isee.valore", d -> isee(d).put("valore", new BigDecimal("5200.123"))),
                errata("data di nascita futura", 400, "nucleo[2].dataNascita",
                        d -> comp(d, 2).put("dataNascita", LocalDate.now().plusDays(3).toString())),
                errata("DSU con data futura", 400, "isee.dataDsu", d -> isee(d).put("dataDsu", LocalDate.now().plusDays(3).toString())),
                errata("residenza in Lombardia futura", 400, "residenza.residenteLombardiaDal",
                        d -> ((ObjectNode) d.get("residenza")).put("residenteLombardiaDal", LocalDate.now().plusYears(1).toString())),
                errata("residenza nel comune prima di quella in Lombardia", 400, "residenza.residenteComuneDal",
                        d -> ((ObjectNode) d.get("residenza")).put("residenteComuneDal", "2001-01-01")),
                errata("due richiedenti", 400, "nucleo[1].relazione", d -> comp(d, 1).put("relazione", "RICHIEDENTE")),
                errata("nessun richiedente", 400, "nucleo", d -> comp(d, 0).put("relazione", "ALTRO")),
                errata("componente ripetuto", 400, "nucleo[1].codiceFiscale", d -> comp(d, 1).put("codiceFiscale", RICHIEDENTE)),
                errata("invalidità oltre 100", 400, "nucleo[1].percentualeInvalidita", d -> comp(d, 1).put("percentualeInvalidita", 150)),
                errata("condizione sconosciuta", 400, "condizioni.villaAlMare", d -> ((ObjectNode) d.get("condizioni")).put("villaAlMare", true)),
                errata("codice ISTAT malformato", 400, "residenza.codiceIstatComune",
                        d -> ((ObjectNode) d.get("residenza")).put("codiceIstatComune", "12A")),
                errata("relazione di parentela inesistente", 400, "nucleo[0].relazione", d -> comp(d, 0).put("relazione", "CUGINO_LONTANO")),
                errata("nucleo di soli minori", 400, "nucleo", d -> {
                    comp(d, 0).put("dataNascita", "2012-01-01");
                    comp(d, 1).put("dataNascita", "2013-01-01");
                }),
                errata("nome mancante", 400, "nucleo[1].nome", d -> comp(d, 1).remove("nome")),
                errata("corpo di appartenenza in un avviso ordinario", 400, "corpoAppartenenza",
                        d -> d.put("corpoAppartenenza", "POLIZIA_LOCALE")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("domandeErrate")
    void unaDomandaErrataVieneRifiutataConStatoEMotivoSenzaScrivereNulla(String caso, int stato, String atteso,
                                                                          Consumer<ObjectNode> modifica) {
        long prima = domande.count();
        ObjectNode d = domandaValida(RICHIEDENTE);
        modifica.accept(d);

        ClientHttp.Risposta risposta = presenta(d.toString(), null);

        assertThat(risposta.status()).as(risposta.body()).isEqualTo(stato);
        if (stato == 400) {
            assertThat(risposta.json().get("errori").findValuesAsText("campo")).as(risposta.body()).contains(atteso);
        } else {
            assertThat(risposta.json().get("motivi").toString()).as(risposta.body()).contains(atteso);
        }
        assertThat(domande.count()).isEqualTo(prima);
    }

    @Test
    void unJsonMalformatoVieneRifiutatoSenzaScrivereNulla() {
        long prima = domande.count();
        ClientHttp.Risposta risposta = presenta("{\"nucleo\": [", null);
        assertThat(risposta.status()).isEqualTo(400);
        assertThat(risposta.json().get("title").asText()).isEqualTo("Richiesta non leggibile");
        assertThat(domande.count()).isEqualTo(prima);
    }

    private static Arguments errata(String caso, int stato, String atteso, Consumer<ObjectNode> modifica) {
        return Arguments.of(caso, stato, atteso, modifica);
    }

    private static ObjectNode comp(ObjectNode d, int i) {
        return (ObjectNode) d.get("nucleo").get(i);
    }

    private static ObjectNode isee(ObjectNode d) {
        return (ObjectNode) d.get("isee");
    }

    private static ArrayNode alloggi(ObjectNode d) {
        return (ArrayNode) d.get("alloggi");
    }
}
