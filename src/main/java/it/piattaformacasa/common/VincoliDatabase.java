package it.piattaformacasa.common;

import java.sql.SQLException;
import java.util.Set;

import org.postgresql.util.PSQLException;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * Which database rule a failed write broke. Spring reports a duplicate key, a value too long for its column and a
 * NUL byte alike as {@link DataIntegrityViolationException}: only a duplicate on a named unique key may be answered as
 * «already there» (409); anything else is a defect of validation and must not be dressed as a conflict.
 */
public final class VincoliDatabase {

    /** SQLSTATE unique_violation. */
    private static final String UNICITA = "23505";

    private VincoliDatabase() {
    }

    /** Whether the write failed only because a row with the same values of one of these unique keys exists. */
    public static boolean duplicatoSu(DataIntegrityViolationException e, Set<String> chiavi) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && UNICITA.equals(sql.getSQLState())) {
                // a statement of a JDBC batch fails as a BatchUpdateException: the server's own error is the next one
                SQLException errore = sql instanceof java.sql.BatchUpdateException lotto && lotto.getNextException() != null
                        ? lotto.getNextException() : sql;
                return errore instanceof PSQLException pg && pg.getServerErrorMessage() != null
                        && chiavi.contains(pg.getServerErrorMessage().getConstraint());
            }
        }
        return false;
    }
}
