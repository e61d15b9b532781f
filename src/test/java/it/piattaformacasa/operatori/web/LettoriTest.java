package it.piattaformacasa.operatori.web;

import static it.piattaformacasa.DemoUtenti.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.util.HtmlUtils;

import com.fasterxml.jackson.databind.JsonNode;

import it.piattaformacasa.ClientHttp;
import it.piattaformacasa.IntegrationTest;
import it.piattaformacasa.SessioneConsole;
import it.piattaformacasa.SessioneWebapp;
import it.piattaformacasa.common.CodiceFiscale;
import it.piattaformacasa.common.sicurezza.Gruppi;
import it.piattaformacasa.operatori.ModelloDiProva;
import it.piattaformacasa.operatori.Operatore;
import it.piattaformacasa.operatori.OperatoriService;

/**
 * Issue 14, seed 004: «quelli provinciali e regionali alla sola consultazione». Administrators give the two read-only
 * roles through the API and the console (a province that exists, or 400 naming the field); a provincial reader sees its
 * province and nothing of another, is refused every write with the reason, holds no Camunda authorization and is a
 * candidate for no task. Every endpoint and page is tried by the readers in the authorization matrices.
 */
@IntegrationTest
class LettoriTest {

    @LocalServerPort
    int port;
    @Autowired
    OperatoriService operatori;
    @Autowired
    AuthorizationService autorizzazioni;
    @Autowired
    TaskService taskService;
    @Autowired
    JdbcTemplate jdbc;

    private ClientHttp http() {
        return new ClientHttp(port);
    }

    /** An operatore of this test's own, with no ente and no role, password as the demo users'. */
    private String nuovoOperatore() {
        String cf = ModelloDiProva.nuovoCodiceFiscale();
        String username = "lettore.prova." + cf.substring(0, 6).toLowerCase();
        operatori.registra(List.of(new Operatore(username, CodiceFiscale.of(cf), "Prova", "Lettura", username + "@prova.it", null)));
        operatori.impostaPassword(username, PASSWORD);
        return username;
    }

