package it.piattaformacasa.avviso.web;

import static it.piattaformacasa.DemoUtenti.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import it.piattaformacasa.ClientHttp;
import it.piattaformacasa.IntegrationTest;
import it.piattaformacasa.OrologioDiProva;
import it.piattaformacasa.ScenarioAvviso;
import it.piattaformacasa.SessioneConsole;
import it.piattaformacasa.anagrafe.AlloggioRepository;
import it.piattaformacasa.avviso.process.AvvisoBpmn;
import it.piattaformacasa.domanda.web.DomandaOnlineTest;
import it.piattaformacasa.operatori.OperatoriService;

/**
 * Issue 17: an avviso's window is its dates, not its timers' (late when the node that held the job died: another takes
 * it after the lock time). From the apertura people are shown it open before its timer runs, from the chiusura closed —
 * the console's list and its filter, the avviso's page, the API, the citizens' list and page — while what needs the
 * recorded chiusura (the graduatorie) waits for it, and the page says so.
 */
@IntegrationTest
class FinestraDellAvvisoTest {

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
    OperatoriService operatori;
    @Autowired
    java.util.List<it.piattaformacasa.anagrafe.VincoliSullAlloggio> vincoli;

    @AfterEach
    void ripristina() {
        OrologioDiProva.ripristina();
    }

