package it.piattaformacasa.assegnazione.web;

import java.math.BigDecimal;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.piattaformacasa.assegnazione.RipescaggioService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@RestController
@Tag(name = "Ripescaggio", description = "Graduatoria in ripescaggio: alloggi rimasti e alloggi liberati dopo uno sgombero")
class RipescaggioController {

    record StatoDto(long graduatoriaId, String stato) {
    }

    record AlloggioLiberoBody(@NotNull(message = "l'alloggio è obbligatorio") Long alloggioId,
                              @Size(max = 120, message = "al più 120 caratteri") String tipologiaRiscaldamento,
                              @DecimalMin(value = "0", message = "non può essere negativa")
                              @Digits(integer = 8, fraction = 2, message = "importo in euro con al massimo due decimali")
                              BigDecimal speseAnnueUtenze) {
    }

    private final RipescaggioService ripescaggio;

    RipescaggioController(RipescaggioService ripescaggio) {
        this.ripescaggio = ripescaggio;
    }

    @PostMapping("/api/graduatorie/{id}/ripescaggio")
    @Operation(summary = "DEFINITIVA → RIPESCAGGIO, dopo il primo giro di assegnazioni")
    StatoDto avvia(@PathVariable long id) {
        return new StatoDto(id, ripescaggio.avvia(id).getStato().name());
    }

    @PostMapping("/api/graduatorie/{id}/alloggi-liberi")
    @Operation(summary = "Rende assegnabile nel ripescaggio un alloggio dell'ente liberato dopo uno sgombero (non pubblicato nell'avviso)")
    ResponseEntity<Void> alloggioLibero(@PathVariable long id, @Valid @RequestBody AlloggioLiberoBody body) {
        ripescaggio.aggiungiAlloggioLibero(id, body.alloggioId(), body.tipologiaRiscaldamento(), body.speseAnnueUtenze());
        return ResponseEntity.noContent().build();
    }
}
