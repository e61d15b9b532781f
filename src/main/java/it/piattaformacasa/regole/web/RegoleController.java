package it.piattaformacasa.regole.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.piattaformacasa.regole.CasiDiTestRegole;
import it.piattaformacasa.regole.RepositoryRegole;

@RestController
@Tag(name = "Regole", description = "Versioni delle regole DMN (ISBAR, requisiti, riserve, ordine di assegnazione)")
class RegoleController {

    private final RepositoryRegole repository;
    private final CasiDiTestRegole casi;

    RegoleController(RepositoryRegole repository, CasiDiTestRegole casi) {
        this.repository = repository;
        this.casi = casi;
    }

    @PostMapping("/api/regole/{nome}/versioni/{versione}/casi")
    @Operation(summary = "Aggiunge casi di test (input → decisioni attese) alla versione e li esegue tutti")
    @PreAuthorize("hasRole('ANALISTA')")
    List<CasiDiTestRegole.Esito> aggiungiCasi(@PathVariable String nome, @PathVariable int versione,
                                              @org.springframework.web.bind.annotation.RequestBody List<CasiDiTestRegole.Caso> nuovi) {
        return casi.aggiungi(nome, versione, nuovi);
    }

    @GetMapping("/api/regole/{nome}/versioni/{versione}/casi")
    @Operation(summary = "Esegue i casi di test della versione: superati o no, con atteso e ottenuto")
    @PreAuthorize("hasAnyRole('ANALISTA', 'SUPERVISORE', 'AMMINISTRATORE')")
    List<CasiDiTestRegole.Esito> eseguiCasi(@PathVariable String nome, @PathVariable int versione) {
        return casi.esegui(nome, versione);
    }

    @GetMapping("/api/regole")
    @Operation(summary = "Le versioni di ogni insieme di regole: stato, validità, autore, approvatore, motivo, checksum")
    @PreAuthorize("hasAnyRole('ANALISTA', 'SUPERVISORE', 'AMMINISTRATORE')")
    List<RepositoryRegole.Versione> versioni() {
        return repository.versioni();
    }

    @PostMapping(value = "/api/regole/{nome}", consumes = {MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE,
            MediaType.APPLICATION_OCTET_STREAM_VALUE})
    @Operation(summary = "Carica un DMN (Camunda Modeler o editor KIE) come nuova versione: normalizzato per KIE e validato; "
            + "gli errori indicano decisione, regola e motivo e nulla viene salvato")
    @PreAuthorize("hasRole('ANALISTA')")
    ResponseEntity<RepositoryRegole.Versione> carica(@PathVariable String nome, @RequestParam(required = false) String motivo,
                                                     @RequestParam(required = false) LocalDate validoDal,
                                                     jakarta.servlet.http.HttpServletRequest richiesta) throws java.io.IOException {
        if (richiesta.getContentLengthLong() > it.piattaformacasa.regole.NormalizzazioneDmn.DIMENSIONE_MASSIMA) {
            return ResponseEntity.status(org.springframework.http.HttpStatus.PAYLOAD_TOO_LARGE).build();
        }
        byte[] dmn = richiesta.getInputStream().readNBytes(it.piattaformacasa.regole.NormalizzazioneDmn.DIMENSIONE_MASSIMA + 1);
        RepositoryRegole.Versione versione = repository.carica(nome, dmn, motivo, validoDal);
        return ResponseEntity.created(URI.create("/api/regole/" + nome + "/versioni/" + versione.versione())).body(versione);
    }

    @GetMapping("/api/regole/{nome}/versioni/{versione}")
    @Operation(summary = "Il DMN di una versione, così come è stato importato")
    @PreAuthorize("hasAnyRole('ANALISTA', 'SUPERVISORE', 'AMMINISTRATORE')")
    ResponseEntity<String> sorgente(@PathVariable String nome, @PathVariable int versione) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(repository.sorgente(nome, versione));
    }
}
