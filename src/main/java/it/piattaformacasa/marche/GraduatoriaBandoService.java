package it.piattaformacasa.marche;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import it.piattaformacasa.common.AccessoNegatoException;
import it.piattaformacasa.common.ConflittoException;
import it.piattaformacasa.common.DatiNonValidiException;
import it.piattaformacasa.common.DatiNonValidiException.Errore;
import it.piattaformacasa.common.NonTrovatoException;
import it.piattaformacasa.common.sicurezza.UtenteCorrente;

/**
 * «Graduatoria domande alloggi ERP» of a Marche bando (issue 15, seed 004 Fig. 22–24): the header («Inserisci»,
 * «Salva», the phase ISTRUTTORIA → PROVVISORIA → DEFINITIVA), the counters, «Calcola», the operator's manual moves
 * (▲ ▼, with a reason) and the year a domanda got its alloggio.
 *
 * <p>Who: as {@link BandiService} — the operators with «Gestione avviso» of the bando's (MARCHE) ente write; whoever
 * sees the ente reads; for anyone else the bando does not exist (404).
 *
 * <p><b>Ranking — PROVISIONAL tie-break.</b> The seed ranks «sulla base dei criteri di priorità definiti al punto 7)
 * dell'Allegato A alla DGR 492/2008», whose text is not available (REGULATION.md §6: UNKNOWN). Until it is, «Calcola»
 * orders the valid domande by {@link #ORDINE}: working score descending, then date of presentation ascending (who filed
 * first), then the domanda's number ascending — deterministic, and documented in ADR 18. The operator corrects a single
 * case with a manual move; replacing the criterion is a change of {@link #ORDINE} only.
 */
@Service
public class GraduatoriaBandoService {

    /** PROVISIONAL (DGR 492/2008 Allegato A point 7 unknown): score desc, date of presentation asc, number asc. */
    public static final String ORDINE = "d.punteggio desc, d.data_presentazione asc, d.numero asc";
    public static final String CRITERIO_PROVVISORIO = "Criterio provvisorio di parità (punto 7 dell'Allegato A alla DGR "
            + "492/2008 da recepire): punteggio decrescente, poi data di presentazione meno recente, poi numero di domanda";
    /** Seed 004, Fig. 23: the manual moves are lost by «Calcola». */
    public static final String SPOSTAMENTI_PERSI = "La graduatoria contiene spostamenti manuali: ricalcolandola, tali interventi "
            + "manuali andranno persi. Confermare il ricalcolo per procedere.";
    public static final String DEFINITIVA_BLOCCATA = "La graduatoria è definitiva: non è più possibile ricalcolarla né spostarne "
            + "le posizioni (seed: in corrispondenza alla graduatoria definitiva non è più disponibile la funzione «Calcola»)";
    public static final String SOLO_GESTIONE = "La graduatoria del bando la gestiscono gli operatori con la gestione avviso del "
            + "Comune del bando";

    /** The header as the operator fills it. */
    public record DatiGraduatoria(LocalDate data, FaseGraduatoria fase, String provvisoriaAlboNumero,
                                  LocalDate provvisoriaAlboData, String definitivaAlboNumero, LocalDate definitivaAlboData,
                                  String verbaleNumero, LocalDate verbaleData, String nota) {
    }

    /** «Domande presentate», «Domande valide» (not excluded), «Alloggi assegnati»: computed, never typed. */
    public record Contatori(long presentate, long valide, long assegnati, long valideSenzaPunteggio) {
    }

    /**
     * A row of the list. {@code punteggioLavoro}: the domanda's current working score; {@code punteggioDefinitivo}:
     * frozen when the list became definitive; {@code punteggioVariato}: they differ (art. 11, shown in red and marked).
     */
    public record Posizione(int posizione, int posizioneCalcolata, long domandaId, int numero, String cognome, String nome,
                            LocalDate dataPresentazione, BigDecimal punteggioLavoro, BigDecimal punteggioCalcolato,
                            BigDecimal punteggioDefinitivo, boolean alloggioAssegnato, Integer annoAssegnazione,
                            String spostataDa, Instant spostataIl, String motivoSpostamento) {

        public boolean punteggioVariato() {
            return punteggioDefinitivo != null && (punteggioLavoro == null || punteggioLavoro.compareTo(punteggioDefinitivo) != 0);
        }

        public boolean spostata() {
            return spostataIl != null;
        }

        public String nominativo() {
            return ((cognome == null ? "" : cognome) + " " + (nome == null ? "" : nome)).strip();
        }
    }

