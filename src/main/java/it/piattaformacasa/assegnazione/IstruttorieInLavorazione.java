package it.piattaformacasa.assegnazione;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import it.piattaformacasa.graduatoria.DomandeInLavorazione.DomandaInLavorazione;
import it.piattaformacasa.graduatoria.DomandeInLavorazione.Lavorazione;
import it.piattaformacasa.graduatoria.LavorazioniAperte;

/** Open istruttorie in the «in lavorazione» list, with the operator who took them in charge. */
@Component
class IstruttorieInLavorazione implements LavorazioniAperte {

    private static final ZoneId FUSO = ZoneId.of("Europe/Rome");

    private final JdbcTemplate jdbc;

    IstruttorieInLavorazione(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<DomandaInLavorazione> aperte(long avvisoId, Set<Long> enti, Long domandaId) {
        StringBuilder sql = new StringBuilder("""
                select i.id, i.domanda_id, d.richiedente_cf, d.isbar, coalesce(d.isbar_lavoro, d.isbar) as isbar_lavoro,
                       i.graduatoria_id, i.ente_id, e.ragione_sociale, i.avviata_il, i.avviata_da
                  from istruttoria i
                  join graduatoria g on g.id = i.graduatoria_id
                  join domanda d on d.id = i.domanda_id
                  join ente_proprietario e on e.id = i.ente_id
                 where g.avviso_id = ? and i.stato = 'IN_CORSO'""");
        List<Object> parametri = new ArrayList<>(List.of(avvisoId));
        if (enti != null) {
            sql.append(" and i.ente_id = any (?)");
            parametri.add(enti.toArray(new Long[0]));
        }
        if (domandaId != null) {
            sql.append(" and i.domanda_id = ?");
            parametri.add(domandaId);
        }
        return jdbc.query(sql.toString(), (rs, n) -> DomandaInLavorazione.senzaScadenza(rs.getLong("domanda_id"),
                rs.getString("richiedente_cf"), rs.getBigDecimal("isbar"), rs.getBigDecimal("isbar_lavoro"),
                Lavorazione.ISTRUTTORIA, rs.getLong("id"), rs.getLong("graduatoria_id"), rs.getLong("ente_id"),
                rs.getString("ragione_sociale"), LocalDate.ofInstant(rs.getTimestamp("avviata_il").toInstant(), FUSO),
                rs.getString("avviata_da")), parametri.toArray());
    }
}
