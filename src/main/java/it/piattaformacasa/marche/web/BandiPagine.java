package it.piattaformacasa.marche.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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

import it.piattaformacasa.common.AccessoNegatoException;
import it.piattaformacasa.common.DatiNonValidiException;
import it.piattaformacasa.common.ItalianFormats;
import it.piattaformacasa.common.sicurezza.UtenteCorrente;
import it.piattaformacasa.common.web.PaginaConsole;
import it.piattaformacasa.marche.Bando;
import it.piattaformacasa.marche.BandiService;
import it.piattaformacasa.marche.ContenitoreCondizione;
import it.piattaformacasa.marche.GrigliaCondizioni;
import it.piattaformacasa.marche.ParametroCondizione;
import it.piattaformacasa.marche.PunteggioGriglia;

/**
 * «Bandi» of a Marche Comune (issue 15, seed 004 «Definizione bandi»): the list with the seed's columns, «Nuovo bando»,
 * the bando's page with «Elimina» while no domanda exists, and «Condizioni»: the grid as six rows «a» … «f» per
 * condition, as the seed draws it — a band is added by filling an empty row and removed by emptying its text — with
 * «Copia da modello» and «Salva». Every rule is {@link BandiService}'s, the API's.
 */
@Controller
@PaginaConsole
class BandiPagine {

    private static final Pattern CAMPO_FASCIA = Pattern.compile("condizioni\\[(\\d+)]\\.fasce\\[(\\d+)](?:\\.(\\w+))?");
    private static final Pattern CAMPO_CONDIZIONE = Pattern.compile("condizioni\\[(\\d+)](?:\\.(\\w+))?");
    private static final Map<String, String> ETICHETTE = Map.of("numero", "Numero", "dataPubblicazione", "Data pubblicazione",
            "dataScadenza", "Data scadenza", "dataScadenzaEstero", "Data scadenza (estero)", "enteId", "Ente");

    /** The new bando as typed (dates gg/mm/aaaa). */
    record ModuloBando(String enteId, String numero, String dataPubblicazione, String dataScadenza, String dataScadenzaEstero) {
    }

    /** A band's row as the page shows it: the form's values, or the saved ones. */
    public record RigaFascia(int indice, String lettera, String testo, String punti, String oltre, String finoA, boolean perOgni,
                             boolean provvisoria, String nota) {
    }

    /** A condition on the page, with its six rows. */
    public record CondizionePagina(int indice, GrigliaCondizioni.Condizione condizione, String etichetta, String parametro,
                                   List<String> nonCumulabileCon, List<RigaFascia> righe) {
    }

    /** «Prova il punteggio»: a parameter's field, with the conditions measured on it. */
    public record CampoValore(String nome, String etichetta, String valore, List<String> condizioni) {
    }

    /** «Prova il punteggio»: a condition without parameter (one band ticked, or none), or a «per ogni» band's count. */
    public record CampoCondizione(String codice, String etichetta, String testo, List<RigaFascia> fasce, String spuntata,
                                  String fasciaPerOgni, String ripetizioni, boolean spuntabile) {
    }

    /** «Prova il punteggio»: a line of the result, numbers formatted. */
    public record VoceRiga(String condizione, String fascia, String testo, String punti, boolean contata, String spiegazione) {
    }

    private static final Pattern ERRORE_PROVA = Pattern.compile("(valori|spuntate|ripetizioni)\\.(\\w+)");

    private final BandiService bandi;
    private final UtenteCorrente utente;

    BandiPagine(BandiService bandi, UtenteCorrente utente) {
        this.bandi = bandi;
        this.utente = utente;
    }

    @GetMapping("/marche/bandi")
    ModelAndView elenco() {
        ModelAndView pagina = new ModelAndView("marche/bandi");
        pagina.addObject("bandi", bandi.bandi());
        pagina.addObject("puoCreare", !bandi.entiGestibili().isEmpty());
        return pagina;
    }

    @GetMapping("/marche/bandi/nuovo")
    ModelAndView nuovo() {
        return nuovo(new ModuloBando(null, null, null, null, null), Map.of(), HttpStatus.OK);
    }

