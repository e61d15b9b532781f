package it.piattaformacasa.regole.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.piattaformacasa.regole.CasiDiTestRegole;
import it.piattaformacasa.regole.CasiDiTestRegole.Caso;
import it.piattaformacasa.regole.DescrizioneRegole;
import it.piattaformacasa.regole.PubblicazioneRegoleService;
import it.piattaformacasa.regole.QuadroNormativo;
import it.piattaformacasa.regole.RegistroRegole;
import it.piattaformacasa.regole.RepositoryRegole;
import it.piattaformacasa.common.DatiNonValidiException;
import it.piattaformacasa.common.web.TestoLibero;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

@RestController
@Tag(name = "Regole", description = "Versioni delle regole DMN (ISBAR, requisiti, riserve, ordine di assegnazione)")
class RegoleController {

    private final RepositoryRegole repository;
    private final CasiDiTestRegole casi;
    private final PubblicazioneRegoleService pubblicazione;
    private final RegistroRegole registro;
    private final DescrizioneRegole descrizione;

    RegoleController(RepositoryRegole repository, CasiDiTestRegole casi, PubblicazioneRegoleService pubblicazione,
                     RegistroRegole registro, DescrizioneRegole descrizione) {
        this.repository = repository;
        this.casi = casi;
        this.pubblicazione = pubblicazione;
        this.registro = registro;
        this.descrizione = descrizione;
    }

    @PostMapping("/api/regole/{nome}/versioni/{versione}/pubblicazione")
    @Operation(summary = "Chiede di pubblicare la versione (o di ripubblicarne una precedente: rollback). I casi di test "
            + "devono essere tutti superati; un altro analista approva in Tasklist o con /approvazione")
    @PreAuthorize("hasRole('ANALISTA')")
    ResponseEntity<RepositoryRegole.Versione> richiediPubblicazione(@PathVariable String nome, @PathVariable int versione,
                                                                    @RequestParam(required = false)
                                                                    @Size(max = 2000, message = "al massimo 2000 caratteri") String motivo,
                                                                    @RequestParam(required = false) LocalDate validoDal) {
        return ResponseEntity.accepted().body(pubblicazione.richiedi(nome, versione, validoDal, motivo));
    }

    record Decisione(@NotBlank(message = "APPROVATA o RESPINTA") @Pattern(regexp = "APPROVATA|RESPINTA", message = "APPROVATA o RESPINTA")
                     String esito,
                     @Size(max = 2000, message = "al massimo 2000 caratteri") @TestoLibero String nota) {
    }

    @PostMapping("/api/regole/{nome}/versioni/{versione}/approvazione")
    @Operation(summary = "Approva (APPROVATA) o respinge (RESPINTA) la pubblicazione richiesta: mai l'autore né chi l'ha chiesta")
    @PreAuthorize("hasRole('ANALISTA')")
    RepositoryRegole.Versione decidi(@PathVariable String nome, @PathVariable int versione,
                                     @Valid @org.springframework.web.bind.annotation.RequestBody Decisione decisione) {
        return pubblicazione.decidi(nome, versione, decisione.esito(), decisione.nota());
    }

    @GetMapping("/api/regole/in-vigore")
    @Operation(summary = "Che cosa vale per un avviso predisposto in un giorno (oggi se il parametro manca): passo normativo "
            + "con etichetta e riferimenti, alloggi per domanda, riserve per categorie (art. 14) e, per ogni insieme di "
            + "regole, la versione in vigore con le date di validità, lo stato e il motivo")
    @PreAuthorize("hasAnyRole('ANALISTA', 'SUPERVISORE', 'AMMINISTRATORE')")
    QuadroNormativo inVigore(@RequestParam(required = false) LocalDate il, jakarta.servlet.http.HttpServletRequest richiesta) {
        if (il == null && richiesta.getParameter("il") != null) {
            // «?il=» converts to null: a day asked for and not given is an error, not today
            throw DatiNonValidiException.campo("il", "data mancante: indicare il giorno nel formato aaaa-mm-gg (es. 2025-11-13) "
                    + "oppure omettere il parametro per oggi");
        }
        return il != null ? descrizione.inVigoreIl(il) : descrizione.inVigoreOggi();
    }

