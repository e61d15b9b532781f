package it.piattaformacasa.marche.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.RedirectView;
import org.springframework.web.util.UriComponentsBuilder;

import it.piattaformacasa.common.AccessoNegatoException;
import it.piattaformacasa.common.DatiNonValidiException;
import it.piattaformacasa.common.ItalianFormats;
import it.piattaformacasa.common.NonTrovatoException;
import it.piattaformacasa.common.web.Console;
import it.piattaformacasa.common.web.PaginaConsole;
import it.piattaformacasa.common.web.PaginazioneConsole;
import it.piattaformacasa.marche.Bando;
import it.piattaformacasa.marche.BandiService;
import it.piattaformacasa.marche.ContenitoreCondizione;
import it.piattaformacasa.marche.DomandaMarche;
import it.piattaformacasa.marche.DomandeBandoService;
import it.piattaformacasa.marche.GrigliaCondizioni;
import it.piattaformacasa.marche.ParametroCondizione;
import it.piattaformacasa.marche.PunteggioGriglia;

/**
 * The desk's pages (issue 15, seed 004 «Inserisci domanda», passi 1–5, and «Ricerca domande»): each step is a form of
 * its own whose «Salva» persists that step only and goes on to the next; the nucleo of passo 2 is edited in place
 * («Nuovo», «Elimina», «Carica» redraw the form without saving). Every rule is {@link DomandeBandoService}'s, the API's.
 */
@Controller
@PaginaConsole
class DomandePagine {

    private static final Pattern CAMPO_COMPONENTE = Pattern.compile("componenti\\[(\\d+)]\\.(\\w+)");
    static final List<String> CAMPI_ANAGRAFICA = List.of("numero", "dataPresentazione", "cognome", "nome", "sesso", "dataNascita",
            "luogoNascita", "codiceFiscale", "nazionalita", "residenteA", "indirizzo", "cap", "residenteDal", "anniPresentazione",
            "isee");
    static final List<String> CAMPI_COMPONENTE = List.of("cognome", "nome", "dataNascita", "luogoNascita", "codiceFiscale",
            "parentela", "attivitaLavorativa", "invalidita");
    static final List<String> PARENTELE = List.of("Coniuge", "Convivente", "Figlio/a", "Figlio/a a carico", "Genitore",
            "Fratello/sorella", "Altro parente", "Affine", "Altro");

    /** A condition of passo 3 or 4 as the page shows it. */
    public record CondizionePasso(ContenitoreCondizione contenitore, String numero, String testo, ParametroCondizione parametro,
                                  String valore, List<FasciaPasso> fasce, String spuntata, String suggerita,
                                  boolean modificabile, List<String> nonCumulabileCon) {
    }

    /** A band: its letter, text, points and whether the score applied it (parametric) or it is ticked. */
    public record FasciaPasso(String lettera, String testo, BigDecimal punti, boolean perOgni, String intervallo,
                              boolean applicata, BigDecimal puntiAssegnati) {
    }

    private final DomandeBandoService domande;
    private final BandiService bandi;

    DomandePagine(DomandeBandoService domande, BandiService bandi) {
        this.domande = domande;
        this.bandi = bandi;
    }

    // --------------------------------------------------------------------------------------------- ricerca domande

    @GetMapping("/marche/bandi/{id}/domande")
    ModelAndView ricerca(@PathVariable long id, @RequestParam(required = false) String cognome,
                         @RequestParam(required = false) String nome, @RequestParam(required = false) String numero,
                         @RequestParam(defaultValue = "1") int pagina) {
        Bando bando = bandi.bando(id);
        Map<String, String> errori = new LinkedHashMap<>();
        Integer n = null;
        if (numero != null && !numero.isBlank()) {
            if (numero.strip().matches("\\d{1,6}")) {
                n = Integer.valueOf(numero.strip());
            } else {
                errori.put("numero", "il numero della domanda: solo cifre");
            }
        }
        Integer cercato = n;
        UriComponentsBuilder indirizzo = UriComponentsBuilder.fromPath("/marche/bandi/" + id + "/domande");
        if (cognome != null && !cognome.isBlank()) {
            indirizzo.queryParam("cognome", cognome.strip());
        }
        if (nome != null && !nome.isBlank()) {
            indirizzo.queryParam("nome", nome.strip());
        }
        if (cercato != null) {
            indirizzo.queryParam("numero", cercato);
        }
        Page<DomandaMarche.Riga> trovate = domande.cerca(id, cognome, nome, cercato,
                PageRequest.of(Math.max(0, pagina - 1), Console.RIGHE_PER_PAGINA));
        PaginazioneConsole paginazione = PaginazioneConsole.di(pagina, Console.RIGHE_PER_PAGINA, trovate.getTotalElements(),
                p -> indirizzo.cloneBuilder().queryParam("pagina", p).encode().toUriString());
        if (paginazione.pagina() != pagina) {
            trovate = domande.cerca(id, cognome, nome, cercato, PageRequest.of(paginazione.indice(), Console.RIGHE_PER_PAGINA));
        }
        ModelAndView pagina_ = new ModelAndView("marche/domande");
        pagina_.addObject("bando", bando);
        pagina_.addObject("domande", trovate.getContent());
        pagina_.addObject("paginazione", paginazione);
        pagina_.addObject("cognome", cognome == null ? "" : cognome);
        pagina_.addObject("nome", nome == null ? "" : nome);
        pagina_.addObject("numero", numero == null ? "" : numero);
        pagina_.addObject("errori", errori);
        pagina_.addObject("riepilogo", riepilogo(errori));
        pagina_.addObject("eliminabili", bando.gestibile() && "ISTRUTTORIA".equals(domande.faseGraduatoria(id)));
        if (!errori.isEmpty()) {
            pagina_.setStatus(HttpStatus.BAD_REQUEST);
        }
        return pagina_;
    }