    /**
     * The graduatoria. {@code daRicalcolare}: before DEFINITIVA, a domanda changed after the last «Calcola» or the
     * ranked domande are not the valid ones any more (or it was never calculated while domande exist).
     */
    public record Graduatoria(Bando bando, FaseGraduatoria fase, DatiGraduatoria dati, String calcolataDa, Instant calcolataIl,
                              Integer versioneCondizioni, String modificataDa, Instant modificataIl, long version,
                              Contatori contatori, boolean daRicalcolare, List<Posizione> posizioni) {

        public boolean definitiva() {
            return fase == FaseGraduatoria.DEFINITIVA;
        }

        public boolean calcolabile() {
            return bando.gestibile() && !definitiva();
        }

        public boolean spostamentiManuali() {
            return posizioni.stream().anyMatch(Posizione::spostata);
        }
    }

    private final JdbcTemplate jdbc;
    private final BandiService bandi;
    private final UtenteCorrente utente;
    private final Clock clock;

    GraduatoriaBandoService(JdbcTemplate jdbc, BandiService bandi, UtenteCorrente utente, Clock clock) {
        this.jdbc = jdbc;
        this.bandi = bandi;
        this.utente = utente;
        this.clock = clock;
    }

    // ------------------------------------------------------------------------------------------------------ reading

    /** The bando's graduatoria; empty before «Inserisci». */
    @Transactional(readOnly = true)
    public Optional<Graduatoria> graduatoria(long bandoId) {
        Bando bando = bandi.bando(bandoId);
        return jdbc.query("select * from marche_graduatoria where bando_id = ?", (rs, n) -> leggi(rs, bando), bando.id())
                .stream().findFirst();
    }

    /** The counters of the header, also before «Inserisci» (seed: «calcolati automaticamente»). */
    @Transactional(readOnly = true)
    public Contatori contatori(long bandoId) {
        return contatori(bandi.bando(bandoId));
    }

    // ------------------------------------------------------------------------------------------------------ header

