package it.piattaformacasa.regole.web;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import it.piattaformacasa.common.ConflittoException;
import it.piattaformacasa.common.DatiNonValidiException;
import it.piattaformacasa.common.web.Console;
import it.piattaformacasa.common.web.PaginaConsole;
import it.piattaformacasa.regole.CalcoloIsbar;
import it.piattaformacasa.regole.CasiDiTestRegole;
import it.piattaformacasa.regole.PubblicazioneRegoleService;
import it.piattaformacasa.regole.RegistroRegole;
import it.piattaformacasa.regole.RepositoryRegole;
import it.piattaformacasa.regole.RequisitiEconomici;
import it.piattaformacasa.regole.TabelleDmn;

/**
 * The analysts' rule workbench of the console (issue 12): the rule sets and their versions, a version's decision
 * tables as tables, its test cases run with one click, the request for publication (the second analyst approves in
 * Tasklist: four eyes), an editor of the tables' cells that saves a new version through the upload's own validation,
 * the audit trail. Every action calls the services of {@link RegoleController}; the what-if is the graduatoria
 * module's page (it reads avvisi and domande), reached from the version's page through {@link AvvisiPerSimulazione}.
 */
@Controller
@PaginaConsole
class RegolePagine {

    private static final ZoneId ROMA = ZoneId.of("Europe/Rome");
    private static final Pattern DECISIONE = Pattern.compile("decisione «([^»]+)»");
    private static final Pattern REGOLE = Pattern.compile("(?:[Rr]egola |[Rr]ule #?)(\\d+)|[Rr]ules: \\[([0-9, ]+)]");
    private static final Pattern CODICE = Pattern.compile("\\[([A-Z_]+)]");
    /** The sets whose change moves scores: the what-if simulates only these. */
    static final Set<String> SIMULABILI = Set.of(CalcoloIsbar.MODELLO, RequisitiEconomici.MODELLO);

    private final RepositoryRegole repository;
    private final CasiDiTestRegole casi;
    private final PubblicazioneRegoleService pubblicazione;
    private final RegistroRegole registro;
    private final ObjectProvider<AvvisiPerSimulazione> avvisi;
    private final Clock clock;

    RegolePagine(RepositoryRegole repository, CasiDiTestRegole casi, PubblicazioneRegoleService pubblicazione,
                 RegistroRegole registro, ObjectProvider<AvvisiPerSimulazione> avvisi, Clock clock) {
        this.repository = repository;
        this.casi = casi;
        this.pubblicazione = pubblicazione;
        this.registro = registro;
        this.avvisi = avvisi;
        this.clock = clock;
    }

    /** A version as the list shows it. */
    record VersioneVista(RepositoryRegole.Versione versione, String stato, boolean inVigore, boolean inAttesa) {
    }

    /** A rule set with its versions, newest first. */
    record Insieme(String nome, List<VersioneVista> versioni) {
    }

    @GetMapping("/regole")
    @PreAuthorize("hasAnyRole('ANALISTA', 'SUPERVISORE', 'AMMINISTRATORE')")
    String elenco(Model model) {
        Map<String, Integer> inVigore = repository.inVigoreIl(oggi()).versioni();
        Map<String, List<VersioneVista>> perNome = new TreeMap<>();
        Map<String, Integer> inAttesa = new LinkedHashMap<>();
        for (RepositoryRegole.Versione v : repository.versioni()) {
            Integer attesa = inAttesa.computeIfAbsent(v.nome(), pubblicazione::versioneInAttesa);
            perNome.computeIfAbsent(v.nome(), n -> new ArrayList<>()).add(0, new VersioneVista(v, stato(v.stato()),
                    Integer.valueOf(v.versione()).equals(inVigore.get(v.nome())), Integer.valueOf(v.versione()).equals(attesa)));
        }
        model.addAttribute("insiemi", perNome.entrySet().stream().map(e -> new Insieme(e.getKey(), e.getValue())).toList());
        return "regole/elenco";
    }

    /** A test case as the version's page lists it, with its outcome once run. */
    record Atteso(String decisione, String atteso, String ottenuto, boolean superato) {
    }

    record CasoVisto(int numero, String descrizione, String input, List<Atteso> attesi, Boolean superato, String errore) {
    }