    private ClientHttp.Risposta lettura(String chi, String username, String json) {
        return http().invia(http().richiesta("/api/operatori/" + username + "/lettura", chi).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private static String campo(ClientHttp.Risposta r) {
        JsonNode errori = r.json().path("errori");
        return errori.isEmpty() ? null : errori.get(0).path("campo").asText();
    }

    @Test
    void lAmministratoreDaIlRuoloDiLettoreProvincialeSoloConUnaProvinciaCheEsiste() {
        String u = nuovoOperatore();

        ClientHttp.Risposta inesistente = lettura(ADMIN, u, "{\"ruolo\":\"LETTORE_PROVINCIALE\",\"provincia\":\"ZZ\"}");
        assertThat(inesistente.status()).as(inesistente.body()).isEqualTo(400);
        assertThat(campo(inesistente)).isEqualTo("provincia");
        assertThat(inesistente.body()).contains("la sigla ZZ non è di nessuna provincia italiana");
        ClientHttp.Risposta senzaProvincia = lettura(ADMIN, u, "{\"ruolo\":\"LETTORE_PROVINCIALE\"}");
        assertThat(senzaProvincia.status()).isEqualTo(400);
        assertThat(campo(senzaProvincia)).isEqualTo("provincia");
        ClientHttp.Risposta regionaleConProvincia = lettura(ADMIN, u, "{\"ruolo\":\"LETTORE_REGIONALE\",\"provincia\":\"VA\"}");
        assertThat(regionaleConProvincia.status()).isEqualTo(400);
        assertThat(campo(regionaleConProvincia)).isEqualTo("provincia");
        ClientHttp.Risposta altroRuolo = lettura(ADMIN, u, "{\"ruolo\":\"SUPERVISORE\"}");
        assertThat(altroRuolo.status()).isEqualTo(400);
        assertThat(campo(altroRuolo)).isEqualTo("ruolo");
        assertThat(operatori.operatore(u).getRuoli()).as("nothing saved").isEmpty();
        assertThat(lettura(CAPOFILA, u, "{\"ruolo\":\"LETTORE_REGIONALE\"}").status()).as("administrators only").isEqualTo(403);

        ClientHttp.Risposta data = lettura(ADMIN, u, "{\"ruolo\":\"LETTORE_PROVINCIALE\",\"provincia\":\"mi\"}");
        assertThat(data.status()).as(data.body()).isEqualTo(200);
        assertThat(data.json().path("provinciaLettura").asText()).isEqualTo("MI");
        JsonNode autorita = http().get("/api/me", u).json().path("autorita");
        assertThat(autorita.toString()).contains("ROLE_LETTORE_PROVINCIALE", "GROUP_" + Gruppi.lettoriProvincia("MI"));
        // the engine: no authorization for the readers' groups but the one Camunda gives every group (its members read
        // the group itself), and so no Tasklist, no Cockpit, nothing to change
        assertThat(autorizzazioni.createAuthorizationQuery().groupIdIn(Gruppi.LETTORI_REGIONALI, Gruppi.LETTORI_PROVINCIALI,
                Gruppi.lettoriProvincia("MI"), Gruppi.lettoriProvincia("VA")).list()).allSatisfy(a -> {
                    assertThat(a.getResourceType()).isEqualTo(Resources.GROUP.resourceType());
                    assertThat(a.getResourceId()).isEqualTo(a.getGroupId());
                    for (Permission scrittura : List.of(Permissions.UPDATE, Permissions.CREATE, Permissions.DELETE, Permissions.ALL)) {
                        assertThat(a.isPermissionGranted(scrittura)).as(a.getGroupId() + " " + scrittura).isFalse();
                    }
                });

        ClientHttp.Risposta tolta = lettura(ADMIN, u, "{\"ruolo\":null}");
        assertThat(tolta.status()).as(tolta.body()).isEqualTo(200);
        assertThat(operatori.operatore(u).getProvinciaLettura()).isNull();
        assertThat(http().get("/api/me", u).json().path("autorita").toString()).doesNotContain("LETTORE");
    }

    @Test
    void ilModuloDellaConsoleRifiutaUnaProvinciaInesistenteAccantoAlCampo() {
        String u = nuovoOperatore();
        SessioneConsole admin = SessioneConsole.di(http(), ADMIN);
        assertThat(HtmlUtils.htmlUnescape(admin.get("/operatori").body())).contains("Operatori della piattaforma", u,
                "Lettore provinciale (sola consultazione) VA");

        ClientHttp.Risposta sbagliata = admin.post("/operatori/" + u + "/lettura", Map.of("ruolo", "LETTORE_PROVINCIALE", "provincia", "XX"));
        assertThat(sbagliata.status()).isEqualTo(400);
        String pagina = HtmlUtils.htmlUnescape(sbagliata.body());
        assertThat(pagina).contains("Provincia (sigla): la sigla XX non è di nessuna provincia italiana", "href=\"#provincia\"",
                "aria-describedby=\"provincia-errore provincia-aiuto\"");
        assertThat(operatori.operatore(u).getRuoli()).isEmpty();

        ClientHttp.Risposta salvata = admin.post("/operatori/" + u + "/lettura", Map.of("ruolo", "LETTORE_REGIONALE", "provincia", ""));
        assertThat(salvata.status()).as(salvata.body()).isEqualTo(303);
        assertThat(operatori.operatore(u).getRuoli()).extracting(Enum::name).containsExactly("LETTORE_REGIONALE");
        // a reader cannot give itself anything either
        ClientHttp.Risposta dalLettore = SessioneConsole.di(http(), u).post("/operatori/" + u + "/lettura", Map.of("ruolo", ""));
        assertThat(dalLettore.status()).isEqualTo(403);
        assertThat(operatori.operatore(u).getRuoli()).extracting(Enum::name).containsExactly("LETTORE_REGIONALE");
    }

    /**
     * ADR 16: a regional reader reads its Region. The demo's Lombardia reader reads Varese and not the Comune di
     * Ancona's bandi; the Regione Marche's reader the opposite; an administrator gives a reader the Marche through the
     * API, and an unknown Region is a 400 on the field.
     */
    @Test
    void unLettoreRegionaleLeggeLaSuaRegioneENonLAltra() {
        long varese = jdbc.queryForObject("select id from ente_proprietario where codice_fiscale = ?", Long.class, CF_COMUNE_VARESE);
        ClientHttp.Risposta bando = http().post("/api/marche/bandi", ANCONA, "{\"numero\":\"LETT-" + System.nanoTime() % 1_000_000
                + "\",\"dataPubblicazione\":\"2043-02-01\",\"dataScadenza\":\"2043-03-31\",\"dataScadenzaEstero\":\"2043-04-15\"}");
        assertThat(bando.status()).as(bando.body()).isEqualTo(201);
        String id = bando.json().get("id").asText();

        assertThat(http().get("/api/enti/" + varese + "/riepilogo", LETTORE_REGIONE).status()).isEqualTo(200);
        assertThat(http().get("/api/marche/bandi/" + id, LETTORE_REGIONE).status()).isEqualTo(404);
        assertThat(http().get("/api/marche/bandi", LETTORE_REGIONE).json().findValuesAsText("id")).doesNotContain(id);

        assertThat(http().get("/api/marche/bandi/" + id, LETTORE_MARCHE).status()).isEqualTo(200);
        assertThat(http().get("/api/enti/" + varese + "/riepilogo", LETTORE_MARCHE).status()).isIn(403, 404);
        assertThat(elementi(http().get("/api/alloggi", LETTORE_MARCHE))).as("no Lombardia stock").isEmpty();
        // and it writes nothing, in its Region either
        assertThat(http().delete("/api/marche/bandi/" + id, LETTORE_MARCHE).status()).isEqualTo(403);

        String u = nuovoOperatore();
        ClientHttp.Risposta sbagliata = lettura(ADMIN, u, "{\"ruolo\":\"LETTORE_REGIONALE\",\"regione\":\"TOSCANA\"}");
        assertThat(sbagliata.status()).isEqualTo(400);
        assertThat(campo(sbagliata)).isEqualTo("regione");
        assertThat(lettura(ADMIN, u, "{\"ruolo\":\"LETTORE_PROVINCIALE\",\"provincia\":\"VA\",\"regione\":\"MARCHE\"}").status())
                .isEqualTo(400);
        ClientHttp.Risposta marche = lettura(ADMIN, u, "{\"ruolo\":\"LETTORE_REGIONALE\",\"regione\":\"MARCHE\"}");
        assertThat(marche.status()).as(marche.body()).isEqualTo(200);
        assertThat(marche.json().get("regioneLettura").asText()).isEqualTo("MARCHE");
        assertThat(http().get("/api/marche/bandi/" + id, u).status()).isEqualTo(200);
        assertThat(http().get("/api/enti/" + varese + "/riepilogo", u).status()).isIn(403, 404);
        // without a Region, the regional reader is Lombardia's (the platform's first procedure)
        assertThat(lettura(ADMIN, u, "{\"ruolo\":\"LETTORE_REGIONALE\"}").json().get("regioneLettura").asText())
                .isEqualTo("LOMBARDIA");
        assertThat(http().get("/api/marche/bandi/" + id, u).status()).isEqualTo(404);
    }

    @Test
    void unLettoreProvincialeVedeLaSuaProvinciaENullaDiUnAltra() {
        long varese = jdbc.queryForObject("select id from ente_proprietario where codice_fiscale = ?", Long.class, CF_COMUNE_VARESE);
        ClientHttp.Risposta diVarese = http().get("/api/alloggi", LETTORE_VARESE);
        ClientHttp.Risposta diComo = http().get("/api/alloggi", LETTORE_COMO);
        assertThat(diVarese.status()).isEqualTo(200);
        assertThat(elementi(diVarese)).as("the province of Varese's stock").isNotEmpty();
        assertThat(diComo.status()).isEqualTo(200);
        assertThat(elementi(diComo)).as("nothing of Varese for the reader of Como").isEmpty();
        assertThat(http().get("/api/enti/" + varese + "/riepilogo", LETTORE_VARESE).status()).isEqualTo(200);
        assertThat(http().get("/api/enti/" + varese + "/riepilogo", LETTORE_COMO).status()).isIn(403, 404);
        assertThat(http().get("/api/enti/" + varese + "/riepilogo", LETTORE_REGIONE).status()).isEqualTo(200);
    }

    /**
     * Both directions with data on each side: an ente of the province of Lecco (its own ambito, comune and alloggio, and
     * its reader, made here: the demo reader of Como keeps a province without enti for the matrices) is seen by its
     * reader and by the regional reader, not by the reader of Varese; Varese's stock is not seen by the reader of Lecco.
     */
    @Test
    void unLettoreProvincialeNonVedeGliEntiDiUnAltraProvincia() {
        long n = System.nanoTime() % 1_000_000;
        long ambito = jdbc.queryForObject("insert into ambito (codice, nome) values (?, 'Ambito dei lettori') returning id",
                Long.class, "LETTORI-LC-" + n);
        String istat = jdbc.queryForObject("""
                select lpad(i::text, 6, '0') from generate_series(970000, 979999) i
                 where not exists (select 1 from comune where codice_istat = lpad(i::text, 6, '0')) limit 1""", String.class);
        String catastale = jdbc.queryForObject("""
                select 'X' || lpad(i::text, 3, '0') from generate_series(0, 999) i
                 where not exists (select 1 from comune where codice_catastale = 'X' || lpad(i::text, 3, '0')) limit 1""", String.class);
        long comune = jdbc.queryForObject("""
                insert into comune (codice_istat, codice_catastale, nome, provincia, popolazione, ambito_id)
                values (?, ?, 'Comune dei lettori', 'LC', 1000, ?) returning id""", Long.class, istat, catastale, ambito);
        long ente = jdbc.queryForObject("""
                insert into ente_proprietario (tipo, codice_fiscale, ragione_sociale, comune_id)
                values ('COMUNE', ?, 'Comune dei lettori', ?) returning id""", Long.class,
                CodiceFiscale.conControllo(String.format("%010d", 7_000_000_000L + n)), comune);
        long alloggio = jdbc.queryForObject("""
                insert into alloggio (codice_ui, ente_id, comune_id, indirizzo, piano, superficie_utile, vani, ascensore,
                                      barriere_architettoniche, stato)
                values (?, ?, ?, 'Via dei Lettori 1', 1, 60, 3, true, false, 'LIBERO') returning id""", Long.class,
                "LETTORI-" + n, ente, comune);

        String lettoreLecco = nuovoOperatore();
        operatori.assegnaLettura(lettoreLecco, "LETTORE_PROVINCIALE", "LC");

        assertThat(http().get("/api/alloggi/" + alloggio, lettoreLecco).status()).isEqualTo(200);
        assertThat(http().get("/api/alloggi/" + alloggio, LETTORE_REGIONE).status()).isEqualTo(200);
        assertThat(http().get("/api/alloggi/" + alloggio, LETTORE_VARESE).status()).isIn(403, 404);
        assertThat(http().get("/api/enti/" + ente + "/riepilogo", lettoreLecco).status()).isEqualTo(200);
        assertThat(http().get("/api/enti/" + ente + "/riepilogo", LETTORE_VARESE).status()).isIn(403, 404);
        JsonNode diLecco = elementi(http().get("/api/alloggi?dimensione=200", lettoreLecco));
        assertThat(diLecco).extracting(a -> a.path("id").asLong()).contains(alloggio);
        assertThat(diLecco).allSatisfy(a -> assertThat(jdbc.queryForObject("select c.provincia from ente_proprietario e join comune c"
                + " on c.id = e.comune_id where e.id = ?", String.class, a.path("enteId").asLong())).isEqualTo("LC"));
        JsonNode diVarese = elementi(http().get("/api/alloggi?ente=" + ente, LETTORE_VARESE));
        assertThat(diVarese).isEmpty();
    }

    private static JsonNode elementi(ClientHttp.Risposta r) {
        JsonNode json = r.json();
        return json.isArray() ? json : json.path("elementi");
    }

    @Test
    void unLettoreProvincialeNonScriveNullaENonHaAttivita() {
        long prima = jdbc.queryForObject("select count(*) from avviso", Long.class);
        ClientHttp.Risposta avviso = http().post("/api/avvisi", LETTORE_VARESE, "{\"ambito\":\"VARESE\",\"titolo\":\"Del lettore\","
                + "\"tipo\":\"ORDINARIO\",\"apertura\":\"2030-01-07T10:00:00\",\"chiusura\":\"2030-03-07T12:00:00\"}");
        assertThat(avviso.status()).isEqualTo(403);
        assertThat(avviso.json().path("detail").asText()).contains("sola consultazione", "Nessun dato è stato salvato");
        assertThat(jdbc.queryForObject("select count(*) from avviso", Long.class)).isEqualTo(prima);
        for (String lettore : Set.of(LETTORE_VARESE, LETTORE_COMO, LETTORE_REGIONE)) {
            assertThat(taskService.createTaskQuery().taskCandidateUser(lettore).count()).as(lettore).isZero();
        }
        // nor does it enter Tasklist, where the engine's own REST API would answer it
        assertThatThrownBy(() -> SessioneWebapp.accedi(http(), LETTORE_VARESE)).hasMessageContaining("rifiutato");
    }
}
