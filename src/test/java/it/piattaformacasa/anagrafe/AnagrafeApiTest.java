package it.piattaformacasa.anagrafe;

import static it.piattaformacasa.DemoUtenti.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import it.piattaformacasa.ClientHttp;
import it.piattaformacasa.IntegrationTest;
import it.piattaformacasa.common.CodiceFiscale;

@IntegrationTest
class AnagrafeApiTest {

    @LocalServerPort
    int port;
    @Autowired
    EnteProprietarioRepository enti;
    @Autowired
    AlloggioRepository alloggi;
    ClientHttp http;

    @BeforeEach
    void client() {
        http = new ClientHttp(port);
    }

    @Test
    void lAmbitoDemoDiVareseEVisibileConCapofilaComuniEdEnti() {
        ClientHttp.Risposta risposta = http.get("/api/ambiti/VARESE", VARESE_ISTRUTTORIA);
        assertThat(risposta.status()).isEqualTo(200);
        JsonNode ambito = risposta.json();
        assertThat(ambito.get("comuneCapofila").get("nome").asText()).isEqualTo("Varese");
        assertThat(ambito.get("comuni").size()).isGreaterThanOrEqualTo(4);
        assertThat(ambito.get("enti").findValuesAsText("ragioneSociale"))
                .contains("Comune di Varese", "ALER Varese - Como - Monza Brianza - Busto Arsizio");
        assertThat(ambito.get("enti").findValuesAsText("capofila")).contains("true");
    }

    @Test
    void unAmbitoInesistenteRestituisce404() {
        assertThat(http.get("/api/ambiti/NESSUNO", CAPOFILA).status()).isEqualTo(404);
    }

    @Test
    void lOperatoreVedeSoloGliAlloggiDelProprioEnte() {
        JsonNode pagina = http.get("/api/alloggi?dimensione=200", CAPOFILA).json();
        assertThat(pagina.get("totale").asLong()).isEqualTo(alloggi.countByEnteIdAndRitiratoIlIsNull(enteId(CF_COMUNE_VARESE)));
        assertThat(entiIn(pagina)).containsExactly("Comune di Varese");
    }

    @Test
    void ilSupervisoreVedeGliAlloggiDiTuttiGliEnti() {
        JsonNode pagina = http.get("/api/alloggi?dimensione=200", SUPERVISORE).json();
        // retired units (issue 13) stay in the table but leave the lists
        assertThat(pagina.get("totale").asLong()).isEqualTo(alloggi.count() - alloggi.findAll().stream().filter(Alloggio::isRitirato).count());
        assertThat(entiIn(pagina)).hasSize(3);
    }

    @Test
    void gliAlloggiSiFiltranoPerComuneEStato() {
        JsonNode pagina = http.get("/api/alloggi?comune=012073&stato=LIBERO", ALER_AVVISO).json();
        assertThat(pagina.get("totale").asLong()).isEqualTo(1);
        assertThat(pagina.get("elementi").get(0).get("comune").asText()).isEqualTo("Gazzada Schianno");
    }

    @Test
    void unAlloggioDiUnAltroEnteRisultaInesistente() {
        long diAler = alloggi.findAll().stream().filter(a -> a.getEnte().getId() == enteId(CF_ALER)).findFirst().orElseThrow().getId();
        assertThat(http.get("/api/alloggi/" + diAler, CAPOFILA).status()).isEqualTo(404);
        assertThat(http.get("/api/alloggi/" + diAler, ALER_ISTRUTTORIA).status()).isEqualTo(200);
    }

    @Test
    void unoStatoNonValidoRestituisce400ConIlCampo() {
        ClientHttp.Risposta risposta = http.get("/api/alloggi?stato=DEMOLITO", CAPOFILA);
        assertThat(risposta.status()).isEqualTo(400);
        assertThat(risposta.json().get("errori").get(0).get("campo").asText()).isEqualTo("stato");
    }

    @Test
    void ilRiepilogoDellEnteContaGliAlloggiPerStato() {
        JsonNode riepilogo = http.get("/api/enti/" + enteId(CF_ALER) + "/riepilogo", ALER_AVVISO).json();
        assertThat(riepilogo.get("numeroAlloggi").asLong()).isEqualTo(20);
        assertThat(riepilogo.get("alloggiPerStato").get("OCCUPATO_SENZA_TITOLO").asLong()).isEqualTo(1);
        assertThat(http.get("/api/enti/" + enteId(CF_ALER) + "/riepilogo", CAPOFILA).status()).isEqualTo(404);
    }

    private long enteId(String cf) {
        return enti.findByCodiceFiscale(CodiceFiscale.of(cf)).orElseThrow().getId();
    }

    private static Set<String> entiIn(JsonNode pagina) {
        Set<String> nomi = new HashSet<>();
        pagina.get("elementi").forEach(a -> nomi.add(a.get("ente").asText()));
        return nomi;
    }
}