    /** «Elimina» of «Ricerca domande». */
    @PostMapping("/marche/domande/{id}/eliminazione")
    Object elimina(@PathVariable long id, RedirectAttributes esito) {
        DomandaMarche d = domande.domanda(id);
        domande.elimina(id);
        esito.addFlashAttribute("successo", "Domanda n. " + d.numero() + " (" + d.nominativo() + ") eliminata.");
        return vai("/marche/bandi/" + d.bandoId() + "/domande");
    }

    // ------------------------------------------------------------------------------------------------------ passo 1

    @GetMapping("/marche/bandi/{id}/domande/nuova")
    ModelAndView nuova(@PathVariable long id) {
        Bando bando = bandoDaGestire(id);
        return passo1(bando, null, new LinkedHashMap<>(), Map.of(), null, HttpStatus.OK);
    }

    /** «Salva» of passo 1 of a new domanda (or «Richiedente», which fills the form from what the platform knows). */
    @PostMapping("/marche/bandi/{id}/domande/nuova")
    Object crea(@PathVariable long id, @RequestParam Map<String, String> campi, RedirectAttributes esito) {
        Bando bando = bandoDaGestire(id);
        Map<String, String> valori = valoriAnagrafica(campi);
        Map<String, String> errori = new LinkedHashMap<>();
        if ("richiedente".equals(campi.get("azione"))) {
            return richiedente(bando, null, valori);
        }
        Modulo1 modulo = modulo1(valori, errori);
        if (errori.isEmpty()) {
            try {
                DomandaMarche d = domande.crea(id, modulo.numero(), modulo.data(), modulo.anagrafica());
                esito.addFlashAttribute("successo", "Domanda n. " + d.numero() + " inserita: passo 1 salvato.");
                return vai("/marche/domande/" + d.id() + "/passo/2");
            } catch (DatiNonValidiException e) {
                e.errori().forEach(x -> errori.putIfAbsent(x.campo(), x.messaggio()));
            }
        }
        return passo1(bando, null, valori, errori, null, HttpStatus.BAD_REQUEST);
    }

    @GetMapping("/marche/domande/{id}/passo/{passo}")
    ModelAndView passo(@PathVariable long id, @PathVariable int passo) {
        DomandaMarche d = domande.domanda(id);
        Bando bando = bandi.bando(d.bandoId());
        return switch (passo) {
            case 1 -> passo1(bando, d, valoriAnagrafica(d), Map.of(), null, HttpStatus.OK);
            case 2 -> passo2(bando, d, valoriRequisiti(d), Map.of(), null, HttpStatus.OK);
            case 3, 4 -> passoCondizioni(bando, d, passo, null, Map.of(), HttpStatus.OK);
            case 5 -> passo5(bando, d, valoriEsito(d), Map.of(), HttpStatus.OK);
            default -> throw new NonTrovatoException("La domanda ha i passi dall'1 al 5");
        };
    }

