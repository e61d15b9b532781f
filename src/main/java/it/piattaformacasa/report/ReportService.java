package it.piattaformacasa.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import it.piattaformacasa.avviso.AvvisoService;
import it.piattaformacasa.common.DatiNonValidiException;
import it.piattaformacasa.common.NonTrovatoException;
import it.piattaformacasa.common.sicurezza.UtenteCorrente;
import it.piattaformacasa.domanda.AlloggiScelti;
import it.piattaformacasa.domanda.SceltaInElenco;
import it.piattaformacasa.domanda.SpiegazionePunteggio;
import it.piattaformacasa.domanda.SpiegazionePunteggioService;

/**
 * The avviso's reports (seed 000 «REPORT»): «domande in avviso», «alloggi in avviso / stato degli alloggi» and
 * «domande non assegnatarie», live from the database. An operator sees what concerns its enti (the domande that chose
 * their alloggi, their alloggi); supervisors see everything.
 */
@Service
public class ReportService {

    public enum Report { DOMANDE_IN_AVVISO, ALLOGGI_IN_AVVISO, DOMANDE_NON_ASSEGNATARIE }

    /**
     * What narrows a report of the avviso; null means any. {@code enteId}: the rows of one ente among those the caller
     * sees (the alloggi it owns, the domande that chose one of them); {@code comuneId}: the alloggi in that comune, the
     * domande that chose one there (of the enti seen); {@code stato}: the «Stato della domanda» of the domande in avviso,
     * in the report's words ({@link #STATI_DOMANDA}).
     */
    public record Filtri(Long enteId, Long comuneId, String stato) {
        public static final Filtri NESSUNO = new Filtri(null, null, null);
    }

    /** The values of the «Stato della domanda» column, in the order a domanda goes through them. */
    public static final List<String> STATI_DOMANDA = List.of("PRESENTATA", "IN ISTRUTTORIA", "NON AMMISSIBILE PRESSO UN ENTE",
            "RINUNCIA ALL'ALLOGGIO", "ASSEGNATARIA", "CONTRATTO FIRMATO");

    /** An ente or a comune a filter offers. */
    public record Voce(long id, String nome) {
    }

    private final JdbcTemplate jdbc;
    private final AvvisoService avvisi;
    private final UtenteCorrente utente;
    private final SpiegazionePunteggioService spiegazioni;
    private final AlloggiScelti alloggiScelti;

    private final StatoAssegnazioniAnnuale statoAssegnazioni;

    ReportService(JdbcTemplate jdbc, AvvisoService avvisi, UtenteCorrente utente, SpiegazionePunteggioService spiegazioni,
                  AlloggiScelti alloggiScelti, StatoAssegnazioniAnnuale statoAssegnazioni) {
        this.jdbc = jdbc;
        this.statoAssegnazioni = statoAssegnazioni;
        this.avvisi = avvisi;
        this.utente = utente;
        this.spiegazioni = spiegazioni;
        this.alloggiScelti = alloggiScelti;
    }

    @Transactional(readOnly = true)
    public Tabella report(long avvisoId, Report report) {
        return report(avvisoId, report, Filtri.NESSUNO);
    }

    /**
     * The report narrowed by the filters, within the rows the caller sees: an ente it does not see is not found (as
     * the ente's own pages answer), a state the report does not know is refused.
     */
    @Transactional(readOnly = true)
    public Tabella report(long avvisoId, Report report, Filtri filtri) {
        avvisi.avviso(avvisoId); // 404 for an unknown avviso
        if (!vedeIReportDegliAvvisi()) {
            throw new NonTrovatoException("Avviso " + avvisoId + " non trovato");
        }
        Long[] filtro = utente.vedeTuttiGliEnti() ? null : utente.entiAbilitati().toArray(new Long[0]);
        if (filtri.enteId() != null) {
            if (!utente.vedeTuttiGliEnti() && !utente.entiAbilitati().contains(filtri.enteId())) {
                throw new NonTrovatoException("Ente " + filtri.enteId() + " non trovato");
            }
            filtro = new Long[] {filtri.enteId()};
        }
        if (filtri.stato() != null && (report != Report.DOMANDE_IN_AVVISO || !STATI_DOMANDA.contains(filtri.stato()))) {
            throw DatiNonValidiException.campo("stato", report != Report.DOMANDE_IN_AVVISO
                    ? "lo stato della domanda filtra solo il report con le domande in avviso"
                    : "stato della domanda sconosciuto (ammessi: " + String.join(", ", STATI_DOMANDA) + ")");
        }
        Long comune = filtri.comuneId();
        return switch (report) {
            case DOMANDE_IN_AVVISO -> domandeInAvviso(avvisoId, filtro, comune, filtri.stato());
            case ALLOGGI_IN_AVVISO -> alloggiInAvviso(avvisoId, filtro, comune);
            case DOMANDE_NON_ASSEGNATARIE -> domandeNonAssegnatarie(avvisoId, filtro, comune);
        };
    }

