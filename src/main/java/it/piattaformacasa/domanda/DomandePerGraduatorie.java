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

    private static final String QUERY = """
            select d.id, d.isbar, d.residente_comune_dal, d.residente_lombardia_dal, d.punti_familiare, d.punti_abitativo,
                   d.punti_economico, d.presentata_il, d.indigente, d.codice_istat_residenza,
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

    @Transactional(readOnly = true)
    public List<DomandaInGraduatoria> di(long avvisoId) {
        Map<Long, DomandaInGraduatoria> domande = new LinkedHashMap<>();
        jdbc.query(QUERY, rs -> {
            long id = rs.getLong("id");
            DomandaInGraduatoria domanda = domande.computeIfAbsent(id, k -> leggi(rs));
            domanda.alloggi().add(new DomandaInGraduatoria.AlloggioScelto(rs.getLong("alloggio_id"), rs.getLong("ente_id"),
                    rs.getLong("comune_id"), rs.getString("codice_istat"), rs.getInt("preferenza")));
        }, avvisoId);
        return new ArrayList<>(domande.values());
    }

    private static DomandaInGraduatoria leggi(ResultSet rs) {
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
