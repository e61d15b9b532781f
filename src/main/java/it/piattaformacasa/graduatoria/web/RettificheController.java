package it.piattaformacasa.graduatoria.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.piattaformacasa.graduatoria.DomandeInLavorazione;
import it.piattaformacasa.graduatoria.RettificaInvalidita;
import it.piattaformacasa.graduatoria.RettificaService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@RestController
@Tag(name = "Rettifiche", description = "Rettifica del punteggio per invalidità civile e domande in lavorazione")
class RettificheController {

    record RichiestaBody(@NotNull(message = "la domanda è obbligatoria") Long domandaId,
                         @NotBlank(message = "il codice fiscale del componente è obbligatorio")
                         @Size(max = 16, message = "al massimo 16 caratteri") String codiceFiscaleComponente,
                         @NotNull(message = "la percentuale è obbligatoria") @Min(value = 0, message = "tra 0 e 100")
                         @Max(value = 100, message = "tra 0 e 100") Integer percentualeInvalidita,
                         boolean indennitaAccompagnamento, boolean handicapGrave) {
    }

    record RettificaDto(long id, long graduatoriaId, long domandaId, String componente, int percentualeRichiesta,
                        LocalDate richiestaIl, String registrataDa, RettificaInvalidita.Stato stato, Instant decisaIl,
                        String decisaDa, String note, BigDecimal isbarPubblicato, BigDecimal isbarDiLavoro) {
        static RettificaDto di(RettificaInvalidita r) {
            return new RettificaDto(r.getId(), r.getGraduatoriaId(), r.getDomandaId(), r.getComponenteCf(),
                    r.getPercentualeRichiesta(), r.getRichiestaIl(), r.getRegistrataDa(), r.getStato(), r.getDecisaIl(),
                    r.getDecisaDa(), r.getNote(), r.getIsbarPrima(), r.getIsbarDopo());
        }
    }

    private final RettificaService rettifiche;
    private final DomandeInLavorazione inLavorazione;

    RettificheController(RettificaService rettifiche, DomandeInLavorazione inLavorazione) {
        this.rettifiche = rettifiche;
        this.inLavorazione = inLavorazione;
    }

    @GetMapping("/api/avvisi/{avvisoId}/domande/in-lavorazione")
    @Operation(summary = "«In lavorazione»: le domande dell'avviso con una lavorazione aperta presso gli enti dell'operatore "
            + "(oggi le rettifiche per invalidità da decidere), con chi le ha prese in carico, scadenza e semaforo; filtro per ID")
    List<DomandeInLavorazione.DomandaInLavorazione> inLavorazione(@PathVariable long avvisoId,
                                                                  @RequestParam(required = false) Long id) {
        return inLavorazione.elenco(avvisoId, id);
    }

    @PostMapping("/api/graduatorie/{id}/rettifiche")
    @Operation(summary = "Registra la richiesta di rettifica per invalidità civile presentata dal cittadino all'ente "
            + "(entro 15 giorni dalla pubblicazione; una per ente e domanda)")
    ResponseEntity<RettificaDto> registra(@PathVariable long id, @Valid @RequestBody RichiestaBody body) {
        RettificaInvalidita rettifica = rettifiche.registra(id, new RettificaService.Richiesta(body.domandaId(),
                body.codiceFiscaleComponente(), body.percentualeInvalidita(), body.indennitaAccompagnamento(), body.handicapGrave()));
        return ResponseEntity.created(URI.create("/api/graduatorie/" + id + "/rettifiche")).body(RettificaDto.di(rettifica));
    }

    @GetMapping("/api/graduatorie/{id}/rettifiche")
    @Operation(summary = "Le richieste di rettifica della graduatoria, con punteggio pubblicato e di lavoro")
    List<RettificaDto> elenco(@PathVariable long id) {
        return rettifiche.diGraduatoria(id).stream().map(RettificaDto::di).toList();
    }
}
