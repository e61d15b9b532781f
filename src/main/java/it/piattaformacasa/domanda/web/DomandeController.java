package it.piattaformacasa.domanda.web;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.piattaformacasa.anagrafe.RelazioneParentela;
import it.piattaformacasa.common.DatiNonValidiException;
import it.piattaformacasa.common.Importo;
import it.piattaformacasa.common.web.TestoLibero;
import it.piattaformacasa.domanda.CorpoAppartenenza;
import it.piattaformacasa.domanda.DatiDomanda;
import it.piattaformacasa.domanda.Domanda;
import it.piattaformacasa.domanda.DomandaService;
import it.piattaformacasa.domanda.DomandePerGraduatorie;
import it.piattaformacasa.domanda.LettureDomanda;
import it.piattaformacasa.domanda.RivalutazioneAvviso;
import it.piattaformacasa.domanda.SpiegazionePunteggio;
import it.piattaformacasa.domanda.SpiegazionePunteggioService;
import it.piattaformacasa.common.sicurezza.UtenteCorrente;
import it.piattaformacasa.regole.RegolaApplicata;
import it.piattaformacasa.regole.RegoleAlloggi;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

@RestController
@Tag(name = "Domande", description = "Presentazione della domanda di assegnazione, con ISBAR calcolato alla presentazione")
class DomandeController {

    record ComponenteBody(
            @NotBlank(message = "il codice fiscale è obbligatorio") @Size(max = 16, message = "al massimo 16 caratteri")
            String codiceFiscale,
            @NotBlank(message = "il nome è obbligatorio") @Size(max = 100, message = "al massimo 100 caratteri") String nome,
            @NotBlank(message = "il cognome è obbligatorio") @Size(max = 100, message = "al massimo 100 caratteri") String cognome,
            @NotNull(message = "la data di nascita è obbligatoria") LocalDate dataNascita,
            @NotNull(message = "la relazione con il richiedente è obbligatoria") RelazioneParentela relazione,
            @Min(value = 0, message = "tra 0 e 100") @Max(value = 100, message = "tra 0 e 100") int percentualeInvalidita,
            boolean indennitaAccompagnamento, boolean handicapGrave, boolean disoccupato) {
    }

    record ResidenzaBody(
            @NotBlank(message = "il codice ISTAT del comune di residenza è obbligatorio")
            @Pattern(regexp = "[0-9]{6}", message = "codice ISTAT di 6 cifre") String codiceIstatComune,
            LocalDate residenteLombardiaDal, LocalDate residenteComuneDal) {
    }

    record LavoroBody(
            @NotBlank(message = "il codice ISTAT del comune in cui il richiedente lavora è obbligatorio")
            @Pattern(regexp = "[0-9]{6}", message = "codice ISTAT di 6 cifre") String codiceIstatComune) {
    }

    record AlloggioPossedutoBody(
            @NotBlank(message = "il codice fiscale del componente titolare è obbligatorio")
            @Size(max = 16, message = "al massimo 16 caratteri") String codiceFiscaleTitolare,
            @NotNull(message = "il diritto è obbligatorio (PROPRIETA, USUFRUTTO, USO, ABITAZIONE, NUDA_PROPRIETA)")
            RegoleAlloggi.Diritto diritto,
            @NotNull(message = "la superficie utile è obbligatoria")
            @DecimalMin(value = "1", message = "almeno 1 m²") @DecimalMax(value = "10000", message = "al massimo 10.000 m²")
            @Digits(integer = 5, fraction = 2, message = "metri quadri con al massimo due decimali") BigDecimal superficieUtile,
            @Pattern(regexp = "[0-9]{6}", message = "codice ISTAT di 6 cifre") String codiceIstatComune,
            @Size(min = 2, max = 60, message = "da 2 a 60 caratteri") @TestoLibero String statoEstero,
            boolean inagibile,
            LocalDate ordinanzaDiVenditaDel) {
    }

    record IseeBody(
            @NotNull(message = "il valore ISEE è obbligatorio") @DecimalMin(value = "0", message = "non può essere negativo")
            @Digits(integer = 8, fraction = 2, message = "importo in euro con al massimo due decimali") BigDecimal valore,
            @NotBlank(message = "il protocollo della DSU è obbligatorio") @Size(max = 60, message = "al massimo 60 caratteri")
            String protocolloDsu,
            @NotNull(message = "la data della DSU è obbligatoria") LocalDate dataDsu) {
    }