    @GetMapping("/api/regole/registro")
    @Operation(summary = "Registro delle modifiche alle regole e delle rivalutazioni: chi, quando, cosa, perché")
    @PreAuthorize("hasAnyRole('ANALISTA', 'SUPERVISORE', 'AMMINISTRATORE')")
    List<RegistroRegole.Voce> registro(@RequestParam(required = false) @Size(max = 100, message = "al massimo 100 caratteri") String nome,
                                       @RequestParam(required = false) Long avvisoId) {
        return registro.voci(nome, avvisoId);
    }

    @PostMapping("/api/regole/{nome}/versioni/{versione}/casi")
    @Operation(summary = "Aggiunge casi di test (input → decisioni attese) alla versione e li esegue tutti")
    @PreAuthorize("hasRole('ANALISTA')")
    List<CasiDiTestRegole.Esito> aggiungiCasi(@PathVariable String nome, @PathVariable int versione,
                                              @Valid @org.springframework.web.bind.annotation.RequestBody
                                              @Size(max = 500, message = "al massimo 500 casi per invio")
                                              List<@NotNull(message = "caso mancante") @Valid Caso> nuovi) {
        return casi.aggiungi(nome, versione, nuovi);
    }

    @GetMapping("/api/regole/{nome}/versioni/{versione}/casi")
    @Operation(summary = "Esegue i casi di test della versione: superati o no, con atteso e ottenuto")
    @PreAuthorize("hasAnyRole('ANALISTA', 'SUPERVISORE', 'AMMINISTRATORE')")
    List<CasiDiTestRegole.Esito> eseguiCasi(@PathVariable String nome, @PathVariable int versione) {
        return casi.esegui(nome, versione);
    }

    @GetMapping("/api/regole")
    @Operation(summary = "Le versioni di ogni insieme di regole: stato, validità, autore, approvatore, motivo, checksum")
    @PreAuthorize("hasAnyRole('ANALISTA', 'SUPERVISORE', 'AMMINISTRATORE')")
    List<RepositoryRegole.Versione> versioni() {
        return repository.versioni();
    }

    /** A new version and the outcome of the test cases it carries over from the previous one. */
    record VersioneCaricata(@com.fasterxml.jackson.annotation.JsonUnwrapped RepositoryRegole.Versione versione,
                            List<CasiDiTestRegole.Esito> casi) {
    }

    @PostMapping(value = "/api/regole/{nome}", consumes = {MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE,
            MediaType.APPLICATION_OCTET_STREAM_VALUE})
    @Operation(summary = "Carica un DMN (Camunda Modeler o editor KIE) come nuova versione: normalizzato per KIE e validato; "
            + "gli errori indicano decisione, regola e motivo e nulla viene salvato. La risposta riporta l'esito dei casi di "
            + "test ereditati dalla versione precedente")
    @PreAuthorize("hasRole('ANALISTA')")
    ResponseEntity<VersioneCaricata> carica(@PathVariable String nome,
                                            @RequestParam(required = false) @Size(max = 2000, message = "al massimo 2000 caratteri")
                                            String motivo,
                                            @RequestParam(required = false) LocalDate validoDal,
                                            jakarta.servlet.http.HttpServletRequest richiesta) throws java.io.IOException {
        if (richiesta.getContentLengthLong() > it.piattaformacasa.regole.NormalizzazioneDmn.DIMENSIONE_MASSIMA) {
            return ResponseEntity.status(org.springframework.http.HttpStatus.PAYLOAD_TOO_LARGE).build();
        }
        byte[] dmn = richiesta.getInputStream().readNBytes(it.piattaformacasa.regole.NormalizzazioneDmn.DIMENSIONE_MASSIMA + 1);
        RepositoryRegole.Versione versione = repository.carica(nome, dmn, motivo, validoDal);
        return ResponseEntity.created(URI.create("/api/regole/" + nome + "/versioni/" + versione.versione()))
                .body(new VersioneCaricata(versione, casi.esegui(nome, versione.versione())));
    }

    @GetMapping("/api/regole/{nome}/versioni/{versione}")
    @Operation(summary = "Il DMN di una versione, così come è stato importato")
    @PreAuthorize("hasAnyRole('ANALISTA', 'SUPERVISORE', 'AMMINISTRATORE')")
    ResponseEntity<String> sorgente(@PathVariable String nome, @PathVariable int versione) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(repository.sorgente(nome, versione));
    }
}
