package it.piattaformacasa.domanda;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * One query for all the domande of an avviso with their chosen alloggi: ranking 100k domande must not load 100k
 * entities and their collections one by one.
 */
@Component
public class DomandePerGraduatorie {

    /**
     * What an operator sees of an avviso's domande: those that chose an alloggio of one of its enti (the parameter).
     * One condition for the list, the console's search and the counts.
     */
    private static final String VISIBILE_AGLI_ENTI = " and exists (select 1 from domanda_alloggio da join alloggio a"
            + " on a.id = da.alloggio_id where da.domanda_id = d.id and a.ente_id = any (?))";


    /** Published scores, or working scores (after rettifiche) where present. */
    private static final String QUERY = """
            select d.id, %1$s as isbar, d.residente_comune_dal, d.residente_lombardia_dal, %2$s as punti_familiare,
                   %3$s as punti_abitativo, %4$s as punti_economico, d.presentata_il, d.indigente, d.codice_istat_residenza,
                   jsonb_array_length(d.categorie) > 0 as membro_categorie,
                   da.alloggio_id, da.preferenza, a.ente_id, a.comune_id, c.codice_istat
              from domanda d
              join domanda_alloggio da on da.domanda_id = d.id
              join alloggio a on a.id = da.alloggio_id
              join comune c on c.id = a.comune_id
             where d.avviso_id = ?
             order by d.id, da.preferenza""";

    /**
     * A row of the operators' «tutte le domande» list.
     *
     * @param comuneResidenza the comune of residence, and {@code comuneLavoro} of work (null if none declared): with
     *                        {@code scelte}, each chosen alloggio in order with its comune and title, the ente checks
     *                        art. 9 from the list
     */
    public record DomandaInElenco(long id, String richiedente, BigDecimal isbar, BigDecimal isbarDiLavoro,
                                  boolean indigente, String stato, Instant presentataIl,
                                  StatiDiLavorazione.Stato lavorazione, String semaforo, String comuneResidenza,
                                  String comuneLavoro, List<SceltaInElenco> scelte) {
    }

    /** The name of the comune with that ISTAT code: the Anagrafe's, else the national list (outside the ambito). */
    private static final String NOME_COMUNE = """
            coalesce((select c.nome from comune c where c.codice_istat = %1$s),
                     (select ci.nome from comune_italiano ci where ci.codice_istat = %1$s))""";

    private final JdbcTemplate jdbc;
    private final List<StatiDiLavorazione> lavorazioni;
    private final AlloggiScelti alloggiScelti;

    DomandePerGraduatorie(JdbcTemplate jdbc, List<StatiDiLavorazione> lavorazioni, AlloggiScelti alloggiScelti) {
        this.jdbc = jdbc;
        this.lavorazioni = lavorazioni;
        this.alloggiScelti = alloggiScelti;
    }

    private static final String PUBBLICATI = QUERY.formatted("d.isbar", "d.punti_familiare", "d.punti_abitativo",
            "d.punti_economico");
    private static final String DI_LAVORO = QUERY.formatted("coalesce(d.isbar_lavoro, d.isbar)",
            "coalesce(d.punti_familiare_lavoro, d.punti_familiare)", "coalesce(d.punti_abitativo_lavoro, d.punti_abitativo)",
            "coalesce(d.punti_economico_lavoro, d.punti_economico)");

    /** With the published scores: the graduatorie provvisorie. */
    @Transactional(readOnly = true)
    public List<DomandaInGraduatoria> di(long avvisoId) {
        return leggi(PUBBLICATI, avvisoId);
    }

    /** What the rules saw at each domanda's submission (JSON of {@link InputRegole}), by domanda id; none if not recorded. */
    @Transactional(readOnly = true)
    public Map<Long, InputRegole> inputRegole(long avvisoId) {
        Map<Long, InputRegole> input = new HashMap<>();
        jdbc.query("select id, input_regole::text from domanda where avviso_id = ? and input_regole is not null",
                rs -> { input.put(rs.getLong(1), InputRegole.da(rs.getString(2))); }, avvisoId);
        return input;
    }