    record DomandaBody(
            @NotEmpty(message = "il nucleo deve avere almeno il richiedente") @Size(max = 20, message = "al massimo 20 componenti")
            List<@NotNull(message = "componente del nucleo mancante") @Valid ComponenteBody> nucleo,
            @NotNull(message = "la residenza è obbligatoria") @Valid ResidenzaBody residenza,
            @Valid LavoroBody lavoro,
            Boolean lavoroInLombardia,
            @NotNull(message = "l'ISEE è obbligatorio") @Valid IseeBody isee,
            @NotNull(message = "il patrimonio è obbligatorio") @DecimalMin(value = "0", message = "non può essere negativo")
            @Digits(integer = 10, fraction = 2, message = "importo in euro con al massimo due decimali") BigDecimal patrimonio,
            boolean titolareAlloggioAdeguato,
            @Size(max = 10, message = "al massimo 10 alloggi")
            List<@NotNull(message = "alloggio mancante") @Valid AlloggioPossedutoBody> alloggiPosseduti,
            boolean attestazioneServiziSociali,
            @Size(max = 20, message = "al massimo 20 condizioni")
            Map<String, @NotNull(message = "indicare true o false") Boolean> condizioni,
            @NotEmpty(message = "indicare almeno un alloggio") @Size(max = 20, message = "al massimo 20 alloggi")
            List<@NotNull(message = "alloggio mancante") Long> alloggi,
            CorpoAppartenenza corpoAppartenenza) {
    }

    /**
     * @param alloggi      the chosen alloggi's ids in order of preference
     * @param scelte       the same with why each was allowed (art. 9): titolo RESIDENZA, LAVORO or AMBITO and the
     *                     sentence with the alloggio, its comune and the rule; titolo null before the check existed
     * @param notaAlloggi  art. 9 co. 3 bis, when no adequate alloggio could be chosen
     */
    record DomandaDto(long id, long avvisoId, String richiedente, Instant presentataIl, String versioneRegole,
                      boolean indigente, BigDecimal isbar, String isbarItaliano, Map<String, BigDecimal> componenti,
                      String codiceIstatComuneLavoro, List<Long> alloggi, List<SceltaDto> scelte, String notaAlloggi,
                      List<RegolaApplicata> spiegazione) {
        record SceltaDto(int preferenza, long alloggioId, String titolo, String motivo) {
        }

        static DomandaDto di(Domanda d) {
            List<SceltaDto> scelte = new java.util.ArrayList<>();
            for (int i = 0; i < d.getScelte().size(); i++) {
                var s = d.getScelte().get(i);
                scelte.add(new SceltaDto(i + 1, s.getAlloggioId(), s.getTitolo() == null ? null : s.getTitolo().name(),
                        s.getMotivo()));
            }
            return new DomandaDto(d.getId(), d.getAvviso().getId(), d.getRichiedente().valore(), d.getPresentataIl(),
                    d.getVersioneRegole(), d.isIndigente(), d.getIsbar().valore(), d.getIsbar().toItalian(),
                    Map.of("familiare", d.getPuntiFamiliare().valore(), "abitativo", d.getPuntiAbitativo().valore(),
                            "economico", d.getPuntiEconomico().valore(), "residenzaRegione", d.getPuntiResidenzaRegione().valore(),
                            "residenzaComune", d.getPuntiResidenzaComune().valore()),
                    d.getCodiceIstatLavoro(), d.getAlloggiScelti(), scelte, d.getNotaAlloggi(), d.getSpiegazione());
        }
    }

    /** The explanation of the current score: the citizen's text, and for the operator the rules behind each line. */
    record SpiegazioneDto(long domandaId, BigDecimal isbar, String isbarTesto, boolean corretto, BigDecimal isbarPresentato,
                          List<RigaDto> righe, List<String> note, String testo) {
        record RigaDto(String componente, String etichetta, BigDecimal punti, String puntiTesto, boolean provvisorio,
                       String testo, List<RegolaApplicata> regole) {
        }

        static SpiegazioneDto di(SpiegazionePunteggio s) {
            return new SpiegazioneDto(s.domandaId(), s.isbar().valore(), s.isbar().toItalian(), s.corretto(),
                    s.isbarPresentato().valore(), s.righe().stream().map(r -> new RigaDto(r.componente().codice(),
                            r.componente().etichetta(), r.punti().valore(), r.punti().toItalian(), r.provvisorio(), r.testo(),
                            r.regole())).toList(),
                    s.note(), s.testo());
        }
    }

