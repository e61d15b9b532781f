package it.piattaformacasa.anagrafe.web;

import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.piattaformacasa.anagrafe.Alloggio;
import it.piattaformacasa.anagrafe.Ambito;
import it.piattaformacasa.anagrafe.AnagrafeService;
import it.piattaformacasa.anagrafe.DestinazioneUso;
import it.piattaformacasa.anagrafe.StatoAlloggio;
import it.piattaformacasa.anagrafe.web.AnagrafeDto.AlloggioDto;
import it.piattaformacasa.anagrafe.web.AnagrafeDto.AmbitoDettaglioDto;
import it.piattaformacasa.anagrafe.web.AnagrafeDto.AmbitoDto;
import it.piattaformacasa.anagrafe.web.AnagrafeDto.ComuneDto;
import it.piattaformacasa.anagrafe.web.AnagrafeDto.EnteDto;
import it.piattaformacasa.anagrafe.web.AnagrafeDto.PaginaDto;
import it.piattaformacasa.common.DatiNonValidiException;
import it.piattaformacasa.anagrafe.web.AnagrafeDto.RiepilogoDto;

@RestController
@RequestMapping("/api")
@Tag(name = "Anagrafe", description = "Ambiti, comuni, enti proprietari e alloggi dell'Anagrafe regionale")
class AnagrafeController {

    private static final int DIMENSIONE_MASSIMA = 200;

    private final AnagrafeService anagrafe;

    AnagrafeController(AnagrafeService anagrafe) {
        this.anagrafe = anagrafe;
    }

    @GetMapping("/ambiti")
    @Operation(summary = "Ambiti territoriali (piani di zona) con il Comune capofila")
    List<AmbitoDto> ambiti() {
        return anagrafe.ambiti().stream().map(AmbitoDto::di).toList();
    }

    @GetMapping("/ambiti/{codice}")
    @Operation(summary = "Un ambito con i suoi comuni e gli enti proprietari che vi operano")
    AmbitoDettaglioDto ambito(@PathVariable String codice) {
        Ambito ambito = anagrafe.ambito(codice);
        return new AmbitoDettaglioDto(ambito.getCodice(), ambito.getNome(),
                ambito.getComuneCapofila() == null ? null : ComuneDto.di(ambito.getComuneCapofila()),
                anagrafe.comuniDi(ambito).stream().map(ComuneDto::di).toList(),
                anagrafe.entiDi(ambito).stream().map(EnteDto::di).toList());
    }

    @GetMapping("/enti")
    @Operation(summary = "Enti proprietari (Comuni, ALER, operatori privati)")
    List<EnteDto> enti() {
        return anagrafe.enti().stream().map(EnteDto::di).toList();
    }

    @GetMapping("/enti/{id}/riepilogo")
    @Operation(summary = "Dati di sintesi del patrimonio dell'ente: fabbricati e alloggi per stato")
    RiepilogoDto riepilogo(@PathVariable long id) {
        return RiepilogoDto.di(anagrafe.riepilogo(id));
    }

    @GetMapping("/alloggi")
    @Operation(summary = "Alloggi visibili all'utente (quelli degli enti per cui è abilitato), filtrabili")
    PaginaDto<AlloggioDto> alloggi(@RequestParam(required = false) Long ente,
                                   @RequestParam(required = false) String comune,
                                   @RequestParam(required = false) StatoAlloggio stato,
                                   @RequestParam(required = false) String fabbricato,
                                   @RequestParam(required = false) DestinazioneUso destinazioneUso,
                                   @RequestParam(required = false) String provincia,
                                   @RequestParam(required = false) Boolean inAvviso,
                                   @RequestParam(defaultValue = "0") int pagina,
                                   @RequestParam(defaultValue = "50") int dimensione) {
        if (pagina < 0) {
            throw DatiNonValidiException.campo("pagina", "non può essere negativa");
        }
        if (dimensione < 1 || dimensione > DIMENSIONE_MASSIMA) {
            throw DatiNonValidiException.campo("dimensione", "tra 1 e " + DIMENSIONE_MASSIMA);
        }
        if (provincia != null && !provincia.isBlank() && !provincia.strip().matches("[A-Za-z]{2}")) {
            throw DatiNonValidiException.campo("provincia", "la sigla della provincia ha due lettere, ad esempio VA");
        }
        // seed 001's «Ricerca alloggi»: the same filters as the console's list
        Page<Alloggio> page = anagrafe.cercaAlloggi(new AnagrafeService.RicercaAlloggi(ente, comune, stato, null,
                        fabbricato == null || fabbricato.isBlank() ? null : fabbricato.strip(), destinazioneUso,
                        provincia == null || provincia.isBlank() ? null : provincia.strip().toUpperCase(java.util.Locale.ROOT), inAvviso),
                PageRequest.of(pagina, dimensione, Sort.by("id")));
        return new PaginaDto<>(page.map(AlloggioDto::di).getContent(), pagina, dimensione, page.getTotalElements());
    }

    @GetMapping("/alloggi/{id}")
    @Operation(summary = "Un alloggio (404 se non esiste o non è visibile all'utente)")
    AlloggioDto alloggio(@PathVariable long id) {
        return AlloggioDto.di(anagrafe.alloggio(id));
    }
}
