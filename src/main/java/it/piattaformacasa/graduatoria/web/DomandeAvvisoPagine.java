package it.piattaformacasa.graduatoria.web;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

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
 * for an avviso where it has none (the API's empty list, not a refusal). Their downloads are
 * {@code report/web/DomandeScaricamenti} (report depends on graduatoria, not back), with the same {@link FiltriDomande}.
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
        FiltriDomande filtri = FiltriDomande.di(cerca, ordina, vista);
        model.addAttribute("avvisoId", avvisoId);
        model.addAttribute("avvisoTitolo", avviso.getTitolo());
        model.addAttribute("cerca", filtri.cerca());
        model.addAttribute("vista", filtri.vista());
        String base = "/avvisi/" + avvisoId + "/domande";
        // the downloads (report/web/DomandeScaricamenti): the whole list with these filters, not only the page
        model.addAttribute("scaricaXlsx", filtri.indirizzo(base + "/esportazione").queryParam("formato", "xlsx").encode().toUriString());
        model.addAttribute("scaricaCsv", filtri.indirizzo(base + "/esportazione").queryParam("formato", "csv").encode().toUriString());
        if (filtri.inLavorazione()) {
            model.addAttribute("inLavorazione", filtri.filtra(inLavorazione.elenco(avvisoId, filtri.domandaId())));
            return "domanda/elenco";
        }
        model.addAttribute("ordina", filtri.ordina());
        int richiesta = numero(pagina);
        int dimensione = Console.RIGHE_PER_PAGINA;
        DomandePerGraduatorie.PaginaDomande trovate = elenchi.cerca(avvisoId, utente.entiAbilitati(),
                utente.vedeTuttiGliEnti(), filtri.cerca(), filtri.ordine(), richiesta - 1, dimensione);
        model.addAttribute("domande", trovate.righe());
        model.addAttribute("paginazione", PaginazioneConsole.di(richiesta, dimensione, trovate.totale(),
                n -> filtri.indirizzo(base).queryParam("pagina", n).encode().toUriString()));
        return "domanda/elenco";
    }

    /** «Scarica (.xlsx)» and «Scarica (.csv)» of the graduatoria's page: the API's download in the console's session. */
    @GetMapping("/graduatorie/{id}/esportazione")
    ResponseEntity<byte[]> esportazione(@PathVariable long id, @RequestParam(defaultValue = "xlsx") String formato) {
        return GraduatorieController.esportazione(graduatorie, esportazione, id, formato);
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
