package it.piattaformacasa.graduatoria;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import it.piattaformacasa.common.ItalianFormats;
import it.piattaformacasa.scadenze.LavoriInRitardo;
import it.piattaformacasa.scadenze.Scadenza;

/**
 * For the supervisors' list: avvisi closed for longer than expected whose graduatorie provvisorie do not exist yet
 * (a generation that keeps failing, or work stuck on a node that died). Generating 100k domande takes seconds.
 */
@Component
class GraduatorieNonGenerate implements LavoriInRitardo {

    private final JdbcTemplate jdbc;

    GraduatorieNonGenerate(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Scadenza> inRitardo(Instant attesiPrima, Instant adesso) {
        return jdbc.query("""
                select a.id, a.titolo, a.chiuso_il from avviso a
                 where a.stato = 'CHIUSO' and a.chiuso_il < ?
                   and not exists (select 1 from generazione_graduatorie g where g.avviso_id = a.id and g.tipo = 'PROVVISORIE')
                   and not exists (select 1 from graduatoria g where g.avviso_id = a.id)
                 order by a.chiuso_il""", (rs, n) -> {
            long id = rs.getLong("id");
            Instant chiuso = rs.getTimestamp("chiuso_il").toInstant();
            long minuti = ChronoUnit.MINUTES.between(chiuso, adesso);
            return Scadenza.inRitardo("Avviso " + id, "L'avviso " + id + " «" + rs.getString("titolo") + "» è chiuso dal "
                            + ItalianFormats.dataOra(chiuso) + " (da " + minuti + " minuti) e le sue graduatorie provvisorie non "
                            + "sono ancora state generate", "Genera graduatorie provvisorie", "Avviso", Long.toString(id),
                    chiuso.plus(Duration.between(attesiPrima, adesso)), chiuso, null);
        }, Timestamp.from(attesiPrima));
    }
}
