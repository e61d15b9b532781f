package it.piattaformacasa.assegnazione;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import it.piattaformacasa.common.ConflittoException;
import it.piattaformacasa.common.ItalianFormats;
import it.piattaformacasa.domanda.AlloggiScelti;
import it.piattaformacasa.domanda.DatiDomanda;
import it.piattaformacasa.domanda.SceltaInElenco;
import it.piattaformacasa.domanda.SpiegazionePunteggio;
import it.piattaformacasa.domanda.SpiegazionePunteggioService;
import it.piattaformacasa.graduatoria.Graduatoria;

/**
 * What the operator needs to decide «Verifica istruttoria» (issue 11): the domanda, its nucleo, its ISBAR with the
 * citizen's explanation, the alloggi the nucleo chose at this ente, the alloggi this istruttoria may assign, and where
 * the domanda stands in the ente's art. 15 order. Read for the process (no caller's visibility: the task belongs to
 * the ente's istruttoria group, which the engine checks) and never throwing for a case that is not there, so the task
 * is created anyway.
 */
@Service
public class SchedaIstruttoria {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One member of the nucleo, without its codice fiscale: what the decision needs. */
    public record Componente(String nome, String cognome, String relazione, int eta, int percentualeInvalidita,
                             boolean accompagnamento, boolean handicapGrave) {
    }

    /**
     * An alloggio the nucleo chose at this ente ({@code preferenza} 1 = first), or in ripescaggio one of the ente's
     * leftovers ({@code preferenza} null). {@code assegnabile}: this istruttoria can assign it (the graduatoria's comune).
     */
    public record Alloggio(Integer preferenza, long alloggioId, String codiceUi, String comune, String indirizzo,
                           BigDecimal superficie, String titolo, boolean assegnabile) {
    }

    /** The art. 15 order of the ente's graduatoria: the next domanda, or why the order cannot be read. */
    public record Ordine(Long prossimaDomanda, Integer posizione, boolean inOrdine, String nonDisponibile) {

        /** Out of order: the assignment needs a reason (art. 15). Unknown order counts as out of order. */
        public boolean fuoriOrdine() {
            return !inOrdine;
        }
    }

    public record Scheda(long istruttoriaId, long domandaId, String ente, String comuneGraduatoria, String avviso,
                         boolean ripescaggio, String nomeRichiedente, String cognomeRichiedente, String comuneResidenza,
                         BigDecimal isee, Set<String> condizioni, LocalDate residenteLombardiaDal,
                         LocalDate residenteComuneDal, List<Componente> nucleo, SpiegazionePunteggio spiegazione,
                         List<Alloggio> scelti, List<Alloggio> assegnabili, Ordine ordine) {
    }

    private final JdbcTemplate jdbc;
    private final AlloggiScelti alloggiScelti;
    private final SpiegazionePunteggioService spiegazioni;
    private final OrdineAssegnazioneService ordini;
    private final Clock clock;

    SchedaIstruttoria(JdbcTemplate jdbc, AlloggiScelti alloggiScelti, SpiegazionePunteggioService spiegazioni,
                      OrdineAssegnazioneService ordini, Clock clock) {
        this.jdbc = jdbc;
        this.alloggiScelti = alloggiScelti;
        this.spiegazioni = spiegazioni;
        this.ordini = ordini;
        this.clock = clock;
    }

    private record Testata(long domandaId, long graduatoriaId, long enteId, long comuneId, String ente, String comune,
                           String avviso, long avvisoId, String statoGraduatoria, long nucleoId, String comuneResidenza,
                           BigDecimal isee, String condizioni, LocalDate lombardiaDal, LocalDate comuneDal) {
    }

