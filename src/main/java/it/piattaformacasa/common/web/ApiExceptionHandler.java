package it.piattaformacasa.common.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import it.piattaformacasa.common.AccessoNegatoException;
import it.piattaformacasa.common.ConflittoException;
import it.piattaformacasa.common.DatiNonValidiException;
import it.piattaformacasa.common.GiaEsistenteException;
import it.piattaformacasa.common.NonAmmissibileException;
import it.piattaformacasa.common.NonTrovatoException;
import jakarta.validation.ConstraintViolationException;

/**
 * Errors of the domain API as RFC 9457 problem details, in Italian, with the offending fields in
 * {@code errori: [{campo, messaggio}]}. Bad input is always a 4xx naming the field; anything unexpected is a 500 with
 * a generic Italian message and a {@code riferimento} that is in the log with the real exception: SQL, class names and
 * stack traces never reach a body.
 */
@RestControllerAdvice(basePackages = "it.piattaformacasa")
public class ApiExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);
    private static final String BASE = "it.piattaformacasa.";

    public record ErroreCampo(String campo, String messaggio) {
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail datiNonValidi(MethodArgumentNotValidException e) {
        List<ErroreCampo> errori = new ArrayList<>(e.getBindingResult().getFieldErrors().stream()
                .map(f -> new ErroreCampo(campo(f.getField()), f.getDefaultMessage()))
                .toList());
        e.getBindingResult().getGlobalErrors().forEach(g -> errori.add(new ErroreCampo(ErroriDiLettura.CORPO, g.getDefaultMessage())));
        return problema(HttpStatus.BAD_REQUEST, "Dati non validi", "La richiesta contiene dati non validi", errori);
    }

    /** Constraints on parameters and on the elements of a list body (Spring's built-in method validation). */
    @ExceptionHandler(HandlerMethodValidationException.class)
    ProblemDetail parametriNonValidi(HandlerMethodValidationException e) {
        List<ErroreCampo> errori = new ArrayList<>();
        for (ParameterValidationResult risultato : e.getParameterValidationResults()) {
            String base = nome(risultato.getMethodParameter());
            if (risultato.getContainerIndex() != null) {
                base = base + "[" + risultato.getContainerIndex() + "]";
            } else if (risultato.getContainerKey() != null) {
                base = (base.isEmpty() ? "" : base + ".") + risultato.getContainerKey();
            }
            if (risultato instanceof ParameterErrors errorati) {
                for (FieldError f : errorati.getFieldErrors()) {
                    errori.add(new ErroreCampo(campo(base + (base.isEmpty() ? "" : ".") + f.getField()), f.getDefaultMessage()));
                }
            } else {
                for (MessageSourceResolvable r : risultato.getResolvableErrors()) {
                    errori.add(new ErroreCampo(base.isEmpty() ? ErroriDiLettura.CORPO : base, r.getDefaultMessage()));
                }
            }
        }
        return problema(HttpStatus.BAD_REQUEST, "Dati non validi", "La richiesta contiene dati non validi", errori);
    }

    /**
     * Bean Validation writes the value of a map as {@code condizioni[coabitazione]}; the API names it
     * {@code condizioni.coabitazione}, as for any other JSON field (list elements keep {@code nucleo[0]}).
     */
    private static String campo(String percorso) {
        return percorso.replaceAll("\\[([^\\]0-9][^\\]]*|[0-9]+[^\\]0-9][^\\]]*)\\]", ".$1");
    }

    /** The name the client knows: the request parameter, header or path variable; nothing for the body itself. */
    private static String nome(MethodParameter parametro) {
        if (parametro.hasParameterAnnotation(RequestBody.class)) {
            return "";
        }
        RequestParam param = parametro.getParameterAnnotation(RequestParam.class);
        if (param != null && !param.name().isEmpty()) {
            return param.name();
        }
        RequestHeader header = parametro.getParameterAnnotation(RequestHeader.class);
        if (header != null && !header.name().isEmpty()) {
            return header.name();
        }
        PathVariable variabile = parametro.getParameterAnnotation(PathVariable.class);
        if (variabile != null && !variabile.name().isEmpty()) {
            return variabile.name();
        }
        return String.valueOf(parametro.getParameterName());
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ProblemDetail vincoliViolati(ConstraintViolationException e) {
        List<ErroreCampo> errori = e.getConstraintViolations().stream().map(v -> {
            String percorso = v.getPropertyPath().toString();
            return new ErroreCampo(percorso.contains(".") ? percorso.substring(percorso.indexOf('.') + 1) : percorso, v.getMessage());
        }).toList();
        return problema(HttpStatus.BAD_REQUEST, "Dati non validi", "La richiesta contiene dati non validi", errori);
    }

    /** Malformed JSON, a value of the wrong type or not among the allowed ones: name the field and what is allowed. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail corpoNonLeggibile(HttpMessageNotReadableException e) {
        ErroreCampo errore = ErroriDiLettura.errore(e.getCause());
        if (e.getCause() == null || ErroriDiLettura.sintassi(e.getCause())) {
            return problema(HttpStatus.BAD_REQUEST, "Richiesta non leggibile", e.getCause() == null
                    ? "Il corpo della richiesta manca" : "Il corpo della richiesta non è un JSON valido", List.of(errore));
        }
        return problema(HttpStatus.BAD_REQUEST, "Dati non validi", "La richiesta contiene dati non validi", List.of(errore));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail parametroNonValido(MethodArgumentTypeMismatchException e) {
        String motivo = null;
        for (Throwable t = e.getCause(); t != null && motivo == null; t = t.getCause()) {
            if (t instanceof ParametriDellaRichiesta.ParametroNonValidoException nonValido) {
                motivo = nonValido.getMessage();
            }
        }
        if (motivo == null) {
            Class<?> tipo = e.getRequiredType();
            motivo = "valore «" + ErroriDiLettura.eco(e.getValue()) + "» " + (tipo != null && tipo.isEnum()
                    ? ErroriDiLettura.perTipo(tipo).replaceFirst("^valore ", "") : "non valido: " + ErroriDiLettura.perTipo(tipo));
        }
        return problema(HttpStatus.BAD_REQUEST, "Dati non validi", "Valore non valido per il parametro " + e.getName(),
                List.of(new ErroreCampo(e.getName(), motivo)));
    }

    @ExceptionHandler(DatiNonValidiException.class)
    ProblemDetail regolaViolata(DatiNonValidiException e) {
        List<ErroreCampo> errori = e.errori().stream().map(x -> new ErroreCampo(x.campo(), x.messaggio())).toList();
        return problema(HttpStatus.BAD_REQUEST, "Dati non validi", e.getMessage(), errori);
    }

    /**
     * Our own code throws it with an Italian reason (a codice fiscale, an amount); thrown by a library it carries an
     * English message that may name classes, so only the generic answer goes out and the rest to the log.
     */
    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail argomentoNonValido(IllegalArgumentException e) {
        StackTraceElement[] pila = e.getStackTrace();
        if (e.getMessage() != null && pila.length > 0 && pila[0].getClassName().startsWith(BASE)) {
            return problema(HttpStatus.BAD_REQUEST, "Dati non validi", e.getMessage(), List.of());
        }
        String id = registra(e);
        ProblemDetail problem = problema(HttpStatus.BAD_REQUEST, "Dati non validi",
                "La richiesta contiene un valore che non può essere elaborato (errore " + id + ")", List.of());
        problem.setProperty("riferimento", id);
        return problem;
    }

    @ExceptionHandler(NonTrovatoException.class)
    ProblemDetail nonTrovato(NonTrovatoException e) {
        return problema(HttpStatus.NOT_FOUND, "Non trovato", e.getMessage(), List.of());
    }

    @ExceptionHandler(ConflittoException.class)
    ProblemDetail conflitto(ConflittoException e) {
        ProblemDetail problem = problema(HttpStatus.CONFLICT, "Operazione non possibile", e.getMessage(), List.of());
        if (e instanceof GiaEsistenteException esistente) {
            problem.setProperty("idEsistente", esistente.idEsistente());
        }
        return problem;
    }

    @ExceptionHandler(NonAmmissibileException.class)
    ProblemDetail nonAmmissibile(NonAmmissibileException e) {
        ProblemDetail problem = problema(HttpStatus.UNPROCESSABLE_ENTITY, e.titolo(), e.getMessage(), List.of());
        problem.setProperty("motivi", e.motivi());
        return problem;
    }

    @ExceptionHandler(AccessoNegatoException.class)
    ProblemDetail accessoNegato(AccessoNegatoException e) {
        return problema(HttpStatus.FORBIDDEN, "Operazione non consentita", e.getMessage(), List.of());
    }

    /**
     * The safety net, reached only by what no handler of this advice or of {@link ErroriFrameworkHandler} (ordered
     * before it) takes. Spring's own 4xx (unsupported media type, method not allowed…) keep their status with an Italian
     * text; security exceptions go back to Spring Security; everything else is a 500 that says nothing technical.
     */
    @ExceptionHandler(Exception.class)
    ProblemDetail inatteso(Exception e) throws Exception {
        if (e instanceof AccessDeniedException || e instanceof AuthenticationException) {
            throw e;
        }
        if (e instanceof ErrorResponse risposta && risposta.getStatusCode().is4xxClientError()) {
            HttpStatusCode stato = risposta.getStatusCode();
            return problema(stato, titolo(stato.value()), "La richiesta non può essere soddisfatta: " + titolo(stato.value())
                    .toLowerCase(java.util.Locale.ITALIAN), List.of());
        }
        String id = registra(e);
        ProblemDetail problem = problema(HttpStatus.INTERNAL_SERVER_ERROR, "Errore interno",
                "Si è verificato un errore imprevisto: la richiesta non è stata eseguita. Se il problema si ripete, "
                        + "comunicare all'assistenza il codice " + id, List.of());
        problem.setProperty("riferimento", id);
        return problem;
    }

    private static String registra(Exception e) {
        String id = UUID.randomUUID().toString().substring(0, 8);
        LOG.error("Errore {} non previsto nell'API", id, e);
        return id;
    }

    private static String titolo(int stato) {
        return switch (stato) {
            case 404 -> "Non trovato";
            case 405 -> "Metodo non ammesso";
            case 406 -> "Formato della risposta non disponibile";
            case 413 -> "Richiesta troppo grande";
            case 415 -> "Formato della richiesta non supportato";
            default -> "Richiesta non valida";
        };
    }

    private static ProblemDetail problema(HttpStatusCode status, String titolo, String dettaglio, List<ErroreCampo> errori) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, dettaglio);
        problem.setTitle(titolo);
        if (!errori.isEmpty()) {
            problem.setProperties(Map.of("errori", errori));
        }
        return problem;
    }
}
