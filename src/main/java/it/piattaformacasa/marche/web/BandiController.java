package it.piattaformacasa.marche.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
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
import it.piattaformacasa.common.NonTrovatoException;
import it.piattaformacasa.marche.Bando;
import it.piattaformacasa.marche.BandiService;
import it.piattaformacasa.marche.GrigliaCondizioni;
import it.piattaformacasa.marche.PunteggioGriglia;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The bandi of a Marche Comune and their grid (issue 15, seed 004): list, «Nuovo bando», the bando, «Elimina», the
 * «Condizioni» with «Copia da modello» and «Salva». Every rule is {@link BandiService}'s, shared with the console.
 */
@RestController
@RequestMapping("/api/marche/bandi")
@Tag(name = "Bandi (Regione Marche)", description = "Bandi dei Comuni con profilo regionale Marche e griglia delle condizioni "
        + "soggettive e oggettive di ciascun bando, versionata")
class BandiController {

    record NuovoBando(Long enteId, @Size(max = 20, message = "al più 20 caratteri") String numero, LocalDate dataPubblicazione,
                      LocalDate dataScadenza, LocalDate dataScadenzaEstero) {
    }

    record BandoDto(long id, long enteId, String ente, String numero, int anno, LocalDate dataPubblicazione,
                    LocalDate dataScadenza, LocalDate dataScadenzaEstero, String creatoDa, Instant creatoIl,
                    int versioneCondizioni, long domande, boolean eliminabile, boolean condizioniModificabili) {

        static BandoDto di(Bando b) {
            return new BandoDto(b.id(), b.enteId(), b.ente(), b.numero(), b.anno(), b.dataPubblicazione(), b.dataScadenza(),
                    b.dataScadenzaEstero(), b.creatoDa(), b.creatoIl(), b.versioneCondizioni(), b.domande(), b.eliminabile(),
                    b.condizioniModificabili());
        }
    }

    /** A band; points and bounds with at most two decimals. */
    record FasciaBody(@Size(max = 500, message = "al più 500 caratteri") String testo,
                      @Digits(integer = 3, fraction = 2, message = "punti con al più tre cifre intere e due decimali") BigDecimal punti,
                      @Digits(integer = 7, fraction = 2, message = "limite con al più sette cifre intere e due decimali") BigDecimal oltre,
                      @Digits(integer = 7, fraction = 2, message = "limite con al più sette cifre intere e due decimali") BigDecimal finoA,
                      boolean perOgni) {
    }

    record CondizioneBody(@Size(max = 20, message = "al più 20 caratteri") String codice,
                          @Size(max = 1000, message = "al più 1000 caratteri") String testo,
                          @Size(max = 30, message = "al più 30 caratteri") String parametro,
                          @Size(max = 30, message = "al più 30 caratteri") String gruppoNonCumulabile,
                          @Valid @Size(max = 6, message = "al più 6 fasce, dalla a alla f")
                          List<@NotNull(message = "fascia mancante") @Valid FasciaBody> fasce) {
    }

    /** The whole grid; {@code versioneBase}: the version edited (optional; another save since then is a 409). */
    record GrigliaBody(Integer versioneBase,
                       @Valid @NotNull(message = "obbligatorie: le condizioni del bando")
                       @Size(max = 16, message = "al più 16 condizioni: SOGGETTIVA 1-10 e OGGETTIVA 1-5 con 3 bis")
                       List<@NotNull(message = "condizione mancante") @Valid CondizioneBody> condizioni) {

        GrigliaCondizioni griglia() {
            return new GrigliaCondizioni(condizioni.stream().map(c -> new GrigliaCondizioni.Condizione(c.codice(), c.testo(),
                    c.parametro(), c.gruppoNonCumulabile(), false, null, c.fasce() == null ? List.of() : c.fasce().stream()
                    .map(f -> new GrigliaCondizioni.Fascia(f.testo(), f.punti(), f.oltre(), f.finoA(), f.perOgni(), false, null))
                    .toList())).toList());
        }
    }

    record CondizioniDto(long bandoId, int versione, String origine, String salvataDa, Instant salvataIl, boolean modificabili,
                         List<GrigliaCondizioni.Condizione> condizioni) {

        static CondizioniDto di(BandiService.VersioneCondizioni v, Bando bando) {
            return new CondizioniDto(v.bandoId(), v.versione(), v.origine(), v.salvataDa(), v.salvataIl(),
                    bando.condizioniModificabili(), v.griglia().condizioni());
        }
    }

    /**
     * «Prova il punteggio»: what the desk would send for a domanda. Keys as the grid names them: {@code valori} by
     * parameter (ISEE, COMPONENTI…), {@code spuntate} and {@code ripetizioni} by condition (OGGETTIVA_5…).
     */
    record ProvaBody(@Min(value = 1, message = "una versione delle condizioni, da 1") Integer versione,
                     @Size(max = 7, message = "al più 7 parametri")
                     Map<@Size(max = 30, message = "al più 30 caratteri") String,
                             @NotNull(message = "valore mancante") @Digits(integer = 7, fraction = 2,
                                     message = "al più sette cifre intere e due decimali") BigDecimal> valori,
                     @Size(max = 16, message = "al più 16 condizioni")
                     Map<@Size(max = 20, message = "al più 20 caratteri") String,
                             @NotNull(message = "fasce mancanti") @Size(max = 6, message = "al più 6 fasce")
                             List<@NotNull(message = "fascia mancante") @Size(max = 1, message = "una lettera, dalla a alla f") String>> spuntate,
                     @Size(max = 16, message = "al più 16 condizioni")
                     Map<@Size(max = 20, message = "al più 20 caratteri") String,
                             @NotNull(message = "ripetizioni mancanti") @Min(value = 0, message = "non negative")
                             @Max(value = 1000, message = "al più 1000") Integer> ripetizioni) {
    }

