package it.piattaformacasa.anagrafe.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.RedirectView;

import it.piattaformacasa.anagrafe.Alloggio;
import it.piattaformacasa.anagrafe.Ambito;
import it.piattaformacasa.anagrafe.AnagrafeService;
import it.piattaformacasa.anagrafe.Comune;
import it.piattaformacasa.anagrafe.DatiAlloggio;
import it.piattaformacasa.anagrafe.DatiFabbricato;
import it.piattaformacasa.anagrafe.DestinazioneUso;
import it.piattaformacasa.anagrafe.EnteProprietario;
import it.piattaformacasa.anagrafe.Fabbricato;
import it.piattaformacasa.anagrafe.GestioneAnagrafeService;
import it.piattaformacasa.anagrafe.ImportazioneAnagrafeService;
import it.piattaformacasa.anagrafe.ImportazioneAnagrafeService.EsitoImportazione;
import it.piattaformacasa.anagrafe.StatoAlloggio;
import it.piattaformacasa.anagrafe.TracciatoAlloggi;
import it.piattaformacasa.common.AccessoNegatoException;
import it.piattaformacasa.common.ConflittoException;
import it.piattaformacasa.common.DatiNonValidiException;
import it.piattaformacasa.common.web.Console;
import it.piattaformacasa.common.web.PaginaConsole;
import it.piattaformacasa.common.web.PaginazioneConsole;

/**
 * The Anagrafe's forms (issue 13): «Nuovo alloggio», «Modifica» of an alloggio, «Nuovo fabbricato», «Modifica» of a
 * fabbricato and «Importa da Excel» with its report of refused rows. Each form builds the service's own data ({@link DatiAlloggio},
 * {@link DatiFabbricato}) and calls {@link GestioneAnagrafeService} or {@link ImportazioneAnagrafeService}, which the API
 * calls too: a refusal comes back beside its field (400), a conflict as the API's 409 with its reason, another ente's
 * stock is 404 and a reading operator 403.
 */
@Controller
@PaginaConsole
class AnagrafeModuliPagine {

    private static final List<String> CAMPI_ALLOGGIO = List.of("codiceUi", "fabbricato", "comune", "zonaLocalita", "indirizzo",
            "scala", "interno", "piano", "superficieUtile", "vani", "destinazioneUso", "stato");
    private static final List<String> CAMPI_FABBRICATO = List.of("codice", "comune", "indirizzo", "zonaLocalita", "annoCostruzione",
            "numeroPiani");

    private final AnagrafeService anagrafe;
    private final GestioneAnagrafeService gestione;
    private final ImportazioneAnagrafeService importazioni;
    private final MessageSource messaggi;

    AnagrafeModuliPagine(AnagrafeService anagrafe, GestioneAnagrafeService gestione, ImportazioneAnagrafeService importazioni,
                         MessageSource messaggi) {
        this.anagrafe = anagrafe;
        this.gestione = gestione;
        this.importazioni = importazioni;
        this.messaggi = messaggi;
    }

    /** What the person typed, as text, so that a refused form shows it again as it was. */
    record ModuloAlloggio(String ente, String codiceUi, String fabbricato, String comune, String zonaLocalita, String indirizzo,
                          String scala, String interno, String piano, String superficieUtile, String vani, String ascensore,
                          String barriereArchitettoniche, String destinazioneUso, String stato, String version) {

        static ModuloAlloggio di(Alloggio a) {
            return new ModuloAlloggio(a.getEnte().getId().toString(), a.getCodiceUi(),
                    a.getFabbricato() == null ? null : a.getFabbricato().getId().toString(), a.getComune().getCodiceIstat(),
                    a.getZonaLocalita(), a.getIndirizzo(), a.getScala(), a.getInterno(), Integer.toString(a.getPiano()),
                    a.getSuperficieUtile().setScale(2, java.math.RoundingMode.HALF_UP).toPlainString().replace('.', ','),
                    Integer.toString(a.getVani()), a.isAscensore() ? "true" : null, a.isBarriereArchitettoniche() ? "true" : null,
                    a.getDestinazioneUso().name(), a.getStato().name(), Long.toString(a.getVersion()));
        }

        public boolean spuntato(String valore) {
            return "true".equals(valore) || "on".equals(valore);
        }
    }