    @GetMapping("/regole/{nome}/versioni/{versione}")
    @PreAuthorize("hasAnyRole('ANALISTA', 'SUPERVISORE', 'AMMINISTRATORE')")
    String versione(@PathVariable String nome, @PathVariable int versione, Model model) {
        preparaVersione(nome, versione, model, null);
        return "regole/versione";
    }

    @PostMapping("/regole/{nome}/versioni/{versione}/casi")
    @PreAuthorize("hasAnyRole('ANALISTA', 'SUPERVISORE', 'AMMINISTRATORE')")
    String eseguiCasi(@PathVariable String nome, @PathVariable int versione, Model model) {
        preparaVersione(nome, versione, model, casi.esegui(nome, versione));
        model.addAttribute("casiEseguiti", true);
        return "regole/versione";
    }

    @PostMapping("/regole/{nome}/versioni/{versione}/pubblicazione")
    @PreAuthorize("hasRole('ANALISTA')")
    ModelAndView richiediPubblicazione(@PathVariable String nome, @PathVariable int versione,
                                       @RequestParam(required = false) String motivo,
                                       @RequestParam(required = false) String validoDal, RedirectAttributes redirect) {
        Map<String, String> errori = new LinkedHashMap<>();
        LocalDate dal = null;
        if (validoDal != null && !validoDal.isBlank()) {
            try {
                dal = giorno(validoDal);
            } catch (DateTimeParseException e) {
                errori.put("validoDal", "Data non valida: indicare il giorno come gg/mm/aaaa, ad esempio 01/08/2017.");
            }
        }
        String messaggio = null;
        HttpStatus stato = HttpStatus.BAD_REQUEST;
        if (errori.isEmpty()) {
            try {
                pubblicazione.richiedi(nome, versione, dal, motivo);
                redirect.addFlashAttribute("successo", "Pubblicazione della versione " + versione + " richiesta: ora un altro "
                        + "analista la approva nelle attività (quattro occhi).");
                ModelAndView dopo = new ModelAndView("redirect:/regole/" + nome + "/versioni/" + versione);
                dopo.setStatus(HttpStatus.SEE_OTHER);
                return dopo;
            } catch (DatiNonValidiException e) {
                e.errori().forEach(errore -> errori.put(errore.campo(), maiuscola(errore.messaggio()) + "."));
            } catch (ConflittoException e) {
                messaggio = e.getMessage();
                stato = HttpStatus.CONFLICT;
            }
        }
        ModelAndView pagina = new ModelAndView("regole/versione");
        preparaVersione(nome, versione, pagina.getModelMap(), null);
        pagina.addObject("erroriPubblicazione", errori);
        pagina.addObject("rifiutoPubblicazione", messaggio);
        pagina.addObject("motivo", motivo);
        pagina.addObject("validoDal", validoDal);
        pagina.setStatus(stato);
        return pagina;
    }

    private void preparaVersione(String nome, int numero, Map<String, Object> model, List<CasiDiTestRegole.Esito> esiti) {
        RepositoryRegole.Versione v = repository.versione(nome, numero);
        Integer inVigore = repository.inVigoreIl(oggi()).versioni().get(nome);
        Integer inAttesa = pubblicazione.versioneInAttesa(nome);
        model.put("v", new VersioneVista(v, stato(v.stato()), Integer.valueOf(numero).equals(inVigore),
                Integer.valueOf(numero).equals(inAttesa)));
        model.put("richiestaAperta", inAttesa != null);
        model.put("tabelle", tabelle(nome, numero));
        List<CasiDiTestRegole.Caso> elenco = casi.elenco(nome, numero);
        List<CasoVisto> visti = new ArrayList<>();
        for (int i = 0; i < elenco.size(); i++) {
            CasiDiTestRegole.Caso caso = elenco.get(i);
            CasiDiTestRegole.Esito esito = esiti != null && i < esiti.size() ? esiti.get(i) : null;
            List<Atteso> attesi = new ArrayList<>();
            for (Map.Entry<String, Object> atteso : caso.atteso().entrySet()) {
                Object ottenuto = esito == null ? null : esito.ottenuto().get(atteso.getKey());
                boolean uguale = esito != null && esito.errore() == null && valore(atteso.getValue()).equals(valore(ottenuto));
                attesi.add(new Atteso(atteso.getKey(), valore(atteso.getValue()),
                        esito == null ? null : esito.errore() != null ? "–" : valore(ottenuto), uguale));
            }
            visti.add(new CasoVisto(i + 1, caso.descrizione(), ingresso(caso.input()), attesi,
                    esito == null ? null : esito.superato(), esito == null ? null : esito.errore()));
        }
        model.put("casi", visti);
        if (esiti != null) {
            long falliti = esiti.stream().filter(e -> !e.superato()).count();
            model.put("riepilogoCasi", esiti.isEmpty() ? "La versione non ha casi di prova."
                    : falliti == 0 ? "Tutti i " + esiti.size() + " casi di prova sono superati."
                    : "Casi di prova non superati: " + falliti + " su " + esiti.size() + ".");
            model.put("casiTuttiSuperati", !esiti.isEmpty() && falliti == 0);
        }
        model.put("simulabile", SIMULABILI.contains(nome));
        AvvisiPerSimulazione fonte = avvisi.getIfAvailable();
        model.put("avvisi", SIMULABILI.contains(nome) && fonte != null ? fonte.avvisiConGraduatorie() : List.of());
        model.put("oggi", oggi().toString());
    }

