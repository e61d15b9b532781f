package it.piattaformacasa.common.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
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

    /** The session read from the database failing in Spring Session's filter, as JdbcIndexedSessionRepository throws it. */
    private static MockHttpServletResponse filtra(String accept, RuntimeException errore, boolean giaInviata) throws Exception {
        return filtra("GET", accept, errore, giaInviata);
    }

    private static MockHttpServletResponse filtra(String metodo, String accept, RuntimeException errore, boolean giaInviata)
            throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest(metodo, "/scadenze");
        request.addHeader("Accept", accept);
        MockHttpServletResponse response = new MockHttpServletResponse();
        new DatabaseNonDisponibileFilter("/camunda").doFilter(request, response, (req, res) -> {
            // what Spring Security's HeaderWriterFilter writes on its way out, and a cookie of the failed answer
            ((jakarta.servlet.http.HttpServletResponse) res).setHeader("X-Content-Type-Options", "nosniff");
            ((jakarta.servlet.http.HttpServletResponse) res).setHeader("Cache-Control", "no-store");
            ((jakarta.servlet.http.HttpServletResponse) res).addHeader("Set-Cookie", "JSESSIONID=abc");
            res.getWriter().write("parziale");
            if (giaInviata) {
                res.flushBuffer();
            }
            throw errore;
        });
        return response;
    }

    @Test
    void primaDiSpringMvcUnaSessioneIlleggibileDa503ConRetryAfter() throws Exception {
        CannotCreateTransactionException sessione = new CannotCreateTransactionException("Could not open JDBC Connection for transaction", HIKARI);
        MockHttpServletResponse json = filtra("application/json", sessione, false);
        assertThat(json.getStatus()).isEqualTo(503);
        assertThat(json.getHeader("Retry-After")).isEqualTo(String.valueOf(ErroriFrameworkHandler.RIPROVA_DOPO_SECONDI));
        assertThat(json.getContentType()).startsWith("application/problem+json");
        assertThat(json.getContentAsString()).contains("Servizio non disponibile", "Riprova tra qualche secondo")
                .doesNotContain("parziale", "Hikari", "JDBC");
        assertThat(json.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(json.getHeader("Cache-Control")).isEqualTo("no-store");
        assertThat(json.getHeader("Set-Cookie")).isNull();
        // a POST may have done its work before the session failed: no invitation to send it again
        MockHttpServletResponse post = filtra("POST", "application/json", sessione, false);
        assertThat(post.getStatus()).isEqualTo(503);
        assertThat(post.getHeader("Retry-After")).isNull();

        MockHttpServletResponse pagina = filtra("text/html", new IllegalStateException("nel filtro",
                new DataAccessResourceFailureException("Unable to acquire JDBC Connection", HIKARI)), false);
        assertThat(pagina.getStatus()).isEqualTo(503);
        assertThat(pagina.getContentType()).startsWith("text/html");
        assertThat(pagina.getContentAsString()).contains("lang=\"it\"", "Servizio non disponibile").doesNotContain("Hikari");
    }

    @Test
    void ilFiltroLasciaPassareAltriErroriERisposteGiaInviate() {
        IllegalStateException altro = new IllegalStateException("altro errore");
        assertThatThrownBy(() -> filtra("application/json", altro, false)).isSameAs(altro);
        CannotCreateTransactionException tardi = new CannotCreateTransactionException("dopo l'invio", HIKARI);
        assertThatThrownBy(() -> filtra("application/json", tardi, true)).isSameAs(tardi);
    }
}
