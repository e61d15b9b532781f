package it.piattaformacasa.domanda;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * One query for all the domande of an avviso with their chosen alloggi: ranking 100k domande must not load 100k
 * entities and their collections one by one.
 */
@Component
public class DomandePerGraduatorie {

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

    private final JdbcTemplate jdbc;

    DomandePerGraduatorie(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
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

    /** With the working scores (rettifiche accepted): the graduatoria definitiva. */
    @Transactional(readOnly = true)
    public List<DomandaInGraduatoria> diLavoro(long avvisoId) {
        return leggi(DI_LAVORO, avvisoId);
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
                    rs.getObject("residente_comune_dal", java.time.LocalDate.class),
                    rs.getObject("residente_lombardia_dal", java.time.LocalDate.class),
                    rs.getBigDecimal("punti_familiare"), rs.getBigDecimal("punti_abitativo"), rs.getBigDecimal("punti_economico"),
                    rs.getTimestamp("presentata_il").toInstant(), rs.getBoolean("indigente"),
                    rs.getString("codice_istat_residenza"), rs.getBoolean("membro_categorie"), new ArrayList<>());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
