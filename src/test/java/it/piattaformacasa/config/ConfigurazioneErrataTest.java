package it.piattaformacasa.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.sql.DriverManager;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.mock.env.MockEnvironment;

import it.piattaformacasa.PiattaformaCasaApplication;
import it.piattaformacasa.config.database.DatabaseConnectionFailureAnalyzer;

/** Bad configuration stops the start with one message that names the database URL and the reason. */
class ConfigurazioneErrataTest {

    private static final String URL_IRRAGGIUNGIBILE = "jdbc:postgresql://127.0.0.1:1/piattaforma";

    @Test
    void unDatabaseEsternoIrraggiungibileFermaLAvvioInPochiSecondi() {
        long inizio = System.nanoTime();
        Throwable errore = catchThrowable(() -> new SpringApplicationBuilder(PiattaformaCasaApplication.class)
                .web(WebApplicationType.NONE)
                .properties("spring.datasource.url=" + URL_IRRAGGIUNGIBILE, "spring.datasource.username=casa",
                        "spring.datasource.password=casa", "spring.main.banner-mode=off", "logging.level.root=OFF")
                .run());
        assertThat(errore).isNotNull();
        // the same analysis Spring Boot prints on failure
        FailureAnalysis analisi = analizzatore(URL_IRRAGGIUNGIBILE).analyze(errore);
        assertThat(analisi).isNotNull();
        assertThat(analisi.getDescription()).contains(URL_IRRAGGIUNGIBILE).contains("server non raggiungibile");
        assertThat(analisi.getAction()).contains("SPRING_DATASOURCE_URL");
        assertThat((System.nanoTime() - inizio) / 1_000_000_000).isLessThan(30);
    }

    @Test
    void unaConnessioneRifiutataVieneSpiegataConLUrl() {
        SQLException rifiutata = catchThrowableOfType(() -> DriverManager.getConnection(URL_IRRAGGIUNGIBILE, "casa", "casa"));
        FailureAnalysis analisi = analizzatore(URL_IRRAGGIUNGIBILE).analyze(new IllegalStateException("avvio", rifiutata));
        assertThat(analisi.getDescription()).startsWith("Impossibile connettersi al database " + URL_IRRAGGIUNGIBILE)
                .contains("connessione rifiutata");
    }

    @Test
    void credenzialiErrateVengonoSpiegateConLUtente() {
        SQLException credenziali = new SQLException("FATAL: password authentication failed for user \"casa\"", "28P01");
        FailureAnalysis analisi = analizzatore(URL_IRRAGGIUNGIBILE).analyze(new IllegalStateException("avvio", credenziali));
        assertThat(analisi.getDescription()).contains("credenziali rifiutate per l'utente 'casa'");
    }

    @Test
    void altriErroriSqlNonVengonoScambiatiPerProblemiDiConnessione() {
        SQLException sintassi = new SQLException("syntax error", "42601");
        assertThat(analizzatore(URL_IRRAGGIUNGIBILE).analyze(new IllegalStateException("avvio", sintassi))).isNull();
    }

    private static DatabaseConnectionFailureAnalyzer analizzatore(String url) {
        return new DatabaseConnectionFailureAnalyzer(new MockEnvironment()
                .withProperty("spring.datasource.url", url).withProperty("spring.datasource.username", "casa"));
    }

    private static SQLException catchThrowableOfType(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        Throwable t = catchThrowable(call);
        assertThat(t).isInstanceOf(SQLException.class);
        return (SQLException) t;
    }
}