    record ModuloFabbricato(String ente, String codice, String comune, String indirizzo, String zonaLocalita, String annoCostruzione,
                            String numeroPiani, String ascensore, String version) {

        static ModuloFabbricato di(Fabbricato f) {
            return new ModuloFabbricato(f.getEnte().getId().toString(), f.getCodice(), f.getComune().getCodiceIstat(),
                    f.getIndirizzo(), f.getZonaLocalita(), f.getAnnoCostruzione() == null ? null : f.getAnnoCostruzione().toString(),
                    f.getNumeroPiani() == null ? null : f.getNumeroPiani().toString(), f.isAscensore() ? "true" : null,
                    Long.toString(f.getVersion()));
        }

        public boolean spuntato() {
            return "true".equals(ascensore) || "on".equals(ascensore);
        }
    }

    // ------------------------------------------------------------------------------------------------ alloggio

    @GetMapping("/anagrafe/alloggi/nuovo")
    ModelAndView nuovoAlloggio(@RequestParam(required = false) String ente) {
        EnteProprietario scelto = enteDelModulo(ente);
        ModuloAlloggio modulo = new ModuloAlloggio(scelto.getId().toString(), null, null,
                scelto.getComune() == null ? null : scelto.getComune().getCodiceIstat(), null, null, null, null, null, null, null,
                null, null, DestinazioneUso.SERVIZI_ABITATIVI_PUBBLICI.name(), StatoAlloggio.LIBERO.name(), null);
        return paginaAlloggio(scelto, null, modulo, Map.of(), HttpStatus.OK, null);
    }

    @PostMapping("/anagrafe/alloggi/nuovo")
    Object creaAlloggio(@ModelAttribute ModuloAlloggio modulo, RedirectAttributes esito) {
        EnteProprietario ente = enteDelModulo(modulo.ente());
        Map<String, String> errori = new LinkedHashMap<>();
        DatiAlloggio dati = dati(modulo, errori);
        if (!errori.isEmpty()) {
            return paginaAlloggio(ente, null, modulo, etichettati(errori), HttpStatus.BAD_REQUEST, null);
        }
        Alloggio creato;
        try {
            creato = gestione.creaAlloggio(ente.getId(), dati);
        } catch (DatiNonValidiException e) {
            e.errori().forEach(x -> errori.putIfAbsent(campo(x.campo()), x.messaggio()));
            return paginaAlloggio(ente, null, modulo, etichettati(errori), HttpStatus.BAD_REQUEST, null);
        } catch (ConflittoException e) {
            return paginaAlloggio(ente, null, modulo, Map.of(), HttpStatus.CONFLICT, e.getMessage());
        }
        esito.addFlashAttribute("successo", testo("anagrafe.modulo.creato", creato.getCodiceUi()));
        return vaiA("/anagrafe/alloggi/" + creato.getId());
    }

    @GetMapping("/anagrafe/alloggi/{id}/modifica")
    ModelAndView modificaAlloggio(@PathVariable long id) {
        Alloggio alloggio = anagrafe.alloggio(id);
        EnteProprietario ente = gestione.enteGestito(alloggio.getEnte().getId());
        if (alloggio.isRitirato()) {
            throw new ConflittoException("L'alloggio " + alloggio.getCodiceUi() + " è stato ritirato dall'Anagrafe e non si modifica");
        }
        return paginaAlloggio(ente, alloggio, ModuloAlloggio.di(alloggio), Map.of(), HttpStatus.OK, null);
    }

