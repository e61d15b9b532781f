package it.piattaformacasa.regole;

import static it.piattaformacasa.DemoUtenti.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import it.piattaformacasa.ClientHttp;
import it.piattaformacasa.IntegrationTest;

/** The rules/ files are the baseline in the database: imported once, a changed file is a new version. */
@IntegrationTest
class RepositoryRegoleTest {

    @LocalServerPort
    int port;
    @Autowired
    RepositoryRegole repository;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CasiDiTestRegole casi;

    @Test
    void iCasiDiTestDelBaselinePassanoTutti() {
        for (String nome : java.util.List.of("isbar", "requisiti-economici", "riserve", "precedenza-assegnazione", "parametri-avviso")) {
            assertThat(casi.esegui(nome, 1)).as(nome).isNotEmpty()
                    .allSatisfy(e -> assertThat(e.superato()).as(e.descrizione() + " → " + e.ottenuto() + " " + e.errore()).isTrue());
        }
    }

    @Test
    void ilBaselineEImportatoUnaVoltaEUnFileCambiatoDiventaUnaNuovaVersione() {
        assertThat(repository.versioni()).filteredOn(v -> v.versione() == 1).extracting(RepositoryRegole.Versione::nome)
                .contains("isbar", "requisiti-economici", "riserve", "precedenza-assegnazione");
        assertThat(repository.versioni()).filteredOn(v -> v.versione() == 1 && java.util.Set.of("isbar", "requisiti-economici",
                        "riserve", "precedenza-assegnazione").contains(v.nome()))
                .hasSize(4).allSatisfy(v -> {
                    assertThat(v.stato()).isEqualTo(RepositoryRegole.Stato.PUBLISHED);
                    assertThat(v.autore()).isEqualTo("baseline");
                    assertThat(v.checksum()).hasSize(64);
                });
        int prima = repository.versioni().size();

        repository.importaBaseline();
        assertThat(repository.versioni()).as("the same files again: nothing new").hasSize(prima);

        String isbar = repository.sorgente("isbar", 1);
        String cambiato = isbar.replace("</definitions>", "<!-- una modifica -->\n</definitions>");
        int ultima = repository.versioni().stream().filter(v -> v.nome().equals("isbar"))
                .mapToInt(RepositoryRegole.Versione::versione).max().orElseThrow();
        assertThat(repository.importa("isbar", cambiato, "baseline", "File cambiato")).isEqualTo(ultima + 1);
        assertThat(repository.importa("isbar", cambiato, "baseline", "File cambiato")).as("idempotent").isEqualTo(ultima + 1);
        assertThat(repository.sorgente("isbar", 1)).as("never edited in place").isEqualTo(isbar);
        assertThat(repository.versione("isbar", ultima + 1)).satisfies(v -> {
            assertThat(v.validoDal()).isEqualTo(LocalDate.now(ZoneId.of("Europe/Rome")));
            assertThat(v.stato()).as("a release's file is published").isEqualTo(RepositoryRegole.Stato.PUBLISHED);
        });
        assertThat(repository.inVigoreIl(LocalDate.now(ZoneId.of("Europe/Rome"))).versione("isbar")).isEqualTo(ultima + 1);
        // left in place: it is the baseline plus a comment, so the scores of other tests do not change
    }

    @Test
    void leVersioniLeVedonoAnalistiESupervisoriNonGliOperatori() {
        ClientHttp http = new ClientHttp(port);
        JsonNode versioni = http.get("/api/regole", ANALISTA).json();
        assertThat(versioni.findValuesAsText("nome")).contains("isbar", "riserve");
        assertThat(http.get("/api/regole", ALER_AVVISO).status()).isEqualTo(403);
        ClientHttp.Risposta sorgente = http.get("/api/regole/riserve/versioni/1", SUPERVISORE);
        assertThat(sorgente.status()).isEqualTo(200);
        assertThat(sorgente.body()).contains("<definitions", "Riserva indigenti");
        assertThat(http.get("/api/regole/riserve/versioni/99", ANALISTA).status()).isEqualTo(404);
    }

