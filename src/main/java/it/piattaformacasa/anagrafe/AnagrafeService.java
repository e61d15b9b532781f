package it.piattaformacasa.anagrafe;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import it.piattaformacasa.common.AccessoNegatoException;
import it.piattaformacasa.common.CodiceFiscale;
import it.piattaformacasa.common.NonTrovatoException;
import it.piattaformacasa.common.sicurezza.UtenteCorrente;

/**
 * Read side of the Anagrafe. Ambiti, comuni and enti are public reference data for every authenticated user;
 * alloggi are visible only to the operators of their ente (and to supervisors, analysts, administrators).
 */
@Service
@Transactional(readOnly = true)
public class AnagrafeService {

    public record Riepilogo(EnteProprietario ente, long numeroFabbricati, long numeroAlloggi,
                            Map<StatoAlloggio, Long> alloggiPerStato) {
    }

    /**
     * The console's search of the alloggi (issue 12): the API's filters, plus a text found in the codice UI or the
     * indirizzo (case-insensitive, «%» and «_» taken literally).
     */
    /**
     * The filters of seed 001's «Scheda ricerca alloggi»; null for a filter not set.
     *
     * @param cerca            a part of the codice UI or of the address
     * @param codiceFabbricato the fabbricato's code, whole
     * @param provincia        the province's two letters
     * @param inAvviso         true: only the alloggi an avviso not yet closed offers; false: only the others
     */
    public record RicercaAlloggi(Long enteId, String codiceIstatComune, StatoAlloggio stato, String cerca,
                                 String codiceFabbricato, DestinazioneUso destinazioneUso, String provincia, Boolean inAvviso) {

        public RicercaAlloggi(Long enteId, String codiceIstatComune, StatoAlloggio stato, String cerca) {
            this(enteId, codiceIstatComune, stato, cerca, null, null, null, null);
        }
    }

    /** How the console orders the alloggi; the id breaks ties, so that pages never repeat a row. */
    public enum OrdineAlloggi {
        CODICE("codiceUi"), COMUNE("comune.nome"), STATO("stato"), SUPERFICIE("superficieUtile");

        private final String proprieta;

        OrdineAlloggi(String proprieta) {
            this.proprieta = proprieta;
        }

        public Sort sort(boolean discendente) {
            Sort.Direction verso = discendente ? Sort.Direction.DESC : Sort.Direction.ASC;
            return Sort.by(new Sort.Order(verso, proprieta), new Sort.Order(verso, "id"));
        }
    }

    /** A fabbricato with its alloggi counted per state. */
    public record RigaFabbricato(long id, String codice, String indirizzo, String zonaLocalita, String comune,
                                 long enteId, String ente, long alloggi, Map<StatoAlloggio, Long> perStato) {
    }

    /** A household living in an alloggio of the Anagrafe (its tenant after the contratto). */
    public record RigaNucleo(long id, long alloggioId, String codiceUi, String indirizzo, String comune, String ente,
                             StatoAlloggio statoAlloggio, String richiedenteNome, String richiedenteCognome,
                             String richiedenteCodiceFiscale, long componenti, Instant registratoIl, java.time.LocalDate terminatoIl,
                             String motivoTermine) {
    }

    /** A comune where the caller sees at least one alloggio, for the console's filters. */
    public record ComuneConAlloggi(String codiceIstat, String nome) {
    }

    private final AmbitoRepository ambiti;
    private final ComuneRepository comuni;
    private final EnteProprietarioRepository enti;
    private final FabbricatoRepository fabbricati;
    private final AlloggioRepository alloggi;
    private final NucleoFamiliareRepository nuclei;
    private final NamedParameterJdbcTemplate jdbc;
    private final UtenteCorrente utente;
    private final List<AlloggiOffertiInAvviso> offertiInAvviso;

    AnagrafeService(AmbitoRepository ambiti, ComuneRepository comuni, EnteProprietarioRepository enti,
                    FabbricatoRepository fabbricati, AlloggioRepository alloggi, NucleoFamiliareRepository nuclei,
                    NamedParameterJdbcTemplate jdbc, UtenteCorrente utente, List<AlloggiOffertiInAvviso> offertiInAvviso) {
        this.offertiInAvviso = offertiInAvviso;
        this.nuclei = nuclei;
        this.jdbc = jdbc;
        this.ambiti = ambiti;
        this.comuni = comuni;
        this.enti = enti;
        this.fabbricati = fabbricati;
        this.alloggi = alloggi;
        this.utente = utente;
    }