    private static final MediaType TESTO = new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8);

    private final DomandaService domande;
    private final DomandePerGraduatorie elenchi;
    private final UtenteCorrente utente;
    private final SpiegazionePunteggioService spiegazioni;

    private final RivalutazioneAvviso rivalutazione;

    DomandeController(DomandaService domande, DomandePerGraduatorie elenchi, UtenteCorrente utente,
                      SpiegazionePunteggioService spiegazioni, RivalutazioneAvviso rivalutazione) {
        this.rivalutazione = rivalutazione;
        this.domande = domande;
        this.elenchi = elenchi;
        this.utente = utente;
        this.spiegazioni = spiegazioni;
    }

    @GetMapping("/api/avvisi/{avvisoId}/domande")
    @Operation(summary = "«Tutte le domande» dell'avviso visibili all'operatore (quelle che hanno scelto alloggi dei suoi enti), "
            + "per ISBAR decrescente; filtro per ID. Ogni domanda ha i comuni di residenza e di lavoro e gli alloggi scelti "
            + "in ordine di preferenza, ciascuno con il comune e il titolo che ne ha permesso la scelta (art. 9)")
    List<DomandePerGraduatorie.DomandaInElenco> elenco(@PathVariable long avvisoId, @RequestParam(required = false) Long id,
                                                       @RequestParam(defaultValue = "0") int pagina,
                                                       @RequestParam(defaultValue = "50") int dimensione) {
        if (pagina < 0) {
            throw DatiNonValidiException.campo("pagina", "non può essere negativa");
        }
        if (dimensione < 1 || dimensione > 500) {
            throw DatiNonValidiException.campo("dimensione", "tra 1 e 500");
        }
        return elenchi.elenco(avvisoId, utente.entiAbilitati(), utente.vedeTuttiGliEnti(), id, pagina, dimensione);
    }

    @PostMapping("/api/avvisi/{avvisoId}/domande")
    @Operation(summary = "Presenta una domanda mentre l'avviso è aperto: 400 dati non validi, 422 requisiti non soddisfatti, "
            + "409 domanda già presentata (con idEsistente). Con l'intestazione Idempotency-Key un nuovo invio dello stesso "
            + "operatore con gli stessi dati restituisce la prima domanda (Idempotent-Replayed: true); la stessa chiave con "
            + "dati diversi è 422. La chiave vale per l'operatore che la invia.")
    ResponseEntity<DomandaDto> presenta(@PathVariable long avvisoId, @Valid @RequestBody DomandaBody body,
                                        @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        verificaLavoroEAlloggiPosseduti(body);
        DatiDomanda dati = dati(body);
        String chiave = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey.strip();
        if (chiave != null && chiave.length() > 100) {
            throw DatiNonValidiException.campo("Idempotency-Key", "al massimo 100 caratteri");
        }
        DomandaService.Presentazione presentazione = domande.presenta(avvisoId, dati, body.corpoAppartenenza(), chiave);
        Domanda domanda = presentazione.domanda();
        // a retry gets the first answer again, marked as a replay (Stripe's convention)
        var risposta = ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/api/domande/" + domanda.getId()));
        if (presentazione.giaPresentata()) {
            risposta.header("Idempotent-Replayed", "true");
        }
        return risposta.body(DomandaDto.di(domanda));
    }

    /** The request body as the domain reads it: the API and the console's sportello (SportelloPagine) present the same. */
    static DatiDomanda dati(DomandaBody body) {
        return new DatiDomanda(body.nucleo().stream().map(c -> new DatiDomanda.Componente(c.codiceFiscale(),
                        c.nome().strip(), c.cognome().strip(), c.dataNascita(), c.relazione(), c.percentualeInvalidita(),
                        c.indennitaAccompagnamento(), c.handicapGrave(), c.disoccupato())).toList(),
                body.residenza().codiceIstatComune(), body.residenza().residenteLombardiaDal(),
                body.residenza().residenteComuneDal(), body.lavoro() == null ? null : body.lavoro().codiceIstatComune(),
                Importo.of(body.isee().valore()), body.isee().protocolloDsu().strip(), body.isee().dataDsu(),
                Importo.of(body.patrimonio()), body.alloggiPosseduti() == null ? List.of() : body.alloggiPosseduti().stream()
                        .map(a -> new DatiDomanda.AlloggioPosseduto(a.codiceFiscaleTitolare().strip().toUpperCase(Locale.ROOT),
                                a.diritto(), a.superficieUtile(), a.codiceIstatComune(),
                                a.statoEstero() == null ? null : a.statoEstero().strip(), a.inagibile(),
                                a.ordinanzaDiVenditaDel())).toList(),
                body.attestazioneServiziSociali(),
                body.condizioni() == null ? Map.of() : body.condizioni(), body.alloggi());
    }

    /**
     * The yes/no fields the domanda had before it recorded the comune of work and the dwellings: kept so that a client
     * still sending them is told what to send instead, never silently ignored.
     */
    private static void verificaLavoroEAlloggiPosseduti(DomandaBody body) {
        List<DatiNonValidiException.Errore> errori = new java.util.ArrayList<>();
        if (Boolean.TRUE.equals(body.lavoroInLombardia()) && body.lavoro() == null) {
            errori.add(new DatiNonValidiException.Errore("lavoro.codiceIstatComune", "indicare il comune in cui il richiedente "
                    + "lavora (serve anche per gli alloggi che può scegliere, art. 9): lavoroInLombardia da solo non basta"));
        }
        if (body.titolareAlloggioAdeguato()) {
            errori.add(new DatiNonValidiException.Errore("titolareAlloggioAdeguato", "descrivere invece l'alloggio in "
                    + "alloggiPosseduti (componente, diritto, superficie, comune, inagibilità, ordinanza di vendita): la "
                    + "piattaforma decide se esclude il nucleo, con le eccezioni del r.r. 2/2025"));
        }
        if (!errori.isEmpty()) {
            throw new DatiNonValidiException(errori);
        }
    }

    record RichiestaRivalutazione(
            @NotEmpty(message = "indicare almeno un insieme di regole e la versione") @Size(max = 20, message = "al massimo 20 insiemi")
            Map<String, @NotNull(message = "indicare la versione") Integer> versioni,
            @NotBlank(message = "indicare il motivo della rivalutazione") @Size(max = 2000, message = "al massimo 2000 caratteri")
            @TestoLibero String motivo) {
    }

    @PostMapping("/api/avvisi/{avvisoId}/rivalutazione")
    @Operation(summary = "Rivalutazione di un avviso in corso con altre versioni pubblicate delle regole: decisione esplicita "
            + "con motivo, registrata; solo prima delle graduatorie")
    @PreAuthorize("hasAnyRole('SUPERVISORE', 'AMMINISTRATORE')")
    RivalutazioneAvviso.Esito rivaluta(@PathVariable long avvisoId, @Valid @RequestBody RichiestaRivalutazione richiesta) {
        return rivalutazione.rivaluta(avvisoId, richiesta.versioni(), richiesta.motivo());
    }

    @GetMapping("/api/domande/{id}")
    @Operation(summary = "Una domanda con l'ISBAR, le sue componenti e le regole applicate")
    DomandaDto domanda(@PathVariable long id) {
        return DomandaDto.di(domande.domandaLetta(id, LettureDomanda.Dove.API_DOMANDA));
    }

    @GetMapping("/api/domande/{id}/spiegazione")
    @Operation(summary = "Perché la domanda ha il suo punteggio ISBAR attuale: una frase in italiano per ogni componente "
            + "e le regole applicate con i loro dati. Con Accept: text/plain oppure formato=testo, solo il testo per il cittadino")
    ResponseEntity<?> spiegazione(@PathVariable long id, @RequestParam(required = false) String formato,
                                  @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        if (formato != null && !formato.equals("testo") && !formato.equals("json")) {
            throw DatiNonValidiException.campo("formato", "formato sconosciuto (ammessi: json, testo)");
        }
        SpiegazionePunteggio spiegazione = spiegazioni.spiegazioneLetta(id, LettureDomanda.Dove.API_SPIEGAZIONE);
        if ("testo".equals(formato) || (formato == null && preferisceTesto(accept))) {
            return ResponseEntity.ok().contentType(TESTO).body(spiegazione.testo());
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(SpiegazioneDto.di(spiegazione));
    }

    /** Text when the client prefers text/plain to JSON (by quality, then by order); a browser or curl gets JSON. */
    private static boolean preferisceTesto(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        double testo = 0;
        double json = 0;
        try {
            for (MediaType tipo : MediaType.parseMediaTypes(accept)) {
                if (!tipo.isWildcardType() && tipo.isCompatibleWith(MediaType.TEXT_PLAIN) && tipo.getQualityValue() > testo) {
                    testo = tipo.getQualityValue() + (json == 0 ? 1e-9 : 0); // ties go to the one listed first
                } else if (!tipo.isWildcardType() && tipo.isCompatibleWith(MediaType.APPLICATION_JSON)
                        && tipo.getQualityValue() > json) {
                    json = tipo.getQualityValue() + (testo == 0 ? 1e-9 : 0);
                }
            }
        } catch (InvalidMediaTypeException e) {
            return false;
        }
        return testo > json;
    }
}
