package it.piattaformacasa.operatori;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

import it.piattaformacasa.common.CodiceFiscale;
import it.piattaformacasa.common.sicurezza.Gruppi;

/**
 * Who a person who logged in at the identity provider is for the platform (issue 14, ADR 14). The provider says who
 * the person is; the platform alone says what they may do: the codice fiscale of the identity ({@code fiscalNumber},
 * SPID's attribute, {@code TINIT-} prefix removed) finds the operatore, whose groups and abilitazioni are ours. A
 * person the platform does not know, or an operatore disabled or without any group, is logged in with
 * {@link #ROLE_SENZA_ABILITAZIONE} alone: the citizens' side, never an operator's page.
 */
@Component
public class IdentitaFederata {

    /** Logged in, but not an operator of anything: the page «nessuna abilitazione», never an empty inbox. */
    public static final String ROLE_SENZA_ABILITAZIONE = "ROLE_SENZA_ABILITAZIONE";
    /**
     * Seed 002: a person who is not an enabled operator sees only the citizens' side. Given, beside
     * {@link #ROLE_SENZA_ABILITAZIONE}, to such a person whose identity carries a valid codice fiscale (issue 16).
     */
    public static final String ROLE_CITTADINO = "ROLE_CITTADINO";
    /** The claim with the platform's username in the identities this class builds (console, webapps, API). */
    public static final String ATTRIBUTO_UTENTE = "piattaforma_utente";

    private static final String PREFISSO_SPID = "TINIT-";
    /** Key of a subject of the embedded provider among the codici fiscali of {@link #operatoriNoti}. */
    private static final String SOGGETTO = "sub:";

    private final IdentitaPort identita;
    private final OperatoreRepository operatori;
    private final String claimCodiceFiscale;
    private final Duration validita;
    private final Clock orologio = Clock.systemUTC();
    private final Map<String, Ricordate> ricordate = new ConcurrentHashMap<>();
    /** Codice fiscale → username of the operatori already met (a person unknown is looked up again every time). */
    private final Map<String, Noto> operatoriNoti = new ConcurrentHashMap<>();
    private final Set<String> amministratoriIniziali;
    private final ObjectProvider<OperatoriService> servizio;

    IdentitaFederata(IdentitaPort identita, OperatoreRepository operatori, ObjectProvider<OperatoriService> servizio,
                     @Value("${piattaforma.identita.claim-codice-fiscale:fiscalNumber}") String claimCodiceFiscale,
                     @Value("${piattaforma.identita.amministratori-iniziali:}") List<String> amministratoriIniziali,
                     @Value("${piattaforma.sicurezza.memoria-accessi:PT30S}") Duration validita) {
        this.identita = identita;
        this.operatori = operatori;
        this.servizio = servizio;
        this.claimCodiceFiscale = claimCodiceFiscale;
        this.amministratoriIniziali = amministratoriIniziali.stream().map(c -> c.trim().toUpperCase(Locale.ROOT))
                .filter(c -> !c.isEmpty()).collect(java.util.stream.Collectors.toUnmodifiableSet());
        this.validita = validita;
    }

    /**
     * The platform's username of the person the claims describe. With {@code soggettoFidato} (the platform's own
     * provider, which puts the username in {@code sub}) a subject that is a user of ours is taken as it is; from an
     * external provider only the codice fiscale counts. A person unknown to the platform keeps their codice fiscale as
     * name (or the subject, if the provider gave none), so what they do is recorded under it.
     */
    public String username(Map<String, Object> claims, boolean soggettoFidato) {
        Optional<String> codiceFiscale = codiceFiscale(claims);
        if (codiceFiscale.isPresent()) {
            // an operatore's username never changes: remembered, so a bearer token costs no query on every call
            Optional<String> operatore = ricordato(codiceFiscale.get(),
                    () -> operatori.findByCodiceFiscale(CodiceFiscale.of(codiceFiscale.get())).map(Operatore::getUsername));
            if (operatore.isPresent()) {
                return operatore.get();
            }
            if (amministratoriIniziali.contains(codiceFiscale.get())) {
                return primoAmministratore(codiceFiscale.get(), claims);
            }
        }
        Object soggetto = claims.get("sub");
        if (soggettoFidato && soggetto instanceof String sub && sub.matches(Gruppi.IDENTIFICATIVO)
                && ricordato(SOGGETTO + sub, () -> Optional.of(sub).filter(identita::esisteUtente)).isPresent()) {
            return sub;
        }
        // an identity the platform does not know: a citizen, or an operator not enabled yet
        return codiceFiscale.orElse(soggetto instanceof String sub ? "sconosciuto:" + sub : "sconosciuto");
    }

    /** A username found for {@code chiave} within the last 30 s, or looked up now; only a found one is remembered. */
    private Optional<String> ricordato(String chiave, java.util.function.Supplier<Optional<String>> ricerca) {
        Instant adesso = orologio.instant();
        Noto noto = operatoriNoti.get(chiave);
        if (noto != null && noto.scadenza().isAfter(adesso)) {
            return Optional.of(noto.username());
        }
        Optional<String> trovato = ricerca.get();
        trovato.ifPresent(username -> operatoriNoti.put(chiave, new Noto(username, adesso.plus(validita))));
        return trovato;
    }

