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

    @Test
    void ilBaselineEImportatoUnaVoltaEUnFileCambiatoDiventaUnaNuovaVersione() {
        assertThat(repository.versioni()).filteredOn(v -> v.versione() == 1).extracting(RepositoryRegole.Versione::nome)
                .contains("isbar", "requisiti-economici", "riserve", "precedenza-assegnazione");
        assertThat(repository.versioni()).filteredOn(v -> v.versione() == 1)
                .allSatisfy(v -> {
                    assertThat(v.stato()).isEqualTo(RepositoryRegole.Stato.PUBLISHED);
                    assertThat(v.autore()).isEqualTo("baseline");
                    assertThat(v.checksum()).hasSize(64);
                });
        int prima = repository.versioni().size();

        repository.importaBaseline();
        assertThat(repository.versioni()).as("the same files again: nothing new").hasSize(prima);

        String isbar = repository.sorgente("isbar", 1);
        String cambiato = isbar.replace("</definitions>", "<!-- una modifica -->\n</definitions>");
        assertThat(repository.importa("isbar", cambiato, "baseline", "File cambiato")).isEqualTo(2);
        assertThat(repository.importa("isbar", cambiato, "baseline", "File cambiato")).as("idempotent").isEqualTo(2);
        assertThat(repository.sorgente("isbar", 1)).as("never edited in place").isEqualTo(isbar);
        assertThat(repository.versioni()).filteredOn(v -> v.nome().equals("isbar") && v.versione() == 2).singleElement()
                .satisfies(v -> assertThat(v.validoDal()).isEqualTo(LocalDate.now(ZoneId.of("Europe/Rome"))));
        jdbc.update("delete from regola_versione where nome = 'isbar' and versione = 2"); // other tests expect the baseline only
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
}
