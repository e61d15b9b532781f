package it.piattaformacasa.assegnazione.web;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.RedirectView;

import it.piattaformacasa.assegnazione.IstruttoriaService;
import it.piattaformacasa.assegnazione.OrdineAssegnazioneService;
import it.piattaformacasa.common.AccessoNegatoException;
import it.piattaformacasa.common.ConflittoException;
import it.piattaformacasa.common.DatiNonValidiException;
import it.piattaformacasa.common.NonAmmissibileException;
import it.piattaformacasa.common.web.Console;
import it.piattaformacasa.common.web.PaginaConsole;
import it.piattaformacasa.common.web.PaginazioneConsole;
import it.piattaformacasa.graduatoria.GenerazioniService;
import it.piattaformacasa.graduatoria.Graduatoria;
import it.piattaformacasa.graduatoria.GraduatoriaService;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Issue 12, the area «GRADUATORIE» (seed 000): one graduatoria of an ente in a comune, provisional or definitive, its
 * rows page by page, the download buttons, the run records of its avviso, and for a definitive one the art. 15 order
 * with the reserves left and «Avvia istruttoria» on the proposed domanda. The API's services: 403 for an operator of
 * another ente, the run records only for supervisors and administrators (as {@code GET /api/avvisi/{id}/generazioni}).
 */
@Controller
@PaginaConsole
class GraduatoriaPagina {

    private final GraduatoriaService graduatorie;
    private final OrdineAssegnazioneService ordini;
    private final IstruttoriaService istruttorie;
    private final GenerazioniService generazioni;

    GraduatoriaPagina(GraduatoriaService graduatorie, OrdineAssegnazioneService ordini, IstruttoriaService istruttorie,
                      GenerazioniService generazioni) {
        this.graduatorie = graduatorie;
        this.ordini = ordini;
        this.istruttorie = istruttorie;
        this.generazioni = generazioni;
    }

    @GetMapping("/graduatorie/{id}")
    String graduatoria(@PathVariable long id, @RequestParam(defaultValue = "1") String pagina, Authentication chi,
                       Model model) {
        return pagina(id, numero(pagina), chi, model);
    }

    /** «Avvia istruttoria»: the API's {@code POST /api/graduatorie/{id}/istruttorie}, then the domanda's page. */
    @PostMapping("/graduatorie/{id}/istruttorie")
    Object avvia(@PathVariable long id, @RequestParam(required = false) String domandaId, Authentication chi, Model model,
                 RedirectAttributes esito, HttpServletResponse risposta) {
        HttpStatus stato;
        String messaggio;
        try {
            if (domandaId == null || !domandaId.strip().matches("[0-9]{1,18}")) {
                throw DatiNonValidiException.campo("domandaId", "indicare la domanda di cui avviare l'istruttoria");
            }
            IstruttoriaService.Istruttoria avviata = istruttorie.avvia(id, Long.parseLong(domandaId.strip()));
            esito.addFlashAttribute("successo", "Istruttoria n. " + avviata.id() + " avviata presso " + avviata.ente()
                    + ": l'attività «Verifica istruttoria» è in carico a te.");
            RedirectView domanda = new RedirectView("/domande/" + avviata.domandaId(), true);
            domanda.setStatusCode(HttpStatus.SEE_OTHER);
            return domanda;
        } catch (AccessoNegatoException e) {
            stato = HttpStatus.FORBIDDEN;
            messaggio = e.getMessage();
        } catch (ConflittoException e) {
            stato = HttpStatus.CONFLICT;
            messaggio = e.getMessage();
        } catch (NonAmmissibileException e) {
            stato = HttpStatus.UNPROCESSABLE_ENTITY;
            messaggio = e.getMessage() + " " + String.join(" ", e.motivi());
        } catch (DatiNonValidiException e) {
            stato = HttpStatus.BAD_REQUEST;
            messaggio = e.errori().isEmpty() ? e.getMessage()
                    : String.join(" ", e.errori().stream().map(DatiNonValidiException.Errore::messaggio).toList());
        }
        // the page again, with the refusal at the top (an operator of another ente gets the 403 page from it)
        String vista = pagina(id, 1, chi, model);
        model.addAttribute("errore", "Istruttoria non avviata: " + messaggio);
        risposta.setStatus(stato.value());
        return vista;
    }

    private String pagina(long id, int richiesta, Authentication chi, Model model) {
        Graduatoria graduatoria = graduatorie.graduatoria(id);
        long totale = graduatorie.numeroDomande(id);
        int dimensione = Console.RIGHE_PER_PAGINA;
        PaginazioneConsole paginazione = PaginazioneConsole.di(richiesta, dimensione, totale,
                n -> "/graduatorie/" + id + "?pagina=" + n);
        model.addAttribute("graduatoria", graduatoria);
        model.addAttribute("avvisoId", graduatoria.getAvviso().getId());
        model.addAttribute("avvisoTitolo", graduatoria.getAvviso().getTitolo());
        model.addAttribute("ente", graduatoria.getEnte().getRagioneSociale());
        model.addAttribute("comune", graduatoria.getComune().getNome());
        model.addAttribute("righe", graduatorie.righe(id, paginazione.indice(), dimensione));
        model.addAttribute("paginazione", paginazione);
        if (graduatoria.assegnabile()) {
            try {
                OrdineAssegnazioneService.OrdineAssegnazione ordine = ordini.ordine(id);
                model.addAttribute("ordine", ordine);
                model.addAttribute("proposte", ordine.ordine().stream().limit(Console.RIGHE_PER_PAGINA).toList());
            } catch (ConflittoException e) {
                model.addAttribute("ordineNonDisponibile", e.getMessage());
            }
        }
        boolean supervisore = chi != null && chi.getAuthorities().stream()
                .anyMatch(a -> List.of("ROLE_SUPERVISORE", "ROLE_AMMINISTRATORE").contains(a.getAuthority()));
        if (supervisore) {
            model.addAttribute("generazioni", generazioni.diAvviso(graduatoria.getAvviso().getId()));
        }
        return "graduatoria/graduatoria";
    }

    private static int numero(String pagina) {
        try {
            return Math.max(1, Math.min(Integer.parseInt(pagina.strip()), 1_000_000));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