    @PostMapping("/marche/domande/{id}/passo/1")
    Object salva1(@PathVariable long id, @RequestParam Map<String, String> campi, RedirectAttributes esito) {
        DomandaMarche d = domande.domanda(id);
        Bando bando = bandi.bando(d.bandoId());
        Map<String, String> valori = valoriAnagrafica(campi);
        if ("richiedente".equals(campi.get("azione"))) {
            return richiedente(bando, d, valori);
        }
        Map<String, String> errori = new LinkedHashMap<>();
        Modulo1 modulo = modulo1(valori, errori);
        long version = versione(campi);
        if (errori.isEmpty()) {
            try {
                domande.salvaAnagrafica(id, version, modulo.numero(), modulo.data(), modulo.anagrafica());
                esito.addFlashAttribute("successo", "Passo 1 salvato.");
                return vai("/marche/domande/" + id + "/passo/2");
            } catch (DatiNonValidiException e) {
                e.errori().forEach(x -> errori.putIfAbsent(x.campo(), x.messaggio()));
            }
        }
        return passo1(bando, d, valori, errori, null, HttpStatus.BAD_REQUEST);
    }

    // ------------------------------------------------------------------------------------------------------ passo 2

    /** «Salva», or «Nuovo», «Elimina» of a row, «Carica»: these three redraw the form without saving. */
    @PostMapping("/marche/domande/{id}/passo/2")
    Object salva2(@PathVariable long id, @RequestParam Map<String, String> campi, RedirectAttributes esito) {
        DomandaMarche d = domande.domanda(id);
        Bando bando = bandi.bando(d.bandoId());
        Map<String, String> valori = new LinkedHashMap<>(campi);
        valori.remove("_csrf");
        List<Map<String, String>> righe = righeComponenti(campi);
        String azione = campi.getOrDefault("azione", "salva");
        if (azione.equals("nuovo")) {
            righe.add(new LinkedHashMap<>());
            return passo2(bando, d, conRighe(valori, righe), Map.of(), "k" + (righe.size() - 1) + "-cognome", HttpStatus.OK);
        }
        if (azione.startsWith("elimina-") && azione.substring(8).matches("\\d{1,2}")) {
            int indice = Integer.parseInt(azione.substring(8));
            if (indice < righe.size()) {
                righe.remove(indice);
            }
            return passo2(bando, d, conRighe(valori, righe), Map.of(), null, HttpStatus.OK);
        }
        if (azione.equals("carica")) {
            if (!d.gestibile()) {
                throw new AccessoNegatoException(BandiService.SOLO_MARCHE);
            }
            Map<String, String> messaggio = new LinkedHashMap<>();
            List<Map<String, String>> caricate = d.anagrafica().codiceFiscale() == null ? List.of()
                    : domande.datiNoti(d.bandoId(), d.anagrafica().codiceFiscale(), d.id())
                    .map(n -> n.componenti().stream().map(DomandePagine::valoriComponente).toList()).orElse(List.of());
            if (caricate.isEmpty()) {
                ModelAndView pagina = passo2(bando, d, valori, messaggio, null, HttpStatus.OK);
                pagina.addObject("avviso", "Nessun nucleo noto per il codice fiscale del richiedente: inserire i componenti con «Nuovo».");
                return pagina;
            }
            return passo2(bando, d, conRighe(valori, new ArrayList<>(caricate)), Map.of(), null, HttpStatus.OK);
        }
        Map<String, String> errori = new LinkedHashMap<>();
        List<DomandaMarche.ComponenteMarche> componenti = new ArrayList<>();
        for (int i = 0; i < righe.size(); i++) {
            Map<String, String> r = righe.get(i);
            String p = "k" + i + "-";
            componenti.add(new DomandaMarche.ComponenteMarche(r.get("cognome"), r.get("nome"),
                    data(r.get("dataNascita"), p + "dataNascita", errori), r.get("luogoNascita"), r.get("codiceFiscale"),
                    r.get("parentela"), r.get("attivitaLavorativa"), numero(r.get("invalidita"), p + "invalidita", errori),
                    r.containsKey("aCarico")));
        }
        Map<String, Boolean> requisiti = new LinkedHashMap<>();
        DomandeBandoService.REQUISITI.forEach(r -> requisiti.put(r.codice(), campi.containsKey("req-" + r.codice())));
        if (errori.isEmpty()) {
            try {
                domande.salvaRequisiti(id, versione(campi), requisiti, campi.containsKey("monoparentale"), componenti);
                esito.addFlashAttribute("successo", "Passo 2 salvato.");
                return vai("/marche/domande/" + id + "/passo/3");
            } catch (DatiNonValidiException e) {
                e.errori().forEach(x -> errori.putIfAbsent(campoComponente(x.campo()), x.messaggio()));
            }
        }
        return passo2(bando, d, conRighe(valori, righe), errori, null, HttpStatus.BAD_REQUEST);
    }

    // ------------------------------------------------------------------------------------------------- passi 3 e 4

