package it.piattaformacasa.common.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.MediaType;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.stereotype.Controller;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Issue 17: past the node's capacity (an opening-day burst) a request waits for a database connection until the pool's
 * timeout; what it gets then is a 503 with Retry-After in Italian, from the API and from a console page, not the
 * internal error with a reference it got before.
 */
class DatabaseNonDisponibileTest {

    /** What Hikari throws after its connection-timeout, as Spring's transaction managers wrap it. */
    private static final SQLTransientConnectionException HIKARI = new SQLTransientConnectionException(
            "HikariPool-1 - Connection is not available, request timed out after 10000ms (total=20, active=20, idle=0, waiting=180)");

    @RestController
    static class Api {
        @GetMapping("/api/prova/transazione")
        String transazione() {
            throw new CannotCreateTransactionException("Could not open JPA EntityManager for transaction", HIKARI);
        }

        @GetMapping("/api/prova/connessione")
        String connessione() {
            throw new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection", HIKARI);
        }

        /** A Spring Data query outside a transaction: Hibernate's JDBCConnectionException, as Spring translates it. */
        @GetMapping("/api/prova/repository")
        String repository() {
            throw new DataAccessResourceFailureException("Unable to acquire JDBC Connection", HIKARI);
        }
    }

    @Controller
    @PaginaConsole
    static class Pagina {
        @GetMapping("/prova/pagina")
        String pagina() {
            throw new CannotCreateTransactionException("Could not open JPA EntityManager for transaction", HIKARI);
        }
    }

    @Test
    void lApiRisponde503ConRetryAfterInItaliano() throws Exception {
        MockMvc mvc = MockMvcBuilders.standaloneSetup(new Api())
                .setControllerAdvice(new ErroriFrameworkHandler("/camunda"), new ApiExceptionHandler()).build();
        for (String percorso : new String[] {"/api/prova/transazione", "/api/prova/connessione", "/api/prova/repository"}) {
            mvc.perform(get(percorso).accept(MediaType.APPLICATION_JSON))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(header().string("Retry-After", String.valueOf(ErroriFrameworkHandler.RIPROVA_DOPO_SECONDI)))
                    .andExpect(jsonPath("$.title").value("Servizio non disponibile"))
                    .andExpect(jsonPath("$.detail").value(containsString("Riprova tra qualche secondo")))
                    .andExpect(jsonPath("$.detail").value(not(containsString("Hikari"))))
                    .andExpect(jsonPath("$.detail").value(not(containsString("JDBC"))));
        }
    }

    @Test
    void unaPaginaDellaConsoleDice503() throws Exception {
        MockMvc mvc = MockMvcBuilders.standaloneSetup(new Pagina())
                .setControllerAdvice(new ErroriConsole(), new ErroriFrameworkHandler("/camunda"), new ApiExceptionHandler()).build();
        mvc.perform(get("/prova/pagina").accept(MediaType.TEXT_HTML))
                .andExpect(status().isServiceUnavailable())
                .andExpect(model().attribute("titoloErrore", "Servizio non disponibile"))
                .andExpect(model().attribute("messaggioErrore", containsString("Riprova tra qualche secondo")));
    }
}