    public List<Ambito> ambiti() {
        return ambiti.findAll().stream().sorted((a, b) -> a.getNome().compareTo(b.getNome())).toList();
    }

    public Ambito ambito(String codice) {
        return ambiti.findByCodice(codice).orElseThrow(() -> new NonTrovatoException("Ambito " + codice + " non trovato"));
    }

    public List<Comune> comuniDi(Ambito ambito) {
        return comuni.findByAmbitoIdOrderByNome(ambito.getId());
    }

    public List<EnteProprietario> entiDi(Ambito ambito) {
        return enti.findOperantiNellAmbito(ambito.getId());
    }

    /**
     * Whether one of {@code tra} is among {@link #entiDi}'s enti (the same conditions as
     * {@link EnteProprietarioRepository#findOperantiNellAmbito}), looking at those enti only: asked by every domanda
     * presented. In SQL with an array, one prepared statement whatever the number of enti: Hibernate translates a
     * query with a list parameter again at every execution (issue 17: 7 % of a node's CPU in the opening-day burst).
     */
    public boolean unoOperaNellAmbito(long ambitoId, java.util.Collection<Long> tra) {
        return !tra.isEmpty() && Boolean.TRUE.equals(jdbc.queryForObject("""
                select exists (select 1 from ente_proprietario e join comune c on c.id = e.comune_id
                                where e.id = any(:enti)
                                  and (c.ambito_id = :ambito
                                       or exists (select 1 from fabbricato f join comune fc on fc.id = f.comune_id
                                                   where f.ente_id = e.id and fc.ambito_id = :ambito)))""",
                java.util.Map.of("enti", tra.toArray(Long[]::new), "ambito", ambitoId), Boolean.class));
    }

    public List<EnteProprietario> enti() {
        return enti.findAllConComune();
    }

    /** The enti {@code ids} with their comuni, by name: what {@link #enti()} would give of them, without loading the rest. */
    public List<EnteProprietario> enti(java.util.Collection<Long> ids) {
        return ids.isEmpty() ? List.of() : enti.findConComuneByIdIn(ids);
    }

    /** The enti of one regional profile, without their comuni. */
    public List<EnteProprietario> entiDelProfilo(RegioneProfilo profilo) {
        return enti.findByRegioneProfilo(profilo);
    }

    /** Empty when no ente has that codice fiscale: for callers that must not fail (a task naming its case). */
    public Optional<EnteProprietario> enteConCodiceFiscale(CodiceFiscale codiceFiscale) {
        return enti.findByCodiceFiscale(codiceFiscale);
    }

    public EnteProprietario ente(long id) {
        return enti.findById(id).orElseThrow(() -> new NonTrovatoException("Ente " + id + " non trovato"));
    }

    public Riepilogo riepilogo(long enteId) {
        return calcolaRiepilogo(enteVisibile(enteId));
    }

    /** Without caller checks: for the engine, which has already authorized the task being completed. */
    Riepilogo calcolaRiepilogo(EnteProprietario ente) {
        long enteId = ente.getId();
        Map<StatoAlloggio, Long> perStato = new EnumMap<>(StatoAlloggio.class);
        for (StatoAlloggio stato : StatoAlloggio.values()) {
            perStato.put(stato, 0L);
        }
        alloggi.contaPerStato(enteId).forEach(c -> perStato.put(c.getStato(), c.getNumero()));
        long totale = perStato.values().stream().mapToLong(Long::longValue).sum();
        return new Riepilogo(ente, fabbricati.countByEnteIdAndRitiratoIlIsNull(enteId), totale, perStato);
    }

    public Alloggio alloggio(long id) {
        return alloggi.findConDettagliById(id)
                .filter(a -> utente.puoVedereAnagrafeEnte(a.getEnte().getId()))
                .orElseThrow(() -> new NonTrovatoException("Alloggio " + id + " non trovato"));
    }

    /**
     * The alloggio if it belongs to that ente, whoever calls: for a step of a process that already knows the ente
     * from its case (the engine let only that ente's operators work the task).
     */
    public Optional<Alloggio> alloggioDellEnte(long id, long enteId) {
        return alloggi.findConDettagliById(id).filter(a -> a.getEnte().getId() == enteId);
    }

