package it.piattaformacasa.marche.web;

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
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.piattaformacasa.common.DatiNonValidiException;
import it.piattaformacasa.common.NonTrovatoException;
import it.piattaformacasa.marche.Bando;
import it.piattaformacasa.marche.BandiService;
import it.piattaformacasa.marche.BrogliaccioBando;
import it.piattaformacasa.marche.FaseGraduatoria;
import it.piattaformacasa.marche.GraduatoriaBandoService;
import it.piattaformacasa.marche.GraduatoriaBandoService.Graduatoria;
import it.piattaformacasa.report.web.Scaricamento;

/**
 * «Graduatoria domande alloggi ERP» of a Marche bando and its Excel files (issue 15, seed 004 Fig. 22–24, «Stampa»,
 * «Stampa brogliaccio»). Every rule is {@link GraduatoriaBandoService}'s, shared with the console.
 */
@RestController
@RequestMapping("/api/marche/bandi/{id}")
@Tag(name = "Bandi (Regione Marche)")
class GraduatoriaBandoController {

    /** The header; {@code version}: the one read, for «Salva» (another save since then is a 409). */
    record DatiBody(Long version, LocalDate data, @Size(max = 20, message = "al più 20 caratteri") String fase,
                    @Size(max = 30, message = "al più 30 caratteri") String provvisoriaAlboNumero, LocalDate provvisoriaAlboData,
                    @Size(max = 30, message = "al più 30 caratteri") String definitivaAlboNumero, LocalDate definitivaAlboData,
                    @Size(max = 30, message = "al più 30 caratteri") String verbaleNumero, LocalDate verbaleData,
                    @Size(max = 2000, message = "al più 2000 caratteri") String nota) {

        GraduatoriaBandoService.DatiGraduatoria dati() {
            FaseGraduatoria f = null;
            if (fase != null && !fase.isBlank()) {
                try {
                    f = FaseGraduatoria.valueOf(fase.strip().toUpperCase());
                } catch (IllegalArgumentException e) {
                    throw DatiNonValidiException.campo("fase", "fase sconosciuta (ammesse: ISTRUTTORIA, PROVVISORIA, DEFINITIVA)");
                }
            }
            return new GraduatoriaBandoService.DatiGraduatoria(data, f, provvisoriaAlboNumero, provvisoriaAlboData,
                    definitivaAlboNumero, definitivaAlboData, verbaleNumero, verbaleData, nota);
        }
    }

    record CalcoloBody(Boolean confermaPerditaSpostamenti) {
    }

    record SpostamentoBody(Integer posizione, @Size(max = 10, message = "al più 10 caratteri") String direzione, @Size(max = 500, message = "al più 500 caratteri") String motivo) {
    }

    record AssegnazioneBody(@Size(max = 10, message = "al più 10 caratteri") String anno) {
    }

    record PosizioneDto(int posizione, int posizioneCalcolata, long domandaId, int numero, String cognome, String nome,
                        LocalDate dataPresentazione, BigDecimal punteggioLavoro, BigDecimal punteggioCalcolato,
                        BigDecimal punteggioDefinitivo, boolean punteggioVariato, boolean alloggioAssegnato,
                        Integer annoAssegnazione, String spostataDa, Instant spostataIl, String motivoSpostamento) {

        static PosizioneDto di(GraduatoriaBandoService.Posizione p) {
            return new PosizioneDto(p.posizione(), p.posizioneCalcolata(), p.domandaId(), p.numero(), p.cognome(), p.nome(),
                    p.dataPresentazione(), p.punteggioLavoro(), p.punteggioCalcolato(), p.punteggioDefinitivo(),
                    p.punteggioVariato(), p.alloggioAssegnato(), p.annoAssegnazione(), p.spostataDa(), p.spostataIl(),
                    p.motivoSpostamento());
        }
    }

    record GraduatoriaDto(long bandoId, String fase, GraduatoriaBandoService.DatiGraduatoria dati, long version,
                          long domandePresentate, long domandeValide, long alloggiAssegnati, long domandeValideSenzaPunteggio,
                          String calcolataDa, Instant calcolataIl, Integer versioneCondizioni, String modificataDa,
                          Instant modificataIl, boolean daRicalcolare, boolean calcolabile, boolean spostamentiManuali,
                          String criterioDiParita, List<PosizioneDto> posizioni) {

        static GraduatoriaDto di(Graduatoria g) {
            return new GraduatoriaDto(g.bando().id(), g.fase().name(), g.dati(), g.version(), g.contatori().presentate(),
                    g.contatori().valide(), g.contatori().assegnati(), g.contatori().valideSenzaPunteggio(), g.calcolataDa(),
                    g.calcolataIl(), g.versioneCondizioni(), g.modificataDa(), g.modificataIl(), g.daRicalcolare(),
                    g.calcolabile(), g.spostamentiManuali(), GraduatoriaBandoService.CRITERIO_PROVVISORIO,
                    g.posizioni().stream().map(PosizioneDto::di).toList());
        }
    }

