package it.piattaformacasa.scadenze.web;

import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.piattaformacasa.scadenze.Scadenza;
import it.piattaformacasa.scadenze.ScadenzeService;

@RestController
@Tag(name = "Scadenze", description = "Termini di legge scaduti, segnalati o in scadenza; lavori falliti o in ritardo (supervisori)")
class ScadenzeController {

    private final ScadenzeService scadenze;

    ScadenzeController(ScadenzeService scadenze) {
        this.scadenze = scadenze;
    }

    @GetMapping("/api/scadenze")
    @PreAuthorize("hasAnyRole('SUPERVISORE', 'AMMINISTRATORE')")
    @Operation(summary = "Per tipo: INCIDENTE (lavoro automatico fallito senza altri tentativi, di qualunque processo), "
            + "IN_RITARDO (lavoro che doveva essere già fatto, come un avviso chiuso senza graduatorie), ATTIVITA (attività "
            + "aperte con termine scaduto, segnalate ai supervisori o in scadenza entro «giorni» giorni)")
    List<Scadenza> elenco(@RequestParam(defaultValue = "2") int giorni) {
        return scadenze.scaduteOInScadenza(giorni);
    }
}
