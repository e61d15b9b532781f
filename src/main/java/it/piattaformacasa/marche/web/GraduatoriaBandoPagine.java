package it.piattaformacasa.marche.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

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

import it.piattaformacasa.common.AccessoNegatoException;
import it.piattaformacasa.common.ConflittoException;
import it.piattaformacasa.common.DatiNonValidiException;
import it.piattaformacasa.common.ItalianFormats;
import it.piattaformacasa.common.NonTrovatoException;
import it.piattaformacasa.common.web.PaginaConsole;
import it.piattaformacasa.common.web.PaginazioneConsole;
import it.piattaformacasa.marche.Bando;
import it.piattaformacasa.marche.BandiService;
import it.piattaformacasa.marche.BrogliaccioBando;
import it.piattaformacasa.marche.FaseGraduatoria;
import it.piattaformacasa.marche.GraduatoriaBandoService;
import it.piattaformacasa.marche.GraduatoriaBandoService.Graduatoria;
import it.piattaformacasa.marche.GraduatoriaBandoService.Posizione;
import it.piattaformacasa.report.web.Scaricamento;

/**
 * «Graduatoria domande alloggi ERP» (issue 15, seed 004 Fig. 22–24): the header with the counters, «Inserisci» or
 * «Salva», «Stampa», «Calcola» (with a confirmation page when manual moves would be lost), the list with ▲ ▼ and the
 * reason of the move, «Non assegnato» → the year of assignment, and «Stampa brogliaccio». Every rule is
 * {@link GraduatoriaBandoService}'s, the API's.
 */
@Controller
@PaginaConsole
class GraduatoriaBandoPagine {

    /** A Comune's list may have thousands of domande (seed: 260): the page shows them a hundred at a time. */
    static final int RIGHE_PER_PAGINA = 100;

    private static final Map<String, String> ETICHETTE = Map.of("data", "Data", "fase", "Fase", "provvisoriaAlboNumero",
            "Provvisoria: albo pretorio/BUR n.", "provvisoriaAlboData", "Provvisoria: data", "definitivaAlboNumero",
            "Definitiva: albo pretorio/BUR n.", "definitivaAlboData", "Definitiva: data", "verbaleNumero",
            "Numero verbale di approvazione della Commissione", "verbaleData", "Data verbale di approvazione della Commissione",
            "nota", "Nota", "motivo", "Motivo dello spostamento");

    /** The header as typed (dates gg/mm/aaaa). */
    record ModuloGraduatoria(String version, String data, String fase, String provvisoriaAlboNumero, String provvisoriaAlboData,
                             String definitivaAlboNumero, String definitivaAlboData, String verbaleNumero, String verbaleData,
                             String nota) {

        static ModuloGraduatoria di(Graduatoria g) {
            if (g == null) {
                return new ModuloGraduatoria(null, null, FaseGraduatoria.ISTRUTTORIA.name(), null, null, null, null, null, null, null);
            }
            GraduatoriaBandoService.DatiGraduatoria d = g.dati();
            return new ModuloGraduatoria(Long.toString(g.version()), testo(d.data()), g.fase().name(), d.provvisoriaAlboNumero(),
                    testo(d.provvisoriaAlboData()), d.definitivaAlboNumero(), testo(d.definitivaAlboData()), d.verbaleNumero(),
                    testo(d.verbaleData()), d.nota());
        }

        private static String testo(LocalDate data) {
            return data == null ? null : ItalianFormats.data(data);
        }
    }

    private final GraduatoriaBandoService graduatorie;
    private final BrogliaccioBando brogliaccio;
    private final BandiService bandi;

    GraduatoriaBandoPagine(GraduatoriaBandoService graduatorie, BrogliaccioBando brogliaccio, BandiService bandi) {
        this.graduatorie = graduatorie;
        this.brogliaccio = brogliaccio;
        this.bandi = bandi;
    }