    /** Whether the caller sees any row of the avvisi's reports: every ente, or at least one of its own. */
    public boolean vedeIReportDegliAvvisi() {
        return utente.vedeTuttiGliEnti() || !utente.entiAbilitati().isEmpty();
    }

    /** The enti whose rows the caller sees in the avvisi's reports, by name: the «Ente» filter. */
    @Transactional(readOnly = true)
    public List<Voce> entiDeiReport() {
        if (!vedeIReportDegliAvvisi()) {
            return List.of();
        }
        Long[] enti = utente.vedeTuttiGliEnti() ? null : utente.entiAbilitati().toArray(new Long[0]);
        return jdbc.query("""
                select id, ragione_sociale from ente_proprietario
                 where cast(? as bigint[]) is null or id = any (cast(? as bigint[])) order by ragione_sociale, id""",
                (rs, n) -> new Voce(rs.getLong(1), rs.getString(2)), enti, enti);
    }

    /** The enti whose «stato delle assegnazioni» the caller may read: those whose stock it sees, as the reserves' API. */
    @Transactional(readOnly = true)
    public List<Voce> entiDelloStatoAssegnazioni() {
        return jdbc.query("select id, ragione_sociale from ente_proprietario order by ragione_sociale, id",
                (rs, n) -> new Voce(rs.getLong(1), rs.getString(2))).stream()
                .filter(e -> utente.puoVedereAnagrafeEnte(e.id())).toList();
    }

    /** The comuni of the alloggi in the avviso that the caller sees: the «Comune» filter. */
    @Transactional(readOnly = true)
    public List<Voce> comuniDellAvviso(long avvisoId) {
        if (!vedeIReportDegliAvvisi()) {
            return List.of();
        }
        Long[] enti = utente.vedeTuttiGliEnti() ? null : utente.entiAbilitati().toArray(new Long[0]);
        return jdbc.query("""
                select distinct c.id, c.nome from alloggio_in_avviso aa join alloggio al on al.id = aa.alloggio_id
                  join comune c on c.id = al.comune_id
                 where aa.avviso_id = ? and (cast(? as bigint[]) is null or al.ente_id = any (cast(? as bigint[])))
                 order by c.nome, c.id""", (rs, n) -> new Voce(rs.getLong(1), rs.getString(2)), avvisoId, enti, enti);
    }

    /**
     * «Report dinamico delle assegnazioni (Art. 14)» / «Stato delle assegnazioni (articolo 14)» of seed 000: an ente's
     * year, from its annual plan (the module that owns the reserves answers, with its own visibility: an ente whose
     * stock the caller does not see is not found).
     */
    public Tabella statoAssegnazioni(long enteId, int anno) {
        return statoAssegnazioni.tabella(enteId, anno);
    }

    private static final String DOMANDE_VISIBILI = """
             (cast(? as bigint[]) is null or exists (select 1 from domanda_alloggio da join alloggio al on al.id = da.alloggio_id
                                       where da.domanda_id = d.id and al.ente_id = any (cast(? as bigint[]))))""";

    /** The domande that chose an alloggio in the comune (of the enti in the filter), when a comune is asked for. */
    private static final String DOMANDE_DEL_COMUNE = """
             (cast(? as bigint) is null or exists (select 1 from domanda_alloggio da join alloggio al on al.id = da.alloggio_id
                                       where da.domanda_id = d.id and al.comune_id = ?
                                         and (cast(? as bigint[]) is null or al.ente_id = any (cast(? as bigint[])))))""";

    private static final String NOME_COGNOME = """
            (select c.nome from componente c where c.nucleo_id = d.nucleo_id and c.relazione = 'RICHIEDENTE') as nome,
            (select c.cognome from componente c where c.nucleo_id = d.nucleo_id and c.relazione = 'RICHIEDENTE') as cognome""";

