package it.piattaformacasa.operatori;

import static it.piattaformacasa.DemoUtenti.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import it.piattaformacasa.AccessoOidc;
import it.piattaformacasa.ClientHttp;
import it.piattaformacasa.IntegrationTest;
import it.piattaformacasa.SessioneConsole;
import it.piattaformacasa.anagrafe.AnagrafeService;
import it.piattaformacasa.common.CodiceFiscale;

/**
 * Who a person is after the identity provider's login (issue 14): bearer tokens for the API with the same rights as
 * the person's console, the codice fiscale of the identity finding the operatore, a person without abilitazione sent
 * to the page that says so (console and Tasklist), and a disabling that reaches sessions and tokens already issued.
 */
@IntegrationTest
class AccessoIdentitaTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    OperatoriService operatori;
    @Autowired
    AnagrafeService anagrafe;
    @Autowired
    IdentityService identityService;
    @Autowired
    IdentitaFederata identita;

    ClientHttp http;
    long varese;

    @BeforeEach
    void prepara() {
        http = new ClientHttp(port);
        varese = jdbc.queryForObject("select id from ente_proprietario where codice_fiscale = ?", Long.class, CF_COMUNE_VARESE);
    }

    /** An operator of the test's own (username ≠ codice fiscale), with a password at the embedded provider. */
    private Operatore operatore(TipoAbilitazione... tipi) {
        String cf = ModelloDiProva.nuovoCodiceFiscale();
        Operatore o = new Operatore("prova." + cf.toLowerCase(Locale.ROOT), CodiceFiscale.of(cf), "Prova", "Identità", "prova@example.it", null);
        for (TipoAbilitazione t : tipi) {
            o.abilita(anagrafe.ente(varese), t);
        }
        operatori.registra(List.of(o));
        operatori.impostaPassword(o.getUsername(), PASSWORD);
        return operatori.operatore(o.getUsername());
    }

    private ClientHttp.Risposta conToken(String percorso, String token) {
        return http.invia(HttpRequest.newBuilder(http.uri(percorso)).header("Authorization", "Bearer " + token)
                .header("Accept", "application/json").GET().build());
    }

    @Test
    void unTokenDelFornitoreDaLeStesseVisibilitaDelLoginConPassword() {
        Operatore operatore = operatore(TipoAbilitazione.GESTIONE_AVVISO);
        String token = AccessoOidc.tokenApi(http, operatore.getUsername(), PASSWORD);

        ClientHttp.Risposta proprie = conToken("/api/enti/" + varese + "/abilitazioni", token);
        assertThat(proprie.status()).as(proprie.body()).isEqualTo(200);
        assertThat(proprie.body()).isEqualTo(http.get("/api/enti/" + varese + "/abilitazioni", operatore.getUsername()).body());
        long malnate = jdbc.queryForObject("select id from ente_proprietario where codice_fiscale = ?", Long.class, CF_COMUNE_MALNATE);
        assertThat(conToken("/api/enti/" + malnate + "/abilitazioni", token).status()).isIn(403, 404);
        // the engine's REST API knows the person too, with the groups of their abilitazioni
        ClientHttp.Risposta attivita = conToken("/engine-rest/task/count", token);
        assertThat(attivita.status()).as(attivita.body()).isEqualTo(200);
    }

    @Test
    void unTokenFalsoOScadutoERifiutatoInItaliano() {
        ClientHttp.Risposta falso = conToken("/api/abilitazioni/da-validare", "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhZG1pbiJ9.firma");
        assertThat(falso.status()).isEqualTo(401);
        assertThat(falso.body()).contains("Autenticazione richiesta").doesNotContain("Exception");
        assertThat(falso.raw().headers().allValues("WWW-Authenticate")).anySatisfy(h -> assertThat(h).startsWith("Bearer"));
    }

    /** SPID gives the codice fiscale as «TINIT-…»: it finds the operatore whatever their username. */
    @Test
    void ilCodiceFiscaleDellIdentitaTrovaLOperatore() {
        Operatore operatore = operatore(TipoAbilitazione.ISTRUTTORIA_DOMANDE);
        String cf = operatore.getCodiceFiscale().valore();
        assertThat(identita.username(Map.of("sub", "qualcuno", "fiscalNumber", "TINIT-" + cf), false)).isEqualTo(operatore.getUsername());
        assertThat(identita.username(Map.of("sub", "qualcuno", "fiscalNumber", "tinit-" + cf.toLowerCase(Locale.ROOT)), false))
                .isEqualTo(operatore.getUsername());
        // an external provider's subject is not a username of ours: a person it names without a codice fiscale is nobody
        assertThat(identita.username(Map.of("sub", ADMIN), false)).isEqualTo("sconosciuto:" + ADMIN);
        assertThat(identita.autorita("sconosciuto:" + ADMIN)).extracting(a -> a.getAuthority())
                .containsExactly(IdentitaFederata.ROLE_SENZA_ABILITAZIONE);
        // a citizen, unknown to the platform, keeps their codice fiscale as name and has no abilitazione
        String cittadino = ModelloDiProva.nuovoCodiceFiscale();
        assertThat(identita.username(Map.of("sub", "x", "fiscalNumber", "TINIT-" + cittadino), false)).isEqualTo(cittadino);
        assertThat(identita.autorita(cittadino)).extracting(a -> a.getAuthority()).containsExactly(IdentitaFederata.ROLE_SENZA_ABILITAZIONE);
        // the embedded provider is trusted for its own subjects
        assertThat(identita.username(Map.of("sub", ADMIN), true)).isEqualTo(ADMIN);
    }

    @Test
    void chiNonEAbilitatoVedeLaPaginaCheLoDiceNonUnaCasellaVuota() {
        String username = "senza.abilitazione." + System.nanoTime();
        User utente = identityService.newUser(username);
        utente.setFirstName("Mario");
        utente.setLastName("Senzaenti");
        utente.setPassword(PASSWORD);
        identityService.saveUser(utente);

        SessioneConsole console = SessioneConsole.diSenzaAbilitazione(http, username);
        ClientHttp.Risposta scrivania = console.get("/");
        assertThat(scrivania.status()).isEqualTo(302);
        assertThat(scrivania.raw().headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/senza-abilitazione"));
        ClientHttp.Risposta pagina = console.get("/senza-abilitazione");
        assertThat(pagina.status()).isEqualTo(200);
        assertThat(pagina.body()).contains("Nessuna abilitazione", username, "richiesta di abilitazione")
                .doesNotContain("Avvisi</a>");
        // the inbox too: never an empty Tasklist
        ClientHttp.Risposta tasklist = console.get("/camunda/app/tasklist/default/");
        assertThat(tasklist.status()).isEqualTo(302);
        assertThat(tasklist.raw().headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/senza-abilitazione"));
        // and the API: a token, but nothing to do with it
        String token = AccessoOidc.tokenApi(http, username, PASSWORD);
        ClientHttp.Risposta api = conToken("/api/avvisi", token);
        assertThat(api.status()).isEqualTo(403);
        assertThat(api.body()).contains("permessi");
    }

    /** «Esci» ends the provider's session too: the next page asks for the password again, not a silent new login. */
    @Test
    void uscireChiudeAncheLaSessioneDelFornitore() {
        SessioneConsole console = SessioneConsole.di(http, VARESE_ISTRUTTORIA);
        ClientHttp.Risposta uscita = console.post("/esci", Map.of());
        assertThat(uscita.status()).isEqualTo(302);
        assertThat(uscita.raw().headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/accesso?uscito"));
        ClientHttp.Risposta verso = console.get("/");
        assertThat(verso.raw().headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/oauth2/authorization/piattaforma"));
        ClientHttp.Risposta richiesta = console.get("/oauth2/authorization/piattaforma");
        String autorizza = richiesta.raw().headers().firstValue("Location").orElseThrow();
        ClientHttp.Risposta fornitore = console.get(autorizza.substring(autorizza.indexOf("/oauth2/authorize")));
        assertThat(fornitore.status()).isEqualTo(302);
        assertThat(fornitore.raw().headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/accesso"));
    }

    /** The Region's disabling reaches the open console session and the token already issued (issue 14). */
    @Test
    void unaDisabilitazioneRaggiungeSessioniETokenGiaAperti() {
        Operatore operatore = operatore(TipoAbilitazione.GESTIONE_AVVISO);
        SessioneConsole console = SessioneConsole.di(http, operatore.getUsername());
        String token = AccessoOidc.tokenApi(http, operatore.getUsername(), PASSWORD);
        assertThat(console.get("/avvisi").status()).isEqualTo(200);
        assertThat(conToken("/api/enti/" + varese + "/abilitazioni", token).status()).isEqualTo(200);

        ClientHttp.Risposta inviata = http.post("/api/enti/" + varese + "/abilitazioni", CAPOFILA, "{\"tipo\":\"DISABILITAZIONE\",\"righe\":["
                + "{\"ragioneSociale\":\"Comune di Varese\",\"nome\":\"Prova\",\"cognome\":\"Identità\",\"codiceFiscale\":\""
                + operatore.getCodiceFiscale().valore() + "\",\"email\":\"prova@example.it\",\"telefono\":\"0332 255100\","
                + "\"gestioneAvviso\":\"SI\",\"istruttoriaDomande\":\"NO\"}]}");
        assertThat(inviata.status()).as(inviata.body()).isEqualTo(201);
        ClientHttp.Risposta validata = http.post("/api/abilitazioni/" + inviata.json().path("id").asLong() + "/validazione", VALIDATORE,
                "{\"esito\":\"APPROVATA\"}");
        assertThat(validata.status()).as(validata.body()).isEqualTo(200);

        // seed 002: a person no longer enabled sees only the citizens' side (their identity has a codice fiscale)
        ClientHttp.Risposta dopo = console.get("/avvisi");
        assertThat(dopo.status()).isEqualTo(302);
        assertThat(dopo.raw().headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/cittadino"));
        assertThat(console.get("/cittadino").body()).contains(operatore.getCodiceFiscale().valore());
        assertThat(conToken("/api/enti/" + varese + "/abilitazioni", token).status()).isEqualTo(403);
    }
}
