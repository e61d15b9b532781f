package it.piattaformacasa.assegnazione.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.RedirectView;

import it.piattaformacasa.anagrafe.Ambito;
import it.piattaformacasa.anagrafe.AnagrafeService;
import it.piattaformacasa.anagrafe.Comune;
import it.piattaformacasa.anagrafe.EnteProprietario;
import it.piattaformacasa.assegnazione.PianoRiserveService;
import it.piattaformacasa.common.AccessoNegatoException;
import it.piattaformacasa.common.DatiNonValidiException;
import it.piattaformacasa.common.ItalianFormats;
import it.piattaformacasa.common.NonTrovatoException;
import it.piattaformacasa.common.sicurezza.UtenteCorrente;
import it.piattaformacasa.common.web.PaginaConsole;
import it.piattaformacasa.report.web.Scaricamento;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

/**
 * «Riserve dell'anno» (seed 000, «programmazione annuale» and «Stato delle assegnazioni (articolo 14)»): an ente's
 * reserves for a year, comune by comune, with the units the rules reserve; the form «Imposta le riserve» for the ente's
 * Gestione Avviso operators; the state of the assignments with its downloads. Every check is the API's: the form builds
 * {@link RiserveController.ImpostazioneBody}, validates it with its constraints and calls {@link PianoRiserveService},
 * whose refusals come back beside the field (404 for an ente the caller does not see, as the API).
 */
@Controller
@PaginaConsole
class RiservePagine {

    /** The form's fields in the order a person reads them: the summary of errors follows it. */
    private static final List<String> CAMPI = List.of("comune", "alloggiDisponibili", "sogliaIndigentiComune",
            "percentualeCategorie", "categorie", "percentualeForzePolizia", "percentualePoliziaLocale");

    private final PianoRiserveService piani;
    private final AnagrafeService anagrafe;
    private final UtenteCorrente utente;
    private final Validator validator;
    private final MessageSource messaggi;
    private final Clock clock;

    RiservePagine(PianoRiserveService piani, AnagrafeService anagrafe, UtenteCorrente utente, Validator validator,
                  MessageSource messaggi, Clock clock) {
        this.piani = piani;
        this.anagrafe = anagrafe;
        this.utente = utente;
        this.validator = validator;
        this.messaggi = messaggi;
        this.clock = clock;
    }

    /** What the person typed, kept as text so a refused form shows it again as it was. */
    record ModuloRiserve(String comune, String alloggiDisponibili, String sogliaIndigentiComune, String percentualeCategorie,
                         List<String> categorie, String percentualeForzePolizia, String percentualePoliziaLocale) {

        public boolean scelta(String categoria) {
            return categorie != null && categorie.contains(categoria);
        }
    }

    /** A category as the form offers it. */
    record Categoria(String codice, String etichetta) {
    }

    @GetMapping("/riserve")
    ModelAndView riserve(@RequestParam(required = false) String ente, @RequestParam(required = false) String anno) {
        List<EnteProprietario> visibili = entiVisibili();
        long enteId;
        if (ente == null || ente.isBlank()) {
            Set<Long> propri = utente.entiAbilitati();
            enteId = visibili.stream().filter(e -> propri.contains(e.getId())).findFirst().or(() -> visibili.stream().findFirst())
                    .orElseThrow(() -> new AccessoNegatoException("Nessun ente di cui vedere le riserve")).getId();
        } else {
            enteId = identificativo(ente);
        }
        int annoScelto = anno == null || anno.isBlank() ? annoCorrente() : anno(anno);
        EnteProprietario scelto = anagrafe.enteVisibile(enteId);
        String sede = scelto.getComune() == null ? null : scelto.getComune().getCodiceIstat();
        // the form starts from what is saved for the ente's own comune, so that changing one quota keeps the others
        ModuloRiserve modulo = piani.diAnno(enteId, annoScelto).stream().filter(q -> q.codiceIstatComune().equals(sede))
                .findFirst().map(q -> new ModuloRiserve(sede, Integer.toString(q.impostazione().alloggiDisponibili()),
                        comeScritta(q.impostazione().sogliaIndigentiComune()), comeScritta(q.impostazione().percentualeCategorie()),
                        q.impostazione().categorie(), comeScritta(q.impostazione().percentualeForzePolizia()),
                        comeScritta(q.impostazione().percentualePoliziaLocale())))
                .orElse(new ModuloRiserve(sede, null, null, null, List.of(), null, null));
        return pagina(scelto, annoScelto, modulo, Map.of(), HttpStatus.OK);
    }

