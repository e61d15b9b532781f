package it.piattaformacasa.anagrafe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

import it.piattaformacasa.IntegrationTest;

/**
 * The check every domanda presented makes at the sportello (issue 17: one query on the caller's enti only): one of
 * the caller's enti works in the ambito when it is seated there or owns a fabbricato there — exactly the enti
 * {@link AnagrafeService#entiDi} lists for the ambito.
 */
@IntegrationTest
@Transactional
class EntiNellAmbitoTest {

    @Autowired
    AnagrafeService anagrafe;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void entiDellaSedeODeiFabbricatiSiAltriNo() {
        long varese = jdbc.queryForObject("select id from ambito where codice = 'VARESE'", Long.class);
        long altroAmbito = jdbc.queryForObject("select id from ambito where id <> ? order by id limit 1", Long.class, varese);
        long comuneAltrove = jdbc.queryForObject("select id from comune where ambito_id = ? order by id limit 1", Long.class, altroAmbito);
        long comuneDiVarese = jdbc.queryForObject("select id from comune where ambito_id = ? order by id limit 1", Long.class, varese);
        long conSedeAltrove = ente("OPERATORE_PRIVATO", "00000000018", comuneAltrove);
        long conUnFabbricatoAVarese = ente("OPERATORE_PRIVATO", "00000000026", comuneAltrove);
        jdbc.update("insert into fabbricato (codice, ente_id, comune_id, indirizzo) values ('F-PROVA', ?, ?, 'Via di Prova 1')",
                conUnFabbricatoAVarese, comuneDiVarese);
        long conSedeAVarese = ente("OPERATORE_PRIVATO", "00000000034", comuneDiVarese);

        assertThat(anagrafe.unoOperaNellAmbito(varese, Set.of(conSedeAVarese))).isTrue();
        assertThat(anagrafe.unoOperaNellAmbito(varese, Set.of(conUnFabbricatoAVarese))).isTrue();
        assertThat(anagrafe.unoOperaNellAmbito(varese, Set.of(conSedeAltrove))).isFalse();
        assertThat(anagrafe.unoOperaNellAmbito(varese, Set.of(conSedeAltrove, conSedeAVarese))).isTrue();
        assertThat(anagrafe.unoOperaNellAmbito(varese, Set.of())).isFalse();
        assertThat(anagrafe.unoOperaNellAmbito(altroAmbito, Set.of(conUnFabbricatoAVarese))).as("seated there").isTrue();
        // the same answer as the list of the ambito's enti, for every ente of the platform
        Ambito ambito = anagrafe.ambito("VARESE");
        Set<Long> elencati = Set.copyOf(anagrafe.entiDi(ambito).stream().map(EnteProprietario::getId).toList());
        for (long ente : jdbc.queryForList("select id from ente_proprietario", Long.class)) {
            assertThat(anagrafe.unoOperaNellAmbito(varese, List.of(ente))).as("ente %d", ente).isEqualTo(elencati.contains(ente));
        }
    }

    private long ente(String tipo, String codiceFiscale, long comune) {
        return jdbc.queryForObject("insert into ente_proprietario (tipo, codice_fiscale, ragione_sociale, comune_id) "
                + "values (?, ?, ?, ?) returning id", Long.class, tipo, codiceFiscale, "Ente di prova " + codiceFiscale, comune);
    }
}
