package it.piattaformacasa.anagrafe.web;

import java.net.URI;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.piattaformacasa.anagrafe.CertificazioneAnagrafeService;
import it.piattaformacasa.anagrafe.web.AnagrafeDto.CertificazioneDto;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

@RestController
@RequestMapping("/api/enti/{enteId}/certificazioni")
@Tag(name = "Certificazione Anagrafe", description = "Certificazione annuale dei dati dell'Anagrafe da parte dell'ente")
class CertificazioniController {

    record RichiestaCertificazione(@NotNull(message = "l'anno è obbligatorio")
                                   @Min(value = 2017, message = "l'anno deve essere dal 2017")
                                   @Max(value = 2100, message = "anno non valido") Integer anno) {
    }

    record RichiestaAvviata(String processInstanceId, int anno) {
    }

    private final CertificazioneAnagrafeService certificazioni;

    CertificazioniController(CertificazioneAnagrafeService certificazioni) {
        this.certificazioni = certificazioni;
    }

    @PostMapping
    @Operation(summary = "Richiede all'ente la certificazione dei dati per l'anno: crea l'attività «Certifica dati anagrafe»")
    ResponseEntity<RichiestaAvviata> richiedi(@PathVariable long enteId, @Valid @RequestBody RichiestaCertificazione body) {
        String id = certificazioni.richiedi(enteId, body.anno());
        return ResponseEntity.created(URI.create("/api/enti/" + enteId + "/certificazioni"))
                .body(new RichiestaAvviata(id, body.anno()));
    }

    @GetMapping
    @Operation(summary = "Certificazioni registrate dall'ente, dalla più recente")
    List<CertificazioneDto> elenco(@PathVariable long enteId) {
        return certificazioni.certificazioni(enteId).stream().map(CertificazioneDto::di).toList();
    }
}
