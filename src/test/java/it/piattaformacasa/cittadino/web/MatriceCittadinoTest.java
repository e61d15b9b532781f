package it.piattaformacasa.cittadino.web;

import static it.piattaformacasa.DemoUtenti.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import it.piattaformacasa.ClientHttp;
import it.piattaformacasa.IntegrationTest;
import it.piattaformacasa.SessioneConsole;

/**
 * Issue 16: who may open which page of the citizens' side. Every page, tried by nobody (always sent to the login) and
 * by six callers: the citizen whose data it shows ({@code cittadino.colombo}), another citizen
 * ({@code cittadino.ferrari}, who must not learn even that the first's domanda exists: 404), an operator of the ente
 * ({@code capofila}), a supervisor, an administrator and the regional reader. {@code S} allowed (200, or a redirect
 * that is not to the login), {@code N} refused (403 or 404), {@code -} not tried. The last tests check that every
 * citizens' page has its row, and every form of theirs is named with the test that sends it.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MatriceCittadinoTest {

    @LocalServerPort
    int port;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappe;

    ClientHttp http;
    final Map<String, SessioneConsole> sessioni = new LinkedHashMap<>();
    /** Ids of what the rows open, by the name the rows use in braces. */
    final Map<String, String> id = new LinkedHashMap<>();

    /** One page: as the application declares it, the address tried, the six expectations. */
    record Riga(String pagina, String percorso, String attese) {
        @Override
        public String toString() {
            return pagina;
        }
    }

    @Autowired
    org.camunda.bpm.engine.RuntimeService runtimeService;
    @Autowired
    org.camunda.bpm.engine.ManagementService managementService;
    @Autowired
    it.piattaformacasa.anagrafe.AlloggioRepository alloggi;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @BeforeAll
    void dati() {
        http = new ClientHttp(port);
        // «follow the domanda»: a domanda of Chiara Colombo on an avviso of this test's own
        it.piattaformacasa.ScenarioAvviso scenario = new it.piattaformacasa.ScenarioAvviso(http, runtimeService, managementService,
                alloggi).conTitolo("Avviso matrice cittadino");
        var diMalnate = scenario.alloggiDi(CF_COMUNE_MALNATE, it.piattaformacasa.anagrafe.StatoAlloggio.LIBERO, 1).get(0);
        long avviso = scenario.aperto(List.of(diMalnate), List.of(MALNATE));
        ClientHttp.Risposta presentata = http.post("/api/avvisi/" + avviso + "/domande", CAPOFILA,
                it.piattaformacasa.DomandaDiProva.json(CF_CITTADINO_COLOMBO, diMalnate.getId()));
        assertThat(presentata.status()).as(presentata.body()).isEqualTo(201);
        id.put("domandaColombo", presentata.json().get("id").asText());
        // an open avviso of the matrix's own, and Chiara Colombo's domanda presented online in it
        long alloggio = it.piattaformacasa.domanda.web.DomandaOnlineTest.nuovoAlloggio(jdbc, "MCT-" + System.nanoTime() % 100000,
                CF_COMUNE_VARESE, "012133", "Via della Matrice 16", 60);
        long avvisoOnline = new it.piattaformacasa.ScenarioAvviso(http, runtimeService, managementService, alloggi)
                .conTitolo("SAP – Matrice dei cittadini").aperto(List.of(alloggi.findById(alloggio).orElseThrow()), List.of(CAPOFILA));
        id.put("avviso", Long.toString(avvisoOnline));
        SessioneConsole colombo = sessione(CITTADINO_COLOMBO);
        String base = "/cittadino/avvisi/" + avvisoOnline + "/domanda/";
        colombo.post(base + "1", Map.of("r.nome", "Chiara", "r.cognome", "Colombo", "r.dataNascita", "01/08/1985"));
        colombo.post(base + "2", Map.of());
        colombo.post(base + "3", Map.of("codiceIstatResidenza", "012133", "residenteLombardiaDal", "01/01/2000",
                "residenteComuneDal", "01/01/2005"));
        colombo.post(base + "4", Map.of("iseeValore", "8.000,00", "protocolloDsu", "INPS-ISEE-2026-MCT", "dataDsu", "20/01/2026",
                "patrimonio", "0"));
        colombo.post(base + "5", Map.of("condizioni", "coabitazione"));
        colombo.post(base + "6", Map.of("alloggi[0]", Long.toString(alloggio)));
        ClientHttp.Risposta online = colombo.post(base + "presenta", Map.of());
        String dove = online.raw().headers().firstValue("Location").orElseThrow();
        assertThat(dove).as(online.body()).matches(".*/cittadino/domande/\\d+/presentata$");
        id.put("domanda", dove.replaceAll(".*/domande/(\\d+)/presentata$", "$1"));
    }

    Stream<Riga> pagine() {
        return Stream.of(
                new Riga("GET /cittadino", "/cittadino", "SSNNNN"),
                new Riga("GET /cittadino/domande", "/cittadino/domande", "SSNNNN"),
                new Riga("GET /cittadino/domande/{id}", "/cittadino/domande/{domandaColombo}", "SNNNNN"),
                // «I miei dati»: always the caller's own, by the identity's codice fiscale, so each citizen opens theirs
                new Riga("GET /cittadino/dati", "/cittadino/dati", "SSNNNN"),
                new Riga("GET /cittadino/dati/esportazione", "/cittadino/dati/esportazione", "SSNNNN"),
                // the citizen's domanda online (DomandaOnlinePagine): the avvisi are for every citizen, each with their own
                // draft; the domanda and its ricevuta only for its richiedente
                new Riga("GET /cittadino/avvisi", "/cittadino/avvisi", "SSNNNN"),
                new Riga("GET /cittadino/avvisi/{avvisoId}", "/cittadino/avvisi/{avviso}", "SSNNNN"),
                new Riga("GET /cittadino/avvisi/{avvisoId}/domanda", "/cittadino/avvisi/{avviso}/domanda", "SSNNNN"),
                new Riga("GET /cittadino/avvisi/{avvisoId}/domanda/{passo}", "/cittadino/avvisi/{avviso}/domanda/3", "SSNNNN"),
                new Riga("GET /cittadino/domande/{domandaId}/presentata", "/cittadino/domande/{domanda}/presentata", "SNNNNN"),
                new Riga("GET /cittadino/domande/{domandaId}/ricevuta", "/cittadino/domande/{domanda}/ricevuta", "SNNNNN"));
    }

    /**
     * Form submissions (POST) are tried by the tests that drive their page, which say who may send them (the citizen
     * alone, on their own domanda); listed here with the test that does, so that none is forgotten.
     */
    static final Map<String, String> AZIONI_PROVATE_ALTROVE = Map.ofEntries(
            Map.entry("POST /cittadino/domande/{id}/rettifica", "SeguireLaDomandaTest"),
            Map.entry("POST /cittadino/domande/{id}/proposte/{assegnazioneId}/risposta", "SeguireLaDomandaTest"),
            Map.entry("POST /cittadino/dati/email", "cittadino.NotificheCittadinoTest, cittadino.web.DatiCittadinoNelBrowserTest"),
            Map.entry("POST /cittadino/dati/email/conferma", "cittadino.NotificheCittadinoTest, cittadino.web.DatiCittadinoNelBrowserTest"),
            Map.entry("POST /cittadino/dati/email/rimuovi", "cittadino.web.DatiCittadinoTest"),
            Map.entry("POST /cittadino/avvisi/{avvisoId}/domanda/{passo}",
                    "DomandaOnlineTest#ogniPassoRispondeConIMessaggiDellApiEIlCodiceFiscaleNonEUnCampo"),
            Map.entry("POST /cittadino/avvisi/{avvisoId}/domanda/presenta",
                    "DomandaOnlineTest#ilCittadinoPresentaLaDomandaConIlSuoCodiceFiscaleEScaricaLaRicevuta"),
            Map.entry("POST /cittadino/avvisi/{avvisoId}/domanda/annulla",
                    "DomandaOnlineTest#laBozzaRestaTraUnaSessioneELAltraELaVerificaDiceIMotivi"));

    @ParameterizedTest(name = "{0}")
    @MethodSource("pagine")
    void ogniPersonaVedeCioCheLeSpetta(Riga riga) {
        String percorso = sostituisci(riga.percorso());
        ClientHttp.Risposta anonima = SessioneConsole.anonima(http).get(percorso);
        assertThat(anonima.status()).as("senza accesso").isEqualTo(302);
        assertThat(anonima.raw().headers().firstValue("Location")).as("senza accesso")
                .hasValueSatisfying(l -> assertThat(l).endsWith("/oauth2/authorization/piattaforma"));
        List<String> utenti = List.of(CITTADINO_COLOMBO, CITTADINO_FERRARI, CAPOFILA, SUPERVISORE, ADMIN, LETTORE_REGIONE);
        List<String> errori = new ArrayList<>();
        for (int i = 0; i < utenti.size(); i++) {
            char attesa = riga.attese().charAt(i);
            if (attesa == '-') {
                continue;
            }
            ClientHttp.Risposta risposta = sessione(utenti.get(i)).get(percorso);
            boolean rifiutata = risposta.status() == 403 || risposta.status() == 404;
            boolean versoLAccesso = risposta.raw().headers().firstValue("Location")
                    .map(l -> l.endsWith("/accesso") || l.endsWith("/oauth2/authorization/piattaforma")).orElse(false);
            boolean come = attesa == 'N' ? rifiutata : !rifiutata && !versoLAccesso && risposta.status() < 400;
            if (!come || risposta.status() >= 500) {
                errori.add(utenti.get(i) + ": " + risposta.status());
            }
        }
        assertThat(errori).as(riga.pagina() + " " + percorso).isEmpty();
    }

    /** Every page under /cittadino has its row, and every form its test. */
    @Test
    void ogniPaginaDeiCittadiniHaLaSuaRiga() {
        Set<String> dichiarate = new TreeSet<>();
        for (RequestMappingInfo info : mappe.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
                if (pattern.startsWith("/cittadino")) {
                    info.getMethodsCondition().getMethods().forEach(m -> dichiarate.add(m.name() + " " + pattern));
                }
            }
        }
        Set<String> coperte = new TreeSet<>();
        pagine().forEach(r -> coperte.add(r.pagina()));
        coperte.addAll(AZIONI_PROVATE_ALTROVE.keySet());
        coperte.remove("-");
        assertThat(coperte).containsAll(dichiarate);
        assertThat(dichiarate).as("rows name real pages").containsAll(coperte);
    }

    private SessioneConsole sessione(String utente) {
        return sessioni.computeIfAbsent(utente, u -> u.startsWith("cittadino.")
                ? SessioneConsole.diCittadino(http, u) : SessioneConsole.di(http, u));
    }

    private String sostituisci(String percorso) {
        String risultato = percorso;
        for (Map.Entry<String, String> e : id.entrySet()) {
            risultato = risultato.replace("{" + e.getKey() + "}", e.getValue());
        }
        return risultato;
    }
}