    @PostMapping("/anagrafe/alloggi/{id}/modifica")
    Object salvaAlloggio(@PathVariable long id, @ModelAttribute ModuloAlloggio modulo, RedirectAttributes esito) {
        Alloggio alloggio = anagrafe.alloggio(id);
        EnteProprietario ente = gestione.enteGestito(alloggio.getEnte().getId());
        Map<String, String> errori = new LinkedHashMap<>();
        DatiAlloggio dati = dati(modulo, errori);
        Long versione = intero(modulo.version(), "version", errori) == null ? null : Long.valueOf(modulo.version().strip());
        if (!errori.isEmpty() || versione == null) {
            return paginaAlloggio(ente, alloggio, modulo, etichettati(errori), HttpStatus.BAD_REQUEST, null);
        }
        try {
            gestione.modificaAlloggio(id, versione, new DatiAlloggio(alloggio.getCodiceUi(), dati.fabbricatoId(),
                    dati.codiceIstatComune(), dati.zonaLocalita(), dati.indirizzo(), dati.scala(), dati.interno(), dati.piano(),
                    dati.superficieUtile(), dati.vani(), dati.ascensore(), dati.barriereArchitettoniche(), dati.destinazioneUso(),
                    dati.stato()));
        } catch (DatiNonValidiException e) {
            e.errori().forEach(x -> errori.putIfAbsent(campo(x.campo()), x.messaggio()));
            return paginaAlloggio(ente, alloggio, modulo, etichettati(errori), HttpStatus.BAD_REQUEST, null);
        } catch (ConflittoException e) {
            return paginaAlloggio(ente, alloggio, modulo, Map.of(), HttpStatus.CONFLICT, e.getMessage());
        }
        esito.addFlashAttribute("successo", testo("anagrafe.modulo.modificato", alloggio.getCodiceUi()));
        return vaiA("/anagrafe/alloggi/" + id);
    }

    private ModelAndView paginaAlloggio(EnteProprietario ente, Alloggio alloggio, ModuloAlloggio modulo, Map<String, String> errori,
                                        HttpStatus stato, String rifiuto) {
        ModelAndView pagina = new ModelAndView("anagrafe/alloggio-modulo");
        pagina.addObject("ente", ente);
        pagina.addObject("alloggio", alloggio);
        pagina.addObject("modulo", modulo);
        pagina.addObject("errori", ordinati(errori, CAMPI_ALLOGGIO));
        pagina.addObject("errore", rifiuto);
        pagina.addObject("enti", gestione.entiGestiti());
        pagina.addObject("fabbricati", gestione.fabbricatiDellEnte(ente.getId()));
        pagina.addObject("comuni", comuniDellEnte(ente));
        pagina.addObject("stati", StatoAlloggio.values());
        pagina.addObject("destinazioni", DestinazioneUso.values());
        pagina.setStatus(stato);
        return pagina;
    }

    private DatiAlloggio dati(ModuloAlloggio m, Map<String, String> errori) {
        Long fabbricato = m.fabbricato() == null || m.fabbricato().isBlank() ? null : identificativo(m.fabbricato(), "fabbricato", errori);
        BigDecimal superficie = null;
        if (m.superficieUtile() != null && !m.superficieUtile().isBlank()) {
            superficie = TracciatoAlloggi.numeroDi(m.superficieUtile()).orElse(null);
            if (superficie == null) {
                errori.put("superficieUtile", "scrivere la superficie in m², ad esempio 62,50");
            }
        }
        StatoAlloggio stato = scelta(StatoAlloggio.class, m.stato(), "stato", errori);
        DestinazioneUso uso = scelta(DestinazioneUso.class, m.destinazioneUso(), "destinazioneUso", errori);
        DatiAlloggio dati = new DatiAlloggio(m.codiceUi(), fabbricato, m.comune(), m.zonaLocalita(), m.indirizzo(), m.scala(),
                m.interno(), intero(m.piano(), "piano", errori), superficie, intero(m.vani(), "vani", errori), m.spuntato(m.ascensore()),
                m.spuntato(m.barriereArchitettoniche()), uso, stato);
        if (!errori.isEmpty()) {
            // the service's own checks too, so that one answer lists every wrong field, not only those the form read
            dati.normalizzati().verifica().forEach(e -> errori.putIfAbsent(campo(e.campo()), e.messaggio()));
        }
        return dati;
    }