    @GetMapping("/marche/bandi/{id}/graduatoria")
    ModelAndView graduatoria(@PathVariable long id, @RequestParam(defaultValue = "1") int pagina) {
        Graduatoria g = graduatorie.graduatoria(id).orElse(null);
        return pagina(id, g, ModuloGraduatoria.di(g), Map.of(), null, null, pagina, HttpStatus.OK);
    }

    /** «Inserisci» the first time, «Salva» afterwards: the API's POST or PUT. */
    @PostMapping("/marche/bandi/{id}/graduatoria")
    Object salva(@PathVariable long id, @ModelAttribute ModuloGraduatoria modulo, RedirectAttributes esito) {
        Graduatoria attuale = graduatorie.graduatoria(id).orElse(null);
        Map<String, String> errori = new LinkedHashMap<>();
        LocalDate data = BandiPagine.data(modulo.data(), "data", errori);
        LocalDate provvisoria = BandiPagine.data(modulo.provvisoriaAlboData(), "provvisoriaAlboData", errori);
        LocalDate definitiva = BandiPagine.data(modulo.definitivaAlboData(), "definitivaAlboData", errori);
        LocalDate verbale = BandiPagine.data(modulo.verbaleData(), "verbaleData", errori);
        FaseGraduatoria fase = null;
        if (modulo.fase() != null && !modulo.fase().isBlank()) {
            try {
                fase = FaseGraduatoria.valueOf(modulo.fase().strip());
            } catch (IllegalArgumentException e) {
                errori.put("fase", "fase sconosciuta");
            }
        }
        if (errori.isEmpty()) {
            GraduatoriaBandoService.DatiGraduatoria dati = new GraduatoriaBandoService.DatiGraduatoria(data, fase,
                    modulo.provvisoriaAlboNumero(), provvisoria, modulo.definitivaAlboNumero(), definitiva, modulo.verbaleNumero(),
                    verbale, modulo.nota());
            try {
                if (attuale == null) {
                    graduatorie.inserisci(id, dati);
                    esito.addFlashAttribute("successo", "Graduatoria inserita (fase Istruttoria): ora si genera con «Calcola».");
                } else {
                    long version = modulo.version() != null && modulo.version().matches("\\d{1,18}") ? Long.parseLong(modulo.version()) : -1;
                    Graduatoria salvata = graduatorie.salva(id, dati, version);
                    esito.addFlashAttribute("successo", "Graduatoria salvata: fase " + salvata.fase().etichetta().toLowerCase() + ".");
                }
                return BandiPagine.vai("/marche/bandi/" + id + "/graduatoria");
            } catch (DatiNonValidiException e) {
                e.errori().forEach(x -> errori.putIfAbsent(x.campo(), x.messaggio()));
            } catch (ConflittoException e) {
                return pagina(id, attuale, modulo, Map.of(), e.getMessage(), null, 1, HttpStatus.CONFLICT);
            }
        }
        return pagina(id, attuale, modulo, errori, null, null, 1, HttpStatus.BAD_REQUEST);
    }

    /** «Calcola»: when manual moves would be lost, first the confirmation page (seed: «Tali interventi manuali andranno persi»). */
    @PostMapping("/marche/bandi/{id}/graduatoria/calcolo")
    Object calcola(@PathVariable long id, @RequestParam(required = false) String conferma, RedirectAttributes esito) {
        Graduatoria g = graduatorie.graduatoria(id).orElseThrow(() -> new NonTrovatoException("Graduatoria non ancora inserita"));
        boolean confermato = "true".equals(conferma);
        if (g.spostamentiManuali() && !confermato && g.calcolabile()) {
            ModelAndView pagina = new ModelAndView("marche/graduatoria-conferma");
            pagina.addObject("bando", g.bando());
            pagina.addObject("graduatoria", g);
            pagina.addObject("avviso", GraduatoriaBandoService.SPOSTAMENTI_PERSI);
            return pagina;
        }
        Graduatoria calcolata = graduatorie.calcola(id, confermato);
        esito.addFlashAttribute("successo", "Graduatoria calcolata: " + calcolata.posizioni().size() + " domande in ordine di punteggio.");
        return BandiPagine.vai("/marche/bandi/" + id + "/graduatoria");
    }