    public Optional<Scheda> scheda(long istruttoriaId) {
        Optional<Testata> trovata = jdbc.query("""
                select i.domanda_id, i.graduatoria_id, g.ente_id, g.comune_id, e.ragione_sociale, c.nome as comune, a.titolo,
                       a.id as avviso_id, g.stato, d.nucleo_id, d.isee, d.condizioni::text as condizioni,
                       d.residente_lombardia_dal, d.residente_comune_dal,
                       coalesce((select cr.nome from comune cr where cr.codice_istat = d.codice_istat_residenza),
                                (select ci.nome from comune_italiano ci where ci.codice_istat = d.codice_istat_residenza))
                           as comune_residenza
                  from istruttoria i join graduatoria g on g.id = i.graduatoria_id
                  join ente_proprietario e on e.id = g.ente_id join comune c on c.id = g.comune_id
                  join avviso a on a.id = g.avviso_id join domanda d on d.id = i.domanda_id
                 where i.id = ?""", (rs, n) -> new Testata(rs.getLong("domanda_id"), rs.getLong("graduatoria_id"),
                rs.getLong("ente_id"), rs.getLong("comune_id"), rs.getString("ragione_sociale"), rs.getString("comune"),
                rs.getString("titolo"), rs.getLong("avviso_id"), rs.getString("stato"), rs.getLong("nucleo_id"),
                rs.getString("comune_residenza"), rs.getBigDecimal("isee"), rs.getString("condizioni"),
                data(rs.getDate("residente_lombardia_dal")), data(rs.getDate("residente_comune_dal"))), istruttoriaId)
                .stream().findFirst();
        if (trovata.isEmpty()) {
            return Optional.empty();
        }
        Testata t = trovata.get();
        LocalDate oggi = LocalDate.now(clock.withZone(ItalianFormats.ZONE));
        List<Componente> nucleo = jdbc.query("""
                select nome, cognome, relazione, data_nascita, percentuale_invalidita, indennita_accompagnamento, handicap_grave
                  from componente where nucleo_id = ?
                 order by case relazione when 'RICHIEDENTE' then 0 else 1 end, data_nascita, posizione, id""",
                (rs, n) -> new Componente(rs.getString("nome"), rs.getString("cognome"), rs.getString("relazione"),
                        Period.between(rs.getDate("data_nascita").toLocalDate(), oggi).getYears(),
                        rs.getInt("percentuale_invalidita"), rs.getBoolean("indennita_accompagnamento"),
                        rs.getBoolean("handicap_grave")), t.nucleoId());
        Componente richiedente = nucleo.stream().filter(c -> "RICHIEDENTE".equals(c.relazione())).findFirst().orElse(null);

        boolean ripescaggio = Graduatoria.Stato.RIPESCAGGIO.name().equals(t.statoGraduatoria());
        List<Alloggio> scelti = scelti(t);
        List<Alloggio> assegnabili = new ArrayList<>(scelti.stream().filter(Alloggio::assegnabile).toList());
        if (ripescaggio) {
            // ripescaggio: any alloggio of the ente in this comune that is in the avviso and still free to assign
            assegnabili.addAll(rimasti(t).stream()
                    .filter(r -> assegnabili.stream().noneMatch(a -> a.alloggioId() == r.alloggioId())).toList());
        }
        SpiegazionePunteggio spiegazione = spiegazioni.spiegazioni(List.of(t.domandaId())).get(t.domandaId());
        return Optional.of(new Scheda(istruttoriaId, t.domandaId(), t.ente(), t.comune(), t.avviso(), ripescaggio,
                richiedente == null ? null : richiedente.nome(), richiedente == null ? null : richiedente.cognome(),
                t.comuneResidenza(), t.isee(), condizioni(t.condizioni()), t.lombardiaDal(), t.comuneDal(), nucleo,
                spiegazione, scelti, List.copyOf(assegnabili), ordine(t)));
    }

