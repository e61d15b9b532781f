package it.piattaformacasa.assegnazione;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import it.piattaformacasa.domanda.StatiDiLavorazione;

/** The semaforo of the domande from the istruttoria and the assignments: assigned, in istruttoria, excluded or refused. */
@Component
class StatiDiLavorazioneIstruttoria implements StatiDiLavorazione {

    private final JdbcTemplate jdbc;

    StatiDiLavorazioneIstruttoria(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<Long, Stato> di(Collection<Long> domande) {
        Map<Long, Stato> stati = new HashMap<>();
        if (domande.isEmpty()) {
            return stati;
        }
        jdbc.query("""
                select d.id,
                       case when exists (select 1 from assegnazione a where a.domanda_id = d.id and a.stato <> 'RINUNCIATA')
                                 then 'ASSEGNATARIA'
                            when exists (select 1 from istruttoria i where i.domanda_id = d.id and i.stato = 'IN_CORSO')
                                 then 'IN_LAVORAZIONE'
                            when exists (select 1 from istruttoria i where i.domanda_id = d.id and i.stato = 'NON_AMMISSIBILE')
                              or exists (select 1 from assegnazione a where a.domanda_id = d.id and a.stato = 'RINUNCIATA')
                                 then 'ESCLUSA_O_RINUNCIA'
                       end as stato
                  from domanda d where d.id = any (?)""", rs -> {
            String stato = rs.getString("stato");
            if (stato != null) {
                stati.put(rs.getLong("id"), Stato.valueOf(stato));
            }
        }, (Object) domande.toArray(new Long[0]));
        return stati;
    }
}
