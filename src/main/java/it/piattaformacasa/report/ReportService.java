package it.piattaformacasa.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import it.piattaformacasa.avviso.AvvisoService;
import it.piattaformacasa.common.NonTrovatoException;
import it.piattaformacasa.common.sicurezza.UtenteCorrente;

/**
 * The avviso's reports (seed 000 «REPORT»): «domande in avviso», «alloggi in avviso / stato degli alloggi» and
 * «domande non assegnatarie», live from the database. An operator sees what concerns its enti (the domande that chose
 * their alloggi, their alloggi); supervisors see everything.
 */
@Service
public class ReportService {

    public enum Report { DOMANDE_IN_AVVISO, ALLOGGI_IN_AVVISO, DOMANDE_NON_ASSEGNATARIE }

    private final JdbcTemplate jdbc;
    private final AvvisoService avvisi;
    private final UtenteCorrente utente;

    ReportService(JdbcTemplate jdbc, AvvisoService avvisi, UtenteCorrente utente) {
        this.jdbc = jdbc;
        this.avvisi = avvisi;
        this.utente = utente;
    }

    @Transactional(readOnly = true)
    public Tabella report(long avvisoId, Report report) {
        avvisi.avviso(avvisoId); // 404 for an unknown avviso
        boolean tutti = utente.vedeTuttiGliEnti();
        Set<Long> enti = utente.entiAbilitati();
        if (!tutti && enti.isEmpty()) {
            throw new NonTrovatoException("Avviso " + avvisoId + " non trovato");
        }
        Long[] filtro = tutti ? null : enti.toArray(new Long[0]);
        return switch (report) {
            case DOMANDE_IN_AVVISO -> domandeInAvviso(avvisoId, filtro);
            case ALLOGGI_IN_AVVISO -> alloggiInAvviso(avvisoId, filtro);
            case DOMANDE_NON_ASSEGNATARIE -> domandeNonAssegnatarie(avvisoId, filtro);
        };
    }

    private static final String DOMANDE_VISIBILI = """
             (cast(? as bigint[]) is null or exists (select 1 from domanda_alloggio da join alloggio al on al.id = da.alloggio_id
                                       where da.domanda_id = d.id and al.ente_id = any (cast(? as bigint[]))))""";

    private Tabella domandeInAvviso(long avvisoId, Long[] enti) {
        List<List<Object>> righe = jdbc.query("""
                select d.id, d.richiedente_cf, d.isbar, coalesce(d.isbar_lavoro, d.isbar) as isbar_lavoro, d.indigente,
                       case when a.id is not null and a.stato = 'CONTRATTO' then 'CONTRATTO FIRMATO'
                            when a.id is not null then 'ASSEGNATARIA'
                            when exists (select 1 from istruttoria i where i.domanda_id = d.id and i.stato = 'IN_CORSO') then 'IN ISTRUTTORIA'
                            when exists (select 1 from istruttoria i where i.domanda_id = d.id and i.stato = 'NON_AMMISSIBILE')
                                 then 'NON AMMISSIBILE PRESSO UN ENTE'
                            else 'IN GRADUATORIA' end as stato,
                       (select string_agg(e.ragione_sociale, ', ' order by e.ragione_sociale) from istruttoria i
                          join ente_proprietario e on e.id = i.ente_id where i.domanda_id = d.id and i.stato = 'IN_CORSO') as in_carico,
                       al.codice_ui as alloggio_assegnato, ea.ragione_sociale as ente_assegnatario,
                       exists (select 1 from graduatoria_riga r join graduatoria g on g.id = r.graduatoria_id
                                where r.domanda_id = d.id and g.avviso_id = d.avviso_id and r.parimerito) as parimerito,
                       d.residente_comune_dal, d.residente_lombardia_dal, coalesce(d.punti_familiare_lavoro, d.punti_familiare),
                       coalesce(d.punti_abitativo_lavoro, d.punti_abitativo), coalesce(d.punti_economico_lavoro, d.punti_economico)
                  from domanda d
                  left join assegnazione a on a.domanda_id = d.id and a.stato <> 'RINUNCIATA'
                  left join alloggio al on al.id = a.alloggio_id
                  left join ente_proprietario ea on ea.id = a.ente_id
                 where d.avviso_id = ? and""" + DOMANDE_VISIBILI + """
                 order by coalesce(d.isbar_lavoro, d.isbar) desc, d.id""", (rs, n) -> riga(rs, 15),
                avvisoId, enti, enti);
        return new Tabella("Domande in avviso", List.of("ID domanda", "Richiedente", "ISBAR pubblicato", "ISBAR di lavoro",
                "Indigenza", "Stato domanda", "Ente presa in carico", "Alloggio assegnato", "Ente assegnatario", "Parimerito",
                "Residente nel comune dal", "Residente in Lombardia dal", "Punti familiari", "Punti abitativi",
                "Punti economici"), righe);
    }

    private Tabella alloggiInAvviso(long avvisoId, Long[] enti) {
        List<List<Object>> righe = jdbc.query("""
                select al.id, al.codice_ui, e.ragione_sociale, c.nome, al.indirizzo, aa.tipologia,
                       case when aa.pubblicato_in_avviso then 'Pubblicato in avviso' else 'Liberato dopo sgombero' end,
                       case when a.stato = 'CONTRATTO' then 'CONTRATTO FIRMATO' when a.id is not null then 'ASSEGNATO'
                            else aa.stato_in_avviso end,
                       a.domanda_id
                  from alloggio_in_avviso aa
                  join alloggio al on al.id = aa.alloggio_id
                  join ente_proprietario e on e.id = al.ente_id
                  join comune c on c.id = al.comune_id
                  left join assegnazione a on a.avviso_id = aa.avviso_id and a.alloggio_id = al.id and a.stato <> 'RINUNCIATA'
                 where aa.avviso_id = ? and (cast(? as bigint[]) is null or al.ente_id = any (cast(? as bigint[])))
                 order by e.ragione_sociale, c.nome, al.codice_ui""", (rs, n) -> riga(rs, 9), avvisoId, enti, enti);
        return new Tabella("Alloggi in avviso", List.of("ID alloggio", "Codice UI", "Ente proprietario", "Comune", "Indirizzo",
                "Tipologia", "Provenienza", "Stato", "ID domanda assegnataria"), righe);
    }

    private Tabella domandeNonAssegnatarie(long avvisoId, Long[] enti) {
        List<List<Object>> righe = jdbc.query("""
                select d.id, d.richiedente_cf, coalesce(d.isbar_lavoro, d.isbar), d.indigente,
                       (select count(*) from componente c where c.nucleo_id = d.nucleo_id),
                       (select count(*) from componente c where c.nucleo_id = d.nucleo_id
                           and (c.percentuale_invalidita >= 66 or c.handicap_grave))
                  from domanda d
                 where d.avviso_id = ?
                   and not exists (select 1 from assegnazione a where a.domanda_id = d.id and a.stato <> 'RINUNCIATA')
                   and""" + DOMANDE_VISIBILI + """
                 order by coalesce(d.isbar_lavoro, d.isbar) desc, d.id""", (rs, n) -> riga(rs, 6), avvisoId, enti, enti);
        return new Tabella("Domande non assegnatarie", List.of("ID domanda", "Richiedente", "ISBAR", "Indigenza",
                "Componenti", "Componenti con disabilità"), righe);
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