    /** A saved percentage as the form shows it: «20,5»; none when zero. */
    private static String comeScritta(BigDecimal percentuale) {
        if (percentuale == null || percentuale.signum() == 0) {
            return null;
        }
        return percentuale.stripTrailingZeros().toPlainString().replace('.', ',');
    }

    /** «Imposta le riserve»: the API's {@code PUT /api/enti/{enteId}/riserve/{anno}/{comune}}, then the page again. */
    @PostMapping("/riserve/{enteId}/{anno}")
    Object imposta(@PathVariable long enteId, @PathVariable int anno, @ModelAttribute ModuloRiserve modulo,
                   RedirectAttributes esito) {
        EnteProprietario ente = anagrafe.enteVisibile(enteId);
        if (!puoImpostare(enteId)) {
            // the service's own rule, asked first so that a form full of errors is not answered with a 400
            return rifiuto(ente, anno, modulo, HttpStatus.FORBIDDEN, testo("riserve.nonConsentito", ente.getRagioneSociale()));
        }
        Map<String, String> errori = new LinkedHashMap<>();
        if (modulo.comune() == null || modulo.comune().isBlank()) {
            errori.put("comune", "scegliere il comune");
        }
        Integer alloggi = intero(modulo.alloggiDisponibili(), "alloggiDisponibili", errori);
        BigDecimal soglia = percentuale(modulo.sogliaIndigentiComune(), "sogliaIndigentiComune", 100, errori);
        BigDecimal categorie = percentuale(modulo.percentualeCategorie(), "percentualeCategorie", 20, errori);
        BigDecimal forze = percentuale(modulo.percentualeForzePolizia(), "percentualeForzePolizia", 20, errori);
        BigDecimal locale = percentuale(modulo.percentualePoliziaLocale(), "percentualePoliziaLocale", 20, errori);
        List<String> scelte = modulo.categorie() == null ? List.of()
                : modulo.categorie().stream().filter(c -> c != null && !c.isBlank()).toList();
        RiserveController.ImpostazioneBody richiesta = new RiserveController.ImpostazioneBody(alloggi, soglia, categorie,
                scelte, forze, locale);
        for (ConstraintViolation<?> violazione : validator.validate(richiesta)) {
            errori.putIfAbsent(campo(violazione.getPropertyPath().toString()), violazione.getMessage());
        }
        if (!errori.isEmpty()) {
            return pagina(ente, anno, modulo, etichettati(errori), HttpStatus.BAD_REQUEST);
        }
        PianoRiserveService.QuoteAnnuali impostate;
        try {
            impostate = piani.imposta(enteId, anno, modulo.comune().strip(), new PianoRiserveService.Impostazione(alloggi,
                    soglia, categorie, scelte, forze, locale));
        } catch (DatiNonValidiException e) {
            e.errori().forEach(x -> errori.putIfAbsent(campo(x.campo()), x.messaggio()));
            return pagina(ente, anno, modulo, etichettati(errori), HttpStatus.BAD_REQUEST);
        } catch (NonTrovatoException e) {
            return pagina(ente, anno, modulo, etichettati(Map.of("comune", e.getMessage())), HttpStatus.NOT_FOUND);
        } catch (AccessoNegatoException e) {
            return rifiuto(ente, anno, modulo, HttpStatus.FORBIDDEN, e.getMessage());
        } catch (it.piattaformacasa.common.ConflittoException e) {
            // the reserves come from an approved annual plan: they change by reopening it
            return rifiuto(ente, anno, modulo, HttpStatus.CONFLICT, e.getMessage());
        }
        esito.addFlashAttribute("successo", testo("riserve.impostate", impostate.comune(), Integer.toString(anno),
                ItalianFormats.decimale(BigDecimal.valueOf(impostate.impostazione().alloggiDisponibili()), 0),
                Integer.toString(impostate.riserve().indigenti()), Integer.toString(impostate.riserve().categorie()),
                Integer.toString(impostate.riserve().forzePolizia()), Integer.toString(impostate.riserve().poliziaLocale())));
        RedirectView pagina = new RedirectView("/riserve?ente=" + enteId + "&anno=" + anno, true);
        pagina.setStatusCode(HttpStatus.SEE_OTHER);
        return pagina;
    }

