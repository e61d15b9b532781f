package it.piattaformacasa.operatori;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import it.piattaformacasa.common.sicurezza.Gruppi;
import it.piattaformacasa.common.sicurezza.UtenteCorrente;

/** The caller of the current request, from Spring Security plus the operatore's abilitazioni. */
@Component
class UtenteCorrenteDaSicurezza implements UtenteCorrente {

    /** Who sees every ente's cases (least privilege: analysts change rules, they do not read applicants' data). */
    private static final Set<String> RUOLI_TRASVERSALI = Set.of(OperatoriAuthenticationProvider.ROLE_AMMINISTRATORE,
            OperatoriAuthenticationProvider.ROLE_SUPERVISORE, OperatoriAuthenticationProvider.ROLE_LETTORE_REGIONALE);
    private static final Set<String> RUOLI_ANAGRAFE = Set.of(OperatoriAuthenticationProvider.ROLE_AMMINISTRATORE,
            OperatoriAuthenticationProvider.ROLE_SUPERVISORE, OperatoriAuthenticationProvider.ROLE_ANALISTA,
            OperatoriAuthenticationProvider.ROLE_LETTORE_REGIONALE);
    /** Seed 004: «quelli provinciali e regionali alla sola consultazione». */
    static final Set<String> RUOLI_SOLA_LETTURA = Set.of(OperatoriAuthenticationProvider.ROLE_LETTORE_REGIONALE,
            OperatoriAuthenticationProvider.ROLE_LETTORE_PROVINCIALE);

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

    @Override
    public boolean soloLettura() {
        return haUnRuolo(RUOLI_SOLA_LETTURA);
    }

    private static boolean haUnRuolo(Set<String> ruoli) {
        Authentication authentication = autenticazione();
        return authentication != null && authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).anyMatch(ruoli::contains);
    }

    /** The enti of its abilitazioni, plus, for a provincial reader, those whose comune is in its province. */
    @Override
    public Set<Long> entiAbilitati() {
        Set<String> province = provinceLette();
        if (province.isEmpty()) {
            return enti(a -> true);
        }
        Set<Long> visibili = new HashSet<>(enti(a -> true));
        visibili.addAll(operatori.idEntiDelleProvince(province));
        return Set.copyOf(visibili);
    }

    /** The provinces of the caller's provincial-reader groups (authorities {@code GROUP_lettori-provincia-va}). */
    private static Set<String> provinceLette() {
        Authentication authentication = autenticazione();
        if (authentication == null) {
            return Set.of();
        }
        return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("GROUP_")).map(a -> Gruppi.provinciaDeiLettori(a.substring("GROUP_".length())))
                .flatMap(Optional::stream).collect(Collectors.toUnmodifiableSet());
    }

    // a reader holds no abilitazione to work, whatever its operatore row says: the enti it may change are none
    @Override
    public Set<Long> entiGestioneAvviso() {
        return soloLettura() ? Set.of() : enti(a -> a.getTipo() == TipoAbilitazione.GESTIONE_AVVISO);
    }

    @Override
    public Set<Long> entiIstruttoria() {
        return soloLettura() ? Set.of() : enti(a -> a.getTipo() == TipoAbilitazione.ISTRUTTORIA_DOMANDE);
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
