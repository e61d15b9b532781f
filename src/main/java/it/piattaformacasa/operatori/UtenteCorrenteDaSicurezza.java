package it.piattaformacasa.operatori;

import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import it.piattaformacasa.common.sicurezza.UtenteCorrente;

/** The caller of the current request, from Spring Security plus the operatore's abilitazioni. */
@Component
class UtenteCorrenteDaSicurezza implements UtenteCorrente {

    /** Who sees every ente's cases (least privilege: analysts change rules, they do not read applicants' data). */
    private static final Set<String> RUOLI_TRASVERSALI = Set.of(OperatoriAuthenticationProvider.ROLE_AMMINISTRATORE,
            OperatoriAuthenticationProvider.ROLE_SUPERVISORE);
    private static final Set<String> RUOLI_ANAGRAFE = Set.of(OperatoriAuthenticationProvider.ROLE_AMMINISTRATORE,
            OperatoriAuthenticationProvider.ROLE_SUPERVISORE, OperatoriAuthenticationProvider.ROLE_ANALISTA);

    private final OperatoreRepository operatori;

    UtenteCorrenteDaSicurezza(OperatoreRepository operatori) {
        this.operatori = operatori;
    }

    private static Authentication autenticazione() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken || !authentication.isAuthenticated()) {
            return null;
        }
        return authentication;
    }

    @Override
    public String username() {
        Authentication authentication = autenticazione();
        return authentication != null ? authentication.getName() : null;
    }

    @Override
    public boolean vedeTuttiGliEnti() {
        return haUnRuolo(RUOLI_TRASVERSALI);
    }

    @Override
    public boolean vedeAnagrafeDiTuttiGliEnti() {
        return haUnRuolo(RUOLI_ANAGRAFE);
    }

    @Override
    public boolean validatoreRegionale() {
        return haUnRuolo(Set.of(OperatoriAuthenticationProvider.ROLE_VALIDATORE_REGIONALE));
    }

    private static boolean haUnRuolo(Set<String> ruoli) {
        Authentication authentication = autenticazione();
        return authentication != null && authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).anyMatch(ruoli::contains);
    }

    @Override
    public Set<Long> entiAbilitati() {
        return enti(a -> true);
    }

    @Override
    public Set<Long> entiGestioneAvviso() {
        return enti(a -> a.getTipo() == TipoAbilitazione.GESTIONE_AVVISO);
    }

    @Override
    public Set<Long> entiIstruttoria() {
        return enti(a -> a.getTipo() == TipoAbilitazione.ISTRUTTORIA_DOMANDE);
    }

    private Set<Long> enti(Predicate<Abilitazione> filtro) {
        String username = username();
        if (username == null) {
            return Set.of();
        }
        return operatori.findByUsername(username)
                .filter(Operatore::isAttivo)
                .map(o -> o.getAbilitazioni().stream().filter(filtro).map(a -> a.getEnte().getId())
                        .collect(Collectors.toUnmodifiableSet()))
                .orElse(Set.of());
    }
}
