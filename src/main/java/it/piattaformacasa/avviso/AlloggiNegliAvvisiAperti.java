package it.piattaformacasa.avviso;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import it.piattaformacasa.anagrafe.AlloggiOffertiInAvviso;
import it.piattaformacasa.anagrafe.VincoliSullAlloggio;

/**
 * An alloggio offered in an avviso not yet closed keeps its Anagrafe state (issue 13): the avviso was published with
 * it, and citizens choose it in their domande (seed 000: the ente inserts its free or sfitti units during the selection).
 */
@Component
class AlloggiNegliAvvisiAperti implements VincoliSullAlloggio, AlloggiOffertiInAvviso {

    private final NamedParameterJdbcTemplate jdbc;
    private final java.time.Clock clock;

    AlloggiNegliAvvisiAperti(NamedParameterJdbcTemplate jdbc, java.time.Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Map<Long, String> motivi(Collection<Long> alloggioIds) {
        Map<Long, String> motivi = new LinkedHashMap<>();
        // held until the engine records the chiusura; said with the state people see (AvvisoService.STATO_MOSTRATO)
        jdbc.query("""
                select aa.alloggio_id, a.id, a.titolo, """ + AvvisoService.STATO_MOSTRATO + """
                  from alloggio_in_avviso aa join avviso a on a.id = aa.avviso_id
                 cross join (select cast(:adesso as timestamptz) as adesso) ora
                 where aa.alloggio_id in (:ids) and a.stato <> 'CHIUSO' order by a.id""",
                new MapSqlParameterSource("ids", alloggioIds).addValue("adesso", java.sql.Timestamp.from(clock.instant())), rs -> {
                    String avviso = "è nell'avviso n. " + rs.getLong(2) + " «" + rs.getString(3) + "», ";
                    motivi.putIfAbsent(rs.getLong(1), StatoAvviso.valueOf(rs.getString(4)) == StatoAvviso.CHIUSO
                            ? avviso + "chiuso alle domande: lo stato cambierà quando il sistema avrà registrato la chiusura"
                            : avviso + "non ancora chiuso (" + stato(rs.getString(4)) + "); lo stato cambierà dopo la chiusura dell'avviso");
                });
        return motivi;
    }

    @Override
    public Set<Long> inAvvisiNonChiusi() {
        return Set.copyOf(jdbc.getJdbcTemplate().queryForList("select distinct aa.alloggio_id from alloggio_in_avviso aa"
                + " join avviso v on v.id = aa.avviso_id where v.stato <> 'CHIUSO'", Long.class));
    }

    private static String stato(String stato) {
        return switch (StatoAvviso.valueOf(stato)) {
            case PREDISPOSTO -> "predisposto";
            case SELEZIONE_ALLOGGI -> "selezione degli alloggi";
            case IN_ATTESA_APERTURA -> "in attesa di apertura";
            case APERTO -> "aperto";
            case CHIUSO -> "chiuso";
        };
    }
}