    private void preparaVersione(String nome, int numero, Model model, List<CasiDiTestRegole.Esito> esiti) {
        Map<String, Object> attributi = new LinkedHashMap<>();
        preparaVersione(nome, numero, attributi, esiti);
        model.addAllAttributes(attributi);
    }

    private List<TabelleDmn.Tabella> tabelle(String nome, int numero) {
        try {
            return TabelleDmn.leggi(repository.sorgente(nome, numero));
        } catch (IllegalArgumentException e) {
            return List.of();
        }
    }

    // ---- the editor

    @GetMapping("/regole/{nome}/versioni/{versione}/modifica")
    @PreAuthorize("hasRole('ANALISTA')")
    String modifica(@PathVariable String nome, @PathVariable int versione, Model model) {
        RepositoryRegole.Versione v = repository.versione(nome, versione);
        List<TabelleDmn.Tabella> tabelle = tabelle(nome, versione);
        model.addAttribute("v", v);
        model.addAttribute("tabelle", tabelle);
        model.addAttribute("valori", valori(tabelle));
        model.addAttribute("validoDal", it.piattaformacasa.common.ItalianFormats.data(oggi()));
        model.addAttribute("erroriRegole", Map.of());
        model.addAttribute("celleErrate", Set.of());
        model.addAttribute("erroriTabelle", Map.of());
        model.addAttribute("erroriGenerali", List.of());
        model.addAttribute("erroriCampi", Map.of());
        model.addAttribute("riepilogo", List.of());
        return "regole/modifica";
    }

