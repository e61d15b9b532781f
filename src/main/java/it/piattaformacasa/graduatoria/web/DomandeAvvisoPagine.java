package it.piattaformacasa.graduatoria.web;

import java.util.List;
import java.util.Locale;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import it.piattaformacasa.avviso.Avviso;
import it.piattaformacasa.avviso.AvvisoService;
import it.piattaformacasa.common.sicurezza.UtenteCorrente;
import it.piattaformacasa.common.web.Console;
import it.piattaformacasa.common.web.PaginaConsole;
import it.piattaformacasa.common.web.PaginazioneConsole;
import it.piattaformacasa.domanda.DomandePerGraduatorie;
import it.piattaformacasa.graduatoria.DomandeInLavorazione;
import it.piattaformacasa.graduatoria.EsportazioneGraduatoria;
import it.piattaformacasa.graduatoria.GraduatoriaService;

/**
 * Issue 12, the areas «TUTTE LE DOMANDE» and «IN LAVORAZIONE» of an avviso (seed 000), and the download of a
 * graduatoria from the console. The same services as {@code GET /api/avvisi/{id}/domande} and
 * {@code .../domande/in-lavorazione}: an operator sees the domande that chose an alloggio of its enti, and nothing
 * for an avviso where it has none (the API's empty list, not a refusal).
 */
@Controller
@PaginaConsole
class DomandeAvvisoPagine {

    private final AvvisoService avvisi;
    private final DomandePerGraduatorie elenchi;
    private final DomandeInLavorazione inLavorazione;
    private final UtenteCorrente utente;
    private final GraduatoriaService graduatorie;
    private final EsportazioneGraduatoria esportazione;

    DomandeAvvisoPagine(AvvisoService avvisi, DomandePerGraduatorie elenchi, DomandeInLavorazione inLavorazione,
                        UtenteCorrente utente, GraduatoriaService graduatorie, EsportazioneGraduatoria esportazione) {
        this.avvisi = avvisi;
        this.elenchi = elenchi;
        this.inLavorazione = inLavorazione;
        this.utente = utente;
        this.graduatorie = graduatorie;
        this.esportazione = esportazione;
    }

    @GetMapping("/avvisi/{avvisoId}/domande")
    String domande(@PathVariable long avvisoId, @RequestParam(required = false) String cerca,
                   @RequestParam(required = false) String ordina, @RequestParam(defaultValue = "1") String pagina,
                   @RequestParam(required = false) String vista, Model model) {
        Avviso avviso = avvisi.avvisoSenzaAmbito(avvisoId);
        model.addAttribute("avvisoId", avvisoId);
        model.addAttribute("avvisoTitolo", avviso.getTitolo());
        String cercato = cerca == null ? "" : cerca.strip();
        if (cercato.length() > 100) {
            cercato = cercato.substring(0, 100);
        }
        model.addAttribute("cerca", cercato);
        if ("in-lavorazione".equals(vista)) {
            model.addAttribute("vista", "in-lavorazione");
            Long id = cercato.matches("[0-9]{1,18}") ? Long.valueOf(cercato) : null;
            List<DomandeInLavorazione.DomandaInLavorazione> aperte = inLavorazione.elenco(avvisoId, id);
            if (!cercato.isEmpty() && id == null) {
                String cf = cercato.toUpperCase(Locale.ROOT);
                aperte = aperte.stream().filter(d -> d.richiedente().equals(cf)).toList();
            }
            model.addAttribute("inLavorazione", aperte);
            return "domanda/elenco";
        }
        model.addAttribute("vista", "tutte");
        DomandePerGraduatorie.Ordine ordine = ordine(ordina);
        model.addAttribute("ordina", ordine.name().toLowerCase(Locale.ROOT));
        int richiesta = numero(pagina);
        int dimensione = Console.RIGHE_PER_PAGINA;
        DomandePerGraduatorie.PaginaDomande trovate = elenchi.cerca(avvisoId, utente.entiAbilitati(),
                utente.vedeTuttiGliEnti(), cercato, ordine, richiesta - 1, dimensione);
        String base = "/avvisi/" + avvisoId + "/domande";
        String finalCercato = cercato;
        model.addAttribute("domande", trovate.righe());
        model.addAttribute("paginazione", PaginazioneConsole.di(richiesta, dimensione, trovate.totale(),
                n -> UriComponentsBuilder.fromPath(base).queryParamIfPresent("cerca",
                                finalCercato.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(finalCercato))
                        .queryParam("ordina", ordine.name().toLowerCase(Locale.ROOT)).queryParam("pagina", n)
                        .encode().toUriString()));
        return "domanda/elenco";
    }

    /** «Scarica (.xlsx)» and «Scarica (.csv)» of the graduatoria's page: the API's download in the console's session. */
    @GetMapping("/graduatorie/{id}/esportazione")
    ResponseEntity<byte[]> esportazione(@PathVariable long id, @RequestParam(defaultValue = "xlsx") String formato) {
        return GraduatorieController.esportazione(graduatorie, esportazione, id, formato);
    }

    private static DomandePerGraduatorie.Ordine ordine(String ordina) {
        if (ordina != null) {
            for (DomandePerGraduatorie.Ordine o : DomandePerGraduatorie.Ordine.values()) {
                if (o.name().equalsIgnoreCase(ordina)) {
                    return o;
                }
            }
        }
        return DomandePerGraduatorie.Ordine.ISBAR;
    }

    /** A page number from the address: anything else is the first page. */
    static int numero(String pagina) {
        try {
            return Math.max(1, Math.min(Integer.parseInt(pagina.strip()), 1_000_000));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
