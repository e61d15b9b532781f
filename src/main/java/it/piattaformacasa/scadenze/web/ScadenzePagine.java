package it.piattaformacasa.scadenze.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import it.piattaformacasa.common.ItalianFormats;
import it.piattaformacasa.common.web.Console;
import it.piattaformacasa.common.web.PaginaConsole;
import it.piattaformacasa.scadenze.ScadenzaDiLegge;
import it.piattaformacasa.scadenze.ScadenzeDiLeggeService;
import it.piattaformacasa.scadenze.ScadenzeDiLeggeService.Elenco;
import it.piattaformacasa.scadenze.ScadenzeDiLeggeService.Filtro;
import it.piattaformacasa.scadenze.StatoScadenza;
import it.piattaformacasa.scadenze.TipoScadenza;

/**
 * «Scadenze» (issue 12): every open legal deadline the person may see, overdue first, with the semaforo in words, who
 * holds it and the way to its task; beside it the deadlines of the weeks ahead and each ente's share met in time.
 * The visibility is the service's: every ente for supervisors and administrators, its enti for an operator.
 */
@Controller
@PaginaConsole
class ScadenzePagine {

    /** Tasklist opens a task from its id in the address. */
    static final String TASKLIST = "/camunda/app/tasklist/default/#/?task=";
    static final int SETTIMANE = 8;

    /** One row as the page shows it. */
    record Riga(ScadenzaDiLegge scadenza, StatoScadenza stato, String semaforo, String quando, String collegamento,
                String collegamentoTesto) {
    }

    private final ScadenzeDiLeggeService scadenze;

    ScadenzePagine(ScadenzeDiLeggeService scadenze) {
        this.scadenze = scadenze;
    }

    @GetMapping("/scadenze")
    String scadenze(@RequestParam(required = false) StatoScadenza stato, @RequestParam(required = false) Long ente,
                    @RequestParam(required = false) TipoScadenza tipo, @RequestParam(defaultValue = "1") int pagina,
                    Model model) {
        Filtro filtro = new Filtro(stato, ente, tipo);
        Elenco elenco = scadenze.elenco(filtro, Math.max(0, pagina - 1), Console.RIGHE_PER_PAGINA);
        if (pagina > elenco.pagine()) {
            elenco = scadenze.elenco(filtro, elenco.pagine() - 1, Console.RIGHE_PER_PAGINA);
        }
        Instant adesso = elenco.adesso();
        List<Riga> righe = elenco.righe().stream().map(s -> riga(s, adesso)).toList();
        model.addAttribute("conteggi", scadenze.conteggi());
        model.addAttribute("elenco", elenco);
        model.addAttribute("righe", righe);
        model.addAttribute("filtro", filtro);
        model.addAttribute("stati", StatoScadenza.values());
        model.addAttribute("tipi", TipoScadenza.values());
        model.addAttribute("enti", scadenze.entiVisibili());
        model.addAttribute("pagine", pagine(filtro, elenco));
        // the downloads (report/web/ScadenzeScaricamenti): every row with these filters, not only the page
        model.addAttribute("scaricaXlsx", conFiltri("/scadenze/esportazione", filtro).queryParam("formato", "xlsx").build().toUriString());
        model.addAttribute("scaricaCsv", conFiltri("/scadenze/esportazione", filtro).queryParam("formato", "csv").build().toUriString());
        model.addAttribute("settimane", GraficiScadenze.settimane(scadenze.perSettimana(SETTIMANE)));
        model.addAttribute("puntualita", GraficiScadenze.puntualita(scadenze.puntualitaNellAnno()));
        model.addAttribute("anno", String.valueOf(adesso.atZone(ItalianFormats.ZONE).getYear()));
        return "scadenze/scadenze";
    }

    static Riga riga(ScadenzaDiLegge s, Instant adesso) {
        StatoScadenza stato = s.stato(adesso);
        String collegamento;
        String testo;
        if (s.taskId() != null) {
            collegamento = TASKLIST + s.taskId();
            testo = "Apri l'attività";
        } else if (s.tipo() == TipoScadenza.SELEZIONE_ALLOGGI) {
            collegamento = "/avvisi/" + s.businessKey();
            testo = "Apri l'avviso";
        } else {
            collegamento = "/graduatorie/" + s.businessKey();
            testo = "Apri la graduatoria";
        }
        return new Riga(s, stato, ScadenzeInParole.semaforo(s.scadenza(), adesso), ScadenzeInParole.quando(s.scadenza()),
                collegamento, testo);
    }

    /** The pages to offer: the first, the last, and two around the current one; null marks a gap. */
    private static Map<String, Object> pagine(Filtro filtro, Elenco elenco) {
        int corrente = elenco.pagina() + 1;
        int ultima = elenco.pagine();
        List<Integer> numeri = new ArrayList<>();
        for (int p = 1; p <= ultima; p++) {
            if (p == 1 || p == ultima || Math.abs(p - corrente) <= 2) {
                if (!numeri.isEmpty() && numeri.get(numeri.size() - 1) != null && numeri.get(numeri.size() - 1) < p - 1) {
                    numeri.add(null);
                }
                numeri.add(p);
            }
        }
        Map<Integer, String> indirizzi = new LinkedHashMap<>();
        for (int p = 1; p <= ultima; p++) {
            if (p == 1 || p == ultima || Math.abs(p - corrente) <= 2) {
                indirizzi.put(p, indirizzo(filtro, p));
            }
        }
        Map<String, Object> pagine = new LinkedHashMap<>();
        pagine.put("corrente", corrente);
        pagine.put("ultima", ultima);
        pagine.put("numeri", numeri);
        pagine.put("indirizzi", indirizzi);
        pagine.put("precedente", corrente > 1 ? indirizzo(filtro, corrente - 1) : null);
        pagine.put("successiva", corrente < ultima ? indirizzo(filtro, corrente + 1) : null);
        return pagine;
    }

    private static String indirizzo(Filtro filtro, int pagina) {
        return conFiltri("/scadenze", filtro).queryParam("pagina", pagina).build().toUriString();
    }

    /** The address of {@code percorso} with the filters of the list. */
    private static UriComponentsBuilder conFiltri(String percorso, Filtro filtro) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(percorso);
        if (filtro.stato() != null) {
            uri.queryParam("stato", filtro.stato().name());
        }
        if (filtro.enteId() != null) {
            uri.queryParam("ente", filtro.enteId());
        }
        if (filtro.tipo() != null) {
            uri.queryParam("tipo", filtro.tipo().name());
        }
        return uri;
    }
}