    /** ▲ ▼ of a row ({@code sposta} = «domandaId:SU» or «domandaId:GIU»), with the reason typed above the table. */
    @PostMapping("/marche/bandi/{id}/graduatoria/spostamento")
    Object sposta(@PathVariable long id, @RequestParam(required = false) String sposta, @RequestParam(required = false) String motivo,
                  RedirectAttributes esito) {
        Graduatoria g = graduatorie.graduatoria(id).orElseThrow(() -> new NonTrovatoException("Graduatoria non ancora inserita"));
        if (sposta == null || !sposta.matches("\\d{1,18}:(SU|GIU)")) {
            throw DatiNonValidiException.campo("sposta", "indicare la domanda e la direzione dello spostamento");
        }
        long domanda = Long.parseLong(sposta.substring(0, sposta.indexOf(':')));
        String direzione = sposta.substring(sposta.indexOf(':') + 1);
        try {
            Graduatoria dopo = graduatorie.sposta(id, domanda, null, direzione, motivo);
            Posizione p = dopo.posizioni().stream().filter(x -> x.domandaId() == domanda).findFirst().orElseThrow();
            esito.addFlashAttribute("successo", "Domanda n. " + p.numero() + " spostata in posizione " + p.posizione() + ".");
            return BandiPagine.vai(riga(id, p));
        } catch (DatiNonValidiException e) {
            Map<String, String> errori = new LinkedHashMap<>();
            e.errori().forEach(x -> errori.putIfAbsent("direzione".equals(x.campo()) ? "motivo" : x.campo(), x.messaggio()));
            int pagina = g.posizioni().stream().filter(x -> x.domandaId() == domanda).findFirst().map(x -> paginaDi(x.posizione())).orElse(1);
            return pagina(id, g, ModuloGraduatoria.di(g), errori, null, motivo, pagina, HttpStatus.BAD_REQUEST);
        }
    }

    /** «Non assegnato» → the confirmation and «Anno di assegnazione (formato AAAA)» (seed 004, Fig. 24b). */
    @GetMapping("/marche/bandi/{id}/graduatoria/domande/{domandaId}/assegnazione")
    ModelAndView assegnazione(@PathVariable long id, @PathVariable long domandaId) {
        return assegnazione(id, domandaId, null, Map.of(), HttpStatus.OK);
    }

    @PostMapping("/marche/bandi/{id}/graduatoria/domande/{domandaId}/assegnazione")
    Object assegna(@PathVariable long id, @PathVariable long domandaId, @RequestParam(required = false) String anno,
                   RedirectAttributes esito) {
        try {
            Graduatoria g = graduatorie.assegna(id, domandaId, anno);
            Posizione p = g.posizioni().stream().filter(x -> x.domandaId() == domandaId).findFirst().orElseThrow();
            esito.addFlashAttribute("successo", "Alloggio assegnato alla domanda n. " + p.numero() + " nell'anno " + p.annoAssegnazione() + ".");
            return BandiPagine.vai(riga(id, p));
        } catch (DatiNonValidiException e) {
            Map<String, String> errori = new LinkedHashMap<>();
            e.errori().forEach(x -> errori.putIfAbsent(x.campo(), x.messaggio()));
            return assegnazione(id, domandaId, anno, errori, HttpStatus.BAD_REQUEST);
        }
    }

    @GetMapping("/marche/bandi/{id}/graduatoria/stampa.xlsx")
    ResponseEntity<?> stampa(@PathVariable long id) {
        Graduatoria g = graduatorie.graduatoria(id).orElseThrow(() -> new NonTrovatoException("Graduatoria non ancora inserita"));
        return Scaricamento.di(StampeMarche.graduatoria(g), "xlsx", StampeMarche.file("graduatoria", g.bando()));
    }

