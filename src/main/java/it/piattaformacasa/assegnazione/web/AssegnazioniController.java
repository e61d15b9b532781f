package it.piattaformacasa.assegnazione.web;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.piattaformacasa.assegnazione.ContrattoService;
import it.piattaformacasa.common.web.TestoLibero;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@RestController
@Tag(name = "Assegnazioni", description = "Alloggi assegnati, contratto di locazione o rinuncia del nucleo")
class AssegnazioniController {

    record ContrattoBody(@NotNull(message = "l'esito è obbligatorio (FIRMATO o RINUNCIA)") ContrattoService.Esito esito,
                         @Size(max = 64, message = "al più 64 caratteri") String numero, LocalDate firmatoIl,
                         LocalDate decorrenza,
                         @DecimalMin(value = "0", message = "non può essere negativo")
                         @Digits(integer = 8, fraction = 2, message = "importo in euro con al massimo due decimali")
                         BigDecimal canoneMensile,
                         @Size(max = 200, message = "al più 200 caratteri") String registrazione,
                         @Size(max = 2000, message = "al più 2000 caratteri") @TestoLibero String motivoRinuncia) {
    }

    private final ContrattoService contratti;

    AssegnazioniController(ContrattoService contratti) {
        this.contratti = contratti;
    }

    @GetMapping("/api/assegnazioni/{id}")
    @Operation(summary = "Un'assegnazione con la scadenza dei 30 giorni per il contratto (art. 25)")
    ContrattoService.Assegnazione assegnazione(@PathVariable long id) {
        return contratti.assegnazione(id);
    }

    @PostMapping("/api/assegnazioni/{id}/contratto")
    @Operation(summary = "«Conferma registrazione contratto»: i dati del contratto (l'alloggio diventa OCCUPATO e il nucleo "
            + "inquilino) oppure la rinuncia del nucleo con il motivo (l'alloggio torna assegnabile)")
    ContrattoService.Assegnazione contratto(@PathVariable long id, @Valid @RequestBody ContrattoBody body) {
        return contratti.conferma(id, body.esito(), new ContrattoService.DatiContratto(body.numero(), body.firmatoIl(),
                body.decorrenza(), body.canoneMensile(), body.registrazione()), body.motivoRinuncia());
    }
}