    private ClientHttp.Risposta carica(ClientHttp http, String utente, String nome, String query, byte[] dmn) {
        return http.invia(http.richiesta("/api/regole/" + nome + query, utente).header("Content-Type", "application/xml")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(dmn)).build());
    }

    @Test
    void ricaricareInvariataUnaVersioneScaricataNonCreaUnaNuovaVersione() throws Exception {
        ClientHttp http = new ClientHttp(port);
        String query = "?motivo=Ricaricata&validoDal=2030-01-01";
        int prima = jdbc.queryForObject("select count(*) from regola_versione where nome = 'riserve'", Integer.class);
        // the baseline as released (not normalized), downloaded and uploaded again
        byte[] baseline = http.get("/api/regole/riserve/versioni/1", ANALISTA).body().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        ClientHttp.Risposta ricaricata = carica(http, ANALISTA, "riserve", query, baseline);
        assertThat(ricaricata.status()).as(ricaricata.body()).isEqualTo(409);
        assertThat(ricaricata.json().get("detail").asText()).contains("identico alla versione 1 di «riserve»", "PUBLISHED");

        // an upload, as stored (normalized), downloaded and uploaded again
        byte[] modeler = NormalizzazioneDmnTest.fileDelModeler();
        ClientHttp.Risposta caricata = carica(http, ANALISTA, "soglia-ricaricata", query, modeler);
        assertThat(caricata.status()).as(caricata.body()).isEqualTo(201);
        byte[] servita = http.get("/api/regole/soglia-ricaricata/versioni/1", ANALISTA).body()
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        ClientHttp.Risposta ancora = carica(http, ANALISTA, "soglia-ricaricata", query, servita);
        assertThat(ancora.status()).as(ancora.body()).isEqualTo(409);
        assertThat(ancora.json().get("detail").asText()).contains("versione 1 di «soglia-ricaricata» (VALIDATED)");
        assertThat(jdbc.queryForObject("select count(*) from regola_versione where nome = 'riserve'", Integer.class)).isEqualTo(prima);
        assertThat(jdbc.queryForObject("select count(*) from regola_versione where nome = 'soglia-ricaricata'", Integer.class)).isOne();
    }

    @Test
    void unAnalistaCaricaUnFileDelModelerNormalizzatoEValidato() throws Exception {
        ClientHttp http = new ClientHttp(port);
        byte[] modeler = NormalizzazioneDmnTest.fileDelModeler();
        String query = "?motivo=Nuova%20soglia%20di%20prova&validoDal=2027-01-01";

        assertThat(carica(http, ALER_AVVISO, "soglia-prova", query, modeler).status()).isEqualTo(403);
        ClientHttp.Risposta senzaMotivo = carica(http, ANALISTA, "soglia-prova", "?validoDal=2027-01-01", modeler);
        assertThat(senzaMotivo.status()).isEqualTo(400);
        assertThat(senzaMotivo.json().get("errori").findValuesAsText("campo")).contains("motivo");
        ClientHttp.Risposta rotto = carica(http, ANALISTA, "soglia-prova", query, new String(modeler, java.nio.charset.StandardCharsets.UTF_8)
                .replace("&lt;= 16000", "&lt;= 16000 +").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(rotto.status()).isEqualTo(400);
        assertThat(rotto.json().get("errori").findValuesAsText("messaggio")).anySatisfy(m -> assertThat(m).contains("Soglia di prova"));
        assertThat(jdbc.queryForObject("select count(*) from regola_versione where nome = 'soglia-prova'", Integer.class)).isZero();

        ClientHttp.Risposta caricata = carica(http, ANALISTA, "soglia-prova", query, modeler);
        assertThat(caricata.status()).as(caricata.body()).isEqualTo(201);
        assertThat(caricata.json().get("stato").asText()).isEqualTo("VALIDATED");
        assertThat(caricata.json().get("autore").asText()).isEqualTo(ANALISTA);
        assertThat(caricata.json().get("validoDal").asText()).isEqualTo("2027-01-01");
        assertThat(repository.sorgente("soglia-prova", 1)).contains("https://piattaformacasa.it/dmn/soglia-prova");
        assertThat(carica(http, ANALISTA, "soglia-prova", query, modeler).status()).as("same content again").isEqualTo(409);

        // its test cases run on a KIE runtime of their own: one holds, one expects the wrong outcome
        JsonNode esiti = http.post("/api/regole/soglia-prova/versioni/1/casi", ANALISTA, """
                [{"descrizione":"ISEE 12.000 ammesso","input":{"isee":12000,"attestazione":false},"atteso":{"Soglia di prova":true}},
                 {"descrizione":"ISEE 20.000 ammesso (sbagliato)","input":{"isee":20000,"attestazione":false},
                  "atteso":{"Soglia di prova":true}}]""").json();
        assertThat(esiti).extracting(e -> e.get("descrizione").asText() + "=" + e.get("superato").asBoolean())
                .containsExactly("ISEE 12.000 ammesso=true", "ISEE 20.000 ammesso (sbagliato)=false");
        assertThat(esiti.get(1).get("ottenuto").get("Soglia di prova").asBoolean()).isFalse();
        assertThat(http.get("/api/regole/soglia-prova/versioni/1/casi", SUPERVISORE).json()).hasSize(2);
        assertThat(http.post("/api/regole/soglia-prova/versioni/1/casi", SUPERVISORE, "[]").status()).isEqualTo(403);
        ClientHttp.Risposta senzaAtteso = http.post("/api/regole/soglia-prova/versioni/1/casi", ANALISTA,
                "[{\"descrizione\":\"vuoto\",\"input\":{}}]");
        assertThat(senzaAtteso.status()).isEqualTo(400);
        assertThat(senzaAtteso.json().get("errori").findValuesAsText("campo")).containsExactly("[0].atteso");
    }
}
