package it.piattaformacasa.marche.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
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
import it.piattaformacasa.common.DatiNonValidiException;
import it.piattaformacasa.common.NonTrovatoException;
import it.piattaformacasa.marche.ContenitoreCondizione;
import it.piattaformacasa.marche.DomandaMarche;
import it.piattaformacasa.marche.DomandeBandoService;
import it.piattaformacasa.marche.GrigliaCondizioni;
import it.piattaformacasa.marche.ParametroCondizione;
import it.piattaformacasa.marche.PunteggioGriglia;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The desk of a Marche Comune (issue 15, seed 004 «Inserisci domanda», «Ricerca domande»): a domanda is created with
 * passo 1 and each later step is saved on its own, naming the {@code version} it was edited from. Every rule is
 * {@link DomandeBandoService}'s, shared with the console.
 */
@RestController
@RequestMapping("/api/marche")
@Tag(name = "Domande dei bandi (Regione Marche)", description = "Sportello del Comune: inserimento delle domande in cinque "
        + "passi, ricerca, eliminazione e punteggio della griglia del bando")
class DomandeBandoController {

    static final int DIMENSIONE_MASSIMA = 200;

    /** Passo 1; {@code numero} empty: the bando's next free number. {@code version}: only when saving an existing domanda. */
    record AnagraficaBody(Long version, Integer numero, LocalDate dataPresentazione, @Size(max = 80, message = "al più 80 caratteri") String cognome, @Size(max = 80, message = "al più 80 caratteri") String nome,
                          @Size(max = 1, message = "al più 1 caratteri") String sesso, LocalDate dataNascita, @Size(max = 100, message = "al più 100 caratteri") String luogoNascita,
                          @Size(max = 16, message = "al più 16 caratteri") String codiceFiscale, @Size(max = 60, message = "al più 60 caratteri") String nazionalita,
                          @Size(max = 100, message = "al più 100 caratteri") String residenteA, @Size(max = 200, message = "al più 200 caratteri") String indirizzo,
                          @Size(max = 5, message = "al più 5 caratteri") String cap, boolean residenteEstero, LocalDate residenteDal,
                          @Size(max = 200, message = "al più 200 caratteri") String anniPresentazione,
                          @Digits(integer = 7, fraction = 2, message = "al più sette cifre intere e due decimali") BigDecimal isee) {

        DomandaMarche.Anagrafica anagrafica() {
            return new DomandaMarche.Anagrafica(cognome, nome, sesso, dataNascita, luogoNascita, codiceFiscale, nazionalita,
                    residenteA, indirizzo, cap, residenteEstero, residenteDal, anniPresentazione, isee);
        }
    }

    record ComponenteBody(@Size(max = 80, message = "al più 80 caratteri") String cognome, @Size(max = 80, message = "al più 80 caratteri") String nome, LocalDate dataNascita,
                          @Size(max = 100, message = "al più 100 caratteri") String luogoNascita, @Size(max = 16, message = "al più 16 caratteri") String codiceFiscale,
                          @Size(max = 40, message = "al più 40 caratteri") String parentela, @Size(max = 80, message = "al più 80 caratteri") String attivitaLavorativa,
                          @Digits(integer = 3, fraction = 2, message = "una percentuale con al più due decimali") BigDecimal invalidita,
                          boolean aCarico) {

        DomandaMarche.ComponenteMarche componente() {
            return new DomandaMarche.ComponenteMarche(cognome, nome, dataNascita, luogoNascita, codiceFiscale, parentela,
                    attivitaLavorativa, invalidita, aCarico);
        }
    }

    /** Passo 2: the declarations ticked ({@code {"cittadinanza": true}}) and the other members of the nucleo. */
    record RequisitiBody(@NotNull(message = "obbligatoria: la versione della domanda letta") Long version,
                         @Size(max = 10, message = "al più 10 dichiarazioni")
                         Map<String, @NotNull(message = "sì o no (true o false)") Boolean> requisiti, boolean monoparentale,
                         @Valid @Size(max = 20, message = "al più 20 componenti oltre al richiedente")
                         List<@NotNull(message = "componente mancante") @Valid ComponenteBody> componenti) {
    }

    /** Passi 3 and 4: the band ticked per condition ({@code {"SOGGETTIVA_3": "a"}}), and for passo 3 the years counted. */
    record CondizioniBody(@NotNull(message = "obbligatoria: la versione della domanda letta") Long version,
                          @Size(max = 16, message = "al più 16 condizioni")
                          Map<ContenitoreCondizione, @NotNull(message = "la lettera della fascia, vuota per nessuna")
                                  @Size(max = 1, message = "una sola lettera, dalla a alla f") String> fasceSpuntate,
                          @Size(max = 7, message = "al più 7 valori")
                          Map<ParametroCondizione, @NotNull(message = "il valore, un numero")
                                  @Digits(integer = 7, fraction = 2, message = "al più sette cifre intere e due decimali") BigDecimal>
                                  valoriDichiarati) {

        Map<ContenitoreCondizione, Set<String>> spuntate() {
            Map<ContenitoreCondizione, Set<String>> spuntate = new java.util.EnumMap<>(ContenitoreCondizione.class);
            if (fasceSpuntate != null) {
                fasceSpuntate.forEach((c, f) -> spuntate.put(c, f == null || f.isBlank() ? Set.of() : Set.of(f.strip())));
            }
            return spuntate;
        }
    }

