package it.piattaformacasa.domanda.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import it.piattaformacasa.avviso.Avviso;
import it.piattaformacasa.avviso.AvvisoService;
import it.piattaformacasa.common.CodiceFiscale;
import it.piattaformacasa.common.sicurezza.CittadinoCorrente;
import it.piattaformacasa.common.web.PaginaConsole;
import it.piattaformacasa.domanda.BozzeDomanda;
import it.piattaformacasa.domanda.Domanda;
import it.piattaformacasa.domanda.DomandaService;
import it.piattaformacasa.domanda.RicevutaDomanda;
import it.piattaformacasa.domanda.web.PassiDomanda.Passo;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The citizen's side of a domanda (issue 16): the avvisi open to citizens and the alloggi each offers with what seed
 * 000 publishes and which ones the citizen may choose (art. 9), the domanda in the sportello's seven steps
 * ({@link PassiDomanda}: the same checks and messages as the API), the draft kept by the codice fiscale of the identity,
 * the pre-check that says why a domanda would be refused before it is sent, the presentation and its ricevuta (PDF).
 * The richiedente is always the person of the identity: the codice fiscale is never a field, and whatever a request
 * says, the server writes the identity's before saving, checking and presenting.
 */
@Controller
@PaginaConsole
class DomandaOnlinePagine {

    private final DomandaService domande;
    private final AvvisoService avvisi;
    private final BozzeDomanda bozze;
    private final PassiDomanda passi;
    private final CittadinoCorrente cittadino;
    private final RicevutaDomanda ricevute;
    private final it.piattaformacasa.anagrafe.ComuniItaliani comuni;

    DomandaOnlinePagine(DomandaService domande, AvvisoService avvisi, BozzeDomanda bozze, PassiDomanda passi,
                        CittadinoCorrente cittadino, RicevutaDomanda ricevute, it.piattaformacasa.anagrafe.ComuniItaliani comuni) {
        this.comuni = comuni;
        this.domande = domande;
        this.avvisi = avvisi;
        this.bozze = bozze;
        this.passi = passi;
        this.cittadino = cittadino;
        this.ricevute = ricevute;
    }

    /** «Avvisi aperti»: those open now, and those that will open, with their dates. */
    @GetMapping("/cittadino/avvisi")
    String avvisi(Model model) {
        cittadino.richiesto();
        List<AvvisoService.AvvisoPubblico> tutti = avvisi.avvisiPerICittadini();
        model.addAttribute("aperti", tutti.stream().filter(AvvisoService.AvvisoPubblico::aperto).toList());
        model.addAttribute("prossimi", tutti.stream().filter(a -> !a.aperto()).toList());
        return "cittadino/avvisi";
    }

    /** One avviso: its alloggi with what is published, and which ones the citizen may choose once their draft says where they live. */
    @GetMapping("/cittadino/avvisi/{avvisoId}")
    String avviso(@PathVariable long avvisoId, Model model) {
        CodiceFiscale cf = cittadino.richiesto();
        AvvisoService.AvvisoPubblico avviso = avvisi.avvisoPubblico(avvisoId);
        model.addAttribute("avviso", avviso);
        model.addAttribute("alloggi", avvisi.alloggiPubblicati(avvisoId));
        ModuloSportello modulo = passi.bozza(avvisoId, BozzeDomanda.Titolare.cittadino(cf));
        model.addAttribute("bozza", bozze.bozza(avvisoId, BozzeDomanda.Titolare.cittadino(cf)).isPresent());
        model.addAttribute("scelte", scelte(avvisoId, modulo));
        model.addAttribute("domandaPresentata", domande.domandaDelCittadinoPerAvviso(avvisoId, cf).orElse(null));
        return "cittadino/avviso";
    }

    /** Where the citizen's draft stands, or the first step. */
    @GetMapping("/cittadino/avvisi/{avvisoId}/domanda")
    String inizio(@PathVariable long avvisoId, RedirectAttributes redirect) {
        CodiceFiscale cf = cittadino.richiesto();
        if (aperto(avvisoId) == null) {
            return nonAperto(avvisoId, redirect);
        }
        return "redirect:" + base(avvisoId) + "/"
                + bozze.bozza(avvisoId, BozzeDomanda.Titolare.cittadino(cf)).map(BozzeDomanda.Bozza::passo).orElse(1);
    }

    @GetMapping("/cittadino/avvisi/{avvisoId}/domanda/{passo}")
    String passo(@PathVariable long avvisoId, @PathVariable int passo, Model model, RedirectAttributes redirect) {
        Passaggio p = passaggio(avvisoId, passo);
        if (p == null) {
            return nonAperto(avvisoId, redirect);
        }
        CodiceFiscale cf = p.cf();
        Avviso avviso = p.avviso();
        Passo questo = p.passo();
        ModuloSportello modulo = p.modulo();
        Map<String, String> errori = questo == Passo.RIEPILOGO ? passi.errori(modulo, null) : new java.util.LinkedHashMap<>();
        List<String> motivi = new ArrayList<>();
        if (questo == Passo.RIEPILOGO && errori.isEmpty()) {
            model.addAttribute("verifica", passi.esito(() -> domande.verificaDalCittadino(avvisoId,
                    DomandeController.dati(modulo.corpo().body()), cf), errori, motivi));
            model.addAttribute("verificata", true);
        }
        return pagina(model, avviso, questo, modulo, errori, motivi);
    }