    /**
     * A person named in {@code piattaforma.identita.amministratori-iniziali} who logs in for the first time becomes an
     * administrator (an installation with an external provider has nobody else to create the first one); their
     * username is the codice fiscale in lower case, as for the operators the abilitazioni create.
     */
    private synchronized String primoAmministratore(String codiceFiscale, Map<String, Object> claims) {
        CodiceFiscale cf = CodiceFiscale.of(codiceFiscale);
        Optional<Operatore> gia = operatori.findByCodiceFiscale(cf);
        if (gia.isPresent()) {
            return gia.get().getUsername();
        }
        String nome = claims.get("given_name") instanceof String n && !n.isBlank() ? n : "Amministratore";
        String cognome = claims.get("family_name") instanceof String c && !c.isBlank() ? c : codiceFiscale;
        String email = claims.get("email") instanceof String e ? e : null;
        Operatore amministratore = new Operatore(codiceFiscale.toLowerCase(Locale.ROOT), cf, nome, cognome, email, null);
        amministratore.assegnaRuolo(RuoloPiattaforma.AMMINISTRATORE);
        servizio.getObject().registra(List.of(amministratore));
        return amministratore.getUsername();
    }

    /** The person's codice fiscale as the provider gives it (SPID: {@code TINIT-RSSMRA...}), when it is a valid one. */
    public Optional<String> codiceFiscale(Map<String, Object> claims) {
        if (!(claims.get(claimCodiceFiscale) instanceof String valore)) {
            return Optional.empty();
        }
        String codice = valore.trim().toUpperCase(Locale.ROOT);
        if (codice.startsWith(PREFISSO_SPID)) {
            codice = codice.substring(PREFISSO_SPID.length());
        }
        return CodiceFiscale.isValid(codice) ? Optional.of(codice) : Optional.empty();
    }

    /** The codice fiscale the platform's own provider puts in the tokens of a user (SPID's form), if it knows one. */
    public Optional<String> attributoCodiceFiscale(String username) {
        return operatori.findByUsername(username).map(Operatore::getCodiceFiscale).filter(java.util.Objects::nonNull)
                .map(cf -> PREFISSO_SPID + cf.valore());
    }

    /**
     * Name and surname of a user of the platform's own provider, as SPID gives them ({@code given_name},
     * {@code family_name}): what the citizens' side greets a person with (issue 16).
     */
    public Map<String, Object> attributiPersona(String username) {
        return operatori.findByUsername(username)
                .<Map<String, Object>>map(o -> Map.of("given_name", o.getNome(), "family_name", o.getCognome()))
                .orElse(Map.of());
    }

    public String nomeAttributoCodiceFiscale() {
        return claimCodiceFiscale;
    }

    /**
     * What the user may do now: the authorities their groups give (as for a password login), or
     * {@link #ROLE_SENZA_ABILITAZIONE} alone. Remembered for {@code piattaforma.sicurezza.memoria-accessi} (30 s), so a
     * disabling reaches a session that is already open within that time (ADR 14).
     */
    public List<GrantedAuthority> autorita(String username) {
        Instant adesso = orologio.instant();
        Ricordate giaNote = ricordate.get(username);
        if (giaNote != null && giaNote.scadenza().isAfter(adesso)) {
            return giaNote.autorita();
        }
        List<GrantedAuthority> autorita = calcola(username);
        ricordate.put(username, new Ricordate(autorita, adesso.plus(validita)));
        return autorita;
    }

    /**
     * {@link #autorita(String)}, plus {@link #ROLE_CITTADINO} for a person without abilitazione whose identity (the
     * claims of the provider's token) carries a valid codice fiscale: the codice fiscale comes from the identity, never
     * from what the person types (issue 16).
     */
    public List<GrantedAuthority> autorita(String username, Map<String, Object> claims) {
        List<GrantedAuthority> autorita = autorita(username);
        if (senzaAbilitazione(autorita) && codiceFiscale(claims).isPresent()) {
            return List.of(autorita.get(0), new SimpleGrantedAuthority(ROLE_CITTADINO));
        }
        return autorita;
    }

    private List<GrantedAuthority> calcola(String username) {
        if (!username.matches(Gruppi.IDENTIFICATIVO) || !identita.esisteUtente(username)
                || operatori.findByUsername(username).filter(o -> !o.isAttivo()).isPresent()) {
            return List.of(new SimpleGrantedAuthority(ROLE_SENZA_ABILITAZIONE));
        }
        Set<String> gruppi = identita.gruppiDi(username);
        if (gruppi.isEmpty()) {
            return List.of(new SimpleGrantedAuthority(ROLE_SENZA_ABILITAZIONE));
        }
        return List.copyOf(OperatoriAuthenticationProvider.autorita(gruppi));
    }

    /** The user's groups changed: their next request is judged on the new ones. */
    void dimentica(String username) {
        ricordate.remove(username);
    }

    public static boolean senzaAbilitazione(java.util.Collection<? extends GrantedAuthority> autorita) {
        return autorita.stream().anyMatch(a -> ROLE_SENZA_ABILITAZIONE.equals(a.getAuthority()));
    }

    private record Ricordate(List<GrantedAuthority> autorita, Instant scadenza) {
    }

    private record Noto(String username, Instant scadenza) {
    }
}