    public Comune comune(String codiceIstat) {
        return comuni.findByCodiceIstat(codiceIstat)
                .orElseThrow(() -> new NonTrovatoException("Comune con codice ISTAT " + codiceIstat + " non trovato"));
    }

    /** The ente, if the caller may see its stock; otherwise 404 as if it did not exist. */
    public EnteProprietario enteVisibile(long enteId) {
        if (!utente.puoVedereAnagrafeEnte(enteId)) {
            throw new NonTrovatoException("Ente " + enteId + " non trovato");
        }
        return ente(enteId);
    }

    /** The enti whose stock the caller sees: all of them for supervisors, administrators, analysts; else its own. */
    public List<EnteProprietario> entiVisibili() {
        return enti().stream().filter(e -> utente.puoVedereAnagrafeEnte(e.getId())).toList();
    }

    /** As {@link #alloggi}, with the console's text search; the same visibility. */
    public Page<Alloggio> cercaAlloggi(RicercaAlloggi ricerca, Pageable pagina) {
        Specification<Alloggio> spec = visibili();
        if (ricerca.enteId() != null) {
            spec = spec.and((root, q, cb) -> cb.equal(root.get("ente").get("id"), ricerca.enteId()));
        }
        if (ricerca.codiceIstatComune() != null) {
            spec = spec.and((root, q, cb) -> cb.equal(root.get("comune").get("codiceIstat"), ricerca.codiceIstatComune()));
        }
        if (ricerca.stato() != null) {
            spec = spec.and((root, q, cb) -> cb.equal(root.get("stato"), ricerca.stato()));
        }
        if (ricerca.codiceFabbricato() != null) {
            spec = spec.and((root, q, cb) -> cb.equal(cb.upper(root.get("fabbricato").get("codice")),
                    ricerca.codiceFabbricato().toUpperCase(Locale.ROOT)));
        }
        if (ricerca.destinazioneUso() != null) {
            spec = spec.and((root, q, cb) -> cb.equal(root.get("destinazioneUso"), ricerca.destinazioneUso()));
        }
        if (ricerca.provincia() != null) {
            spec = spec.and((root, q, cb) -> cb.equal(root.get("comune").get("provincia"), ricerca.provincia()));
        }
        if (ricerca.inAvviso() != null) {
            Set<Long> offerti = new HashSet<>();
            offertiInAvviso.forEach(o -> offerti.addAll(o.inAvvisiNonChiusi()));
            if (ricerca.inAvviso()) {
                spec = spec.and(offerti.isEmpty() ? (root, q, cb) -> cb.disjunction() : (root, q, cb) -> root.get("id").in(offerti));
            } else if (!offerti.isEmpty()) {
                spec = spec.and((root, q, cb) -> cb.not(root.get("id").in(offerti)));
            }
        }
        if (ricerca.cerca() != null && !ricerca.cerca().isBlank()) {
            String modello = "%" + letterale(ricerca.cerca().strip().toLowerCase(Locale.ROOT)) + "%";
            spec = spec.and((root, q, cb) -> cb.or(cb.like(cb.lower(root.get("codiceUi")), modello, '\\'),
                    cb.like(cb.lower(root.get("indirizzo")), modello, '\\')));
        }
        return alloggi.findAll(spec, pagina);
    }

    /** The comuni where the caller sees alloggi, by name. */
    public List<ComuneConAlloggi> comuniConAlloggi() {
        MapSqlParameterSource p = new MapSqlParameterSource();
        return jdbc.query("select distinct c.codice_istat, c.nome from alloggio a join comune c on c.id = a.comune_id where "
                        + visibiliSql("a.ente_id", p, utente.vedeAnagrafeDiTuttiGliEnti()) + " and a.ritirato_il is null order by c.nome, c.codice_istat", p,
                (rs, n) -> new ComuneConAlloggi(rs.getString(1), rs.getString(2)));
    }

    /** The provinces (two letters) where the caller sees alloggi, in order. */
    public List<String> provinceConAlloggi() {
        MapSqlParameterSource p = new MapSqlParameterSource();
        return jdbc.queryForList("select distinct c.provincia from alloggio a join comune c on c.id = a.comune_id where "
                + visibiliSql("a.ente_id", p, utente.vedeAnagrafeDiTuttiGliEnti()) + " and a.ritirato_il is null order by c.provincia",
                p, String.class);
    }