    /** «OK» of «Nuovo bando»: the API's {@code POST /api/marche/bandi}, then the bando's page. */
    @PostMapping("/marche/bandi/nuovo")
    Object crea(@ModelAttribute ModuloBando modulo, RedirectAttributes esito) {
        Map<String, String> errori = new LinkedHashMap<>();
        LocalDate pubblicazione = data(modulo.dataPubblicazione(), "dataPubblicazione", errori);
        LocalDate scadenza = data(modulo.dataScadenza(), "dataScadenza", errori);
        LocalDate estero = data(modulo.dataScadenzaEstero(), "dataScadenzaEstero", errori);
        Long ente = null;
        if (modulo.enteId() != null && !modulo.enteId().isBlank()) {
            if (modulo.enteId().strip().matches("\\d{1,18}")) {
                ente = Long.valueOf(modulo.enteId().strip());
            } else {
                errori.put("enteId", "ente non valido");
            }
        }
        try {
            if (errori.isEmpty()) {
                Bando bando = bandi.crea(ente, modulo.numero(), pubblicazione, scadenza, estero);
                esito.addFlashAttribute("successo", "Bando n. " + bando.numero() + " del "
                        + ItalianFormats.data(bando.dataPubblicazione()) + " inserito: ora se ne definiscono le condizioni.");
                return vai("/marche/bandi/" + bando.id());
            }
        } catch (DatiNonValidiException e) {
            e.errori().forEach(x -> errori.putIfAbsent(x.campo(), x.messaggio()));
        }
        return nuovo(modulo, errori, HttpStatus.BAD_REQUEST);
    }

    @GetMapping("/marche/bandi/{id}")
    ModelAndView bando(@PathVariable long id) {
        ModelAndView pagina = new ModelAndView("marche/bando");
        pagina.addObject("bando", bandi.bando(id));
        pagina.addObject("versioni", bandi.versioni(id));
        return pagina;
    }

    @GetMapping("/marche/bandi/{id}/modifica")
    ModelAndView modifica(@PathVariable long id) {
        Bando bando = bandoDaModificare(id);
        return modulo(bando, new ModuloBando(null, bando.numero(), ItalianFormats.data(bando.dataPubblicazione()),
                ItalianFormats.data(bando.dataScadenza()), ItalianFormats.data(bando.dataScadenzaEstero())), Map.of(), HttpStatus.OK);
    }

    /** «OK» of «Modifica»: the API's {@code PUT /api/marche/bandi/{id}}, then the bando's page. */
    @PostMapping("/marche/bandi/{id}/modifica")
    Object modifica(@PathVariable long id, @ModelAttribute ModuloBando modulo, RedirectAttributes esito) {
        Bando bando = bandoDaModificare(id);
        Map<String, String> errori = new LinkedHashMap<>();
        LocalDate pubblicazione = data(modulo.dataPubblicazione(), "dataPubblicazione", errori);
        LocalDate scadenza = data(modulo.dataScadenza(), "dataScadenza", errori);
        LocalDate estero = data(modulo.dataScadenzaEstero(), "dataScadenzaEstero", errori);
        try {
            if (errori.isEmpty()) {
                Bando modificato = bandi.modifica(id, modulo.numero(), pubblicazione, scadenza, estero);
                esito.addFlashAttribute("successo", "Bando n. " + modificato.numero() + " del "
                        + ItalianFormats.data(modificato.dataPubblicazione()) + " modificato.");
                return vai("/marche/bandi/" + id);
            }
        } catch (DatiNonValidiException e) {
            e.errori().forEach(x -> errori.putIfAbsent(x.campo(), x.messaggio()));
        }
        return modulo(bando, modulo, errori, HttpStatus.BAD_REQUEST);
    }

    /** Only who manages the bando opens «Modifica»: the others read it (403). */
    private Bando bandoDaModificare(long id) {
        Bando bando = bandi.bando(id);
        if (!bando.gestibile()) {
            throw new AccessoNegatoException(BandiService.SOLO_MARCHE + " (" + bando.ente() + ")");
        }
        return bando;
    }

    /** «Elimina»: only while no domanda exists (409 page otherwise). */
    @PostMapping("/marche/bandi/{id}/eliminazione")
    Object elimina(@PathVariable long id, RedirectAttributes esito) {
        Bando bando = bandi.bando(id);
        bandi.elimina(id);
        esito.addFlashAttribute("successo", "Bando n. " + bando.numero() + " del " + ItalianFormats.data(bando.dataPubblicazione())
                + " eliminato.");
        return vai("/marche/bandi");
    }

