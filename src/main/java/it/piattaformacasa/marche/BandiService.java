package it.piattaformacasa.marche;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import it.piattaformacasa.anagrafe.AnagrafeService;
import it.piattaformacasa.anagrafe.EnteProprietario;
import it.piattaformacasa.anagrafe.RegioneProfilo;
import it.piattaformacasa.common.AccessoNegatoException;
import it.piattaformacasa.common.ConflittoException;
import it.piattaformacasa.common.DatiNonValidiException;
import it.piattaformacasa.common.DatiNonValidiException.Errore;
import it.piattaformacasa.common.ItalianFormats;
import it.piattaformacasa.common.NonTrovatoException;
import it.piattaformacasa.common.sicurezza.UtenteCorrente;

/**
 * The bandi of the Marche Comuni and their grids (issue 15, seed 004 «Definizione bandi» and «Condizioni»).
 *
 * <p>Who: the operators with «Gestione Avviso» of an ente whose regional profile is MARCHE define, delete and edit the
 * bandi of that ente; whoever sees the ente's cases (its other operators, supervisors, administrators, the readers in
 * scope) reads them; for anyone else a bando does not exist (404). A Lombardia ente has no bandi: its operators are
 * refused (403) whatever their abilitazione, and the Lombardia procedure is untouched.
 *
 * <p>The grid is versioned: «Copia da modello» and every «Salva» add a version, never overwrite one, and both are
 * refused (409) once the bando has a domanda (seed 004: «Impossibile modificare le condizioni del bando. Domande già
 * inserite.»). The bando's row is locked while a version is added, so two saves get consecutive numbers and a domanda
 * filed meanwhile (a later slice locks the same row) is seen.
 */
@Service
public class BandiService {

    /** Seed 004, Fig. 11, word for word. */
    public static final String CONDIZIONI_BLOCCATE = "Impossibile modificare le condizioni del bando. Domande già inserite.";
    public static final String NON_ELIMINABILE = "Impossibile eliminare il bando: domande già inserite.";
    public static final String SOLO_MARCHE = "I bandi con la griglia di punteggio del Comune (Regione Marche) li definiscono gli "
            + "operatori con la gestione avviso di un ente con profilo regionale Marche";

    /** A saved version of a bando's grid. {@code origine}: MODELLO («Copia da modello») or MODIFICA («Salva»). */
    public record VersioneCondizioni(long bandoId, int versione, String origine, GrigliaCondizioni griglia, String salvataDa,
                                     Instant salvataIl) {
    }

    private final JdbcTemplate jdbc;
    private final AnagrafeService anagrafe;
    private final ModelloCondizioni modello;
    private final UtenteCorrente utente;
    private final Clock clock;
    private final PunteggioGrigliaDmn punteggio;
    // the grid as stored: its own mapper, so the API's JSON settings never change what a stored version reads back as
    private final ObjectMapper json = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    BandiService(JdbcTemplate jdbc, AnagrafeService anagrafe, ModelloCondizioni modello, UtenteCorrente utente, Clock clock,
                 PunteggioGrigliaDmn punteggio) {
        this.jdbc = jdbc;
        this.punteggio = punteggio;
        this.anagrafe = anagrafe;
        this.modello = modello;
        this.utente = utente;
        this.clock = clock;
    }

    // ------------------------------------------------------------------------------------------------------ bandi

    /** The bandi the caller sees, newest first. */
    @Transactional(readOnly = true)
    public List<Bando> bandi() {
        Map<Long, EnteProprietario> enti = entiMarche();
        List<Long> visibili = visibili(enti.keySet());
        if (visibili.isEmpty()) {
            return List.of();
        }
        Set<Long> gestione = utente.entiGestioneAvviso();
        String segnaposti = String.join(",", visibili.stream().map(x -> "?").toList());
        return jdbc.query(SELECT + " where b.ente_id in (" + segnaposti + ") order by b.data_pubblicazione desc, b.id desc",
                (rs, n) -> bando(rs, enti, gestione), visibili.toArray());
    }

    /** The enti whose bandi the caller defines (Gestione Avviso of a Marche ente): empty for everyone else. */
    @Transactional(readOnly = true)
    public List<EnteProprietario> entiGestibili() {
        Set<Long> gestione = utente.entiGestioneAvviso();
        return entiMarche().values().stream().filter(e -> gestione.contains(e.getId())).toList();
    }

    /** Whether the caller has any bando to see or define: the console's menu shows «Bandi» only then (every page). */
    @Transactional(readOnly = true)
    public boolean vedeBandi() {
        return !visibili(entiMarche().keySet()).isEmpty();
    }

