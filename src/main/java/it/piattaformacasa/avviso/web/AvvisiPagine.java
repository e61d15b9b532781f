package it.piattaformacasa.avviso.web;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.RedirectView;

import it.piattaformacasa.anagrafe.AnagrafeService;
import it.piattaformacasa.anagrafe.EnteProprietario;
import it.piattaformacasa.avviso.AlloggioInAvviso;
import it.piattaformacasa.avviso.Avviso;
import it.piattaformacasa.avviso.AvvisoService;
import it.piattaformacasa.avviso.RegoleDellAvviso;
import it.piattaformacasa.avviso.StatoAvviso;
import it.piattaformacasa.avviso.TipoAvviso;
import it.piattaformacasa.avviso.TipologiaAlloggioInAvviso;
import it.piattaformacasa.common.AccessoNegatoException;
import it.piattaformacasa.common.DatiNonValidiException;
import it.piattaformacasa.common.sicurezza.UtenteCorrente;
import it.piattaformacasa.common.web.Console;
import it.piattaformacasa.common.web.PaginaConsole;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

/**
 * The Avvisi area of the console (issue 12, seed 000 «COME SI APRE UN AVVISO?»): the list, «Nuovo avviso» and the
 * avviso's page with its timeline, alloggi per ente (and their selection during its window), domande, graduatorie,
 * reports and the rule versions bound to it. Every check is the API's: the forms build the API's own request records
 * ({@link AvvisiController.RichiestaPredisposizione}, {@link AvvisiController.RichiestaAlloggio}), validate them with
 * its constraints and call {@link AvvisoService}, whose refusals come back beside the field.
 */
@Controller
@PaginaConsole
@RequestMapping("/avvisi")
class AvvisiPagine {

    private static final ZoneId ROMA = ZoneId.of("Europe/Rome");
    /** The API's field names → the form's, where they differ (a date and a time for each instant). */
    private static final Map<String, String> CAMPI_DEL_MODULO = Map.of("apertura", "aperturaData", "chiusura", "chiusuraData");

    private final AvvisoService avvisi;
    private final RegoleDellAvviso regole;
    private final AnagrafeService anagrafe;
    private final UtenteCorrente utente;
    private final DomandeDellAvviso domande;
    private final GraduatorieDellAvviso graduatorie;
    private final Validator validator;

    AvvisiPagine(AvvisoService avvisi, RegoleDellAvviso regole, AnagrafeService anagrafe, UtenteCorrente utente,
                 DomandeDellAvviso domande, GraduatorieDellAvviso graduatorie, Validator validator) {
        this.avvisi = avvisi;
        this.regole = regole;
        this.anagrafe = anagrafe;
        this.utente = utente;
        this.domande = domande;
        this.graduatorie = graduatorie;
        this.validator = validator;
    }

    // ---- the list

    /** The list's state in the address: filters, order, page; each link of the page is built from it. */
    record Elenco(String stato, String testo, String ordina, String verso, int pagina) {

        public String url(int altraPagina) {
            return indirizzo(ordina, verso, altraPagina);
        }

        /** The column's header link: the same order reversed, or the new column ascending (dates descending). */
        public String urlOrdine(String colonna) {
            String nuovoVerso = colonna.equals(ordina) ? (verso.equals("asc") ? "desc" : "asc")
                    : (colonna.equals("apertura") || colonna.equals("chiusura") ? "desc" : "asc");
            return indirizzo(colonna, nuovoVerso, 1);
        }

        /** aria-sort of a column header. */
        public String ariaSort(String colonna) {
            return colonna.equals(ordina) ? (verso.equals("asc") ? "ascending" : "descending") : null;
        }

        private String indirizzo(String colonna, String direzione, int numero) {
            StringBuilder url = new StringBuilder("/avvisi?ordina=").append(colonna).append("&verso=").append(direzione);
            if (stato != null) {
                url.append("&stato=").append(stato);
            }
            if (testo != null && !testo.isBlank()) {
                url.append("&testo=").append(URLEncoder.encode(testo, StandardCharsets.UTF_8));
            }
            return url.append("&pagina=").append(numero).toString();
        }
    }

