package it.piattaformacasa.common.process;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Runs a delegate's work under a JDBC savepoint of the engine's transaction. When the work fails in PostgreSQL the
 * transaction is aborted, and the engine, which still queries it to handle the failure (error events, the failed
 * job), would record only «an exception occurred in the persistence layer» instead of the reason; rolled back to the
 * savepoint, the transaction stays usable and the engine records the exception the work threw. The failure still
 * rolls back the whole job. (Spring's NESTED propagation would do this, but its JPA transaction manager has no
 * savepoints with Hibernate.)
 */
public final class SottoSavepoint {

    private SottoSavepoint() {
    }

    public static <T> T esegui(DataSource dataSource, Supplier<T> lavoro) {
        Connection connessione = DataSourceUtils.getConnection(dataSource);
        Savepoint savepoint;
        try {
            savepoint = connessione.setSavepoint();
        } catch (SQLException e) {
            throw new IllegalStateException("Savepoint non disponibile", e);
        }
        try {
            T risultato = lavoro.get();
            connessione.releaseSavepoint(savepoint);
            return risultato;
        } catch (RuntimeException e) {
            try {
                connessione.rollback(savepoint);
            } catch (SQLException annullamento) {
                e.addSuppressed(annullamento);
            }
            throw e;
        } catch (SQLException e) {
            throw new IllegalStateException("Savepoint non rilasciato", e);
        } finally {
            DataSourceUtils.releaseConnection(connessione, dataSource);
        }
    }
}