    /** Whether every ente the caller works for is of the Marche profile (none of the platform-wide roles). */
    @Transactional(readOnly = true)
    public boolean soloMarche() {
        Set<Long> propri = utente.entiAbilitati();
        return !utente.vedeTuttiGliEnti() && !propri.isEmpty() && entiMarche().keySet().containsAll(propri);
    }

    @Transactional(readOnly = true)
    public Bando bando(long id) {
        Map<Long, EnteProprietario> enti = entiMarche();
        Set<Long> gestione = utente.entiGestioneAvviso();
        return jdbc.query(SELECT + " where b.id = ?", (rs, n) -> bando(rs, enti, gestione), id).stream()
                .filter(b -> utente.puoVedereEnte(b.enteId())).findFirst()
                .orElseThrow(() -> new NonTrovatoException("Bando " + id + " non trovato"));
    }

    /**
     * Locks the bando's row for the rest of the transaction and reads it again: a new grid version, a «Modifica», the
     * first domanda and the graduatoria's «Inserisci» are serialized by it. The caller has checked who may write.
     */
    @Transactional
    public Bando blocca(long id) {
        jdbc.query("select id from marche_bando where id = ? for update", (rs, n) -> rs.getLong(1), id);
        return bando(id);
    }

    /** «Nuovo bando» → «OK». {@code enteId} may be omitted by an operator of one Marche ente only. */
    @Transactional
    public Bando crea(Long enteId, String numero, LocalDate dataPubblicazione, LocalDate dataScadenza,
                      LocalDate dataScadenzaEstero) {
        EnteProprietario ente = enteDaGestire(enteId);
        String n = numero == null ? "" : numero.strip();
        List<Errore> errori = errori(n, dataPubblicazione, dataScadenza, dataScadenzaEstero);
        if (errori.isEmpty() && esiste(ente.getId(), dataPubblicazione.getYear(), n, null)) {
            errori.add(duplicato(ente, n, dataPubblicazione.getYear()));
        }
        if (!errori.isEmpty()) {
            throw new DatiNonValidiException(errori);
        }
        long id;
        try {
            id = jdbc.queryForObject("""
                    insert into marche_bando (ente_id, numero, anno, data_pubblicazione, data_scadenza, data_scadenza_estero,
                                              creato_da, creato_il)
                    values (?, ?, ?, ?, ?, ?, ?, ?) returning id""", Long.class, ente.getId(), n, dataPubblicazione.getYear(),
                    Date.valueOf(dataPubblicazione), Date.valueOf(dataScadenza), Date.valueOf(dataScadenzaEstero),
                    utente.username(), Timestamp.from(Instant.now(clock)));
        } catch (DuplicateKeyException e) {
            throw new DatiNonValidiException(List.of(duplicato(ente, n, dataPubblicazione.getYear())));
        }
        return bando(id);
    }

    /**
     * «Modifica» (seed 004: «gli unici dati modificabili sono: n. bando, data pub., data scad.»). The bando's row is
     * locked, so a domanda filed meanwhile is seen: once domande exist, the dates must still hold them — published on
     * or before the first, closing on or after the last of the residents in Italy, and for residents abroad on or after
     * the last of theirs.
     */
    @Transactional
    public Bando modifica(long id, String numero, LocalDate dataPubblicazione, LocalDate dataScadenza,
                          LocalDate dataScadenzaEstero) {
        Bando bando = blocca(bandoDaGestire(id).id());
        String n = numero == null ? "" : numero.strip();
        List<Errore> errori = errori(n, dataPubblicazione, dataScadenza, dataScadenzaEstero);
        if (errori.isEmpty()) {
            Map<String, Object> date = jdbc.queryForMap("""
                    select min(data_presentazione) as prima,
                           max(data_presentazione) filter (where not residente_estero) as ultima_italia,
                           max(data_presentazione) filter (where residente_estero) as ultima_estero
                      from marche_domanda where bando_id = ?""", bando.id());
            LocalDate prima = locale(date.get("prima"));
            LocalDate ultimaItalia = locale(date.get("ultima_italia"));
            LocalDate ultimaEstero = locale(date.get("ultima_estero"));
            if (prima != null && dataPubblicazione.isAfter(prima)) {
                errori.add(new Errore("dataPubblicazione", "non può seguire il " + ItalianFormats.data(prima)
                        + ", data di presentazione della prima domanda"));
            }
            if (ultimaItalia != null && dataScadenza.isBefore(ultimaItalia)) {
                errori.add(new Errore("dataScadenza", "non può precedere il " + ItalianFormats.data(ultimaItalia)
                        + ", data di presentazione dell'ultima domanda di un residente in Italia"));
            }
            if (ultimaEstero != null && dataScadenzaEstero.isBefore(ultimaEstero)) {
                errori.add(new Errore("dataScadenzaEstero", "non può precedere il " + ItalianFormats.data(ultimaEstero)
                        + ", data di presentazione dell'ultima domanda di un residente all'estero"));
            }
        }
        EnteProprietario ente = entiMarche().get(bando.enteId());
        if (errori.isEmpty() && esiste(bando.enteId(), dataPubblicazione.getYear(), n, bando.id())) {
            errori.add(duplicato(ente, n, dataPubblicazione.getYear()));
        }
        if (!errori.isEmpty()) {
            throw new DatiNonValidiException(errori);
        }
        try {
            jdbc.update("""
                    update marche_bando set numero = ?, anno = ?, data_pubblicazione = ?, data_scadenza = ?,
                                            data_scadenza_estero = ?
                     where id = ?""", n, dataPubblicazione.getYear(), Date.valueOf(dataPubblicazione),
                    Date.valueOf(dataScadenza), Date.valueOf(dataScadenzaEstero), bando.id());
        } catch (DuplicateKeyException e) {
            throw new DatiNonValidiException(List.of(duplicato(ente, n, dataPubblicazione.getYear())));
        }
        return bando(bando.id());
    }

