package it.piattaformacasa.assegnazione.web;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.RedirectView;

import it.piattaformacasa.assegnazione.IstruttoriaService;
import it.piattaformacasa.assegnazione.OrdineAssegnazioneService;
import it.piattaformacasa.assegnazione.RipescaggioService;
import it.piattaformacasa.avviso.AvvisoService;
import it.piattaformacasa.avviso.RegoleDellAvviso;
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
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

/**
 * Issue 12, the area «GRADUATORIE» (seed 000): one graduatoria of an ente in a comune, provisional or definitive, its
 * rows page by page, the download buttons, the run records of its avviso, and for a definitive one the art. 15 order
 * with the reserves left and «Avvia istruttoria» on the proposed domanda; «Avvia il ripescaggio» on a definitive one
 * and «Aggiungi un alloggio liberato» while it is in ripescaggio (seed 000, «RIPESCAGGIO E ALLOGGI SFITTI»), for the
 * ente's Gestione Avviso operators. The API's services: 403 for an operator of another ente, the run records only for
 * supervisors and administrators (as {@code GET /api/avvisi/{id}/generazioni}), the ripescaggio's requests through
 * {@link RipescaggioService}, which sends the graduatoria's process its message.
 */
@Controller
@PaginaConsole
class GraduatoriaPagina {

    private final GraduatoriaService graduatorie;
    private final OrdineAssegnazioneService ordini;
    private final IstruttoriaService istruttorie;
    private final GenerazioniService generazioni;
    private final RipescaggioService ripescaggio;
    private final RegoleDellAvviso regole;
    private final Validator validator;
    private final MessageSource messaggi;

    GraduatoriaPagina(GraduatoriaService graduatorie, OrdineAssegnazioneService ordini, IstruttoriaService istruttorie,
                      GenerazioniService generazioni, RipescaggioService ripescaggio, RegoleDellAvviso regole,
                      Validator validator, MessageSource messaggi) {
        this.graduatorie = graduatorie;
        this.ordini = ordini;
        this.istruttorie = istruttorie;
        this.generazioni = generazioni;
        this.ripescaggio = ripescaggio;
        this.regole = regole;
        this.validator = validator;
        this.messaggi = messaggi;
    }

    /** «Aggiungi un alloggio liberato» as typed, kept as text so a refused form shows it again as it was. */
    record ModuloAlloggioLibero(String alloggioId, String tipologiaRiscaldamento, String speseAnnueUtenze) {
    }

    /** The form's fields in the order a person reads them: the summary of errors follows it. */
    private static final List<String> CAMPI_ALLOGGIO = List.of("alloggioId", "tipologiaRiscaldamento", "speseAnnueUtenze");

    /** {@code conferma=ripescaggio}: the page asks to confirm the ripescaggio before sending it (no script needed). */
    @GetMapping("/graduatorie/{id}")
    String graduatoria(@PathVariable long id, @RequestParam(defaultValue = "1") String pagina,
                       @RequestParam(required = false) String conferma, Authentication chi, Model model) {
        model.addAttribute("confermaRipescaggio", "ripescaggio".equals(conferma));
        return pagina(id, numero(pagina), chi, model);
    }

    /** «Avvia il ripescaggio»: the API's {@code POST /api/graduatorie/{id}/ripescaggio}, then the page again (303). */
    @PostMapping("/graduatorie/{id}/ripescaggio")
    Object avviaRipescaggio(@PathVariable long id, Authentication chi, Model model, RedirectAttributes esito,
                            HttpServletResponse risposta) {
        HttpStatus stato;
        String messaggio;
        try {
            ripescaggio.avvia(id);
            esito.addFlashAttribute("successoRipescaggio", testo("ripescaggio.avviato"));
            return allaGraduatoria(id, "ripescaggio");
        } catch (AccessoNegatoException e) {
            stato = HttpStatus.FORBIDDEN;
            messaggio = e.getMessage();
        } catch (ConflittoException e) {
            stato = HttpStatus.CONFLICT;
            messaggio = e.getMessage();
        }
        // the page again with the refusal (an operator of another ente gets the 403 page from it)
        String vista = pagina(id, 1, chi, model);
        rifiutoNellaPagina(model, testo("ripescaggio.nonAvviato", messaggio));
        risposta.setStatus(stato.value());
        return vista;
    }

    /**
     * A refusal of the ripescaggio's requests: in its section when the page shows it (the forms' address leads there),
     * otherwise at the top.
     */
    private static void rifiutoNellaPagina(Model model, String messaggio) {
        boolean sezione = Boolean.TRUE.equals(model.getAttribute("puoAvviareRipescaggio"))
                || Boolean.TRUE.equals(model.getAttribute("puoAggiungereAlloggi"));
        model.addAttribute(sezione ? "erroreRipescaggio" : "errore", messaggio);
    }