    /** With the working scores (rettifiche accepted): the graduatoria definitiva. */
    @Transactional(readOnly = true)
    public List<DomandaInGraduatoria> diLavoro(long avvisoId) {
        return leggi(DI_LAVORO, avvisoId);
    }

    /**
     * The domande of an avviso, highest ISBAR first: all of them, or (for an operator) those that chose an alloggio of
     * one of the given enti; optionally just one by id.
     */
    @Transactional(readOnly = true)
    public List<DomandaInElenco> elenco(long avvisoId, Set<Long> enti, boolean tutte, Long id, int pagina, int dimensione) {
        if (!tutte && enti.isEmpty()) {
            return List.of();
        }
        StringBuilder sql = new StringBuilder("""
                select d.id, d.richiedente_cf, d.isbar, coalesce(d.isbar_lavoro, d.isbar) as isbar_lavoro, d.indigente, d.stato,
                       d.presentata_il, """ + NOME_COMUNE.formatted("d.codice_istat_residenza") + """
                 as comune_residenza, """ + NOME_COMUNE.formatted("d.codice_istat_lavoro") + """
                 as comune_lavoro
                  from domanda d
                 where d.avviso_id = ?""");
        List<Object> parametri = new ArrayList<>(List.of(avvisoId));
        if (!tutte) {
            sql.append(VISIBILE_AGLI_ENTI);
            parametri.add(enti.toArray(new Long[0]));
        }
        if (id != null) {
            sql.append(" and d.id = ?");
            parametri.add(id);
        }
        sql.append(" order by d.isbar desc, d.id limit ? offset ?");
        parametri.add(dimensione);
        parametri.add((long) pagina * dimensione);
        List<DomandaInElenco> elenco = jdbc.query(sql.toString(), (rs, n) -> new DomandaInElenco(rs.getLong("id"),
                rs.getString("richiedente_cf"), rs.getBigDecimal("isbar"), rs.getBigDecimal("isbar_lavoro"),
                rs.getBoolean("indigente"), rs.getString("stato"), rs.getTimestamp("presentata_il").toInstant(), null, null,
                rs.getString("comune_residenza"), rs.getString("comune_lavoro"), null),
                parametri.toArray());
        List<Long> ids = elenco.stream().map(DomandaInElenco::id).toList();
        Map<Long, StatiDiLavorazione.Stato> stati = new java.util.HashMap<>();
        lavorazioni.forEach(l -> stati.putAll(l.di(ids)));
        Map<Long, List<SceltaInElenco>> scelte = alloggiScelti.di(ids);
        return elenco.stream().map(d -> {
            StatiDiLavorazione.Stato stato = stati.getOrDefault(d.id(), StatiDiLavorazione.Stato.PRESENTATA);
            return new DomandaInElenco(d.id(), d.richiedente(), d.isbar(), d.isbarDiLavoro(), d.indigente(), d.stato(),
                    d.presentataIl(), stato, stato.semaforo(), d.comuneResidenza(), d.comuneLavoro(),
                    scelte.getOrDefault(d.id(), List.of()));
        }).toList();
    }

    /** How the console's «Tutte le domande» may be sorted: a fixed list, never a column name from the request. */
    public enum Ordine {
        ISBAR("d.isbar desc, d.id"), ID("d.id"), RICHIEDENTE("d.richiedente_cognome, d.richiedente_nome, d.id"), PRESENTAZIONE("d.presentata_il, d.id");

        private final String sql;

        Ordine(String sql) {
            this.sql = sql;
        }
    }

    /** A row of the console's «Tutte le domande»: the richiedente by name and codice fiscale. */
    public record RigaDomanda(long id, String codiceFiscale, String nome, String cognome, String comuneResidenza,
                              BigDecimal isbar, BigDecimal isbarDiLavoro, boolean indigente, Instant presentataIl,
                              StatiDiLavorazione.Stato lavorazione) {
    }

    /** One page of rows and how many rows the search finds in all. */
    public record PaginaDomande(List<RigaDomanda> righe, long totale) {
    }

