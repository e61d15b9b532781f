package it.piattaformacasa.graduatoria;

import static it.piattaformacasa.DemoUtenti.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

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
import it.piattaformacasa.regole.RegistroRegole;
import it.piattaformacasa.regole.RepositoryRegole;

/**
 * A small known avviso (three domande on one ALER alloggio) against rule versions: the binding freezes with the first
 * domanda, a re-scoring is explicit and audited, the what-if shows score, position and reserve differences under a
 * draft without writing anything.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SimulazioneRegoleTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final ZoneId ROMA = ZoneId.of("Europe/Rome");
    static final String SET_NUOVO = "soglia-vincolo";

    @LocalServerPort
    int port;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;
    @Autowired
    AlloggioRepository alloggi;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RepositoryRegole repository;
    @Autowired
    RegistroRegole registro;

    ClientHttp http;
    long avviso;
    long libero;
    long lungaResidenza;
    long invalidita;
    long indigente;
    int bozzaIsbar;
    int bozzaRequisiti;

    @BeforeAll
    void avvisoConTreDomande() {
        http = new ClientHttp(port);
        ScenarioAvviso scenario = new ScenarioAvviso(http, runtimeService, managementService, alloggi);
        Alloggio alloggio = scenario.alloggiDi(CF_ALER, StatoAlloggio.LIBERO, 1).get(0);
        avviso = scenario.aperto(List.of(alloggio), List.of(ALER_AVVISO));
        libero = scenario.predisposto();
        // 26 years in Lombardia, nothing else: 6,5 points of residence
        lungaResidenza = presenta("PRNLCU80A01L682W", "2000-01-10", 0, false, "10000.00", false, alloggio);
        // 8 years, a member with 74 % invalidity, overcrowded: more points overall
        invalidita = presenta("BNCGNN82B02L682X", "2018-03-01", 74, true, "5200.00", false, alloggio);
        // ISEE 2.500 € with the social services' attestation: indigent (art. 13)
        indigente = presenta("VRDPLA79C03L682Y", "2020-05-01", 0, false, "2500.00", true, alloggio);
    }

    @Test
    @Order(1)
    void ilVincoloSiCongelaConLaPrimaDomanda() throws Exception {
        JsonNode conDomande = http.get("/api/avvisi/" + avviso + "/regole", CAPOFILA).json();
        JsonNode senza = http.get("/api/avvisi/" + libero + "/regole", CAPOFILA).json();
        assertThat(conDomande.get("congelate").asBoolean()).isTrue();
        assertThat(senza.get("congelate").asBoolean()).isFalse();
        assertThat(conDomande.get("passoNormativo").asText()).isEqualTo("LOMBARDIA_2025_SECONDO_STEP");
        assertThat(conDomande.get("versioni").get("isbar").asInt())
                .isEqualTo(repository.inVigoreIl(LocalDate.now(ROMA)).versione("isbar"));
        assertThat(jdbc.queryForObject("select input_regole->'isbar'->>'anniResidenzaLombardia' from domanda where id = ?",
                String.class, lungaResidenza)).as("what the rules saw is recorded").isEqualTo("26");

        // a new rule set published from today: the avviso without domande adopts it, the frozen one does not
        byte[] dmn;
        try (var in = getClass().getResourceAsStream("/regole-di-prova/modeler-soglia.dmn")) {
            dmn = in.readAllBytes();
        }
        assertThat(http.invia(http.richiesta("/api/regole/" + SET_NUOVO + "?motivo=Prova&validoDal=" + LocalDate.now(ROMA), ANALISTA)
                .header("Content-Type", "application/xml").POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(dmn)).build())
                .status()).isEqualTo(201);
        assertThat(http.post("/api/regole/" + SET_NUOVO + "/versioni/1/casi", ANALISTA, """
                [{"descrizione":"ISEE 12.000 ammesso","input":{"isee":12000,"attestazione":false},"atteso":{"Soglia di prova":true}}]""")
                .status()).isEqualTo(200);
        assertThat(http.post("/api/regole/" + SET_NUOVO + "/versioni/1/pubblicazione?motivo=Prova", ANALISTA, "").status()).isEqualTo(202);
        ClientHttp.Risposta approvata = http.post("/api/regole/" + SET_NUOVO + "/versioni/1/approvazione", ANALISTA_REVISORE,
                "{\"esito\":\"APPROVATA\",\"nota\":\"ok\"}");
        assertThat(approvata.status()).as(approvata.body()).isEqualTo(200);

        assertThat(http.get("/api/avvisi/" + libero + "/regole", CAPOFILA).json().get("versioni").get(SET_NUOVO).asInt()).isEqualTo(1);
        assertThat(http.get("/api/avvisi/" + avviso + "/regole", CAPOFILA).json().get("versioni").has(SET_NUOVO)).isFalse();
        // the readable description says the same, and why
        JsonNode descrizioneLibero = http.get("/api/avvisi/" + libero + "/regole", CAPOFILA).json().get("descrizione");
        JsonNode descrizioneCongelato = http.get("/api/avvisi/" + avviso + "/regole", CAPOFILA).json().get("descrizione");
        assertThat(descrizioneLibero.get("regole").findValuesAsText("nome")).contains(SET_NUOVO);
        assertThat(descrizioneCongelato.get("regole").findValuesAsText("nome")).doesNotContain(SET_NUOVO);
        assertThat(descrizioneCongelato.get("righe").findValuesAsText("testo"))
                .anySatisfy(testo -> assertThat(testo).startsWith("congelate dalla prima domanda"));
        assertThat(descrizioneLibero.get("righe").findValuesAsText("testo"))
                .noneSatisfy(testo -> assertThat(testo).startsWith("congelate"));
        assertThat(registro.voci(null, libero)).extracting(RegistroRegole.Voce::azione)
                .contains(RegistroRegole.Azione.VINCOLO_AGGIORNATO, RegistroRegole.Azione.VINCOLO_AVVISO);
        assertThat(registro.voci(null, avviso)).extracting(RegistroRegole.Voce::azione)
                .doesNotContain(RegistroRegole.Azione.VINCOLO_AGGIORNATO);
    }

    @Test
    @Order(2)
    void lASimulazioneMostraPunteggiPosizioniERiserveSenzaScrivereNulla() {
        BigDecimal prima = isbar(lungaResidenza);
        assertThat(isbar(invalidita)).as("the scenario: the invalidity household leads").isGreaterThan(prima);
        assertThat(isbar(invalidita)).isLessThan(prima.add(new BigDecimal("20")));
        String isbarBase = repository.sorgente("isbar", repository.inVigoreIl(LocalDate.now(ROMA)).versione("isbar"));
        bozzaIsbar = carica("isbar", isbarBase.replace("<text>6.5</text>", "<text>26.5</text>"));
        String requisitiBase = repository.sorgente("requisiti-economici",
                repository.inVigoreIl(LocalDate.now(ROMA)).versione("requisiti-economici"));
        bozzaRequisiti = carica("requisiti-economici", requisitiBase.replace("&lt;= 3000<", "&lt;= 2000<").replace("&gt; 3000<", "&gt; 2000<"));
        String digestPrima = stato();

        ClientHttp.Risposta risposta = http.post("/api/avvisi/" + avviso + "/simulazione", ANALISTA,
                "{\"nome\":\"isbar\",\"versione\":" + bozzaIsbar + "}");
        assertThat(risposta.status()).as(risposta.body()).isEqualTo(200);
        JsonNode esito = risposta.json();
        assertThat(esito.get("domande").asInt()).isEqualTo(3);
        assertThat(esito.get("punteggiCambiati").asInt()).isEqualTo(1);
        assertThat(esito.get("posizioniCambiate").asInt()).isEqualTo(2);
        assertThat(esito.get("entranoInRiserva").asInt() + esito.get("esconoDallaRiserva").asInt()).isZero();
        JsonNode salita = differenza(esito, lungaResidenza);
        assertThat(salita.get("isbarDopo").decimalValue()).isEqualByComparingTo(prima.add(new BigDecimal("20")));
        assertThat(salita.get("posizioni").get(0).get("prima").asInt()).isEqualTo(2);
        assertThat(salita.get("posizioni").get(0).get("dopo").asInt()).isEqualTo(1);
        JsonNode scesa = differenza(esito, invalidita);
        assertThat(scesa.get("isbarDopo").decimalValue()).isEqualByComparingTo(scesa.get("isbarPrima").decimalValue());
        assertThat(scesa.get("posizioni").get(0).get("prima").asInt()).isEqualTo(1);
        assertThat(scesa.get("posizioni").get(0).get("dopo").asInt()).isEqualTo(2);

        JsonNode riserva = http.post("/api/avvisi/" + avviso + "/simulazione", SUPERVISORE,
                "{\"nome\":\"requisiti-economici\",\"versione\":" + bozzaRequisiti + "}").json();
        assertThat(riserva.get("esconoDallaRiserva").asInt()).isEqualTo(1);
        assertThat(differenza(riserva, indigente).get("indigentePrima").asBoolean()).isTrue();
        assertThat(differenza(riserva, indigente).get("indigenteDopo").asBoolean()).isFalse();

        assertThat(stato()).as("nothing written").isEqualTo(digestPrima);
        assertThat(http.post("/api/avvisi/" + avviso + "/simulazione", CAPOFILA, "{\"nome\":\"isbar\",\"versione\":1}").status())
                .isEqualTo(403);
        assertThat(http.post("/api/avvisi/" + avviso + "/simulazione", ANALISTA, "{\"nome\":\"riserve\",\"versione\":1}").status())
                .isEqualTo(400);
    }

    @Test
    @Order(3)
    void laRivalutazioneDiUnAvvisoCongelatoEUnaDecisioneRegistrata() {
        ClientHttp.Risposta bozza = http.post("/api/avvisi/" + avviso + "/rivalutazione", SUPERVISORE,
                "{\"versioni\":{\"isbar\":" + bozzaIsbar + "},\"motivo\":\"Sentenza TAR\"}");
        assertThat(bozza.status()).as("a draft never scores real domande").isEqualTo(409);
        ClientHttp.Risposta senzaMotivo = http.post("/api/avvisi/" + avviso + "/rivalutazione", SUPERVISORE,
                "{\"versioni\":{\"" + SET_NUOVO + "\":1}}");
        assertThat(senzaMotivo.status()).isEqualTo(400);
        assertThat(http.post("/api/avvisi/" + avviso + "/rivalutazione", ANALISTA,
                "{\"versioni\":{\"" + SET_NUOVO + "\":1},\"motivo\":\"x\"}").status()).isEqualTo(403);

        // the corrected ISBAR published from a far day (nothing else moves), then applied to this avviso by decision
        // the baseline case on residence over 15 years now expects the corrected value (same description: replaced)
        ClientHttp.Risposta casi = http.post("/api/regole/isbar/versioni/" + bozzaIsbar + "/casi", ANALISTA, """
                [{"descrizione":"Oltre 15 anni di residenza in Lombardia: 6,5 punti; oltre 10 anni nel comune con una condizione e un alloggio scelto nel comune: 8 punti (r.r. 3/2019, valori da fonte)",
                  "input":{"anniResidenzaLombardia":16,"anniResidenzaComune":11,"condizioneFamiliareOAbitativa":true,
                  "alloggioSceltoNelComuneDiResidenza":true,"anziani":false,"invaliditaMassima":0,"accompagnamento":false,"handicapGrave":false,
                  "famigliaNuovaFormazione":false,"personaSolaConMinori":false,"rilascioAlloggio":false,"alloggioImproprio":false,
                  "coabitazione":true,"sovraffollamento":false,"alloggioAntigienico":false,"barriereArchitettoniche":false,"isee":5200},
                  "atteso":{"Punti residenza regione":26.5,"Punti residenza comune":8}}]""");
        assertThat(casi.status()).isEqualTo(200);
        assertThat(casi.json().findValuesAsText("superato")).containsOnly("true");
        ClientHttp.Risposta richiesta = http.post("/api/regole/isbar/versioni/" + bozzaIsbar + "/pubblicazione?motivo=Correzione&validoDal=2099-01-01",
                ANALISTA, "");
        assertThat(richiesta.status()).as(richiesta.body()).isEqualTo(202);
        assertThat(http.post("/api/regole/isbar/versioni/" + bozzaIsbar + "/approvazione", ANALISTA_REVISORE,
                "{\"esito\":\"APPROVATA\",\"nota\":\"ok\"}").status()).isEqualTo(200);
        BigDecimal prima = isbar(lungaResidenza);

        ClientHttp.Risposta rivalutata = http.post("/api/avvisi/" + avviso + "/rivalutazione", SUPERVISORE,
                "{\"versioni\":{\"isbar\":" + bozzaIsbar + "},\"motivo\":\"Sentenza TAR: residenza oltre 15 anni\"}");
        assertThat(rivalutata.status()).as(rivalutata.body()).isEqualTo(200);
        assertThat(rivalutata.json().get("domande").asInt()).isEqualTo(3);
        assertThat(rivalutata.json().get("cambiate").asInt()).isEqualTo(1);
        assertThat(isbar(lungaResidenza)).isEqualByComparingTo(prima.add(new BigDecimal("20")));
        assertThat(http.get("/api/avvisi/" + avviso + "/regole", CAPOFILA).json().get("versioni").get("isbar").asInt())
                .isEqualTo(bozzaIsbar);
        assertThat(registro.voci(null, avviso).get(0)).satisfies(v -> {
            assertThat(v.azione()).isEqualTo(RegistroRegole.Azione.RIVALUTAZIONE_AVVISO);
            assertThat(v.chi()).isEqualTo(SUPERVISORE);
            assertThat(v.motivo()).contains("Sentenza TAR");
            assertThat(v.dettagli()).containsEntry("cambiate", 1);
        });
        assertThat(repository.inVigoreIl(LocalDate.now(ROMA)).versione("isbar")).as("today's rules unchanged").isNotEqualTo(bozzaIsbar);
        assertThat(http.get("/api/regole/registro?avvisoId=" + avviso, SUPERVISORE).json().findValuesAsText("azione"))
                .contains("RIVALUTAZIONE_AVVISO");
    }

    private int carica(String nome, String dmn) {
        ClientHttp.Risposta risposta = http.invia(http.richiesta("/api/regole/" + nome + "?motivo=Bozza&validoDal=2099-01-01", ANALISTA)
                .header("Content-Type", "application/xml")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(dmn.getBytes(StandardCharsets.UTF_8))).build());
        assertThat(risposta.status()).as(risposta.body()).isEqualTo(201);
        return risposta.json().get("versione").asInt();
    }

    private String stato() {
        return jdbc.queryForObject("""
                select md5(string_agg(id || ':' || isbar || ':' || indigente || ':' || version, ',' order by id))
                  from domanda where avviso_id = ?""", String.class, avviso)
                + jdbc.queryForObject("select count(*) from regola_audit", Long.class);
    }

    private static JsonNode differenza(JsonNode esito, long domanda) {
        for (JsonNode d : esito.get("differenze")) {
            if (d.get("domandaId").asLong() == domanda) {
                return d;
            }
        }
        throw new AssertionError("domanda " + domanda + " non tra le differenze: " + esito);
    }

    private BigDecimal isbar(long domanda) {
        return http.get("/api/domande/" + domanda, SUPERVISORE).json().get("isbar").decimalValue();
    }

    private long presenta(String cf, String lombardiaDal, int invalidita, boolean sovraffollamento, String isee,
                          boolean attestazione, Alloggio alloggio) {
        ObjectNode d = JSON.createObjectNode();
        ArrayNode nucleo = d.putArray("nucleo");
        nucleo.add(JSON.createObjectNode().put("codiceFiscale", it.piattaformacasa.common.CodiceFiscale.conControllo(cf.substring(0, 15)))
                .put("nome", "Nome").put("cognome", "Cognome").put("dataNascita", "1980-01-01").put("relazione", "RICHIEDENTE")
                .put("percentualeInvalidita", 0));
        if (invalidita > 0) {
            nucleo.add(JSON.createObjectNode().put("codiceFiscale", it.piattaformacasa.common.CodiceFiscale.conControllo("MNTSRA88P43L682"))
                    .put("nome", "Sara").put("cognome", "Monti").put("dataNascita", "1988-09-03").put("relazione", "CONIUGE")
                    .put("percentualeInvalidita", invalidita));
        }
        d.putObject("residenza").put("codiceIstatComune", "012133").put("residenteLombardiaDal", lombardiaDal)
                .put("residenteComuneDal", lombardiaDal);
        d.putObject("isee").put("valore", new BigDecimal(isee)).put("protocolloDsu", "INPS-ISEE-2026-00012345A-00")
                .put("dataDsu", "2026-02-10");
        d.put("patrimonio", new BigDecimal("1000.00"));
        d.put("titolareAlloggioAdeguato", false).put("attestazioneServiziSociali", attestazione);
        d.putObject("condizioni").put("sovraffollamento", sovraffollamento);
        d.putArray("alloggi").add(alloggio.getId());
        ClientHttp.Risposta risposta = http.post("/api/avvisi/" + avviso + "/domande", CAPOFILA, d.toString());
        assertThat(risposta.status()).as(risposta.body()).isEqualTo(201);
        return risposta.json().get("id").asLong();
    }
}
