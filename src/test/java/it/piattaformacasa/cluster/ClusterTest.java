package it.piattaformacasa.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ClusterTest {

    static ClusterDiProva cluster;

    @BeforeAll
    static void avvia() {
        cluster = ClusterDiProva.avvia(2, Map.of("PIATTAFORMA_REGOLE_ALLINEAMENTO", "PT2S"));
    }

    @AfterAll
    static void ferma() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void dueNodiSuUnDatabaseVuoto() {
        assertThat(cluster.jdbc().queryForObject("select count(*) from ambito where codice = 'VARESE'", Integer.class)).isEqualTo(1);
    }
}