    /**
     * The console's «Tutte le domande»: the same domande as {@link #elenco} (all, or those that chose an alloggio of
     * the operator's enti), searched by ID, codice fiscale or the richiedente's name, one page read by the database.
     */
    @Transactional(readOnly = true)
    public PaginaDomande cerca(long avvisoId, Set<Long> enti, boolean tutte, String testo, Ordine ordine, int pagina,
                               int dimensione) {
        if (!tutte && enti.isEmpty()) {
            return new PaginaDomande(List.of(), 0);
        }
        Ricerca ricerca = ricerca(avvisoId, enti, tutte, testo, ordine);
        Long totale = jdbc.queryForObject("select count(*)" + ricerca.where(), Long.class, ricerca.parametri().toArray());
        // first the page's ids, in order, from the narrow columns; then only those rows with names and comuni
        List<Long> pagine = ricerca.ids(jdbc, dimensione, (long) pagina * dimensione);
        return new PaginaDomande(righe(pagine), totale == null ? 0 : totale);
    }

    /**
     * Every row {@link #cerca} finds, in its order, at most {@code massimo}, given to {@code lotti} {@code lotto} at a
     * time: the downloads of «Tutte le domande». One query for the ordered ids (100 000 numbers), then the rows of
     * each batch, so the 100 000 domande of an avviso are never all in memory at once.
     *
     * @return how many rows were given
     */
    @Transactional(readOnly = true)
    public int perLotti(long avvisoId, Set<Long> enti, boolean tutte, String testo, Ordine ordine, int massimo, int lotto,
                        Consumer<List<RigaDomanda>> lotti) {
        if (!tutte && enti.isEmpty()) {
            return 0;
        }
        List<Long> ids = ricerca(avvisoId, enti, tutte, testo, ordine).ids(jdbc, massimo, 0);
        int date = 0;
        for (int i = 0; i < ids.size(); i += lotto) {
            List<RigaDomanda> righe = righe(ids.subList(i, Math.min(i + lotto, ids.size())));
            date += righe.size();
            lotti.accept(righe);
        }
        return date;
    }

    /** The search's conditions and parameters, the same for the count, a page and a download. */
    private record Ricerca(String where, List<Object> parametri, Ordine ordine) {

        List<Long> ids(JdbcTemplate jdbc, int quanti, long dal) {
            List<Object> conLimite = new ArrayList<>(parametri);
            conLimite.add(quanti);
            conLimite.add(dal);
            return jdbc.queryForList("select d.id" + where + " order by " + ordine.sql + " limit ? offset ?", Long.class,
                    conLimite.toArray());
        }
    }

    private static Ricerca ricerca(long avvisoId, Set<Long> enti, boolean tutte, String testo, Ordine ordine) {
        Ordine ordinePagina = ordine == null ? Ordine.ISBAR : ordine;
        String cercato = testo == null ? "" : testo.strip();
        boolean perNome = !cercato.isEmpty() && !cercato.matches("[0-9]{1,18}") && !cercato.matches("(?i)[A-Z0-9]{16}");
        // the richiedente's name is on the domanda (V46): sorting or searching 100k rows joins nothing
        StringBuilder where = new StringBuilder(" from domanda d where d.avviso_id = ?");
        List<Object> parametri = new ArrayList<>(List.of(avvisoId));
        if (!tutte) {
            where.append(VISIBILE_AGLI_ENTI);
            parametri.add(enti.toArray(new Long[0]));
        }
        if (cercato.matches("[0-9]{1,18}")) {
            where.append(" and d.id = ?");
            parametri.add(Long.valueOf(cercato));
        } else if (cercato.matches("(?i)[A-Z0-9]{16}")) {
            where.append(" and d.richiedente_cf = ?");
            parametri.add(cercato.toUpperCase(java.util.Locale.ROOT));
        } else if (perNome) {
            // «Rossi», «Mario Rossi» or «Rossi Mario»: every word in the name or the surname
            for (String parola : cercato.split("\\s+")) {
                where.append(" and (d.richiedente_nome ilike ? or d.richiedente_cognome ilike ?)");
                String simile = "%" + parola.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
                parametri.add(simile);
                parametri.add(simile);
            }
        }
        return new Ricerca(where.toString(), parametri, ordinePagina);
    }

