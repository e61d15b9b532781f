package it.piattaformacasa.demo.web;

import static it.piattaformacasa.DemoUtenti.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import it.piattaformacasa.ClientHttp;
import it.piattaformacasa.IntegrationTest;
import it.piattaformacasa.OrologioDiProva;
import it.piattaformacasa.ScenarioAvviso;
import it.piattaformacasa.anagrafe.AlloggioRepository;
import it.piattaformacasa.avviso.process.AvvisoBpmn;
import it.piattaformacasa.common.Termini;
import it.piattaformacasa.common.sicurezza.UtenteCorrente;
import it.piattaformacasa.common.web.ApiExceptionHandler;
import it.piattaformacasa.demo.OrologioDemoProcesso;
import it.piattaformacasa.demo.OrologioDemoService;

/**
 * Issue 11, the demo clock, in the suite's shared context: the platform's «today», the engine's clock and the due dates
 * of timers and tasks move together; only administrators move it, only forward, within bounds; nothing moves with an
 * external database; the offset is read back from its table at start. The suite's job executor is off, so here a due
 * timer is shown due and run by name; {@code OrologioDemoRiavvioTest} watches the real job executor fire it, and a
 * real restart. Every test leaves the platform on real time.
 */
@IntegrationTest
class OrologioDemoTest {

    private static final ZoneId ROMA = ZoneId.of("Europe/Rome");
    private static final String API = "/api/demo/orologio";
    private static final String PAGINA = "/demo/orologio";

    @LocalServerPort
    int port;
    @Autowired
    Clock clock;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    OrologioDemoService orologio;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;
    @Autowired
    AlloggioRepository alloggi;
    @Autowired
    IdentityService identityService;

    ClientHttp http;

    @BeforeEach
    void client() {
        http = new ClientHttp(port);
        assertThat(scostamentoInTabella()).as("un altro test ha lasciato l'orologio spostato").isZero();
    }

    /** The suite shares one clock: whatever happened, the next test starts on real time. */
    @AfterEach
    void oraReale() {
        jdbc.update("delete from orologio_demo");
        OrologioDiProva.ripristina();
    }