    @PostMapping("/marche/domande/{id}/passo/{passo:[34]}")
    Object salvaCondizioni(@PathVariable long id, @PathVariable int passo, @RequestParam Map<String, String> campi,
                           RedirectAttributes esito) {
        DomandaMarche d = domande.domanda(id);
        Bando bando = bandi.bando(d.bandoId());
        boolean soggettive = passo == 3;
        Map<ContenitoreCondizione, Set<String>> spuntate = new EnumMap<>(ContenitoreCondizione.class);
        for (ContenitoreCondizione c : ContenitoreCondizione.values()) {
            // a condition the page shows disabled (definitive graduatoria) sends nothing: it keeps its band
            String scelta = campi.containsKey("c-" + c.name()) ? campi.get("c-" + c.name())
                    : d.fasceSpuntate().getOrDefault(c, Set.of()).stream().findFirst().orElse(null);
            if (c.soggettiva() == soggettive && scelta != null) {
                spuntate.put(c, scelta.isBlank() ? Set.of() : Set.of(scelta.strip()));
            }
        }
        Map<String, String> errori = new LinkedHashMap<>();
        Map<ParametroCondizione, BigDecimal> valori = new EnumMap<>(ParametroCondizione.class);
        if (soggettive) {
            String anni = campi.getOrDefault("anniPartecipazione", "").strip();
            if (!anni.isEmpty()) {
                if (anni.matches("\\d{1,2}")) {
                    valori.put(ParametroCondizione.ANNI_PARTECIPAZIONE, new BigDecimal(anni));
                } else {
                    errori.put("anniPartecipazione", "un numero intero di anni da 0 a 99");
                }
            }
        }
        if (errori.isEmpty()) {
            try {
                domande.salvaCondizioni(id, versione(campi), soggettive, spuntate, valori);
                esito.addFlashAttribute("successo", "Passo " + passo + " salvato.");
                return vai("/marche/domande/" + id + "/passo/" + (passo + 1));
            } catch (DatiNonValidiException e) {
                e.errori().forEach(x -> errori.putIfAbsent(x.campo().startsWith("fasceSpuntate.")
                        ? "c-" + x.campo().substring(14) : x.campo().startsWith("valoriDichiarati") ? "anniPartecipazione"
                        : x.campo(), x.messaggio()));
            }
        }
        return passoCondizioni(bando, d, passo, campi, errori, HttpStatus.BAD_REQUEST);
    }

    // ------------------------------------------------------------------------------------------------------ passo 5

    @PostMapping("/marche/domande/{id}/passo/5")
    Object salva5(@PathVariable long id, @RequestParam Map<String, String> campi, RedirectAttributes esito) {
        DomandaMarche d = domande.domanda(id);
        Bando bando = bandi.bando(d.bandoId());
        Map<String, String> errori = new LinkedHashMap<>();
        Integer anno = null;
        String testoAnno = campi.getOrDefault("annoAssegnazione", "").strip();
        if (!testoAnno.isEmpty()) {
            if (testoAnno.matches("\\d{4}")) {
                anno = Integer.valueOf(testoAnno);
            } else {
                errori.put("annoAssegnazione", "l'anno con quattro cifre, ad esempio 2010");
            }
        }
        if (errori.isEmpty()) {
            try {
                domande.salvaEsito(id, versione(campi), new DomandaMarche.Esito(campi.containsKey("esclusa"),
                        campi.get("motivoEsclusione"), campi.containsKey("alloggioAssegnato"), anno,
                        campi.get("motivoNonAssegnazione"), campi.get("note")));
                esito.addFlashAttribute("successo", "Passo 5 salvato: la domanda è completa.");
                return vai("/marche/domande/" + id + "/passo/5");
            } catch (DatiNonValidiException e) {
                e.errori().forEach(x -> errori.putIfAbsent(x.campo(), x.messaggio()));
            }
        }
        Map<String, String> valori = new LinkedHashMap<>(campi);
        return passo5(bando, d, valori, errori, HttpStatus.BAD_REQUEST);
    }

    // ----------------------------------------------------------------------------------------------------- pagine

    private ModelAndView pagina(String vista, Bando bando, DomandaMarche d, int passo, Map<String, String> errori,
                                HttpStatus stato) {
        ModelAndView pagina = new ModelAndView("marche/" + vista);
        pagina.addObject("bando", bando);
        pagina.addObject("domanda", d);
        pagina.addObject("passo", passo);
        pagina.addObject("errori", errori);
        pagina.addObject("riepilogo", riepilogo(errori));
        pagina.addObject("modificabile", d == null ? bando.gestibile() : d.gestibile());
        pagina.setStatus(stato);
        return pagina;
    }