    /** The «stato delle assegnazioni» as the API's download, for a console session (the API asks Basic credentials). */
    @GetMapping("/riserve/{enteId}/{anno}/stato-assegnazioni")
    ResponseEntity<?> scaricaStato(@PathVariable long enteId, @PathVariable int anno,
                                   @RequestParam(defaultValue = "xlsx") String formato) {
        if (!formato.equals("xlsx") && !formato.equals("csv")) {
            throw DatiNonValidiException.campo("formato", "formato sconosciuto (ammessi: xlsx, csv)");
        }
        List<PianoRiserveService.StatoRiserva> stato = piani.statoAssegnazioni(enteId, anno);
        return Scaricamento.di(RiserveController.tabellaStato(stato), stato, formato, RiserveController.fileStato(enteId, anno));
    }

    private ModelAndView rifiuto(EnteProprietario ente, int anno, ModuloRiserve modulo, HttpStatus stato, String messaggio) {
        ModelAndView pagina = pagina(ente, anno, modulo, Map.of(), stato);
        pagina.addObject("errore", messaggio);
        return pagina;
    }

    private ModelAndView pagina(EnteProprietario ente, int anno, ModuloRiserve modulo, Map<String, String> errori,
                                HttpStatus stato) {
        long enteId = ente.getId();
        List<PianoRiserveService.QuoteAnnuali> quote = piani.diAnno(enteId, anno);
        boolean puoImpostare = puoImpostare(enteId);
        Map<String, String> ordinati = new LinkedHashMap<>();
        CAMPI.stream().filter(errori::containsKey).forEach(c -> ordinati.put(c, errori.get(c)));
        errori.forEach(ordinati::putIfAbsent);

        ModelAndView pagina = new ModelAndView("assegnazione/riserve");
        pagina.addObject("enti", entiVisibili());
        pagina.addObject("ente", ente);
        pagina.addObject("anno", Integer.toString(anno));
        pagina.addObject("quote", quote);
        pagina.addObject("stato", piani.statoAssegnazioni(enteId, anno));
        pagina.addObject("puoImpostare", puoImpostare);
        pagina.addObject("comuni", puoImpostare ? comuniDellEnte(ente) : List.of());
        pagina.addObject("categorie", PianoRiserveService.CATEGORIE_IN_ORDINE.stream()
                .map(c -> new Categoria(c, piani.etichettaCategoria(c))).toList());
        pagina.addObject("modulo", modulo);
        pagina.addObject("errori", ordinati);
        pagina.setStatus(stato);
        return pagina;
    }

    /** The service's rule for who sets an ente's reserves, asked to show the form only to them. */
    private boolean puoImpostare(long enteId) {
        return utente.entiGestioneAvviso().contains(enteId);
    }

    /** The enti whose stock the person sees, as {@link AnagrafeService#enteVisibile} decides. */
    private List<EnteProprietario> entiVisibili() {
        return anagrafe.enti().stream().filter(e -> utente.puoVedereAnagrafeEnte(e.getId())).toList();
    }

