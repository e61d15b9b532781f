package it.piattaformacasa.avviso;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import it.piattaformacasa.ClientHttp;
import it.piattaformacasa.IntegrationTest;
import it.piattaformacasa.ScenarioAvviso;
import it.piattaformacasa.anagrafe.AlloggioRepository;
import it.piattaformacasa.regole.RegoleVincolate;

/**
 * The binding a new domanda is scored with comes with the avviso's key-share lock in one statement (issue 17): the
 * versions the avviso is bound to, the lock that makes a re-binding (which locks the avviso for update) wait for the
 * submission, and no wait for the avviso's own updates (its chiusura), which a key-share lock lets through.
 */
@IntegrationTest
class VincoloPerNuovaDomandaTest {

    @Autowired
    RegoleDellAvviso regole;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transazione;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;
    @Autowired
    AlloggioRepository alloggi;
    @LocalServerPort
    int port;

    /** An avviso predisposto through the API: bound to the rules in force today. */
    private long avviso() {
        long avviso = new ScenarioAvviso(new ClientHttp(port), runtimeService, managementService, alloggi).predisposto();
        assertThat(regole.vincolo(avviso).versioni()).as("the scenario's avviso is bound").isNotEmpty();
        return avviso;
    }

    @Test
    void leVersioniDellAvvisoColBloccoCheFermaUnNuovoVincoloMaNonLaChiusura() {
        long avviso = avviso();
        transazione.executeWithoutResult(stato -> {
            RegoleVincolate vincolo = regole.vincoloPerNuovaDomanda(avviso);
            assertThat(vincolo).isEqualTo(regole.vincolo(avviso));
            assertThat(vincolo.versioni()).isNotEmpty();
            // from another connection, as a publication's re-binding and the chiusura's timer would lock it
            assertThat(bloccatoPerUnAltraConnessione("for update nowait", avviso)).isTrue();
            assertThat(bloccatoPerUnAltraConnessione("for no key update nowait", avviso)).isFalse();
        });
        assertThat(bloccatoPerUnAltraConnessione("for update nowait", avviso))
                .as("released at the end of the submission's transaction").isFalse();
    }

    @Test
    void unAvvisoSenzaVersioniHaUnVincoloVuotoEIlSuoBlocco() {
        long avviso = avviso();
        transazione.executeWithoutResult(stato -> {
            // its versions gone in this transaction only: the avviso's row alone still answers, and is locked
            jdbc.update("delete from avviso_regole where avviso_id = ?", avviso);
            assertThat(regole.vincoloPerNuovaDomanda(avviso).versioni()).isEmpty();
            assertThat(bloccatoPerUnAltraConnessione("for update nowait", avviso)).isTrue();
            stato.setRollbackOnly();
        });
        assertThat(regole.vincolo(avviso).versioni()).isNotEmpty();
    }

    /**
     * Whether the avviso's row cannot be locked so at once from a thread of its own (a connection outside the test's
     * transaction): PostgreSQL's «lock not available» (55P03) to {@code nowait}.
     */
    private boolean bloccatoPerUnAltraConnessione(String blocco, long avviso) {
        try {
            List<Long> righe = CompletableFuture.supplyAsync(() -> jdbc.queryForList(
                    "select id from avviso where id = ? " + blocco, Long.class, avviso)).join();
            assertThat(righe).containsExactly(avviso);
            return false;
        } catch (CompletionException e) {
            assertThat(e).rootCause().isInstanceOf(SQLException.class);
            assertThat(((SQLException) NestedExceptionUtils.getRootCause(e)).getSQLState()).isEqualTo("55P03");
            return true;
        }
    }
}
