package it.piattaformacasa.scadenze.web;

import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.piattaformacasa.common.DatiNonValidiException;
import it.piattaformacasa.scadenze.Scadenza;
import it.piattaformacasa.scadenze.ScadenzaDiLegge;
import it.piattaformacasa.scadenze.ScadenzeDiLeggeService;
import it.piattaformacasa.scadenze.ScadenzeService;
import it.piattaformacasa.scadenze.StatoScadenza;
import it.piattaformacasa.scadenze.TipoScadenza;

@RestController
@Tag(name = "Scadenze", description = "Termini di legge scaduti, segnalati o in scadenza; lavori falliti o in ritardo (supervisori)")
class ScadenzeController {

    static final int DIMENSIONE_MASSIMA = 200;

    private final ScadenzeService scadenze;
    private final ScadenzeDiLeggeService diLegge;

    ScadenzeController(ScadenzeService scadenze, ScadenzeDiLeggeService diLegge) {
        this.scadenze = scadenze;
        this.diLegge = diLegge;
    }

    @GetMapping("/api/scadenze")
    @PreAuthorize("hasAnyRole('SUPERVISORE', 'AMMINISTRATORE')")
    @Operation(summary = "Per tipo: INCIDENTE (lavoro automatico fallito senza altri tentativi, di qualunque processo), "
            + "IN_RITARDO (lavoro che doveva essere già fatto, come un avviso chiuso senza graduatorie), ATTIVITA (attività "
            + "aperte con termine scaduto, segnalate ai supervisori o in scadenza entro «giorni» giorni, prima la scadenza più "
            + "vicina); a pagine: «pagina» da 0, «dimensione» da 1 a " + DIMENSIONE_MASSIMA + " righe (50 se non indicata), "
            + "«totale» le righe in tutto")
    PaginaScadenze elenco(@RequestParam(defaultValue = "2") int giorni, @RequestParam(defaultValue = "0") int pagina,
                          @RequestParam(defaultValue = "50") int dimensione) {
        if (giorni < 0 || giorni > 60) {
            throw DatiNonValidiException.campo("giorni", "tra 0 e 60");
        }
        if (pagina < 0) {
            throw DatiNonValidiException.campo("pagina", "non può essere negativa");
        }
        if (dimensione < 1 || dimensione > DIMENSIONE_MASSIMA) {
            throw DatiNonValidiException.campo("dimensione", "tra 1 e " + DIMENSIONE_MASSIMA);
        }
        ScadenzeService.Pagina trovate = scadenze.scaduteOInScadenza(giorni, pagina, dimensione);
        return new PaginaScadenze(trovate.righe(), pagina, dimensione, trovate.totale());
    }

    /**
     * A page of {@code /api/scadenze}, shaped as the API's other pages (anagrafe's alloggi, a bando's domande): with
     * 100k open tasks the unpaged list was ~3 MB and took seconds (issue 17).
     */
    record PaginaScadenze(List<Scadenza> elementi, int pagina, int dimensione, long totale) {
    }

    /** What a page of the console's «Scadenze» shows, for a client: the same service, the same per-ente visibility. */
    record ScadenzeDiLegge(ScadenzeDiLeggeService.Conteggi conteggi, long totale, int pagina, int pagine,
                           List<ScadenzaDiLegge> scadenze) {
    }

    @GetMapping("/api/scadenze/di-legge")
    @Operation(summary = "Le scadenze di legge ancora aperte, prima le scadute poi per data (come la pagina «Scadenze» della "
            + "console): supervisori e amministratori vedono tutti gli enti, gli operatori i propri; filtri per stato "
            + "(SCADUTA, IN_SCADENZA, NEI_TERMINI), ente e tipo; pagine da «righe» (1–200)")
    ScadenzeDiLegge diLegge(@RequestParam(required = false) StatoScadenza stato, @RequestParam(required = false) Long ente,
                            @RequestParam(required = false) TipoScadenza tipo, @RequestParam(defaultValue = "1") int pagina,
                            @RequestParam(defaultValue = "25") int righe) {
        if (pagina < 1 || righe < 1 || righe > 200) {
            throw new DatiNonValidiException(List.of(new DatiNonValidiException.Errore(pagina < 1 ? "pagina" : "righe",
                    pagina < 1 ? "dalla pagina 1" : "da 1 a 200 righe per pagina")));
        }
        ScadenzeDiLeggeService.Elenco elenco = diLegge.elenco(new ScadenzeDiLeggeService.Filtro(stato, ente, tipo), pagina - 1, righe);
        return new ScadenzeDiLegge(diLegge.conteggi(), elenco.totale(), pagina, elenco.pagine(), elenco.righe());
    }
}
