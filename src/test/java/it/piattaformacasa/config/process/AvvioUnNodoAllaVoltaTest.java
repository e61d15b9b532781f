package it.piattaformacasa.config.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.zaxxer.hikari.HikariDataSource;

import it.piattaformacasa.IntegrationTest;

/**
 * Issue 17, the start lock of a cluster's nodes (ClusterTest starts two together): a node that cannot have it within
 * {@code piattaforma.avvio.attesa-massima} gives up its start naming the connection that holds it, and leaves no
 * connection of its own behind; once free, the next node takes it at once and gives it back after its start.
 */
@IntegrationTest
class AvvioUnNodoAllaVoltaTest {

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcTemplate jdbc;

    private int detentori() {
        return jdbc.queryForObject("select count(*) from pg_locks where locktype = 'advisory' and granted and classid = ? and objid = ? "
                + "and database = (select oid from pg_database where datname = current_database())",
                Integer.class, AvvioUnNodoAllaVolta.CHIAVE >>> 32, AvvioUnNodoAllaVolta.CHIAVE & 0xFFFF_FFFFL);
    }

    @Test
    void unNodoCheAttendeTroppoRinunciaDicendoChiTieneIlBlocco() throws Exception {
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        try (Connection altroNodo = dataSource.getConnection(); Statement s = altroNodo.createStatement()) {
            int pid;
            try (ResultSet rs = s.executeQuery("select pg_backend_pid(), pg_advisory_lock(" + AvvioUnNodoAllaVolta.CHIAVE + ")")) {
                rs.next();
                pid = rs.getInt(1);
            }
            int attivePrima = pool.getHikariPoolMXBean().getActiveConnections();
            AvvioUnNodoAllaVolta nodo = new AvvioUnNodoAllaVolta(dataSource, Duration.ofSeconds(2));
            long inizio = System.nanoTime();
            assertThatThrownBy(() -> nodo.preInit(null)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Avvio abbandonato dopo 2 s")
                    .hasMessageContaining("lo tiene la connessione " + pid);
            assertThat(Duration.ofNanos(System.nanoTime() - inizio)).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
            assertThat(pool.getHikariPoolMXBean().getActiveConnections()).as("la connessione del nodo che rinuncia").isEqualTo(attivePrima);
            assertThat(detentori()).isEqualTo(1);
            s.execute("select pg_advisory_unlock(" + AvvioUnNodoAllaVolta.CHIAVE + ")");
        }
        assertThat(detentori()).isZero();

        AvvioUnNodoAllaVolta successivo = new AvvioUnNodoAllaVolta(dataSource, Duration.ofSeconds(2));
        successivo.preInit(null);
        assertThat(detentori()).isEqualTo(1);
        successivo.run(null);
        assertThat(detentori()).isZero();
    }
}
