package it.piattaformacasa.operatori.web;

import java.util.List;
import java.util.Set;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.piattaformacasa.operatori.Abilitazione;
import it.piattaformacasa.anagrafe.RegioneProfilo;
import it.piattaformacasa.operatori.Operatore;
import it.piattaformacasa.operatori.OperatoriService;
import it.piattaformacasa.operatori.RuoloPiattaforma;
import it.piattaformacasa.operatori.TipoAbilitazione;

@RestController
@RequestMapping("/api")
@Tag(name = "Operatori", description = "Operatori abilitati e il proprio profilo")
class OperatoriController {

    record AbilitazioneDto(long enteId, String ente, TipoAbilitazione tipo) {
        static AbilitazioneDto di(Abilitazione a) {
            return new AbilitazioneDto(a.getEnte().getId(), a.getEnte().getRagioneSociale(), a.getTipo());
        }
    }

    record OperatoreDto(String username, String codiceFiscale, String nome, String cognome, String email, String telefono,
                        boolean attivo, List<AbilitazioneDto> abilitazioni, Set<RuoloPiattaforma> ruoli,
                        String provinciaLettura, RegioneProfilo regioneLettura) {
        static OperatoreDto di(Operatore o) {
            return new OperatoreDto(o.getUsername(), o.getCodiceFiscale().valore(), o.getNome(), o.getCognome(),
                    o.getEmail(), o.getTelefono(), o.isAttivo(),
                    o.getAbilitazioni().stream().map(AbilitazioneDto::di).toList(), o.getRuoli(), o.getProvinciaLettura(),
                    o.getRegioneLettura());
        }
    }

    /**
     * Seed 004: {@code LETTORE_REGIONALE} with its {@code regione} (LOMBARDIA when omitted, ADR 16),
     * {@code LETTORE_PROVINCIALE} with the sigla of a province («VA»), or no {@code ruolo} to take the read-only scope away.
     */
    record Lettura(@Size(max = 30, message = "al massimo 30 caratteri") String ruolo,
                   @Size(max = 2, message = "la sigla di una provincia ha due lettere") String provincia,
                   @Size(max = 20, message = "al massimo 20 caratteri") String regione) {
    }

    record ProfiloDto(String username, List<String> autorita, OperatoreDto operatore) {
    }

    private final OperatoriService operatori;

    OperatoriController(OperatoriService operatori) {
        this.operatori = operatori;
    }

    @GetMapping("/me")
    @Operation(summary = "Il profilo dell'utente autenticato: gruppi, abilitazioni per ente e ruoli")
    ProfiloDto me(Authentication authentication) {
        String username = authentication.getName();
        OperatoreDto operatore = operatori.esiste(username) ? OperatoreDto.di(operatori.operatore(username)) : null;
        return new ProfiloDto(username,
                authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).sorted().toList(), operatore);
    }

    @GetMapping("/operatori")
    @PreAuthorize("hasRole('AMMINISTRATORE')")
    @Operation(summary = "Tutti gli operatori con le abilitazioni (solo amministratori)")
    List<OperatoreDto> operatori() {
        return operatori.operatori().stream().map(OperatoreDto::di).toList();
    }

    @PutMapping("/operatori/{username}/lettura")
    @PreAuthorize("hasRole('AMMINISTRATORE')")
    @Operation(summary = "Assegna o toglie il ruolo di sola consultazione: lettore regionale o provinciale (solo amministratori)")
    OperatoreDto lettura(@PathVariable String username, @Valid @RequestBody Lettura lettura) {
        return OperatoreDto.di(operatori.assegnaLettura(username, lettura.ruolo(), lettura.provincia(), lettura.regione()));
    }
}