    /** One step sent: {@link PassiDomanda#invia}, with the identity's codice fiscale whatever was sent. */
    @PostMapping("/cittadino/avvisi/{avvisoId}/domanda/{passo}")
    String invia(@PathVariable long avvisoId, @PathVariable int passo, @RequestParam(defaultValue = "avanti") String azione,
                 HttpServletRequest richiesta, HttpServletResponse risposta, Model model, RedirectAttributes redirect) {
        Passaggio p = passaggio(avvisoId, passo);
        if (p == null) {
            return nonAperto(avvisoId, redirect);
        }
        PassiDomanda.Invio invio = passi.invia(avvisoId, BozzeDomanda.Titolare.cittadino(p.cf()), p.passo(), azione,
                new RichiestaDelCittadino(richiesta, p.cf()), p.modulo());
        if (!invio.errori().isEmpty()) {
            risposta.setStatus(HttpStatus.BAD_REQUEST.value());
            return pagina(model, p.avviso(), p.passo(), p.modulo(), invio.errori(), List.of());
        }
        return "redirect:" + base(avvisoId) + "/" + invio.prossimo().numero();
    }

    /** «Presenta la domanda»: presented by the citizen online; a refusal stays on the riepilogo with its reasons. */
    @PostMapping("/cittadino/avvisi/{avvisoId}/domanda/presenta")
    String presenta(@PathVariable long avvisoId, HttpServletResponse risposta, Model model, RedirectAttributes redirect) {
        CodiceFiscale cf = cittadino.richiesto();
        Avviso avviso = aperto(avvisoId);
        if (avviso == null) {
            return nonAperto(avvisoId, redirect);
        }
        BozzeDomanda.Bozza bozza = bozze.bozza(avvisoId, BozzeDomanda.Titolare.cittadino(cf)).orElse(null);
        if (bozza == null) {
            // a second click after the first presented it: the draft is gone, the domanda is there
            return domande.domandaDelCittadinoPerAvviso(avvisoId, cf).map(id -> "redirect:/cittadino/domande/" + id + "/presentata")
                    .orElse("redirect:" + base(avvisoId) + "/1");
        }
        ModuloSportello modulo = modulo(avvisoId, cf);
        Map<String, String> errori = passi.errori(modulo, null);
        List<String> motivi = new ArrayList<>();
        if (errori.isEmpty()) {
            Domanda domanda = passi.esito(() -> domande.presentaDalCittadino(avvisoId, DomandeController.dati(modulo.corpo().body()),
                    cf, "online-" + bozza.id()).domanda(), errori, motivi);
            if (domanda != null) {
                bozze.elimina(avvisoId, BozzeDomanda.Titolare.cittadino(cf));
                return "redirect:/cittadino/domande/" + domanda.getId() + "/presentata";
            }
        }
        boolean giaPresentata = domande.domandaDelCittadinoPerAvviso(avvisoId, cf).isPresent();
        risposta.setStatus(giaPresentata ? HttpStatus.CONFLICT.value()
                : motivi.isEmpty() ? HttpStatus.BAD_REQUEST.value() : HttpStatus.UNPROCESSABLE_ENTITY.value());
        return pagina(model, avviso, Passo.RIEPILOGO, modulo, errori, motivi);
    }

    /** «Elimina la bozza»: the draft goes, back to the avviso. */
    @PostMapping("/cittadino/avvisi/{avvisoId}/domanda/annulla")
    String annulla(@PathVariable long avvisoId, RedirectAttributes redirect) {
        CodiceFiscale cf = cittadino.richiesto();
        avvisi.avvisoPubblico(avvisoId);
        bozze.elimina(avvisoId, BozzeDomanda.Titolare.cittadino(cf));
        redirect.addFlashAttribute("successo", "La bozza della domanda è stata eliminata.");
        return "redirect:/cittadino/avvisi/" + avvisoId;
    }

    /** Where a citizen lands after presenting: the number, the time, the score and the ricevuta. */
    @GetMapping("/cittadino/domande/{domandaId}/presentata")
    String presentata(@PathVariable long domandaId, Model model) {
        Domanda domanda = domande.domandaDelCittadino(domandaId, cittadino.richiesto());
        model.addAttribute("domanda", domanda);
        return "cittadino/presentata";
    }