    private final GraduatoriaBandoService graduatorie;
    private final BrogliaccioBando brogliaccio;
    private final BandiService bandi;

    GraduatoriaBandoController(GraduatoriaBandoService graduatorie, BrogliaccioBando brogliaccio, BandiService bandi) {
        this.graduatorie = graduatorie;
        this.brogliaccio = brogliaccio;
        this.bandi = bandi;
    }

    @GetMapping("/graduatoria")
    @Operation(summary = "La graduatoria del bando: dati, fase, contatori (domande presentate, valide, alloggi assegnati) e "
            + "posizioni, con il punteggio di lavoro e quello definitivo")
    GraduatoriaDto graduatoria(@PathVariable long id) {
        return GraduatoriaDto.di(graduatorie.graduatoria(id).orElseThrow(() -> new NonTrovatoException(
                "La graduatoria del bando non è ancora stata inserita («Inserisci»)")));
    }

    @PostMapping("/graduatoria")
    @Operation(summary = "«Inserisci»: i dati della graduatoria del bando (fase Istruttoria)")
    ResponseEntity<GraduatoriaDto> inserisci(@PathVariable long id, @Valid @RequestBody(required = false) DatiBody body) {
        DatiBody b = body == null ? new DatiBody(null, null, null, null, null, null, null, null, null, null) : body;
        Graduatoria g = graduatorie.inserisci(id, b.dati());
        return ResponseEntity.created(URI.create("/api/marche/bandi/" + id + "/graduatoria")).body(GraduatoriaDto.di(g));
    }

    @PutMapping("/graduatoria")
    @Operation(summary = "«Salva»: dati e fase (Istruttoria → Provvisoria → Definitiva, con albo pretorio/BUR e verbale); "
            + "version obbligatoria, 409 se superata. La definitiva congela il punteggio definitivo di ogni domanda")
    GraduatoriaDto salva(@PathVariable long id, @Valid @RequestBody DatiBody body) {
        if (body.version() == null) {
            throw DatiNonValidiException.campo("version", "obbligatoria: la versione della graduatoria letta");
        }
        return GraduatoriaDto.di(graduatorie.salva(id, body.dati(), body.version()));
    }

    @PostMapping("/graduatoria/calcolo")
    @Operation(summary = "«Calcola»: ordina le domande valide per punteggio di lavoro (parità: criterio provvisorio, data di "
            + "presentazione e numero). Con spostamenti manuali serve confermaPerditaSpostamenti (409 altrimenti); 409 se definitiva")
    GraduatoriaDto calcola(@PathVariable long id, @Valid @RequestBody(required = false) CalcoloBody body) {
        return GraduatoriaDto.di(graduatorie.calcola(id, body != null && Boolean.TRUE.equals(body.confermaPerditaSpostamenti())));
    }

    @PostMapping("/graduatoria/posizioni/{domandaId}/spostamento")
    @Operation(summary = "▲ ▼: sposta la domanda di una posizione (direzione SU o GIU) o alla posizione indicata, con il motivo")
    GraduatoriaDto sposta(@PathVariable long id, @PathVariable long domandaId, @Valid @RequestBody SpostamentoBody body) {
        return GraduatoriaDto.di(graduatorie.sposta(id, domandaId, body.posizione(), body.direzione(), body.motivo()));
    }

    @PostMapping("/graduatoria/domande/{domandaId}/assegnazione")
    @Operation(summary = "«Non assegnato» → anno di assegnazione dell'alloggio (formato AAAA, non prima dell'anno del bando)")
    GraduatoriaDto assegna(@PathVariable long id, @PathVariable long domandaId, @Valid @RequestBody AssegnazioneBody body) {
        return GraduatoriaDto.di(graduatorie.assegna(id, domandaId, body.anno()));
    }

    @GetMapping("/graduatoria/stampa.xlsx")
    @Operation(summary = "«Stampa»: la graduatoria in Excel")
    ResponseEntity<?> stampa(@PathVariable long id) {
        Graduatoria g = graduatorie.graduatoria(id).orElseThrow(() -> new NonTrovatoException(
                "La graduatoria del bando non è ancora stata inserita («Inserisci»)"));
        return Scaricamento.di(StampeMarche.graduatoria(g), "xlsx", StampeMarche.file("graduatoria", g.bando()));
    }

    @GetMapping("/brogliaccio.xlsx")
    @Operation(summary = "«Stampa brogliaccio»: i dati inseriti di ogni domanda del bando, in Excel")
    ResponseEntity<?> brogliaccio(@PathVariable long id) {
        Bando bando = bandi.bando(id);
        return Scaricamento.di(StampeMarche.brogliaccio(brogliaccio.brogliaccio(id)), "xlsx",
                StampeMarche.file("brogliaccio", bando));
    }
}
