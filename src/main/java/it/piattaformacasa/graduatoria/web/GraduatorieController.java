package it.piattaformacasa.graduatoria.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.piattaformacasa.common.DatiNonValidiException;
import it.piattaformacasa.graduatoria.EsportazioneGraduatoria;
import it.piattaformacasa.graduatoria.Graduatoria;
import it.piattaformacasa.graduatoria.GraduatoriaService;

@RestController
@Tag(name = "Graduatorie", description = "Graduatorie per ente proprietario e comune")
class GraduatorieController {

    record GraduatoriaDto(long id, long avvisoId, long enteId, String ente, String comune, String codiceIstatComune,
                          Graduatoria.Stato stato, Instant generataIl, Instant scadenzaApprovazione, String provvedimentoNumero,
                          LocalDate provvedimentoData, Graduatoria.Pubblicazione pubblicazione, LocalDate pubblicataIl,
                          String approvataDa, Instant approvataIl, Instant sollecitataIl, Instant definitivaIl,
                          Instant scadenzaPubblicazioneDefinitiva, Graduatoria.Pubblicazione pubblicazioneDefinitiva,
                          LocalDate definitivaPubblicataIl) {
        static GraduatoriaDto di(Graduatoria g) {
            return new GraduatoriaDto(g.getId(), g.getAvviso().getId(), g.getEnte().getId(), g.getEnte().getRagioneSociale(),
                    g.getComune().getNome(), g.getComune().getCodiceIstat(), g.getStato(), g.getGenerataIl(),
                    g.getScadenzaApprovazione(), g.getProvvedimentoNumero(), g.getProvvedimentoData(), g.getPubblicazione(),
                    g.getPubblicataIl(), g.getApprovataDa(), g.getApprovataIl(), g.getSollecitataIl(), g.getDefinitivaIl(),
                    g.getScadenzaPubblicazioneDefinitiva(), g.getPubblicazioneDefinitiva(), g.getDefinitivaPubblicataIl());
        }
    }

    record GraduatoriaConRigheDto(GraduatoriaDto graduatoria, List<GraduatoriaService.Riga> righe) {
    }

    private final GraduatoriaService graduatorie;
    private final EsportazioneGraduatoria esportazione;

    GraduatorieController(GraduatoriaService graduatorie, EsportazioneGraduatoria esportazione) {
        this.graduatorie = graduatorie;
        this.esportazione = esportazione;
    }

    @GetMapping("/api/graduatorie/{id}/esportazione")
    @Operation(summary = "Scarica la graduatoria nel formato della piattaforma regionale: formato=xlsx (predefinito) o csv")
    ResponseEntity<byte[]> esporta(@PathVariable long id, @RequestParam(defaultValue = "xlsx") String formato) {
        return esportazione(graduatorie, esportazione, id, formato);
    }

    /** The download, for the API and for the console's button (same service, same file). */
    static ResponseEntity<byte[]> esportazione(GraduatoriaService graduatorie, EsportazioneGraduatoria esportazione, long id,
                                               String formato) {
        Graduatoria graduatoria = graduatorie.graduatoria(id);
        if (!formato.equals("xlsx") && !formato.equals("csv")) {
            throw DatiNonValidiException.campo("formato", "formato sconosciuto (ammessi: xlsx, csv)");
        }
        List<GraduatoriaService.Riga> righe = graduatorie.righe(id);
        String nome = "graduatoria-" + graduatoria.getStato().name().toLowerCase() + "-avviso-" + graduatoria.getAvviso().getId()
                + "-" + graduatoria.getEnte().getCodiceFiscale().valore() + "-" + graduatoria.getComune().getCodiceIstat();
        return switch (formato) {
            case "xlsx" -> ResponseEntity.ok()
                    .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + nome + ".xlsx\"")
                    .body(esportazione.xlsx(graduatoria, righe));
            default -> ResponseEntity.ok()
                    .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + nome + ".csv\"")
                    .body(("\uFEFF" + esportazione.csv(graduatoria, righe)).getBytes(StandardCharsets.UTF_8));
        };
    }

    @GetMapping("/api/avvisi/{avvisoId}/graduatorie")
    @Operation(summary = "Le graduatorie dell'avviso visibili all'utente (quelle dei suoi enti)")
    List<GraduatoriaDto> elenco(@PathVariable long avvisoId) {
        return graduatorie.graduatorieDi(avvisoId).stream().map(GraduatoriaDto::di).toList();
    }

    @GetMapping("/api/graduatorie/{id}")
    @Operation(summary = "Una graduatoria con le righe in ordine: ISBAR, indigenza, priorità, riserva, parimerito, "
            + "criteri di art. 12 co. 3 e alloggi in ordine di preferenza, con il comune e il titolo di scelta (art. 9) "
            + "(403 per gli operatori di altri enti)")
    GraduatoriaConRigheDto graduatoria(@PathVariable long id) {
        return new GraduatoriaConRigheDto(GraduatoriaDto.di(graduatorie.graduatoria(id)), graduatorie.righe(id));
    }
}
