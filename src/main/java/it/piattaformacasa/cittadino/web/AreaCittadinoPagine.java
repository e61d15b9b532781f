package it.piattaformacasa.cittadino.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import it.piattaformacasa.common.sicurezza.CittadinoCorrente;
import it.piattaformacasa.common.web.PaginaConsole;
import it.piattaformacasa.domanda.DomandeDelCittadino;

/** «La mia area» (issue 16): where a citizen lands after logging in, with the way to each part of their side. */
@Controller
@PaginaConsole
class AreaCittadinoPagine {

    private final CittadinoCorrente cittadino;
    private final DomandeDelCittadino domande;

    AreaCittadinoPagine(CittadinoCorrente cittadino, DomandeDelCittadino domande) {
        this.cittadino = cittadino;
        this.domande = domande;
    }

    @GetMapping("/cittadino")
    String area(Model model) {
        model.addAttribute("codiceFiscale", cittadino.richiesto().valore());
        model.addAttribute("nome", cittadino.nomeCompleto().orElse(null));
        // the latest domanda and where it stands (the whole timeline is on its page)
        model.addAttribute("ultimaDomanda", domande.elenco(cittadino.richiesto()).stream().findFirst().orElse(null));
        return "cittadino/area";
    }
}