    // ---------------------------------------------------------------------------------------------- fabbricato

    @GetMapping("/anagrafe/fabbricati/nuovo")
    ModelAndView nuovoFabbricato(@RequestParam(required = false) String ente) {
        EnteProprietario scelto = enteDelModulo(ente);
        return paginaFabbricato(scelto, null, new ModuloFabbricato(scelto.getId().toString(), null,
                scelto.getComune() == null ? null : scelto.getComune().getCodiceIstat(), null, null, null, null, null, null), Map.of(),
                HttpStatus.OK, null);
    }

    @PostMapping("/anagrafe/fabbricati/nuovo")
    Object creaFabbricato(@ModelAttribute ModuloFabbricato modulo, RedirectAttributes esito) {
        EnteProprietario ente = enteDelModulo(modulo.ente());
        Map<String, String> errori = new LinkedHashMap<>();
        DatiFabbricato dati = datiFabbricato(modulo, modulo.codice(), errori);
        if (!errori.isEmpty()) {
            return paginaFabbricato(ente, null, modulo, etichettati(errori), HttpStatus.BAD_REQUEST, null);
        }
        Fabbricato creato;
        try {
            creato = gestione.creaFabbricato(ente.getId(), dati);
        } catch (DatiNonValidiException e) {
            e.errori().forEach(x -> errori.putIfAbsent(campo(x.campo()), x.messaggio()));
            return paginaFabbricato(ente, null, modulo, etichettati(errori), HttpStatus.BAD_REQUEST, null);
        } catch (ConflittoException e) {
            return paginaFabbricato(ente, null, modulo, Map.of(), HttpStatus.CONFLICT, e.getMessage());
        }
        esito.addFlashAttribute("successo", testo("anagrafe.modulo.fabbricatoCreato", creato.getCodice()));
        return vaiA("/anagrafe/alloggi/nuovo?ente=" + ente.getId());
    }

    /** «Modifica» of a fabbricato: the API's {@code PUT /api/fabbricati/{id}} with the version read. */
    @GetMapping("/anagrafe/fabbricati/{id}/modifica")
    ModelAndView modificaFabbricato(@PathVariable long id) {
        Fabbricato fabbricato = gestione.fabbricato(id);
        EnteProprietario ente = gestione.enteGestito(fabbricato.getEnte().getId());
        if (fabbricato.isRitirato()) {
            throw new ConflittoException("Il fabbricato " + fabbricato.getCodice() + " è stato ritirato e non si modifica");
        }
        return paginaFabbricato(ente, fabbricato, ModuloFabbricato.di(fabbricato), Map.of(), HttpStatus.OK, null);
    }

    @PostMapping("/anagrafe/fabbricati/{id}/modifica")
    Object salvaFabbricato(@PathVariable long id, @ModelAttribute ModuloFabbricato modulo, RedirectAttributes esito) {
        Fabbricato fabbricato = gestione.fabbricato(id);
        EnteProprietario ente = gestione.enteGestito(fabbricato.getEnte().getId());
        Map<String, String> errori = new LinkedHashMap<>();
        // the code is the fabbricato's, whatever the form sends: it does not change
        DatiFabbricato dati = datiFabbricato(modulo, fabbricato.getCodice(), errori);
        Long versione = intero(modulo.version(), "version", errori) == null ? null : Long.valueOf(modulo.version().strip());
        if (!errori.isEmpty() || versione == null) {
            return paginaFabbricato(ente, fabbricato, modulo, etichettati(errori), HttpStatus.BAD_REQUEST, null);
        }
        try {
            gestione.modificaFabbricato(id, versione, dati);
        } catch (DatiNonValidiException e) {
            e.errori().forEach(x -> errori.putIfAbsent(campo(x.campo()), x.messaggio()));
            return paginaFabbricato(ente, fabbricato, modulo, etichettati(errori), HttpStatus.BAD_REQUEST, null);
        } catch (ConflittoException e) {
            return paginaFabbricato(ente, fabbricato, modulo, Map.of(), HttpStatus.CONFLICT, e.getMessage());
        }
        esito.addFlashAttribute("successo", testo("anagrafe.modulo.fabbricatoModificato", fabbricato.getCodice()));
        return vaiA("/anagrafe/fabbricati?ente=" + ente.getId());
    }