    /** The fabbricati of the enti the caller sees (the same rule as the alloggi), by comune and indirizzo. */
    public Page<RigaFabbricato> fabbricati(Long enteId, String codiceIstatComune, Pageable pagina) {
        MapSqlParameterSource p = new MapSqlParameterSource();
        StringBuilder where = new StringBuilder(visibiliSql("f.ente_id", p, utente.vedeAnagrafeDiTuttiGliEnti()))
                .append(" and f.ritirato_il is null");
        if (enteId != null) {
            where.append(" and f.ente_id = :ente");
            p.addValue("ente", enteId);
        }
        if (codiceIstatComune != null) {
            where.append(" and c.codice_istat = :comune");
            p.addValue("comune", codiceIstatComune);
        }
        String da = " from fabbricato f join comune c on c.id = f.comune_id join ente_proprietario e on e.id = f.ente_id where " + where;
        Long totale = jdbc.queryForObject("select count(*)" + da, p, Long.class);
        p.addValue("limite", pagina.getPageSize()).addValue("scarto", pagina.getOffset());
        List<RigaFabbricato> righe = jdbc.query("select f.id, f.codice, f.indirizzo, f.zona_localita, c.nome, e.id, e.ragione_sociale"
                + da + " order by c.nome, f.indirizzo, f.id limit :limite offset :scarto", p, (rs, n) -> new RigaFabbricato(
                rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getLong(6),
                rs.getString(7), 0, Map.of()));
        if (righe.isEmpty()) {
            return new PageImpl<>(righe, pagina, totale == null ? 0 : totale);
        }
        Map<Long, Map<StatoAlloggio, Long>> conteggi = new HashMap<>();
        jdbc.query("select fabbricato_id, stato, count(*) from alloggio where fabbricato_id in (:ids) and ritirato_il is null group by fabbricato_id, stato",
                new MapSqlParameterSource("ids", righe.stream().map(RigaFabbricato::id).toList()), rs -> {
                    conteggi.computeIfAbsent(rs.getLong(1), k -> nuoviConteggi())
                            .put(StatoAlloggio.valueOf(rs.getString(2)), rs.getLong(3));
                });
        List<RigaFabbricato> complete = new ArrayList<>();
        for (RigaFabbricato r : righe) {
            Map<StatoAlloggio, Long> perStato = conteggi.getOrDefault(r.id(), nuoviConteggi());
            complete.add(new RigaFabbricato(r.id(), r.codice(), r.indirizzo(), r.zonaLocalita(), r.comune(), r.enteId(), r.ente(),
                    perStato.values().stream().mapToLong(Long::longValue).sum(), perStato));
        }
        return new PageImpl<>(complete, pagina, totale == null ? 0 : totale);
    }

    /**
     * «Nuclei assegnatari»: the households living in the alloggi of the enti whose cases the caller sees. They are
     * people's data: an analyst, who sees every ente's stock but no one's case, is refused (403).
     *
     * @param cerca a codice fiscale (any member) or the start of a member's surname; empty for all
     */
    public Page<RigaNucleo> nucleiAssegnatari(Long enteId, String cerca, Pageable pagina) {
        return nucleiAssegnatari(enteId, cerca, false, pagina);
    }

