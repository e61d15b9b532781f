package it.piattaformacasa.common.web;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import it.piattaformacasa.common.AccessoNegatoException;
import it.piattaformacasa.common.ConflittoException;
import it.piattaformacasa.common.DatiNonValidiException;
import it.piattaformacasa.common.GiaEsistenteException;
import it.piattaformacasa.common.NonAmmissibileException;
import it.piattaformacasa.common.NonTrovatoException;

/**
 * Errors of the domain API as RFC 9457 problem details, in Italian, with the offending fields in
 * {@code errori: [{campo, messaggio}]}.
 */
@RestControllerAdvice(basePackages = "it.piattaformacasa")
public class ApiExceptionHandler {

    public record ErroreCampo(String campo, String messaggio) {
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail datiNonValidi(MethodArgumentNotValidException e) {
        List<ErroreCampo> errori = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new ErroreCampo(f.getField(), f.getDefaultMessage()))
                .toList();
        return problema(HttpStatus.BAD_REQUEST, "Dati non validi", "La richiesta contiene dati non validi", errori);
    }

    /** Malformed JSON, a value of the wrong type or not among the allowed ones: name the field and what is allowed. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail corpoNonLeggibile(HttpMessageNotReadableException e) {
        if (e.getCause() instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String campo = mismatch.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("");
            String motivo = "valore non valido";
            if (mismatch instanceof InvalidFormatException formato) {
                motivo = "valore non valido: " + formato.getValue();
                Class<?> tipo = formato.getTargetType();
                if (tipo != null && tipo.isEnum()) {
                    motivo += " (ammessi: " + java.util.Arrays.toString(tipo.getEnumConstants()) + ")";
                }
            }
            return problema(HttpStatus.BAD_REQUEST, "Dati non validi", "La richiesta contiene dati non validi",
                    List.of(new ErroreCampo(campo, motivo)));
        }
        return problema(HttpStatus.BAD_REQUEST, "Richiesta non leggibile",
                "Il corpo della richiesta non è un JSON valido", List.of());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail parametroNonValido(MethodArgumentTypeMismatchException e) {
        return problema(HttpStatus.BAD_REQUEST, "Dati non validi", "Valore non valido per il parametro",
                List.of(new ErroreCampo(e.getName(), "valore non valido: " + e.getValue())));
    }

    @ExceptionHandler(DatiNonValidiException.class)
    ProblemDetail regolaViolata(DatiNonValidiException e) {
        List<ErroreCampo> errori = e.errori().stream().map(x -> new ErroreCampo(x.campo(), x.messaggio())).toList();
        return problema(HttpStatus.BAD_REQUEST, "Dati non validi", e.getMessage(), errori);
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail argomentoNonValido(IllegalArgumentException e) {
        return problema(HttpStatus.BAD_REQUEST, "Dati non validi", e.getMessage(), List.of());
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
        ProblemDetail problem = problema(HttpStatus.UNPROCESSABLE_ENTITY, "Requisiti non soddisfatti", e.getMessage(), List.of());
        problem.setProperty("motivi", e.motivi());
        return problem;
    }

    @ExceptionHandler(AccessoNegatoException.class)
    ProblemDetail accessoNegato(AccessoNegatoException e) {
        return problema(HttpStatus.FORBIDDEN, "Operazione non consentita", e.getMessage(), List.of());
    }

    private static ProblemDetail problema(HttpStatus status, String titolo, String dettaglio, List<ErroreCampo> errori) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, dettaglio);
        problem.setTitle(titolo);
        if (!errori.isEmpty()) {
            problem.setProperties(Map.of("errori", errori));
        }
        return problem;
    }
}
