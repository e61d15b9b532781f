package it.piattaformacasa.assegnazione;

import static it.piattaformacasa.DemoUtenti.*;
import static it.piattaformacasa.DomandaDiProva.unaDomanda;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
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

import it.piattaformacasa.ClientHttp;
import it.piattaformacasa.DomandaDiProva;
import it.piattaformacasa.IntegrationTest;
import it.piattaformacasa.ScenarioAvviso;
import it.piattaformacasa.anagrafe.Alloggio;
import it.piattaformacasa.anagrafe.AlloggioRepository;
import it.piattaformacasa.anagrafe.StatoAlloggio;
import it.piattaformacasa.common.CodiceFiscale;
import it.piattaformacasa.graduatoria.GraduatoriaRepository;
import it.piattaformacasa.graduatoria.GraduatoriaService;

/**
 * Art. 14 co. 1 bis r.r. 4/2017 (REGULATION §4.7 and table row 16, seed 003 FAQ 11): in an avviso dedicated to severe
 * disability the indigent reserve is the plain 20 % of the year's units, rounded up, even where the comune set a
 * higher threshold for its own stock. The Comune di Malnate sets 30 % on 7 units for this year: an ordinary avviso's
 * graduatoria keeps 30 % (2,1 → 3 units), a severe-disability avviso's gets 20 % (1,4 → 2 units). The same four
 * households apply to both: three indigents resident in Malnate and, first in the graduatoria, a non-indigent one;
 * with two reserved units the third indigent comes after the non-indigent (art. 15 co. 1).
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RiserveAvvisoDisabilitaGraveTest {

    private static final ZoneId ROMA = ZoneId.of("Europe/Rome");
    private static final String MALNATE_ISTAT = "012096";

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
    List<Alloggio> unita;
    long graduatoriaOrdinaria;
    long graduatoriaDisabilitaGrave;
    /** indigent 1, 2, 3 and the non-indigent household, in order of submission, per avviso. */
    List<Long> domandeOrdinario;
    List<Long> domandeDisabilitaGrave;

    @BeforeAll
    void dueGraduatorieDefinitiveDelComuneDiMalnateConLaSogliaDelTrentaPerCento() {
        http = new ClientHttp(port);
        ScenarioAvviso scenario = new ScenarioAvviso(http, runtimeService, managementService, alloggi);
        unita = scenario.alloggiDi(CF_COMUNE_MALNATE, StatoAlloggio.LIBERO, 2);
        assertThat(unita).hasSize(2);
        long ordinario = scenario.aperto("ORDINARIO", unita, List.of(MALNATE, MALNATE));
        long disabilitaGrave = scenario.aperto("DISABILITA_GRAVE", unita, List.of(MALNATE, MALNATE));
        domandeOrdinario = presentaIQuattroNuclei(ordinario);
        domandeDisabilitaGrave = presentaIQuattroNuclei(disabilitaGrave);
        // the later avviso first: a definitive graduatoria closes the earlier avvisi's ones (art. 15 co. 4 bis), and
        // this test needs both open
        graduatoriaDisabilitaGrave = scenario.graduatorieApprovate(disabilitaGrave, graduatorie, graduatorieService, jdbc, true)
                .get(0).getId();
        graduatoriaOrdinaria = scenario.graduatorieApprovate(ordinario, graduatorie, graduatorieService, jdbc, true)
                .get(0).getId();

        ClientHttp.Risposta piano = http.invia(http.richiesta("/api/enti/" + comuneDiMalnate() + "/riserve/" + anno() + "/"
                        + MALNATE_ISTAT, MALNATE).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"alloggiDisponibili\":7,\"sogliaIndigentiComune\":30}")).build());
        assertThat(piano.status()).as(piano.body()).isEqualTo(200);
        assertThat(piano.json().get("riserve").get("indigenti").asInt()).as("the comune's own plan: 30 % of 7, rounded up")
                .isEqualTo(3);
        assertThat(jdbc.queryForObject("select count(*) from assegnazione a join graduatoria g on g.ente_id = a.ente_id "
                + "where g.id = ? and a.stato <> 'RINUNCIATA'", Integer.class, graduatoriaOrdinaria))
                .as("no unit of the Comune di Malnate assigned yet").isZero();
    }

    private List<Long> presentaIQuattroNuclei(long avviso) {
        long[] scelti = unita.stream().mapToLong(Alloggio::getId).toArray();
        List<Long> ids = new ArrayList<>();
        for (String[] nucleo : new String[][] {{"CRSLRA70A41E863", "CRSMRA55A01E863"}, {"MRNPLA68B12E863", "MRNLCA52B02E863"},
                {"GLLSRA75C50E863", "GLLNNA50C43E863"}}) {
            ids.add(presenta(avviso, unaDomanda(cf(nucleo[0]), scelti).residenteA(MALNATE_ISTAT).conIsee(2_500)
                    .conAttestazioneServiziSociali().conComponente(cf(nucleo[1]), "CONIUGE", 100, false, true)));
        }
        // better placed than every indigent: more housing conditions
        ids.add(presenta(avviso, unaDomanda(cf("FRRGNN66D10E863"), scelti).residenteA(MALNATE_ISTAT).conIsee(9_000)
                .conCondizioni("rilascioAlloggio", "alloggioImproprio", "sovraffollamento")
                .conComponente(cf("FRRLGU58D04E863"), "CONIUGE", 100, false, true)));
        return ids;
    }

    private long presenta(long avviso, DomandaDiProva domanda) {
        ClientHttp.Risposta risposta = http.post("/api/avvisi/" + avviso + "/domande", MALNATE, domanda.json());
        assertThat(risposta.status()).as(risposta.body()).isEqualTo(201);
        return risposta.json().get("id").asLong();
    }

    private static String cf(String senzaControllo) {
        return CodiceFiscale.conControllo(senzaControllo);
    }

    private long comuneDiMalnate() {
        return jdbc.queryForObject("select id from ente_proprietario where codice_fiscale = ?", Long.class, CF_COMUNE_MALNATE);
    }

    private static int anno() {
        return LocalDate.now(ROMA).getYear();
    }

    private JsonNode ordine(long graduatoria) {
        ClientHttp.Risposta risposta = http.get("/api/graduatorie/" + graduatoria + "/ordine-assegnazione", MALNATE);
        assertThat(risposta.status()).as(risposta.body()).isEqualTo(200);
        return risposta.json();
    }

    private static List<Long> domande(JsonNode ordine) {
        List<Long> ids = new ArrayList<>();
        ordine.get("ordine").forEach(p -> ids.add(p.get("domandaId").asLong()));
        return ids;
    }

    private static List<Integer> gruppi(JsonNode ordine) {
        List<Integer> gruppi = new ArrayList<>();
        ordine.get("ordine").forEach(p -> gruppi.add(p.get("gruppo").asInt()));
        return gruppi;
    }

    @Test
    @Order(1)
    void nellAvvisoOrdinarioValeLaSogliaDelComune() {
        JsonNode ordine = ordine(graduatoriaOrdinaria);

        assertThat(ordine.get("riserve").get("percentualeIndigenti").decimalValue()).isEqualByComparingTo("30");
        assertThat(ordine.get("riserve").get("indigenti").asInt()).as("30 % of 7 = 2,1, rounded up").isEqualTo(3);
        assertThat(domande(ordine)).containsExactlyElementsOf(domandeOrdinario);
        assertThat(gruppi(ordine)).containsExactly(1, 1, 1, 4);
    }

    @Test
    @Order(2)
    void nellAvvisoPerDisabilitaGraveLaRiservaIndigentiEIlVentiPerCentoArrotondatoPerEccesso() {
        JsonNode ordine = ordine(graduatoriaDisabilitaGrave);

        assertThat(ordine.get("riserve").get("percentualeIndigenti").decimalValue()).isEqualByComparingTo("20");
        assertThat(ordine.get("riserve").get("indigenti").asInt()).as("20 % of 7 = 1,4, rounded up").isEqualTo(2);
        assertThat(ordine.get("riserve").get("spiegazione").findValuesAsText("descrizione")).singleElement().asString()
                .contains("disabilità grave", "art. 14 co. 1 bis");
        List<Long> d = domandeDisabilitaGrave;
        assertThat(domande(ordine)).as("two indigents, then the graduatoria: the non-indigent household is placed first")
                .containsExactly(d.get(0), d.get(1), d.get(3), d.get(2));
        assertThat(gruppi(ordine)).containsExactly(1, 1, 4, 4);
        assertThat(ordine.get("ordine").get(3).get("motivo").asText()).contains("riserva indigenti è esaurita");
    }

    @Test
    @Order(3)
    void leAssegnazioniDellAvvisoPerDisabilitaGraveUsanoLaRiservaDelVentiPerCento() {
        for (int i = 0; i < 2; i++) {
            long domanda = domande(ordine(graduatoriaDisabilitaGrave)).get(0);
            ClientHttp.Risposta istruttoria = http.post("/api/graduatorie/" + graduatoriaDisabilitaGrave + "/istruttorie",
                    MALNATE, "{\"domandaId\":" + domanda + "}");
            assertThat(istruttoria.status()).as(istruttoria.body()).isEqualTo(201);
            ClientHttp.Risposta verifica = http.post("/api/istruttorie/" + istruttoria.json().get("id").asLong() + "/verifica",
                    MALNATE, "{\"esito\":\"AMMISSIBILE\",\"alloggioId\":" + unita.get(i).getId() + "}");
            assertThat(verifica.status()).as("the next one in the order needs no reason: %s", verifica.body()).isEqualTo(200);
            assertThat(jdbc.queryForObject("select riserva from assegnazione where domanda_id = ?", String.class, domanda))
                    .isEqualTo("INDIGENTI");
        }

        JsonNode dopo = ordine(graduatoriaDisabilitaGrave);
        assertThat(dopo.get("assegnatiIndigenti").asInt()).isEqualTo(2);
        List<Long> d = domandeDisabilitaGrave;
        assertThat(domande(dopo)).as("the 20 % reserve is used up: the third indigent waits in the general graduatoria")
                .containsExactly(d.get(3), d.get(2));
        assertThat(gruppi(dopo)).containsExactly(4, 4);
    }
}
