package it.piattaformacasa.config.database;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.sql.SQLException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;

/**
 * Turns the long chain Flyway → Hikari → JDBC into one message naming the URL and the reason, for an
 * unreachable server, a wrong password or a missing database.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
public class DatabaseConnectionFailureAnalyzer extends AbstractFailureAnalyzer<SQLException> {

    private final Environment environment;

    public DatabaseConnectionFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SQLException cause) {
        String state = firstSqlState(rootFailure);
        if (state == null || !(state.startsWith("08") || state.startsWith("28") || state.equals("3D000"))) {
            return null;
        }
        String url = environment.getProperty("spring.datasource.url", "(PostgreSQL embedded)");
        String user = environment.getProperty("spring.datasource.username", "");
        String reason = switch (state.substring(0, 2)) {
            case "28" -> "credenziali rifiutate per l'utente '" + user + "'";
            case "3D" -> "il database indicato nell'URL non esiste";
            default -> "server non raggiungibile (" + networkReason(rootFailure) + ")";
        };
        return new FailureAnalysis(
                "Impossibile connettersi al database " + url + ": " + reason + ". Dettaglio: " + cause.getMessage(),
                "Controllare SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME e SPRING_DATASOURCE_PASSWORD, "
                        + "oppure toglierli per usare il PostgreSQL embedded (vedi README, «Database esterno»).",
                cause);
    }

    private static String firstSqlState(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    private static String networkReason(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException) {
                return "host sconosciuto";
            }
            if (t instanceof ConnectException) {
                return "connessione rifiutata";
            }
        }
        return "nessuna risposta";
    }
}