    private ModelAndView passo1(Bando bando, DomandaMarche d, Map<String, String> valori, Map<String, String> errori, String avviso,
                                HttpStatus stato) {
        ModelAndView pagina = pagina("domanda-passo1", bando, d, 1, errori, stato);
        pagina.addObject("valori", valori);
        pagina.addObject("avviso", avviso);
        if (d != null && "DEFINITIVA".equals(d.faseGraduatoria())) {
            pagina.addObject("modificabile", false);
        }
        return pagina;
    }

    private Object richiedente(Bando bando, DomandaMarche d, Map<String, String> valori) {
        Map<String, String> errori = new LinkedHashMap<>();
        String cf = valori.getOrDefault("codiceFiscale", "");
        try {
            var noti = domande.datiNoti(bando.id(), cf, d == null ? null : d.id());
            if (noti.isEmpty()) {
                return passo1(bando, d, valori, errori, "Nessun richiedente con questo codice fiscale tra le domande e i nuclei "
                        + "dell'ente: inserire i dati.", HttpStatus.OK);
            }
            Map<String, String> trovati = valoriAnagrafica(noti.get().anagrafica());
            trovati.put("numero", valori.getOrDefault("numero", ""));
            trovati.put("dataPresentazione", valori.getOrDefault("dataPresentazione", ""));
            trovati.put("version", valori.getOrDefault("version", ""));
            return passo1(bando, d, trovati, errori, "DOMANDA".equals(noti.get().origine())
                    ? "Dati recuperati dall'ultima domanda del richiedente: verificarli e salvare."
                    : "Dati recuperati dal nucleo assegnatario dell'Anagrafe: verificarli, completarli e salvare.", HttpStatus.OK);
        } catch (DatiNonValidiException e) {
            e.errori().forEach(x -> errori.putIfAbsent(x.campo(), x.messaggio()));
            return passo1(bando, d, valori, errori, null, HttpStatus.BAD_REQUEST);
        }
    }

    private ModelAndView passo2(Bando bando, DomandaMarche d, Map<String, String> valori, Map<String, String> errori, String fuoco,
                                HttpStatus stato) {
        ModelAndView pagina = pagina("domanda-passo2", bando, d, 2, errori, stato);
        pagina.addObject("valori", valori);
        pagina.addObject("righe", righeComponenti(valori));
        pagina.addObject("requisiti", DomandeBandoService.REQUISITI);
        pagina.addObject("parentele", PARENTELE);
        pagina.addObject("fuoco", fuoco);
        if ("DEFINITIVA".equals(d.faseGraduatoria())) {
            pagina.addObject("modificabile", false);
        }
        return pagina;
    }

    private ModelAndView passoCondizioni(Bando bando, DomandaMarche d, int passo, Map<String, String> campi,
                                         Map<String, String> errori, HttpStatus stato) {
        DomandeBandoService.Valutazione v = domande.valutazione(d.id());
        boolean soggettive = passo == 3;
        List<CondizionePasso> condizioni = new ArrayList<>();
        GrigliaCondizioni griglia = v.condizioni() == null ? new GrigliaCondizioni(List.of()) : v.condizioni().griglia();
        for (GrigliaCondizioni.Condizione c : griglia.condizioni()) {
            ContenitoreCondizione contenitore = c.contenitore();
            if (contenitore.soggettiva() != soggettive || c.fasce().isEmpty()) {
                continue;
            }
            List<FasciaPasso> fasce = new ArrayList<>();
            for (int j = 0; j < c.fasce().size(); j++) {
                GrigliaCondizioni.Fascia f = c.fasce().get(j);
                String lettera = ContenitoreCondizione.lettera(j);
                PunteggioGriglia.Voce voce = d.punteggioDettaglio().stream()
                        .filter(x -> x.condizione() == contenitore && lettera.equals(x.fascia())).findFirst().orElse(null);
                fasce.add(new FasciaPasso(lettera, f.testo(), f.punti(), f.perOgni(), f.intervallo(), voce != null,
                        voce == null ? null : voce.punti()));
            }
            String spuntata = campi != null ? campi.getOrDefault("c-" + contenitore.name(), "")
                    : d.fasceSpuntate().getOrDefault(contenitore, Set.of()).stream().findFirst().orElse("");
            String suggerita = v.suggerimenti().getOrDefault(contenitore, Set.of()).stream().findFirst().orElse(null);
            ParametroCondizione parametro = c.parametroCondizione();
            String valore = parametro == null ? null : valore(parametro, v.valori().get(parametro));
            List<String> con = c.gruppoNonCumulabile() == null ? List.of() : griglia.condizioni().stream()
                    .filter(a -> a != c && c.gruppoNonCumulabile().equals(a.gruppoNonCumulabile()))
                    .map(a -> a.contenitore().numero()).toList();
            condizioni.add(new CondizionePasso(contenitore, contenitore.numero(), c.testo(), parametro, valore, fasce, spuntata,
                    suggerita, v.modificabili().contains(contenitore), con));
        }
        ModelAndView pagina = pagina("domanda-condizioni", bando, d, passo, errori, stato);
        pagina.addObject("condizioni", condizioni);
        pagina.addObject("versioneCondizioni", v.condizioni() == null ? null : v.condizioni().versione());
        pagina.addObject("ripetizioni", v.ripetizioni());
        BigDecimal anni = d.valoriDichiarati().get(ParametroCondizione.ANNI_PARTECIPAZIONE);
        pagina.addObject("anniPartecipazione", campi != null ? campi.getOrDefault("anniPartecipazione", "")
                : anni == null ? "" : anni.toPlainString());
        pagina.addObject("anniPresentazione", d.anagrafica().anniPresentazione());
        pagina.addObject("modificabile", d.gestibile() && !v.modificabili().isEmpty()
                && (!soggettive || !"DEFINITIVA".equals(d.faseGraduatoria())));
        return pagina;
    }

