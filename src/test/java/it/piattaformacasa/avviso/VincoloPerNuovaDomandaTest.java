package it.piattaformacasa.avviso;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

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
 * The binding a new domanda is scored with, under the avviso's key-share lock: the versions the avviso is bound to, read
 * after the lock; the lock makes a re-binding (which locks the avviso for update) wait for the submission and the
 * submission wait for it, and lets the avviso's own updates (its chiusura) through.
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

    /**
     * A submission that waits for a re-binding's lock scores with the new binding: the versions are read after the lock,
     * in a statement of their own (one statement for both still reads with the snapshot it began with: tried, and this
     * test fails with it).
     */
    @Test
    void unaDomandaCheAspettaUnNuovoVincoloLoLegge() throws Exception {
        long avviso = avviso();
        Map<String, Integer> prima = regole.vincolo(avviso).versioni();
        String nome = prima.keySet().iterator().next();
        CountDownLatch scritto = new CountDownLatch(1);
        CountDownLatch conferma = new CountDownLatch(1);
        ExecutorService connessioni = Executors.newFixedThreadPool(2);
        try {
            // the re-binding of a publication: the avviso locked for update, its binding changed (here one rule set leaves
            // it), committed when told
            Future<?> ricollegamento = connessioni.submit(() -> transazione.executeWithoutResult(stato -> {
                jdbc.queryForList("select id from avviso where id = ? for update", Long.class, avviso);
                jdbc.update("delete from avviso_regole where avviso_id = ? and nome = ?", avviso, nome);
                scritto.countDown();
                attendi(conferma);
            }));
            assertThat(scritto.await(10, TimeUnit.SECONDS)).as("the re-binding wrote: %s", ricollegamento).isTrue();
            Future<RegoleVincolate> domanda = connessioni.submit(() -> transazione.execute(stato -> regole.vincoloPerNuovaDomanda(avviso)));
            long limite = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (jdbc.queryForObject("select count(*) from pg_stat_activity where pid <> pg_backend_pid()"
                    + " and wait_event_type = 'Lock' and query like '%for key share%'", Integer.class) == 0) {
                assertThat(System.nanoTime()).as("the submission waits for the re-binding's lock").isLessThan(limite);
                Thread.sleep(20);
            }
            conferma.countDown();
            ricollegamento.get(10, TimeUnit.SECONDS);
            assertThat(domanda.get(10, TimeUnit.SECONDS).versioni()).doesNotContainKey(nome).hasSize(prima.size() - 1);
        } finally {
            conferma.countDown();
            connessioni.shutdownNow();
            jdbc.update("insert into avviso_regole (avviso_id, nome, versione) values (?, ?, ?) on conflict do nothing", avviso, nome,
                    prima.get(nome));
        }
    }

    private static void attendi(CountDownLatch segnale) {
        try {
            assertThat(segnale.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void unAvvisoSenzaVersioniHaUnVincoloVuotoEIlSuoBlocco() {
        long avviso = avviso();
        transazione.executeWithoutResult(stato -> {
            // its versions gone in this transaction only: an empty binding, the avviso locked all the same
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
