package it.piattaformacasa.regole.web;

import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.piattaformacasa.regole.RepositoryRegole;

@RestController
@Tag(name = "Regole", description = "Versioni delle regole DMN (ISBAR, requisiti, riserve, ordine di assegnazione)")
class RegoleController {

    private final RepositoryRegole repository;

    RegoleController(RepositoryRegole repository) {
        this.repository = repository;
    }

    @GetMapping("/api/regole")
    @Operation(summary = "Le versioni di ogni insieme di regole: stato, validità, autore, approvatore, motivo, checksum")
    @PreAuthorize("hasAnyRole('ANALISTA', 'SUPERVISORE', 'AMMINISTRATORE')")
    List<RepositoryRegole.Versione> versioni() {
        return repository.versioni();
    }

    @GetMapping("/api/regole/{nome}/versioni/{versione}")
    @Operation(summary = "Il DMN di una versione, così come è stato importato")
    @PreAuthorize("hasAnyRole('ANALISTA', 'SUPERVISORE', 'AMMINISTRATORE')")
    ResponseEntity<String> sorgente(@PathVariable String nome, @PathVariable int versione) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(repository.sorgente(nome, versione));
    }
}