    @Test
    void laFinestraSonoLeDateDellAvvisoAncheSeITimerNonSonoAncoraScattati() {
        ClientHttp http = new ClientHttp(port);
        ScenarioAvviso scenario = new ScenarioAvviso(http, runtimeService, managementService, alloggi);
        String titolo = "Finestra " + UUID.randomUUID().toString().substring(0, 8).replaceAll("\\d", "x");
        long alloggio = DomandaOnlineTest.nuovoAlloggio(jdbc, "FIN-" + System.nanoTime() % 100000, CF_COMUNE_VARESE, "012133",
                "Via della Finestra 1", 60);
        long avviso = scenario.conTitolo(titolo).inAttesaDiApertura("ORDINARIO", List.of(alloggi.findById(alloggio).orElseThrow()),
                List.of(CAPOFILA));
        Instant apertura = jdbc.queryForObject("select apertura from avviso where id = ?", java.sql.Timestamp.class, avviso).toInstant();
        Instant chiusura = jdbc.queryForObject("select chiusura from avviso where id = ?", java.sql.Timestamp.class, avviso).toInstant();
        SessioneConsole supervisore = SessioneConsole.di(http, SUPERVISORE);
        SessioneConsole capofila = SessioneConsole.di(http, CAPOFILA);
        SessioneConsole cittadino = SessioneConsole.diCittadino(http, DomandaOnlineTest.nuovoCittadino(operatori).getUsername());
        String filtro = "/avvisi?testo=" + titolo.replace(' ', '+');

        // a minute before the apertura: not yet open
        OrologioDiProva.fermaA(apertura.minus(1, ChronoUnit.MINUTES));
        assertThat(supervisore.get(filtro + "&stato=APERTO").body()).doesNotContain(">" + titolo + "<");
        assertThat(capofila.get("/avvisi/" + avviso).body()).doesNotContain("Nuova domanda allo sportello");
        assertThat(cittadino.get("/cittadino/avvisi/" + avviso).body()).contains("Questo avviso non è ancora aperto: apre il");

        // a minute after it, its timer not run (the tests' job executor is off): open to whoever looks
        OrologioDiProva.fermaA(apertura.plus(1, ChronoUnit.MINUTES));
        assertThat(jdbc.queryForObject("select stato from avviso where id = ?", String.class, avviso)).isEqualTo("IN_ATTESA_APERTURA");
        assertThat(supervisore.get(filtro + "&stato=APERTO").body()).contains(">" + titolo + "<");
        assertThat(http.get("/api/avvisi/" + avviso, CAPOFILA).json().get("stato").asText()).isEqualTo("APERTO");
        assertThat(capofila.get("/avvisi/" + avviso).body()).contains("Nuova domanda allo sportello");
        assertThat(cittadino.get("/cittadino/avvisi").body()).contains(titolo);
        assertThat(cittadino.get("/cittadino/avvisi/" + avviso).body()).contains("Compila la domanda");
        scenario.eseguiTimer(avviso, AvvisoBpmn.TIMER_APERTURA);

        // a minute before the chiusura: open everywhere
        OrologioDiProva.fermaA(chiusura.minus(1, ChronoUnit.MINUTES));
        assertThat(supervisore.get(filtro + "&stato=APERTO").body()).contains(">" + titolo + "<");
        assertThat(http.get("/api/avvisi/" + avviso, CAPOFILA).json().get("stato").asText()).isEqualTo("APERTO");
        assertThat(cittadino.get("/cittadino/avvisi").body()).contains(titolo);
        assertThat(capofila.get("/avvisi/" + avviso).body()).contains("Nuova domanda allo sportello")
                .doesNotContain("id=\"chiusura-da-registrare\"");

        // the chiusura has passed, its timer has not run: closed to whoever looks
        OrologioDiProva.fermaA(chiusura.plus(1, ChronoUnit.MINUTES));
        assertThat(jdbc.queryForObject("select stato from avviso where id = ?", String.class, avviso)).isEqualTo("APERTO");
        assertThat(supervisore.get(filtro + "&stato=APERTO").body()).doesNotContain(">" + titolo + "<")
                .contains("Nessun avviso corrisponde ai filtri.");
        String chiusi = supervisore.get(filtro + "&stato=CHIUSO").body();
        assertThat(chiusi).contains(">" + titolo + "<", "avvisi trovati: 1");
        assertThat(chiusi.substring(chiusi.indexOf(">" + titolo + "<"))).contains("Chiuso").doesNotContain(">Aperto<");
        com.fasterxml.jackson.databind.JsonNode api = http.get("/api/avvisi/" + avviso, CAPOFILA).json();
        assertThat(api.get("stato").asText()).isEqualTo("CHIUSO");
        assertThat(api.get("statoRegistrato").asText()).isEqualTo("APERTO");
        com.fasterxml.jackson.databind.JsonNode elenco = http.get("/api/avvisi?ambito=VARESE", CAPOFILA).json();
        assertThat(java.util.stream.StreamSupport.stream(elenco.spliterator(), false).filter(a -> a.get("id").asLong() == avviso)
                .map(a -> a.get("stato").asText()).toList()).containsExactly("CHIUSO");
        String pagina = capofila.get("/avvisi/" + avviso).body();
        assertThat(pagina).contains("id=\"chiusura-da-registrare\"", "il sistema sta registrando la chiusura")
                .doesNotContain("Nuova domanda allo sportello");
        // the graduatorie need the recorded chiusura: the supervisor's way to their generation appears only with it
        assertThat(supervisore.get("/avvisi/" + avviso).body()).doesNotContain("id=\"apri-generazioni\"");
        // the alloggio keeps its Anagrafe state until the chiusura is recorded, and the reason says the avviso is closed
        assertThat(vincoli.stream().map(v -> v.motivi(List.of(alloggio)).get(alloggio)).filter(java.util.Objects::nonNull))
                .containsExactly("è nell'avviso n. " + avviso + " «" + titolo + "», chiuso alle domande: lo stato cambierà "
                        + "quando il sistema avrà registrato la chiusura");
        assertThat(cittadino.get("/cittadino/avvisi").body()).doesNotContain(titolo);
        assertThat(cittadino.get("/cittadino/avvisi/" + avviso).body())
                .contains("Questo avviso è chiuso: le domande non si possono più presentare.").doesNotContain("Compila la domanda");

        // the timer runs: the same to people, and the generation's way opens
        scenario.eseguiTimer(avviso, AvvisoBpmn.TIMER_CHIUSURA);
        assertThat(jdbc.queryForObject("select stato from avviso where id = ?", String.class, avviso)).isEqualTo("CHIUSO");
        assertThat(supervisore.get(filtro + "&stato=CHIUSO").body()).contains(">" + titolo + "<");
        String registrata = supervisore.get("/avvisi/" + avviso).body();
        assertThat(registrata).contains("id=\"apri-generazioni\"").doesNotContain("id=\"chiusura-da-registrare\"");
        scenario.termina(avviso);
    }
}