    record VoceDto(String condizione, String etichetta, String fascia, String testo, BigDecimal punti, String spiegazione,
                   boolean contata) {
    }

    record PunteggioDto(long bandoId, int versione, BigDecimal totale, List<VoceDto> voci) {

        static PunteggioDto di(long bandoId, BandiService.VersioneEPunteggio p) {
            return new PunteggioDto(bandoId, p.versione(), p.punteggio().totale(), p.punteggio().voci().stream()
                    .map(v -> new VoceDto(v.condizione().name(), v.condizione().etichetta(), v.fascia(), v.testo(), v.punti(),
                            v.spiegazione(), v.contata())).toList());
        }
    }

    private final BandiService bandi;

    BandiController(BandiService bandi) {
        this.bandi = bandi;
    }

    @GetMapping
    @Operation(summary = "I bandi che il chiamante vede (quelli dei Comuni con profilo Marche per cui è abilitato; tutti per "
            + "supervisori e amministratori)")
    List<BandoDto> elenco() {
        return bandi.bandi().stream().map(BandoDto::di).toList();
    }

    @PostMapping
    @Operation(summary = "«Nuovo bando» (operatori con la gestione avviso di un Comune con profilo Marche): numero, data di "
            + "pubblicazione, scadenza e scadenza per i residenti all'estero")
    ResponseEntity<BandoDto> crea(@Valid @RequestBody NuovoBando body) {
        Bando bando = bandi.crea(body.enteId(), body.numero(), body.dataPubblicazione(), body.dataScadenza(),
                body.dataScadenzaEstero());
        return ResponseEntity.created(URI.create("/api/marche/bandi/" + bando.id())).body(BandoDto.di(bando));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Il bando, con la versione corrente della griglia e il numero di domande")
    BandoDto bando(@PathVariable long id) {
        return BandoDto.di(bandi.bando(id));
    }

    record ModificaBando(@Size(max = 20, message = "al più 20 caratteri") String numero, LocalDate dataPubblicazione,
                         LocalDate dataScadenza, LocalDate dataScadenzaEstero) {
    }

    @PutMapping("/{id}")
    @Operation(summary = "«Modifica» il bando: numero, data di pubblicazione, scadenze; con domande già inserite le date "
            + "devono ancora comprenderle")
    BandoDto modifica(@PathVariable long id, @Valid @RequestBody ModificaBando body) {
        return BandoDto.di(bandi.modifica(id, body.numero(), body.dataPubblicazione(), body.dataScadenza(),
                body.dataScadenzaEstero()));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "«Elimina» il bando: solo se non esistono domande collegate (409 altrimenti)")
    ResponseEntity<Void> elimina(@PathVariable long id) {
        bandi.elimina(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/condizioni")
    @Operation(summary = "La griglia delle condizioni del bando: la versione corrente, o quella indicata")
    CondizioniDto condizioni(@PathVariable long id, @RequestParam(required = false) Integer versione) {
        Bando bando = bandi.bando(id);
        return bandi.condizioni(id, versione).map(v -> CondizioniDto.di(v, bando)).orElseThrow(() -> new NonTrovatoException(
                versione == null ? "Il bando non ha ancora condizioni: «Copia da modello» o «Salva» le definiscono"
                        : "Versione " + versione + " delle condizioni non trovata"));
    }

    @PostMapping("/{id}/condizioni/copia-da-modello")
    @Operation(summary = "«Copia da modello»: la griglia del bando tipo della Regione diventa la nuova versione delle condizioni")
    ResponseEntity<CondizioniDto> copiaDaModello(@PathVariable long id) {
        BandiService.VersioneCondizioni v = bandi.copiaDaModello(id);
        return ResponseEntity.created(URI.create("/api/marche/bandi/" + id + "/condizioni?versione=" + v.versione()))
                .body(CondizioniDto.di(v, bandi.bando(id)));
    }

    @PutMapping("/{id}/condizioni")
    @Operation(summary = "«Salva» la griglia: una nuova versione, se valida (punti non negativi, fasce non sovrapposte, gruppi "
            + "non cumulabili coerenti); 409 quando il bando ha già domande")
    CondizioniDto salva(@PathVariable long id, @Valid @RequestBody GrigliaBody body) {
        BandiService.VersioneCondizioni v = bandi.salvaCondizioni(id, body.griglia(), body.versioneBase());
        return CondizioniDto.di(v, bandi.bando(id));
    }

    @GetMapping("/{id}/condizioni/dmn")
    @Operation(summary = "Le regole DMN derivate dalla griglia (versione corrente o indicata): una tabella decisionale per "
            + "condizione, da aprire con Camunda Modeler o bpmn.io; la griglia resta la fonte")
    ResponseEntity<String> dmn(@PathVariable long id, @RequestParam(required = false) Integer versione) {
        BandiService.DmnCondizioniBando dmn = bandi.dmn(id, versione);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(dmn.nomeFile()).build().toString())
                .body(dmn.xml());
    }

    @PostMapping("/{id}/condizioni/prova")
    @Operation(summary = "«Prova il punteggio»: il punteggio che avrebbe una domanda con questi dati (valori dei parametri, "
            + "fasce spuntate, ripetizioni delle fasce «per ogni»), con la spiegazione di ogni fascia; non salva nulla")
    PunteggioDto prova(@PathVariable long id, @Valid @RequestBody ProvaBody body) {
        PunteggioGriglia.DatiPunteggio dati = DatiDellaProva.dati(body.valori(), body.spuntate(), body.ripetizioni());
        return PunteggioDto.di(id, bandi.prova(id, body.versione(), dati));
    }
}