    @PostMapping("/regole/{nome}/versioni/{versione}/modifica")
    @PreAuthorize("hasRole('ANALISTA')")
    ModelAndView salva(@PathVariable String nome, @PathVariable int versione, @RequestParam Map<String, String> campi,
                       RedirectAttributes redirect) {
        RepositoryRegole.Versione v = repository.versione(nome, versione);
        String sorgente = repository.sorgente(nome, versione);
        List<TabelleDmn.Tabella> tabelle = tabelle(nome, versione);
        Map<String, String> originali = valori(tabelle);
        Map<String, String> valori = new LinkedHashMap<>(originali);
        Map<String, String> cambiate = new LinkedHashMap<>();
        for (Map.Entry<String, String> cella : originali.entrySet()) {
            String inviato = campi.get("c-" + cella.getKey());
            if (inviato != null) {
                valori.put(cella.getKey(), inviato);
                if (!inviato.strip().equals(cella.getValue().strip())) {
                    cambiate.put(cella.getKey(), inviato);
                }
            }
        }
        String motivo = campi.get("motivo");
        String validoDal = campi.get("validoDal");
        Map<String, String> erroriCampi = new LinkedHashMap<>();
        List<String> erroriGenerali = new ArrayList<>();
        Map<String, List<String>> erroriRegole = new LinkedHashMap<>();
        Map<Integer, List<String>> erroriTabelle = new LinkedHashMap<>();
        Set<String> celleErrate = new LinkedHashSet<>();
        HttpStatus stato = HttpStatus.BAD_REQUEST;
        LocalDate dal = null;
        try {
            dal = giorno(validoDal);
        } catch (DateTimeParseException e) {
            erroriCampi.put("validoDal", "Data non valida: indicare il giorno come gg/mm/aaaa, ad esempio 01/08/2017.");
        }
        if (cambiate.isEmpty()) {
            erroriGenerali.add("Nessuna cella è stata modificata: una nuova versione deve cambiare almeno una cella.");
        }
        if (erroriCampi.isEmpty() && erroriGenerali.isEmpty()) {
            try {
                byte[] dmn = TabelleDmn.conCelle(sorgente, cambiate).getBytes(StandardCharsets.UTF_8);
                RepositoryRegole.Versione nuova = repository.carica(nome, dmn, motivo, dal, versione);
                redirect.addFlashAttribute("successo", "Nuova versione " + nuova.versione() + " salvata (dalla versione "
                        + versione + "). Esegui i casi di prova prima di chiederne la pubblicazione.");
                ModelAndView dopo = new ModelAndView("redirect:/regole/" + nome + "/versioni/" + nuova.versione());
                dopo.setStatus(HttpStatus.SEE_OTHER);
                return dopo;
            } catch (DatiNonValidiException e) {
                for (DatiNonValidiException.Errore errore : e.errori()) {
                    if ("motivo".equals(errore.campo()) || "validoDal".equals(errore.campo())) {
                        erroriCampi.put(errore.campo(), maiuscola(errore.messaggio()) + ".");
                    } else {
                        collocaErrore(errore.messaggio(), tabelle, cambiate.keySet(), erroriRegole, erroriTabelle, celleErrate,
                                erroriGenerali);
                    }
                }
            } catch (ConflittoException e) {
                erroriGenerali.add(e.getMessage());
                stato = HttpStatus.CONFLICT;
            } catch (IllegalArgumentException e) {
                erroriGenerali.add("Il DMN non può essere letto: " + e.getMessage());
            }
        }
        List<Segnalazione> riepilogo = new ArrayList<>();
        erroriGenerali.forEach(e -> riepilogo.add(new Segnalazione("tabelle", e)));
        erroriCampi.forEach((campo, e) -> riepilogo.add(new Segnalazione(campo, e)));
        erroriTabelle.forEach((t, elenco) -> elenco.forEach(e -> riepilogo.add(new Segnalazione("tabella-" + t,
                "Decisione «" + tabelle.get(t).decisione() + "»: " + e))));
        erroriRegole.forEach((riga, elenco) -> {
            String[] parti = riga.split("-");
            TabelleDmn.Tabella t = tabelle.get(Integer.parseInt(parti[0]));
            elenco.forEach(e -> riepilogo.add(new Segnalazione("regola-" + riga, "Decisione «" + t.decisione() + "», regola "
                    + (Integer.parseInt(parti[1]) + 1) + ": " + e)));
        });
        ModelAndView pagina = new ModelAndView("regole/modifica");
        pagina.addObject("riepilogo", riepilogo);
        pagina.addObject("v", v);
        pagina.addObject("tabelle", tabelle);
        pagina.addObject("valori", valori);
        pagina.addObject("motivo", motivo);
        pagina.addObject("validoDal", validoDal);
        pagina.addObject("erroriRegole", erroriRegole);
        pagina.addObject("erroriTabelle", erroriTabelle);
        pagina.addObject("celleErrate", celleErrate);
        pagina.addObject("erroriGenerali", erroriGenerali);
        pagina.addObject("erroriCampi", erroriCampi);
        pagina.setStatus(stato);
        return pagina;
    }

    /** One line of the editor's summary of errors, with the anchor of where it sits. */
    record Segnalazione(String ancora, String testo) {
    }

