package it.piattaformacasa.attivita.web;

import java.util.List;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import it.piattaformacasa.attivita.AttivitaProcesso.AttivitaAperta;
import it.piattaformacasa.attivita.AttivitaService;
import it.piattaformacasa.common.web.PaginaConsole;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Tasklist and the console link both ways (issue 12): every task carries its case's page (and its form links it);
 * every case page lists the case's open tasks — the layout shows them under the page, from {@link #attivitaDellaPratica}
 * — with «Prendi in carico», which takes the task as Tasklist's button does and opens it in Tasklist.
 */
@Controller
@PaginaConsole
class AttivitaPagine {

    private final AttivitaService attivita;
    private final String tasklist;

    AttivitaPagine(AttivitaService attivita, @Value("${camunda.bpm.webapp.application-path:/camunda}") String percorsoWebapp) {
        this.attivita = attivita;
        this.tasklist = percorsoWebapp + "/app/tasklist/default/#/?task=";
    }

    /** «Prendi in carico» from a case page: the same rules as the API (candidates only; someone else holding it is a 409 page). */
    @PostMapping("/attivita/{taskId}/prendi-in-carico")
    String prendiInCarico(@PathVariable String taskId) {
        attivita.prendiInCarico(taskId);
        return "redirect:" + tasklist + taskId;
    }

    /** The case pages: their path is the one their tasks carry. */
    @ControllerAdvice(annotations = PaginaConsole.class)
    static class AttivitaDellaPratica {

        private static final Pattern PAGINA_DI_PRATICA = Pattern.compile("/(avvisi|graduatorie|domande|programmazione)/\\d+|/regole/[A-Za-z0-9._-]+/versioni/\\d+");

        private final AttivitaService attivita;

        AttivitaDellaPratica(AttivitaService attivita) {
            this.attivita = attivita;
        }

        @ModelAttribute("attivitaDellaPratica")
        List<AttivitaAperta> attivitaDellaPratica(HttpServletRequest richiesta) {
            String percorso = richiesta.getRequestURI().substring(richiesta.getContextPath().length());
            if (!"GET".equals(richiesta.getMethod()) || !PAGINA_DI_PRATICA.matcher(percorso).matches()) {
                return List.of();
            }
            return attivita.aperteDellaPagina(percorso);
        }
    }
}
