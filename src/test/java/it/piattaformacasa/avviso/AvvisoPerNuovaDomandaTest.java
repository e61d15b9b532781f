package it.piattaformacasa.avviso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import it.piattaformacasa.IntegrationTest;
import it.piattaformacasa.common.NonTrovatoException;

/**
 * A domanda's submission reads its avviso under a shared lock, in one statement ({@link AvvisoService#perNuovaDomanda},
 * issue 17): from then until it commits, a re-binding of the avviso's rules (which locks the row for update) and a
 * change of the avviso such as its chiusura wait for it, while other submissions, and the foreign keys of their
 * domande, do not.
 */
@IntegrationTest
class AvvisoPerNuovaDomandaTest {

    @Autowired
    AvvisoService avvisi;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    PlatformTransactionManager transazioni;

    @Test
    void lAvvisoLettoRestaBloccatoFinoAllaFineDellaPresentazione() throws SQLException {
        long ambito = jdbc.queryForObject("select id from ambito where codice = 'VARESE'", Long.class);
        long id = jdbc.queryForObject("""
                insert into avviso (ambito_id, titolo, tipo, apertura, chiusura, stato, versione_regole, massimo_alloggi_per_domanda,
                                    riserve_categorie, predisposto_il, predisposto_da)
                values (?, 'Avviso del blocco', 'ORDINARIO', now() - interval '1 day', now() + interval '40 days', 'APERTO',
                        'LOMBARDIA_2025_SECONDO_STEP', 2, false, now() - interval '2 days', 'prova') returning id""", Long.class, ambito);
        try (Connection altra = dataSource.getConnection()) {
            altra.setAutoCommit(false);
            new TransactionTemplate(transazioni).executeWithoutResult(stato -> {
                Avviso letto = avvisi.perNuovaDomanda(id);
                assertThat(letto.getTitolo()).isEqualTo("Avviso del blocco");
                assertThat(letto.getStato()).isEqualTo(StatoAvviso.APERTO);
                for (String cambio : List.of("for update", "for no key update")) {
                    assertThatThrownBy(() -> blocca(altra, id, cambio)).as("a re-binding, a chiusura wait: %s", cambio)
                            .cause().isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("55P03"));
                    rollback(altra);
                }
                for (String presentazione : List.of("for share", "for key share")) {
                    blocca(altra, id, presentazione);
                    rollback(altra);
                }
            });
            blocca(altra, id, "for update");
            rollback(altra);
        }
    }

    @Test
    void unAvvisoCheNonCeNonESiTrovato() {
        assertThatThrownBy(() -> new TransactionTemplate(transazioni).executeWithoutResult(stato -> avvisi.perNuovaDomanda(-1)))
                .isInstanceOf(NonTrovatoException.class).hasMessage("Avviso -1 non trovato");
    }

    private static void blocca(Connection connessione, long avviso, String blocco) {
        try (Statement s = connessione.createStatement()) {
            s.execute("select id from avviso where id = " + avviso + " " + blocco + " nowait");
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static void rollback(Connection connessione) {
        try {
            connessione.rollback();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
