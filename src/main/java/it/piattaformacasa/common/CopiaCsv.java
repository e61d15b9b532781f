package it.piattaformacasa.common;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Many rows into one table with PostgreSQL's {@code COPY … FROM STDIN (FORMAT csv)}, on the connection of the current
 * transaction: the rows are written, or refused, with that transaction like any insert (same keys, foreign keys,
 * checks, defaults), but the server reads one stream instead of binding and executing a statement per batch, which
 * matters for the tens of thousands of rows of an import (issue 13). The rows are sent in blocks while they are
 * formatted, so the server works while Java writes. A failure is translated as JdbcTemplate translates it (a
 * duplicate key is a {@code DuplicateKeyException}).
 */
public final class CopiaCsv {

    /** Bytes formatted before they are sent. */
    private static final int BLOCCO = 256 * 1024;

    private final StringBuilder testo = new StringBuilder(BLOCCO + 4096);
    private final CopyIn copia;
    private boolean primoCampo = true;
    private long righe;

    private CopiaCsv(CopyIn copia) {
        this.copia = copia;
    }

    /**
     * @param colonne the table's columns the rows fill, in the order {@code riga} writes them
     * @param righe called once: writes every row with {@link #campo} and {@link #finePerRiga()}
     * @return how many rows the database received
     */
    public static long copia(JdbcTemplate jdbc, String tabella, String colonne, Consumer<CopiaCsv> righe) {
        String sql = "copy " + tabella + " (" + colonne + ") from stdin (format csv)";
        DataSource dataSource = jdbc.getDataSource();
        Connection connessione = DataSourceUtils.getConnection(dataSource);
        CopyIn copia = null;
        try {
            copia = connessione.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
            CopiaCsv csv = new CopiaCsv(copia);
            righe.accept(csv);
            csv.invia();
            copia.endCopy();
            return csv.righe;
        } catch (SQLException e) {
            annulla(copia);
            throw tradotta(jdbc, tabella, sql, e);
        } catch (CopiaFallita e) {
            annulla(copia);
            throw tradotta(jdbc, tabella, sql, (SQLException) e.getCause());
        } catch (RuntimeException e) {
            annulla(copia);
            throw e;
        } finally {
            DataSourceUtils.releaseConnection(connessione, dataSource);
        }
    }

    private static RuntimeException tradotta(JdbcTemplate jdbc, String tabella, String sql, SQLException e) {
        DataAccessException tradotta = jdbc.getExceptionTranslator().translate("COPY " + tabella, sql, e);
        return tradotta != null ? tradotta : new IllegalStateException(e);
    }

    private static void annulla(CopyIn copia) {
        if (copia != null && copia.isActive()) {
            try {
                copia.cancelCopy();
            } catch (SQLException ignorata) {
                // the transaction fails anyway: the first error is the one to report
            }
        }
    }

    public CopiaCsv campo(String valore) {
        separatore();
        if (valore != null) {
            // quoted, so an empty text stays an empty text and only an unquoted empty field is NULL
            testo.append('"');
            for (int i = 0; i < valore.length(); i++) {
                char c = valore.charAt(i);
                if (c == '"') {
                    testo.append('"');
                }
                testo.append(c);
            }
            testo.append('"');
        }
        return this;
    }

    public CopiaCsv campo(Long valore) {
        separatore();
        if (valore != null) {
            testo.append(valore.longValue());
        }
        return this;
    }

    public CopiaCsv campo(long valore) {
        separatore();
        testo.append(valore);
        return this;
    }

    public CopiaCsv campo(java.math.BigDecimal valore) {
        return valore == null ? campo((String) null) : campo(valore.toPlainString());
    }

    /** A number or a boolean by its text. */
    public CopiaCsv campo(Object valore) {
        return valore == null ? campo((String) null) : campo(valore.toString());
    }

    /** An instant as PostgreSQL reads a timestamptz: ISO-8601 in UTC, rounded to the microsecond as the JDBC driver does. */
    public CopiaCsv campo(Instant valore) {
        separatore();
        if (valore != null) {
            testo.append(valore.plusNanos(500).truncatedTo(ChronoUnit.MICROS));
        }
        return this;
    }

    public void finePerRiga() {
        testo.append('\n');
        primoCampo = true;
        righe++;
        if (testo.length() >= BLOCCO) {
            try {
                invia();
            } catch (SQLException e) {
                throw new CopiaFallita(e);
            }
        }
    }

    private void separatore() {
        if (!primoCampo) {
            testo.append(',');
        }
        primoCampo = false;
    }

    private void invia() throws SQLException {
        if (!testo.isEmpty()) {
            byte[] blocco = testo.toString().getBytes(StandardCharsets.UTF_8);
            copia.writeToCopy(blocco, 0, blocco.length);
            testo.setLength(0);
        }
    }

    /** A block refused while rows were still being written (the server stops a COPY at its first error). */
    private static final class CopiaFallita extends RuntimeException {
        CopiaFallita(SQLException causa) {
            super(causa);
        }
    }
}