    /** The alloggi the nucleo chose at this ente, in order of preference, with their comune and art. 9 title. */
    private List<Alloggio> scelti(Testata t) {
        List<SceltaInElenco> scelte = alloggiScelti.di(List.of(t.domandaId())).getOrDefault(t.domandaId(), List.of());
        if (scelte.isEmpty()) {
            return List.of();
        }
        Map<Long, Map<String, Object>> diQuestoEnte = new java.util.HashMap<>();
        jdbc.query("select id, indirizzo, superficie_utile, comune_id from alloggio where ente_id = ? and id = any (?)", rs -> {
            diQuestoEnte.put(rs.getLong("id"), Map.of("indirizzo", rs.getString("indirizzo"),
                    "superficie", rs.getBigDecimal("superficie_utile"), "comune", rs.getLong("comune_id")));
        }, t.enteId(), scelte.stream().map(SceltaInElenco::alloggioId).toArray(Long[]::new));
        List<Alloggio> alloggi = new ArrayList<>();
        for (SceltaInElenco s : scelte) {
            Map<String, Object> dati = diQuestoEnte.get(s.alloggioId());
            if (dati != null) {
                alloggi.add(new Alloggio(s.preferenza(), s.alloggioId(), s.codiceUi(), s.comune(), (String) dati.get("indirizzo"),
                        (BigDecimal) dati.get("superficie"), s.titoloTesto(), ((Long) dati.get("comune")) == t.comuneId()));
            }
        }
        return alloggi;
    }

    /** Ripescaggio: the ente's alloggi of the avviso in this comune that nobody holds (published or freed after a sgombero). */
    private List<Alloggio> rimasti(Testata t) {
        return jdbc.query("""
                select al.id, al.codice_ui, c.nome, al.indirizzo, al.superficie_utile
                  from alloggio_in_avviso aa join alloggio al on al.id = aa.alloggio_id join comune c on c.id = al.comune_id
                 where aa.avviso_id = ? and al.ente_id = ? and al.comune_id = ?
                   and not exists (select 1 from assegnazione s where s.avviso_id = aa.avviso_id and s.alloggio_id = al.id
                                      and s.stato <> 'RINUNCIATA')
                 order by al.codice_ui""", (rs, n) -> new Alloggio(null, rs.getLong("id"), rs.getString("codice_ui"),
                rs.getString("nome"), rs.getString("indirizzo"), rs.getBigDecimal("superficie_utile"), null, true),
                t.avvisoId(), t.enteId(), t.comuneId());
    }

    /**
     * Art. 15: is this domanda the next one the ente proposes? The order needs the year's reserves; without them (or on a
     * graduatoria no longer assignable) it is not known, and the reason is said instead.
     */
    private Ordine ordine(Testata t) {
        OrdineAssegnazioneService.OrdineAssegnazione ordine;
        try {
            // not transactional itself: a refusal here does not mark the engine's transaction for rollback
            ordine = ordini.perAssegnazione(t.graduatoriaId());
        } catch (ConflittoException e) {
            return new Ordine(null, null, false, e.getMessage());
        }
        Integer posizione = ordine.ordine().stream().filter(p -> p.domandaId() == t.domandaId())
                .map(OrdineAssegnazioneService.Proposta::ordine).findFirst().orElse(null);
        if (ordine.ordine().isEmpty()) {
            return new Ordine(null, null, false, "nessuna domanda è in attesa di un alloggio in questa graduatoria");
        }
        long prossima = ordine.ordine().get(0).domandaId();
        return new Ordine(prossima, posizione, prossima == t.domandaId(), null);
    }

    private static Set<String> condizioni(String json) {
        Set<String> vere = new LinkedHashSet<>();
        try {
            Map<String, Boolean> dichiarate = JSON.readValue(json == null ? "{}" : json, new TypeReference<Map<String, Boolean>>() { });
            // in the order the form lists them
            DatiDomanda.CONDIZIONI.stream().filter(c -> Boolean.TRUE.equals(dichiarate.get(c))).forEach(vere::add);
        } catch (JsonProcessingException e) {
            // a column the domanda module wrote: unreadable means none shown, the operator still sees the score
        }
        return vere;
    }

    private static LocalDate data(java.sql.Date data) {
        return data == null ? null : data.toLocalDate();
    }
}