    /** The rows of these domande, in this order, with names, comuni and where their work stands. */
    private List<RigaDomanda> righe(List<Long> ids) {
        Map<Long, RigaDomanda> lette = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.query("select d.id, d.richiedente_cf, d.richiedente_nome as nome, d.richiedente_cognome as cognome, d.isbar, "
                    + "coalesce(d.isbar_lavoro, d.isbar) as isbar_lavoro, d.indigente, d.presentata_il, "
                    + NOME_COMUNE.formatted("d.codice_istat_residenza") + " as comune_residenza from domanda d "
                    + "where d.id = any (?)", rs -> {
                lette.put(rs.getLong("id"), new RigaDomanda(rs.getLong("id"), rs.getString("richiedente_cf"),
                        rs.getString("nome"), rs.getString("cognome"), rs.getString("comune_residenza"),
                        rs.getBigDecimal("isbar"), rs.getBigDecimal("isbar_lavoro"), rs.getBoolean("indigente"),
                        rs.getTimestamp("presentata_il").toInstant(), null));
            }, (Object) ids.toArray(new Long[0]));
        }
        List<RigaDomanda> righe = ids.stream().map(lette::get).filter(java.util.Objects::nonNull).toList();
        Map<Long, StatiDiLavorazione.Stato> stati = new HashMap<>();
        List<Long> trovate = righe.stream().map(RigaDomanda::id).toList();
        lavorazioni.forEach(l -> stati.putAll(l.di(trovate)));
        return righe.stream().map(r -> new RigaDomanda(r.id(), r.codiceFiscale(), r.nome(), r.cognome(),
                r.comuneResidenza(), r.isbar(), r.isbarDiLavoro(), r.indigente(), r.presentataIl(),
                stati.getOrDefault(r.id(), StatiDiLavorazione.Stato.PRESENTATA))).toList();
    }

    private List<DomandaInGraduatoria> leggi(String query, long avvisoId) {
        Map<Long, DomandaInGraduatoria> domande = new LinkedHashMap<>();
        jdbc.query(query, rs -> {
            long id = rs.getLong("id");
            DomandaInGraduatoria domanda = domande.computeIfAbsent(id, k -> riga(rs));
            domanda.alloggi().add(new DomandaInGraduatoria.AlloggioScelto(rs.getLong("alloggio_id"), rs.getLong("ente_id"),
                    rs.getLong("comune_id"), rs.getString("codice_istat"), rs.getInt("preferenza")));
        }, avvisoId);
        return new ArrayList<>(domande.values());
    }

    private static DomandaInGraduatoria riga(ResultSet rs) {
        try {
            return new DomandaInGraduatoria(rs.getLong("id"), rs.getBigDecimal("isbar"),
                    rs.getObject("residente_comune_dal", LocalDate.class),
                    rs.getObject("residente_lombardia_dal", LocalDate.class),
                    rs.getBigDecimal("punti_familiare"), rs.getBigDecimal("punti_abitativo"), rs.getBigDecimal("punti_economico"),
                    rs.getTimestamp("presentata_il").toInstant(), rs.getBoolean("indigente"),
                    rs.getString("codice_istat_residenza"), rs.getBoolean("membro_categorie"), new ArrayList<>());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * How many domande of each avviso {@link #elenco} would list for the same caller: all, or those that chose an
     * alloggio of one of the given enti. For the avvisi's pages of the console.
     */
    @Transactional(readOnly = true)
    public Map<Long, Long> conteggi(java.util.Collection<Long> avvisi, Set<Long> enti, boolean tutte) {
        Map<Long, Long> conteggi = new HashMap<>();
        if (avvisi.isEmpty() || (!tutte && enti.isEmpty())) {
            return conteggi;
        }
        String sql = "select d.avviso_id, count(*) from domanda d where d.avviso_id = any (?)"
                + (tutte ? "" : VISIBILE_AGLI_ENTI)
                + " group by d.avviso_id";
        Object[] parametri = tutte ? new Object[] {avvisi.toArray(new Long[0])}
                : new Object[] {avvisi.toArray(new Long[0]), enti.toArray(new Long[0])};
        jdbc.query(sql, rs -> {
            conteggi.put(rs.getLong(1), rs.getLong(2));
        }, parametri);
        return conteggi;
    }
}
