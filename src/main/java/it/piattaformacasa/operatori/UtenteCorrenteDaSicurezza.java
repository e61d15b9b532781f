package it.piattaformacasa.operatori;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import it.piattaformacasa.anagrafe.RegioneProfilo;
import it.piattaformacasa.common.sicurezza.Gruppi;
import it.piattaformacasa.common.sicurezza.UtenteCorrente;

/** The caller of the current request, from Spring Security plus the operatore's abilitazioni. */
@Component
class UtenteCorrenteDaSicurezza implements UtenteCorrente {

    /**
     * Who sees every ente's cases (least privilege: analysts change rules, they do not read applicants' data). Not the
     * regional reader: it reads the enti of its Region (ADR 16), listed in {@link #entiAbilitati()}.
     */
    private static final Set<String> RUOLI_TRASVERSALI = Set.of(OperatoriAuthenticationProvider.ROLE_AMMINISTRATORE,
            OperatoriAuthenticationProvider.ROLE_SUPERVISORE);
    private static final Set<String> RUOLI_ANAGRAFE = Set.of(OperatoriAuthenticationProvider.ROLE_AMMINISTRATORE,
            OperatoriAuthenticationProvider.ROLE_SUPERVISORE, OperatoriAuthenticationProvider.ROLE_ANALISTA);
    /** Seed 004: «quelli provinciali e regionali alla sola consultazione». */
    static final Set<String> RUOLI_SOLA_LETTURA = Set.of(OperatoriAuthenticationProvider.ROLE_LETTORE_REGIONALE,
            OperatoriAuthenticationProvider.ROLE_LETTORE_PROVINCIALE);

    private final OperatoreRepository operatori;
    private final JdbcTemplate jdbc;

    UtenteCorrenteDaSicurezza(OperatoreRepository operatori, JdbcTemplate jdbc) {
        this.operatori = operatori;
        this.jdbc = jdbc;
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

    /**
     * The enti of its abilitazioni, plus, for a provincial reader, those whose comune is in its province, and for a
     * regional reader those of its Region's profile.
     */
    @Override
    public Set<Long> entiAbilitati() {
        Set<String> province = letti(Gruppi::provinciaDeiLettori);
        Set<String> lette = letti(Gruppi::regioneDeiLettori);
        Set<RegioneProfilo> regioni = java.util.Arrays.stream(RegioneProfilo.values()).filter(r -> lette.contains(r.name()))
                .collect(Collectors.toUnmodifiableSet());
        if (province.isEmpty() && regioni.isEmpty()) {
            return enti(null);
        }
        Set<Long> visibili = new HashSet<>(enti(null));
        if (!province.isEmpty()) {
            visibili.addAll(operatori.idEntiDelleProvince(province));
        }
        if (!regioni.isEmpty()) {
            visibili.addAll(operatori.idEntiDelleRegioni(regioni));
        }
        return Set.copyOf(visibili);
    }

    /**
     * The scopes of the caller's reader groups (authorities {@code GROUP_lettori-provincia-va},
     * {@code GROUP_lettori-regione-marche}), as {@code scopo} reads them from a group.
     */
    private static Set<String> letti(Function<String, Optional<String>> scopo) {
        Authentication authentication = autenticazione();
        if (authentication == null) {
            return Set.of();
        }
        return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("GROUP_")).map(a -> scopo.apply(a.substring("GROUP_".length())))
                .flatMap(Optional::stream).collect(Collectors.toUnmodifiableSet());
    }

    // a reader holds no abilitazione to work, whatever its operatore row says: the enti it may change are none
    @Override
    public Set<Long> entiGestioneAvviso() {
        return soloLettura() ? Set.of() : enti(TipoAbilitazione.GESTIONE_AVVISO);
    }

    @Override
    public Set<Long> entiIstruttoria() {
        return soloLettura() ? Set.of() : enti(TipoAbilitazione.ISTRUTTORIA_DOMANDE);
    }

    /** The enti of the caller's abilitazioni of {@code tipo} (null: any), if it is an active operatore. */
    private Set<Long> enti(TipoAbilitazione tipo) {
        String username = username();
        if (username == null) {
            return Set.of();
        }
        // ids only, in SQL: every request that reads by ente asks, the opening-day burst on every domanda (issue 17: as
        // a repository query it cost a node 3.5 % of its CPU there); what findByUsername's abilitazioni would give
        String abilitazioni = "select a.ente_id from abilitazione a join operatore o on o.id = a.operatore_id"
                + " where o.username = ? and o.attivo";
        List<Long> enti = tipo == null ? jdbc.queryForList(abilitazioni, Long.class, username)
                : jdbc.queryForList(abilitazioni + " and a.tipo = ?", Long.class, username, tipo.name());
        return Set.copyOf(enti);
    }
}