    private ModelAndView passo5(Bando bando, DomandaMarche d, Map<String, String> valori, Map<String, String> errori,
                                HttpStatus stato) {
        ModelAndView pagina = pagina("domanda-passo5", bando, d, 5, errori, stato);
        pagina.addObject("valori", valori);
        return pagina;
    }

    private static final Map<String, String> ETICHETTE = Map.ofEntries(Map.entry("numero", "Numero"),
            Map.entry("dataPresentazione", "Data di presentazione"), Map.entry("cognome", "Cognome"), Map.entry("nome", "Nome"),
            Map.entry("sesso", "Sesso"), Map.entry("dataNascita", "Data di nascita"), Map.entry("luogoNascita", "Luogo di nascita"),
            Map.entry("codiceFiscale", "Codice fiscale"), Map.entry("nazionalita", "Nazionalità"),
            Map.entry("residenteA", "Residente a"), Map.entry("indirizzo", "Indirizzo"), Map.entry("cap", "CAP"),
            Map.entry("residenteDal", "Residente nel Comune dal"), Map.entry("anniPresentazione", "Anni di presentazione"),
            Map.entry("isee", "Reddito ISEE"), Map.entry("parentela", "Parentela"), Map.entry("attivitaLavorativa", "Attività lavorativa"),
            Map.entry("invalidita", "Invalidità"), Map.entry("anniPartecipazione", "Anni di partecipazione"),
            Map.entry("motivoEsclusione", "Motivo esclusione"), Map.entry("alloggioAssegnato", "Alloggio assegnato"),
            Map.entry("annoAssegnazione", "Anno assegnazione"), Map.entry("motivoNonAssegnazione", "Motivo non assegnazione"),
            Map.entry("note", "Note"), Map.entry("version", "Versione"));
    private static final Pattern CAMPO_RIGA = Pattern.compile("k(\\d+)-(\\w+)");

    /** The summary at the top: each message with the field it is about, as its label reads (WCAG 3.3.1). */
    private static Map<String, String> riepilogo(Map<String, String> errori) {
        Map<String, String> riepilogo = new LinkedHashMap<>();
        errori.forEach((campo, messaggio) -> {
            Matcher riga = CAMPO_RIGA.matcher(campo);
            String etichetta = riga.matches() ? "Componente " + (Integer.parseInt(riga.group(1)) + 1) + ", "
                    + ETICHETTE.getOrDefault(riga.group(2), riga.group(2)).toLowerCase(java.util.Locale.ROOT)
                    : campo.startsWith("c-") ? ContenitoreCondizione.di(campo.substring(2)).map(ContenitoreCondizione::etichetta)
                    .orElse(campo) : ETICHETTE.get(campo);
            riepilogo.put(campo, etichetta == null ? messaggio : etichetta + ": " + messaggio);
        });
        return riepilogo;
    }

    // ------------------------------------------------------------------------------------------------- moduli

    private record Modulo1(Integer numero, LocalDate data, DomandaMarche.Anagrafica anagrafica) {
    }

