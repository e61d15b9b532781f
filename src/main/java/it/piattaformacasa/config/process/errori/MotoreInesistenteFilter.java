package it.piattaformacasa.config.process.errori;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.rest.util.EngineUtil;
import org.springframework.web.filter.OncePerRequestFilter;

import it.piattaformacasa.common.web.FormatoErrore;
import it.piattaformacasa.common.web.Problema;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code /engine-rest/engine/<name>/...} for an engine that does not exist: Camunda's authentication filter answers
 * it before Jersey, with its own English body and class name. Answered here first, in Italian.
 */
class MotoreInesistenteFilter extends OncePerRequestFilter {

    private static final Pattern MOTORE = Pattern.compile("^/engine-rest/engine/([^/]+)");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Matcher motore = MOTORE.matcher(request.getRequestURI().substring(request.getContextPath().length()));
        if (motore.find() && EngineUtil.lookupProcessEngine(motore.group(1)) == null) {
            Problema problema = Problema.di(404, Problema.titolo(404), "Il motore dei processi «" + motore.group(1) + "» non esiste.");
            response.setStatus(404);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.setContentType(Problema.PROBLEM_JSON);
            response.getWriter().write(FormatoErrore.json(problema, request.getRequestURI(), true));
            return;
        }
        chain.doFilter(request, response);
    }
}
