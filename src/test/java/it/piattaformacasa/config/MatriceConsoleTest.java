package it.piattaformacasa.config;

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
 * Issue 12: who may open which page of the console. Every page, tried by nobody (always sent to the login) and by
 * the five kinds of caller of {@link MatriceAutorizzazioniTest}: an operator of the ente that owns the case, an
 * operator of another ente ({@code malnate}), an analyst, a supervisor, an administrator. {@code S} allowed (200, or a
 * redirect that is not to the login), {@code N} refused (403, or 404 where the page does not reveal what exists),
 * {@code -} not tried. The pages call the API's services, so these are the API's rules seen from the browser; the
 * last test checks that every page of the application has its row.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MatriceConsoleTest {

    @LocalServerPort
    int port;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappe;

    ClientHttp http;
    final Map<String, SessioneConsole> sessioni = new LinkedHashMap<>();
    /** Ids of the cases the rows open, by the name the rows use in braces. */
    final Map<String, String> id = new LinkedHashMap<>();

    /** One page: as the application declares it (for the coverage check), the address tried, who owns it, the five expectations. */
    record Riga(String pagina, String percorso, String proprietario, String attese) {
        @Override
        public String toString() {
            return pagina;
        }
    }

    @BeforeAll
    void dati() {
        http = new ClientHttp(port);
    }

    Stream<Riga> pagine() {
        return Stream.of(
                new Riga("GET /", "/", CAPOFILA, "SSSSS"),
                new Riga("GET /accesso", "/accesso", CAPOFILA, "SSSSS"),
                // ---- Scadenze: every operator sees its enti's deadlines (malnate too), analysts none, like /api/scadenze
                new Riga("GET /scadenze", "/scadenze", CAPOFILA, "SSNSS"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pagine")
    void ogniPersonaVedeCioCheLeSpetta(Riga riga) {
        String percorso = sostituisci(riga.percorso());
        if (!riga.pagina().equals("GET /accesso")) {
            ClientHttp.Risposta anonima = SessioneConsole.anonima(http).get(percorso);
            assertThat(anonima.status()).as("senza accesso").isEqualTo(302);
            assertThat(anonima.raw().headers().firstValue("Location")).as("senza accesso")
                    .hasValueSatisfying(l -> assertThat(l).endsWith("/accesso"));
        }
        List<String> utenti = List.of(riga.proprietario(), MALNATE, ANALISTA, SUPERVISORE, ADMIN);
        List<String> errori = new ArrayList<>();
        for (int i = 0; i < utenti.size(); i++) {
            char attesa = riga.attese().charAt(i);
            if (attesa == '-') {
                continue;
            }
            ClientHttp.Risposta risposta = sessione(utenti.get(i)).get(percorso);
            boolean rifiutata = risposta.status() == 403 || risposta.status() == 404;
            boolean versoLAccesso = risposta.raw().headers().firstValue("Location").map(l -> l.endsWith("/accesso")).orElse(false);
            boolean come = attesa == 'N' ? rifiutata : !rifiutata && !versoLAccesso && risposta.status() < 400;
            if (!come || risposta.status() >= 500) {
                errori.add(utenti.get(i) + ": " + risposta.status());
            }
        }
        assertThat(errori).as(riga.pagina() + " " + percorso).isEmpty();
    }

    /** Every page of the console (every mapping outside /api, the demo clock and Camunda's) has its row. */
    @Test
    void ogniPaginaDellaConsoleHaLaSuaRiga() {
        Set<String> dichiarate = new TreeSet<>();
        for (RequestMappingInfo info : mappe.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/") && !pattern.startsWith("/demo/") && !pattern.startsWith("/camunda-welcome")
                        && !pattern.startsWith("/error") && !pattern.startsWith("/v3/") && !pattern.startsWith("/swagger-ui")) {
                    info.getMethodsCondition().getMethods().forEach(m -> dichiarate.add(m.name() + " " + pattern));
                }
            }
        }
        Set<String> coperte = new TreeSet<>();
        pagine().forEach(r -> coperte.add(r.pagina()));
        coperte.addAll(AZIONI_PROVATE_ALTROVE.keySet());
        assertThat(coperte).containsAll(dichiarate);
        assertThat(dichiarate).as("rows name real pages").containsAll(coperte);
    }

    /**
     * Form submissions (POST) are tried by the tests that drive their page, which say who may send them; listed here
     * with the test that does, so that none is forgotten.
     */
    static final Map<String, String> AZIONI_PROVATE_ALTROVE = Map.of();

    private SessioneConsole sessione(String utente) {
        return sessioni.computeIfAbsent(utente, u -> SessioneConsole.di(http, u));
    }

    private String sostituisci(String testo) {
        String risultato = testo;
        for (Map.Entry<String, String> voce : id.entrySet()) {
            risultato = risultato.replace("{" + voce.getKey() + "}", voce.getValue());
        }
        return risultato;
    }
}