    private static Modulo1 modulo1(Map<String, String> v, Map<String, String> errori) {
        Integer numero = null;
        String n = v.getOrDefault("numero", "").strip();
        if (!n.isEmpty()) {
            if (n.matches("\\d{1,6}")) {
                numero = Integer.valueOf(n);
            } else {
                errori.put("numero", "un numero intero da 1 a 999999 (vuoto: il primo libero del bando)");
            }
        }
        LocalDate data = data(v.get("dataPresentazione"), "dataPresentazione", errori);
        DomandaMarche.Anagrafica a = new DomandaMarche.Anagrafica(v.get("cognome"), v.get("nome"), v.get("sesso"),
                data(v.get("dataNascita"), "dataNascita", errori), v.get("luogoNascita"), v.get("codiceFiscale"),
                v.get("nazionalita"), v.get("residenteA"), v.get("indirizzo"), v.get("cap"), "true".equals(v.get("residenteEstero")),
                data(v.get("residenteDal"), "residenteDal", errori), v.get("anniPresentazione"), numero(v.get("isee"), "isee", errori));
        return new Modulo1(numero, data, a);
    }

    private static Map<String, String> valoriAnagrafica(Map<String, String> campi) {
        Map<String, String> valori = new LinkedHashMap<>();
        CAMPI_ANAGRAFICA.forEach(c -> valori.put(c, campi.getOrDefault(c, "")));
        valori.put("residenteEstero", campi.containsKey("residenteEstero") && !"false".equals(campi.get("residenteEstero"))
                ? "true" : "false");
        valori.put("version", campi.getOrDefault("version", ""));
        return valori;
    }

    private static Map<String, String> valoriAnagrafica(DomandaMarche d) {
        Map<String, String> valori = valoriAnagrafica(d.anagrafica());
        valori.put("numero", Integer.toString(d.numero()));
        valori.put("dataPresentazione", ItalianFormats.data(d.dataPresentazione()));
        valori.put("version", Long.toString(d.version()));
        return valori;
    }

    private static Map<String, String> valoriAnagrafica(DomandaMarche.Anagrafica a) {
        Map<String, String> valori = new LinkedHashMap<>();
        valori.put("cognome", testo(a.cognome()));
        valori.put("nome", testo(a.nome()));
        valori.put("sesso", testo(a.sesso()));
        valori.put("dataNascita", a.dataNascita() == null ? "" : ItalianFormats.data(a.dataNascita()));
        valori.put("luogoNascita", testo(a.luogoNascita()));
        valori.put("codiceFiscale", testo(a.codiceFiscale()));
        valori.put("nazionalita", testo(a.nazionalita()));
        valori.put("residenteA", testo(a.residenteA()));
        valori.put("indirizzo", testo(a.indirizzo()));
        valori.put("cap", testo(a.cap()));
        valori.put("residenteEstero", Boolean.toString(a.residenteEstero()));
        valori.put("residenteDal", a.residenteDal() == null ? "" : ItalianFormats.data(a.residenteDal()));
        valori.put("anniPresentazione", testo(a.anniPresentazione()));
        valori.put("isee", a.isee() == null ? "" : numeroTesto(a.isee()));
        return valori;
    }

    private static Map<String, String> valoriRequisiti(DomandaMarche d) {
        Map<String, String> valori = new LinkedHashMap<>();
        d.requisiti().forEach((k, v) -> {
            if (Boolean.TRUE.equals(v)) {
                valori.put("req-" + k, "on");
            }
        });
        if (d.monoparentale()) {
            valori.put("monoparentale", "on");
        }
        valori.put("version", Long.toString(d.version()));
        return conRighe(valori, d.componenti().stream().map(DomandePagine::valoriComponente).toList());
    }

    private static Map<String, String> valoriComponente(DomandaMarche.ComponenteMarche c) {
        Map<String, String> r = new LinkedHashMap<>();
        r.put("cognome", testo(c.cognome()));
        r.put("nome", testo(c.nome()));
        r.put("dataNascita", c.dataNascita() == null ? "" : ItalianFormats.data(c.dataNascita()));
        r.put("luogoNascita", testo(c.luogoNascita()));
        r.put("codiceFiscale", testo(c.codiceFiscale()));
        r.put("parentela", testo(c.parentela()));
        r.put("attivitaLavorativa", testo(c.attivitaLavorativa()));
        r.put("invalidita", c.invalidita() == null || c.invalidita().signum() == 0 ? "" : numeroTesto(c.invalidita()));
        if (c.aCarico()) {
            r.put("aCarico", "on");
        }
        return r;
    }