    @GetMapping
    ModelAndView elenco(@RequestParam(required = false) String stato, @RequestParam(required = false) String testo,
                        @RequestParam(defaultValue = "apertura") String ordina, @RequestParam(defaultValue = "desc") String verso,
                        @RequestParam(defaultValue = "1") String pagina) {
        StatoAvviso filtroStato = Arrays.stream(StatoAvviso.values()).filter(s -> s.name().equals(stato)).findFirst().orElse(null);
        AvvisoService.OrdineAvvisi ordine = Arrays.stream(AvvisoService.OrdineAvvisi.values())
                .filter(o -> o.name().equalsIgnoreCase(ordina)).findFirst().orElse(AvvisoService.OrdineAvvisi.APERTURA);
        boolean crescente = "asc".equals(verso);
        int numero = numero(pagina);
        String testoPulito = testo == null || testo.isBlank() ? null : testo.strip();
        Page<AvvisoService.AvvisoInElenco> trovati = avvisi.elenco(new AvvisoService.FiltroAvvisi(filtroStato, testoPulito),
                ordine, crescente, PageRequest.of(numero - 1, Console.RIGHE_PER_PAGINA));
        ModelAndView vista = new ModelAndView("avviso/elenco");
        vista.addObject("avvisi", trovati);
        vista.addObject("domande", domande.visibili(trovati.getContent().stream().map(AvvisoService.AvvisoInElenco::id).toList()));
        vista.addObject("elenco", new Elenco(filtroStato == null ? null : filtroStato.name(), testoPulito,
                ordine.name().toLowerCase(Locale.ROOT), crescente ? "asc" : "desc", numero));
        vista.addObject("stati", StatoAvviso.values());
        vista.addObject("puoPredisporre", !avvisi.ambitiPredisponibili().isEmpty());
        return vista;
    }

