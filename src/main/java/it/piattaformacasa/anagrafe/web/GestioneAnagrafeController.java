package it.piattaformacasa.anagrafe.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.piattaformacasa.anagrafe.DatiAlloggio;
import it.piattaformacasa.anagrafe.DatiFabbricato;
import it.piattaformacasa.anagrafe.DestinazioneUso;
import it.piattaformacasa.anagrafe.Fabbricato;
import it.piattaformacasa.anagrafe.GestioneAnagrafeService;
import it.piattaformacasa.anagrafe.ImportazioneAnagrafeService;
import it.piattaformacasa.anagrafe.ImportazioneAnagrafeService.EsitoImportazione;
import it.piattaformacasa.anagrafe.RegistroAnagrafe;
import it.piattaformacasa.anagrafe.StatoAlloggio;
import it.piattaformacasa.anagrafe.web.AnagrafeDto.AlloggioDto;
import it.piattaformacasa.common.DatiNonValidiException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The Anagrafe an ente keeps (issue 13): its Gestione Avviso operators create, change and retire fabbricati and
 * alloggi and load the patrimonio from a spreadsheet. Bounds here; every rule in {@link GestioneAnagrafeService} and
 * {@link ImportazioneAnagrafeService}, which the console's forms call too.
 */
@RestController
@Tag(name = "Anagrafe: gestione", description = "Fabbricati e alloggi dell'ente: inserimento, modifica, ritiro, importazione da Excel")
class GestioneAnagrafeController {

    record AlloggioBody(@NotNull(message = "l'ente è obbligatorio") Long enteId,
                        @Size(max = 40, message = "al massimo 40 caratteri") String codiceUi,
                        Long fabbricatoId,
                        @Size(max = 6, message = "codice ISTAT di sei cifre") String codiceIstatComune,
                        @Size(max = 120, message = "al massimo 120 caratteri") String zonaLocalita,
                        @Size(max = 200, message = "al massimo 200 caratteri") String indirizzo,
                        @Size(max = 10, message = "al massimo 10 caratteri") String scala,
                        @Size(max = 10, message = "al massimo 10 caratteri") String interno,
                        Integer piano,
                        @Digits(integer = 4, fraction = 2, message = "superficie in m² con al massimo due decimali e quattro cifre intere")
                        BigDecimal superficieUtile,
                        Integer vani, Boolean ascensore, Boolean barriereArchitettoniche, DestinazioneUso destinazioneUso,
                        StatoAlloggio stato) {
        DatiAlloggio dati() {
            return new DatiAlloggio(codiceUi, fabbricatoId, codiceIstatComune, zonaLocalita, indirizzo, scala, interno, piano,
                    superficieUtile, vani, ascensore, barriereArchitettoniche, destinazioneUso, stato);
        }
    }

    /** The whole alloggio as it should be, with the version read: another change in between is a 409. */
    record ModificaAlloggioBody(@NotNull(message = "la versione letta è obbligatoria") Long version,
                                @Size(max = 40, message = "al massimo 40 caratteri") String codiceUi,
                                Long fabbricatoId,
                                @Size(max = 6, message = "codice ISTAT di sei cifre") String codiceIstatComune,
                                @Size(max = 120, message = "al massimo 120 caratteri") String zonaLocalita,
                                @Size(max = 200, message = "al massimo 200 caratteri") String indirizzo,
                                @Size(max = 10, message = "al massimo 10 caratteri") String scala,
                                @Size(max = 10, message = "al massimo 10 caratteri") String interno,
                                Integer piano,
                                @Digits(integer = 4, fraction = 2, message = "superficie in m² con al massimo due decimali e quattro cifre intere")
                                BigDecimal superficieUtile,
                                Integer vani, Boolean ascensore, Boolean barriereArchitettoniche, DestinazioneUso destinazioneUso,
                                StatoAlloggio stato) {
        DatiAlloggio dati() {
            return new DatiAlloggio(codiceUi, fabbricatoId, codiceIstatComune, zonaLocalita, indirizzo, scala, interno, piano,
                    superficieUtile, vani, ascensore, barriereArchitettoniche, destinazioneUso, stato);
        }
    }