    /**
     * Puts a validator's message where the analyst looks for it: on the rule it names (the cells of that rule that were
     * edited marked invalid, or the whole rule when none was), else on the table of the decision it names, else at the
     * top of the page.
     */
    static void collocaErrore(String messaggio, List<TabelleDmn.Tabella> tabelle, Set<String> cambiate,
                              Map<String, List<String>> erroriRegole, Map<Integer, List<String>> erroriTabelle,
                              Set<String> celleErrate, List<String> erroriGenerali) {
        String testo = leggibile(messaggio);
        Matcher decisione = DECISIONE.matcher(messaggio);
        List<TabelleDmn.Tabella> della = decisione.find()
                ? tabelle.stream().filter(t -> t.decisione().equals(decisione.group(1))).toList() : List.of();
        if (della.isEmpty()) {
            erroriGenerali.add(testo);
            return;
        }
        Set<Integer> numeri = new LinkedHashSet<>();
        Matcher regole = REGOLE.matcher(messaggio);
        while (regole.find()) {
            String elenco = regole.group(1) != null ? regole.group(1) : regole.group(2);
            for (String n : elenco.split(",")) {
                numeri.add(Integer.parseInt(n.strip()));
            }
        }
        boolean collocato = false;
        for (TabelleDmn.Tabella tabella : della) {
            for (int numero : numeri) {
                if (numero < 1 || numero > tabella.regole().size()) {
                    continue;
                }
                String riga = tabella.indice() + "-" + (numero - 1);
                erroriRegole.computeIfAbsent(riga, k -> new ArrayList<>()).add(testo);
                boolean modificate = false;
                for (String cella : cambiate) {
                    if (cella.startsWith(riga + "-")) {
                        celleErrate.add(cella);
                        modificate = true;
                    }
                }
                if (!modificate) {
                    int colonne = tabella.ingressi().size() + tabella.uscite().size();
                    for (int c = 0; c < colonne; c++) {
                        celleErrate.add(riga + "-" + c);
                    }
                }
                collocato = true;
            }
        }
        if (!collocato) {
            erroriTabelle.computeIfAbsent(della.get(0).indice(), k -> new ArrayList<>()).add(testo);
        }
    }

    private static final Pattern FUORI_DAI_VALORI = Pattern.compile("Rule (\\d+) defines output '(.*)' which is outside the "
            + "column's .*allowed values \\[(.*)]");

    /**
     * The validator's message in Italian where its kind is known (KIE writes English: the page says what it means and
     * the row it sits on says where); otherwise its own words after an Italian heading. The file name is left out.
     */
    static String leggibile(String messaggio) {
        Matcher codice = CODICE.matcher(messaggio);
        String tipo = codice.find() ? codice.group(1) : "";
        int due = messaggio.indexOf(": ");
        String dettaglio = due >= 0 ? messaggio.substring(due + 2) : messaggio;
        Matcher fuori = FUORI_DAI_VALORI.matcher(messaggio);
        return switch (tipo) {
            case "ERR_COMPILING_FEEL", "ERR_PARSING_FEEL", "INVALID_SYNTAX", "FEEL_EVALUATION_ERROR" ->
                    "Espressione FEEL non valida: controllare la scrittura della cella (ad esempio <= 16000, [5..10], \"SI\", -).";
            case "DECISION_TABLE_OVERLAP_HITPOLICY_UNIQUE", "DECISION_TABLE_OVERLAP" ->
                    "Regole sovrapposte: con la politica «Unica» a ogni caso può applicarsi una regola sola, ma qui alcuni casi "
                            + "ricadono in più regole.";
            case "DECISION_TABLE_GAP" -> "Lacuna: alcuni casi non ricadono in alcuna regola.";
            case "DECISION_TABLE_HITPOLICY_RECOMMENDER" -> "Le regole che si sovrappongono danno uscite diverse: vanno separate "
                    + "(oppure la tabella richiede un'altra politica di applicazione).";
            case "TIPO_USCITA_ERRATO" -> "Uscita del tipo sbagliato: " + dettaglio.replaceFirst("^\\[TIPO_USCITA_ERRATO] ", "");
            default -> fuori.find()
                    ? "La regola " + fuori.group(1) + " dà l'uscita «" + fuori.group(2) + "», fuori dai valori ammessi della colonna ("
                            + fuori.group(3) + ")."
                    : "Regola non valida. Messaggio del validatore: " + dettaglio;
        };
    }

    /** The current text of every cell, by the editor's field name. */
    private static Map<String, String> valori(List<TabelleDmn.Tabella> tabelle) {
        Map<String, String> valori = new LinkedHashMap<>();
        for (TabelleDmn.Tabella t : tabelle) {
            for (TabelleDmn.Regola r : t.regole()) {
                List<String> celle = new ArrayList<>(r.ingressi());
                celle.addAll(r.uscite());
                for (int c = 0; c < celle.size(); c++) {
                    valori.put(t.cella(r.numero() - 1, c), celle.get(c));
                }
            }
        }
        return valori;
    }

    // ---- the audit trail

    record VoceVista(RegistroRegole.Voce voce, String azione) {
    }

