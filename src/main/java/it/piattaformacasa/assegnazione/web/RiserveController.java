package it.piattaformacasa.assegnazione.web;

import java.math.BigDecimal;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.piattaformacasa.assegnazione.OrdineAssegnazioneService;
import it.piattaformacasa.assegnazione.PianoRiserveService;
import it.piattaformacasa.report.Tabella;
import it.piattaformacasa.report.web.Scaricamento;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@RestController
@Tag(name = "Riserve", description = "Alloggi dell'anno riservati a indigenti, categorie dell'art. 14 e forze dell'ordine")
class RiserveController {

    /** Bounds and types here; the ranges of the quotas are checked by the service, every field at once. */
    record ImpostazioneBody(@NotNull(message = "gli alloggi disponibili nell'anno sono obbligatori") Integer alloggiDisponibili,
                            @Digits(integer = 3, fraction = 2, message = "percentuale con al più due decimali") BigDecimal sogliaIndigentiComune,
                            @Digits(integer = 3, fraction = 2, message = "percentuale con al più due decimali") BigDecimal percentualeCategorie,
                            @Size(max = 10, message = "al più 10 categorie")
                            List<@NotNull(message = "categoria mancante") @Size(max = 40, message = "al più 40 caratteri") String> categorie,
                            @Digits(integer = 3, fraction = 2, message = "percentuale con al più due decimali") BigDecimal percentualeForzePolizia,
                            @Digits(integer = 3, fraction = 2, message = "percentuale con al più due decimali") BigDecimal percentualePoliziaLocale) {
    }

    private final PianoRiserveService piani;
    private final OrdineAssegnazioneService ordini;

    RiserveController(PianoRiserveService piani, OrdineAssegnazioneService ordini) {
        this.piani = piani;
        this.ordini = ordini;
    }

    @GetMapping("/api/enti/{enteId}/riserve/{anno}/stato-assegnazioni")
    @Operation(summary = "«Stato delle assegnazioni (articolo 14)»: per comune, alloggi riservati e assegnati per indigenti, "
            + "categorie (e per ciascuna categoria scelta) e forze dell'ordine")
    ResponseEntity<?> statoAssegnazioni(@PathVariable long enteId, @PathVariable int anno,
                                        @RequestParam(defaultValue = "json") String formato) {
        List<PianoRiserveService.StatoRiserva> stato = piani.statoAssegnazioni(enteId, anno);
        return Scaricamento.di(tabellaStato(stato), stato, formato, fileStato(enteId, anno));
    }

    /** The downloads of the «stato delle assegnazioni», here and in the console ({@link RiservePagine}). */
    static Tabella tabellaStato(List<PianoRiserveService.StatoRiserva> stato) {
        return it.piattaformacasa.assegnazione.TabellaStatoAssegnazioni.di(stato);
    }

    static String fileStato(long enteId, int anno) {
        return "stato-assegnazioni-" + enteId + "-" + anno;
    }

    @GetMapping("/api/graduatorie/{id}/ordine-assegnazione")
    @Operation(summary = "Chi viene dopo (art. 15): l'ordine in cui l'ente propone gli alloggi dalla graduatoria definitiva, "
            + "con il gruppo di precedenza e la regola che lo decide e le riserve dell'anno")
    OrdineAssegnazioneService.OrdineAssegnazione ordine(@PathVariable long id) {
        return ordini.ordine(id);
    }

    @PutMapping("/api/enti/{enteId}/riserve/{anno}/{codiceIstatComune}")
    @Operation(summary = "Imposta per l'anno e il comune gli alloggi disponibili e le quote del piano annuale; risponde con "
            + "gli alloggi riservati (indigenti per eccesso, categorie da 0,5 per eccesso, forze dell'ordine per eccesso)")
    PianoRiserveService.QuoteAnnuali imposta(@PathVariable long enteId, @PathVariable int anno,
                                             @PathVariable String codiceIstatComune,
                                             @Valid @RequestBody ImpostazioneBody body) {
        return piani.imposta(enteId, anno, codiceIstatComune, new PianoRiserveService.Impostazione(body.alloggiDisponibili(),
                body.sogliaIndigentiComune(), body.percentualeCategorie(), body.categorie(), body.percentualeForzePolizia(),
                body.percentualePoliziaLocale()));
    }

    @GetMapping("/api/enti/{enteId}/riserve/{anno}")
    @Operation(summary = "Le riserve dell'ente per l'anno, comune per comune, con gli alloggi riservati")
    List<PianoRiserveService.QuoteAnnuali> diAnno(@PathVariable long enteId, @PathVariable int anno) {
        return piani.diAnno(enteId, anno);
    }
}
