package it.piattaformacasa.assegnazione;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import it.piattaformacasa.anagrafe.VincoliSullAlloggio;

/**
 * An alloggio assigned to a nucleo whose contract is not yet signed or refused keeps its Anagrafe state (issue 13): the
 * contract's registration makes it OCCUPATO, a refusal gives it back to the ente (art. 15 co. 4).
 */
@Component
class AlloggiAssegnati implements VincoliSullAlloggio {

    private final NamedParameterJdbcTemplate jdbc;

    AlloggiAssegnati(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<Long, String> motivi(Collection<Long> alloggioIds) {
        Map<Long, String> motivi = new LinkedHashMap<>();
        jdbc.query("""
                select alloggio_id, domanda_id, avviso_id from assegnazione
                 where alloggio_id in (:ids) and stato = 'ASSEGNATA' order by id""", new MapSqlParameterSource("ids", alloggioIds), rs -> {
                    motivi.putIfAbsent(rs.getLong(1), "è assegnato alla domanda n. " + rs.getLong(2) + " dell'avviso n. " + rs.getLong(3)
                            + " e il contratto è in corso; lo stato cambierà con la firma o la rinuncia");
                });
        return motivi;
    }
}
