package it.piattaformacasa.piano.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.piattaformacasa.common.DatiNonValidiException;
import it.piattaformacasa.piano.ComunicazioneAnnuale;
import it.piattaformacasa.piano.PianoAnnuale;
import it.piattaformacasa.piano.ProgrammazioneService;
import it.piattaformacasa.report.web.Scaricamento;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Size;

/**
 * Programmazione annuale dell'offerta abitativa (seed 001, issue 13): the capofila's scheda, the enti's communications,
 * approval and reopening, the report. Every rule is {@link ProgrammazioneService}'s, shared with the console.
 */
@RestController
@RequestMapping("/api/programmazione")
@Tag(name = "Programmazione annuale", description = "Piano annuale dell'offerta abitativa dell'ambito: scheda del capofila, "
        + "comunicazioni degli enti, approvazione e riserve dell'anno")
class ProgrammazioneController {

    record NuovoPiano(@Size(max = 40, message = "al più 40 caratteri") String ambito, Integer anno,
                      LocalDate inizioComunicazioni, LocalDate fineComunicazioni) {
    }

    record Finestra(LocalDate inizioComunicazioni, LocalDate fineComunicazioni) {
    }

    record Approvazione(@Size(max = 40, message = "al più 40 caratteri") String numeroDelibera, LocalDate dataDelibera) {
    }

    record Riapertura(LocalDate fineComunicazioni) {
    }

    /** The «schema comunicazione annuale»; thresholds as percentages (12.5 is 12,5 %). */
    record SchemaComunicazione(Integer alloggiDisponibili, Integer alloggiTurnOver, Integer alloggiCarenzaManutentiva,
                               Integer alloggiNuovaEdificazione, Integer alloggiTransitori, Integer alloggiAssegnatiAnnoPrecedente,
                               Integer alloggiConferitiPrivati,
                               @Size(max = 200, message = "al più 200 caratteri") String altraCategoria,
                               @Digits(integer = 3, fraction = 2, message = "percentuale con al più due decimali") BigDecimal sogliaAnziani,
                               @Digits(integer = 3, fraction = 2, message = "percentuale con al più due decimali") BigDecimal sogliaMonoparentali,
                               @Digits(integer = 3, fraction = 2, message = "percentuale con al più due decimali") BigDecimal sogliaDisabili,
                               @Digits(integer = 3, fraction = 2, message = "percentuale con al più due decimali") BigDecimal sogliaNuovaFormazione,
                               @Digits(integer = 3, fraction = 2, message = "percentuale con al più due decimali") BigDecimal sogliaAltraCategoria,
                               @Digits(integer = 3, fraction = 2, message = "percentuale con al più due decimali") BigDecimal sogliaForzePolizia,
                               @Digits(integer = 3, fraction = 2, message = "percentuale con al più due decimali") BigDecimal sogliaPoliziaLocale,
                               @Digits(integer = 3, fraction = 2, message = "percentuale con al più due decimali") BigDecimal sogliaIndigenti) {

        ComunicazioneAnnuale.Dati dati() {
            return new ComunicazioneAnnuale.Dati(alloggiDisponibili, alloggiTurnOver, alloggiCarenzaManutentiva,
                    alloggiNuovaEdificazione, alloggiTransitori, alloggiAssegnatiAnnoPrecedente, alloggiConferitiPrivati,
                    altraCategoria, sogliaAnziani, sogliaMonoparentali, sogliaDisabili, sogliaNuovaFormazione,
                    sogliaAltraCategoria, sogliaForzePolizia, sogliaPoliziaLocale, sogliaIndigenti);
        }
    }

    /** A plan with its state in words. */
    record PianoDto(long id, String ambito, String pianoDiZona, int anno, LocalDate inizioComunicazioni,
                    LocalDate fineComunicazioni, String stato, String statoDescrizione, String numeroDelibera,
                    LocalDate dataDelibera, Instant approvatoIl, String approvatoDa, Instant aggiornatoIl, String aggiornatoDa) {

        static PianoDto di(PianoAnnuale p) {
            return new PianoDto(p.id(), p.codiceAmbito(), p.ambito(), p.anno(), p.inizioComunicazioni(), p.fineComunicazioni(),
                    p.stato().name(), p.stato().etichetta(), p.numeroDelibera(), p.dataDelibera(), p.approvatoIl(),
                    p.approvatoDa(), p.aggiornatoIl(), p.aggiornatoDa());
        }
    }

    record PianoInElencoDto(PianoDto piano, int comunicazioni, int ricevute, int inRitardo, List<String> entiInRitardo) {
    }

    record ComunicazioneDto(long id, long enteId, String ente, String tipoEnte, String codiceIstatComune, String comune,
                            Instant ricevutaIl, String inviataDa, boolean inRitardo, boolean aperta,
                            Instant anagrafeCertificataIl, ComunicazioneAnnuale.Dati dati) {
    }

    record SchedaDto(PianoDto piano, List<ComunicazioneDto> comunicazioni, List<ProgrammazioneService.VoceRegistro> registro) {