    /**
     * «Aggiungi un alloggio liberato»: the API's {@code POST /api/graduatorie/{id}/alloggi-liberi}, its body built from
     * the form and checked with the body's own constraints; a refusal comes back beside the field (400) or at the top
     * (403, 409) with what was typed, and nothing is written.
     */
    @PostMapping("/graduatorie/{id}/alloggi-liberi")
    Object aggiungiAlloggioLibero(@PathVariable long id, @ModelAttribute ModuloAlloggioLibero modulo, Authentication chi,
                                  Model model, RedirectAttributes esito, HttpServletResponse risposta) {
        Map<String, String> errori = new LinkedHashMap<>();
        List<AvvisoService.AlloggioSelezionabile> aggiungibili;
        try {
            // the service's rule for who adds them, asked first so that a form full of errors is not answered with a 400
            aggiungibili = ripescaggio.alloggiLiberiAggiungibili(id);
        } catch (AccessoNegatoException e) {
            return rifiutoAlloggio(id, modulo, errori, HttpStatus.FORBIDDEN, e.getMessage(), chi, model, risposta);
        }
        Long alloggioId = identificativo(modulo.alloggioId(), errori);
        BigDecimal spese = importo(modulo.speseAnnueUtenze(), errori);
        String riscaldamento = modulo.tipologiaRiscaldamento() == null || modulo.tipologiaRiscaldamento().isBlank() ? null
                : modulo.tipologiaRiscaldamento().strip();
        RipescaggioController.AlloggioLiberoBody richiesta = new RipescaggioController.AlloggioLiberoBody(alloggioId,
                riscaldamento, spese);
        for (ConstraintViolation<?> violazione : validator.validate(richiesta)) {
            errori.putIfAbsent(violazione.getPropertyPath().toString(), violazione.getMessage());
        }
        if (!errori.isEmpty()) {
            // the service's own words for what it requires, so that one answer lists every missing field
            if (riscaldamento == null) {
                errori.putIfAbsent("tipologiaRiscaldamento", "obbligatoria");
            }
            if (spese == null) {
                errori.putIfAbsent("speseAnnueUtenze", "obbligatorie e non negative");
            }
            return rifiutoAlloggio(id, modulo, errori, HttpStatus.BAD_REQUEST, null, chi, model, risposta);
        }
        try {
            ripescaggio.aggiungiAlloggioLibero(id, alloggioId, riscaldamento, spese);
        } catch (DatiNonValidiException e) {
            e.errori().forEach(x -> errori.putIfAbsent(x.campo(), x.messaggio()));
            return rifiutoAlloggio(id, modulo, errori, HttpStatus.BAD_REQUEST, errori.isEmpty() ? e.getMessage() : null, chi,
                    model, risposta);
        } catch (AccessoNegatoException e) {
            return rifiutoAlloggio(id, modulo, errori, HttpStatus.FORBIDDEN, e.getMessage(), chi, model, risposta);
        } catch (ConflittoException e) {
            return rifiutoAlloggio(id, modulo, errori, HttpStatus.CONFLICT, e.getMessage(), chi, model, risposta);
        }
        // its code for the confirmation, from the list the form offered
        String codice = aggiungibili.stream().filter(a -> a.id() == alloggioId).map(AvvisoService.AlloggioSelezionabile::codiceUi)
                .findFirst().orElse("n. " + alloggioId);
        esito.addFlashAttribute("successoRipescaggio", testo("ripescaggio.alloggio.aggiunto", codice));
        return allaGraduatoria(id, "ripescaggio");
    }

