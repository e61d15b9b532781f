package it.piattaformacasa.common.web;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.ConversionNotSupportedException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotWritableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingPathVariableException;
import org.springframework.web.bind.MissingRequestCookieException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.UnsatisfiedServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestTimeoutException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The errors Spring MVC and Spring Security raise on their own (wrong method, media type, missing parameter,
 * unknown path, method security), in Italian and in the format of {@link ApiExceptionHandler}. Without this they
 * reach Spring Boot's {@code /error} with English messages.
 *
 * <p>Ordering: this advice runs <em>before</em> {@link ApiExceptionHandler} (which has no order, i.e. the lowest) and
 * applies to every handler, also the ones outside our packages (static resources, a request no controller matches,
 * for which {@code handler} is null and an advice limited to our packages does not apply). So that the order never
 * decides who handles what, it handles only types that are neither the same as, nor super- or subtypes of, those
 * of {@link ApiExceptionHandler}: {@code ErroriFrameworkHandlerTest} fails the build otherwise. In particular it
 * leaves alone validation ({@code MethodArgumentNotValidException}, {@code HandlerMethodValidationException},
 * {@code BindException}) and {@code ResponseStatusException}: what nobody handles reaches {@link ErroriController}.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE - 1)
public class ErroriFrameworkHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ErroriFrameworkHandler.class);
    private static final AuthenticationTrustResolver AUTENTICAZIONI = new AuthenticationTrustResolverImpl();
    private static final String DATI_NON_VALIDI = "Dati non validi";
    /** What a 503 for a busy or unreachable database asks the client to wait before retrying. */
    static final int RIPROVA_DOPO_SECONDI = 5;

    private final String percorsoWebapp;

    ErroriFrameworkHandler(@Value("${camunda.bpm.webapp.application-path:/camunda}") String percorsoWebapp) {
        this.percorsoWebapp = percorsoWebapp;
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Object> metodoNonConsentito(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        String dettaglio = "Il metodo " + e.getMethod() + " non è consentito per questo indirizzo.";
        Set<String> ammessi = e.getSupportedMethods() == null ? Set.of() : Set.of(e.getSupportedMethods());
        if (!ammessi.isEmpty()) {
            dettaglio += " Metodi ammessi: " + ammessi.stream().sorted().collect(Collectors.joining(", ")) + ".";
        }
        return risposta(request, e, Problema.di(405, Problema.titolo(405), dettaglio));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Object> formatoNonSupportato(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        String dettaglio = e.getContentType() == null
                ? "La richiesta non indica il formato del contenuto (intestazione Content-Type)."
                : "Il formato del contenuto «" + e.getContentType() + "» non è supportato.";
        return risposta(request, e, Problema.di(415, Problema.titolo(415), dettaglio + formati("Formati ammessi", e.getSupportedMediaTypes())));
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<Object> formatoNonDisponibile(HttpMediaTypeNotAcceptableException e, HttpServletRequest request) {
        String dettaglio = "La risposta non è disponibile nel formato richiesto (intestazione Accept).";
        return risposta(request, e, Problema.di(406, Problema.titolo(406),
                dettaglio + formati("Formati disponibili", e.getSupportedMediaTypes())));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<Object> parametroMancante(MissingServletRequestParameterException e, HttpServletRequest request) {
        return risposta(request, e, campoMancante(e.getParameterName(), "Manca il parametro obbligatorio «"
                + e.getParameterName() + "»", "parametro obbligatorio mancante"));
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<Object> intestazioneMancante(MissingRequestHeaderException e, HttpServletRequest request) {
        return risposta(request, e, campoMancante(e.getHeaderName(), "Manca l'intestazione obbligatoria «"
                + e.getHeaderName() + "»", "intestazione obbligatoria mancante"));
    }

    @ExceptionHandler(MissingRequestCookieException.class)
    ResponseEntity<Object> cookieMancante(MissingRequestCookieException e, HttpServletRequest request) {
        return risposta(request, e, campoMancante(e.getCookieName(), "Manca il cookie obbligatorio «"
                + e.getCookieName() + "»", "cookie obbligatorio mancante"));
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ResponseEntity<Object> parteMancante(MissingServletRequestPartException e, HttpServletRequest request) {
        return risposta(request, e, campoMancante(e.getRequestPartName(), "Manca la parte obbligatoria «"
                + e.getRequestPartName() + "» della richiesta", "parte obbligatoria mancante"));
    }

    /** Missing before conversion is a controller whose mapping lacks the variable: ours to fix, not the caller's. */
    @ExceptionHandler(MissingPathVariableException.class)
    ResponseEntity<Object> variabileDiPercorsoMancante(MissingPathVariableException e, HttpServletRequest request) {
        if (!e.isMissingAfterConversion()) {
            return risposta(request, e, Problema.generico(500));
        }
        return risposta(request, e, campoMancante(e.getVariableName(), "Valore non valido nel percorso per «"
                + e.getVariableName() + "»", "valore non valido"));
    }

    @ExceptionHandler(UnsatisfiedServletRequestParameterException.class)
    ResponseEntity<Object> parametriNonCorrispondenti(UnsatisfiedServletRequestParameterException e, HttpServletRequest request) {
        return risposta(request, e, Problema.di(400, Problema.titolo(400),
                "I parametri della richiesta non corrispondono a nessuna delle operazioni di questo indirizzo."));
    }

    @ExceptionHandler(ServletRequestBindingException.class)
    ResponseEntity<Object> richiestaIncompleta(ServletRequestBindingException e, HttpServletRequest request) {
        return risposta(request, e, Problema.di(400, Problema.titolo(400),
                "Alla richiesta manca un valore necessario (parametro, intestazione o cookie)."));
    }

    @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class})
    ResponseEntity<Object> risorsaInesistente(Exception e, HttpServletRequest request) {
        return risposta(request, e, Problema.di(404, Problema.titolo(404), "L'indirizzo richiesto non esiste."));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<Object> troppoGrande(MaxUploadSizeExceededException e, HttpServletRequest request) {
        String dettaglio = "Il contenuto della richiesta supera la dimensione massima ammessa";
        if (e.getMaxUploadSize() > 0) {
            dettaglio += " (" + (e.getMaxUploadSize() / 1024) + " kB)";
        }
        return risposta(request, e, Problema.di(413, Problema.titolo(413), dettaglio + "."));
    }

    @ExceptionHandler(AsyncRequestTimeoutException.class)
    ResponseEntity<Object> tempoScaduto(AsyncRequestTimeoutException e, HttpServletRequest request) {
        return risposta(request, e, Problema.generico(503));
    }

    /**
     * No database connection free within the pool's timeout (Hikari's {@code connection-timeout}, 10 s), or no database
     * at all: an opening-day burst beyond what the node and its database take (issue 17), or an outage. A 503 with
     * {@code Retry-After} says «try again shortly» instead of an internal error with a reference; it is logged as a
     * warning without the stack, since under overload one line per refused request is all the log should get.
     */
    @ExceptionHandler({DataAccessResourceFailureException.class, CannotCreateTransactionException.class})
    ResponseEntity<Object> databaseNonDisponibile(Exception e, HttpServletRequest request) {
        ResponseEntity<Object> risposta = risposta(request, e, Problema.di(503, Problema.titolo(503),
                Problema.DATABASE_NON_DISPONIBILE));
        return ResponseEntity.status(risposta.getStatusCode()).headers(risposta.getHeaders())
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(RIPROVA_DOPO_SECONDI)).body(risposta.getBody());
    }

    @ExceptionHandler({ConversionNotSupportedException.class, HttpMessageNotWritableException.class})
    ResponseEntity<Object> rispostaNonScrivibile(Exception e, HttpServletRequest request) {
        return risposta(request, e, Problema.generico(500));
    }

    /**
     * Method security ({@code @PreAuthorize}) refusing an authenticated caller. An anonymous one is left to Spring
     * Security, which asks for credentials (401) instead.
     */
    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> accessoNegato(AccessDeniedException e, HttpServletRequest request) throws AccessDeniedException {
        Authentication autenticazione = SecurityContextHolder.getContext().getAuthentication();
        if (autenticazione == null || AUTENTICAZIONI.isAnonymous(autenticazione)) {
            throw e;
        }
        return risposta(request, e, Problema.di(403, Problema.titolo(403),
                "Il tuo utente non ha i permessi per questa operazione."));
    }

    private static Problema campoMancante(String campo, String dettaglio, String messaggio) {
        return Problema.di(400, DATI_NON_VALIDI, dettaglio).conErrori(List.of(new Problema.Campo(campo, messaggio)));
    }

    private static String formati(String etichetta, List<MediaType> tipi) {
        if (tipi == null || tipi.isEmpty()) {
            return "";
        }
        return " " + etichetta + ": " + tipi.stream().map(MediaType::toString).distinct().collect(Collectors.joining(", ")) + ".";
    }

    private ResponseEntity<Object> risposta(HttpServletRequest request, Exception e, Problema problema) {
        if (problema.erroreDelServer() && problema.riferimento() != null) {
            LOG.error("Errore {} [riferimento {}] su {} {}", problema.status(), problema.riferimento(),
                    request.getMethod(), request.getRequestURI(), e);
        } else {
            LOG.warn("Richiesta rifiutata con {} su {} {}: {}", problema.status(), request.getMethod(),
                    request.getRequestURI(), e.toString());
        }
        HttpHeaders intestazioni = new HttpHeaders();
        if (e instanceof ErrorResponse risposta) {
            // Allow for 405, Accept for 415: what the caller needs to retry correctly
            intestazioni.putAll(risposta.getHeaders());
        }
        HttpStatus status = HttpStatus.valueOf(problema.status());
        if (FormatoErrore.vuoleHtml(request.getHeader(HttpHeaders.ACCEPT))) {
            String uri = request.getRequestURI().substring(request.getContextPath().length());
            return ResponseEntity.status(status).headers(intestazioni).contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                    .body(PaginaErrore.html(problema, uri, request.getContextPath(), percorsoWebapp));
        }
        // the content type is set here, not negotiated: a 406 must still be answered in a format we have
        return ResponseEntity.status(status).headers(intestazioni).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problema.comeProblemDetail());
    }
}
