package it.piattaformacasa.regole;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.time.ZoneId;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import it.piattaformacasa.common.ConflittoException;
import it.piattaformacasa.common.DatiNonValidiException;
import it.piattaformacasa.common.NonTrovatoException;
import it.piattaformacasa.common.sicurezza.UtenteCorrente;
import it.piattaformacasa.regole.kie.KieDmnRuntime;

/**
 * The rule sets with their versions, in the database. The files of {@code rules/} are the baseline: at every start
 * each file is imported if its content is new (same content, nothing happens), as the next PUBLISHED version of its
 * set; a changed file never overwrites a version. Sets are named after their file («isbar» for rules/isbar.dmn).
 */
@Service
public class RepositoryRegole {

    private static final Logger LOG = LoggerFactory.getLogger(RepositoryRegole.class);
    private static final ZoneId ROMA = ZoneId.of("Europe/Rome");

    public enum Stato { DRAFT, VALIDATED, PUBLISHED, RETIRED }

    public record Versione(String nome, int versione, Stato stato, LocalDate validoDal, String autore, String approvatore,
                           String motivo, String checksum, Instant creataIl, String pubblicazioneRichiestaDa,
                           Instant pubblicataIl) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final String posizione;
    private final UtenteCorrente utente;
    private final KieDmnRuntime runtime;
    private final RegistroRegole registro;
    private final org.springframework.context.ApplicationEventPublisher eventi;
    /** What the active catalogue was built from; another node's publication shows up as a different signature. */
    private volatile String firmaAttiva = "";

    RepositoryRegole(JdbcTemplate jdbc, Clock clock, UtenteCorrente utente, KieDmnRuntime runtime, RegistroRegole registro,
                     org.springframework.context.ApplicationEventPublisher eventi,
                     @Value("${piattaforma.regole.posizione:classpath*:rules/**/*.dmn}") String posizione) {
        this.jdbc = jdbc;
        this.utente = utente;
        this.clock = clock;
        this.posizione = posizione;
        this.runtime = runtime;
        this.registro = registro;
        this.eventi = eventi;
        // versions outside the catalogue (retired but bound to an avviso, drafts under simulation) load on first use
        runtime.caricaAltreVersioniCon((nome, versione) -> jdbc.query(
                "select checksum, sorgente from regola_versione where nome = ? and versione = ?",
                rs -> rs.next() ? new KieDmnRuntime.VersioneDaAttivare(nome, versione, rs.getString(1),
                        rs.getString(2).getBytes(StandardCharsets.UTF_8), false) : null, nome, versione));
    }

    /** The baseline import, then the catalogue of the database's PUBLISHED versions replaces the files' one. */
    @Bean
    @Order(0)
    static ApplicationRunner avvioRegole(RepositoryRegole repository) {
        return argomenti -> {
            repository.importaBaseline();
            repository.allinea();
        };
    }

    /**
     * Builds and activates the catalogue if the PUBLISHED versions (or today's current ones) differ from the active
     * catalogue's: at start-up, after a publication committed on another node of a cluster, at midnight when a version
     * with a future effective date comes into force.
     */
    @Scheduled(fixedDelayString = "${piattaforma.regole.allineamento:PT30S}", initialDelayString = "${piattaforma.regole.allineamento:PT30S}")
    public void allinea() {
        if (!firma().equals(firmaAttiva)) {
            attiva(preparaCatalogo());
        }
    }

    /** A compiled catalogue with the signature of the rows it was built from. */
    record CatalogoPreparato(KieDmnRuntime.Catalogo catalogo, String firma) {
    }

    private void attiva(CatalogoPreparato preparato) {
        runtime.attiva(preparato.catalogo());
        // the signature of what was compiled, not of the database now: a publication of another set committed meanwhile
        // leaves them different, and the next alignment picks it up
        firmaAttiva = preparato.firma();
        LOG.info("Regole attive: {} (correnti {})", runtime.versioniAttive(), runtime.versioniCorrenti());
    }

    private String firma() {
        return jdbc.queryForObject("""
                select coalesce(string_agg(nome || ':' || versione || ':' || checksum, ',' order by nome, versione), '')
                  from regola_versione where stato = 'PUBLISHED'""", String.class) + "|" + inVigoreIl(oggi()).versioni();
    }

