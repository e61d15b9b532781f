package it.piattaformacasa.anagrafe;

import static it.piattaformacasa.DemoUtenti.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import it.piattaformacasa.ClientHttp;
import it.piattaformacasa.IntegrationTest;
import it.piattaformacasa.ScenarioAvviso;
import it.piattaformacasa.common.CodiceFiscale;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;

/**
 * Issue 13: the nuclei assegnatari the ente keeps, through the API. The Comune di Varese's Gestione Avviso operator
 * registers the household of an OCCUPATO alloggio, corrects its members, ends the assignment with the alloggio's new
 * state; each step is a row of the alloggio's register; refusals write nothing; another ente's operator does not find
 * it, a reader is refused; a stale version is a 409; a domanda's household is never changed.
 */
@IntegrationTest
class GestioneNucleiApiTest {

    private static final AtomicLong PROGRESSIVO = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;
    @Autowired
    AlloggioRepository alloggi;

    ClientHttp http;
    long varese;
    String codice;

    @BeforeEach
    void client() {
        http = new ClientHttp(port);
        varese = jdbc.queryForObject("select id from ente_proprietario where codice_fiscale = ?", Long.class, CF_COMUNE_VARESE);
        codice = "NUC-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
    }

    /** A valid codice fiscale nobody else in the shared database has. */
    static String cf() {
        long n = PROGRESSIVO.incrementAndGet();
        StringBuilder lettere = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            lettere.append((char) ('A' + n % 26));
            n /= 26;
        }
        return CodiceFiscale.conControllo(lettere + "80A01L682");
    }

    private long alloggio(String stato) {
        ClientHttp.Risposta r = http.post("/api/alloggi", CAPOFILA, """
                {"enteId":%d,"codiceUi":"%s","codiceIstatComune":"012133","indirizzo":"Via degli Inquilini 7","piano":1,
                 "superficieUtile":65,"vani":3,"destinazioneUso":"SERVIZI_ABITATIVI_PUBBLICI","stato":"%s"}"""
                .formatted(varese, codice + "-" + stato.charAt(0) + PROGRESSIVO.incrementAndGet() % 1000, stato));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    static String componente(String cf, String nome, String cognome, String nascita, String relazione) {
        return """
                {"codiceFiscale":"%s","nome":"%s","cognome":"%s","dataNascita":"%s","relazione":"%s"}"""
                .formatted(cf, nome, cognome, nascita, relazione);
    }

    static String nucleo(long versione, String... componenti) {
        return "{\"version\":" + versione + ",\"componenti\":[" + String.join(",", componenti) + "]}";
    }

    private ClientHttp.Risposta put(String percorso, String utente, String json) {
        return http.invia(http.richiesta(percorso, utente).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private int righeRegistro(long alloggio) {
        return jdbc.queryForObject("select count(*) from anagrafe_registro where alloggio_id = ?", Integer.class, alloggio);
    }

    @Test
    void siRegistraSiModificaESiTerminaIlNucleoEOgniPassoENelloStorico() {
        long id = alloggio("OCCUPATO");
        String mario = cf();
        String anna = cf();
        String luca = cf();
        ClientHttp.Risposta registrato = http.post("/api/alloggi/" + id + "/nucleo", CAPOFILA, nucleo(0,
                componente(mario, "Mario", "Bianchi", "1961-05-03", "RICHIEDENTE"),
                componente(anna.toLowerCase(), "Anna", "Verdi", "1964-02-10", "CONIUGE")));
        assertThat(registrato.status()).as(registrato.body()).isEqualTo(201);
        long nucleo = registrato.json().get("id").asLong();
        assertThat(registrato.json().get("attuale").asBoolean()).isTrue();
        assertThat(registrato.json().get("componenti")).hasSize(2);
        assertThat(registrato.json().get("componenti").findValuesAsText("codiceFiscale")).containsExactly(mario, anna);
        assertThat(http.get("/api/alloggi/" + id + "/nucleo", CAPOFILA).json().get("id").asLong()).isEqualTo(nucleo);
        // a second household is refused while the first lives there
        ClientHttp.Risposta secondo = http.post("/api/alloggi/" + id + "/nucleo", CAPOFILA, nucleo(1,
                componente(cf(), "Altro", "Nucleo", "1970-01-01", "RICHIEDENTE")));
        assertThat(secondo.status()).isEqualTo(409);
        assertThat(secondo.json().get("detail").asText()).contains("ha già un nucleo assegnatario");

        // Anna becomes the intestataria, Mario's surname is corrected, Luca is born into it
        ClientHttp.Risposta cambiato = put("/api/nuclei/" + nucleo, CAPOFILA, nucleo(0,
                componente(mario, "Mario", "Bianchi Rossi", "1961-05-03", "CONIUGE"),
                componente(anna, "Anna", "Verdi", "1964-02-10", "RICHIEDENTE"),
                componente(luca, "Luca", "Bianchi", "2020-07-01", "FIGLIO")));
        assertThat(cambiato.status()).as(cambiato.body()).isEqualTo(200);
        assertThat(cambiato.json().get("id").asLong()).isEqualTo(nucleo);
        assertThat(cambiato.json().get("version").asLong()).isEqualTo(1);
        assertThat(cambiato.json().get("componenti")).hasSize(3);
        assertThat(jdbc.queryForObject("select codice_fiscale from componente where nucleo_id = ? and relazione = 'RICHIEDENTE'",
                String.class, nucleo)).isEqualTo(anna);
        // the same members again: no new version, no row
        assertThat(put("/api/nuclei/" + nucleo, CAPOFILA, nucleo(1,
                componente(luca, "Luca", "Bianchi", "2020-07-01", "FIGLIO"),
                componente(mario, "Mario", "Bianchi Rossi", "1961-05-03", "CONIUGE"),
                componente(anna, "Anna", "Verdi", "1964-02-10", "RICHIEDENTE"))).json().get("version").asLong()).isEqualTo(1);
        // Luca moves out
        assertThat(put("/api/nuclei/" + nucleo, CAPOFILA, nucleo(1,
                componente(mario, "Mario", "Bianchi Rossi", "1961-05-03", "CONIUGE"),
                componente(anna, "Anna", "Verdi", "1964-02-10", "RICHIEDENTE"))).status()).isEqualTo(200);
        assertThat(jdbc.queryForObject("select count(*) from componente where nucleo_id = ?", Integer.class, nucleo)).isEqualTo(2);

        ClientHttp.Risposta terminato = http.post("/api/nuclei/" + nucleo + "/termine", CAPOFILA,
                "{\"version\":2,\"data\":\"2026-01-31\",\"motivo\":\"Trasferimento in altra regione\",\"statoAlloggio\":\"SFITTO_CARENZE_MANUTENTIVE\"}");
        assertThat(terminato.status()).as(terminato.body()).isEqualTo(200);
        assertThat(terminato.json().get("attuale").asBoolean()).isFalse();
        assertThat(terminato.json().get("terminatoIl").asText()).isEqualTo("2026-01-31");
        assertThat(jdbc.queryForObject("select stato from alloggio where id = ?", String.class, id)).isEqualTo("SFITTO_CARENZE_MANUTENTIVE");
        assertThat(http.get("/api/alloggi/" + id + "/nucleo", CAPOFILA).status()).isEqualTo(404);
        // in the history, no longer changed
        assertThat(put("/api/nuclei/" + nucleo, CAPOFILA, nucleo(3,
                componente(anna, "Anna", "Verdi", "1964-02-10", "RICHIEDENTE"))).status()).isEqualTo(409);
        assertThat(jdbc.queryForObject("select count(*) from nucleo_familiare where id = ? and terminato_il is not null", Integer.class,
                nucleo)).isEqualTo(1);

        JsonNode registro = http.get("/api/alloggi/" + id + "/registro", CAPOFILA).json();
        // creation, registration, two changes, the end
        assertThat(registro).hasSize(5);
        assertThat(registro.findValuesAsText("operatore")).containsOnly(CAPOFILA);
        assertThat(registro.get(0).get("modifiche").toString()).contains(
                "{\"campo\":\"nucleo\",\"prima\":\"" + nucleo + "\",\"dopo\":null}",
                "{\"campo\":\"terminatoIl\",\"prima\":null,\"dopo\":\"2026-01-31\"}",
                "Trasferimento in altra regione",
                "{\"campo\":\"stato\",\"prima\":\"OCCUPATO\",\"dopo\":\"SFITTO_CARENZE_MANUTENTIVE\"}");
        assertThat(registro.get(1).get("modifiche").toString()).contains("componenti", luca + "|Luca|Bianchi|2020-07-01|FIGLIO");
        assertThat(registro.get(2).get("modifiche").toString()).contains(mario + "|Mario|Bianchi|1961-05-03|RICHIEDENTE",
                anna + "|Anna|Verdi|1964-02-10|RICHIEDENTE");
        assertThat(registro.get(3).get("modifiche").toString()).contains("{\"campo\":\"nucleo\",\"prima\":null,\"dopo\":\"" + nucleo + "\"}");

        // the alloggio is let again to a new household once OCCUPATO again
        ClientHttp.Risposta nonOccupato = http.post("/api/alloggi/" + id + "/nucleo", CAPOFILA, nucleo(
                jdbc.queryForObject("select version from alloggio where id = ?", Long.class, id),
                componente(cf(), "Nuovo", "Inquilino", "1990-01-01", "RICHIEDENTE")));
        assertThat(nonOccupato.status()).isEqualTo(409);
        assertThat(nonOccupato.json().get("detail").asText()).contains("solo per un alloggio OCCUPATO");
    }

    /**
     * Members' ids come from a sequence in blocks of 50 (V62) and two nodes hold different blocks: a member added later
     * through one node can get a smaller id than those added earlier through the other. Played here by moving the first
     * members' ids up, as if another node's block had given them: the later member is still listed last.
     */
    @Test
    void unComponenteAggiuntoDopoVieneElencatoDopoAncheConUnIdMinore() {
        long id = alloggio("OCCUPATO");
        String mario = cf();
        String anna = cf();
        String luca = cf();
        long nucleo = http.post("/api/alloggi/" + id + "/nucleo", CAPOFILA, nucleo(0,
                componente(mario, "Mario", "Blocchi", "1961-05-03", "RICHIEDENTE"),
                componente(anna, "Anna", "Blocchi", "1964-02-10", "CONIUGE"))).json().get("id").asLong();
        long massimo = jdbc.queryForObject("select max(id) from componente", Long.class);
        jdbc.update("update componente set id = id + ? where nucleo_id = ?", massimo + 1_000_000, nucleo);

        ClientHttp.Risposta cambiato = put("/api/nuclei/" + nucleo, CAPOFILA, nucleo(0,
                componente(luca, "Luca", "Blocchi", "2020-07-01", "FIGLIO"),
                componente(mario, "Mario", "Blocchi", "1961-05-03", "RICHIEDENTE"),
                componente(anna, "Anna", "Blocchi", "1964-02-10", "CONIUGE")));
        assertThat(cambiato.status()).as(cambiato.body()).isEqualTo(200);
        assertThat(jdbc.queryForObject("select id from componente where codice_fiscale = ? and nucleo_id = ?", Long.class, luca, nucleo))
                .as("the later member's id is the smallest").isLessThan(jdbc.queryForObject(
                        "select min(id) from componente where nucleo_id = ? and codice_fiscale <> ?", Long.class, nucleo, luca));
        assertThat(cambiato.json().get("componenti").findValuesAsText("codiceFiscale")).containsExactly(mario, anna, luca);
        assertThat(http.get("/api/alloggi/" + id + "/nucleo", CAPOFILA).json().get("componenti").findValuesAsText("codiceFiscale"))
                .containsExactly(mario, anna, luca);
        assertThat(jdbc.queryForList("select posizione from componente where nucleo_id = ? order by posizione", Integer.class, nucleo))
                .containsExactly(1, 2, 3);
    }

    @Test
    void datiSbagliatiSonoUn400PerCampoENullaVieneScritto() {
        long id = alloggio("OCCUPATO");
        String mario = cf();
        String sbagliato = mario.substring(0, 15) + (mario.charAt(15) == 'A' ? 'B' : 'A');
        long nucleiPrima = jdbc.queryForObject("select count(*) from nucleo_familiare", Long.class);
        ClientHttp.Risposta r = http.post("/api/alloggi/" + id + "/nucleo", CAPOFILA, nucleo(0,
                componente(sbagliato, "Mario", "Bianchi", "1961-05-03", "RICHIEDENTE"),
                componente(mario, "", "Verdi", LocalDate.now(ZoneId.of("Europe/Rome")).plusDays(30).toString(), "RICHIEDENTE"),
                componente(mario, "Luca", " ", "2010-01-01", "FIGLIO")));
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.json().get("errori").findValuesAsText("campo")).contains("componenti[0].codiceFiscale", "componenti[1].nome",
                "componenti[1].dataNascita", "componenti[2].codiceFiscale", "componenti[2].cognome", "componenti");
        assertThat(r.body()).contains("non valido", "non può essere futura", "già indicato per il componente 2",
                "un solo componente è l'intestatario");
        // no intestatario; no member at all; no relation
        assertThat(http.post("/api/alloggi/" + id + "/nucleo", CAPOFILA, nucleo(0,
                componente(mario, "Mario", "Bianchi", "1961-05-03", "CONIUGE"))).body()).contains("manca l'intestatario");
        assertThat(http.post("/api/alloggi/" + id + "/nucleo", CAPOFILA, nucleo(0)).status()).isEqualTo(400);
        assertThat(http.post("/api/alloggi/" + id + "/nucleo", CAPOFILA, "{\"version\":0,\"componenti\":[{\"codiceFiscale\":\""
                + mario + "\",\"nome\":\"M\",\"cognome\":\"B\",\"dataNascita\":\"1961-05-03\",\"relazione\":\"CUGINO\"}]}").status())
                .isEqualTo(400);
        assertThat(http.post("/api/alloggi/" + id + "/nucleo", CAPOFILA, "{\"componenti\":[]}").status()).isEqualTo(400);
        assertThat(jdbc.queryForObject("select count(*) from nucleo_familiare", Long.class)).isEqualTo(nucleiPrima);
        assertThat(righeRegistro(id)).isEqualTo(1);

        // an alloggio that is not OCCUPATO (nor one occupied without title: those are not assegnatari) has no nucleo
        for (String stato : List.of("LIBERO", "OCCUPATO_SENZA_TITOLO")) {
            long altro = alloggio(stato);
            ClientHttp.Risposta rifiutato = http.post("/api/alloggi/" + altro + "/nucleo", CAPOFILA, nucleo(0,
                    componente(mario, "Mario", "Bianchi", "1961-05-03", "RICHIEDENTE")));
            assertThat(rifiutato.status()).isEqualTo(409);
            assertThat(rifiutato.json().get("detail").asText()).contains("non è occupato da assegnatari");
        }

        // a person is the tenant of one alloggio at a time
        assertThat(http.post("/api/alloggi/" + id + "/nucleo", CAPOFILA, nucleo(0,
                componente(mario, "Mario", "Bianchi", "1961-05-03", "RICHIEDENTE"))).status()).isEqualTo(201);
        long altroOccupato = alloggio("OCCUPATO");
        ClientHttp.Risposta dueVolte = http.post("/api/alloggi/" + altroOccupato + "/nucleo", CAPOFILA, nucleo(0,
                componente(mario, "Mario", "Bianchi", "1961-05-03", "RICHIEDENTE")));
        assertThat(dueVolte.status()).isEqualTo(400);
        assertThat(dueVolte.body()).contains("già componente del nucleo assegnatario di un altro alloggio");

        // the end: a date not in the future, a reason, a state among the three
        long nucleo = http.get("/api/alloggi/" + id + "/nucleo", CAPOFILA).json().get("id").asLong();
        String domani = LocalDate.now(ZoneId.of("Europe/Rome")).plusDays(1).toString();
        ClientHttp.Risposta termine = http.post("/api/nuclei/" + nucleo + "/termine", CAPOFILA,
                "{\"version\":0,\"data\":\"" + domani + "\",\"motivo\":\" \",\"statoAlloggio\":\"OCCUPATO\"}");
        assertThat(termine.status()).isEqualTo(400);
        assertThat(termine.json().get("errori").findValuesAsText("campo")).containsExactlyInAnyOrder("data", "motivo", "statoAlloggio");
        assertThat(http.post("/api/nuclei/" + nucleo + "/termine", CAPOFILA, "{\"version\":0}").status()).isEqualTo(400);
        assertThat(http.post("/api/nuclei/" + nucleo + "/termine", CAPOFILA, "{\"version\":0,\"data\":\"31/01/2026\"}").status())
                .isEqualTo(400);
        // the members: at least the intestatario stays
        assertThat(put("/api/nuclei/" + nucleo, CAPOFILA, nucleo(0)).status()).isEqualTo(400);
        assertThat(jdbc.queryForObject("select terminato_il is null from nucleo_familiare where id = ?", Boolean.class, nucleo)).isTrue();
        assertThat(jdbc.queryForObject("select stato from alloggio where id = ?", String.class, id)).isEqualTo("OCCUPATO");
        assertThat(righeRegistro(id)).isEqualTo(2);
    }

    @Test
    void unAltroEnteNonTrovaNullaChiLeggeERifiutatoEUnaVersioneVecchiaEUn409() {
        long id = alloggio("OCCUPATO");
        String mario = cf();
        String body = nucleo(0, componente(mario, "Mario", "Bianchi", "1961-05-03", "RICHIEDENTE"));
        assertThat(http.post("/api/alloggi/" + id + "/nucleo", MALNATE, body).status()).isEqualTo(404);
        assertThat(http.post("/api/alloggi/" + id + "/nucleo", VARESE_ISTRUTTORIA, body).status()).isEqualTo(403);
        assertThat(http.post("/api/alloggi/" + id + "/nucleo", SUPERVISORE, body).status()).isEqualTo(403);
        assertThat(http.post("/api/alloggi/" + id + "/nucleo", ANALISTA, body).status()).isEqualTo(403);
        assertThat(http.post("/api/alloggi/" + id + "/nucleo", CAPOFILA, nucleo(7,
                componente(mario, "Mario", "Bianchi", "1961-05-03", "RICHIEDENTE"))).status()).isEqualTo(409);
        assertThat(righeRegistro(id)).isEqualTo(1);
        long nucleo = http.post("/api/alloggi/" + id + "/nucleo", CAPOFILA, body).json().get("id").asLong();

        String modifica = nucleo(0, componente(mario, "Mario", "Bianchini", "1961-05-03", "RICHIEDENTE"));
        String termine = "{\"version\":0,\"data\":\"2025-12-01\",\"motivo\":\"Decesso\",\"statoAlloggio\":\"LIBERO\"}";
        assertThat(put("/api/nuclei/" + nucleo, MALNATE, modifica).status()).isEqualTo(404);
        assertThat(http.post("/api/nuclei/" + nucleo + "/termine", MALNATE, termine).status()).isEqualTo(404);
        assertThat(http.get("/api/alloggi/" + id + "/nucleo", MALNATE).status()).isEqualTo(404);
        assertThat(put("/api/nuclei/" + nucleo, VARESE_ISTRUTTORIA, modifica).status()).isEqualTo(403);
        assertThat(http.post("/api/nuclei/" + nucleo + "/termine", SUPERVISORE, termine).status()).isEqualTo(403);
        // the ente's reader sees the household, the analyst does not
        assertThat(http.get("/api/alloggi/" + id + "/nucleo", VARESE_ISTRUTTORIA).status()).isEqualTo(200);
        assertThat(http.get("/api/alloggi/" + id + "/nucleo", ANALISTA).status()).isEqualTo(403);
        assertThat(put("/api/nuclei/999999999", CAPOFILA, modifica).status()).isEqualTo(404);

        assertThat(put("/api/nuclei/" + nucleo, CAPOFILA, modifica).status()).isEqualTo(200);
        ClientHttp.Risposta tardiva = http.post("/api/nuclei/" + nucleo + "/termine", CAPOFILA, termine);
        assertThat(tardiva.status()).isEqualTo(409);
        assertThat(tardiva.json().get("detail").asText()).contains("modificato da un altro operatore");
        assertThat(put("/api/nuclei/" + nucleo, CAPOFILA, modifica.replace("Bianchini", "Bianco")).status()).isEqualTo(409);
        assertThat(jdbc.queryForObject("select cognome from componente where nucleo_id = ?", String.class, nucleo)).isEqualTo("Bianchini");
        assertThat(righeRegistro(id)).isEqualTo(3);
    }

    @Test
    void ilTermineCambiaLoStatoConLeRegoleDiOgniCambioDiStato() {
        // an alloggio in an avviso not yet closed (offered as LIBERO, found OCCUPATO meanwhile by the ente)
        long id = alloggio("LIBERO");
        Alloggio alloggio = alloggi.findById(id).orElseThrow();
        long avviso = new ScenarioAvviso(http, runtimeService, managementService, alloggi).aperto(List.of(alloggio), List.of(CAPOFILA));
        jdbc.update("update alloggio set stato = 'OCCUPATO' where id = ?", id);
        long versione = jdbc.queryForObject("select version from alloggio where id = ?", Long.class, id);
        long nucleo = http.post("/api/alloggi/" + id + "/nucleo", CAPOFILA, nucleo(versione,
                componente(cf(), "Mario", "Bianchi", "1961-05-03", "RICHIEDENTE"))).json().get("id").asLong();
        int righe = righeRegistro(id);
        ClientHttp.Risposta rifiutato = http.post("/api/nuclei/" + nucleo + "/termine", CAPOFILA,
                "{\"version\":0,\"data\":\"2025-12-01\",\"motivo\":\"Decadenza\",\"statoAlloggio\":\"LIBERO\"}");
        assertThat(rifiutato.status()).as(rifiutato.body()).isEqualTo(409);
        assertThat(rifiutato.json().get("detail").asText()).contains("lo stato non può passare da OCCUPATO a LIBERO", "avviso n. " + avviso);
        assertThat(jdbc.queryForObject("select terminato_il is null from nucleo_familiare where id = ?", Boolean.class, nucleo)).isTrue();
        assertThat(jdbc.queryForObject("select stato from alloggio where id = ?", String.class, id)).isEqualTo("OCCUPATO");
        assertThat(righeRegistro(id)).isEqualTo(righe);
    }

    @Test
    void ilNucleoDiUnaDomandaNonCambiaLaModificaVaSuUnaCopia() {
        long id = alloggio("OCCUPATO");
        String mario = cf();
        long nucleoDomanda = http.post("/api/alloggi/" + id + "/nucleo", CAPOFILA, nucleo(0,
                componente(mario, "Mario", "Bianchi", "1961-05-03", "RICHIEDENTE"))).json().get("id").asLong();
        // as if a lease had brought it: the household a domanda declared
        long avviso = new ScenarioAvviso(http, runtimeService, managementService, alloggi).predisposto("ORDINARIO");
        long domanda = jdbc.queryForObject("""
                insert into domanda (avviso_id, nucleo_id, richiedente_cf, codice_istat_residenza, lavoro_in_lombardia, isee,
                    protocollo_dsu, data_dsu, patrimonio, attestazione_servizi_sociali, indigente, condizioni, punti_familiare,
                    punti_abitativo, punti_economico, punti_residenza_regione, punti_residenza_comune, isbar, spiegazione,
                    versione_regole, presentata_il, presentata_da)
                values (?, ?, ?, '012133', true, 1000, 'DSU-NUCLEI', date '2026-01-15', 0, false, false, '{}', 0, 0, 0, 0, 0, 0,
                    '[]', 'TEST', now(), 'test') returning id""", Long.class, avviso, nucleoDomanda, mario);
        try {
            ClientHttp.Risposta cambiato = put("/api/nuclei/" + nucleoDomanda, CAPOFILA, nucleo(0,
                    componente(mario, "Mario", "Bianchi", "1961-05-03", "RICHIEDENTE"),
                    componente(cf(), "Sara", "Bianchi", "2001-03-04", "FIGLIO")));
            assertThat(cambiato.status()).as(cambiato.body()).isEqualTo(200);
            long copia = cambiato.json().get("id").asLong();
            assertThat(copia).isNotEqualTo(nucleoDomanda);
            assertThat(cambiato.json().get("componenti")).hasSize(2);
            // the domanda's household is as declared
            assertThat(jdbc.queryForObject("select count(*) from componente where nucleo_id = ?", Integer.class, nucleoDomanda)).isEqualTo(1);
            assertThat(jdbc.queryForObject("select nucleo_id from domanda where id = ?", Long.class, domanda)).isEqualTo(nucleoDomanda);
            assertThat(jdbc.queryForObject("select sostituito_da_id from nucleo_familiare where id = ?", Long.class, nucleoDomanda))
                    .isEqualTo(copia);
            assertThat(http.get("/api/alloggi/" + id + "/nucleo", CAPOFILA).json().get("id").asLong()).isEqualTo(copia);
            assertThat(put("/api/nuclei/" + nucleoDomanda, CAPOFILA, nucleo(1,
                    componente(mario, "Mario", "Bianchi", "1961-05-03", "RICHIEDENTE"))).status()).isEqualTo(409);
            assertThat(http.get("/api/alloggi/" + id + "/registro", CAPOFILA).json().get(0).get("modifiche").toString())
                    .contains("{\"campo\":\"nucleo\",\"prima\":\"" + nucleoDomanda + "\",\"dopo\":\"" + copia + "\"}");
        } finally {
            jdbc.update("delete from domanda where id = ?", domanda);
        }
    }
}
