package it.piattaformacasa.domanda.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.piattaformacasa.domanda.ListaPrefetturaService;
import it.piattaformacasa.domanda.ListaPrefetturaService.Iscritto;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@RestController
@Tag(name = "Forze di Polizia", description = "Lista della Prefettura per gli avvisi dell'art. 7 bis / 7 ter")
class ListaPrefetturaController {

    private final ListaPrefetturaService liste;

    ListaPrefetturaController(ListaPrefetturaService liste) {
        this.liste = liste;
    }

    @PostMapping("/api/enti/{enteId}/lista-prefettura/{anno}")
    @Operation(summary = "Registra la lista inviata dalla Prefettura per l'anno: codice fiscale, corpo di appartenenza, protocollo")
    List<ListaPrefetturaService.Iscritto> registra(@PathVariable long enteId, @PathVariable int anno,
                                                   @Valid @RequestBody @Size(max = 5000, message = "al massimo 5000 iscritti per invio")
                                                   List<@NotNull(message = "iscritto mancante") @Valid Iscritto> iscritti) {
        return liste.registra(enteId, anno, iscritti);
    }

    @GetMapping("/api/enti/{enteId}/lista-prefettura/{anno}")
    @Operation(summary = "La lista della Prefettura dell'ente per l'anno")
    List<ListaPrefetturaService.Iscritto> lista(@PathVariable long enteId, @PathVariable int anno) {
        return liste.lista(enteId, anno);
    }
}
