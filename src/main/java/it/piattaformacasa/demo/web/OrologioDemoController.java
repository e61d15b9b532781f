package it.piattaformacasa.demo.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.piattaformacasa.common.ItalianFormats;
import it.piattaformacasa.common.sicurezza.UtenteCorrente;
import it.piattaformacasa.demo.OrologioDemoService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

@RestController
@RequestMapping("/api/demo/orologio")
@Tag(name = "Orologio della demo", description = "Solo sul database embedded della demo: l'amministratore porta avanti "
        + "l'ora della piattaforma (timer, termini, semafori) di ore o giorni, e la riporta all'ora reale")
class OrologioDemoController {

    record AvanzamentoDto(
            @Min(value = 1, message = OrologioDemoService.MSG_ALMENO_UNO)
            @Max(value = OrologioDemoService.MASSIMO_ORE, message = OrologioDemoService.MSG_MASSIMO_ORE) Integer ore,
            @Min(value = 1, message = OrologioDemoService.MSG_ALMENO_UNO)
            @Max(value = OrologioDemoService.MASSIMO_GIORNI, message = OrologioDemoService.MSG_MASSIMO_GIORNI) Integer giorni) {
    }

    record SpostamentoDto(String operazione, String richiesta, String eseguitaDa, OffsetDateTime eseguitaIl,
                          OffsetDateTime oraPrima, OffsetDateTime oraDopo, String descrizione) {
        static SpostamentoDto di(OrologioDemoService.Spostamento s) {
            return new SpostamentoDto(s.operazione().name(), s.richiesta(), s.eseguitaDa(), roma(s.eseguitaIl()),
                    roma(s.oraPrima()), roma(s.oraDopo()), s.richiesta() + ": da " + ItalianFormats.dataOra(s.oraPrima())
                            + " a " + ItalianFormats.dataOra(s.oraDopo()));
        }
    }

    record StatoDto(OffsetDateTime ora, String oraLeggibile, OffsetDateTime oraReale, String oraRealeLeggibile,
                    String scostamento, long scostamentoSecondi, String scostamentoLeggibile, boolean modificabile,
                    String motivo, List<SpostamentoDto> spostamenti) {
        static StatoDto di(OrologioDemoService.Stato s) {
            return new StatoDto(roma(s.ora()), ItalianFormats.dataOra(s.ora()), roma(s.oraReale()),
                    ItalianFormats.dataOra(s.oraReale()), s.scostamento().toString(), s.scostamento().toSeconds(),
                    s.scostamento().isZero() ? "ora reale" : "avanti di " + OrologioDemoService.descrivi(s.scostamento()),
                    s.modificabile(), s.motivo(), s.spostamenti().stream().map(SpostamentoDto::di).toList());
        }
    }

    private final OrologioDemoService orologio;
    private final UtenteCorrente utente;

    OrologioDemoController(OrologioDemoService orologio, UtenteCorrente utente) {
        this.orologio = orologio;
        this.utente = utente;
    }

    @GetMapping
    @PreAuthorize("hasRole('AMMINISTRATORE')")
    @Operation(summary = "Che ora è per la piattaforma (ora di Roma), l'ora reale, di quanto è avanti e gli ultimi 20 "
            + "spostamenti; «modificabile» è false con un database esterno")
    StatoDto stato() {
        return StatoDto.di(orologio.stato());
    }

    @PostMapping("/avanza")
    @PreAuthorize("hasRole('AMMINISTRATORE')")
    @Operation(summary = "Porta avanti l'orologio di {\"ore\": 1–168} oppure di {\"giorni\": 1–365} (giorni di calendario, "
            + "stessa ora), fino a 5 anni oltre l'ora reale; i timer scaduti partono subito. 409 con un database esterno")
    StatoDto avanza(@Valid @RequestBody AvanzamentoDto corpo) {
        return StatoDto.di(orologio.avanza(corpo.ore(), corpo.giorni(), utente.username()));
    }

    @PostMapping("/ripristina")
    @PreAuthorize("hasRole('AMMINISTRATORE')")
    @Operation(summary = "Riporta la piattaforma all'ora reale; ciò che è stato fatto nei giorni simulati conserva le sue "
            + "date. 409 con un database esterno")
    StatoDto ripristina() {
        return StatoDto.di(orologio.ripristina(utente.username()));
    }

    static OffsetDateTime roma(Instant istante) {
        return istante.atZone(ItalianFormats.ZONE).toOffsetDateTime();
    }
}
