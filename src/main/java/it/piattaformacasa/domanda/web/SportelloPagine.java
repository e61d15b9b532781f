package it.piattaformacasa.domanda.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import it.piattaformacasa.avviso.Avviso;
import it.piattaformacasa.common.web.PaginaConsole;
import it.piattaformacasa.domanda.BozzeDomanda;
import it.piattaformacasa.domanda.Domanda;
import it.piattaformacasa.domanda.DomandaService;
import it.piattaformacasa.domanda.web.PassiDomanda.Passo;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * «Nuova domanda allo sportello» (issue 12): an operator of an ente of the ambito files a domanda on the citizen's
 * behalf in seven steps. Each step is checked with the API's own validation and messages (the request body is the
 * API's, {@link ModuloSportello#corpo}), the errors beside each field and summarised at the top; the draft is kept in
 * the database between steps ({@link BozzeDomanda}); the riepilogo presents it through the same service as
 * {@code POST /api/avvisi/{id}/domande}, which records the operator as the one who filed it. Sent twice (a double
 * click), it is presented once: the draft's id is the idempotency key. The steps are {@link PassiDomanda}'s, shared
 * with the citizen's domanda online.
 */
@Controller
@PaginaConsole
class SportelloPagine {

    private final DomandaService domande;
    private final BozzeDomanda bozze;
    private final PassiDomanda passi;

    SportelloPagine(DomandaService domande, BozzeDomanda bozze, PassiDomanda passi) {
        this.domande = domande;
        this.bozze = bozze;
        this.passi = passi;
    }

    /** Where the draft stands, or the first step. */
    @GetMapping("/avvisi/{avvisoId}/sportello")
    String inizio(@PathVariable long avvisoId) {
        domande.sportello(avvisoId);
        return "redirect:/avvisi/" + avvisoId + "/sportello/" + bozze.bozza(avvisoId).map(BozzeDomanda.Bozza::passo).orElse(1);
    }

    @GetMapping("/avvisi/{avvisoId}/sportello/{passo}")
    String passo(@PathVariable long avvisoId, @PathVariable int passo, Model model) {
        Avviso avviso = domande.sportello(avvisoId);
        Passo questo = Passo.di(passo);
        ModuloSportello modulo = passi.bozza(avvisoId, bozze.operatore());
        Map<String, String> errori = questo == Passo.RIEPILOGO ? passi.errori(modulo, null) : Map.of();
        return pagina(model, avviso, questo, modulo, errori, List.of());
    }

    /** One step sent: {@link PassiDomanda#invia}. */
    @PostMapping("/avvisi/{avvisoId}/sportello/{passo}")
    String invia(@PathVariable long avvisoId, @PathVariable int passo, @RequestParam(defaultValue = "avanti") String azione,
                 HttpServletRequest richiesta, HttpServletResponse risposta, Model model) {
        Avviso avviso = domande.sportello(avvisoId);
        Passo questo = Passo.di(passo);
        ModuloSportello modulo = passi.bozza(avvisoId, bozze.operatore());
        PassiDomanda.Invio invio = passi.invia(avvisoId, bozze.operatore(), questo, azione, richiesta, modulo);
        if (!invio.errori().isEmpty()) {
            risposta.setStatus(HttpStatus.BAD_REQUEST.value());
            return pagina(model, avviso, questo, modulo, invio.errori(), List.of());
        }
        return "redirect:/avvisi/" + avvisoId + "/sportello/" + invio.prossimo().numero();
    }

    /** The riepilogo's «Presenta la domanda»: the API's service; a refusal stays on the riepilogo with its reasons. */
    @PostMapping("/avvisi/{avvisoId}/sportello/presenta")
    String presenta(@PathVariable long avvisoId, HttpServletResponse risposta, Model model, RedirectAttributes redirect) {
        Avviso avviso = domande.sportello(avvisoId);
        BozzeDomanda.Bozza bozza = bozze.bozza(avvisoId).orElse(null);
        if (bozza == null) {
            return "redirect:/avvisi/" + avvisoId + "/sportello/1";
        }
        ModuloSportello modulo = PassiDomanda.leggiBozza(bozza.dati());
        Map<String, String> errori = passi.errori(modulo, null);
        List<String> motivi = new ArrayList<>();
        if (errori.isEmpty()) {
            Domanda domanda = passi.esito(() -> domande.presenta(avvisoId, DomandeController.dati(modulo.corpo().body()), null,
                    "sportello-" + bozza.id()).domanda(), errori, motivi);
            if (domanda != null) {
                bozze.elimina(avvisoId);
                redirect.addFlashAttribute("successo", "Domanda n. " + domanda.getId() + " presentata allo sportello: ISBAR "
                        + domanda.getIsbar().toItalian() + ".");
                return "redirect:/domande/" + domanda.getId();
            }
        }
        risposta.setStatus(motivi.isEmpty() ? HttpStatus.BAD_REQUEST.value() : HttpStatus.UNPROCESSABLE_ENTITY.value());
        return pagina(model, avviso, Passo.RIEPILOGO, modulo, errori, motivi);
    }

    /** «Annulla la domanda»: the draft goes, back to the avviso. */
    @PostMapping("/avvisi/{avvisoId}/sportello/annulla")
    String annulla(@PathVariable long avvisoId, RedirectAttributes redirect) {
        domande.sportello(avvisoId);
        bozze.elimina(avvisoId);
        redirect.addFlashAttribute("successo", "La bozza della domanda è stata eliminata.");
        return "redirect:/avvisi/" + avvisoId;
    }

    private String pagina(Model model, Avviso avviso, Passo passo, ModuloSportello modulo, Map<String, String> errori,
                          List<String> motivi) {
        passi.pagina(model, avviso, passo, modulo, errori, motivi, domande.alloggiOfferti(avviso.getId()));
        model.addAttribute("online", false);
        model.addAttribute("indirizzo", "/avvisi/" + avviso.getId() + "/sportello");
        return "domanda/sportello";
    }
}
