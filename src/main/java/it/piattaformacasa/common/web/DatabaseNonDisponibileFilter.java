package it.piattaformacasa.common.web;

import java.io.IOException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The 503 of {@link ErroriFrameworkHandler} for a database that is busy or unreachable when the request is still in a
 * filter, before Spring MVC: the HTTP session read from the database (Spring Session JDBC, issue 17), the embedded
 * identity provider's codes and tokens. Without it the exception reached the servlet container, whose error dispatch
 * needs the same session again, and the person got a bare 500. Registered in front of every other filter; an answer
 * already committed is left as it is.
 */
public final class DatabaseNonDisponibileFilter extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseNonDisponibileFilter.class);
    /** How deep the causes are searched: Spring's wrappers add two or three levels. */
    private static final int PROFONDITA_CAUSE = 10;

    private final String percorsoWebapp;

    public DatabaseNonDisponibileFilter(String percorsoWebapp) {
        this.percorsoWebapp = percorsoWebapp;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (RuntimeException | ServletException | IOException e) {
            if (!databaseNonDisponibile(e) || response.isCommitted()) {
                throw e;
            }
            // one line without the stack: under overload one per refused request is all the log should get
            LOG.warn("Database non disponibile su {} {}: {}", request.getMethod(), request.getRequestURI(), e.toString());
            response.reset();
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(ErroriFrameworkHandler.RIPROVA_DOPO_SECONDI));
            FormatoErrore.scrivi(request, response, Problema.di(503, Problema.titolo(503), Problema.DATABASE_NON_DISPONIBILE),
                    percorsoWebapp);
        }
    }

    /** Whether {@code e} or one of its causes says that no database connection could be had. */
    static boolean databaseNonDisponibile(Throwable e) {
        Throwable causa = e;
        for (int i = 0; causa != null && i < PROFONDITA_CAUSE; i++, causa = causa.getCause()) {
            if (causa instanceof DataAccessResourceFailureException || causa instanceof CannotCreateTransactionException) {
                return true;
            }
        }
        return false;
    }
}
