package it.piattaformacasa.operatori.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

import it.piattaformacasa.anagrafe.RegioneProfilo;
import it.piattaformacasa.common.DatiNonValidiException;
import it.piattaformacasa.common.web.PaginaConsole;
import it.piattaformacasa.operatori.Operatore;
import it.piattaformacasa.operatori.OperatoriService;

/**
 * «Operatori» (administrators): who works on the platform with which abilitazioni and roles, and the read-only scope of
 * seed 004 given or taken away — the same service as {@code PUT /api/operatori/{username}/lettura}.
 */
@Controller
@PaginaConsole
@PreAuthorize("hasRole('AMMINISTRATORE')")
class OperatoriPagine {

    private final OperatoriService operatori;
    private final MessageSource messaggi;

    OperatoriPagine(OperatoriService operatori, MessageSource messaggi) {
        this.operatori = operatori;
        this.messaggi = messaggi;
    }

    @GetMapping("/operatori")
    ModelAndView elenco() {
        ModelAndView pagina = new ModelAndView("operatori/operatori");
        pagina.addObject("operatori", operatori.operatori());
        return pagina;
    }

    @GetMapping("/operatori/{username}/lettura")
    ModelAndView lettura(@PathVariable String username) {
        Operatore operatore = operatori.operatore(username);
        String ruolo = operatore.getRuoli().stream().filter(r -> r.soloLettura()).map(Enum::name).findFirst().orElse("");
        return modulo(operatore, ruolo, operatore.getProvinciaLettura(),
                operatore.getRegioneLettura() == null ? "" : operatore.getRegioneLettura().name(), Map.of(), HttpStatus.OK);
    }

    @PostMapping("/operatori/{username}/lettura")
    Object salva(@PathVariable String username, @RequestParam(required = false) String ruolo,
                 @RequestParam(required = false) String provincia, @RequestParam(required = false) String regione) {
        Operatore operatore = operatori.operatore(username);
        try {
            operatori.assegnaLettura(username, ruolo, "LETTORE_PROVINCIALE".equals(ruolo) ? provincia : null,
                    "LETTORE_REGIONALE".equals(ruolo) ? regione : null);
        } catch (DatiNonValidiException e) {
            Map<String, String> errori = new LinkedHashMap<>();
            e.errori().forEach(errore -> errori.putIfAbsent(errore.campo(),
                    testo("operatori.lettura." + errore.campo()) + ": " + errore.messaggio()));
            return modulo(operatore, ruolo, provincia, regione, errori, HttpStatus.BAD_REQUEST);
        }
        RedirectView vai = new RedirectView("/operatori?salvato=" + username, true);
        vai.setStatusCode(HttpStatus.SEE_OTHER);
        return vai;
    }

    private ModelAndView modulo(Operatore operatore, String ruolo, String provincia, String regione, Map<String, String> errori,
                                HttpStatus stato) {
        ModelAndView vista = new ModelAndView("operatori/lettura");
        vista.addObject("operatore", operatore);
        vista.addObject("ruolo", ruolo == null ? "" : ruolo);
        vista.addObject("provincia", provincia);
        vista.addObject("regione", regione == null ? "" : regione);
        vista.addObject("regioni", RegioneProfilo.values());
        vista.addObject("errori", errori);
        vista.setStatus(stato);
        return vista;
    }

    private String testo(String chiave) {
        return messaggi.getMessage(chiave, null, chiave, Locale.ITALIAN);
    }
}