    /** Passo 5. */
    record EsitoBody(@NotNull(message = "obbligatoria: la versione della domanda letta") Long version, boolean esclusa,
                     @Size(max = 500, message = "al più 500 caratteri") String motivoEsclusione, boolean alloggioAssegnato, Integer annoAssegnazione,
                     @Size(max = 500, message = "al più 500 caratteri") String motivoNonAssegnazione, @Size(max = 2000, message = "al più 2000 caratteri") String note) {
    }

    record DomandaDto(long id, long bandoId, int numero, LocalDate dataPresentazione, int passo, String nominativo,
                      DomandaMarche.Anagrafica anagrafica, Map<String, Boolean> requisiti, boolean monoparentale,
                      List<DomandaMarche.ComponenteMarche> componenti, Map<ContenitoreCondizione, Set<String>> fasceSpuntate,
                      Map<ParametroCondizione, BigDecimal> valoriDichiarati, Integer versioneCondizioni, BigDecimal punteggio,
                      List<PunteggioGriglia.Voce> punteggioDettaglio, DomandaMarche.Esito esito, String creataDa,
                      Instant creataIl, String modificataDa, Instant modificataIl, long version, String faseGraduatoria,
                      boolean modificabile) {

        static DomandaDto di(DomandaMarche d) {
            return new DomandaDto(d.id(), d.bandoId(), d.numero(), d.dataPresentazione(), d.passo(), d.nominativo(), d.anagrafica(),
                    d.requisiti(), d.monoparentale(), d.componenti(), d.fasceSpuntate(), d.valoriDichiarati(),
                    d.versioneCondizioni(), d.punteggio(), d.punteggioDettaglio(), d.esito(), d.creataDa(), d.creataIl(),
                    d.modificataDa(), d.modificataIl(), d.version(), d.faseGraduatoria(), d.gestibile());
        }
    }

    record PaginaDomande(List<DomandaMarche.Riga> elementi, int pagina, int dimensione, long totale) {
    }

    /** Passi 3 and 4 as the desk derives them: the grid, the computed values, repetitions, suggestions. */
    record CondizioniDomandaDto(long domandaId, Integer versioneCondizioni, List<GrigliaCondizioni.Condizione> condizioni,
                                Map<ParametroCondizione, BigDecimal> valori, Map<ContenitoreCondizione, Integer> ripetizioni,
                                Map<ContenitoreCondizione, Set<String>> suggerimenti, Set<ContenitoreCondizione> modificabili,
                                Map<ContenitoreCondizione, Set<String>> fasceSpuntate, BigDecimal punteggio,
                                List<PunteggioGriglia.Voce> punteggioDettaglio, long version) {
    }

    private final DomandeBandoService domande;

    DomandeBandoController(DomandeBandoService domande) {
        this.domande = domande;
    }

    @GetMapping("/bandi/{id}/domande")
    @Operation(summary = "«Ricerca domande» del bando: per inizio del cognome e del nome e per numero; senza criteri tutte, per numero")
    PaginaDomande cerca(@PathVariable long id, @RequestParam(required = false) String cognome,
                        @RequestParam(required = false) String nome, @RequestParam(required = false) Integer numero,
                        @RequestParam(defaultValue = "0") int pagina, @RequestParam(defaultValue = "50") int dimensione) {
        if (pagina < 0) {
            throw DatiNonValidiException.campo("pagina", "non può essere negativa");
        }
        if (dimensione < 1 || dimensione > DIMENSIONE_MASSIMA) {
            throw DatiNonValidiException.campo("dimensione", "tra 1 e " + DIMENSIONE_MASSIMA);
        }
        Page<DomandaMarche.Riga> trovate = domande.cerca(id, cognome, nome, numero, PageRequest.of(pagina, dimensione));
        return new PaginaDomande(trovate.getContent(), pagina, dimensione, trovate.getTotalElements());
    }

    @PostMapping("/bandi/{id}/domande")
    @Operation(summary = "«Inserisci domanda», passo 1: numero (vuoto: il primo libero), data di presentazione entro la scadenza "
            + "del bando (per i residenti all'estero la loro), anagrafica del richiedente; 409 se il bando non ha condizioni")
    ResponseEntity<DomandaDto> crea(@PathVariable long id, @Valid @RequestBody AnagraficaBody body) {
        DomandaMarche d = domande.crea(id, body.numero(), body.dataPresentazione(), body.anagrafica());
        return ResponseEntity.created(URI.create("/api/marche/domande/" + d.id())).body(DomandaDto.di(d));
    }

