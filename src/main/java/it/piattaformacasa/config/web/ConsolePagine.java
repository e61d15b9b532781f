package it.piattaformacasa.config.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import it.piattaformacasa.config.database.ModalitaDatabase;

/**
 * The console's own pages (issue 12): the login and the scrivania, which leads to each area of the person's role.
 * The areas are pages of their modules (avviso/web, scadenze/web, regole/web…) in the shared layout.
 */
@Controller
class ConsolePagine {

    private final boolean fornitoreIncorporato;
    private final boolean passwordLocali;

    ConsolePagine(@Value("${piattaforma.identita.emittente:}") String emittente,
                  @Value("${piattaforma.identita.password-locali:false}") boolean passwordLocali, Environment ambiente) {
        this.fornitoreIncorporato = emittente.isBlank();
        this.passwordLocali = passwordLocali || ModalitaDatabase.demo(ambiente);
    }

    /**
     * «Accedi»: with the embedded provider, its login form (the provider's page, ADR 14); with an external one, the
     * way to it (SPID, CIE), for a person who has just logged out or whose login failed.
     */
    @GetMapping("/accesso")
    String accesso(Model model) {
        model.addAttribute("fornitoreIncorporato", fornitoreIncorporato);
        // an external database with the embedded provider: no passwords unless asked for, and «Accedi» says why
        model.addAttribute("senzaPassword", fornitoreIncorporato && !passwordLocali);
        return "console/accesso";
    }

    /** A person the identity provider knows and the platform has not enabled (issue 14, seed 002). */
    @GetMapping("/senza-abilitazione")
    String senzaAbilitazione() {
        return "console/senza-abilitazione";
    }

    /** Logging out from the webapps' menu lands here: a form, because logging out changes state (CSRF). */
    @GetMapping("/esci")
    String esci() {
        return "console/esci";
    }

    @GetMapping("/")
    String scrivania() {
        return "console/scrivania";
    }
}
