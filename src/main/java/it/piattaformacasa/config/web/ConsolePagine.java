package it.piattaformacasa.config.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The console's own pages (issue 12): the login and the scrivania, which leads to each area of the person's role.
 * The areas are pages of their modules (avviso/web, scadenze/web, regole/web…) in the shared layout.
 */
@Controller
class ConsolePagine {

    @GetMapping("/accesso")
    String accesso() {
        return "console/accesso";
    }

    @GetMapping("/")
    String scrivania() {
        return "console/scrivania";
    }
}