    /** «Elimina»: only while no domanda exists (seed 004); its grid's versions go with it. */
    @Transactional
    public void elimina(long id) {
        Bando bando = bandoDaGestire(id);
        if (domande(bando.id()) > 0) {
            throw new ConflittoException(NON_ELIMINABILE);
        }
        jdbc.update("delete from marche_bando where id = ?", bando.id());
    }

    // ------------------------------------------------------------------------------------------------ condizioni

    /** The grid's current version ({@code versione} null) or a past one; empty before the first. */
    @Transactional(readOnly = true)
    public Optional<VersioneCondizioni> condizioni(long bandoId, Integer versione) {
        Bando bando = bando(bandoId);
        String sql = "select * from marche_condizioni where bando_id = ? "
                + (versione == null ? "order by versione desc limit 1" : "and versione = ?");
        Object[] argomenti = versione == null ? new Object[] {bando.id()} : new Object[] {bando.id(), versione};
        return jdbc.query(sql, (rs, n) -> versione(rs), argomenti).stream().findFirst();
    }

    /** Who saved each version, and how, newest first (the grid's trail). */
    @Transactional(readOnly = true)
    public List<VersioneCondizioni> versioni(long bandoId) {
        Bando bando = bando(bandoId);
        return jdbc.query("select * from marche_condizioni where bando_id = ? order by versione desc", (rs, n) -> versione(rs),
                bando.id());
    }

    /** The Region's model grid, as «Copia da modello» copies it. */
    public GrigliaCondizioni modello() {
        return modello.griglia();
    }

    /** «Copia da modello»: the model becomes the bando's next version, to adapt and save. */
    @Transactional
    public VersioneCondizioni copiaDaModello(long bandoId) {
        Bando bando = bandoPerLeCondizioni(bandoId, null);
        return aggiungi(bando.id(), "MODELLO", modello.griglia());
    }

    /**
     * «Salva»: the grid as the Comune defined it becomes the next version, if valid (400 with each wrong field
     * otherwise). {@code versioneBase}, if given, is the version the caller edited: another save since then is a 409.
     */
    @Transactional
    public VersioneCondizioni salvaCondizioni(long bandoId, GrigliaCondizioni griglia, Integer versioneBase) {
        Bando bando = bandoPerLeCondizioni(bandoId, versioneBase);
        List<Errore> errori = griglia.errori();
        if (errori.isEmpty()) {
            errori = DmnCondizioni.errori(griglia); // what the DMN model cannot express, with the fields as sent
        }
        if (!errori.isEmpty()) {
            throw new DatiNonValidiException(errori);
        }
        GrigliaCondizioni precedente = bando.versioneCondizioni() == 0 ? null
                : condizioni(bando.id(), bando.versioneCondizioni()).map(VersioneCondizioni::griglia).orElse(null);
        return aggiungi(bando.id(), "MODIFICA", griglia.ordinata().rispetto(precedente));
    }

    /**
     * A grid version's derived DMN model (ADR 16), to read in Camunda Modeler or bpmn.io: whoever reads the bando.
     *
     * @param nomeFile «bando-113-2041-condizioni-v2.dmn»
     */
    public record DmnCondizioniBando(String nomeFile, int versione, String xml) {
    }

