package it.piattaformacasa.assegnazione.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.piattaformacasa.assegnazione.IstruttoriaService;
import it.piattaformacasa.common.DatiNonValidiException;
import it.piattaformacasa.common.Importo;
import it.piattaformacasa.domanda.DomandaService;
import it.piattaformacasa.common.web.TestoLibero;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@RestController
@Tag(name = "Istruttorie", description = "Istruttoria delle domande in graduatoria definitiva e assegnazione dell'alloggio")
class IstruttorieController {

    record AvvioBody(@NotNull(message = "la domanda è obbligatoria") Long domandaId) {
    }

    record CorrezioneBody(
            @DecimalMin(value = "0", message = "non può essere negativo")
            @Digits(integer = 8, fraction = 2, message = "importo in euro con al massimo due decimali") BigDecimal isee,
            @Size(max = 20, message = "al massimo 20 condizioni")
            Map<String, @NotNull(message = "indicare true o false") Boolean> condizioni,
            LocalDate residenteLombardiaDal, LocalDate residenteComuneDal) {
    }

    record VerificaBody(@NotNull(message = "l'esito è obbligatorio (AMMISSIBILE, RICALCOLO o NON_AMMISSIBILE)")
                        IstruttoriaService.Esito esito, Long alloggioId,
                        @Size(max = 2000, message = "al più 2000 caratteri") @TestoLibero String note,
                        @Size(max = 2000, message = "al più 2000 caratteri") @TestoLibero String motivoFuoriOrdine,
                        @Valid CorrezioneBody correzione) {
    }

    private final IstruttoriaService istruttorie;

    IstruttorieController(IstruttoriaService istruttorie) {
        this.istruttorie = istruttorie;
    }

    @PostMapping("/api/graduatorie/{id}/istruttorie")
    @Operation(summary = "«Prendi in carico» e «avvia istruttoria» di una domanda della graduatoria definitiva dell'ente: "
            + "crea «Verifica istruttoria» già in carico all'operatore")
    ResponseEntity<IstruttoriaService.Istruttoria> avvia(@PathVariable long id, @Valid @RequestBody AvvioBody body) {
        IstruttoriaService.Istruttoria istruttoria = istruttorie.avvia(id, body.domandaId());
        return ResponseEntity.created(URI.create("/api/istruttorie/" + istruttoria.id())).body(istruttoria);
    }

    @PostMapping("/api/istruttorie/{id}/verifica")
    @Operation(summary = "«Verifica istruttoria»: ammissibile con l'alloggio assegnato (tra quelli chiesti a questo ente); "
            + "ricalcolo con i dati corretti (l'ISBAR può solo scendere); non ammissibile con le motivazioni. La prima "
            + "assegnazione del nucleo chiude le istruttorie degli altri enti")
    IstruttoriaService.Istruttoria verifica(@PathVariable long id, @Valid @RequestBody VerificaBody body) {
        CorrezioneBody c = body.correzione();
        return istruttorie.verifica(id, body.esito(), body.alloggioId(), body.note(), body.motivoFuoriOrdine(), c == null ? null
                : new DomandaService.Correzione(c.isee() == null ? null : importo(c.isee()), c.condizioni(),
                        c.residenteLombardiaDal(), c.residenteComuneDal()));
    }

    private static Importo importo(BigDecimal valore) {
        try {
            return Importo.of(valore);
        } catch (IllegalArgumentException e) {
            throw DatiNonValidiException.campo("correzione.isee", e.getMessage());
        }
    }

    @GetMapping("/api/istruttorie/{id}")
    @Operation(summary = "Un'istruttoria dell'ente")
    IstruttoriaService.Istruttoria istruttoria(@PathVariable long id) {
        return istruttorie.istruttoria(id);
    }

    @GetMapping("/api/domande/{id}/istruttorie")
    @Operation(summary = "Le istruttorie della domanda presso tutti gli enti: ogni ente vede chi la ha in carico")
    List<IstruttoriaService.Istruttoria> diDomanda(@PathVariable long id) {
        return istruttorie.diDomanda(id);
    }
}