    private DatiFabbricato datiFabbricato(ModuloFabbricato modulo, String codice, Map<String, String> errori) {
        DatiFabbricato dati = new DatiFabbricato(codice, modulo.comune(), modulo.indirizzo(), modulo.zonaLocalita(),
                intero(modulo.annoCostruzione(), "annoCostruzione", errori), intero(modulo.numeroPiani(), "numeroPiani", errori),
                modulo.spuntato());
        if (!errori.isEmpty()) {
            // the service's own checks too, so that one answer lists every wrong field, not only those the form read
            dati.normalizzati().verifica().forEach(e -> errori.putIfAbsent(campo(e.campo()), e.messaggio()));
        }
        return dati;
    }

    /** «Nuovo fabbricato» when {@code fabbricato} is null, its «Modifica» with its history otherwise. */
    private ModelAndView paginaFabbricato(EnteProprietario ente, Fabbricato fabbricato, ModuloFabbricato modulo,
                                          Map<String, String> errori, HttpStatus stato, String rifiuto) {
        ModelAndView pagina = new ModelAndView("anagrafe/fabbricato-modulo");
        pagina.addObject("ente", ente);
        pagina.addObject("fabbricato", fabbricato);
        pagina.addObject("modulo", modulo);
        pagina.addObject("errori", ordinati(errori, CAMPI_FABBRICATO));
        pagina.addObject("errore", rifiuto);
        pagina.addObject("enti", gestione.entiGestiti());
        pagina.addObject("comuni", comuniDellEnte(ente));
        pagina.addObject("storico", fabbricato == null ? List.of() : gestione.registroFabbricato(fabbricato.getId()));
        pagina.setStatus(stato);
        return pagina;
    }

    // -------------------------------------------------------------------------------------------- importazione

    @GetMapping("/anagrafe/importazione")
    ModelAndView importazione() {
        return paginaImportazione(null, null, HttpStatus.OK);
    }

    @PostMapping("/anagrafe/importazione")
    Object importa(@RequestParam(required = false) String ente, @RequestParam(required = false) MultipartFile file,
                   @RequestParam(required = false) String righeValide) throws IOException {
        EnteProprietario scelto = enteDelModulo(ente);
        if (file == null || file.isEmpty()) {
            return paginaImportazione(scelto.getId(), testo("anagrafe.importazione.campo.file") + ": "
                    + testo("anagrafe.importazione.nessunFile"), HttpStatus.BAD_REQUEST);
        }
        EsitoImportazione esito;
        try {
            esito = importazioni.importa(scelto.getId(), file.getOriginalFilename(), file.getBytes(), "true".equals(righeValide));
        } catch (DatiNonValidiException e) {
            return paginaImportazione(scelto.getId(), testo("anagrafe.importazione.campo.file") + ": " + e.errori().get(0).messaggio(),
                    HttpStatus.BAD_REQUEST);
        }
        return vaiA("/anagrafe/importazione/" + esito.id());
    }

    @GetMapping("/anagrafe/importazione/{id}")
    ModelAndView esitoImportazione(@PathVariable long id, @RequestParam(defaultValue = "1") String pagina) {
        EsitoImportazione esito = importazioni.esito(id);
        int richiesta = FiltriAnagrafe.numero(pagina);
        PaginazioneConsole paginazione = PaginazioneConsole.di(richiesta, Console.RIGHE_PER_PAGINA, esito.scarti().size(),
                n -> "/anagrafe/importazione/" + id + "?pagina=" + n);
        int da = Math.min(paginazione.indice() * Console.RIGHE_PER_PAGINA, esito.scarti().size());
        int a = Math.min(da + Console.RIGHE_PER_PAGINA, esito.scarti().size());
        ModelAndView vista = new ModelAndView("anagrafe/importazione-esito");
        vista.addObject("esito", esito);
        vista.addObject("scarti", esito.scarti().subList(da, a));
        vista.addObject("paginazione", paginazione);
        vista.addObject("puoImportare", gestione.puoGestire(esito.enteId())
                && esito.esito() == ImportazioneAnagrafeService.Esito.NON_IMPORTATA && esito.fileConservato());
        return vista;
    }