    @GetMapping("/marche/bandi/{id}/brogliaccio.xlsx")
    ResponseEntity<?> brogliaccio(@PathVariable long id) {
        Bando bando = bandi.bando(id);
        return Scaricamento.di(StampeMarche.brogliaccio(brogliaccio.brogliaccio(id)), "xlsx", StampeMarche.file("brogliaccio", bando));
    }

    // -------------------------------------------------------------------------------------------------------------

    /** The row on its page of the list (no parameter for the first page). */
    private static String riga(long id, Posizione p) {
        int pagina = paginaDi(p.posizione());
        return "/marche/bandi/" + id + "/graduatoria" + (pagina > 1 ? "?pagina=" + pagina : "") + "#riga-" + p.domandaId();
    }

    /** The page of the list a position is on. */
    private static int paginaDi(int posizione) {
        return (posizione - 1) / RIGHE_PER_PAGINA + 1;
    }

    private ModelAndView pagina(long id, Graduatoria g, ModuloGraduatoria modulo, Map<String, String> errori, String conflitto,
                                String motivo, int numeroPagina, HttpStatus stato) {
        Bando bando = g != null ? g.bando() : bandi.bando(id);
        ModelAndView pagina = new ModelAndView("marche/graduatoria");
        if (g != null) {
            PaginazioneConsole paginazione = PaginazioneConsole.di(numeroPagina, RIGHE_PER_PAGINA, g.posizioni().size(),
                    n -> "/marche/bandi/" + bando.id() + "/graduatoria?pagina=" + n + "#titolo-posizioni");
            pagina.addObject("paginazione", paginazione);
            pagina.addObject("righe", g.posizioni().subList((int) Math.max(0, paginazione.dal() - 1), (int) paginazione.al()));
            pagina.addObject("ultima", g.posizioni().isEmpty() ? 0 : g.posizioni().get(g.posizioni().size() - 1).posizione());
        }
        pagina.addObject("bando", bando);
        pagina.addObject("graduatoria", g);
        pagina.addObject("contatori", g != null ? g.contatori() : graduatorie.contatori(id));
        pagina.addObject("modulo", modulo);
        pagina.addObject("fasi", FaseGraduatoria.values());
        pagina.addObject("errori", errori);
        Map<String, String> riepilogo = new LinkedHashMap<>();
        errori.forEach((campo, messaggio) -> riepilogo.put(campo, ETICHETTE.getOrDefault(campo, campo) + ": " + messaggio));
        pagina.addObject("riepilogo", riepilogo);
        pagina.addObject("conflitto", conflitto);
        pagina.addObject("motivo", motivo);
        pagina.addObject("criterio", GraduatoriaBandoService.CRITERIO_PROVVISORIO);
        pagina.setStatus(stato);
        return pagina;
    }

    private ModelAndView assegnazione(long id, long domandaId, String anno, Map<String, String> errori, HttpStatus stato) {
        Graduatoria g = graduatorie.graduatoria(id).orElseThrow(() -> new NonTrovatoException("Graduatoria non ancora inserita"));
        if (!g.bando().gestibile()) {
            throw new AccessoNegatoException(GraduatoriaBandoService.SOLO_GESTIONE);
        }
        Posizione p = g.posizioni().stream().filter(x -> x.domandaId() == domandaId).findFirst()
                .orElseThrow(() -> new NonTrovatoException("La domanda " + domandaId + " non è nella graduatoria del bando"));
        ModelAndView pagina = new ModelAndView("marche/graduatoria-assegnazione");
        pagina.addObject("bando", g.bando());
        pagina.addObject("posizione", p);
        pagina.addObject("anno", anno);
        pagina.addObject("errori", errori);
        Map<String, String> riepilogo = new LinkedHashMap<>();
        errori.forEach((campo, messaggio) -> riepilogo.put(campo, "Anno di assegnazione: " + messaggio));
        pagina.addObject("riepilogo", riepilogo);
        pagina.setStatus(stato);
        return pagina;
    }
}