    /**
     * Seed 000 layout: applicant, score, indigence, residence, up to five alloggi, then the state of the work on it;
     * after the component points, the comune of work and every chosen alloggio in order with its comune and why it
     * could be chosen there (art. 9, checked in istruttoria); last, the plain explanation of the score the citizen
     * also reads.
     */
    private Tabella domandeInAvviso(long avvisoId, Long[] enti, Long comune, String stato) {
        List<List<Object>> righe = jdbc.query("""
                select d.id,""" + NOME_COGNOME + """
                       , coalesce(d.isbar_lavoro, d.isbar) as isbar, d.indigente,
                       coalesce((select cr.nome from comune cr where cr.codice_istat = d.codice_istat_residenza),
                                (select ci.nome from comune_italiano ci where ci.codice_istat = d.codice_istat_residenza))
                           as comune_residenza,
                       case when a.id is not null and a.stato = 'CONTRATTO' then 'CONTRATTO FIRMATO'
                            when a.id is not null then 'ASSEGNATARIA'
                            when exists (select 1 from istruttoria i where i.domanda_id = d.id and i.stato = 'IN_CORSO') then 'IN ISTRUTTORIA'
                            when exists (select 1 from assegnazione r where r.domanda_id = d.id and r.stato = 'RINUNCIATA')
                                 then 'RINUNCIA ALL''ALLOGGIO'
                            when exists (select 1 from istruttoria i where i.domanda_id = d.id and i.stato = 'NON_AMMISSIBILE')
                                 then 'NON AMMISSIBILE PRESSO UN ENTE'
                            else 'PRESENTATA' end as stato,
                       (select string_agg(e.ragione_sociale, ', ' order by e.ragione_sociale) from istruttoria i
                          join ente_proprietario e on e.id = i.ente_id where i.domanda_id = d.id and i.stato = 'IN_CORSO') as in_carico,
                       al.codice_ui as alloggio_assegnato, ea.ragione_sociale as ente_assegnatario,
                       exists (select 1 from graduatoria_riga r join graduatoria g on g.id = r.graduatoria_id
                                where r.domanda_id = d.id and g.avviso_id = d.avviso_id and r.parimerito) as parimerito,
                       case when d.residente_comune_dal is null then null
                            when age(d.presentata_il::date, d.residente_comune_dal) >= interval '10 years' then '10 anni +'
                            when age(d.presentata_il::date, d.residente_comune_dal) >= interval '7 years' then '7 – 10 anni'
                            when age(d.presentata_il::date, d.residente_comune_dal) >= interval '5 years' then '5 – 7 anni'
                            else 'meno di 5 anni' end as residenza_comune,
                       case when d.residente_lombardia_dal is null then null
                            when age(d.presentata_il::date, d.residente_lombardia_dal) >= interval '15 years' then '15 anni +'
                            when age(d.presentata_il::date, d.residente_lombardia_dal) >= interval '10 years' then '10 – 15 anni'
                            when age(d.presentata_il::date, d.residente_lombardia_dal) >= interval '5 years' then '5 – 10 anni'
                            else 'meno di 5 anni' end as residenza_regione,
                       coalesce(d.punti_familiare_lavoro, d.punti_familiare), coalesce(d.punti_abitativo_lavoro, d.punti_abitativo),
                       coalesce(d.punti_economico_lavoro, d.punti_economico),
                       coalesce((select cl.nome from comune cl where cl.codice_istat = d.codice_istat_lavoro),
                                (select ci.nome from comune_italiano ci where ci.codice_istat = d.codice_istat_lavoro)) as comune_lavoro
                  from domanda d
                  left join assegnazione a on a.domanda_id = d.id and a.stato <> 'RINUNCIATA'
                  left join alloggio al on al.id = a.alloggio_id
                  left join ente_proprietario ea on ea.id = a.ente_id
                 where d.avviso_id = ? and""" + DOMANDE_VISIBILI + " and" + DOMANDE_DEL_COMUNE + """
                 order by coalesce(d.isbar_lavoro, d.isbar) desc, d.id""", (rs, n) -> {
            List<Object> valori = new ArrayList<>();
            for (int c = 1; c <= 17; c++) {
                valori.add(rs.getObject(c));
            }
            return valori;
        }, avvisoId, enti, enti, comune, comune, enti, enti);
        if (stato != null) {
            righe.removeIf(r -> !stato.equals(r.get(6))); // «Stato della domanda», before the alloggi go in
        }
        List<Long> ids = righe.stream().map(r -> ((Number) r.get(0)).longValue()).toList();
        Map<Long, List<SceltaInElenco>> scelteDi = alloggiScelti.di(ids);
        Map<Long, SpiegazionePunteggio> spiegate = spiegazioni.spiegazioni(ids);
        for (List<Object> riga : righe) {
            long id = ((Number) riga.get(0)).longValue();
            List<SceltaInElenco> scelte = scelteDi.getOrDefault(id, List.of());
            List<Object> codici = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                codici.add(i < scelte.size() ? scelte.get(i).codiceUi() : null);
            }
            riga.addAll(6, codici); // «Alloggio 1»–«Alloggio 5», after the comune of residence
            // after the seed 000 columns, which keep their places: the comune of work (read above), then these
            riga.add(SceltaInElenco.inUnaRiga(scelte));
            SpiegazionePunteggio spiegazione = spiegate.get(id);
            riga.add(spiegazione == null ? null : spiegazione.testoSuUnaRiga());
        }
        return new Tabella("Domande in avviso", List.of("ID domanda", "Nome", "Cognome", "Punteggio ISBAR",
                "Condizione di indigenza", "Comune di residenza", "Alloggio 1", "Alloggio 2", "Alloggio 3", "Alloggio 4",
                "Alloggio 5", "Stato della domanda", "Ente presa in carico", "Alloggio assegnato", "Ente assegnatario",
                "Parimerito", "Periodo di residenza sul territorio comunale", "Periodo di residenza sul territorio regionale",
                "Punteggio della condizione di disagio familiare", "Punteggio della condizione di disagio abitativo",
                "Punteggio della condizione di disagio economico", "Comune di lavoro",
                "Alloggi scelti (preferenza, comune, titolo art. 9)", "Spiegazione punteggio"), righe);
    }

    /** Seed 000 «stato degli alloggi»: published in the avviso or made available after a sgombero, assigned to whom. */
    private Tabella alloggiInAvviso(long avvisoId, Long[] enti, Long comune) {
        List<List<Object>> righe = jdbc.query("""
                select al.id, al.codice_ui, e.ragione_sociale, c.nome, al.indirizzo, al.superficie_utile, al.vani, al.piano,
                       aa.tipologia, aa.pubblicato_in_avviso, a.id is not null, a.domanda_id
                  from alloggio_in_avviso aa
                  join alloggio al on al.id = aa.alloggio_id
                  join ente_proprietario e on e.id = al.ente_id
                  join comune c on c.id = al.comune_id
                  left join assegnazione a on a.avviso_id = aa.avviso_id and a.alloggio_id = al.id and a.stato <> 'RINUNCIATA'
                 where aa.avviso_id = ? and (cast(? as bigint[]) is null or al.ente_id = any (cast(? as bigint[])))
                   and (cast(? as bigint) is null or al.comune_id = ?)
                 order by e.ragione_sociale, c.nome, al.codice_ui""", (rs, n) -> riga(rs, 12), avvisoId, enti, enti, comune, comune);
        return new Tabella("Stato degli alloggi", List.of("ID alloggio", "Codice UI", "Ente proprietario", "Comune", "Indirizzo",
                "Superficie utile (m²)", "Vani", "Piano", "Tipologia", "Alloggio pubblicato in avviso", "Alloggio assegnato",
                "ID domanda"), righe);
    }

    private Tabella domandeNonAssegnatarie(long avvisoId, Long[] enti, Long comune) {
        List<List<Object>> righe = jdbc.query("""
                select d.id,""" + NOME_COGNOME + """
                       , coalesce(d.isbar_lavoro, d.isbar), d.indigente,
                       (select count(*) from componente c where c.nucleo_id = d.nucleo_id),
                       exists (select 1 from componente c where c.nucleo_id = d.nucleo_id
                                  and (c.percentuale_invalidita >= 66 or c.handicap_grave))
                  from domanda d
                 where d.avviso_id = ?
                   and not exists (select 1 from assegnazione a where a.domanda_id = d.id and a.stato <> 'RINUNCIATA')
                   and""" + DOMANDE_VISIBILI + " and" + DOMANDE_DEL_COMUNE + """
                 order by coalesce(d.isbar_lavoro, d.isbar) desc, d.id""", (rs, n) -> riga(rs, 7), avvisoId, enti, enti,
                comune, comune, enti, enti);
        return new Tabella("Domande non assegnatarie", List.of("ID domanda", "Nome", "Cognome", "Punteggio ISBAR",
                "Condizione di indigenza", "Numero dei componenti", "Presenza di componenti disabili"), righe);
    }

    private static List<Object> riga(java.sql.ResultSet rs, int colonne) throws java.sql.SQLException {
        List<Object> valori = new ArrayList<>(colonne);
        for (int c = 1; c <= colonne; c++) {
            Object v = rs.getObject(c);
            valori.add(v instanceof java.sql.Date d ? d.toLocalDate() : v);
        }
        return valori;
    }
}