    /** The DMN of the grid's current version ({@code versione} null) or of a past one; 404 when there is none. */
    @Transactional(readOnly = true)
    public DmnCondizioniBando dmn(long bandoId, Integer versione) {
        Bando bando = bando(bandoId);
        VersioneCondizioni v = versioneEsistente(bando, versione);
        String file = "bando-" + bando.numero().replaceAll("[^A-Za-z0-9-]", "-") + "-" + bando.anno() + "-condizioni-v"
                + v.versione() + ".dmn";
        return new DmnCondizioniBando(file, v.versione(), punteggio.dmn(bando.id(), v.versione(), v.griglia()));
    }

    /**
     * «Prova il punteggio»: the score a domanda with these data would get from the grid's current version
     * ({@code versione} null) or a past one, with its explanation. Writes nothing; whoever reads the bando may ask (the
     * readers' read-only guard refuses its POST before it gets here).
     */
    @Transactional(readOnly = true)
    public VersioneEPunteggio prova(long bandoId, Integer versione, PunteggioGriglia.DatiPunteggio dati) {
        Bando bando = bando(bandoId);
        VersioneCondizioni v = versioneEsistente(bando, versione);
        return new VersioneEPunteggio(v.versione(), punteggio.calcola(bando.id(), v.versione(), v.griglia(), dati));
    }

    public record VersioneEPunteggio(int versione, PunteggioGriglia.Punteggio punteggio) {
    }

    private VersioneCondizioni versioneEsistente(Bando bando, Integer versione) {
        return condizioni(bando.id(), versione).orElseThrow(() -> new NonTrovatoException(versione == null
                ? "Il bando non ha ancora condizioni: «Copia da modello» o «Salva» le definiscono"
                : "Versione " + versione + " delle condizioni non trovata"));
    }

    // ------------------------------------------------------------------------------------------------- internals

    private static final String SELECT = """
            select b.*, (select coalesce(max(c.versione), 0) from marche_condizioni c where c.bando_id = b.id) as versione_condizioni,
                   (select count(*) from marche_domanda d where d.bando_id = b.id) as domande
              from marche_bando b""";

    /** The caller's visible enti among {@code enti}, its abilitazioni read once (not once per ente). */
    private List<Long> visibili(Set<Long> enti) {
        if (utente.vedeTuttiGliEnti()) {
            return List.copyOf(enti);
        }
        Set<Long> abilitati = utente.entiAbilitati();
        return enti.stream().filter(abilitati::contains).toList();
    }

    private Bando bando(ResultSet rs, Map<Long, EnteProprietario> enti, Set<Long> gestione) throws SQLException {
        long enteId = rs.getLong("ente_id");
        EnteProprietario ente = enti.get(enteId);
        return new Bando(rs.getLong("id"), enteId, ente == null ? "" : ente.getRagioneSociale(), rs.getString("numero"),
                rs.getInt("anno"), rs.getDate("data_pubblicazione").toLocalDate(), rs.getDate("data_scadenza").toLocalDate(),
                rs.getDate("data_scadenza_estero").toLocalDate(), rs.getString("creato_da"),
                rs.getTimestamp("creato_il").toInstant(), rs.getInt("versione_condizioni"), rs.getLong("domande"),
                gestione.contains(enteId) && ente != null);
    }

    private VersioneCondizioni versione(ResultSet rs) throws SQLException {
        try {
            return new VersioneCondizioni(rs.getLong("bando_id"), rs.getInt("versione"), rs.getString("origine"),
                    json.readValue(rs.getString("griglia"), GrigliaCondizioni.class), rs.getString("salvata_da"),
                    rs.getTimestamp("salvata_il").toInstant());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Versione " + rs.getInt("versione") + " delle condizioni illeggibile", e);
        }
    }

