package it.piattaformacasa.bench;

import static it.piattaformacasa.DemoUtenti.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import it.piattaformacasa.ClientHttp;
import it.piattaformacasa.DomandaDiProva;
import it.piattaformacasa.IntegrationTest;
import it.piattaformacasa.ScenarioAvviso;
import it.piattaformacasa.anagrafe.Alloggio;
import it.piattaformacasa.anagrafe.AlloggioRepository;
import it.piattaformacasa.anagrafe.StatoAlloggio;
import it.piattaformacasa.cittadino.CasellaDellaDemo;
import it.piattaformacasa.cittadino.CittadiniDiProva;
import it.piattaformacasa.cittadino.InvioNotifiche;
import it.piattaformacasa.operatori.OperatoriService;

/**
 * What the outbox's sender does per second (issue 16): {@value #NOTIFICHE} notices due at once, sent through SMTP to
 * the demo's own server (GreenMail) by {@code InvioNotifiche} in its claims of 50 rows. Run with
 * {@code ./mvnw -Pbench verify -Dtest=NotificheBenchmark}; figures in {@code target/bench/notifiche.txt}. It measures;
 * it asserts nothing about time.
 */
@IntegrationTest
class NotificheBenchmark {

    private static final int NOTIFICHE = 2_000;

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    OperatoriService operatori;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;
    @Autowired
    AlloggioRepository alloggi;
    @Autowired
    InvioNotifiche invio;
    @Autowired
    CasellaDellaDemo casella;

    @Test
    void invioDiDuemilaNotifiche() throws Exception {
        ClientHttp http = new ClientHttp(port);
        ScenarioAvviso scenario = new ScenarioAvviso(http, runtimeService, managementService, alloggi).conTitolo("Avviso del benchmark");
        List<Alloggio> diVarese = scenario.alloggiDi(CF_COMUNE_VARESE, StatoAlloggio.LIBERO, 1);
        long avviso = scenario.aperto(diVarese, List.of(CAPOFILA));
        CittadiniDiProva.Cittadino c = CittadiniDiProva.nuovo(operatori);
        CittadiniDiProva.confermato(jdbc, c);
        ClientHttp.Risposta r = http.post("/api/avvisi/" + avviso + "/domande", CAPOFILA, DomandaDiProva.json(c.codiceFiscale(),
                diVarese.get(0).getId()));
        long domanda = r.json().get("id").asLong();
        invio.inviaDovute();

        long inizio = System.nanoTime();
        List<Object[]> righe = new ArrayList<>();
        for (int i = 0; i < NOTIFICHE; i++) {
            righe.add(new Object[] {c.codiceFiscale(), domanda, "BENCH:" + domanda + ":" + i});
        }
        jdbc.batchUpdate("""
                insert into notifica (codice_fiscale, domanda_id, evento, chiave, oggetto, testo, creata_il, prossimo_tentativo_il)
                values (?, ?, 'BENCH', ?, 'Prova di carico', 'Gentile cittadina, gentile cittadino, questa è una prova.', now(), now())""",
                righe);
        long scritte = System.nanoTime() - inizio;

        inizio = System.nanoTime();
        int inviate = 0;
        int giro;
        while ((giro = invio.inviaDovute()) > 0) {
            inviate += giro;
        }
        long invioNs = System.nanoTime() - inizio;
        assertThat(inviate).isEqualTo(NOTIFICHE);
        assertThat(casella.messaggi().stream().filter(m -> m.a().contains(c.email())).count()).isGreaterThanOrEqualTo(NOTIFICHE);

        String risultato = String.format(Locale.ROOT, """
                Notifiche ai cittadini (issue 16): %d notices due at once
                  written to the outbox (one batch insert): %d ms
                  sent by InvioNotifiche to the embedded SMTP server (GreenMail): %d ms, %.0f messages/s
                """, NOTIFICHE, scritte / 1_000_000, invioNs / 1_000_000, NOTIFICHE / (invioNs / 1e9));
        Path file = Path.of("target", "bench", "notifiche.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, risultato, StandardCharsets.UTF_8);
        System.out.println(risultato);
    }
}