    /**
     * @param cessati the households that left their alloggio (issue 13: «Termina l'assegnazione»), the latest end first,
     *                instead of the current tenants
     */
    public Page<RigaNucleo> nucleiAssegnatari(Long enteId, String cerca, boolean cessati, Pageable pagina) {
        if (!utente.vedeTuttiGliEnti() && utente.entiAbilitati().isEmpty()) {
            throw new AccessoNegatoException("I nuclei assegnatari sono visibili solo agli operatori degli enti e ai supervisori");
        }
        MapSqlParameterSource p = new MapSqlParameterSource();
        StringBuilder where = new StringBuilder(visibiliSql("a.ente_id", p, utente.vedeTuttiGliEnti()));
        // the current tenants: a household that left or was replaced by its corrected copy is in the alloggio's history
        where.append(cessati ? " and n.terminato_il is not null" : " and n.terminato_il is null and n.sostituito_da_id is null");
        if (enteId != null) {
            where.append(" and a.ente_id = :ente");
            p.addValue("ente", enteId);
        }
        if (cerca != null && !cerca.isBlank()) {
            where.append(" and exists (select 1 from componente k where k.nucleo_id = n.id and (k.codice_fiscale = :cf"
                    + " or lower(k.cognome) like :cognome escape '\\'))");
            p.addValue("cf", cerca.strip().toUpperCase(Locale.ROOT));
            p.addValue("cognome", letterale(cerca.strip().toLowerCase(Locale.ROOT)) + "%");
        }
        String da = " from nucleo_familiare n join alloggio a on a.id = n.alloggio_id join comune c on c.id = a.comune_id"
                + " join ente_proprietario e on e.id = a.ente_id"
                + " left join componente r on r.nucleo_id = n.id and r.relazione = 'RICHIEDENTE' where " + where;
        Long totale = jdbc.queryForObject("select count(*)" + da, p, Long.class);
        p.addValue("limite", pagina.getPageSize()).addValue("scarto", pagina.getOffset());
        List<RigaNucleo> righe = jdbc.query("select n.id, a.id, a.codice_ui, a.indirizzo, c.nome, e.ragione_sociale, a.stato,"
                + " r.nome, r.cognome, r.codice_fiscale, (select count(*) from componente k where k.nucleo_id = n.id), n.creato_il,"
                + " n.terminato_il, n.motivo_termine"
                + da + (cessati ? " order by n.terminato_il desc, n.id desc" : " order by c.nome, a.codice_ui, n.id")
                + " limit :limite offset :scarto", p, (rs, n) -> new RigaNucleo(
                rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                StatoAlloggio.valueOf(rs.getString(7)), rs.getString(8), rs.getString(9), rs.getString(10), rs.getLong(11),
                rs.getTimestamp(12) == null ? null : rs.getTimestamp(12).toInstant(),
                rs.getObject(13, java.time.LocalDate.class), rs.getString(14)));
        return new PageImpl<>(righe, pagina, totale == null ? 0 : totale);
    }

    /**
     * The households registered in the alloggio, the current tenant first then the past ones (the latest first), for who
     * sees that ente's cases; empty for the others (an analyst sees the alloggio, not the people living in it). A
     * domanda's household replaced by its corrected copy is not repeated (the register says so).
     */
    public List<NucleoFamiliare> nucleiDellAlloggio(Alloggio alloggio) {
        if (!utente.puoVedereEnte(alloggio.getEnte().getId())) {
            return List.of();
        }
        List<NucleoFamiliare> trovati = new ArrayList<>(nuclei.findByAlloggioId(alloggio.getId()));
        trovati.removeIf(n -> n.getSostituitoDaId() != null);
        trovati.forEach(n -> n.getComponenti().size());
        trovati.sort(java.util.Comparator.comparing((NucleoFamiliare n) -> !n.isAttuale()).thenComparing(NucleoFamiliare::getId,
                java.util.Comparator.reverseOrder()));
        return trovati;
    }

    /** Whether the caller may see the people living in the ente's alloggi. */
    public boolean vedeNuclei(long enteId) {
        return utente.puoVedereEnte(enteId);
    }

    private static Map<StatoAlloggio, Long> nuoviConteggi() {
        Map<StatoAlloggio, Long> perStato = new LinkedHashMap<>();
        for (StatoAlloggio stato : StatoAlloggio.values()) {
            perStato.put(stato, 0L);
        }
        return perStato;
    }

    private String visibiliSql(String colonna, MapSqlParameterSource p, boolean tutti) {
        if (tutti) {
            return "true";
        }
        Set<Long> entiAbilitati = utente.entiAbilitati();
        if (entiAbilitati.isEmpty()) {
            return "false";
        }
        p.addValue("visibili", entiAbilitati);
        return colonna + " in (:visibili)";
    }

    /** A text for LIKE, its wildcards taken literally (escape character «\»). */
    private static String letterale(String testo) {
        return testo.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** The alloggi the caller sees in the stock: a retired one stays reachable by its id only (its page, its history). */
    private Specification<Alloggio> visibili() {
        Specification<Alloggio> inAnagrafe = (root, q, cb) -> cb.isNull(root.get("ritiratoIl"));
        return inAnagrafe.and(visibiliPerEnte());
    }

    private Specification<Alloggio> visibiliPerEnte() {
        if (utente.vedeAnagrafeDiTuttiGliEnti()) {
            return (root, q, cb) -> cb.conjunction();
        }
        Set<Long> entiAbilitati = utente.entiAbilitati();
        if (entiAbilitati.isEmpty()) {
            return (root, q, cb) -> cb.disjunction();
        }
        return (root, q, cb) -> root.get("ente").get("id").in(entiAbilitati);
    }
}