    record RitiroBody(@NotNull(message = "la versione letta è obbligatoria") Long version,
                      @Size(max = 500, message = "al massimo 500 caratteri") String motivo) {
    }

    record FabbricatoBody(@NotNull(message = "l'ente è obbligatorio") Long enteId,
                          @Size(max = 40, message = "al massimo 40 caratteri") String codice,
                          @Size(max = 6, message = "codice ISTAT di sei cifre") String codiceIstatComune,
                          @Size(max = 200, message = "al massimo 200 caratteri") String indirizzo,
                          @Size(max = 120, message = "al massimo 120 caratteri") String zonaLocalita,
                          Integer annoCostruzione, Integer numeroPiani, Boolean ascensore) {
    }

    record ModificaFabbricatoBody(@NotNull(message = "la versione letta è obbligatoria") Long version,
                                  @Size(max = 40, message = "al massimo 40 caratteri") String codice,
                                  @Size(max = 6, message = "codice ISTAT di sei cifre") String codiceIstatComune,
                                  @Size(max = 200, message = "al massimo 200 caratteri") String indirizzo,
                                  @Size(max = 120, message = "al massimo 120 caratteri") String zonaLocalita,
                                  Integer annoCostruzione, Integer numeroPiani, Boolean ascensore) {
    }

    record RitiroFabbricatoBody(@NotNull(message = "la versione letta è obbligatoria") Long version) {
    }

    record FabbricatoDto(long id, String codice, long enteId, String ente, String comune, String codiceIstatComune,
                         String indirizzo, String zonaLocalita, Integer annoCostruzione, Integer numeroPiani, boolean ascensore,
                         long version, Instant ritiratoIl) {
        static FabbricatoDto di(Fabbricato f) {
            return new FabbricatoDto(f.getId(), f.getCodice(), f.getEnte().getId(), f.getEnte().getRagioneSociale(),
                    f.getComune().getNome(), f.getComune().getCodiceIstat(), f.getIndirizzo(), f.getZonaLocalita(),
                    f.getAnnoCostruzione(), f.getNumeroPiani(), f.isAscensore(), f.getVersion(), f.getRitiratoIl());
        }
    }

    private final GestioneAnagrafeService gestione;
    private final ImportazioneAnagrafeService importazioni;

    GestioneAnagrafeController(GestioneAnagrafeService gestione, ImportazioneAnagrafeService importazioni) {
        this.gestione = gestione;
        this.importazioni = importazioni;
    }

    @PostMapping("/api/alloggi")
    @Operation(summary = "Registra un alloggio dell'ente (operatori dell'ente con Gestione Avviso); 409 se il codice esiste già")
    ResponseEntity<AlloggioDto> crea(@Valid @RequestBody AlloggioBody body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(AlloggioDto.di(gestione.creaAlloggio(body.enteId(), body.dati())));
    }

    @PutMapping("/api/alloggi/{id}")
    @Operation(summary = "Modifica un alloggio con la versione letta (409 se nel frattempo è cambiato, o se un avviso non chiuso "
            + "o un'assegnazione in corso dipendono dal suo stato)")
    AlloggioDto modifica(@PathVariable long id, @Valid @RequestBody ModificaAlloggioBody body) {
        return AlloggioDto.di(gestione.modificaAlloggio(id, body.version(), body.dati()));
    }

    @PostMapping("/api/alloggi/{id}/ritiro")
    @Operation(summary = "Ritira l'alloggio dall'Anagrafe con il motivo (resta per gli avvisi e le domande che lo citano)")
    AlloggioDto ritira(@PathVariable long id, @Valid @RequestBody RitiroBody body) {
        return AlloggioDto.di(gestione.ritiraAlloggio(id, body.version(), body.motivo()));
    }