    /** The graduatoria's page again with what was typed: the errors beside their fields, a reason at the top. */
    private String rifiutoAlloggio(long id, ModuloAlloggioLibero modulo, Map<String, String> errori, HttpStatus stato,
                                   String messaggio, Authentication chi, Model model, HttpServletResponse risposta) {
        model.addAttribute("moduloAlloggio", modulo);
        model.addAttribute("erroriAlloggio", etichettati(errori));
        // an operator of another ente gets the 403 page from it, an unknown graduatoria the 404
        String vista = pagina(id, 1, chi, model);
        if (messaggio != null) {
            rifiutoNellaPagina(model, testo("ripescaggio.alloggio.nonAggiunto", messaggio));
        }
        risposta.setStatus(stato.value());
        return vista;
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
            model.addAttribute("passoNormativo", passoNormativo(graduatoria.getAvviso().getId()));
        }
        // the ripescaggio's buttons, for whom the requests accept, when the state allows them
        boolean gestisce = ripescaggio.puoGestire(graduatoria);
        boolean puoAvviare = gestisce && graduatoria.getStato() == Graduatoria.Stato.DEFINITIVA;
        boolean puoAggiungere = gestisce && graduatoria.getStato() == Graduatoria.Stato.RIPESCAGGIO;
        model.addAttribute("puoAvviareRipescaggio", puoAvviare);
        model.addAttribute("puoAggiungereAlloggi", puoAggiungere);
        model.addAttribute("confermaRipescaggio", puoAvviare && Boolean.TRUE.equals(model.getAttribute("confermaRipescaggio")));
        model.addAttribute("alloggiLiberi", puoAggiungere ? ripescaggio.alloggiLiberiAggiungibili(id) : List.of());
        if (!model.containsAttribute("moduloAlloggio")) {
            model.addAttribute("moduloAlloggio", new ModuloAlloggioLibero(null, null, null));
            model.addAttribute("erroriAlloggio", Map.of());
        }
        return "graduatoria/graduatoria";
    }

    /**
     * The avviso's regulatory step in words («Secondo step del r.r. 2/2025»), for the run records that name it by
     * its code; null when the rules give no words for it.
     */
    private Map<String, String> passoNormativo(long avvisoId) {
        var quadro = regole.descritte(avvisoId).descrizione();
        return quadro.passoNormativo() == null || quadro.etichettaPasso() == null ? Map.of()
                : Map.of(quadro.passoNormativo(), quadro.etichettaPasso());
    }

    /** Post/Redirect/Get with 303 to the graduatoria's page, at the given section. */
    private static RedirectView allaGraduatoria(long id, String sezione) {
        RedirectView pagina = new RedirectView("/graduatorie/" + id + "#" + sezione, true);
        pagina.setStatusCode(HttpStatus.SEE_OTHER);
        return pagina;
    }

    /** «Tipologia di riscaldamento: obbligatoria»: each message names its field, as the summary at the top lists them. */
    private Map<String, String> etichettati(Map<String, String> errori) {
        Map<String, String> etichettati = new LinkedHashMap<>();
        CAMPI_ALLOGGIO.stream().filter(errori::containsKey)
                .forEach(c -> etichettati.put(c, testo("ripescaggio.alloggio.campo." + c) + ": " + errori.get(c)));
        errori.forEach((campo, messaggio) -> etichettati.putIfAbsent(campo, messaggio));
        return etichettati;
    }

    private String testo(String chiave, Object... argomenti) {
        return messaggi.getMessage(chiave, argomenti, chiave, Locale.ITALIAN);
    }

    /** The alloggio chosen in the list: a number, or the field's error. */
    private static Long identificativo(String testo, Map<String, String> errori) {
        if (testo == null || testo.isBlank()) {
            errori.put("alloggioId", "scegliere l'alloggio liberato");
            return null;
        }
        if (!testo.strip().matches("[0-9]{1,18}")) {
            errori.put("alloggioId", "scegliere uno degli alloggi dell'elenco");
            return null;
        }
        return Long.valueOf(testo.strip());
    }

    /**
     * An amount in euro as an Italian types it: «1.200,50», «1200,50», «900», «1.200» (a thousand and two hundred),
     * «€ 900,50»; a point with one or two decimals is read as a decimal point too («900.50»).
     */
    static BigDecimal importo(String testo, Map<String, String> errori) {
        if (testo == null || testo.isBlank()) {
            return null;
        }
        String pulito = testo.strip().replace("€", "").replace(" ", "").replace("\u00a0", "");
        if (pulito.matches("-?[0-9]{1,3}(\\.[0-9]{3})+(,[0-9]+)?") || pulito.matches("-?[0-9]+,[0-9]+")) {
            pulito = pulito.replace(".", "").replace(',', '.');
        } else if (!pulito.matches("-?[0-9]{1,15}(\\.[0-9]{1,2})?")) {
            errori.put("speseAnnueUtenze", "importo non valido: scrivere ad esempio 1.200,50");
            return null;
        }
        if (pulito.replace("-", "").replace(".", "").length() > 15) {
            errori.put("speseAnnueUtenze", "importo in euro con al massimo due decimali");
            return null;
        }
        return new BigDecimal(pulito);
    }

    private static int numero(String pagina) {
        try {
            return Math.max(1, Math.min(Integer.parseInt(pagina.strip()), 1_000_000));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