    /**
     * Compiles the catalogue of the PUBLISHED versions as the database shows them to the current transaction, the
     * one in force today marked current. Throws, activating nothing, if a version does not compile.
     */
    CatalogoPreparato preparaCatalogo() {
        String firma = firma();
        RegoleVincolate correnti = inVigoreIl(oggi());
        List<KieDmnRuntime.VersioneDaAttivare> versioni = jdbc.query("""
                select nome, versione, checksum, sorgente from regola_versione where stato = 'PUBLISHED' order by nome, versione""",
                (rs, n) -> new KieDmnRuntime.VersioneDaAttivare(rs.getString(1), rs.getInt(2), rs.getString(3),
                        rs.getString(4).getBytes(StandardCharsets.UTF_8),
                        Integer.valueOf(rs.getInt(2)).equals(correnti.versione(rs.getString(1)))));
        return new CatalogoPreparato(runtime.prepara(versioni), firma);
    }

    /** Activates the catalogue once the transaction that published the change has committed (never before). */
    void attivaDopoIlCommit(CatalogoPreparato preparato) {
        Runnable attiva = () -> attiva(preparato);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    attiva.run();
                }
            });
        } else {
            attiva.run();
        }
    }

    /**
     * The version of each set in force on a day: the PUBLISHED one with the latest effective date not after it.
     */
    @Transactional(readOnly = true)
    public RegoleVincolate inVigoreIl(LocalDate giorno) {
        Map<String, Integer> versioni = new TreeMap<>();
        jdbc.query("""
                select distinct on (nome) nome, versione from regola_versione
                 where stato = 'PUBLISHED' and valido_dal <= ? order by nome, valido_dal desc, versione desc""",
                rs -> { versioni.put(rs.getString(1), rs.getInt(2)); }, giorno);
        return new RegoleVincolate(versioni);
    }

    private LocalDate oggi() {
        return LocalDate.now(clock.withZone(ROMA));
    }

    /**
     * Makes a version PUBLISHED from a date: the versions of the set published from that date on are superseded
     * (RETIRED), the earlier ones keep holding for the days before it.
     */
    void rendiPubblicata(String nome, int versione, LocalDate validoDal, String approvatore) {
        jdbc.update("""
                update regola_versione set stato = 'RETIRED'
                 where nome = ? and versione <> ? and stato = 'PUBLISHED' and valido_dal >= ?""", nome, versione, validoDal);
        jdbc.update("""
                update regola_versione set stato = 'PUBLISHED', valido_dal = ?, approvatore = ?, pubblicata_il = ?
                 where nome = ? and versione = ?""", validoDal, approvatore, Timestamp.from(Instant.now(clock)), nome, versione);
    }

    @Transactional
    public void importaBaseline() {
        try {
            for (Resource file : new PathMatchingResourcePatternResolver().getResources(posizione)) {
                try (InputStream in = file.getInputStream()) {
                    String nome = file.getFilename() == null ? "regole" : file.getFilename().replaceFirst("\\.dmn$", "");
                    int versione = importa(nome, new String(in.readAllBytes(), StandardCharsets.UTF_8), "baseline",
                            "File rules/" + file.getFilename() + " del rilascio");
                    // the baseline's own test cases sit next to the file: rules/isbar.casi.json
                    Resource casi = file.createRelative(nome + ".casi.json");
                    if (casi.exists()) {
                        try (InputStream json = casi.getInputStream()) {
                            salvaCasi(nome, versione, new String(json.readAllBytes(), StandardCharsets.UTF_8));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Stores the source as the next PUBLISHED version of the set unless the same content is already there.
     *
     * @return the version holding this content
     */
    @Transactional
    public int importa(String nome, String sorgente, String autore, String motivo) {
        String checksum = checksum(sorgente);
        List<Integer> esistente = jdbc.queryForList("select versione from regola_versione where nome = ? and checksum = ?",
                Integer.class, nome, checksum);
        if (!esistente.isEmpty()) {
            return esistente.get(0);
        }
        int versione = prossimaVersione(nome);
        Instant adesso = Instant.now(clock);
        // the first baseline holds since the rules it encodes; a later file change holds from the day it is imported
        LocalDate validoDal = versione == 1 ? LocalDate.of(2017, 8, 1) : oggi();
        jdbc.update("""
                insert into regola_versione (nome, versione, stato, valido_dal, autore, motivo, checksum, sorgente, creata_il)
                values (?, ?, 'VALIDATED', ?, ?, ?, ?, ?, ?)""", nome, versione, validoDal, autore, motivo, checksum, sorgente,
                Timestamp.from(adesso));
        // a release is reviewed as code: its rule files are published without the analysts' four eyes
        rendiPubblicata(nome, versione, validoDal, autore);
        registro.registra(autore, RegistroRegole.Azione.IMPORTAZIONE_BASELINE, nome, versione, null, motivo,
                Map.of("validoDal", validoDal.toString(), "checksum", checksum));
        eventi.publishEvent(new RegolePubblicate(nome, versione, validoDal, autore));
        LOG.info("Regole «{}»: importata la versione {} ({})", nome, versione, motivo);
        return versione;
    }

    /**
     * An analyst's upload: normalized for KIE, validated as the runtime would, stored as the next VALIDATED version of
     * the set. Invalid files are refused with every problem (decision, rule, reason) and nothing is stored.
     */
    @Transactional
    public Versione carica(String nome, byte[] dmn, String motivo, LocalDate validoDal) {
        return carica(nome, dmn, motivo, validoDal, null);
    }

    /**
     * The same, for a version written from another one (the console's editor): the new version starts with the test
     * cases of {@code base}, the version the analyst changed, not of whatever draft came last.
     */
    @Transactional
    public Versione carica(String nome, byte[] dmn, String motivo, LocalDate validoDal, Integer base) {
        List<DatiNonValidiException.Errore> errori = new ArrayList<>();
        if (!nome.matches("[a-z0-9][a-z0-9-]{0,99}")) {
            errori.add(new DatiNonValidiException.Errore("nome", "minuscole, cifre e trattini, come i file di rules/"));
        }
        if (motivo == null || motivo.isBlank()) {
            errori.add(new DatiNonValidiException.Errore("motivo", "indicare il motivo della modifica"));
        }
        if (validoDal == null) {
            errori.add(new DatiNonValidiException.Errore("validoDal", "indicare da quando vale"));
        }
        if (!errori.isEmpty()) {
            throw new DatiNonValidiException(errori);
        }
        String normalizzato;
        try {
            normalizzato = NormalizzazioneDmn.normalizza(nome, dmn);
        } catch (IllegalArgumentException e) {
            throw DatiNonValidiException.campo("dmn", e.getMessage());
        }
        String modello;
        try {
            modello = runtime.compila(nome, normalizzato.getBytes(StandardCharsets.UTF_8));
        } catch (RegoleNonValideException e) {
            throw new DatiNonValidiException(e.problemi().stream().map(p -> new DatiNonValidiException.Errore("dmn", p)).toList());
        }
        Integer ultimaVersione = jdbc.queryForObject("select max(versione) from regola_versione where nome = ?", Integer.class, nome);
        String precedente = ultimaVersione == null ? null : runtime.modello(nome, ultimaVersione).orElse(null);
        if (!modello.endsWith("#" + nome) || precedente != null && !precedente.equals(modello)) {
            // the ports find a set by namespace and model name: a different one would never be evaluated
            throw DatiNonValidiException.campo("dmn", "il modello è " + modello + ": per l'insieme «" + nome + "» deve essere "
                    + (precedente != null ? precedente : "<namespace>#" + nome));
        }
        String checksum = checksum(normalizzato);
        Versione uguale = versioneConLoStessoContenuto(nome, normalizzato, checksum);
        if (uguale != null) {
            throw new ConflittoException("Il contenuto è identico alla versione " + uguale.versione() + " di «" + nome + "» ("
                    + uguale.stato() + "): nessuna nuova versione è stata creata. Per rimettere in vigore quella versione "
                    + "se ne chiede la pubblicazione");
        }
        int versione = prossimaVersione(nome);
        jdbc.update("""
                insert into regola_versione (nome, versione, stato, valido_dal, autore, motivo, checksum, sorgente, creata_il)
                values (?, ?, 'VALIDATED', ?, ?, ?, ?, ?, ?)""", nome, versione, validoDal, utente.username(), motivo.strip(),
                checksum, normalizzato, Timestamp.from(Instant.now(clock)));
        registro.registra(utente.username(), RegistroRegole.Azione.CARICAMENTO, nome, versione, null, motivo.strip(),
                Map.of("validoDal", validoDal.toString(), "checksum", checksum));
        // a rule set carries its test cases: the new version starts with those of the version it was written from, or
        // of the previous version for an upload
        if (base != null) {
            jdbc.update("""
                    insert into regola_caso_test (nome, versione, descrizione, input, atteso)
                    select nome, ?, descrizione, input, atteso from regola_caso_test where nome = ? and versione = ?""",
                    versione, nome, base);
        } else {
            jdbc.update("""
                    insert into regola_caso_test (nome, versione, descrizione, input, atteso)
                    select nome, ?, descrizione, input, atteso from regola_caso_test
                     where nome = ? and versione = (select max(versione) from regola_caso_test where nome = ? and versione < ?)""",
                    versione, nome, nome, versione);
        }
        return versioni().stream().filter(v -> v.nome().equals(nome) && v.versione() == versione).findFirst().orElseThrow();
    }

    /**
     * The version of the set with the same content as an upload, compared as both would be stored: the files of
     * {@code rules/} are kept as released, uploads normalized, so a version downloaded and uploaded again unchanged
     * matches by its normalized form, not by its bytes.
     */
    private Versione versioneConLoStessoContenuto(String nome, String normalizzato, String checksum) {
        List<Versione> stesse = jdbc.query("select * from regola_versione where nome = ? and checksum = ?", RepositoryRegole::versione,
                nome, checksum);
        if (!stesse.isEmpty()) {
            return stesse.get(0);
        }
        for (Map<String, Object> riga : jdbc.queryForList("select versione, sorgente from regola_versione where nome = ? "
                + "order by versione", nome)) {
            String sorgente = (String) riga.get("sorgente");
            try {
                if (NormalizzazioneDmn.normalizza(nome, sorgente.getBytes(StandardCharsets.UTF_8)).equals(normalizzato)) {
                    return versione(nome, ((Number) riga.get("versione")).intValue());
                }
            } catch (IllegalArgumentException illeggibile) {
                // a stored source that no longer normalizes cannot be the same content
            }
        }
        return null;
    }

    /** The next version number of a set, taken under the lock of the set's rows: one new version at a time per set. */
    private int prossimaVersione(String nome) {
        jdbc.queryForList("select id from regola_versione where nome = ? for update", Long.class, nome);
        Integer ultima = jdbc.queryForObject("select max(versione) from regola_versione where nome = ?", Integer.class, nome);
        return ultima == null ? 1 : ultima + 1;
    }

    /** Stores test cases given as a JSON array of {descrizione, input, atteso}; existing descriptions stay as they are. */
    private void salvaCasi(String nome, int versione, String json) {
        jdbc.update("""
                insert into regola_caso_test (nome, versione, descrizione, input, atteso)
                select ?, ?, c->>'descrizione', coalesce(c->'input', '{}'::jsonb), c->'atteso'
                  from jsonb_array_elements(?::jsonb) c
                on conflict (nome, versione, descrizione) do nothing""", nome, versione, json);
    }

    @Transactional(readOnly = true)
    public List<Versione> versioni() {
        return jdbc.query("select * from regola_versione order by nome, versione", RepositoryRegole::versione);
    }

    /** The names of the rule sets, in alphabetical order. */
    @Transactional(readOnly = true)
    public List<String> nomi() {
        return jdbc.queryForList("select distinct nome from regola_versione order by nome", String.class);
    }

    /** @throws NonTrovatoException for an unknown set or version */
    @Transactional(readOnly = true)
    public Versione versione(String nome, int versione) {
        return jdbc.query("select * from regola_versione where nome = ? and versione = ?", RepositoryRegole::versione, nome, versione)
                .stream().findFirst().orElseThrow(() -> new NonTrovatoException("Regole «" + nome + "» versione " + versione
                        + " non trovate"));
    }

    /**
     * The last day a version holds: the day before the set's next PUBLISHED version takes effect (timeline semantics
     * of ADR 6); null while none follows, or when the version is not PUBLISHED (it holds on no day).
     */
    @Transactional(readOnly = true)
    public LocalDate validoFinoAl(Versione versione) {
        if (versione.stato() != Stato.PUBLISHED) {
            return null;
        }
        LocalDate successiva = jdbc.queryForObject("""
                select min(valido_dal) from regola_versione where nome = ? and stato = 'PUBLISHED' and valido_dal > ?""",
                LocalDate.class, versione.nome(), versione.validoDal());
        return successiva == null ? null : successiva.minusDays(1);
    }

    private static Versione versione(java.sql.ResultSet rs, int riga) throws java.sql.SQLException {
        Timestamp pubblicata = rs.getTimestamp("pubblicata_il");
        return new Versione(rs.getString("nome"), rs.getInt("versione"), Stato.valueOf(rs.getString("stato")),
                rs.getObject("valido_dal", LocalDate.class), rs.getString("autore"), rs.getString("approvatore"),
                rs.getString("motivo"), rs.getString("checksum"), rs.getTimestamp("creata_il").toInstant(),
                rs.getString("pubblicazione_richiesta_da"), pubblicata == null ? null : pubblicata.toInstant());
    }

    @Transactional(readOnly = true)
    public String sorgente(String nome, int versione) {
        return jdbc.queryForList("select sorgente from regola_versione where nome = ? and versione = ?", String.class, nome, versione)
                .stream().findFirst().orElseThrow(() -> new NonTrovatoException("Regole «" + nome + "» versione " + versione
                        + " non trovate"));
    }

    static String checksum(String sorgente) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(sorgente.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