    /** «Inserisci»: the header, in phase ISTRUTTORIA unless said otherwise (and allowed); 409 if already inserted. */
    @Transactional
    public Graduatoria inserisci(long bandoId, DatiGraduatoria dati) {
        Bando bando = bandi.blocca(daGestire(bandoId).id());
        if (esiste(bando.id())) {
            throw new ConflittoException("La graduatoria del bando n. " + bando.numero() + " è già stata inserita: modificarla con «Salva»");
        }
        DatiGraduatoria valida = valida(dati, FaseGraduatoria.ISTRUTTORIA, 0, false);
        Instant adesso = Instant.now(clock);
        jdbc.update("""
                insert into marche_graduatoria (bando_id, fase, data, provvisoria_albo_numero, provvisoria_albo_data,
                    definitiva_albo_numero, definitiva_albo_data, verbale_numero, verbale_data, nota, modificata_da, modificata_il)
                values (?, 'ISTRUTTORIA', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", bando.id(), sql(valida.data()),
                valida.provvisoriaAlboNumero(), sql(valida.provvisoriaAlboData()), valida.definitivaAlboNumero(),
                sql(valida.definitivaAlboData()), valida.verbaleNumero(), sql(valida.verbaleData()), valida.nota(),
                utente.username(), Timestamp.from(adesso));
        return graduatoria(bando.id()).orElseThrow();
    }

    /**
     * «Salva»: the header and the phase. {@code version}: the one read (another save since then is a 409). Becoming
     * DEFINITIVA freezes each row's definitive score.
     */
    @Transactional
    public Graduatoria salva(long bandoId, DatiGraduatoria dati, long version) {
        Graduatoria attuale = bloccata(bandoId);
        if (attuale.version() != version) {
            throw new ConflittoException("La graduatoria è stata modificata nel frattempo (versione " + attuale.version()
                    + ", letta la " + version + "): ricaricare la pagina");
        }
        DatiGraduatoria valida = valida(dati, attuale.fase(), attuale.posizioni().size(), attuale.daRicalcolare());
        Instant adesso = Instant.now(clock);
        int aggiornate = jdbc.update("""
                update marche_graduatoria set fase = ?, data = ?, provvisoria_albo_numero = ?, provvisoria_albo_data = ?,
                       definitiva_albo_numero = ?, definitiva_albo_data = ?, verbale_numero = ?, verbale_data = ?, nota = ?,
                       modificata_da = ?, modificata_il = ?, version = version + 1
                 where bando_id = ? and version = ?""", valida.fase().name(), sql(valida.data()), valida.provvisoriaAlboNumero(),
                sql(valida.provvisoriaAlboData()), valida.definitivaAlboNumero(), sql(valida.definitivaAlboData()),
                valida.verbaleNumero(), sql(valida.verbaleData()), valida.nota(), utente.username(), Timestamp.from(adesso),
                attuale.bando().id(), version);
        if (aggiornate != 1) {
            throw new ConflittoException("La graduatoria è stata modificata nel frattempo: ricaricare la pagina");
        }
        if (valida.fase() == FaseGraduatoria.DEFINITIVA && attuale.fase() != FaseGraduatoria.DEFINITIVA) {
            // the score each domanda is ranked with becomes its definitive one (seed: «Definitivo»)
            jdbc.update("update marche_posizione set punteggio_definitivo = punteggio_calcolato where bando_id = ?",
                    attuale.bando().id());
        }
        return graduatoria(attuale.bando().id()).orElseThrow();
    }

    // ------------------------------------------------------------------------------------------------------ calcola

    /**
     * «Calcola»: the valid domande with a working score, ranked by {@link #ORDINE} (provisional), replace the rows.
     * Manual moves are lost: without {@code confermaPerditaSpostamenti} a list that has them is a 409 with the seed's
     * warning. Not available once DEFINITIVA (409).
     */
    @Transactional
    public Graduatoria calcola(long bandoId, boolean confermaPerditaSpostamenti) {
        Graduatoria attuale = bloccata(bandoId);
        if (attuale.definitiva()) {
            throw new ConflittoException(DEFINITIVA_BLOCCATA);
        }
        if (attuale.spostamentiManuali() && !confermaPerditaSpostamenti) {
            throw new ConflittoException(SPOSTAMENTI_PERSI);
        }
        long id = attuale.bando().id();
        jdbc.update("delete from marche_posizione where bando_id = ?", id);
        jdbc.update("""
                insert into marche_posizione (bando_id, domanda_id, posizione, posizione_calcolata, punteggio_calcolato)
                select ?, x.id, x.n, x.n, x.punteggio
                  from (select d.id, d.punteggio, row_number() over (order by\s""" + ORDINE + """
                        ) as n
                          from marche_domanda d
                         where d.bando_id = ? and not d.esclusa and d.punteggio is not null) x""", id, id);
        jdbc.update("""
                update marche_graduatoria set calcolata_da = ?, calcolata_il = ?, versione_condizioni = ?, version = version + 1
                 where bando_id = ?""", utente.username(), Timestamp.from(Instant.now(clock)),
                attuale.bando().versioneCondizioni() == 0 ? null : attuale.bando().versioneCondizioni(), id);
        return graduatoria(id).orElseThrow();
    }

    // ------------------------------------------------------------------------------------------------ manual moves

    /**
     * ▲ ▼: moves a domanda one place up ({@code direzione} SU) or down (GIU), or to {@code posizione}; the rows in
     * between shift by one. The reason is mandatory; who, when and why stay on the moved row until the next «Calcola».
     */
    @Transactional
    public Graduatoria sposta(long bandoId, long domandaId, Integer posizione, String direzione, String motivo) {
        Graduatoria attuale = bloccata(bandoId);
        if (attuale.definitiva()) {
            throw new ConflittoException(DEFINITIVA_BLOCCATA);
        }
        Posizione riga = attuale.posizioni().stream().filter(p -> p.domandaId() == domandaId).findFirst()
                .orElseThrow(() -> new NonTrovatoException("La domanda " + domandaId + " non è nella graduatoria del bando"));
        int righe = attuale.posizioni().size();
        List<Errore> errori = new ArrayList<>();
        String m = motivo == null ? "" : motivo.strip();
        if (m.isEmpty()) {
            errori.add(new Errore("motivo", "obbligatorio: il motivo dello spostamento manuale"));
        } else if (m.length() > 500) {
            errori.add(new Errore("motivo", "al più 500 caratteri"));
        }
        int verso = riga.posizione();
        if (posizione != null && direzione != null && !direzione.isBlank()) {
            errori.add(new Errore("posizione", "indicare la nuova posizione oppure la direzione, non entrambe"));
        } else if (posizione != null) {
            if (posizione < 1 || posizione > righe) {
                errori.add(new Errore("posizione", "la posizione va da 1 a " + righe));
            } else if (posizione == riga.posizione()) {
                errori.add(new Errore("posizione", "la domanda è già in posizione " + posizione));
            } else {
                verso = posizione;
            }
        } else if ("SU".equalsIgnoreCase(direzione)) {
            // the neighbour's place: a domanda deleted at the desk may have left a gap
            int indice = attuale.posizioni().indexOf(riga);
            if (indice == 0) {
                errori.add(new Errore("direzione", "la domanda è già la prima"));
            } else {
                verso = attuale.posizioni().get(indice - 1).posizione();
            }
        } else if ("GIU".equalsIgnoreCase(direzione)) {
            int indice = attuale.posizioni().indexOf(riga);
            if (indice == righe - 1) {
                errori.add(new Errore("direzione", "la domanda è già l'ultima"));
            } else {
                verso = attuale.posizioni().get(indice + 1).posizione();
            }
        } else {
            errori.add(new Errore("direzione", "obbligatoria: SU, GIU, oppure la nuova posizione"));
        }
        if (!errori.isEmpty()) {
            throw new DatiNonValidiException(errori);
        }
        long id = attuale.bando().id();
        int da = riga.posizione();
        // the primary key (bando, posizione) is checked at commit: the rows in between shift, then the moved one lands
        if (verso < da) {
            jdbc.update("update marche_posizione set posizione = posizione + 1 where bando_id = ? and posizione >= ? and posizione < ?",
                    id, verso, da);
        } else {
            jdbc.update("update marche_posizione set posizione = posizione - 1 where bando_id = ? and posizione > ? and posizione <= ?",
                    id, da, verso);
        }
        jdbc.update("""
                update marche_posizione set posizione = ?, spostata_da = ?, spostata_il = ?, motivo_spostamento = ?
                 where bando_id = ? and domanda_id = ?""", verso, utente.username(), Timestamp.from(Instant.now(clock)), m, id,
                domandaId);
        return graduatoria(id).orElseThrow();
    }

    // ------------------------------------------------------------------------------------------------- assignment

    /**
     * «Non assegnato» → «Anno di assegnazione (formato AAAA)» (seed 004, Fig. 24b): the domanda in the list got an
     * alloggio in that year, not before the bando's.
     */
    @Transactional
    public Graduatoria assegna(long bandoId, long domandaId, String anno) {
        Graduatoria attuale = bloccata(bandoId);
        Posizione riga = attuale.posizioni().stream().filter(p -> p.domandaId() == domandaId).findFirst()
                .orElseThrow(() -> new NonTrovatoException("La domanda " + domandaId + " non è nella graduatoria del bando"));
        String a = anno == null ? "" : anno.strip();
        if (!a.matches("\\d{4}")) {
            throw DatiNonValidiException.campo("anno", "l'anno di assegnazione va scritto nel formato AAAA, ad esempio "
                    + attuale.bando().anno());
        }
        int valore = Integer.parseInt(a);
        if (valore < attuale.bando().anno()) {
            throw DatiNonValidiException.campo("anno", "l'anno di assegnazione non può precedere l'anno del bando ("
                    + attuale.bando().anno() + ")");
        }
        if (valore > 2200) {
            throw DatiNonValidiException.campo("anno", "anno di assegnazione non plausibile");
        }
        if (riga.alloggioAssegnato()) {
            throw new ConflittoException("Alla domanda n. " + riga.numero() + " è già stato assegnato un alloggio (anno "
                    + riga.annoAssegnazione() + ")");
        }
        // the domanda's version moves so that the desk's form open on it sees the change; modificata_il does not, so an
        // assignment does not make the list «da ricalcolare»
        jdbc.update("""
                update marche_domanda set alloggio_assegnato = true, anno_assegnazione = ?, version = version + 1
                 where id = ? and bando_id = ?""", valore, domandaId, attuale.bando().id());
        return graduatoria(attuale.bando().id()).orElseThrow();
    }

    // ------------------------------------------------------------------------------------------------- internals

    private Graduatoria leggi(ResultSet rs, Bando bando) throws SQLException {
        FaseGraduatoria fase = FaseGraduatoria.valueOf(rs.getString("fase"));
        DatiGraduatoria dati = new DatiGraduatoria(data(rs, "data"), fase, rs.getString("provvisoria_albo_numero"),
                data(rs, "provvisoria_albo_data"), rs.getString("definitiva_albo_numero"), data(rs, "definitiva_albo_data"),
                rs.getString("verbale_numero"), data(rs, "verbale_data"), rs.getString("nota"));
        Timestamp calcolata = rs.getTimestamp("calcolata_il");
        Timestamp modificata = rs.getTimestamp("modificata_il");
        Integer versione = (Integer) rs.getObject("versione_condizioni");
        List<Posizione> posizioni = posizioni(bando.id());
        Contatori contatori = contatori(bando);
        boolean daRicalcolare = false;
        if (fase != FaseGraduatoria.DEFINITIVA) {
            long classificabili = contatori.valide() - contatori.valideSenzaPunteggio();
            // a domanda deleted at the desk takes its row away and leaves a gap in the positions
            boolean lacune = !posizioni.isEmpty() && posizioni.get(posizioni.size() - 1).posizione() != posizioni.size();
            daRicalcolare = classificabili != posizioni.size() || lacune || calcolata != null && jdbc.queryForObject(
                    "select exists (select 1 from marche_domanda where bando_id = ? and modificata_il > ?)", Boolean.class,
                    bando.id(), calcolata);
        }
        return new Graduatoria(bando, fase, dati, rs.getString("calcolata_da"), calcolata == null ? null : calcolata.toInstant(),
                versione, rs.getString("modificata_da"), modificata == null ? null : modificata.toInstant(), rs.getLong("version"),
                contatori, daRicalcolare, posizioni);
    }

    private List<Posizione> posizioni(long bandoId) {
        return jdbc.query("""
                select p.*, d.numero, d.cognome, d.nome, d.data_presentazione, d.punteggio, d.alloggio_assegnato, d.anno_assegnazione
                  from marche_posizione p join marche_domanda d on d.id = p.domanda_id
                 where p.bando_id = ? order by p.posizione""", (rs, n) -> {
            Timestamp spostata = rs.getTimestamp("spostata_il");
            return new Posizione(rs.getInt("posizione"), rs.getInt("posizione_calcolata"), rs.getLong("domanda_id"),
                    rs.getInt("numero"), rs.getString("cognome"), rs.getString("nome"), data(rs, "data_presentazione"),
                    rs.getBigDecimal("punteggio"), rs.getBigDecimal("punteggio_calcolato"), rs.getBigDecimal("punteggio_definitivo"),
                    rs.getBoolean("alloggio_assegnato"), (Integer) rs.getObject("anno_assegnazione"), rs.getString("spostata_da"),
                    spostata == null ? null : spostata.toInstant(), rs.getString("motivo_spostamento"));
        }, bandoId);
    }

    private Contatori contatori(Bando bando) {
        return jdbc.queryForObject("""
                select count(*), count(*) filter (where not esclusa), count(*) filter (where alloggio_assegnato),
                       count(*) filter (where not esclusa and punteggio is null)
                  from marche_domanda where bando_id = ?""", (rs, n) -> new Contatori(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                rs.getLong(4)), bando.id());
    }

    /** The graduatoria of a bando the caller manages, its row locked until the end of the transaction. */
    private Graduatoria bloccata(long bandoId) {
        Bando bando = daGestire(bandoId);
        List<Long> righe = jdbc.query("select bando_id from marche_graduatoria where bando_id = ? for update",
                (rs, n) -> rs.getLong(1), bando.id());
        if (righe.isEmpty()) {
            throw new ConflittoException("La graduatoria del bando n. " + bando.numero() + " non è ancora stata inserita: "
                    + "compilarne i dati e confermare con «Inserisci»");
        }
        return graduatoria(bando.id()).orElseThrow();
    }

    private Bando daGestire(long bandoId) {
        Bando bando = bandi.bando(bandoId);
        if (!bando.gestibile()) {
            throw new AccessoNegatoException(SOLO_GESTIONE + " (" + bando.ente() + ")");
        }
        return bando;
    }

    private boolean esiste(long bandoId) {
        return jdbc.queryForObject("select count(*) from marche_graduatoria where bando_id = ?", Long.class, bandoId) > 0;
    }

    /** What each phase needs (seed 004 Fig. 23: albo pretorio/BUR number and date; the commission's verbale). */
    private static DatiGraduatoria valida(DatiGraduatoria dati, FaseGraduatoria attuale, int righe, boolean daRicalcolare) {
        List<Errore> errori = new ArrayList<>();
        FaseGraduatoria fase = dati.fase() == null ? attuale : dati.fase();
        String provvisoriaNumero = testo(errori, "provvisoriaAlboNumero", dati.provvisoriaAlboNumero(), 30);
        String definitivaNumero = testo(errori, "definitivaAlboNumero", dati.definitivaAlboNumero(), 30);
        String verbaleNumero = testo(errori, "verbaleNumero", dati.verbaleNumero(), 30);
        String nota = testo(errori, "nota", dati.nota(), 2000);
        if (fase.ordinal() < attuale.ordinal()) {
            errori.add(new Errore("fase", "la graduatoria è " + attuale.etichetta().toLowerCase()
                    + ": non può tornare alla fase " + fase.etichetta().toLowerCase()));
        }
        if (fase != FaseGraduatoria.ISTRUTTORIA && fase != attuale) {
            if (righe == 0) {
                errori.add(new Errore("fase", "prima di renderla " + fase.etichetta().toLowerCase()
                        + " la graduatoria va generata con «Calcola»"));
            } else if (daRicalcolare) {
                errori.add(new Errore("fase", "graduatoria da ricalcolare: alcune domande sono cambiate dopo l'ultimo «Calcola»"));
            }
        }
        if (fase.ordinal() >= FaseGraduatoria.PROVVISORIA.ordinal()) {
            richiesto(errori, "provvisoriaAlboNumero", provvisoriaNumero, "il numero dell'albo pretorio/BUR della graduatoria provvisoria");
            richiesta(errori, "provvisoriaAlboData", dati.provvisoriaAlboData(), "la data dell'albo pretorio/BUR della graduatoria provvisoria");
        }
        if (fase == FaseGraduatoria.DEFINITIVA) {
            richiesto(errori, "definitivaAlboNumero", definitivaNumero, "il numero dell'albo pretorio/BUR della graduatoria definitiva");
            richiesta(errori, "definitivaAlboData", dati.definitivaAlboData(), "la data dell'albo pretorio/BUR della graduatoria definitiva");
            richiesto(errori, "verbaleNumero", verbaleNumero, "il numero del verbale di approvazione della Commissione");
            richiesta(errori, "verbaleData", dati.verbaleData(), "la data del verbale di approvazione della Commissione");
        }
        if (dati.provvisoriaAlboData() != null && dati.definitivaAlboData() != null
                && dati.definitivaAlboData().isBefore(dati.provvisoriaAlboData())) {
            errori.add(new Errore("definitivaAlboData", "la pubblicazione della definitiva non può precedere quella della provvisoria"));
        }
        if (dati.verbaleData() != null && dati.definitivaAlboData() != null && dati.definitivaAlboData().isBefore(dati.verbaleData())) {
            errori.add(new Errore("definitivaAlboData", "la definitiva si pubblica dopo il verbale di approvazione della Commissione"));
        }
        if (!errori.isEmpty()) {
            throw new DatiNonValidiException(errori);
        }
        return new DatiGraduatoria(dati.data(), fase, provvisoriaNumero, dati.provvisoriaAlboData(), definitivaNumero,
                dati.definitivaAlboData(), verbaleNumero, dati.verbaleData(), nota);
    }

    private static String testo(List<Errore> errori, String campo, String valore, int massimo) {
        String t = valore == null ? null : valore.strip();
        if (t != null && t.isEmpty()) {
            return null;
        }
        if (t != null && t.length() > massimo) {
            errori.add(new Errore(campo, "al più " + massimo + " caratteri"));
        }
        return t;
    }

    private static void richiesto(List<Errore> errori, String campo, String valore, String cosa) {
        if (valore == null) {
            errori.add(new Errore(campo, "obbligatorio: " + cosa));
        }
    }

    private static void richiesta(List<Errore> errori, String campo, LocalDate valore, String cosa) {
        if (valore == null) {
            errori.add(new Errore(campo, "obbligatoria: " + cosa + " (gg/mm/aaaa)"));
        }
    }

    private static LocalDate data(ResultSet rs, String colonna) throws SQLException {
        Date d = rs.getDate(colonna);
        return d == null ? null : d.toLocalDate();
    }

    private static Date sql(LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }
}