    @Test
    void avanzareDiGiorniSpostaLOggiDellaPiattaformaIlMotoreEITerminiDelleAttivita() {
        ScenarioAvviso scenario = new ScenarioAvviso(http, runtimeService, managementService, alloggi);
        long avviso = scenario.predisposto();
        String istanza = runtimeService.createProcessInstanceQuery().processDefinitionKey(AvvisoBpmn.PROCESS_ID)
                .processInstanceBusinessKey(Long.toString(avviso)).singleResult().getId();
        assertThat(timerScaduti(istanza)).as("prima del salto la selezione degli alloggi è aperta").isZero();
        assertThat(attivitaScadute(avviso)).isEmpty();

        JsonNode prima = http.get(API, ADMIN).json();
        assertThat(prima.get("scostamentoSecondi").asLong()).isZero();
        assertThat(prima.get("scostamentoLeggibile").asText()).isEqualTo("ora reale");
        assertThat(prima.get("modificabile").asBoolean()).isTrue();

        Instant reale = Instant.now();
        ClientHttp.Risposta risposta = http.post(API + "/avanza", ADMIN, "{\"giorni\":10}");
        assertThat(risposta.status()).as(risposta.body()).isEqualTo(200);
        JsonNode dopo = risposta.json();

        // «today» of the application, the engine's clock and the API agree: ten calendar days ahead in Rome
        LocalDate atteso = reale.atZone(ROMA).plusDays(10).toLocalDate();
        assertThat(Termini.oggi(clock)).isEqualTo(atteso);
        assertThat(LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), ROMA)).isEqualTo(atteso);
        assertThat(Duration.ofSeconds(dopo.get("scostamentoSecondi").asLong())).isBetween(Duration.ofDays(10).minusHours(1),
                Duration.ofDays(10).plusHours(1));
        assertThat(dopo.get("oraLeggibile").asText()).matches("\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}")
                .startsWith(String.format("%02d/%02d/%d", atteso.getDayOfMonth(), atteso.getMonthValue(), atteso.getYear()));
        OffsetDateTime ora = OffsetDateTime.parse(dopo.get("ora").asText());
        assertThat(ora.getOffset()).as("ora di Roma").isEqualTo(ROMA.getRules().getOffset(ora.toInstant()));

        // the selection's deadline timer is due for the engine, and its task is overdue in the supervisors' list
        assertThat(timerScaduti(istanza)).isEqualTo(1);
        assertThat(attivitaScadute(avviso)).isNotEmpty().allSatisfy(s -> assertThat(s.get("scaduta").asBoolean()).isTrue());
        scenario.eseguiTimer(avviso, AvvisoBpmn.TIMER_FINE_SELEZIONE);
        // the engine's state: the one people see is already APERTO, the apertura's date being past
        assertThat(http.get("/api/avvisi/" + avviso, CAPOFILA).json().get("statoRegistrato").asText())
                .as("la fine della selezione porta all'apertura, già scaduta anch'essa").isEqualTo("IN_ATTESA_APERTURA");
        assertThat(managementService.createJobQuery().processInstanceId(istanza).activityId(AvvisoBpmn.TIMER_APERTURA)
                .executable().count()).isEqualTo(1);

        // audited: who, when, from and to
        JsonNode voce = dopo.get("spostamenti").get(0);
        assertThat(voce.get("operazione").asText()).isEqualTo("AVANZA");
        assertThat(voce.get("richiesta").asText()).isEqualTo("+10 giorni");
        assertThat(voce.get("eseguitaDa").asText()).isEqualTo(ADMIN);
        assertThat(Duration.between(reale, OffsetDateTime.parse(voce.get("eseguitaIl").asText()).toInstant()).abs())
                .as("eseguita all'ora reale").isLessThan(Duration.ofMinutes(1));
        assertThat(Duration.between(OffsetDateTime.parse(voce.get("oraPrima").asText()), OffsetDateTime.parse(voce.get("oraDopo").asText())))
                .isBetween(Duration.ofHours(239), Duration.ofHours(241));
        assertThat(jdbc.queryForObject("select count(*) from orologio_demo_registro where eseguita_da = 'admin' and operazione = 'AVANZA' "
                + "and ora_dopo - ora_prima between interval '239 hours' and interval '241 hours'", Long.class)).isPositive();
    }

    @Test
    void leOreSiSommanoETornareAllOraRealeAzzeraLoScostamento() {
        assertThat(http.post(API + "/avanza", ADMIN, "{\"ore\":1}").status()).isEqualTo(200);
        JsonNode dopo = http.post(API + "/avanza", ADMIN, "{\"ore\":2}").json();
        assertThat(dopo.get("scostamentoSecondi").asLong()).isEqualTo(3 * 3600);
        assertThat(dopo.get("scostamento").asText()).isEqualTo("PT3H");
        assertThat(dopo.get("scostamentoLeggibile").asText()).isEqualTo("avanti di 3 ore");
        assertThat(Duration.between(Instant.now(), clock.instant())).isBetween(Duration.ofMinutes(179), Duration.ofMinutes(181));

        JsonNode reale = http.post(API + "/ripristina", ADMIN, "").json();
        assertThat(reale.get("scostamentoSecondi").asLong()).isZero();
        assertThat(Duration.between(Instant.now(), clock.instant()).abs()).isLessThan(Duration.ofSeconds(5));
        assertThat(scostamentoInTabella()).isZero();
        JsonNode voce = reale.get("spostamenti").get(0);
        assertThat(voce.get("operazione").asText()).isEqualTo("RIPRISTINA");
        assertThat(voce.get("eseguitaDa").asText()).isEqualTo(ADMIN);
        assertThat(voce.get("descrizione").asText()).startsWith("ritorno all'ora reale: da ");
    }

    /** A wrong password attempt made in the simulated future must not lock the user for the whole jump once back. */
    @Test
    void tornandoAllOraRealeLaPausaDopoUnaPasswordErrataNonDuraQuantoIlSalto() {
        http.post(API + "/avanza", ADMIN, "{\"giorni\":30}");
        String utente = utenteDaBloccare(identityService);
        assertThat(http.getConPassword(API, utente, "sbagliata").status()).isEqualTo(401);
        Instant blocco = jdbc.queryForObject("select LOCK_EXP_TIME_ from ACT_ID_USER where ID_ = ?", java.sql.Timestamp.class, utente)
                .toInstant();
        assertThat(blocco).isAfter(Instant.now().plus(Duration.ofDays(29)));

        http.post(API + "/ripristina", ADMIN, "");
        Instant dopo = jdbc.queryForObject("select LOCK_EXP_TIME_ from ACT_ID_USER where ID_ = ?", java.sql.Timestamp.class, utente)
                .toInstant();
        assertThat(dopo).isBefore(Instant.now().plus(Duration.ofMinutes(2)));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"ore\":0}|ore|almeno 1",
            "{\"giorni\":0}|giorni|almeno 1",
            "{\"giorni\":-1}|giorni|va solo avanti",
            "{\"ore\":-24}|ore|va solo avanti",
            "{\"ore\":169}|ore|al massimo 168 ore",
            "{\"giorni\":366}|giorni|al massimo 365 giorni",
            "{\"giorni\":2147483647}|giorni|al massimo 365 giorni",
            "{\"giorni\":99999999999999}|giorni|",
            "{\"giorni\":1.5}|giorni|",
            "{}|ore|indicare di quante ore",
            "{\"ore\":1,\"giorni\":1}|giorni|non entrambi",
            "{\"ore\":null,\"giorni\":null}|giorni|indicare di quante ore"})
    void unaQuantitaNonValidaERifiutataConIlCampoELOrologioNonSiMuove(String corpo, String campo, String parola) {
        Instant prima = clock.instant();
        ClientHttp.Risposta risposta = http.post(API + "/avanza", ADMIN, corpo);
        assertThat(risposta.status()).as(risposta.body()).isEqualTo(400);
        List<String> campi = new ArrayList<>();
        risposta.json().get("errori").forEach(e -> campi.add(e.get("campo").asText()));
        assertThat(campi).contains(campo);
        risposta.json().get("errori").forEach(e -> assertThat(e.get("messaggio").asText()).isNotBlank()
                .doesNotContainIgnoringCase("must").doesNotContain("java."));
        if (parola != null && !parola.isBlank()) {
            assertThat(risposta.body()).contains(parola);
        }
        assertThat(scostamentoInTabella()).isZero();
        assertThat(Duration.between(prima, clock.instant())).isLessThan(Duration.ofMinutes(1));
    }

    @Test
    void oltreCinqueAnniDallOraRealeLOrologioNonVa() {
        jdbc.update("insert into orologio_demo (id, scostamento_secondi, aggiornato_da) values (1, ?, 'prova')",
                Duration.ofDays(OrologioDemoService.MASSIMO_GIORNI_AVANTI).minusHours(1).toSeconds());
        ClientHttp.Risposta troppo = http.post(API + "/avanza", ADMIN, "{\"ore\":2}");
        assertThat(troppo.status()).as(troppo.body()).isEqualTo(400);
        assertThat(troppo.json().get("errori").get(0).get("campo").asText()).isEqualTo("ore");
        assertThat(troppo.json().get("errori").get(0).get("messaggio").asText()).contains("5 anni").endsWith("ancora di 1 ora");
        assertThat(http.post(API + "/avanza", ADMIN, "{\"ore\":1}").status()).isEqualTo(200);
        assertThat(scostamentoInTabella()).isEqualTo(Duration.ofDays(OrologioDemoService.MASSIMO_GIORNI_AVANTI));
    }

    @Test
    void soloGliAmministratoriVedonoESpostanoLOrologio() {
        for (String utente : List.of(CAPOFILA, SUPERVISORE, ANALISTA, MALNATE)) {
            assertThat(http.get(API, utente).status()).as(utente).isEqualTo(403);
            assertThat(http.post(API + "/avanza", utente, "{\"giorni\":1}").status()).as(utente).isEqualTo(403);
            assertThat(http.post(API + "/ripristina", utente, "").status()).as(utente).isEqualTo(403);
            ClientHttp.Risposta pagina = http.invia(perBrowser(PAGINA, utente).GET().build());
            assertThat(pagina.status()).as(utente).isEqualTo(403);
            assertThat(pagina.body()).contains("lang=\"it\"").contains("non ha i permessi");
            assertThat(modulo(PAGINA + "/avanza", utente, "giorni=1").status()).as(utente).isEqualTo(403);
        }
        assertThat(http.get(API).status()).isEqualTo(401);
        assertThat(http.invia(HttpRequest.newBuilder(http.uri(PAGINA)).header("Accept", "text/html").GET().build()).raw()
                .headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
        assertThat(scostamentoInTabella()).isZero();
    }

    /** With an external database (spring.datasource.url set) the platform keeps real time: 409 with the reason. */
    @Test
    void conUnDatabaseEsternoLOrologioNonSiSposta() throws Exception {
        List<String> chiamate = new ArrayList<>();
        OrologioDemoProcesso motore = new OrologioDemoProcesso() {
            @Override
            public void spostaScadenzeBrevi(Instant prima, Instant dopo) {
                chiamate.add("scadenze");
            }

            @Override
            public void imposta(Duration scostamento) {
                chiamate.add("imposta " + scostamento);
            }
        };
        OrologioDemoService esterno = new OrologioDemoService(new MockEnvironment()
                .withProperty("spring.datasource.url", "jdbc:postgresql://db.esempio.it:5432/piattaforma_casa"), jdbc, tx, clock, motore);
        MockMvc mvc = MockMvcBuilders.standaloneSetup(new OrologioDemoController(esterno, amministratore()))
                .setControllerAdvice(new ApiExceptionHandler()).build();

        for (var richiesta : List.of(post(API + "/avanza").contentType(MediaType.APPLICATION_JSON).content("{\"giorni\":5}"),
                post(API + "/ripristina"))) {
            mvc.perform(richiesta)
                    .andExpect(status().isConflict())
                    .andExpect(jsonPath("$.title").value("Operazione non possibile"))
                    .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("database esterno")))
                    .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("ora reale")));
        }
        mvc.perform(get(API)).andExpect(status().isOk())
                .andExpect(jsonPath("$.modificabile").value(false))
                .andExpect(jsonPath("$.motivo").value(org.hamcrest.Matchers.containsString("database esterno")));
        // a row left in the table (a data folder moved to an external server) is not applied at start either
        jdbc.update("insert into orologio_demo (id, scostamento_secondi, aggiornato_da) values (1, 86400, 'prova')");
        esterno.afterSingletonsInstantiated();

        assertThat(chiamate).isEmpty();
        assertThat(Duration.between(Instant.now(), clock.instant()).abs()).isLessThan(Duration.ofSeconds(5));
    }

    /** What a restart does: the offset is read back from its table and applied before the job executor starts. */
    @Test
    void allAvvioLoScostamentoRegistratoVieneRiapplicato() {
        jdbc.update("insert into orologio_demo (id, scostamento_secondi, aggiornato_da) values (1, ?, 'prova')",
                Duration.ofDays(2).plusHours(3).toSeconds());
        orologio.afterSingletonsInstantiated();
        assertThat(Duration.between(Instant.now(), clock.instant())).isBetween(Duration.ofHours(50).plusMinutes(59),
                Duration.ofHours(51).plusMinutes(1));
        assertThat(http.get(API, ADMIN).json().get("scostamentoLeggibile").asText()).isEqualTo("avanti di 2 giorni e 3 ore");
    }

    @Test
    void laPaginaMostraLOraDellaPiattaformaESpostaLOrologio() {
        ClientHttp.Risposta pagina = html(PAGINA);
        assertThat(pagina.status()).isEqualTo(200);
        assertThat(pagina.raw().headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
        assertThat(pagina.body()).contains("<html lang=\"it\">", "<h1>Orologio della demo</h1>", "+1 ora", "+1 giorno", "+5 giorni",
                "+15 giorni", "Torna all'ora reale", "<label for=\"quantita\">Quantità</label>", "la piattaforma segue l'ora reale")
                .containsPattern("Per la piattaforma sono le <strong><time datetime=\"[^\"]+\">\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}</time>");

        ClientHttp.Risposta fatto = modulo(PAGINA + "/avanza", ADMIN, "giorni=5");
        assertThat(fatto.status()).as(fatto.body()).isEqualTo(303);
        assertThat(fatto.raw().headers().firstValue("Location")).hasValue("/demo/orologio?esito=fatto");
        assertThat(Termini.oggi(clock)).isEqualTo(LocalDate.now(ROMA).plusDays(5));
        assertThat(html(PAGINA + "?esito=fatto").body()).contains("role=\"status\"", "Fatto: +5 giorni", "avanti di ");

        assertThat(modulo(PAGINA + "/avanza", ADMIN, "quantita=36&unita=ore").status()).isEqualTo(303);
        assertThat(Duration.between(Instant.now(), clock.instant())).isGreaterThan(Duration.ofDays(6).plusHours(11));

        assertThat(modulo(PAGINA + "/ripristina", ADMIN, "").status()).isEqualTo(303);
        assertThat(scostamentoInTabella()).isZero();
        assertThat(html(PAGINA).body()).contains("la piattaforma segue l'ora reale", "Ultimi spostamenti", "ritorno all&#39;ora reale", ">admin<");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "quantita=0&unita=giorni|Deve essere almeno 1",
            "quantita=-3&unita=ore|va solo avanti",
            "quantita=&unita=giorni|Indicare di quante ore",
            "quantita=tre&unita=giorni|numero intero",
            "quantita=200&unita=ore|Al massimo 168 ore",
            "quantita=400&unita=giorni|Al massimo 365 giorni"})
    void nellaPaginaLErroreStaAccantoAlCampo(String corpo, String messaggio) {
        ClientHttp.Risposta risposta = modulo(PAGINA + "/avanza", ADMIN, corpo);
        assertThat(risposta.status()).isEqualTo(400);
        assertThat(risposta.body())
                .contains("<title>Errore: Orologio della demo")
                .contains("<div class=\"riepilogo\" role=\"alert\"")
                .containsPattern("<a href=\"#quantita\">[^<]*" + java.util.regex.Pattern.quote(messaggio))
                .containsPattern("<p id=\"quantita-errore\" class=\"messaggio-errore\"><span class=\"nascosto\">Errore: </span>"
                        + "[^<]*" + java.util.regex.Pattern.quote(messaggio))
                .contains("aria-describedby=\"quantita-aiuto quantita-errore\" aria-invalid=\"true\"");
        assertThat(scostamentoInTabella()).isZero();
    }

    @Test
    void unaPaginaDiUnAltroSitoNonSpostaLOrologio() {
        HttpRequest richiesta = perBrowser(PAGINA + "/avanza", ADMIN).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", "https://altro.example").POST(HttpRequest.BodyPublishers.ofString("giorni=15")).build();
        ClientHttp.Risposta risposta = http.invia(richiesta);
        assertThat(risposta.status()).isEqualTo(403);
        assertThat(risposta.body()).contains("Richiesta da un altro sito");
        assertThat(scostamentoInTabella()).isZero();
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private ClientHttp.Risposta html(String percorso) {
        return http.invia(perBrowser(percorso, ADMIN).GET().build());
    }

    /** A form posted by the page itself, as a browser sends it (same origin, cached HTTP Basic credentials). */
    private ClientHttp.Risposta modulo(String percorso, String utente, String corpo) {
        return http.invia(perBrowser(percorso, utente).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", "http://localhost:" + port).POST(HttpRequest.BodyPublishers.ofString(corpo)).build());
    }

    private HttpRequest.Builder perBrowser(String percorso, String utente) {
        return HttpRequest.newBuilder(http.uri(percorso)).header("Accept", "text/html,application/xhtml+xml")
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString((utente + ":" + PASSWORD)
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    private Duration scostamentoInTabella() {
        return jdbc.queryForList("select scostamento_secondi from orologio_demo", Long.class).stream().findFirst()
                .map(Duration::ofSeconds).orElse(Duration.ZERO);
    }

    private long timerScaduti(String istanza) {
        return managementService.createJobQuery().processInstanceId(istanza).activityId(AvvisoBpmn.TIMER_FINE_SELEZIONE)
                .executable().count();
    }

    private List<JsonNode> attivitaScadute(long avviso) {
        List<JsonNode> trovate = new ArrayList<>();
        // the list comes in pages (issue 17): read them all
        for (int pagina = 0; ; pagina++) {
            JsonNode elementi = http.get("/api/scadenze?giorni=0&dimensione=200&pagina=" + pagina, SUPERVISORE).json().get("elementi");
            if (elementi.isEmpty()) {
                break;
            }
            elementi.forEach(s -> {
                if ("ATTIVITA".equals(s.get("tipo").asText()) && Long.toString(avviso).equals(s.get("businessKey").asText())
                        && s.get("scaduta").asBoolean()) {
                    trovate.add(s);
                }
            });
        }
        return trovate;
    }

    private static UtenteCorrente amministratore() {
        return new UtenteCorrente() {
            @Override
            public String username() {
                return ADMIN;
            }

            @Override
            public boolean vedeTuttiGliEnti() {
                return true;
            }

            @Override
            public boolean vedeAnagrafeDiTuttiGliEnti() {
                return true;
            }

            @Override
            public Set<Long> entiAbilitati() {
                return Set.of();
            }

            @Override
            public Set<Long> entiGestioneAvviso() {
                return Set.of();
            }

            @Override
            public Set<Long> entiIstruttoria() {
                return Set.of();
            }
        };
    }
}