    @GetMapping("/marche/bandi/{id}/condizioni")
    ModelAndView condizioni(@PathVariable long id) {
        Bando bando = bandi.bando(id);
        GrigliaCondizioni griglia = bandi.condizioni(id, null).map(BandiService.VersioneCondizioni::griglia).orElse(null);
        return condizioni(bando, griglia, null, Map.of(), HttpStatus.OK);
    }

    /** «Copia da modello»: the Region's model becomes the next version, shown to adapt. */
    @PostMapping("/marche/bandi/{id}/condizioni/copia-da-modello")
    Object copiaDaModello(@PathVariable long id, RedirectAttributes esito) {
        BandiService.VersioneCondizioni v = bandi.copiaDaModello(id);
        esito.addFlashAttribute("successo", "Condizioni copiate dal modello della Regione (versione " + v.versione()
                + "): adeguarle al bando e salvarle.");
        return vai("/marche/bandi/" + id + "/condizioni");
    }

    /** «Salva»: the six rows of every condition become the grid's next version, if valid. */
    @PostMapping("/marche/bandi/{id}/condizioni")
    Object salva(@PathVariable long id, @RequestParam Map<String, String> campi, RedirectAttributes esito) {
        Bando bando = bandi.bando(id);
        GrigliaCondizioni base = base(id);
        Map<String, String> errori = new LinkedHashMap<>();
        List<GrigliaCondizioni.Condizione> condizioni = new ArrayList<>();
        // for each condition, the page's row of each band sent (empty rows are no band, so the n-th band may be on a later row)
        List<List<Integer>> righe = new ArrayList<>();
        for (int i = 0; i < base.condizioni().size(); i++) {
            GrigliaCondizioni.Condizione c = base.condizioni().get(i);
            List<GrigliaCondizioni.Fascia> fasce = new ArrayList<>();
            List<Integer> righeDiC = new ArrayList<>();
            righe.add(righeDiC);
            for (int j = 0; j < ContenitoreCondizione.FASCE_MASSIME; j++) {
                String prefisso = "c" + i + "-f" + j + "-";
                String testo = campi.getOrDefault(prefisso + "testo", "").strip();
                String punti = campi.getOrDefault(prefisso + "punti", "").strip();
                String oltre = campi.getOrDefault(prefisso + "oltre", "").strip();
                String finoA = campi.getOrDefault(prefisso + "finoA", "").strip();
                if (testo.isEmpty() && punti.isEmpty() && oltre.isEmpty() && finoA.isEmpty()) {
                    continue; // an empty row: no band (seed 004: rows «d.», «e.», «f.» left blank)
                }
                righeDiC.add(j);
                fasce.add(new GrigliaCondizioni.Fascia(testo.isEmpty() ? null : testo,
                        numero(punti, prefisso + "punti", errori), numero(oltre, prefisso + "oltre", errori),
                        numero(finoA, prefisso + "finoA", errori), campi.containsKey(prefisso + "perOgni"), false, null));
            }
            condizioni.add(c.conFasce(fasce));
        }
        GrigliaCondizioni griglia = new GrigliaCondizioni(condizioni);
        Integer versioneBase = campi.getOrDefault("versioneBase", "").matches("\\d{1,9}")
                ? Integer.valueOf(campi.get("versioneBase")) : null;
        if (errori.isEmpty()) {
            try {
                BandiService.VersioneCondizioni v = bandi.salvaCondizioni(id, griglia, versioneBase);
                esito.addFlashAttribute("successo", "Condizioni del bando salvate: versione " + v.versione() + ".");
                return vai("/marche/bandi/" + id + "/condizioni");
            } catch (DatiNonValidiException e) {
                e.errori().forEach(x -> errori.putIfAbsent(campoDellaPagina(x.campo(), righe), x.messaggio()));
            }
        }
        return condizioni(bando, griglia, campi, errori, HttpStatus.BAD_REQUEST);
    }

