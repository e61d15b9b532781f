package it.piattaformacasa.marche.web;

import static it.piattaformacasa.DemoUtenti.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import it.piattaformacasa.ClientHttp;
import it.piattaformacasa.FileScaricati;
import it.piattaformacasa.IntegrationTest;
import it.piattaformacasa.SessioneConsole;
import it.piattaformacasa.marche.DomandeMarcheDiProva;

/**
 * Issue 15, «Graduatoria domande alloggi ERP» in the console without a browser: «Inserisci», the counters, «Calcola»,
 * ▲ ▼ with the reason (refused beside the field without one), the confirmation page before a «Calcola» that loses the
 * moves, «Non assegnato» → the year, the phases up to the definitive list with the changed working score marked in
 * text, the downloads, and the links on the bando's page.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GraduatoriaBandoPagineTest {

    private static final AtomicInteger PROGRESSIVO = new AtomicInteger();

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;

    ClientHttp http;
    SessioneConsole ancona;
    String prefisso;

    @BeforeAll
    void sessione() {
        http = new ClientHttp(port);
        ancona = SessioneConsole.di(http, ANCONA);
        prefisso = "Q" + Long.toString(System.nanoTime() % 100_000_000L, 36).toUpperCase();
    }

    @Test
    void dallInserimentoAllaDefinitivaConSpostamentiEAssegnazione() {
        long bando = bando();
        DomandeMarcheDiProva d = new DomandeMarcheDiProva(jdbc, clock, bando);
        long a = d.domanda(57, "2051-02-10", "Rossi", "17.50");
        long b = d.domanda(58, "2051-02-11", "Bianchi", "16.50");
        long c = d.domanda(59, "2051-02-12", "Verdi", "15.75");
        d.domanda(60, "2051-02-13", "Neri", "3", true);
        String pagina = "/marche/bandi/" + bando + "/graduatoria";

        String vuota = ancona.get(pagina).body();
        assertThat(vuota).contains("Inserisci", "Domande presentate", ">4<", "Domande valide", ">3<", "id=\"da-inserire\"");
        assertThat(ancona.get("/marche/bandi/" + bando).body()).contains("id=\"vai-graduatoria\"", "Graduatoria domande alloggi ERP",
                "id=\"stampa-brogliaccio\"", "Stampa brogliaccio");

        ClientHttp.Risposta sbagliata = ancona.post(pagina, Map.of("data", "31/02/2051", "fase", "ISTRUTTORIA"));
        assertThat(sbagliata.status()).isEqualTo(400);
        assertThat(sbagliata.body()).contains("href=\"#data\"", "id=\"data-errore\"", "gg/mm/aaaa");
        assertThat(jdbc.queryForObject("select count(*) from marche_graduatoria where bando_id = ?", Long.class, bando)).isZero();
        assertThat(ancona.post(pagina, Map.of("data", "01/04/2051", "fase", "ISTRUTTORIA")).status()).isEqualTo(303);
        assertThat(ancona.get(pagina).body()).contains("Graduatoria inserita", "id=\"calcola\"", "value=\"01/04/2051\"");

        assertThat(ancona.post(pagina + "/calcolo", Map.of()).status()).isEqualTo(303);
        String calcolata = ancona.get(pagina).body();
        assertThat(calcolata).contains("Graduatoria calcolata: 3 domande", "Rossi Prova (n. 57)", "17,50", "(17,50)",
                "aria-label=\"Sposta su la domanda 58\"", "aria-label=\"Sposta giù la domanda 58\"", "Criterio provvisorio");
        assertThat(calcolata.indexOf("n. 57")).isLessThan(calcolata.indexOf("n. 58"));
        // «Seleziona»: the domanda's own pages (the desk's)
        assertThat(calcolata).contains("href=\"/marche/domande/" + a + "/passo/1\"");

        // ▲ without a reason: the message beside the field, nothing moved
        ClientHttp.Risposta senzaMotivo = ancona.post(pagina + "/spostamento", Map.of("sposta", c + ":SU", "motivo", " "));
        assertThat(senzaMotivo.status()).isEqualTo(400);
        assertThat(senzaMotivo.body()).contains("href=\"#motivo\"", "id=\"motivo-errore\"", "obbligatorio");
        ClientHttp.Risposta spostata = ancona.post(pagina + "/spostamento", Map.of("sposta", c + ":SU", "motivo", "Verbale n. 4"));
        assertThat(spostata.status()).isEqualTo(303);
        String dopo = ancona.get(pagina).body();
        assertThat(dopo).contains("Domanda n. 59 spostata in posizione 2", "Spostata a mano (calcolata in posizione 3) da ancona");
        assertThat(dopo.indexOf("n. 59")).isLessThan(dopo.indexOf("n. 58"));

        // «Calcola» now asks first; «Annulla» keeps the move, the confirmation loses it
        ClientHttp.Risposta conferma = ancona.post(pagina + "/calcolo", Map.of());
        assertThat(conferma.status()).isEqualTo(200);
        assertThat(conferma.body()).contains("tali interventi manuali andranno persi", "Verbale n. 4",
                "id=\"conferma-calcolo\"");
        assertThat(jdbc.queryForObject("select count(*) from marche_posizione where bando_id = ? and spostata_il is not null",
                Long.class, bando)).isEqualTo(1);
        assertThat(ancona.post(pagina + "/calcolo", Map.of("conferma", "true")).status()).isEqualTo(303);
        assertThat(jdbc.queryForObject("select count(*) from marche_posizione where bando_id = ? and spostata_il is not null",
                Long.class, bando)).isZero();

        // «Non assegnato» → the year
        String assegnazione = pagina + "/domande/" + b + "/assegnazione";
        assertThat(ancona.get(assegnazione).body()).contains("Anno di assegnazione (formato AAAA)", "domanda n. 58");
        ClientHttp.Risposta anno = ancona.post(assegnazione, Map.of("anno", "2050"));
        assertThat(anno.status()).isEqualTo(400);
        assertThat(anno.body()).contains("id=\"anno-errore\"", "non può precedere l&#39;anno del bando (2051)");
        assertThat(ancona.post(assegnazione, Map.of("anno", "2052")).status()).isEqualTo(303);
        assertThat(ancona.get(pagina).body()).contains("Assegnato nel 2052", "id=\"assegnati\">1<");

        // provvisoria, then definitiva; then a working score changed: red, with the text «variato»
        String version = jdbc.queryForObject("select version from marche_graduatoria where bando_id = ?", Long.class, bando).toString();
        Map<String, String> dati = new LinkedHashMap<>(Map.of("version", version, "fase", "PROVVISORIA", "provvisoriaAlboNumero", "12",
                "provvisoriaAlboData", "01/05/2051"));
        assertThat(ancona.post(pagina, dati).status()).isEqualTo(303);
        dati.putAll(Map.of("version", Long.toString(Long.parseLong(version) + 1), "fase", "DEFINITIVA", "definitivaAlboNumero", "30",
                "definitivaAlboData", "01/07/2051", "verbaleNumero", "7", "verbaleData", "20/06/2051"));
        ClientHttp.Risposta definitiva = ancona.post(pagina, dati);
        assertThat(definitiva.status()).as(definitiva.body()).isEqualTo(303);
        // the version is now stale: 409 on the page, with the message
        ClientHttp.Risposta superata = ancona.post(pagina, dati);
        assertThat(superata.status()).isEqualTo(409);
        assertThat(superata.body()).contains("id=\"conflitto\"", "ricaricare la pagina");
        d.cambiaPunteggio(a, "14.00");
        String finale = ancona.get(pagina).body();
        assertThat(finale).contains("id=\"definitiva\"", "punteggio-variato", ">14,00<", ">variato<", "(17,50)")
                .doesNotContain("id=\"calcola\"", "aria-label=\"Sposta su")
                .as("phases only go forward: a definitive list offers no earlier one")
                .contains("<option value=\"DEFINITIVA\" selected=\"selected\">").doesNotContain("<option value=\"PROVVISORIA\"");

        HttpResponse<byte[]> stampa = ancona.scarica(pagina + "/stampa.xlsx");
        assertThat(stampa.statusCode()).isEqualTo(200);
        assertThat(FileScaricati.xlsx(stampa.body()).get(1)).contains("Rossi Prova", 14.0, 17.5);
        HttpResponse<byte[]> brogliaccio = ancona.scarica("/marche/bandi/" + bando + "/brogliaccio.xlsx");
        assertThat(brogliaccio.statusCode()).isEqualTo(200);
        assertThat(FileScaricati.xlsx(brogliaccio.body())).hasSize(5);
    }

    @Test
    void chiLeggeSoltantoNonHaComandi() {
        long bando = bando();
        new DomandeMarcheDiProva(jdbc, clock, bando).domanda(1, "2051-02-10", "Rossi", "10");
        String pagina = "/marche/bandi/" + bando + "/graduatoria";
        assertThat(ancona.post(pagina, Map.of("fase", "ISTRUTTORIA")).status()).isEqualTo(303);
        assertThat(ancona.post(pagina + "/calcolo", Map.of()).status()).isEqualTo(303);
        SessioneConsole supervisore = SessioneConsole.di(http, SUPERVISORE);
        String letta = supervisore.get(pagina).body();
        assertThat(letta).contains("Rossi Prova (n. 1)").doesNotContain("id=\"calcola\"", "id=\"salva\"", "id=\"assegna-");
        assertThat(supervisore.post(pagina + "/calcolo", Map.of()).status()).isEqualTo(403);
        assertThat(SessioneConsole.di(http, MALNATE).get(pagina).status()).isEqualTo(404);
    }

    @Test
    void unaGraduatoriaLungaSiSfogliaACentoPosizioniPerPagina() {
        long bando = bando();
        DomandeMarcheDiProva d = new DomandeMarcheDiProva(jdbc, clock, bando);
        long ultima = 0;
        long primaDellaSeconda = 0;
        for (int n = 1; n <= 105; n++) {
            long id = d.domanda(n, "2051-02-10", "Cognome" + n, Integer.toString(200 - n));
            if (n == 101) {
                primaDellaSeconda = id;
            }
            ultima = id;
        }
        String pagina = "/marche/bandi/" + bando + "/graduatoria";
        assertThat(ancona.post(pagina, Map.of("fase", "ISTRUTTORIA")).status()).isEqualTo(303);
        assertThat(ancona.post(pagina + "/calcolo", Map.of()).status()).isEqualTo(303);
        String prima = ancona.get(pagina).body();
        assertThat(prima).contains("Posizioni da 1 a 100 di 105", "(n. 100)").doesNotContain("(n. 101)");
        String seconda = ancona.get(pagina + "?pagina=2").body();
        assertThat(seconda).contains("Posizioni da 101 a 105 di 105", "(n. 101)", "id=\"su-" + primaDellaSeconda + "\"",
                "id=\"su-" + ultima + "\"").doesNotContain("id=\"giu-" + ultima + "\"", "(n. 100)");
        // a move across the page's edge lands on the page of the new position
        ClientHttp.Risposta su = ancona.post(pagina + "/spostamento", Map.of("sposta", primaDellaSeconda + ":SU", "motivo", "Prova"));
        assertThat(su.status()).isEqualTo(303);
        assertThat(su.raw().headers().firstValue("Location").orElseThrow()).endsWith("/graduatoria#riga-" + primaDellaSeconda);
    }

    private long bando() {
        String numero = prefisso + PROGRESSIVO.incrementAndGet();
        ClientHttp.Risposta creato = http.post("/api/marche/bandi", ANCONA, "{\"numero\":\"" + numero + "\",\"dataPubblicazione\":"
                + "\"2051-01-15\",\"dataScadenza\":\"2051-03-15\",\"dataScadenzaEstero\":\"2051-03-31\"}");
        assertThat(creato.status()).as(creato.body()).isEqualTo(201);
        long id = creato.json().get("id").asLong();
        assertThat(http.post("/api/marche/bandi/" + id + "/condizioni/copia-da-modello", ANCONA, "").status()).isEqualTo(201);
        return id;
    }
}
