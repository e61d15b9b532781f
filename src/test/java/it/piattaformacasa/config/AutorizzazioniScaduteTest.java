package it.piattaformacasa.config;

import static it.piattaformacasa.DemoUtenti.CAPOFILA;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import it.piattaformacasa.ClientHttp;
import it.piattaformacasa.IntegrationTest;
import it.piattaformacasa.SessioneConsole;

/**
 * The embedded provider's authorizations live in the database for the cluster (issue 17, ADR 21), one row per login:
 * the hourly clean-up removes those whose codes and tokens all expired more than a day ago, and nothing else.
 */
@IntegrationTest
class AutorizzazioniScaduteTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    FornitoreIdentitaIncorporato.AutorizzazioniScadute pulizia;

    @Test
    void siRimuovonoSoloLeAutorizzazioniScaduteDaPiuDiUnGiorno() {
        SessioneConsole.di(new ClientHttp(port), CAPOFILA);
        String recente = jdbc.queryForObject("""
                select id from oauth2_authorization where principal_name = ? and access_token_expires_at > now()
                 order by access_token_issued_at desc limit 1""", String.class, CAPOFILA);
        String scaduta = copia(recente, "now() - interval '2 days'");
        String diIeri = copia(recente, "now() - interval '2 hours'");
        String inAttesa = UUID.randomUUID().toString();
        jdbc.update("""
                insert into oauth2_authorization (id, registered_client_id, principal_name, authorization_grant_type, state)
                values (?, 'x', ?, 'authorization_code', 'in-attesa')""", inAttesa, CAPOFILA);

        assertThat(pulizia.rimuovi()).isGreaterThanOrEqualTo(1);

        assertThat(esiste(scaduta)).as("scaduta da due giorni").isFalse();
        assertThat(esiste(diIeri)).as("scaduta da due ore: tenuta un giorno").isTrue();
        assertThat(esiste(recente)).as("il token in corso").isTrue();
        assertThat(esiste(inAttesa)).as("una richiesta senza scadenze").isTrue();
        jdbc.update("delete from oauth2_authorization where id in (?, ?)", diIeri, inAttesa);
    }

    /** A login like the recent one (same client and person), with every expiry at the given time. */
    private String copia(String id, String scadenza) {
        String nuovo = UUID.randomUUID().toString();
        jdbc.update("insert into oauth2_authorization (id, registered_client_id, principal_name, authorization_grant_type, "
                + "access_token_value, authorization_code_expires_at, access_token_expires_at, oidc_id_token_expires_at) "
                + "select ?, registered_client_id, principal_name, authorization_grant_type, ?, "
                + scadenza + ", " + scadenza + ", " + scadenza + " from oauth2_authorization where id = ?", nuovo, "copia-" + nuovo, id);
        return nuovo;
    }

    private boolean esiste(String id) {
        return jdbc.queryForObject("select count(*) from oauth2_authorization where id = ?", Integer.class, id) == 1;
    }
}
