package it.piattaformacasa.common.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

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
 * needs the same session again, and the person got a bare 500. Registered just before Spring Session's filter (after
 * only the character encoding and the HTTP metrics); an answer already committed is left as it is. Retry-After only for
 * GET and HEAD: with the session saved at the end of the request, a POST may fail there after its work was committed.
 */
public final class DatabaseNonDisponibileFilter extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseNonDisponibileFilter.class);
    /** Headers of the answer that failed, not of the 503 that replaces it. */
    private static final Set<String> DEL_CONTENUTO = Set.of("content-type", "content-length", "content-language", "set-cookie",
            "location", "etag", "last-modified", "retry-after");
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
            // the security headers Spring Security wrote on its way out (CSP, no-store, frame options…) stay on the 503
            Map<String, List<String>> intestazioni = new LinkedHashMap<>();
            for (String nome : response.getHeaderNames()) {
                if (!DEL_CONTENUTO.contains(nome.toLowerCase(Locale.ROOT))) {
                    intestazioni.put(nome, List.copyOf(response.getHeaders(nome)));
                }
            }
            response.reset();
            intestazioni.forEach((nome, valori) -> valori.forEach(valore -> response.addHeader(nome, valore)));
            // a retry only where repeating is harmless: a POST whose session failed at the end may have done its work
            if ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())) {
                response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(ErroriFrameworkHandler.RIPROVA_DOPO_SECONDI));
            }
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
