package it.piattaformacasa.config.process.errori;

import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.RestException;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;

import it.piattaformacasa.common.web.FormatoErrore;
import it.piattaformacasa.common.web.Problema;
import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Exception mappers for the Camunda REST API ({@code /engine-rest}) and the webapps' APIs
 * ({@code /camunda/api/...}), answering with {@link ErroriMotore}'s problem+json and {@code message}.
 *
 * <p>Jersey picks the mapper whose exception type is nearest to the thrown one, and between equally near ones the
 * one with the highest priority (lowest {@link Priority} value). Camunda registers mappers for exactly these five
 * types without a priority ({@code ExceptionHandler}, {@code ProcessEngineExceptionHandler},
 * {@code RestExceptionHandler}, {@code JsonParseExceptionHandler}, {@code JsonMappingExceptionHandler}): one of ours
 * per type, at priority 1, wins every tie and so every exception.
 */
public final class MapperErroriMotore {

    /** What a Jersey application adds to take errors over from Camunda's mappers. */
    public static final Set<Class<?>> TUTTI = Set.of(PerThrowable.class, PerProcessEngineException.class,
            PerRestException.class, PerJsonParseException.class, PerJsonMappingException.class);

    private static final int PRIMA_DI_CAMUNDA = 1;

    private MapperErroriMotore() {
    }

    static Response risposta(Throwable eccezione, HttpServletRequest request) {
        String percorso = request == null ? null : request.getRequestURI().substring(request.getContextPath().length());
        String metodo = request == null ? null : request.getMethod();
        Problema problema = ErroriMotore.traduciERegistra(eccezione, metodo, percorso);
        Response.ResponseBuilder risposta = Response.status(problema.status())
                .type(Problema.PROBLEM_JSON + ";charset=UTF-8")
                .entity(FormatoErrore.json(problema, request == null ? null : request.getRequestURI(), true));
        if (eccezione instanceof NotAllowedException nonConsentito) {
            // the methods this path accepts, as Jersey computed them
            List<String> ammessi = nonConsentito.getResponse().getHeaders().getOrDefault("Allow", List.of()).stream()
                    .map(Object::toString).toList();
            ammessi.forEach(m -> risposta.header("Allow", m));
        }
        return risposta.build();
    }

    @Provider
    @Priority(PRIMA_DI_CAMUNDA)
    public static class PerThrowable implements ExceptionMapper<Throwable> {
        @Context
        private HttpServletRequest request;

        @Override
        public Response toResponse(Throwable eccezione) {
            return risposta(eccezione, request);
        }
    }

    @Provider
    @Priority(PRIMA_DI_CAMUNDA)
    public static class PerProcessEngineException implements ExceptionMapper<ProcessEngineException> {
        @Context
        private HttpServletRequest request;

        @Override
        public Response toResponse(ProcessEngineException eccezione) {
            return risposta(eccezione, request);
        }
    }

    @Provider
    @Priority(PRIMA_DI_CAMUNDA)
    public static class PerRestException implements ExceptionMapper<RestException> {
        @Context
        private HttpServletRequest request;

        @Override
        public Response toResponse(RestException eccezione) {
            return risposta(eccezione, request);
        }
    }

    @Provider
    @Priority(PRIMA_DI_CAMUNDA)
    public static class PerJsonParseException implements ExceptionMapper<JsonParseException> {
        @Context
        private HttpServletRequest request;

        @Override
        public Response toResponse(JsonParseException eccezione) {
            return risposta(eccezione, request);
        }
    }

    @Provider
    @Priority(PRIMA_DI_CAMUNDA)
    public static class PerJsonMappingException implements ExceptionMapper<JsonMappingException> {
        @Context
        private HttpServletRequest request;

        @Override
        public Response toResponse(JsonMappingException eccezione) {
            return risposta(eccezione, request);
        }
    }
}