    /** The comuni of the ambiti where the ente operates (seated there or owning a fabbricato), and its own. */
    private List<Comune> comuniDellEnte(EnteProprietario ente) {
        Map<String, Comune> comuni = new TreeMap<>();
        for (Ambito ambito : anagrafe.ambiti()) {
            if (anagrafe.entiDi(ambito).stream().anyMatch(e -> e.getId().equals(ente.getId()))) {
                anagrafe.comuniDi(ambito).forEach(c -> comuni.putIfAbsent(c.getCodiceIstat(), c));
            }
        }
        if (ente.getComune() != null) {
            comuni.putIfAbsent(ente.getComune().getCodiceIstat(), ente.getComune());
        }
        return comuni.values().stream().sorted(Comparator.comparing(Comune::getNome)).toList();
    }

    /** «Alloggi disponibili: non può essere negativo»: each message names its field, as the summary at the top lists them. */
    private Map<String, String> etichettati(Map<String, String> errori) {
        Map<String, String> etichettati = new LinkedHashMap<>();
        errori.forEach((campo, messaggio) -> etichettati.put(campo, testo("riserve.campo." + campo) + ": " + messaggio));
        return etichettati;
    }

    /** The API's field names → the form's: every category error belongs to the checkboxes. */
    private static String campo(String campoApi) {
        return campoApi.startsWith("categorie") ? "categorie" : campoApi;
    }

    private String testo(String chiave, Object... argomenti) {
        return messaggi.getMessage(chiave, argomenti, chiave, Locale.ITALIAN);
    }

    private int annoCorrente() {
        return LocalDate.now(clock.withZone(ItalianFormats.ZONE)).getYear();
    }

    private static long identificativo(String testo) {
        String pulito = testo.strip();
        if (!pulito.matches("[0-9]{1,18}")) {
            throw new NonTrovatoException("Ente " + pulito + " non trovato");
        }
        return Long.parseLong(pulito);
    }

    private static int anno(String testo) {
        String pulito = testo.strip();
        if (!pulito.matches("[0-9]{4}")) {
            throw DatiNonValidiException.campo("anno", "anno non valido: scrivere le quattro cifre, ad esempio 2026");
        }
        return Integer.parseInt(pulito);
    }

    /** A whole number of units; beyond what an int holds it is refused like the service's own maximum. */
    private static Integer intero(String testo, String campo, Map<String, String> errori) {
        if (testo == null || testo.isBlank()) {
            return null;
        }
        String pulito = testo.strip().replace(".", "").replace(" ", "");
        if (!pulito.matches("-?[0-9]{1,30}")) {
            errori.put(campo, "scrivere un numero intero, ad esempio 37");
            return null;
        }
        if (pulito.replace("-", "").length() > 9) {
            errori.put(campo, pulito.startsWith("-") ? "non può essere negativo" : "al massimo 100.000 alloggi");
            return null;
        }
        return Integer.valueOf(pulito);
    }

    /** A percentage as an Italian types it: «20,5», «20.5», «20,5 %»; empty is none (0). */
    private static BigDecimal percentuale(String testo, String campo, int massimo, Map<String, String> errori) {
        if (testo == null || testo.isBlank()) {
            return null;
        }
        String pulito = testo.strip().replace("%", "").replace(" ", "").replace(',', '.');
        if (!pulito.matches("-?[0-9]{1,15}(\\.[0-9]{1,15})?")) {
            errori.put(campo, "percentuale non valida: scrivere ad esempio 20,5");
            return null;
        }
        BigDecimal valore = new BigDecimal(pulito);
        if (valore.signum() < 0 || valore.compareTo(BigDecimal.valueOf(massimo)) > 0) {
            // the service's own range, said here so that a huge number is not refused for its digits
            errori.put(campo, "deve essere tra 0 e " + massimo + " %");
            return null;
        }
        return valore;
    }
}