    private static Map<String, String> valoriEsito(DomandaMarche d) {
        Map<String, String> v = new LinkedHashMap<>();
        DomandaMarche.Esito e = d.esito();
        if (e.esclusa()) {
            v.put("esclusa", "on");
        }
        if (e.alloggioAssegnato()) {
            v.put("alloggioAssegnato", "on");
        }
        v.put("motivoEsclusione", testo(e.motivoEsclusione()));
        v.put("annoAssegnazione", e.annoAssegnazione() == null ? "" : e.annoAssegnazione().toString());
        v.put("motivoNonAssegnazione", testo(e.motivoNonAssegnazione()));
        v.put("note", testo(e.note()));
        v.put("version", Long.toString(d.version()));
        return v;
    }

    /** The rows {@code k0-cognome}, {@code k1-…} of the form, in order, up to the first index missing. */
    private static List<Map<String, String>> righeComponenti(Map<String, String> campi) {
        List<Map<String, String>> righe = new ArrayList<>();
        for (int i = 0; i < 20 && campi.containsKey("k" + i + "-cognome"); i++) {
            Map<String, String> r = new LinkedHashMap<>();
            for (String c : CAMPI_COMPONENTE) {
                r.put(c, campi.getOrDefault("k" + i + "-" + c, ""));
            }
            if (campi.containsKey("k" + i + "-aCarico")) {
                r.put("aCarico", "on");
            }
            righe.add(r);
        }
        return righe;
    }

    private static Map<String, String> conRighe(Map<String, String> valori, List<Map<String, String>> righe) {
        Map<String, String> risultato = new LinkedHashMap<>();
        valori.forEach((k, v) -> {
            if (!k.matches("k\\d+-.*")) {
                risultato.put(k, v);
            }
        });
        for (int i = 0; i < righe.size(); i++) {
            int indice = i;
            Map<String, String> r = righe.get(i);
            CAMPI_COMPONENTE.forEach(c -> risultato.put("k" + indice + "-" + c, r.getOrDefault(c, "")));
            if (r.containsKey("aCarico")) {
                risultato.put("k" + indice + "-aCarico", "on");
            }
        }
        return risultato;
    }

    /** {@code componenti[2].dataNascita} → the field {@code k2-dataNascita}. */
    private static String campoComponente(String campo) {
        Matcher m = CAMPO_COMPONENTE.matcher(campo);
        return m.matches() ? "k" + m.group(1) + "-" + m.group(2) : campo.startsWith("requisiti.") ? "requisiti" : campo;
    }

    private Bando bandoDaGestire(long id) {
        Bando bando = bandi.bando(id);
        if (!bando.gestibile()) {
            throw new AccessoNegatoException(BandiService.SOLO_MARCHE + " (" + bando.ente() + ")");
        }
        return bando;
    }

    private static long versione(Map<String, String> campi) {
        String v = campi.getOrDefault("version", "").strip();
        if (!v.matches("\\d{1,18}")) {
            throw DatiNonValidiException.campo("version", "la versione della domanda letta manca: ricaricare la pagina");
        }
        return Long.parseLong(v);
    }

    private static String valore(ParametroCondizione p, BigDecimal v) {
        if (v == null) {
            return switch (p) {
                case MINORI_A_CARICO -> "nucleo non monoparentale (passo 2)";
                case ISEE -> "non dichiarato (passo 1)";
                case ANNI_RESIDENZA -> "residenza nel Comune non dichiarata (passo 1)";
                default -> "da indicare";
            };
        }
        // the label already names the unit («Valore ISEE (€)», «Grado di invalidità (%)»): not repeated after the number
        return switch (p) {
            case ISEE -> ItalianFormats.decimale(v, 2);
            case INVALIDITA -> ItalianFormats.decimale(v, v.stripTrailingZeros().scale() > 0 ? 2 : 0);
            default -> v.stripTrailingZeros().toPlainString();
        };
    }

    private static String testo(String s) {
        return s == null ? "" : s;
    }

    private static String numeroTesto(BigDecimal v) {
        return ItalianFormats.decimale(v, Math.max(0, v.stripTrailingZeros().scale())).replace(".", "");
    }

    private static BigDecimal numero(String testo, String campo, Map<String, String> errori) {
        if (testo == null || testo.isBlank()) {
            return null;
        }
        String pulito = testo.strip().replace(" ", "").replace("€", "").replace(".", "").replace(',', '.');
        if (!pulito.matches("[0-9]{1,9}(\\.[0-9]{1,2})?")) {
            errori.put(campo, "numero non valido: scrivere ad esempio 4800,50 (la virgola separa i decimali)");
            return null;
        }
        return new BigDecimal(pulito);
    }

    private static LocalDate data(String testo, String campo, Map<String, String> errori) {
        return BandiPagine.data(testo, campo, errori);
    }

    private static RedirectView vai(String percorso) {
        return BandiPagine.vai(percorso);
    }
}
