package it.piattaformacasa.assegnazione;

import static it.piattaformacasa.DemoUtenti.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

import it.piattaformacasa.ClientHttp;
import it.piattaformacasa.IntegrationTest;
import it.piattaformacasa.OrologioDiProva;
import it.piattaformacasa.ScenarioAvviso;
import it.piattaformacasa.anagrafe.Alloggio;
import it.piattaformacasa.anagrafe.AlloggioRepository;
import it.piattaformacasa.anagrafe.StatoAlloggio;
import it.piattaformacasa.avviso.process.AvvisoBpmn;
import it.piattaformacasa.graduatoria.Graduatoria;
import it.piattaformacasa.graduatoria.GraduatoriaRepository;
import it.piattaformacasa.graduatoria.GraduatoriaService;
import it.piattaformacasa.piano.process.ProgrammazioneAnnualeBpmn;

/**
 * Art. 15 order on a real definitive graduatoria of the Comune di Varese: with 10 units in the year (2 for indigenti,
 * 1 for the chosen category at 10 %), two indigent residents come first, then the non-indigent household of the
 * chosen category, then everybody else (including the indigent non-resident, the indigent reserve being used up).
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OrdineAssegnazioneTest {

    private static final ZoneId ROMA = ZoneId.of("Europe/Rome");
    private static final String VARESE = "012133";

    @LocalServerPort
    int port;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;
    @Autowired
    AlloggioRepository alloggi;
    @Autowired
    GraduatoriaRepository graduatorie;
    @Autowired
    GraduatoriaService graduatorieService;
    @Autowired
    JdbcTemplate jdbc;
    ClientHttp http;
    Map<String, Long> domande = new HashMap<>();
    long graduatoria;
    List<Alloggio> unita;
    int statoSeProvvisoria;
    int statoSenzaRiserve;

    @BeforeAll
    void graduatoriaDefinitivaConRiserve() {
        http = new ClientHttp(port);
        ScenarioAvviso scenario = new ScenarioAvviso(http, runtimeService, managementService, alloggi);
        List<Alloggio> diVarese = scenario.alloggiDi(CF_COMUNE_VARESE, StatoAlloggio.LIBERO, 2);
        unita = diVarese;
        long avviso = scenario.aperto(diVarese, List.of(CAPOFILA, CAPOFILA));
        String malnate = jdbc.queryForObject("select codice_istat from comune where nome = 'Malnate'", String.class);
        presenta(avviso, "B", "BRMLCU85D12L682R", VARESE, "2500", true, "coabitazione");
        presenta(avviso, "E", "RTOMRC80A15L682D", VARESE, "2000", true, "sovraffollamento");
        presenta(avviso, "A", "GRCLSE95R50L682N", malnate, "2800", true, "coabitazione");
        presenta(avviso, "C", "SLATRS50B41L682V", VARESE, "9000", false, "famigliaNuovaFormazione");
        presenta(avviso, "D", "MNTSRA88P43L682V", VARESE, "12000", false, "coabitazione");
        scenario.eseguiTimer(avviso, AvvisoBpmn.TIMER_CHIUSURA);
        scenario.eseguiTimer(avviso, AvvisoBpmn.SERVICE_GENERA_GRADUATORIE);
        ScenarioAvviso.generateGiorniFa(jdbc, avviso, 21); // published 20 days ago: the rettifica window is over
        Graduatoria g = graduatorie.findByAvvisoIdOrderById(avviso).get(0);
        graduatoria = g.getId();
        LocalDate pubblicata = LocalDate.now(ROMA).minusDays(20);
        graduatorieService.approva(graduatoria, "PROV-" + graduatoria, pubblicata, Graduatoria.Pubblicazione.SITO_ENTE, pubblicata, "test");
        statoSeProvvisoria = http.get(ordine(), VARESE_ISTRUTTORIA).status();
        graduatorieService.rendiDefinitiva(graduatoria, "test");
        // given no reserves for the year (another test class may have set the Comune's)
        jdbc.update("delete from piano_riserve where ente_id = ? and anno = ?", g.getEnte().getId(), LocalDate.now(ROMA).getYear());
        assertThat(riserveDellAnno()).isFalse();
        statoSenzaRiserve = http.get(ordine(), VARESE_ISTRUTTORIA).status();
        ClientHttp.Risposta piano = http.invia(http.richiesta("/api/enti/" + g.getEnte().getId() + "/riserve/"
                        + LocalDate.now(ROMA).getYear() + "/" + VARESE, CAPOFILA).header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("""
                        {"alloggiDisponibili":10,"percentualeCategorie":10,"categorie":["FAMIGLIE_NUOVA_FORMAZIONE"]}"""))
                .build());
        assertThat(piano.status()).as(piano.body()).isEqualTo(200);
    }

    private boolean riserveDellAnno() {
        return jdbc.queryForObject("select count(*) from piano_riserve p join comune c on c.id = p.comune_id "
                + "join ente_proprietario e on e.id = p.ente_id where e.codice_fiscale = ? and c.codice_istat = ? and p.anno = ?",
                Integer.class, CF_COMUNE_VARESE, VARESE, LocalDate.now(ROMA).getYear()) > 0;
    }

    private String ordine() {
        return "/api/graduatorie/" + graduatoria + "/ordine-assegnazione";
    }

    private void presenta(long avviso, String chi, String cf, String residenza, String isee,
                          boolean attestazione, String condizione) {
        String body = "{\"nucleo\":[{\"codiceFiscale\":\"" + cf + "\",\"nome\":\"N\",\"cognome\":\"" + chi
                + "\",\"dataNascita\":\"19" + cf.substring(6, 8) + "-01-01\",\"relazione\":\"RICHIEDENTE\",\"percentualeInvalidita\":0}],"
                + "\"residenza\":{\"codiceIstatComune\":\"" + residenza + "\",\"residenteLombardiaDal\":\"2000-01-01\","
                + "\"residenteComuneDal\":\"2005-01-01\"},\"isee\":{\"valore\":" + isee
                + ",\"protocolloDsu\":\"INPS-ORD-" + chi + "\",\"dataDsu\":\"2026-01-20\"},\"patrimonio\":0,"
                + "\"attestazioneServiziSociali\":" + attestazione + ",\"condizioni\":{\"" + condizione + "\":true},"
                + "\"alloggi\":[" + unita.get(0).getId() + "," + unita.get(1).getId() + "]}";
        ClientHttp.Risposta risposta = http.post("/api/avvisi/" + avviso + "/domande", CAPOFILA, body);
        assertThat(risposta.status()).as(risposta.body()).isEqualTo(201);
        domande.put(chi, risposta.json().get("id").asLong());
    }

    @Test
    @Order(1)
    void indigentiResidentiPoiCategoriaRiservataPoiGraduatoriaGenerale() {
        JsonNode risposta = http.get(ordine(), VARESE_ISTRUTTORIA).json();

        assertThat(risposta.get("riserve").get("indigenti").asInt()).isEqualTo(2);
        assertThat(risposta.get("riserve").get("categorie").asInt()).isEqualTo(1);
        JsonNode ordine = risposta.get("ordine");
        assertThat(ordine).extracting(p -> p.get("gruppo").asInt()).containsExactly(1, 1, 3, 4, 4);
        assertThat(List.of(id(ordine, 0), id(ordine, 1))).containsExactlyInAnyOrder(domande.get("B"), domande.get("E"));
        assertThat(id(ordine, 2)).isEqualTo(domande.get("C"));
        assertThat(List.of(id(ordine, 3), id(ordine, 4))).containsExactlyInAnyOrder(domande.get("A"), domande.get("D"));
        // within a group, the graduatoria position decides
        assertThat(ordine.get(0).get("posizione").asInt()).isLessThan(ordine.get(1).get("posizione").asInt());
        assertThat(ordine.get(3).get("posizione").asInt()).isLessThan(ordine.get(4).get("posizione").asInt());
        assertThat(ordine.get(2).get("motivo").asText()).contains("art. 15 co. 1 ter");
        JsonNode indigenteNonResidente = ordine.get(3).get("domandaId").asLong() == domande.get("A") ? ordine.get(3) : ordine.get(4);
        assertThat(indigenteNonResidente.get("motivo").asText()).contains("riserva indigenti è esaurita");
    }

    /**
     * Issue 13: in a year covered by an approved annual plan nobody types the reserves: the Comune's communication
     * (10 units, indigenti at 40 %, no social category) becomes the art. 15 order of that year — four units for
     * indigenti, so the indigent household resident elsewhere now comes before the others, and no category reserve.
     */
    @Test
    @Order(2)
    void nellAnnoDiUnPianoApprovatoLOrdineSegueLeSueRiserve() {
        int anno = 2075;
        LocalDate oggi = LocalDate.now(ROMA);
        ClientHttp.Risposta predisposto = http.post("/api/programmazione", CAPOFILA, "{\"ambito\":\"VARESE\",\"anno\":" + anno
                + ",\"inizioComunicazioni\":\"" + oggi + "\",\"fineComunicazioni\":\"" + oggi.plusDays(10) + "\"}");
        assertThat(predisposto.status()).as(predisposto.body()).isEqualTo(201);
        String piano = predisposto.json().get("id").asText();
        eseguiTimerDelPiano(piano, ProgrammazioneAnnualeBpmn.TIMER_INIZIO_COMUNICAZIONI);
        long varese = 0;
        for (JsonNode c : http.get("/api/programmazione/" + piano, CAPOFILA).json().get("comunicazioni")) {
            if (c.get("ente").asText().equals("Comune di Varese") && c.get("comune").asText().equals("Varese")) {
                varese = c.get("id").asLong();
            }
        }
        ClientHttp.Risposta inviata = http.invia(http.richiesta("/api/programmazione/" + piano + "/comunicazioni/" + varese, CAPOFILA)
                .header("Content-Type", "application/json").PUT(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"alloggiDisponibili\":10,\"alloggiTurnOver\":10,\"sogliaIndigenti\":40}")).build());
        assertThat(inviata.status()).as(inviata.body()).isEqualTo(200);
        eseguiTimerDelPiano(piano, ProgrammazioneAnnualeBpmn.TIMER_FINE_COMUNICAZIONI);
        ClientHttp.Risposta approvato = http.post("/api/programmazione/" + piano + "/approvazione", CAPOFILA,
                "{\"numeroDelibera\":\"7/" + anno + "\",\"dataDelibera\":\"" + oggi + "\"}");
        assertThat(approvato.status()).as(approvato.body()).isEqualTo(200);

        OrologioDiProva.fermaA(LocalDate.of(anno, 3, 2).atTime(10, 0).atZone(ROMA).toInstant());
        try {
            JsonNode risposta = http.get(ordine(), VARESE_ISTRUTTORIA).json();
            assertThat(risposta.get("anno").asInt()).isEqualTo(anno);
            assertThat(risposta.get("riserve").get("indigenti").asInt()).isEqualTo(4);
            assertThat(risposta.get("riserve").get("categorie").asInt()).isZero();
            JsonNode ordine = risposta.get("ordine");
            assertThat(ordine).extracting(p -> p.get("gruppo").asInt()).containsExactly(1, 1, 2, 4, 4);
            assertThat(List.of(id(ordine, 0), id(ordine, 1))).containsExactlyInAnyOrder(domande.get("B"), domande.get("E"));
            assertThat(id(ordine, 2)).as("the indigent reserve is not used up in " + anno).isEqualTo(domande.get("A"));
            assertThat(List.of(id(ordine, 3), id(ordine, 4))).containsExactlyInAnyOrder(domande.get("C"), domande.get("D"));
        } finally {
            OrologioDiProva.ripristina();
        }
        // the year of the plan does not change the year without one: still the reserves typed for this year
        assertThat(http.get(ordine(), VARESE_ISTRUTTORIA).json().get("riserve").get("indigenti").asInt()).isEqualTo(2);
    }

    private void eseguiTimerDelPiano(String piano, String timer) {
        String istanza = runtimeService.createProcessInstanceQuery().processDefinitionKey(ProgrammazioneAnnualeBpmn.PROCESS_ID)
                .processInstanceBusinessKey(piano).singleResult().getId();
        managementService.executeJob(managementService.createJobQuery().processInstanceId(istanza).activityId(timer)
                .singleResult().getId());
    }

    @Test
    @Order(3)
    void soloSuGraduatoriaDefinitivaConLeRiserveDellAnnoESoloPerLEnte() {
        assertThat(statoSeProvvisoria).isEqualTo(409);
        assertThat(statoSenzaRiserve).as("no reserves set for the year yet").isEqualTo(409);
        assertThat(http.get(ordine(), ALER_ISTRUTTORIA).status()).isEqualTo(403);
        assertThat(http.get(ordine(), SUPERVISORE).status()).isEqualTo(200);
    }

    @Test
    @Order(4)
    void fuoriOrdineSoloConUnMotivoELeRiserveScendonoConLeAssegnazioni() {
        long prossima = id(http.get(ordine(), VARESE_ISTRUTTORIA).json().get("ordine"), 0);
        long fuori = http.post("/api/graduatorie/" + graduatoria + "/istruttorie", VARESE_ISTRUTTORIA,
                "{\"domandaId\":" + domande.get("D") + "}").json().get("id").asLong();

        ClientHttp.Risposta senzaMotivo = http.post("/api/istruttorie/" + fuori + "/verifica", VARESE_ISTRUTTORIA,
                "{\"esito\":\"AMMISSIBILE\",\"alloggioId\":" + unita.get(0).getId() + "}");
        assertThat(senzaMotivo.status()).isEqualTo(400);
        assertThat(senzaMotivo.json().get("errori").get(0).get("campo").asText()).isEqualTo("motivoFuoriOrdine");
        assertThat(senzaMotivo.json().get("errori").get(0).get("messaggio").asText()).contains("prossima: domanda " + prossima);

        assertThat(http.post("/api/istruttorie/" + fuori + "/verifica", VARESE_ISTRUTTORIA, "{\"esito\":\"AMMISSIBILE\","
                + "\"alloggioId\":" + unita.get(0).getId() + ",\"motivoFuoriOrdine\":\"Alloggio al piano terra per un "
                + "componente con difficoltà motorie\"}").status()).isEqualTo(200);
        assertThat(jdbc.queryForMap("select gruppo, riserva, fuori_ordine_motivo from assegnazione where domanda_id = ?",
                domande.get("D"))).containsEntry("gruppo", 4).containsEntry("riserva", null)
                .hasEntrySatisfying("fuori_ordine_motivo", m -> assertThat(m.toString()).contains("piano terra"));

        long inOrdine = http.post("/api/graduatorie/" + graduatoria + "/istruttorie", VARESE_ISTRUTTORIA,
                "{\"domandaId\":" + prossima + "}").json().get("id").asLong();
        assertThat(http.post("/api/istruttorie/" + inOrdine + "/verifica", VARESE_ISTRUTTORIA, "{\"esito\":\"AMMISSIBILE\","
                + "\"alloggioId\":" + unita.get(1).getId() + "}").status()).as("the next one needs no reason").isEqualTo(200);
        assertThat(jdbc.queryForObject("select riserva from assegnazione where domanda_id = ?", String.class, prossima))
                .isEqualTo("INDIGENTI");

        JsonNode dopo = http.get(ordine(), VARESE_ISTRUTTORIA).json();
        assertThat(dopo.get("assegnatiIndigenti").asInt()).isEqualTo(1);
        assertThat(dopo.get("assegnatiCategorie").asInt()).isZero();
        assertThat(dopo.get("ordine")).extracting(p -> p.get("domandaId").asLong()).hasSize(3)
                .doesNotContain(prossima, domande.get("D"));
        assertThat(dopo.get("ordine").get(0).get("gruppo").asInt()).as("one unit of the indigent reserve left").isEqualTo(1);

        long ente = jdbc.queryForObject("select ente_id from graduatoria where id = ?", Long.class, graduatoria);
        JsonNode stato = http.get("/api/enti/" + ente + "/riserve/" + LocalDate.now(ROMA).getYear() + "/stato-assegnazioni",
                CAPOFILA).json();
        assertThat(stato).extracting(r -> r.get("riserva").asText() + " " + r.get("riservati").asInt() + "/" + r.get("assegnati").asInt())
                .contains("Indigenti (art. 13 co. 3) 2/1", "Categorie dell'art. 14 (art. 15 co. 1 ter) 1/0",
                        "  di cui Famiglie di nuova formazione 1/0");
        String csv = http.get("/api/enti/" + ente + "/riserve/" + LocalDate.now(ROMA).getYear() + "/stato-assegnazioni?formato=csv",
                CAPOFILA).body();
        assertThat(csv.lines()).first().isEqualTo("Comune;Riserva;Alloggi riservati;Alloggi assegnati nell'anno");
        assertThat(csv.lines()).contains("Varese;Indigenti (art. 13 co. 3);2;1");
    }

    private static long id(JsonNode ordine, int i) {
        return ordine.get(i).get("domandaId").asLong();
    }
}
