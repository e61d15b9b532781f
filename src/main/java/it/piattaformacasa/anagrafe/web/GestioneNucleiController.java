package it.piattaformacasa.anagrafe.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.piattaformacasa.anagrafe.AnagrafeService;
import it.piattaformacasa.anagrafe.DatiComponente;
import it.piattaformacasa.anagrafe.GestioneNucleiService;
import it.piattaformacasa.anagrafe.NucleoFamiliare;
import it.piattaformacasa.anagrafe.RelazioneParentela;
import it.piattaformacasa.anagrafe.StatoAlloggio;
import it.piattaformacasa.common.AccessoNegatoException;
import it.piattaformacasa.common.NonTrovatoException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The nuclei assegnatari the ente keeps (issue 13): register the household of an OCCUPATO alloggio, change its members,
 * end the assignment. Bounds here; every rule in {@link GestioneNucleiService}, which the console's forms call too.
 */
@RestController
@Tag(name = "Anagrafe: nuclei assegnatari", description = "Nuclei assegnatari degli alloggi dell'ente: registrazione, modifica, termine")
class GestioneNucleiController {

    record ComponenteBody(@Size(max = 16, message = "16 caratteri") String codiceFiscale,
                          @Size(max = 100, message = "al massimo 100 caratteri") String nome,
                          @Size(max = 100, message = "al massimo 100 caratteri") String cognome,
                          LocalDate dataNascita, RelazioneParentela relazione) {
        DatiComponente dati() {
            return new DatiComponente(codiceFiscale, nome, cognome, dataNascita, relazione);
        }
    }

    /** The members as they should be, with the version read (the alloggio's to register, the nucleo's to change). */
    record NucleoBody(@NotNull(message = "la versione letta è obbligatoria") Long version,
                      @Size(max = 20, message = "al massimo 20 componenti") List<@NotNull(message = "componente mancante") @Valid ComponenteBody> componenti) {
        List<DatiComponente> dati() {
            return componenti == null ? null : componenti.stream().map(c -> c == null ? null : c.dati()).toList();
        }
    }

    record TermineBody(@NotNull(message = "la versione letta è obbligatoria") Long version,
                       LocalDate data,
                       @Size(max = 500, message = "al massimo 500 caratteri") String motivo,
                       StatoAlloggio statoAlloggio) {
    }

    record ComponenteDto(String codiceFiscale, String nome, String cognome, LocalDate dataNascita, RelazioneParentela relazione) {
    }

    record NucleoDto(long id, long alloggioId, String codiceUi, long version, boolean attuale, LocalDate terminatoIl,
                     String motivoTermine, Instant registratoIl, List<ComponenteDto> componenti) {
        static NucleoDto di(NucleoFamiliare n) {
            return new NucleoDto(n.getId(), n.getAlloggio().getId(), n.getAlloggio().getCodiceUi(), n.getVersion(), n.isAttuale(),
                    n.getTerminatoIl(), n.getMotivoTermine(), n.getCreatoIl(), n.getComponenti().stream()
                    .map(c -> new ComponenteDto(c.getCodiceFiscale().valore(), c.getNome(), c.getCognome(), c.getDataNascita(),
                            c.getRelazione())).toList());
        }
    }

    private final GestioneNucleiService nuclei;
    private final AnagrafeService anagrafe;

    GestioneNucleiController(GestioneNucleiService nuclei, AnagrafeService anagrafe) {
        this.nuclei = nuclei;
        this.anagrafe = anagrafe;
    }

    @GetMapping("/api/alloggi/{id}/nucleo")
    @Operation(summary = "Il nucleo assegnatario attuale dell'alloggio con la sua versione (404 se non ce n'è; 403 a chi non vede "
            + "le persone dell'ente)")
    NucleoDto attuale(@PathVariable long id) {
        var alloggio = anagrafe.alloggio(id);
        if (!anagrafe.vedeNuclei(alloggio.getEnte().getId())) {
            throw new AccessoNegatoException("I nuclei assegnatari sono visibili solo agli operatori dell'ente e ai supervisori");
        }
        return nuclei.nucleoAttuale(id).map(NucleoDto::di)
                .orElseThrow(() -> new NonTrovatoException("L'alloggio " + alloggio.getCodiceUi() + " non ha un nucleo assegnatario"));
    }

    @PostMapping("/api/alloggi/{id}/nucleo")
    @Operation(summary = "Registra il nucleo assegnatario di un alloggio OCCUPATO che non ne ha (versione dell'alloggio letta)")
    ResponseEntity<NucleoDto> registra(@PathVariable long id, @Valid @RequestBody NucleoBody body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(NucleoDto.di(nuclei.registra(id, body.version(), body.dati())));
    }

    @PutMapping("/api/nuclei/{id}")
    @Operation(summary = "Modifica i componenti del nucleo assegnatario (versione del nucleo letta; 409 se nel frattempo è cambiato)")
    NucleoDto modifica(@PathVariable long id, @Valid @RequestBody NucleoBody body) {
        return NucleoDto.di(nuclei.modifica(id, body.version(), body.dati()));
    }

    @PostMapping("/api/nuclei/{id}/termine")
    @Operation(summary = "Termina l'assegnazione: data (non futura), motivo, nuovo stato dell'alloggio (LIBERO o SFITTO_…)")
    NucleoDto termina(@PathVariable long id, @Valid @RequestBody TermineBody body) {
        return NucleoDto.di(nuclei.termina(id, body.version(), body.data(), body.motivo(), body.statoAlloggio()));
    }
}
