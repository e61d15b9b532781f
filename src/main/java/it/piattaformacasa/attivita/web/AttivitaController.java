package it.piattaformacasa.attivita.web;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.piattaformacasa.attivita.AttivitaService;

@RestController
@Tag(name = "Attività", description = "«Prendi in carico» e rilascio delle attività della Tasklist")
class AttivitaController {

    private final AttivitaService attivita;

    AttivitaController(AttivitaService attivita) {
        this.attivita = attivita;
    }

    @PostMapping("/api/attivita/{taskId}/prendi-in-carico")
    @Operation(summary = "«Prendi in carico»: l'attività passa all'operatore, se è tra i candidati; 409 se la ha già un altro")
    ResponseEntity<Void> prendiInCarico(@PathVariable String taskId) {
        attivita.prendiInCarico(taskId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/attivita/{taskId}/rilascia")
    @Operation(summary = "Rilascia un'attività presa in carico: torna ai gruppi candidati")
    ResponseEntity<Void> rilascia(@PathVariable String taskId) {
        attivita.rilascia(taskId);
        return ResponseEntity.noContent().build();
    }
}
