package it.piattaformacasa.operatori.web;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.piattaformacasa.common.DatiNonValidiException;
import it.piattaformacasa.operatori.AbilitazioniService;
import it.piattaformacasa.operatori.ModelloAbilitazioni;
import it.piattaformacasa.operatori.AbilitazioniService.VoceRegistro;
import it.piattaformacasa.operatori.RichiestaAbilitazione;
import it.piattaformacasa.operatori.RichiestaAbilitazione.Esito;
import it.piattaformacasa.operatori.RichiestaAbilitazione.Riga;
import it.piattaformacasa.operatori.RichiestaAbilitazione.Scarto;
import it.piattaformacasa.operatori.RichiestaAbilitazione.Stato;
import it.piattaformacasa.operatori.RichiestaAbilitazione.Tipo;

@RestController
@Tag(name = "Abilitazioni", description = "Richieste di abilitazione e disabilitazione degli operatori di un ente (seed 002) "
        + "e la loro validazione regionale")
class AbilitazioniController {

    /** A row of seed 002's model; the service checks it as a spreadsheet's row and reports every refusal at once. */
    record RigaBody(@Size(max = 200, message = "al più 200 caratteri") String ragioneSociale,
                    @Size(max = 200, message = "al più 200 caratteri") String nome,
                    @Size(max = 200, message = "al più 200 caratteri") String cognome,
                    @Size(max = 40, message = "al più 40 caratteri") String codiceFiscale,
                    @Size(max = 254, message = "al più 254 caratteri") String email,
                    @Size(max = 40, message = "al più 40 caratteri") String telefono,
                    @Size(max = 10, message = "SI o NO") String gestioneAvviso,
                    @Size(max = 10, message = "SI o NO") String istruttoriaDomande) {
        Riga riga() {
            return new Riga(0, ragioneSociale, nome, cognome, codiceFiscale, email, telefono, gestioneAvviso, istruttoriaDomande);
        }
    }

    record RichiestaBody(Tipo tipo,
                         @Size(max = ModelloAbilitazioni.RIGHE_MASSIME, message = "al più " + ModelloAbilitazioni.RIGHE_MASSIME
                                 + " operatori in una richiesta")
                         List<@NotNull(message = "riga vuota: ogni riga è un operatore") @Valid RigaBody> righe) {
    }

    record ValidazioneBody(Esito esito, @Size(max = 2000, message = "al più 2000 caratteri") String motivo) {
    }

    record RichiestaDto(long id, long enteId, String ente, Tipo tipo, Stato stato, String nomeFile, int righe, List<Riga> elenco,
                        List<Scarto> scarti, String inviataDa, Instant inviataIl, String validataDa, Instant validataIl,
                        String motivo, List<VoceRegistro> registro) {
        static RichiestaDto di(RichiestaAbilitazione r, boolean conRighe, List<VoceRegistro> registro) {
            return new RichiestaDto(r.getId(), r.getEnte().getId(), r.getEnte().getRagioneSociale(), r.getTipo(), r.getStato(),
                    r.getNomeFile(), r.getRighe().size(), conRighe ? r.getRighe() : List.of(), r.getScarti(), r.getInviataDa(),
                    r.getInviataIl(), r.getValidataDa(), r.getValidataIl(), r.getMotivo(), registro);
        }
    }

    private final AbilitazioniService abilitazioni;

    AbilitazioniController(AbilitazioniService abilitazioni) {
        this.abilitazioni = abilitazioni;
    }

    /**
     * Seed 002's model as a spreadsheet (multipart: part {@code file}, field {@code tipo}). The caller's rights are
     * checked before the file is read.
     */
    @PostMapping(path = "/api/enti/{id}/abilitazioni", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Invia il modello di abilitazione (o disabilitazione) degli operatori dell'ente come foglio Excel: con "
            + "righe rifiutate la richiesta non parte (422 con riga, colonna e motivo); altrimenti va alla validazione regionale")
    ResponseEntity<RichiestaDto> richiediDaFile(@PathVariable long id, @RequestParam(required = false) MultipartFile file,
                                                @RequestParam(required = false) String tipo) throws IOException {
        abilitazioni.enteDelReferente(id);
        if (file == null || file.isEmpty()) {
            throw DatiNonValidiException.campo("file", "nessun file: inviare il modello Excel (.xlsx) nella parte «file»");
        }
        return risposta(abilitazioni.richiedi(id, tipo(tipo), file.getOriginalFilename(), file.getBytes()));
    }

    @PostMapping(path = "/api/enti/{id}/abilitazioni", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Invia le righe del modello di abilitazione scritte nella console: stesse verifiche del foglio Excel")
    ResponseEntity<RichiestaDto> richiedi(@PathVariable long id, @Valid @RequestBody RichiestaBody body) {
        abilitazioni.enteDelReferente(id);
        if (body == null || body.righe() == null) {
            throw DatiNonValidiException.campo("righe", "nessun operatore: indicare le righe del modello");
        }
        return risposta(abilitazioni.richiedi(id, body.tipo(), body.righe().stream().map(RigaBody::riga).toList()));
    }

    private static Tipo tipo(String tipo) {
        if (tipo == null || tipo.isBlank()) {
            return Tipo.ABILITAZIONE;
        }
        try {
            return Tipo.valueOf(tipo.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DatiNonValidiException.campo("tipo", "indicare ABILITAZIONE o DISABILITAZIONE");
        }
    }

    private static ResponseEntity<RichiestaDto> risposta(RichiestaAbilitazione richiesta) {
        return ResponseEntity.status(richiesta.getStato() == Stato.NON_INVIATA ? HttpStatus.UNPROCESSABLE_ENTITY : HttpStatus.CREATED)
                .body(RichiestaDto.di(richiesta, true, List.of()));
    }

    @GetMapping("/api/enti/{id}/abilitazioni")
    @Operation(summary = "Le richieste di abilitazione dell'ente, dalla più recente, con stato e righe rifiutate")
    List<RichiestaDto> richieste(@PathVariable long id) {
        return abilitazioni.richieste(id).stream().map(r -> RichiestaDto.di(r, false, List.of())).toList();
    }

    @GetMapping("/api/enti/{id}/abilitazioni/{richiestaId}")
    @Operation(summary = "Una richiesta di abilitazione: righe, righe rifiutate, esito e ciò che l'approvazione ha cambiato")
    RichiestaDto richiesta(@PathVariable long id, @PathVariable long richiestaId) {
        return RichiestaDto.di(abilitazioni.richiesta(id, richiestaId), true, abilitazioni.registro(id, richiestaId));
    }

    @GetMapping("/api/abilitazioni/da-validare")
    @Operation(summary = "Le richieste in attesa di validazione (solo validatori regionali)")
    List<RichiestaDto> daValidare() {
        return abilitazioni.daValidare().stream().map(r -> RichiestaDto.di(r, false, List.of())).toList();
    }

    @PostMapping("/api/abilitazioni/{richiestaId}/validazione")
    @Operation(summary = "Il validatore regionale approva o respinge (motivo obbligatorio) una richiesta: non chi l'ha inviata; "
            + "in alternativa a Tasklist")
    RichiestaDto valida(@PathVariable long richiestaId, @Valid @RequestBody ValidazioneBody body) {
        if (body == null) {
            throw DatiNonValidiException.campo("esito", "indicare APPROVATA o RESPINTA");
        }
        RichiestaAbilitazione richiesta = abilitazioni.valida(richiestaId, body.esito(), body.motivo());
        return RichiestaDto.di(richiesta, true, List.of());
    }
}
