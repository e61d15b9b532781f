package it.piattaformacasa.bench;

import static it.piattaformacasa.DemoUtenti.ANALISTA;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import it.piattaformacasa.ClientHttp;
import it.piattaformacasa.IntegrationTest;
import it.piattaformacasa.graduatoria.SimulazioneRegole;
import it.piattaformacasa.regole.RepositoryRegole;

/**
 * What-if on an avviso of N domande (default 100k, 10 enti, 20 comuni): every domanda scored again under a draft ISBAR
 * version and ranked again in each of its graduatorie, differences counted. Run with {@code ./mvnw -Pbench verify}.
 * It measures; it asserts nothing about time.
 */
@IntegrationTest
class SimulazioneBenchmark {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SimulazioneRegole simulazione;
    @Autowired
    RepositoryRegole repository;

    @Test
    void simulazioneSuCentomilaDomande() throws Exception {
        int domande = Integer.getInteger("bench.domande", 100_000);
        long avviso = new GeneratoreAvvisoSintetico(jdbc).avvisoChiuso(domande);
        String isbar = repository.sorgente("isbar", repository.inVigoreIl(LocalDate.now(ZoneId.of("Europe/Rome"))).versione("isbar"));
        ClientHttp http = new ClientHttp(port);
        ClientHttp.Risposta bozza = http.invia(http.richiesta("/api/regole/isbar?motivo=Bozza&validoDal=2099-01-01", ANALISTA)
                .header("Content-Type", "application/xml").POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(
                        isbar.replace("<text>6.5</text>", "<text>7.5</text>").getBytes(StandardCharsets.UTF_8))).build());
        assertThat(bozza.status()).as(bozza.body()).isEqualTo(201);
        int versione = bozza.json().get("versione").asInt();

        simulazione.simula(avviso, "isbar", versione, 1000); // warm-up: JIT, the draft compiled once
        StringBuilder righe = new StringBuilder();
        double migliore = Double.MAX_VALUE;
        SimulazioneRegole.Esito esito = null;
        for (int giro = 1; giro <= 3; giro++) {
            long inizio = System.nanoTime();
            esito = simulazione.simula(avviso, "isbar", versione, 1000);
            double ms = (System.nanoTime() - inizio) / 1e6;
            migliore = Math.min(migliore, ms);
            righe.append(String.format(Locale.ROOT, "  giro %d: %.0f ms%n", giro, ms));
        }
        String risultato = String.format(Locale.ROOT, """
                Simulazione (what-if) di una bozza ISBAR su un avviso sintetico
                  domande: %d su %d core; punteggi cambiati: %d, posizioni cambiate: %d, entrano/escono dalla riserva: %d/%d
                %s  migliore: %.0f ms (%.0f domande/s)
                """, esito.domande(), Runtime.getRuntime().availableProcessors(), esito.punteggiCambiati(),
                esito.posizioniCambiate(), esito.entranoInRiserva(), esito.esconoDallaRiserva(), righe, migliore,
                esito.domande() / (migliore / 1000));
        System.out.println(risultato);
        Path file = Path.of("target", "bench", "simulazione.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, risultato);
    }
}