    private static int numero(String pagina) {
        try {
            return Math.max(1, Math.min(Integer.parseInt(pagina.strip()), 100_000));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    // ---- «Nuovo avviso»

    /** What the person typed, kept as text so a refused form shows it again as it was. */
    record ModuloAvviso(String ambito, String titolo, String tipo, String aperturaData, String aperturaOra, String chiusuraData,
                        String chiusuraOra) {
    }

    @GetMapping("/nuovo")
    ModelAndView nuovo() {
        List<it.piattaformacasa.anagrafe.Ambito> ambiti = ambitiPredisponibili();
        return modulo(new ModuloAvviso(ambiti.size() == 1 ? ambiti.get(0).getCodice() : null, null, TipoAvviso.ORDINARIO.name(),
                null, "10:00", null, "12:00"), ambiti, Map.of(), HttpStatus.OK);
    }

    @PostMapping("/nuovo")
    Object predisponi(@ModelAttribute ModuloAvviso modulo, RedirectAttributes redirect) {
        List<it.piattaformacasa.anagrafe.Ambito> ambiti = ambitiPredisponibili();
        Map<String, String> errori = new LinkedHashMap<>();
        Instant apertura = istante(modulo.aperturaData(), modulo.aperturaOra(), "aperturaData", "apertura", errori);
        Instant chiusura = istante(modulo.chiusuraData(), modulo.chiusuraOra(), "chiusuraData", "chiusura", errori);
        TipoAvviso tipo = Arrays.stream(TipoAvviso.values()).filter(t -> t.name().equals(modulo.tipo())).findFirst().orElse(null);
        AvvisiController.RichiestaPredisposizione richiesta = new AvvisiController.RichiestaPredisposizione(
                vuotoANull(modulo.ambito()), vuotoANull(modulo.titolo()), tipo, apertura, chiusura);
        for (ConstraintViolation<?> violazione : validator.validate(richiesta)) {
            errori.putIfAbsent(campoDelModulo(violazione.getPropertyPath().toString()), violazione.getMessage());
        }
        if (!errori.isEmpty()) {
            return modulo(modulo, ambiti, errori, HttpStatus.BAD_REQUEST);
        }
        AvvisoService.AvvisoPredisposto predisposto;
        try {
            predisposto = avvisi.predisponi(new AvvisoService.Predisposizione(richiesta.ambito(), richiesta.titolo(),
                    richiesta.tipo(), richiesta.apertura(), richiesta.chiusura()));
        } catch (DatiNonValidiException e) {
            e.errori().forEach(x -> errori.putIfAbsent(campoDelModulo(x.campo()), x.messaggio()));
            return modulo(modulo, ambiti, errori, HttpStatus.BAD_REQUEST);
        }
        redirect.addFlashAttribute("successo", "Avviso predisposto");
        redirect.addFlashAttribute("avvertenze", predisposto.avvertenze());
        return altrove("/avvisi/" + predisposto.avviso().getId());
    }

    /** The form only for whoever may predisporre: the service's rule, asked before showing it. */
    private List<it.piattaformacasa.anagrafe.Ambito> ambitiPredisponibili() {
        List<it.piattaformacasa.anagrafe.Ambito> ambiti = avvisi.ambitiPredisponibili();
        if (ambiti.isEmpty()) {
            throw new AccessoNegatoException("Solo gli operatori del Comune capofila di un ambito, abilitati alla Gestione Avviso, "
                    + "possono predisporre un avviso");
        }
        return ambiti;
    }

    /** The form's fields in the order a person reads them: the summary of errors follows it. */
    private static final List<String> ORDINE_DEL_MODULO = List.of("ambito", "tipo", "titolo", "aperturaData", "chiusuraData");

    private static ModelAndView modulo(ModuloAvviso modulo, List<it.piattaformacasa.anagrafe.Ambito> ambiti,
                                       Map<String, String> errori, HttpStatus stato) {
        Map<String, String> ordinati = new LinkedHashMap<>();
        ORDINE_DEL_MODULO.stream().filter(errori::containsKey).forEach(c -> ordinati.put(c, errori.get(c)));
        errori.forEach(ordinati::putIfAbsent);
        ModelAndView pagina = new ModelAndView("avviso/nuovo");
        pagina.addObject("modulo", modulo);
        pagina.addObject("ambiti", ambiti);
        pagina.addObject("tipi", TipoAvviso.values());
        pagina.addObject("errori", ordinati);
        pagina.setStatus(stato);
        return pagina;
    }

    private static String campoDelModulo(String campoApi) {
        return CAMPI_DEL_MODULO.getOrDefault(campoApi, campoApi);
    }

    /** A date and a time typed in Rome; null (the API's «obbligatorie») when either is missing. */
    private static Instant istante(String data, String ora, String campo, String nome, Map<String, String> errori) {
        if (data == null || data.isBlank() || ora == null || ora.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(data.strip()).atTime(LocalTime.parse(ora.strip())).atZone(ROMA).toInstant();
        } catch (DateTimeParseException e) {
            errori.put(campo, "la data e ora di " + nome + " non sono valide (gg/mm/aaaa e hh:mm)");
            return null;
        }
    }

    // ---- the avviso's page

    /** A step of the avviso's life: done, under way, or still ahead. */
    record Tappa(String nome, Instant quando, String nota, String esito) {
    }

    /** One ente's alloggi in the avviso. */
    record AlloggiDellEnte(String ente, List<AlloggioInAvviso> alloggi) {
    }

    /** What an ente of the person may still add during the selection window. */
    record SelezioneDellEnte(long enteId, String ente, List<AvvisoService.AlloggioSelezionabile> selezionabili) {
    }

    /** The «aggiungi alloggio» form as typed. */
    record ModuloAlloggio(String alloggioId, String tipologia, String tipologiaRiscaldamento, String speseAnnueUtenze,
                          String interventi, String costoInterventi) {
    }

    @GetMapping("/{id}")
    ModelAndView avviso(@PathVariable long id) {
        return paginaAvviso(id, new ModuloAlloggio(null, null, null, null, null, null), Map.of(), HttpStatus.OK);
    }

    @PostMapping("/{id}/alloggi")
    Object aggiungiAlloggio(@PathVariable long id, @ModelAttribute ModuloAlloggio modulo, RedirectAttributes redirect) {
        Map<String, String> errori = new LinkedHashMap<>();
        Long alloggioId = intero(modulo.alloggioId(), "alloggioId", errori);
        TipologiaAlloggioInAvviso tipologia = Arrays.stream(TipologiaAlloggioInAvviso.values())
                .filter(t -> t.name().equals(modulo.tipologia())).findFirst().orElse(null);
        BigDecimal spese = importo(modulo.speseAnnueUtenze(), "speseAnnueUtenze", errori);
        BigDecimal costo = importo(modulo.costoInterventi(), "costoInterventi", errori);
        AvvisiController.RichiestaAlloggio richiesta = new AvvisiController.RichiestaAlloggio(alloggioId, tipologia,
                vuotoANull(modulo.tipologiaRiscaldamento()), spese, vuotoANull(modulo.interventi()), costo);
        for (ConstraintViolation<?> violazione : validator.validate(richiesta)) {
            errori.putIfAbsent(violazione.getPropertyPath().toString(), violazione.getMessage());
        }
        if (errori.isEmpty()) {
            try {
                AlloggioInAvviso inserito = avvisi.aggiungiAlloggio(id, new AvvisoService.NuovoAlloggioInAvviso(alloggioId, tipologia,
                        richiesta.tipologiaRiscaldamento(), spese, richiesta.interventi(), costo));
                redirect.addFlashAttribute("successo", "Alloggio " + inserito.getAlloggio().getCodiceUi() + " inserito nell'avviso");
                return altrove("/avvisi/" + id + "#alloggi");
            } catch (DatiNonValidiException e) {
                e.errori().forEach(x -> errori.putIfAbsent(x.campo(), x.messaggio()));
            }
        }
        return paginaAvviso(id, modulo, errori, HttpStatus.BAD_REQUEST);
    }

    @PostMapping("/{id}/alloggi/{alloggioId}/rimozione")
    RedirectView ritiraAlloggio(@PathVariable long id, @PathVariable long alloggioId, RedirectAttributes redirect) {
        String codice = anagrafe.alloggio(alloggioId).getCodiceUi();
        avvisi.ritiraAlloggio(id, alloggioId);
        redirect.addFlashAttribute("successo", "Alloggio " + codice + " ritirato dall'avviso");
        return altrove("/avvisi/" + id + "#alloggi");
    }

    private ModelAndView paginaAvviso(long id, ModuloAlloggio modulo, Map<String, String> errori, HttpStatus stato) {
        Avviso avviso = avvisi.avviso(id);
        List<AlloggioInAvviso> alloggi = avvisi.alloggiDi(id);
        Map<String, List<AlloggioInAvviso>> perEnte = new TreeMap<>();
        alloggi.forEach(a -> perEnte.computeIfAbsent(a.getAlloggio().getEnte().getRagioneSociale(), e -> new ArrayList<>()).add(a));
        List<GraduatorieDellAvviso.GraduatoriaInBreve> diGraduatorie = graduatorie.di(id);
        RegoleDellAvviso.Descritte descritte = regole.descritte(id);
        Set<Long> gestite = utente.entiGestioneAvviso();

        ModelAndView pagina = new ModelAndView("avviso/avviso");
        pagina.addObject("avviso", avviso);
        AvvisoService.Finestra finestra = avvisi.finestra(avviso);
        pagina.addObject("stato", finestra.stato());
        pagina.addObject("chiusuraDaRegistrare", finestra.chiusuraDaRegistrare());
        pagina.addObject("avvertenze", avviso.getAvvertenze() == null ? List.of() : List.of(avviso.getAvvertenze().split("\n")));
        pagina.addObject("tappe", tappe(avviso, finestra.stato(), diGraduatorie));
        pagina.addObject("alloggiPerEnte", perEnte.entrySet().stream().map(e -> new AlloggiDellEnte(e.getKey(), e.getValue())).toList());
        pagina.addObject("numeroAlloggi", alloggi.size());
        pagina.addObject("ritirabili", alloggi.stream().filter(a -> gestite.contains(a.getAlloggio().getEnte().getId()))
                .map(a -> a.getAlloggio().getId()).toList());
        pagina.addObject("inSelezione", avviso.getStato() == StatoAvviso.SELEZIONE_ALLOGGI);
        List<SelezioneDellEnte> selezioni = new ArrayList<>();
        if (avviso.getStato() == StatoAvviso.SELEZIONE_ALLOGGI) {
            for (EnteProprietario ente : avvisi.entiDellAmbito(id)) {
                if (gestite.contains(ente.getId())) {
                    selezioni.add(new SelezioneDellEnte(ente.getId(), ente.getRagioneSociale(),
                            avvisi.alloggiSelezionabili(id, ente.getCodiceFiscale())));
                }
            }
        }
        pagina.addObject("selezioni", selezioni);
        pagina.addObject("tipologie", TipologiaAlloggioInAvviso.values());
        pagina.addObject("modulo", modulo);
        pagina.addObject("errori", errori);
        pagina.addObject("numeroDomande", domande.visibili(List.of(id)).getOrDefault(id, 0L));
        pagina.addObject("graduatorie", diGraduatorie);
        pagina.addObject("regole", descritte.descrizione());
        pagina.addObject("congelate", descritte.congelato());
        pagina.addObject("report", List.of("domande-in-avviso", "alloggi-in-avviso", "domande-non-assegnatarie"));
        pagina.setStatus(stato);
        return pagina;
    }

    /** Seed 000's deadlines, then the graduatorie the person sees as they are generated, approved and made definitive. */
    private static List<Tappa> tappe(Avviso avviso, StatoAvviso stato, List<GraduatorieDellAvviso.GraduatoriaInBreve> graduatorie) {
        List<Tappa> tappe = new ArrayList<>();
        tappe.add(new Tappa("Predisposizione", avviso.getPredispostoIl(), "dal Comune capofila (" + avviso.getPredispostoDa() + ")",
                "svolta"));
        tappe.add(new Tappa("Fine della selezione degli alloggi", avviso.fineSelezioneAlloggi(),
                "gli enti dell'ambito inseriscono i propri alloggi fino a 24 ore prima dell'apertura",
                stato == StatoAvviso.PREDISPOSTO ? "prevista" : stato == StatoAvviso.SELEZIONE_ALLOGGI ? "in-corso" : "svolta"));
        tappe.add(new Tappa("Apertura ai cittadini", avviso.getApertura(), "da qui si presentano le domande",
                stato == StatoAvviso.APERTO || stato == StatoAvviso.CHIUSO ? "svolta" : "prevista"));
        tappe.add(new Tappa("Chiusura", avviso.getChiusoIl() != null ? avviso.getChiusoIl() : avviso.getChiusura(),
                "almeno 30 giorni dopo l'apertura (art. 8 r.r. 4/2017)",
                stato == StatoAvviso.CHIUSO ? "svolta" : stato == StatoAvviso.APERTO ? "in-corso" : "prevista"));
        int totale = graduatorie.size();
        tappe.add(new Tappa("Graduatorie provvisorie generate",
                graduatorie.stream().map(GraduatorieDellAvviso.GraduatoriaInBreve::generataIl).min(Comparator.naturalOrder()).orElse(null),
                totale == 0 ? "alla chiusura, una per ente proprietario e comune" : totale + " graduatorie",
                totale == 0 ? "prevista" : "svolta"));
        long approvate = graduatorie.stream().filter(g -> g.approvataIl() != null).count();
        tappe.add(new Tappa("Graduatorie provvisorie approvate e pubblicate", approvate == totale && totale > 0
                ? graduatorie.stream().map(GraduatorieDellAvviso.GraduatoriaInBreve::approvataIl).max(Comparator.naturalOrder()).orElse(null)
                : null, "entro 5 giorni dalla chiusura" + (totale > 0 ? ": " + approvate + " di " + totale : ""),
                totale > 0 && approvate == totale ? "svolta" : approvate > 0 ? "in-corso" : "prevista"));
        long definitive = graduatorie.stream().filter(g -> g.definitivaIl() != null).count();
        tappe.add(new Tappa("Graduatorie definitive", definitive == totale && totale > 0
                ? graduatorie.stream().map(GraduatorieDellAvviso.GraduatoriaInBreve::definitivaIl).max(Comparator.naturalOrder()).orElse(null)
                : null, "dopo i 15 giorni per le rettifiche" + (totale > 0 ? ": " + definitive + " di " + totale : ""),
                totale > 0 && definitive == totale ? "svolta" : definitive > 0 ? "in-corso" : "prevista"));
        return tappe;
    }

    // ---- helpers

    /** Post/Redirect/Get with 303, so a reload never sends the form again. */
    private static RedirectView altrove(String percorso) {
        RedirectView vista = new RedirectView(percorso, true);
        vista.setStatusCode(HttpStatus.SEE_OTHER);
        return vista;
    }

    private static String vuotoANull(String testo) {
        return testo == null || testo.isBlank() ? null : testo;
    }

    private static Long intero(String testo, String campo, Map<String, String> errori) {
        if (testo == null || testo.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(testo.strip());
        } catch (NumberFormatException e) {
            errori.put(campo, "valore non valido");
            return null;
        }
    }

    /** An amount as an Italian types it: «1.200,50», «1200,50» or «1200.50». */
    private static BigDecimal importo(String testo, String campo, Map<String, String> errori) {
        if (testo == null || testo.isBlank()) {
            return null;
        }
        String pulito = testo.strip().replace("€", "").replace(" ", "");
        if (pulito.contains(",")) {
            pulito = pulito.replace(".", "").replace(',', '.');
        }
        try {
            return new BigDecimal(pulito);
        } catch (NumberFormatException e) {
            errori.put(campo, "importo non valido: scrivi ad esempio 1.200,50");
            return null;
        }
    }
}