    @GetMapping("/regole/registro")
    @PreAuthorize("hasAnyRole('ANALISTA', 'SUPERVISORE', 'AMMINISTRATORE')")
    String registro(@RequestParam(required = false) String nome, @RequestParam(defaultValue = "1") int pagina, Model model) {
        String filtro = nome == null || nome.isBlank() ? null : nome.strip();
        long totale = registro.conta(filtro);
        int pagine = (int) Math.max(1, (totale + Console.RIGHE_PER_PAGINA - 1) / Console.RIGHE_PER_PAGINA);
        int corrente = Math.max(1, Math.min(pagina, pagine));
        model.addAttribute("voci", registro.pagina(filtro, (corrente - 1) * Console.RIGHE_PER_PAGINA, Console.RIGHE_PER_PAGINA)
                .stream().map(v -> new VoceVista(v, azione(v.azione()))).toList());
        model.addAttribute("nomi", repository.nomi());
        model.addAttribute("nome", filtro);
        model.addAttribute("pagina", corrente);
        model.addAttribute("pagine", pagine);
        model.addAttribute("totale", totale);
        return "regole/registro";
    }

    // ---- words

    static String stato(RepositoryRegole.Stato stato) {
        return switch (stato) {
            case DRAFT -> "Bozza";
            case VALIDATED -> "Validata, non pubblicata";
            case PUBLISHED -> "Pubblicata";
            case RETIRED -> "Ritirata";
        };
    }

    static String azione(RegistroRegole.Azione azione) {
        return switch (azione) {
            case IMPORTAZIONE_BASELINE -> "Importazione del file del rilascio";
            case CARICAMENTO -> "Nuova versione";
            case CASI_DI_TEST -> "Casi di prova aggiunti";
            case RICHIESTA_PUBBLICAZIONE -> "Pubblicazione richiesta";
            case PUBBLICAZIONE -> "Pubblicazione approvata";
            case RIPUBBLICAZIONE -> "Ripubblicazione approvata";
            case PUBBLICAZIONE_RESPINTA -> "Pubblicazione respinta";
            case PUBBLICAZIONE_BLOCCATA -> "Pubblicazione bloccata dai casi di prova";
            case VINCOLO_AVVISO -> "Regole vincolate a un avviso";
            case VINCOLO_AGGIORNATO -> "Vincolo dell'avviso aggiornato";
            case RIVALUTAZIONE_AVVISO -> "Rivalutazione delle domande di un avviso";
        };
    }

    /** A value of a test case as a person reads it: sì/no, «28,5», «nessun valore». */
    static String valore(Object valore) {
        if (valore == null) {
            return "nessun valore";
        }
        if (valore instanceof Boolean b) {
            return b ? "sì" : "no";
        }
        if (valore instanceof Number n) {
            return new BigDecimal(n.toString()).stripTrailingZeros().toPlainString().replace('.', ',');
        }
        if (valore instanceof Map<?, ?> m) {
            List<String> parti = new ArrayList<>();
            m.forEach((k, x) -> parti.add(k + ": " + valore(x)));
            return String.join("; ", parti);
        }
        if (valore instanceof List<?> l) {
            return String.join(", ", l.stream().map(RegolePagine::valore).toList());
        }
        return valore.toString();
    }

    private static String ingresso(Map<String, Object> input) {
        if (input == null || input.isEmpty()) {
            return "–";
        }
        List<String> parti = new ArrayList<>();
        input.forEach((k, x) -> parti.add(k + " = " + valore(x)));
        return String.join("; ", parti);
    }

    private static final java.time.format.DateTimeFormatter GIORNO = java.time.format.DateTimeFormatter.ofPattern("d/M/uuuu")
            .withResolverStyle(java.time.format.ResolverStyle.STRICT);

    /** A day as a person types it, gg/mm/aaaa (or aaaa-mm-gg); null when empty. */
    static LocalDate giorno(String testo) {
        if (testo == null || testo.isBlank()) {
            return null;
        }
        String pulito = testo.strip();
        return pulito.contains("/") ? LocalDate.parse(pulito, GIORNO) : LocalDate.parse(pulito);
    }

    private static String maiuscola(String testo) {
        return testo == null || testo.isEmpty() ? "" : Character.toUpperCase(testo.charAt(0)) + testo.substring(1);
    }

    private LocalDate oggi() {
        return LocalDate.now(clock.withZone(ROMA));
    }
}
