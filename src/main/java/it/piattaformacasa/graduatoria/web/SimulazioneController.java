package it.piattaformacasa.graduatoria.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.piattaformacasa.common.DatiNonValidiException;
import it.piattaformacasa.graduatoria.SimulazioneRegole;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

@RestController
@Tag(name = "Regole")
class SimulazioneController {

    private final SimulazioneRegole simulazione;

    SimulazioneController(SimulazioneRegole simulazione) {
        this.simulazione = simulazione;
    }

    record RichiestaSimulazione(@Size(max = 100, message = "al massimo 100 caratteri") String nome, Integer versione,
                                @Min(value = 0, message = "non può essere negativo") Integer limite) {
    }

    @PostMapping("/api/avvisi/{avvisoId}/simulazione")
    @Operation(summary = "Cosa succederebbe: ogni domanda dell'avviso ricalcolata con un'altra versione di isbar o "
            + "requisiti-economici (anche una bozza), senza scrivere nulla: punteggi, posizioni per graduatoria, riserva indigenti")
    @PreAuthorize("hasAnyRole('ANALISTA', 'SUPERVISORE', 'AMMINISTRATORE')")
    SimulazioneRegole.Esito simula(@PathVariable long avvisoId, @Valid @RequestBody RichiestaSimulazione richiesta) {
        if (richiesta.nome() == null || richiesta.versione() == null) {
            throw DatiNonValidiException.campo(richiesta.nome() == null ? "nome" : "versione", "obbligatorio");
        }
        int limite = richiesta.limite() == null ? 1000 : Math.max(0, Math.min(richiesta.limite(), 100_000));
        return simulazione.simula(avvisoId, richiesta.nome(), richiesta.versione(), limite);
    }
}