    /** The ricevuta as PDF; 404 for a domanda of somebody else. */
    @GetMapping("/cittadino/domande/{domandaId}/ricevuta")
    ResponseEntity<byte[]> ricevuta(@PathVariable long domandaId) {
        byte[] pdf = ricevute.pdf(domandaId, cittadino.richiesto());
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("ricevuta-domanda-" + domandaId + ".pdf").build().toString())
                .body(pdf);
    }

    private String pagina(Model model, Avviso avviso, Passo passo, ModuloSportello modulo, Map<String, String> errori,
                          List<String> motivi) {
        CodiceFiscale cf = cittadino.richiesto();
        passi.pagina(model, avviso, passo, modulo, errori, motivi, avvisi.alloggiPubblicati(avviso.getId()));
        model.addAttribute("online", true);
        model.addAttribute("indirizzo", base(avviso.getId()));
        model.addAttribute("codiceFiscale", cf.valore());
        model.addAttribute("scelte", scelte(avviso.getId(), modulo));
        model.addAttribute("domandaPresentata", domande.domandaDelCittadinoPerAvviso(avviso.getId(), cf).orElse(null));
        // the riepilogo names the comuni the citizen gave by code
        Map<String, String> nomiComuni = new java.util.HashMap<>();
        java.util.stream.Stream.of(modulo.codiceIstatResidenza, modulo.codiceIstatLavoro).filter(c -> c != null && !c.isBlank())
                .forEach(c -> comuni.perCodiceIstat(c.strip()).ifPresent(x -> nomiComuni.put(c, x.nome() + " (" + x.siglaProvincia() + ")")));
        model.addAttribute("nomiComuni", nomiComuni);
        return "domanda/sportello";
    }

    /** The draft, with the identity's codice fiscale and, the first time, the identity's name. */
    private ModuloSportello modulo(long avvisoId, CodiceFiscale cf) {
        ModuloSportello modulo = passi.bozza(avvisoId, BozzeDomanda.Titolare.cittadino(cf));
        modulo.r.codiceFiscale = cf.valore();
        if (modulo.r.nome.isBlank() && modulo.r.cognome.isBlank()) {
            cittadino.nomeCompleto().ifPresent(nome -> {
                int spazio = nome.strip().indexOf(' ');
                modulo.r.nome = spazio < 0 ? nome.strip() : nome.strip().substring(0, spazio);
                modulo.r.cognome = spazio < 0 ? "" : nome.strip().substring(spazio + 1);
            });
        }
        return modulo;
    }

    /** Art. 9 for each alloggio once the draft says where the citizen lives; null before. */
    private Map<Long, DomandaService.SceltaPermessa> scelte(long avvisoId, ModuloSportello modulo) {
        String residenza = modulo.codiceIstatResidenza == null ? "" : modulo.codiceIstatResidenza.strip();
        if (residenza.isEmpty()) {
            return null;
        }
        String lavoro = modulo.lavora && modulo.codiceIstatLavoro != null && !modulo.codiceIstatLavoro.isBlank()
                ? modulo.codiceIstatLavoro.strip() : null;
        return domande.scelteConsentite(avvisoId, 1 + modulo.componenti.size(), residenza, lavoro);
    }

    /** A step of the citizen's domanda: who, which avviso, which step, their draft. */
    private record Passaggio(CodiceFiscale cf, Avviso avviso, Passo passo, ModuloSportello modulo) {
    }

    /** The step asked for, or null when the avviso is not open to domande now. */
    private Passaggio passaggio(long avvisoId, int passo) {
        CodiceFiscale cf = cittadino.richiesto();
        Avviso avviso = aperto(avvisoId);
        return avviso == null ? null : new Passaggio(cf, avviso, Passo.di(passo), modulo(avvisoId, cf));
    }

    /** The avviso if citizens may apply to it now, else null; 404 for the forces' avvisi. */
    private Avviso aperto(long avvisoId) {
        AvvisoService.AvvisoPubblico pubblico = avvisi.avvisoPubblico(avvisoId);
        return pubblico.aperto() ? avvisi.avviso(avvisoId) : null;
    }

    private static String nonAperto(long avvisoId, RedirectAttributes redirect) {
        redirect.addFlashAttribute("errore", "Questo avviso non è aperto alle domande: si possono presentare solo mentre è aperto.");
        return "redirect:/cittadino/avvisi/" + avvisoId;
    }

    private static String base(long avvisoId) {
        return "/cittadino/avvisi/" + avvisoId + "/domanda";
    }

    /** The request as the step reads it, with the richiedente's codice fiscale replaced by the identity's. */
    private static final class RichiestaDelCittadino extends jakarta.servlet.http.HttpServletRequestWrapper {
        private static final String CAMPO = "r.codiceFiscale";
        private final String codiceFiscale;

        RichiestaDelCittadino(HttpServletRequest richiesta, CodiceFiscale cf) {
            super(richiesta);
            this.codiceFiscale = cf.valore();
        }

        @Override
        public String getParameter(String nome) {
            return CAMPO.equals(nome) ? codiceFiscale : super.getParameter(nome);
        }

        @Override
        public String[] getParameterValues(String nome) {
            return CAMPO.equals(nome) ? new String[] {codiceFiscale} : super.getParameterValues(nome);
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            Map<String, String[]> parametri = new java.util.LinkedHashMap<>(super.getParameterMap());
            parametri.put(CAMPO, new String[] {codiceFiscale});
            return parametri;
        }

        @Override
        public java.util.Enumeration<String> getParameterNames() {
            return java.util.Collections.enumeration(getParameterMap().keySet());
        }
    }
}
