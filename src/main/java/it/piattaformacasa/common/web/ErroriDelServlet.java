package it.piattaformacasa.common.web;

import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.web.servlet.error.DefaultErrorAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.WebRequest;

/**
 * The body of Spring Boot's {@code /error}, for what fails outside the controllers (a filter, a path no controller
 * serves): never the exception, its trace or, for a 5xx, its message — which is where SQL and class names used to
 * appear. A 5xx says what happened in Italian and gives the {@code idErrore} written to the log with the real cause.
 */
@Component
public class ErroriDelServlet extends DefaultErrorAttributes {

    private static final Logger LOG = LoggerFactory.getLogger(ErroriDelServlet.class);

    @Override
    public Map<String, Object> getErrorAttributes(WebRequest richiesta, ErrorAttributeOptions opzioni) {
        Map<String, Object> attributi = super.getErrorAttributes(richiesta, opzioni.excluding(
                ErrorAttributeOptions.Include.EXCEPTION, ErrorAttributeOptions.Include.STACK_TRACE,
                ErrorAttributeOptions.Include.BINDING_ERRORS));
        if (attributi.get("status") instanceof Integer stato && stato >= 500) {
            String id = UUID.randomUUID().toString().substring(0, 8);
            LOG.error("Errore {} non previsto su {}", id, attributi.get("path"), getError(richiesta));
            attributi.put("error", "Errore interno");
            attributi.put("message", "Si è verificato un errore imprevisto: se il problema si ripete, comunicare "
                    + "all'assistenza il codice " + id);
            attributi.put("idErrore", id);
        }
        return attributi;
    }
}
