package it.piattaformacasa.operatori;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

import it.piattaformacasa.common.sicurezza.Gruppi;

/**
 * HTTP Basic for the domain API and {@code /engine-rest}, against the same users and passwords as Tasklist.
 * Authorities: {@code GROUP_<id>} per group plus a {@code ROLE_} per platform role.
 */
@Component
public class OperatoriAuthenticationProvider implements org.springframework.security.authentication.AuthenticationProvider {

    public static final String ROLE_AMMINISTRATORE = "ROLE_AMMINISTRATORE";
    public static final String ROLE_SUPERVISORE = "ROLE_SUPERVISORE";
    public static final String ROLE_ANALISTA = "ROLE_ANALISTA";
    public static final String ROLE_VALIDATORE_REGIONALE = "ROLE_VALIDATORE_REGIONALE";
    /** Seed 004: read-only users of the Region and of a province. */
    public static final String ROLE_LETTORE_REGIONALE = "ROLE_LETTORE_REGIONALE";
    public static final String ROLE_LETTORE_PROVINCIALE = "ROLE_LETTORE_PROVINCIALE";

    private final IdentitaPort identita;
    private final OperatoreRepository operatori;
    private final MemoriaAccessi memoria;
    private final IdentitaFederata federata;

    OperatoriAuthenticationProvider(IdentitaPort identita, OperatoreRepository operatori, IdentitaFederata federata,
                                    @Value("${piattaforma.sicurezza.memoria-accessi:PT30S}") Duration memoria) {
        this.identita = identita;
        this.operatori = operatori;
        this.federata = federata;
        this.memoria = new MemoriaAccessi(memoria);
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (username == null || credentials == null || !username.matches(Gruppi.IDENTIFICATIVO)) {
            // a name no user can have (a NUL, a space) never reaches the engine's identity query
            throw new BadCredentialsException("Credenziali non valide");
        }
        String password = credentials.toString();
        Optional<List<GrantedAuthority>> ricordate = memoria.cerca(username, password);
        if (ricordate.isPresent()) {
            return UsernamePasswordAuthenticationToken.authenticated(username, null, ricordate.get());
        }
        if (!identita.verificaPassword(username, password)) {
            memoria.dimentica(username);
            throw new BadCredentialsException("Credenziali non valide");
        }
        // users created in Camunda Admin (the first administrator) have no operatore row
        operatori.findByUsername(username).filter(o -> !o.isAttivo()).ifPresent(o -> {
            throw new DisabledException("Operatore disabilitato");
        });
        List<GrantedAuthority> autorita = autorita(identita.gruppiDi(username));
        memoria.ricorda(username, password, autorita);
        return UsernamePasswordAuthenticationToken.authenticated(username, null, autorita);
    }

    /**
     * The authentication of a user who logged in elsewhere (the webapps' session), with the authorities their HTTP
     * Basic login would give; empty for a disabled operator.
     */
    public Optional<Authentication> autenticato(String username) {
        if (username == null || !username.matches(Gruppi.IDENTIFICATIVO)
                || operatori.findByUsername(username).filter(o -> !o.isAttivo()).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(UsernamePasswordAuthenticationToken.authenticated(username, null, autorita(identita.gruppiDi(username))));
    }

    static List<GrantedAuthority> autorita(Set<String> gruppi) {
        List<GrantedAuthority> autorita = new ArrayList<>();
        for (String gruppo : gruppi) {
            autorita.add(new SimpleGrantedAuthority("GROUP_" + gruppo));
        }
        if (gruppi.contains(Gruppi.AMMINISTRATORI)) {
            autorita.add(new SimpleGrantedAuthority(ROLE_AMMINISTRATORE));
        }
        if (gruppi.contains(Gruppi.SUPERVISORI)) {
            autorita.add(new SimpleGrantedAuthority(ROLE_SUPERVISORE));
        }
        if (gruppi.contains(Gruppi.ANALISTI)) {
            autorita.add(new SimpleGrantedAuthority(ROLE_ANALISTA));
        }
        if (gruppi.contains(Gruppi.VALIDATORI_REGIONALI)) {
            autorita.add(new SimpleGrantedAuthority(ROLE_VALIDATORE_REGIONALE));
        }
        if (gruppi.contains(Gruppi.LETTORI_REGIONALI) || gruppi.stream().anyMatch(g -> Gruppi.regioneDeiLettori(g).isPresent())) {
            autorita.add(new SimpleGrantedAuthority(ROLE_LETTORE_REGIONALE));
        }
        // any provincial reader's group makes the caller read-only: a reader who sees nothing beats one who may write
        if (gruppi.contains(Gruppi.LETTORI_PROVINCIALI) || gruppi.stream().anyMatch(g -> Gruppi.provinciaDeiLettori(g).isPresent())) {
            autorita.add(new SimpleGrantedAuthority(ROLE_LETTORE_PROVINCIALE));
        }
        return autorita;
    }

    /** Forgets the user's remembered login: its groups changed and must apply to its next request. */
    void dimentica(String username) {
        memoria.dimentica(username);
        federata.dimentica(username);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
