package it.piattaformacasa.domanda;

import static it.piattaformacasa.DemoUtenti.*;
import static it.piattaformacasa.DomandaDiProva.unaDomanda;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import it.piattaformacasa.ClientHttp;
import it.piattaformacasa.IntegrationTest;
import it.piattaformacasa.ScenarioAvviso;
import it.piattaformacasa.anagrafe.Alloggio;
import it.piattaformacasa.anagrafe.AlloggioRepository;
import it.piattaformacasa.anagrafe.StatoAlloggio;
import it.piattaformacasa.common.CodiceFiscale;

/**
 * Art. 8 co. 7 bis r.r. 4/2017 (REGULATION §4.7, seed 003 FAQ 15): an avviso dedicated to severe disability admits
 * only households with a member whose severe handicap is recognised under art. 3 co. 3 L. 104/1992; a civil
 * invalidity, even 100 % with accompaniment, is not enough. Ordinary avvisi do not ask for it.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DomandaAvvisoDisabilitaGraveTest {

    private static final String CONIUGE = CodiceFiscale.conControllo("VRDNNA60A41L682");

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
    ClientHttp http;
    long disabilitaGrave;
    long ordinario;
    long alloggio;

    @BeforeAll
    void dueAvvisiApertiConLoStessoAlloggio() {
        http = new ClientHttp(port);
        ScenarioAvviso scenario = new ScenarioAvviso(http, runtimeService, managementService, alloggi);
        Alloggio diVarese = scenario.alloggiDi(CF_COMUNE_VARESE, StatoAlloggio.LIBERO, 1).get(0);
        alloggio = diVarese.getId();
        disabilitaGrave = scenario.aperto("DISABILITA_GRAVE", List.of(diVarese), List.of(CAPOFILA));
        ordinario = scenario.aperto("ORDINARIO", List.of(diVarese), List.of(CAPOFILA));
    }

    private ClientHttp.Risposta presenta(long avviso, String body) {
        return http.post("/api/avvisi/" + avviso + "/domande", CAPOFILA, body);
    }

    private List<String> motivi(ClientHttp.Risposta risposta) {
        List<String> motivi = new ArrayList<>();
        risposta.json().get("motivi").forEach(m -> motivi.add(m.asText()));
        return motivi;
    }

    private int domandeDi(long avviso, String richiedente) {
        return jdbc.queryForObject("select count(*) from domanda where avviso_id = ? and richiedente_cf = ?", Integer.class,
                avviso, richiedente);
    }

    @Test
    void unInvalidoCivileAlCentoPerCentoConAccompagnamentoSenzaHandicapGraveNonEAmmesso() {
        String richiedente = CodiceFiscale.conControllo("BNCLRA70A41L682");
        ClientHttp.Risposta risposta = presenta(disabilitaGrave, unaDomanda(richiedente, alloggio)
                .conComponente(CONIUGE, "CONIUGE", 100, true, false).json());

        assertThat(risposta.status()).as(risposta.body()).isEqualTo(422);
        assertThat(motivi(risposta)).singleElement().asString()
                .contains("handicap grave", "art. 3 co. 3 L. 104/1992", "art. 8 co. 7 bis r.r. 4/2017",
                        "l'invalidità civile del 100 % con indennità di accompagnamento dichiarata nel nucleo non basta");
        assertThat(domandeDi(disabilitaGrave, richiedente)).as("nothing written").isZero();
    }

    @Test
    void ilMotivoSiElencaInsiemeAgliAltriRequisitiDellArticoloSette() {
        String richiedente = CodiceFiscale.conControllo("FRRPLA75B12L682");
        ClientHttp.Risposta risposta = presenta(disabilitaGrave, unaDomanda(richiedente, alloggio).conIsee(20_000).json());

        assertThat(risposta.status()).as(risposta.body()).isEqualTo(422);
        assertThat(motivi(risposta)).hasSize(2).anySatisfy(m -> assertThat(m).contains("16.000,00 €", "art. 7 co. 1 lett. c"))
                .anySatisfy(m -> assertThat(m).contains("handicap grave", "art. 8 co. 7 bis")
                        .doesNotContain("invalidità civile del"));
        assertThat(domandeDi(disabilitaGrave, richiedente)).isZero();
    }

    @Test
    void unNucleoConUnaPersonaConHandicapGraveEAmmessoESaPerche() {
        String richiedente = CodiceFiscale.conControllo("RSSGNN72C15L682");
        ClientHttp.Risposta risposta = presenta(disabilitaGrave, unaDomanda(richiedente, alloggio)
                .conComponente(CONIUGE, "CONIUGE", 80, false, true).json());

        assertThat(risposta.status()).as(risposta.body()).isEqualTo(201);
        long id = risposta.json().get("id").asLong();
        String testo = http.get("/api/domande/" + id + "/spiegazione?formato=testo", CAPOFILA).body();
        assertThat(testo).contains("Nota: La domanda è in un avviso riservato ai nuclei con una persona con handicap grave",
                "art. 3 co. 3 L. 104/1992", "l'invalidità civile da sola, anche al 100 % con accompagnamento, non basta",
                "riservati ai nuclei indigenti sono il 20 %", "arrotondato per eccesso", "art. 14 co. 1 bis");
    }

    @Test
    void negliAvvisiOrdinariLHandicapGraveNonERichiesto() {
        String richiedente = CodiceFiscale.conControllo("BNCLRA70A41L682");
        ClientHttp.Risposta risposta = presenta(ordinario, unaDomanda(richiedente, alloggio)
                .conComponente(CONIUGE, "CONIUGE", 100, true, false).json());

        assertThat(risposta.status()).as(risposta.body()).isEqualTo(201);
        String testo = http.get("/api/domande/" + risposta.json().get("id").asLong() + "/spiegazione?formato=testo", CAPOFILA)
                .body();
        assertThat(testo).doesNotContain("handicap grave riconosciuto", "art. 14 co. 1 bis");
    }
}
