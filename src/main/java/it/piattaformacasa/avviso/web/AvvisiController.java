package it.piattaformacasa.avviso.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.piattaformacasa.anagrafe.StatoAlloggio;
import it.piattaformacasa.avviso.AlloggioInAvviso;
import it.piattaformacasa.avviso.Avviso;
import it.piattaformacasa.avviso.AvvisoService;
import it.piattaformacasa.avviso.RegoleDellAvviso;
import it.piattaformacasa.avviso.StatoAvviso;
import it.piattaformacasa.avviso.TipoAvviso;
import it.piattaformacasa.avviso.TipologiaAlloggioInAvviso;
import it.piattaformacasa.common.web.TestoLibero;
import it.piattaformacasa.regole.QuadroNormativo;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@RestController
@RequestMapping("/api/avvisi")
@Tag(name = "Avvisi", description = "Predisposizione dell'avviso, selezione degli alloggi, apertura e chiusura")
class AvvisiController {

    record RichiestaPredisposizione(
            @NotBlank(message = "l'ambito è obbligatorio") @Size(max = 40, message = "al massimo 40 caratteri") String ambito,
            @NotBlank(message = "il titolo è obbligatorio") @Size(max = 300, message = "al massimo 300 caratteri") String titolo,
            @NotNull(message = "il tipo è obbligatorio") TipoAvviso tipo,
            @NotNull(message = "la data e ora di apertura sono obbligatorie") Instant apertura,
            @NotNull(message = "la data e ora di chiusura sono obbligatorie") Instant chiusura) {
    }

    record RichiestaAlloggio(
            @NotNull(message = "l'alloggio è obbligatorio") Long alloggioId,
            @NotNull(message = "la tipologia è obbligatoria") TipologiaAlloggioInAvviso tipologia,
            @NotBlank(message = "la tipologia di riscaldamento è obbligatoria") @Size(max = 120, message = "al massimo 120 caratteri")
            String tipologiaRiscaldamento,
            @NotNull(message = "la stima delle spese annue per le utenze è obbligatoria")
            @DecimalMin(value = "0", message = "non può essere negativa")
            @Digits(integer = 8, fraction = 2, message = "importo in euro con al massimo due decimali") BigDecimal speseAnnueUtenze,
            @Size(max = 2000, message = "al massimo 2000 caratteri") @TestoLibero String interventi,
            @DecimalMin(value = "0", message = "non può essere negativo")
            @Digits(integer = 10, fraction = 2, message = "importo in euro con al massimo due decimali") BigDecimal costoInterventi) {
    }

    /**
     * @param stato          the state at this instant, by the avviso's dates ({@code Avviso#statoAl}): what people see
     * @param statoRegistrato the state the engine has recorded, changed by its timers; what the graduatorie wait for
     */
    record AvvisoDto(long id, String ambito, String titolo, TipoAvviso tipo, Instant apertura, Instant chiusura,
                     Instant fineSelezioneAlloggi, StatoAvviso stato, StatoAvviso statoRegistrato, String versioneRegole,
                     int massimoAlloggiPerDomanda, boolean riserveCategorie, Instant predispostoIl, String predispostoDa,
                     List<String> avvertenze) {
        static AvvisoDto di(Avviso a, StatoAvviso stato) {
            List<String> avvertenze = a.getAvvertenze() == null ? List.of() : Arrays.asList(a.getAvvertenze().split("\n"));
            return new AvvisoDto(a.getId(), a.getAmbito().getCodice(), a.getTitolo(), a.getTipo(), a.getApertura(),
                    a.getChiusura(), a.fineSelezioneAlloggi(), stato, a.getStato(), a.getVersioneRegole(),
                    a.getMassimoAlloggiPerDomanda(), a.isRiserveCategorie(),
                    a.getPredispostoIl(), a.getPredispostoDa(), avvertenze);
        }
    }

    record AlloggioInAvvisoDto(long alloggioId, String codiceUi, String ente, String comune, String indirizzo,
                               TipologiaAlloggioInAvviso tipologia, StatoAlloggio statoInAvviso, StatoAlloggio statoInAnagrafe,
                               String tipologiaRiscaldamento, BigDecimal speseAnnueUtenze, String interventi,
                               BigDecimal costoInterventi, String inseritoDa, Instant inseritoIl) {
        static AlloggioInAvvisoDto di(AlloggioInAvviso a) {
            return new AlloggioInAvvisoDto(a.getAlloggio().getId(), a.getAlloggio().getCodiceUi(),
                    a.getAlloggio().getEnte().getRagioneSociale(), a.getAlloggio().getComune().getNome(),
                    a.getAlloggio().getIndirizzo(), a.getTipologia(), a.getStatoInAvviso(), a.getAlloggio().getStato(),
                    a.getTipologiaRiscaldamento(), a.getSpeseAnnueUtenze(), a.getInterventi(), a.getCostoInterventi(),
                    a.getInseritoDa(), a.getInseritoIl());
        }
    }