    private VersioneCondizioni aggiungi(long bandoId, String origine, GrigliaCondizioni griglia) {
        int versione = jdbc.queryForObject("select coalesce(max(versione), 0) + 1 from marche_condizioni where bando_id = ?",
                Integer.class, bandoId);
        // the version's DMN model compiles (400 naming the problem, nothing written); compiled now, its domande's scores
        // find it in the cache
        punteggio.dmn(bandoId, versione, griglia);
        Instant adesso = Instant.now(clock);
        try {
            jdbc.update("insert into marche_condizioni (bando_id, versione, origine, griglia, salvata_da, salvata_il) "
                            + "values (?, ?, ?, cast(? as jsonb), ?, ?)", bandoId, versione, origine, json.writeValueAsString(griglia),
                    utente.username(), Timestamp.from(adesso));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return new VersioneCondizioni(bandoId, versione, origine, griglia, utente.username(), adesso);
    }

    /** The bando locked for a new version of its grid: the caller manages it, no domanda yet, no save in between. */
    private Bando bandoPerLeCondizioni(long bandoId, Integer versioneBase) {
        Bando bloccato = blocca(bandoDaGestire(bandoId).id());
        if (bloccato.domande() > 0) {
            throw new ConflittoException(CONDIZIONI_BLOCCATE);
        }
        if (versioneBase != null && versioneBase != bloccato.versioneCondizioni()) {
            throw new ConflittoException("Le condizioni del bando sono state salvate nel frattempo (versione "
                    + bloccato.versioneCondizioni() + ", modificata a partire dalla " + versioneBase + "): ricaricare la pagina");
        }
        return bloccato;
    }

    private Bando bandoDaGestire(long id) {
        Bando bando = bando(id);
        if (!bando.gestibile()) {
            throw new AccessoNegatoException(SOLO_MARCHE + " (" + bando.ente() + ")");
        }
        return bando;
    }

    private EnteProprietario enteDaGestire(Long enteId) {
        List<EnteProprietario> gestibili = entiGestibili();
        if (gestibili.isEmpty() || enteId != null && gestibili.stream().noneMatch(e -> e.getId().equals(enteId))) {
            throw new AccessoNegatoException(SOLO_MARCHE);
        }
        if (enteId == null && gestibili.size() > 1) {
            throw DatiNonValidiException.campo("enteId", "obbligatorio: l'ente del bando (" + gestibili.stream()
                    .map(e -> e.getId() + " " + e.getRagioneSociale()).collect(Collectors.joining(", ")) + ")");
        }
        return enteId == null ? gestibili.get(0) : gestibili.stream().filter(e -> e.getId().equals(enteId)).findFirst().orElseThrow();
    }

    private Map<Long, EnteProprietario> entiMarche() {
        return anagrafe.entiDelProfilo(RegioneProfilo.MARCHE).stream()
                .collect(Collectors.toMap(EnteProprietario::getId, Function.identity()));
    }

    private long domande(long bandoId) {
        return jdbc.queryForObject("select count(*) from marche_domanda where bando_id = ?", Long.class, bandoId);
    }

    private boolean esiste(long enteId, int anno, String numero, Long tranne) {
        return jdbc.queryForObject("select count(*) from marche_bando where ente_id = ? and anno = ? and numero = ? and id <> ?",
                Long.class, enteId, anno, numero, tranne == null ? -1L : tranne) > 0;
    }

    /** What «Nuovo bando» and «Modifica» both check of the number and the dates. */
    private static List<Errore> errori(String numero, LocalDate dataPubblicazione, LocalDate dataScadenza,
                                       LocalDate dataScadenzaEstero) {
        List<Errore> errori = new ArrayList<>();
        if (numero.isEmpty()) {
            errori.add(new Errore("numero", "obbligatorio: il numero del bando"));
        } else if (!numero.matches("[A-Za-z0-9/-]{1,20}")) {
            errori.add(new Errore("numero", "al più 20 tra lettere, cifre, «/» e «-», ad esempio 113"));
        }
        obbligatoria(errori, "dataPubblicazione", dataPubblicazione, "la data di pubblicazione");
        obbligatoria(errori, "dataScadenza", dataScadenza, "la data di scadenza");
        obbligatoria(errori, "dataScadenzaEstero", dataScadenzaEstero, "la data di scadenza per i residenti all'estero");
        if (dataPubblicazione != null && dataScadenza != null && !dataScadenza.isAfter(dataPubblicazione)) {
            errori.add(new Errore("dataScadenza", "la scadenza deve seguire la data di pubblicazione"));
        }
        if (dataScadenza != null && dataScadenzaEstero != null && dataScadenzaEstero.isBefore(dataScadenza)) {
            errori.add(new Errore("dataScadenzaEstero", "la scadenza per i residenti all'estero non può precedere la scadenza"));
        }
        return errori;
    }

    private static LocalDate locale(Object data) {
        return data == null ? null : ((Date) data).toLocalDate();
    }

    private static Errore duplicato(EnteProprietario ente, String numero, int anno) {
        return new Errore("numero", "esiste già il bando n. " + numero + " del " + anno + " di " + ente.getRagioneSociale());
    }

    private static void obbligatoria(List<Errore> errori, String campo, LocalDate data, String cosa) {
        if (data == null) {
            errori.add(new Errore(campo, "obbligatoria: " + cosa + " (gg/mm/aaaa)"));
        }
    }
}
