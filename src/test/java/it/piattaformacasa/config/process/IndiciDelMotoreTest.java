package it.piattaformacasa.config.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import it.piattaformacasa.IntegrationTest;

/**
 * Issue 17: the indexes the platform adds to Camunda's tables exist and are valid after the start, and one left invalid
 * by a concurrent build that was interrupted (a node killed during it) is built again at the next start instead of
 * being kept forever by {@code if not exists}.
 */
@IntegrationTest
class IndiciDelMotoreTest {

    private static final List<String> NOMI = List.of("act_idx_job_duedate", "act_idx_auth_user_id");

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    IndiciDelMotore indici;

    private Long oid(String nome) {
        return jdbc.queryForObject("select c.oid::bigint from pg_class c join pg_index i on i.indexrelid = c.oid "
                + "where c.relname = ? and i.indisvalid and pg_table_is_visible(c.oid)", Long.class, nome);
    }

    @Test
    void unIndiceNonValidoVieneRicostruitoAllAvvio() {
        NOMI.forEach(nome -> assertThat(oid(nome)).as(nome).isNotNull());
        long prima = oid("act_idx_auth_user_id");
        // what an interrupted CREATE INDEX CONCURRENTLY leaves behind (the test database's user is a superuser)
        jdbc.update("update pg_index set indisvalid = false where indexrelid = ?::oid", prima);
        assertThat(jdbc.queryForObject("select count(*) from pg_index where indexrelid = ?::oid and not indisvalid", Integer.class, prima))
                .isEqualTo(1);

        indici.postProcessEngineBuild(null);

        long dopo = oid("act_idx_auth_user_id");
        assertThat(dopo).as("un indice nuovo, valido").isNotEqualTo(prima);
        assertThat(oid("act_idx_job_duedate")).isNotNull();
    }
}
