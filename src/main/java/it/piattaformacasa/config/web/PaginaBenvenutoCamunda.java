package it.piattaformacasa.config.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /camunda-welcome} is the start page of Camunda's standalone distribution, which the webjar carries along:
 * English, a banner about Camunda 8, a link to enterprise support. The webapps' login used to look for it on every
 * visit (now switched off in their config.js) and their first-visit box links to it: it leads to Welcome, the
 * webapp that is part of this platform, in Italian.
 */
@Controller
class PaginaBenvenutoCamunda {

    private final String welcome;

    PaginaBenvenutoCamunda(@Value("${camunda.bpm.webapp.application-path:/camunda}") String percorsoWebapp) {
        this.welcome = "redirect:" + percorsoWebapp + "/app/welcome/";
    }

    @GetMapping({"/camunda-welcome", "/camunda-welcome/**"})
    String welcome() {
        return welcome;
    }
}