    @GetMapping("/bandi/{id}/richiedente")
    @Operation(summary = "«Richiedente» e «Carica»: anagrafica e nucleo già noti per codice fiscale (l'ultima domanda dell'ente, "
            + "altrimenti il nucleo assegnatario dell'Anagrafe); 404 se la persona non è nota")
    DomandeBandoService.DatiNoti richiedente(@PathVariable long id, @RequestParam(required = false) String codiceFiscale,
                                            @RequestParam(required = false) Long esclusa) {
        return domande.datiNoti(id, codiceFiscale, esclusa).orElseThrow(() -> new NonTrovatoException(
                "Nessun richiedente con questo codice fiscale tra le domande e i nuclei dell'ente"));
    }

    @GetMapping("/domande/{id}")
    @Operation(summary = "La domanda con i cinque passi, il punteggio di lavoro e la sua spiegazione")
    DomandaDto domanda(@PathVariable long id) {
        return DomandaDto.di(domande.domanda(id));
    }

    @PutMapping("/domande/{id}/anagrafica")
    @Operation(summary = "Passo 1 «Salva»: numero, data di presentazione e anagrafica del richiedente")
    DomandaDto anagrafica(@PathVariable long id, @Valid @RequestBody AnagraficaBody body) {
        if (body.version() == null) {
            throw DatiNonValidiException.campo("version", "obbligatoria: la versione della domanda letta");
        }
        return DomandaDto.di(domande.salvaAnagrafica(id, body.version(), body.numero(), body.dataPresentazione(), body.anagrafica()));
    }

    @PutMapping("/domande/{id}/requisiti")
    @Operation(summary = "Passo 2 «Salva»: requisiti dichiarati e composizione del nucleo familiare (senza il richiedente)")
    DomandaDto requisiti(@PathVariable long id, @Valid @RequestBody RequisitiBody body) {
        return DomandaDto.di(domande.salvaRequisiti(id, body.version(), body.requisiti(), body.monoparentale(),
                body.componenti() == null ? List.of() : body.componenti().stream().map(ComponenteBody::componente).toList()));
    }

    @GetMapping("/domande/{id}/condizioni")
    @Operation(summary = "Passi 3 e 4: la griglia con cui si calcola il punteggio, i valori calcolati dai passi 1 e 2, le fasce "
            + "suggerite dal nucleo e quelle spuntate")
    CondizioniDomandaDto condizioni(@PathVariable long id) {
        DomandeBandoService.Valutazione v = domande.valutazione(id);
        DomandaMarche d = v.domanda();
        return new CondizioniDomandaDto(d.id(), v.condizioni() == null ? null : v.condizioni().versione(),
                v.condizioni() == null ? List.of() : v.condizioni().griglia().condizioni(), v.valori(), v.ripetizioni(),
                v.suggerimenti(), v.modificabili(), d.fasceSpuntate(), d.punteggio(), d.punteggioDettaglio(), d.version());
    }

    @PutMapping("/domande/{id}/condizioni-soggettive")
    @Operation(summary = "Passo 3 «Salva»: una fascia per condizione soggettiva senza parametro e gli anni di partecipazione "
            + "(SOGGETTIVA 9); ricalcola il punteggio")
    DomandaDto soggettive(@PathVariable long id, @Valid @RequestBody CondizioniBody body) {
        return DomandaDto.di(domande.salvaCondizioni(id, body.version(), true, body.spuntate(), body.valoriDichiarati()));
    }

    @PutMapping("/domande/{id}/condizioni-oggettive")
    @Operation(summary = "Passo 4 «Salva»: una fascia per condizione oggettiva; ricalcola il punteggio. Con la graduatoria "
            + "definitiva solo OGGETTIVA 1, 2 e 3 (409 altrimenti)")
    DomandaDto oggettive(@PathVariable long id, @Valid @RequestBody CondizioniBody body) {
        return DomandaDto.di(domande.salvaCondizioni(id, body.version(), false, body.spuntate(), body.valoriDichiarati()));
    }

    @PutMapping("/domande/{id}/esito")
    @Operation(summary = "Passo 5 «Salva»: esclusione e motivo, alloggio assegnato e anno, motivo di non assegnazione, note")
    DomandaDto esito(@PathVariable long id, @Valid @RequestBody EsitoBody body) {
        return DomandaDto.di(domande.salvaEsito(id, body.version(), new DomandaMarche.Esito(body.esclusa(), body.motivoEsclusione(),
                body.alloggioAssegnato(), body.annoAssegnazione(), body.motivoNonAssegnazione(), body.note())));
    }

    @DeleteMapping("/domande/{id}")
    @Operation(summary = "«Elimina» la domanda: solo finché la graduatoria del bando è in istruttoria (409 altrimenti)")
    ResponseEntity<Void> elimina(@PathVariable long id) {
        domande.elimina(id);
        return ResponseEntity.noContent().build();
    }
}
