package it.piattaformacasa.common.web;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

import it.piattaformacasa.common.AccessoNegatoException;
import it.piattaformacasa.common.ConflittoException;
import it.piattaformacasa.common.DatiNonValidiException;
import it.piattaformacasa.common.NonAmmissibileException;
import it.piattaformacasa.common.NonTrovatoException;

/**
 * What a page of the console shows when the service refuses or fails: the console's layout with the Italian reason
 * the API would give (the same exceptions, the same words), the right status, a way back; never a class name or a
 * stack trace. Ordered before {@link ApiExceptionHandler}, for {@link PaginaConsole} controllers only.
 */
@ControllerAdvice(annotations = PaginaConsole.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ErroriConsole {

    private static final Logger LOG = LoggerFactory.getLogger(ErroriConsole.class);

    @ExceptionHandler(NonTrovatoException.class)
    ModelAndView nonTrovato(NonTrovatoException e) {
        return pagina(HttpStatus.NOT_FOUND, "Non trovato", e.getMessage());
    }

    @ExceptionHandler(AccessoNegatoException.class)
    ModelAndView accessoNegato(AccessoNegatoException e) {
        return pagina(HttpStatus.FORBIDDEN, "Operazione non consentita", e.getMessage());
    }

    @ExceptionHandler(ConflittoException.class)
    ModelAndView conflitto(ConflittoException e) {
        return pagina(HttpStatus.CONFLICT, "Operazione non possibile", e.getMessage());
    }

    @ExceptionHandler(NonAmmissibileException.class)
    ModelAndView nonAmmissibile(NonAmmissibileException e) {
        return pagina(HttpStatus.UNPROCESSABLE_ENTITY, e.titolo(), e.getMessage() + " " + String.join(" ", e.motivi()));
    }

    @ExceptionHandler(DatiNonValidiException.class)
    ModelAndView datiNonValidi(DatiNonValidiException e) {
        StringBuilder testo = new StringBuilder(e.getMessage() == null ? "Dati non validi." : e.getMessage());
        e.errori().forEach(errore -> testo.append(' ').append(errore.messaggio()));
        return pagina(HttpStatus.BAD_REQUEST, "Dati non validi", testo.toString());
    }

    /**
     * A word where a number belongs in the address ({@code /avvisi/abc}): the page does not exist. A value no link of the
     * page gives in a filter ({@code ?stato=QUALUNQUE}): the request is wrong, and the page says which filter.
     */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView indirizzoNonValido(MethodArgumentTypeMismatchException e) {
        if (e.getParameter().hasParameterAnnotation(PathVariable.class)) {
            return pagina(HttpStatus.NOT_FOUND, "Non trovato", "L'indirizzo richiesto non esiste.");
        }
        String valore = e.getValue() == null ? "" : e.getValue().toString();
        if (valore.length() > 40) {
            valore = valore.substring(0, 40) + "…";
        }
        return pagina(HttpStatus.BAD_REQUEST, "Richiesta non valida",
                "Il valore «" + valore + "» non è ammesso per il filtro «" + e.getName() + "»: scegli uno dei valori che la pagina propone.");
    }

    /** The database busy or unreachable: the API's 503 (ErroriFrameworkHandler), as a page. */
    @ExceptionHandler({DataAccessResourceFailureException.class, CannotCreateTransactionException.class})
    ModelAndView databaseNonDisponibile(Exception e) {
        LOG.warn("Pagina non servita, database non disponibile: {}", e.toString());
        return pagina(HttpStatus.SERVICE_UNAVAILABLE, Problema.titolo(503), Problema.DATABASE_NON_DISPONIBILE);
    }

    @ExceptionHandler(Exception.class)
    ModelAndView inatteso(Exception e) throws Exception {
        if (e instanceof AccessDeniedException || e instanceof AuthenticationException) {
            throw e;
        }
        if (e instanceof ErrorResponse risposta && risposta.getStatusCode().is4xxClientError()) {
            return pagina(HttpStatus.valueOf(risposta.getStatusCode().value()), "Richiesta non valida",
                    "La richiesta non può essere soddisfatta.");
        }
        String riferimento = UUID.randomUUID().toString().substring(0, 8);
        LOG.error("Errore {} non previsto in una pagina della console", riferimento, e);
        return pagina(HttpStatus.INTERNAL_SERVER_ERROR, "Errore interno",
                "Si è verificato un errore imprevisto: l'operazione non è stata eseguita. Se si ripete, comunica all'assistenza "
                        + "il codice " + riferimento + ".");
    }

    private static ModelAndView pagina(HttpStatus stato, String titolo, String messaggio) {
        ModelAndView pagina = new ModelAndView("console/errore");
        pagina.setStatus(stato);
        pagina.addObject("titoloErrore", titolo);
        pagina.addObject("messaggioErrore", messaggio);
        pagina.addObject("codiceErrore", stato.value());
        return pagina;
    }
}
