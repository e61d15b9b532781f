package it.piattaformacasa.bench;

import static it.piattaformacasa.DemoUtenti.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import it.piattaformacasa.ClientHttp;
import it.piattaformacasa.DomandaDiProva;
import it.piattaformacasa.IntegrationTest;
import it.piattaformacasa.ScenarioAvviso;
import it.piattaformacasa.anagrafe.Alloggio;
import it.piattaformacasa.anagrafe.AlloggioRepository;
import it.piattaformacasa.anagrafe.StatoAlloggio;
import it.piattaformacasa.domanda.DomandaService;
import it.piattaformacasa.domanda.LettureDomanda;

/**
 * Issue 16, privacy: what recording an operator's read of a domanda costs. In the same run, interleaved: the read as
 * it was ({@link DomandaService#domanda}, its own read-only transaction) and the read with its record
 * ({@link DomandaService#domandaLetta}: the same read and one insert in {@code lettura_domanda}, one transaction);
 * then the whole {@code GET /api/domande/{id}} over HTTP (Basic, JSON), which records. Run with
 * {@code ./mvnw -Pbench verify -Dtest=LettureDomandaBenchmark}; figures in {@code target/bench/letture-domanda.txt}.
 */
@IntegrationTest
class LettureDomandaBenchmark {

    private static final int GIRI = Integer.getInteger("bench.letture", 2_000);

    @LocalServerPort
    int port;
    @Autowired
    DomandaService domande;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;
    @Autowired
    AlloggioRepository alloggi;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void laLetturaConLaSuaRegistrazione() throws Exception {
        ClientHttp http = new ClientHttp(port);
        ScenarioAvviso scenario = new ScenarioAvviso(http, runtimeService, managementService, alloggi).conTitolo("Avviso letture");
        Alloggio diMalnate = scenario.alloggiDi(CF_COMUNE_MALNATE, StatoAlloggio.LIBERO, 1).get(0);
        long avviso = scenario.aperto(List.of(diMalnate), List.of(MALNATE));
        ClientHttp.Risposta presentata = http.post("/api/avvisi/" + avviso + "/domande", CAPOFILA,
                DomandaDiProva.json(CF_CITTADINO_FERRARI, diMalnate.getId()));
        assertThat(presentata.status()).as(presentata.body()).isEqualTo(201);
        long id = presentata.json().get("id").asLong();

        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(SUPERVISORE, null,
                List.of(new SimpleGrantedAuthority("ROLE_SUPERVISORE"))));
        long[] senza = new long[GIRI];
        long[] con = new long[GIRI];
        try {
            for (int i = 0; i < 500; i++) { // warm-up, both paths
                domande.domanda(id);
                domande.domandaLetta(id, LettureDomanda.Dove.API_DOMANDA);
            }
            for (int i = 0; i < GIRI; i++) {
                long t0 = System.nanoTime();
                domande.domanda(id);
                long t1 = System.nanoTime();
                domande.domandaLetta(id, LettureDomanda.Dove.API_DOMANDA);
                long t2 = System.nanoTime();
                senza[i] = t1 - t0;
                con[i] = t2 - t1;
            }
        } finally {
            SecurityContextHolder.clearContext();
        }
        long[] viaHttp = new long[GIRI / 4];
        for (int i = 0; i < 100; i++) {
            http.get("/api/domande/" + id, MALNATE);
        }
        for (int i = 0; i < viaHttp.length; i++) {
            long t0 = System.nanoTime();
            assertThat(http.get("/api/domande/" + id, MALNATE).status()).isEqualTo(200);
            viaHttp[i] = System.nanoTime() - t0;
        }
        long righe = jdbc.queryForObject("select count(*) from lettura_domanda where domanda_id = ?", Long.class, id);
        String risultato = String.format(Locale.ROOT, """
                Letture di una domanda (issue 16): %d giri alternati nello stesso processo, dopo 500 di riscaldamento
                  lettura senza registrazione (DomandaService.domanda):         mediana %7.3f ms  p95 %7.3f ms
                  lettura con registrazione (DomandaService.domandaLetta):      mediana %7.3f ms  p95 %7.3f ms
                  costo della registrazione (differenza delle mediane):          %7.3f ms
                GET /api/domande/{id} via HTTP (Basic, registra), %d richieste:  mediana %7.3f ms  p95 %7.3f ms
                righe in lettura_domanda per la domanda: %d
                """, GIRI, ms(senza, 50), ms(senza, 95), ms(con, 50), ms(con, 95), ms(con, 50) - ms(senza, 50),
                viaHttp.length, ms(viaHttp, 50), ms(viaHttp, 95), righe);
        System.out.println(risultato);
        Files.createDirectories(Path.of("target", "bench"));
        Files.writeString(Path.of("target", "bench", "letture-domanda.txt"), risultato);
        assertThat(righe).isEqualTo(500 + GIRI + 100 + viaHttp.length);
    }

    private static double ms(long[] tempi, int percentile) {
        long[] ordinati = tempi.clone();
        Arrays.sort(ordinati);
        return ordinati[Math.min(ordinati.length - 1, ordinati.length * percentile / 100)] / 1e6;
    }
}
