package it.piattaformacasa.graduatoria.web;

import java.time.Instant;
import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.piattaformacasa.graduatoria.CriterioFinale;
import it.piattaformacasa.graduatoria.GenerazioniService;
import it.piattaformacasa.graduatoria.RegistroGenerazioni;

@RestController
@Tag(name = "Generazioni", description = "Registro delle generazioni delle graduatorie e loro riesecuzione (supervisori)")
class GenerazioniController {

    record GenerazioneDto(long id, long avvisoId, RegistroGenerazioni.Tipo tipo, Long graduatoriaId, String versioneRegole,
                          CriterioFinale criterioFinale, Boolean riserveCategorie, String digestInput, String digestRisultato,
                          int numeroDomande, int numeroGraduatorie, long durataMs, Instant eseguitaIl, boolean rieseguibile,
                          java.util.Map<String, Integer> regole) {
        static GenerazioneDto di(RegistroGenerazioni.Registro r) {
            return new GenerazioneDto(r.id(), r.avvisoId(), r.tipo(), r.graduatoriaId(), r.versioneRegole(), r.criterioFinale(),
                    r.riserveCategorie(), r.digestInput(), r.digestRisultato(), r.numeroDomande(), r.numeroGraduatorie(),
                    r.durataMs(), r.eseguitaIl(), r.rieseguibile(), r.regole());
        }
    }

    private final GenerazioniService generazioni;

    GenerazioniController(GenerazioniService generazioni) {
        this.generazioni = generazioni;
    }

    @GetMapping("/api/avvisi/{avvisoId}/generazioni")
    @PreAuthorize("hasAnyRole('SUPERVISORE', 'AMMINISTRATORE')")
    @Operation(summary = "Le generazioni delle graduatorie dell'avviso: provvisorie e definitive, con versione delle regole, "
            + "criterio finale, riserve, digest di input e risultato")
    List<GenerazioneDto> elenco(@PathVariable long avvisoId) {
        return generazioni.diAvviso(avvisoId).stream().map(GenerazioneDto::di).toList();
    }

    @PostMapping("/api/generazioni/{id}/riesecuzione")
    @PreAuthorize("hasAnyRole('SUPERVISORE', 'AMMINISTRATORE')")
    @Operation(summary = "Riesegue una generazione dagli input e dai parametri registrati, senza scrivere nulla: digest "
            + "registrati e ricalcolati, riprodotta sì o no, le prime posizioni diverse (409 se registrata senza input)")
    GenerazioniService.Riesecuzione riesecuzione(@PathVariable long id) {
        return generazioni.riesegui(id);
    }
}