    private final AvvisoService avvisi;
    private final RegoleDellAvviso regole;

    AvvisiController(AvvisoService avvisi, RegoleDellAvviso regole) {
        this.avvisi = avvisi;
        this.regole = regole;
    }

    /** @param descrizione the same readable description as {@code GET /api/regole/in-vigore}, for this avviso's binding */
    record RegoleAvvisoDto(long avvisoId, String passoNormativo, int massimoAlloggiPerDomanda, boolean riserveCategorie,
                           java.util.Map<String, Integer> versioni, boolean congelate, QuadroNormativo descrizione) {
    }

    @GetMapping("/{id}/regole")
    @Operation(summary = "Le versioni delle regole a cui l'avviso è vincolato (quelle in vigore il giorno della predisposizione), "
            + "se il vincolo è congelato (lo è dalla prima domanda) e la descrizione leggibile: passo normativo con etichetta "
            + "e riferimenti, parametri, date di validità e motivo di ogni versione")
    RegoleAvvisoDto regole(@PathVariable long id) {
        Avviso avviso = avvisi.avviso(id);
        RegoleDellAvviso.Descritte descritte = regole.descritte(id);
        return new RegoleAvvisoDto(id, avviso.getVersioneRegole(), avviso.getMassimoAlloggiPerDomanda(),
                avviso.isRiserveCategorie(), descritte.vincolo().versioni(), descritte.congelato(), descritte.descrizione());
    }

    @PostMapping
    @Operation(summary = "Predispone un avviso (Comune capofila): apre da sé la selezione degli alloggi per gli enti dell'ambito")
    ResponseEntity<AvvisoDto> predisponi(@Valid @RequestBody RichiestaPredisposizione body) {
        AvvisoService.AvvisoPredisposto predisposto = avvisi.predisponi(new AvvisoService.Predisposizione(
                body.ambito(), body.titolo(), body.tipo(), body.apertura(), body.chiusura()));
        Avviso avviso = predisposto.avviso();
        return ResponseEntity.created(URI.create("/api/avvisi/" + avviso.getId())).body(AvvisoDto.di(avviso, avviso.getStato()));
    }

    @GetMapping
    @Operation(summary = "Gli avvisi di un ambito, dal più recente")
    List<AvvisoDto> elenco(@RequestParam String ambito) {
        return avvisi.avvisiDi(ambito).stream().map(a -> AvvisoDto.di(a, avvisi.finestra(a).stato())).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "Un avviso, con lo stato e la versione delle regole a cui è vincolato. Lo stato segue le date "
            + "dell'avviso (APERTO dall'apertura, CHIUSO dalla chiusura) anche se il motore non le ha ancora registrate; "
            + "statoRegistrato è quello del motore, da cui dipendono le graduatorie")
    AvvisoDto avviso(@PathVariable long id) {
        Avviso avviso = avvisi.avviso(id);
        return AvvisoDto.di(avviso, avvisi.finestra(avviso).stato());
    }

    @PostMapping("/{id}/alloggi")
    @Operation(summary = "L'ente inserisce un proprio alloggio nell'avviso, durante la finestra di selezione")
    ResponseEntity<AlloggioInAvvisoDto> aggiungiAlloggio(@PathVariable long id, @Valid @RequestBody RichiestaAlloggio body) {
        AlloggioInAvviso inserito = avvisi.aggiungiAlloggio(id, new AvvisoService.NuovoAlloggioInAvviso(body.alloggioId(),
                body.tipologia(), body.tipologiaRiscaldamento(), body.speseAnnueUtenze(), body.interventi(),
                body.costoInterventi()));
        return ResponseEntity.created(URI.create("/api/avvisi/" + id + "/alloggi")).body(AlloggioInAvvisoDto.di(inserito));
    }

    @DeleteMapping("/{id}/alloggi/{alloggioId}")
    @Operation(summary = "L'ente ritira un proprio alloggio dall'avviso, durante la finestra di selezione")
    ResponseEntity<Void> ritiraAlloggio(@PathVariable long id, @PathVariable long alloggioId) {
        avvisi.ritiraAlloggio(id, alloggioId);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/alloggi")
    @Operation(summary = "Gli alloggi inseriti nell'avviso")
    List<AlloggioInAvvisoDto> alloggi(@PathVariable long id) {
        return avvisi.alloggiDi(id).stream().map(AlloggioInAvvisoDto::di).toList();
    }
}