    /** «Scarica le regole DMN»: the grid version's derived model, to open in Camunda Modeler or bpmn.io (ADR 16). */
    @GetMapping("/marche/bandi/{id}/condizioni/dmn")
    ResponseEntity<String> dmn(@PathVariable long id, @RequestParam(required = false) Integer versione) {
        BandiService.DmnCondizioniBando dmn = bandi.dmn(id, versione);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(dmn.nomeFile()).build().toString())
                .body(dmn.xml());
    }

    /** «Prova il punteggio»: the grid's current version, a form with what the desk would ask. */
    @GetMapping("/marche/bandi/{id}/condizioni/prova")
    ModelAndView prova(@PathVariable long id) {
        return prova(bandi.bando(id), Map.of(), Map.of(), null, HttpStatus.OK);
    }

    /** The score those data would get, with the explanation of each band; nothing is written. */
    @PostMapping("/marche/bandi/{id}/condizioni/prova")
    ModelAndView calcola(@PathVariable long id, @RequestParam Map<String, String> campi) {
        Bando bando = bandi.bando(id);
        Map<String, String> errori = new LinkedHashMap<>();
        Map<String, BigDecimal> valori = new LinkedHashMap<>();
        Map<String, List<String>> spuntate = new LinkedHashMap<>();
        Map<String, Integer> ripetizioni = new LinkedHashMap<>();
        campi.forEach((nome, testo) -> {
            String valore = testo == null ? "" : testo.strip();
            if (valore.isEmpty()) {
                return;
            }
            if (nome.startsWith("valore-")) {
                BigDecimal numero = numero(valore, nome, errori);
                if (numero != null) {
                    valori.put(nome.substring("valore-".length()), numero);
                }
            } else if (nome.startsWith("spuntata-")) {
                spuntate.put(nome.substring("spuntata-".length()), List.of(valore));
            } else if (nome.startsWith("ripetizioni-")) {
                if (valore.matches("\\d{1,4}")) {
                    ripetizioni.put(nome.substring("ripetizioni-".length()), Integer.valueOf(valore));
                } else {
                    errori.put(nome, "un numero intero da 0 a 9999");
                }
            }
        });
        PunteggioGriglia.Punteggio punteggio = null;
        if (errori.isEmpty()) {
            try {
                punteggio = bandi.prova(id, null, DatiDellaProva.dati(valori, spuntate, ripetizioni)).punteggio();
            } catch (DatiNonValidiException e) {
                e.errori().forEach(x -> {
                    Matcher m = ERRORE_PROVA.matcher(x.campo());
                    String campo = !m.matches() ? "prova-dati" : switch (m.group(1)) {
                        case "valori" -> "valore-" + m.group(2);
                        case "spuntate" -> "spuntata-" + m.group(2);
                        default -> "ripetizioni-" + m.group(2);
                    };
                    errori.putIfAbsent(campo, x.messaggio());
                });
            }
        }
        return prova(bando, campi, errori, punteggio, errori.isEmpty() ? HttpStatus.OK : HttpStatus.BAD_REQUEST);
    }

    // -------------------------------------------------------------------------------------------------------------

    private ModelAndView prova(Bando bando, Map<String, String> campi, Map<String, String> errori,
                               PunteggioGriglia.Punteggio punteggio, HttpStatus stato) {
        ModelAndView pagina = new ModelAndView("marche/prova");
        pagina.addObject("bando", bando);
        pagina.addObject("soloLettura", utente.soloLettura());
        GrigliaCondizioni griglia = bandi.condizioni(bando.id(), null).map(BandiService.VersioneCondizioni::griglia).orElse(null);
        pagina.addObject("versione", bando.versioneCondizioni());
        List<CampoValore> valori = new ArrayList<>();
        List<CampoCondizione> condizioni = new ArrayList<>();
        if (griglia != null) {
            Map<ParametroCondizione, List<String>> perParametro = new LinkedHashMap<>();
            for (GrigliaCondizioni.Condizione c : griglia.condizioni()) {
                if (c.fasce().isEmpty()) {
                    continue;
                }
                String codice = c.contenitore().name();
                ParametroCondizione p = c.parametroCondizione();
                if (p != null) {
                    perParametro.computeIfAbsent(p, x -> new ArrayList<>()).add(c.contenitore().etichetta());
                }
                List<RigaFascia> fasce = new ArrayList<>();
                String perOgni = null;
                for (int j = 0; j < c.fasce().size(); j++) {
                    GrigliaCondizioni.Fascia f = c.fasce().get(j);
                    fasce.add(new RigaFascia(j, ContenitoreCondizione.lettera(j), f.testo(), testo(f.punti()), testo(f.oltre()),
                            testo(f.finoA()), f.perOgni(), f.provvisoria(), f.nota()));
                    if (f.perOgni() && perOgni == null) {
                        perOgni = ContenitoreCondizione.lettera(j);
                    }
                }
                if (p == null || perOgni != null) {
                    condizioni.add(new CampoCondizione(codice, c.contenitore().etichetta(), c.testo(), fasce,
                            campi.getOrDefault("spuntata-" + codice, ""), perOgni, campi.getOrDefault("ripetizioni-" + codice, ""),
                            p == null));
                }
            }
            perParametro.forEach((p, con) -> valori.add(new CampoValore("valore-" + p.name(), p.etichetta(),
                    campi.getOrDefault("valore-" + p.name(), ""), con)));
        }
        pagina.addObject("valori", valori);
        pagina.addObject("condizioni", condizioni);
        pagina.addObject("totale", punteggio == null ? null : ItalianFormats.decimale(punteggio.totale(), 2));
        pagina.addObject("voci", punteggio == null ? List.of() : punteggio.voci().stream().map(v -> new VoceRiga(
                v.condizione().etichetta(), v.fascia(), v.testo(), ItalianFormats.decimale(v.punti(), 2), v.contata(),
                v.spiegazione())).toList());
        pagina.addObject("errori", errori);
        pagina.addObject("riepilogo", new LinkedHashMap<>(errori));
        pagina.setStatus(stato);
        return pagina;
    }

    private ModelAndView nuovo(ModuloBando modulo, Map<String, String> errori, HttpStatus stato) {
        if (bandi.entiGestibili().isEmpty()) {
            throw new AccessoNegatoException(BandiService.SOLO_MARCHE);
        }
        return modulo(null, modulo, errori, stato);
    }

    /** «Nuovo bando» ({@code bando} null) or «Modifica» of {@code bando}: the same form. */
    private ModelAndView modulo(Bando bando, ModuloBando modulo, Map<String, String> errori, HttpStatus stato) {
        ModelAndView pagina = new ModelAndView("marche/bando-nuovo");
        pagina.addObject("enti", bando == null ? bandi.entiGestibili() : List.of());
        pagina.addObject("bando", bando);
        pagina.addObject("modulo", modulo);
        pagina.addObject("errori", errori);
        Map<String, String> riepilogo = new LinkedHashMap<>();
        errori.forEach((campo, messaggio) -> riepilogo.put(campo, ETICHETTE.getOrDefault(campo, campo) + ": " + messaggio));
        pagina.addObject("riepilogo", riepilogo);
        pagina.setStatus(stato);
        return pagina;
    }

    /** The grid the page edits: the current version, else the model's conditions with their rows empty (seed 004, Fig. 8). */
    private GrigliaCondizioni base(long id) {
        return bandi.condizioni(id, null).map(BandiService.VersioneCondizioni::griglia).orElseGet(() -> new GrigliaCondizioni(
                bandi.modello().condizioni().stream().map(c -> c.conFasce(List.of())).toList()));
    }

    private ModelAndView condizioni(Bando bando, GrigliaCondizioni griglia, Map<String, String> campi, Map<String, String> errori,
                                    HttpStatus stato) {
        GrigliaCondizioni mostrata = griglia != null ? griglia : base(bando.id());
        List<CondizionePagina> pagine = new ArrayList<>();
        for (int i = 0; i < mostrata.condizioni().size(); i++) {
            GrigliaCondizioni.Condizione c = mostrata.condizioni().get(i);
            List<RigaFascia> righe = new ArrayList<>();
            for (int j = 0; j < ContenitoreCondizione.FASCE_MASSIME; j++) {
                String prefisso = "c" + i + "-f" + j + "-";
                if (campi != null) {
                    righe.add(new RigaFascia(j, ContenitoreCondizione.lettera(j), campi.getOrDefault(prefisso + "testo", ""),
                            campi.getOrDefault(prefisso + "punti", ""), campi.getOrDefault(prefisso + "oltre", ""),
                            campi.getOrDefault(prefisso + "finoA", ""), campi.containsKey(prefisso + "perOgni"), false, null));
                } else if (j < c.fasce().size()) {
                    GrigliaCondizioni.Fascia f = c.fasce().get(j);
                    righe.add(new RigaFascia(j, ContenitoreCondizione.lettera(j), f.testo(), testo(f.punti()), testo(f.oltre()),
                            testo(f.finoA()), f.perOgni(), f.provvisoria(), f.nota()));
                } else {
                    righe.add(new RigaFascia(j, ContenitoreCondizione.lettera(j), "", "", "", "", false, false, null));
                }
            }
            List<String> con = c.gruppoNonCumulabile() == null ? List.of() : mostrata.condizioni().stream()
                    .filter(a -> a != c && c.gruppoNonCumulabile().equals(a.gruppoNonCumulabile()))
                    .map(a -> a.contenitore().etichetta()).toList();
            pagine.add(new CondizionePagina(i, c, c.contenitore().etichetta(),
                    c.parametroCondizione() == null ? null : c.parametroCondizione().etichetta(), con, righe));
        }
        ModelAndView pagina = new ModelAndView("marche/condizioni");
        pagina.addObject("bando", bando);
        pagina.addObject("condizioni", pagine);
        pagina.addObject("versione", bando.versioneCondizioni());
        pagina.addObject("errori", errori);
        Map<String, String> riepilogo = new LinkedHashMap<>();
        errori.forEach((campo, messaggio) -> riepilogo.put(campo, messaggio));
        pagina.addObject("riepilogo", riepilogo);
        pagina.setStatus(stato);
        return pagina;
    }

    /** {@code condizioni[3].fasce[1].punti} → the field {@code c3-f1-punti}; a band's whole-row error → its text field. */
    private static String campoDellaPagina(String campo, List<List<Integer>> righe) {
        Matcher fascia = CAMPO_FASCIA.matcher(campo);
        if (fascia.matches()) {
            int i = Integer.parseInt(fascia.group(1));
            int j = Integer.parseInt(fascia.group(2));
            int riga = i < righe.size() && j < righe.get(i).size() ? righe.get(i).get(j) : j;
            return "c" + i + "-f" + riga + "-" + (fascia.group(3) == null ? "testo" : fascia.group(3));
        }
        Matcher condizione = CAMPO_CONDIZIONE.matcher(campo);
        if (condizione.matches()) {
            return "condizione-" + condizione.group(1);
        }
        return "condizioni-elenco";
    }

    private static String testo(BigDecimal valore) {
        return valore == null ? "" : ItalianFormats.decimale(valore, Math.max(0, valore.stripTrailingZeros().scale()))
                .replace(".", "");
    }

    private static BigDecimal numero(String testo, String campo, Map<String, String> errori) {
        if (testo == null || testo.isBlank()) {
            return null;
        }
        String pulito = testo.strip().replace(" ", "").replace(".", "").replace(',', '.');
        if (!pulito.matches("-?[0-9]{1,9}(\\.[0-9]{1,6})?")) {
            errori.put(campo, "numero non valido: scrivere ad esempio 3,5 (la virgola separa i decimali)");
            return null;
        }
        return new BigDecimal(pulito);
    }

    static LocalDate data(String testo, String campo, Map<String, String> errori) {
        if (testo == null || testo.isBlank()) {
            return null;
        }
        String pulito = testo.strip();
        try {
            if (pulito.matches("\\d{1,2}/\\d{1,2}/\\d{4}")) {
                String[] parti = pulito.split("/");
                LocalDate data = LocalDate.of(Integer.parseInt(parti[2]), Integer.parseInt(parti[1]), Integer.parseInt(parti[0]));
                if (data.getYear() >= 1900 && data.getYear() <= 2199) {
                    return data;
                }
            }
        } catch (java.time.DateTimeException e) {
            // falls through to the message
        }
        errori.put(campo, "data non valida: scrivere gg/mm/aaaa");
        return null;
    }

    static RedirectView vai(String percorso) {
        RedirectView pagina = new RedirectView(percorso, true);
        pagina.setStatusCode(HttpStatus.SEE_OTHER);
        return pagina;
    }
}