    @PostMapping("/anagrafe/importazione/{id}/righe-valide")
    Object importaRigheValide(@PathVariable long id) {
        EsitoImportazione esito = importazioni.importaRigheValide(id);
        return vaiA("/anagrafe/importazione/" + esito.id());
    }

    private ModelAndView paginaImportazione(Long ente, String errore, HttpStatus stato) {
        List<EnteProprietario> gestiti = gestione.entiGestiti();
        ModelAndView pagina = new ModelAndView("anagrafe/importazione");
        pagina.addObject("enti", gestiti);
        pagina.addObject("ente", ente);
        pagina.addObject("errore", errore);
        pagina.addObject("recenti", importazioni.recenti(10));
        pagina.addObject("colonne", TracciatoAlloggi.Colonna.values());
        pagina.setStatus(stato);
        return pagina;
    }

    // ------------------------------------------------------------------------------------------------- common

    /** The ente the form is for: the chosen one (404 if not seen, 403 if not kept), else the first the person keeps. */
    private EnteProprietario enteDelModulo(String ente) {
        if (ente == null || ente.isBlank()) {
            return gestione.entiGestiti().stream().findFirst().orElseThrow(() -> new AccessoNegatoException(
                    "Solo gli operatori di un ente abilitati alla Gestione Avviso possono modificare il suo patrimonio in Anagrafe"));
        }
        Long id = FiltriAnagrafe.ente(ente);
        return gestione.enteGestito(id);
    }

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

    private static RedirectView vaiA(String indirizzo) {
        RedirectView vista = new RedirectView(indirizzo, true);
        vista.setStatusCode(HttpStatus.SEE_OTHER);
        return vista;
    }

    private static Map<String, String> ordinati(Map<String, String> errori, List<String> campi) {
        Map<String, String> ordinati = new LinkedHashMap<>();
        campi.stream().filter(errori::containsKey).forEach(c -> ordinati.put(c, errori.get(c)));
        errori.forEach(ordinati::putIfAbsent);
        return ordinati;
    }

    private Map<String, String> etichettati(Map<String, String> errori) {
        Map<String, String> etichettati = new LinkedHashMap<>();
        errori.forEach((campo, messaggio) -> etichettati.put(campo, testo("anagrafe.campo." + campo) + ": " + messaggio));
        return etichettati;
    }

    /** The service's field names → the form's. */
    private static String campo(String campoApi) {
        return switch (campoApi) {
            case "fabbricatoId" -> "fabbricato";
            case "codiceIstatComune" -> "comune";
            default -> campoApi;
        };
    }

    private static Integer intero(String testo, String campo, Map<String, String> errori) {
        if (testo == null || testo.isBlank()) {
            return null;
        }
        String pulito = testo.strip();
        if (!pulito.matches("-?[0-9]{1,9}")) {
            errori.put(campo, "scrivere un numero intero");
            return null;
        }
        return Integer.valueOf(pulito);
    }

    private static Long identificativo(String testo, String campo, Map<String, String> errori) {
        if (!testo.strip().matches("[0-9]{1,18}")) {
            errori.put(campo, "scegliere dall'elenco");
            return null;
        }
        return Long.valueOf(testo.strip());
    }

    private static <E extends Enum<E>> E scelta(Class<E> tipo, String valore, String campo, Map<String, String> errori) {
        if (valore == null || valore.isBlank()) {
            return null;
        }
        for (E e : tipo.getEnumConstants()) {
            if (e.name().equals(valore.strip())) {
                return e;
            }
        }
        errori.put(campo, "scegliere dall'elenco");
        return null;
    }

    private String testo(String chiave, Object... argomenti) {
        return messaggi.getMessage(chiave, argomenti, chiave, Locale.ITALIAN);
    }
}