    @GetMapping("/api/alloggi/{id}/registro")
    @Operation(summary = "Storico delle modifiche dell'alloggio: chi, quando, prima e dopo (la più recente prima)")
    List<RegistroAnagrafe.Voce> registro(@PathVariable long id) {
        return gestione.registroAlloggio(id);
    }

    @GetMapping("/api/fabbricati/{id}")
    @Operation(summary = "Un fabbricato (404 se non esiste o non è visibile all'utente)")
    FabbricatoDto fabbricato(@PathVariable long id) {
        return FabbricatoDto.di(gestione.fabbricato(id));
    }

    @PostMapping("/api/fabbricati")
    @Operation(summary = "Registra un fabbricato dell'ente (operatori dell'ente con Gestione Avviso)")
    ResponseEntity<FabbricatoDto> creaFabbricato(@Valid @RequestBody FabbricatoBody body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(FabbricatoDto.di(gestione.creaFabbricato(body.enteId(),
                new DatiFabbricato(body.codice(), body.codiceIstatComune(), body.indirizzo(), body.zonaLocalita(),
                        body.annoCostruzione(), body.numeroPiani(), body.ascensore()))));
    }

    @PutMapping("/api/fabbricati/{id}")
    @Operation(summary = "Modifica un fabbricato con la versione letta (409 se nel frattempo è cambiato)")
    FabbricatoDto modificaFabbricato(@PathVariable long id, @Valid @RequestBody ModificaFabbricatoBody body) {
        return FabbricatoDto.di(gestione.modificaFabbricato(id, body.version(), new DatiFabbricato(body.codice(),
                body.codiceIstatComune(), body.indirizzo(), body.zonaLocalita(), body.annoCostruzione(), body.numeroPiani(),
                body.ascensore())));
    }

    @PostMapping("/api/fabbricati/{id}/ritiro")
    @Operation(summary = "Ritira un fabbricato senza più alloggi in Anagrafe (409 altrimenti)")
    FabbricatoDto ritiraFabbricato(@PathVariable long id, @Valid @RequestBody RitiroFabbricatoBody body) {
        return FabbricatoDto.di(gestione.ritiraFabbricato(id, body.version()));
    }

    /**
     * The ente's patrimonio from a spreadsheet (multipart, part {@code file}). The caller's rights are checked before the
     * file is read, so another ente's operator gets 404/403 whatever it sends.
     */
    @PostMapping("/api/enti/{id}/anagrafe/importazione")
    @Operation(summary = "Importa il patrimonio dell'ente da un foglio Excel con le colonne dell'elenco degli alloggi: con righe "
            + "rifiutate non importa nulla (422 con le righe, le colonne e i motivi) salvo righeValide=true; idempotente sul codice")
    ResponseEntity<EsitoImportazione> importa(@PathVariable long id, @RequestParam(required = false) MultipartFile file,
                                              @RequestParam(defaultValue = "false") boolean righeValide) throws IOException {
        gestione.enteGestito(id);
        if (file == null || file.isEmpty()) {
            throw DatiNonValidiException.campo("file", "nessun file: inviare il foglio Excel (.xlsx) nella parte «file»");
        }
        EsitoImportazione esito = importazioni.importa(id, file.getOriginalFilename(), file.getBytes(), righeValide);
        return ResponseEntity.status(esito.esito() == ImportazioneAnagrafeService.Esito.NON_IMPORTATA
                ? HttpStatus.UNPROCESSABLE_ENTITY : HttpStatus.OK).body(esito);
    }

    @GetMapping("/api/enti/{id}/anagrafe/importazione/{importazioneId}")
    @Operation(summary = "Il resoconto di un'importazione: conteggi e righe rifiutate con colonna e motivo")
    EsitoImportazione esito(@PathVariable long id, @PathVariable long importazioneId) {
        EsitoImportazione esito = importazioni.esito(importazioneId);
        if (esito.enteId() != id) {
            throw new it.piattaformacasa.common.NonTrovatoException("Importazione " + importazioneId + " non trovata");
        }
        return esito;
    }
}
