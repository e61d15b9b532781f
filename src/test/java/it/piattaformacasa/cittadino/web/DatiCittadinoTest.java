package it.piattaformacasa.cittadino.web;

import static it.piattaformacasa.DemoUtenti.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import it.piattaformacasa.ClientHttp;
import it.piattaformacasa.DomandaDiProva;
import it.piattaformacasa.IntegrationTest;
import it.piattaformacasa.ScenarioAvviso;
import it.piattaformacasa.SessioneConsole;
import it.piattaformacasa.anagrafe.Alloggio;
import it.piattaformacasa.anagrafe.AlloggioRepository;
import it.piattaformacasa.anagrafe.StatoAlloggio;
import it.piattaformacasa.cittadino.CasellaDellaDemo;
import it.piattaformacasa.cittadino.CittadiniDiProva;
import it.piattaformacasa.cittadino.InvioNotifiche;
import it.piattaformacasa.operatori.OperatoriService;

/**
 * Issue 16, «own their data»: «I miei dati» and its download show the citizen's identity, domande (all declared, the
 * scores), household in the Anagrafe, notices and the operators' reads — and nothing of another citizen, whose
 * domanda is on the same avviso. The e-mail forms, the removal of the address, the demo's mailbox for administrators.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatiCittadinoTest {

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

    ClientHttp http;
    CittadiniDiProva.Cittadino io;
    CittadiniDiProva.Cittadino altro;
    long mia;
    long altrui;

    @BeforeAll
    void dati() {
        http = new ClientHttp(port);
        ScenarioAvviso scenario = new ScenarioAvviso(http, runtimeService, managementService, alloggi).conTitolo("Avviso dei miei dati");
        List<Alloggio> diVarese = scenario.alloggiDi(CF_COMUNE_VARESE, StatoAlloggio.LIBERO, 1);
        long avviso = scenario.aperto(diVarese, List.of(CAPOFILA));
        io = CittadiniDiProva.nuovo(operatori);
        altro = CittadiniDiProva.nuovo(operatori);
        CittadiniDiProva.confermato(jdbc, io);
        CittadiniDiProva.confermato(jdbc, altro);
        mia = presenta(avviso, DomandaDiProva.unaDomanda(io.codiceFiscale(), diVarese.get(0).getId()).conIsee(4_321).json());
        altrui = presenta(avviso, DomandaDiProva.json(altro.codiceFiscale(), diVarese.get(0).getId()));
        // the operators' reads, recorded by the console and the API (another part of issue 16)
        jdbc.update("insert into lettura_domanda (domanda_id, operatore, letta_il, dove) values (?, ?, now(), 'console')", mia, CAPOFILA);
        jdbc.update("insert into lettura_domanda (domanda_id, operatore, letta_il, dove) values (?, 'lettore.altrui', now(), 'api')", altrui);
        // a household of the Anagrafe that counts the citizen in, not a domanda's
        long nucleo = jdbc.queryForObject("insert into nucleo_familiare default values returning id", Long.class);
        jdbc.update("insert into componente (nucleo_id, codice_fiscale, nome, cognome, data_nascita, relazione, posizione) "
                + "values (?, ?, 'Giulia', 'Prova', date '1980-03-01', 'RICHIEDENTE', 1)", nucleo, io.codiceFiscale());
        invio.inviaDovute();
    }

    /**
     * The drafts the citizen began online (kept under their codice fiscale) and the door of an operator's read in
     * words; no position in a graduatoria that is not published yet.
     */
    @Test
    void laPaginaMostraLeBozzeOnlineEDoveHannoLettoInParole() {
        long avvisoBozza = jdbc.queryForObject("select avviso_id from domanda where id = ?", Long.class, mia);
        jdbc.update("insert into bozza_domanda (avviso_id, codice_fiscale, passo, dati, aggiornata_il)"
                + " values (?, ?, 3, '{}'::jsonb, now()) on conflict do nothing", avvisoBozza, io.codiceFiscale());
        assertThat(SessioneConsole.di(http, CAPOFILA).get("/domande/" + mia).status()).isEqualTo(200);
        String pagina = SessioneConsole.diCittadino(http, io.username()).get("/cittadino/dati").body();
        assertThat(pagina).contains("Avviso dei miei dati: fermata al passo 3", "la pagina della domanda nella console degli operatori")
                .doesNotContain("CONSOLE_DOMANDA");
    }

    private long presenta(long avviso, String corpo) {
        ClientHttp.Risposta r = http.post("/api/avvisi/" + avviso + "/domande", CAPOFILA, corpo);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    @Test
    void loScaricamentoHaTuttiIDatiDelCittadinoENienteDiAltri() throws Exception {
        SessioneConsole console = SessioneConsole.diCittadino(http, io.username());
        HttpResponse<byte[]> file = console.scarica("/cittadino/dati/esportazione");
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type")).hasValue("application/json;charset=UTF-8");
        assertThat(file.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d)
                .startsWith("attachment; filename=\"i-miei-dati-" + io.codiceFiscale()).endsWith(".json\""));
        String testo = new String(file.body(), StandardCharsets.UTF_8);
        JsonNode json = new ObjectMapper().readTree(testo);

        assertThat(json.get("codiceFiscale").asText()).isEqualTo(io.codiceFiscale());
        assertThat(json.get("email").get("email").asText()).isEqualTo(io.email());
        List<Long> domande = new ArrayList<>();
        json.get("domande").forEach(d -> domande.add(d.get("id").asLong()));
        assertThat(domande).containsExactly(mia);
        JsonNode domanda = json.get("domande").get(0);
        assertThat(domanda.get("avviso").asText()).isEqualTo("Avviso dei miei dati");
        assertThat(domanda.get("isee").decimalValue()).isEqualByComparingTo("4321");
        assertThat(domanda.get("punteggi").get("isbar").isNumber()).isTrue();
        assertThat(domanda.get("condizioni").get("coabitazione").asBoolean()).isTrue();
        assertThat(domanda.get("nucleo").get(0).get("codiceFiscale").asText()).isEqualTo(io.codiceFiscale());
        assertThat(domanda.get("alloggiScelti")).hasSize(1);
        assertThat(json.get("nucleiAnagrafe")).hasSize(1);
        assertThat(json.get("nucleiAnagrafe").get(0).get("componenti").get(0).get("codiceFiscale").asText()).isEqualTo(io.codiceFiscale());
        assertThat(json.get("letture")).hasSize(1);
        assertThat(json.get("letture").get(0).get("operatore").asText()).isEqualTo(CAPOFILA);
        assertThat(json.get("notifiche")).anySatisfy(n -> assertThat(n.get("oggetto").asText()).isEqualTo("Domanda n. " + mia + " presentata"));
        // nothing of the other citizen, whose domanda is on the same avviso
        assertThat(testo).doesNotContain(altro.codiceFiscale()).doesNotContain(altro.email()).doesNotContain("lettore.altrui")
                .doesNotContain("\"id\" : " + altrui + ",");
        // nor the code's hash, whatever the state of the address
        assertThat(testo).doesNotContain("codiceConferma");
    }

    @Test
    void laPaginaMostraIDatiEChiHaLettoLaDomanda() {
        SessioneConsole console = SessioneConsole.diCittadino(http, io.username());
        ClientHttp.Risposta pagina = console.get("/cittadino/dati");
        assertThat(pagina.status()).isEqualTo(200);
        assertThat(pagina.body()).contains("I miei dati").contains(io.codiceFiscale()).contains("Domanda n. " + mia + " – Avviso dei miei dati")
                .contains("4.321,00").contains(CAPOFILA).contains("Scarica i miei dati").contains(io.email())
                .contains("Nucleo senza alloggio registrato")
                // labels as the sportello says them, not codes
                .contains("Coabitazione con altri nuclei").contains("(Richiedente)").doesNotContain("(RICHIEDENTE)")
                .doesNotContain(altro.codiceFiscale()).doesNotContain("lettore.altrui");
        // the other citizen sees their own, never the first's
        ClientHttp.Risposta sua = SessioneConsole.diCittadino(http, altro.username()).get("/cittadino/dati");
        assertThat(sua.body()).contains(altro.codiceFiscale()).contains("Domanda n. " + altrui).doesNotContain(io.codiceFiscale())
                .doesNotContain("Domanda n. " + mia + " ");
    }

    @Test
    void chiToglieLIndirizzoNonRiceveAltro() {
        CittadiniDiProva.Cittadino c = CittadiniDiProva.nuovo(operatori);
        CittadiniDiProva.confermato(jdbc, c);
        SessioneConsole console = SessioneConsole.diCittadino(http, c.username());
        assertThat(console.get("/cittadino/dati").body()).contains("Ti scriviamo all&#39;indirizzo " + c.email());
        ClientHttp.Risposta rimosso = console.post("/cittadino/dati/email/rimuovi", Map.of());
        assertThat(rimosso.status()).isEqualTo(302);
        assertThat(console.get("/cittadino/dati?esito=rimosso").body()).contains("Indirizzo rimosso").contains("Non hai ancora un indirizzo confermato");
        assertThat(jdbc.queryForObject("select email from cittadino where codice_fiscale = ?", String.class, c.codiceFiscale())).isNull();
        // an unknown esito is ignored, not echoed
        assertThat(console.get("/cittadino/dati?esito=%3Cscript%3E").body()).doesNotContain("<script>").doesNotContain("id=\"esito\"");
    }

    @Test
    void laPostaDellaDemoMostraIMessaggiAgliAmministratori() {
        ClientHttp.Risposta posta = SessioneConsole.di(http, ADMIN).get("/posta");
        assertThat(posta.status()).isEqualTo(200);
        assertThat(posta.body()).contains("Posta della demo").contains(casella.indirizzo()).contains(io.email())
                .contains("Domanda n. " + mia + " presentata").contains("/cittadino/domande/" + mia);
        assertThat(SessioneConsole.di(http, CAPOFILA).get("/posta").status()).isEqualTo(403);
    }
}