        static SchedaDto di(ProgrammazioneService.Scheda s) {
            return new SchedaDto(PianoDto.di(s.piano()), s.comunicazioni().stream().map(c -> new ComunicazioneDto(c.id(),
                    c.enteId(), c.ente(), c.tipoEnte().name(), c.codiceIstatComune(), c.comune(), c.ricevutaIl(), c.inviataDa(),
                    c.inRitardo(s.piano(), s.adesso()), s.comunicazioniAperte().contains(c.id()),
                    s.certificazioni().get(c.enteId()), c.dati())).toList(), s.registro());
        }
    }

    private final ProgrammazioneService piani;

    ProgrammazioneController(ProgrammazioneService piani) {
        this.piani = piani;
    }

    @GetMapping
    @Operation(summary = "I piani annuali che il chiamante vede (gli ambiti dei propri enti; tutti per supervisori), con gli "
            + "enti in ritardo nella comunicazione")
    List<PianoInElencoDto> elenco(@RequestParam(required = false) String ambito, @RequestParam(required = false) String anno) {
        return piani.piani(ambito == null || ambito.isBlank() ? null : ambito.strip(), anno(anno)).stream()
                .map(p -> new PianoInElencoDto(PianoDto.di(p.piano()), p.comunicazioni(), p.ricevute(), p.inRitardo(),
                        p.entiInRitardo())).toList();
    }

    @PostMapping
    @Operation(summary = "«Salva» una nuova scheda programmazione annuale (Comune capofila): anno di riferimento e finestra "
            + "delle comunicazioni degli enti")
    ResponseEntity<PianoDto> predisponi(@Valid @RequestBody NuovoPiano body) {
        PianoAnnuale piano = piani.predisponi(body.ambito(), body.anno(), body.inizioComunicazioni(), body.fineComunicazioni());
        return ResponseEntity.created(URI.create("/api/programmazione/" + piano.id())).body(PianoDto.di(piano));
    }

    @GetMapping("/{id}")
    @Operation(summary = "La scheda del piano con le comunicazioni degli enti (ricevute, in ritardo, certificazione "
            + "dell'Anagrafe) e il registro delle azioni")
    SchedaDto scheda(@PathVariable long id) {
        return SchedaDto.di(piani.scheda(id));
    }

    @PutMapping("/{id}")
    @Operation(summary = "«Salva» la scheda: cambia la finestra delle comunicazioni prima che si apra (Comune capofila)")
    PianoDto salva(@PathVariable long id, @Valid @RequestBody Finestra body) {
        return PianoDto.di(piani.salva(id, body.inizioComunicazioni(), body.fineComunicazioni()));
    }

    @PostMapping("/{id}/annullamento")
    @Operation(summary = "«Annulla» il piano non ancora approvato (Comune capofila)")
    PianoDto annulla(@PathVariable long id) {
        return PianoDto.di(piani.annulla(id));
    }

    @PutMapping("/{id}/comunicazioni/{comunicazioneId}")
    @Operation(summary = "Invia lo schema comunicazione annuale dell'ente (operatori dell'ente con la gestione avviso, a "
            + "finestra aperta); data e ora di ricezione registrate")
    ComunicazioneAnnuale comunica(@PathVariable long id, @PathVariable long comunicazioneId,
                                  @Valid @RequestBody SchemaComunicazione body) {
        return piani.comunica(id, comunicazioneId, body.dati());
    }

    @PostMapping("/{id}/approvazione")
    @Operation(summary = "«Approva» il piano chiuso, con la delibera dell'Assemblea dei sindaci: imposta le riserve dell'anno "
            + "di ogni ente e comune")
    PianoDto approva(@PathVariable long id, @Valid @RequestBody Approvazione body) {
        return PianoDto.di(piani.approva(id, body.numeroDelibera(), body.dataDelibera()));
    }

    @PostMapping("/{id}/riapertura")
    @Operation(summary = "«Riapri» la finestra delle comunicazioni fino a una nuova data, da un piano chiuso o approvato")
    PianoDto riapri(@PathVariable long id, @Valid @RequestBody Riapertura body) {
        return PianoDto.di(piani.riapri(id, body.fineComunicazioni()));
    }

    @GetMapping("/{id}/report")
    @Operation(summary = "Il report delle comunicazioni degli enti (seed 001) e l'esportazione del piano: json, xlsx o csv")
    ResponseEntity<?> report(@PathVariable long id, @RequestParam(defaultValue = "json") String formato) {
        var tabella = piani.report(id);
        return Scaricamento.di(tabella, tabella, formato, "piano-annuale-" + id);
    }

    private static Integer anno(String testo) {
        if (testo == null || testo.isBlank()) {
            return null;
        }
        if (!testo.strip().matches("[0-9]{4}")) {
            throw DatiNonValidiException.campo("anno", "anno non valido: scrivere le quattro cifre, ad esempio 2026");
        }
        return Integer.parseInt(testo.strip());
    }
}
