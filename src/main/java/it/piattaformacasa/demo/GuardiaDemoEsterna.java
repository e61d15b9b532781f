package it.piattaformacasa.demo;

import javax.sql.DataSource;

import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import it.piattaformacasa.config.database.ModalitaDatabase;

/**
 * The demo on an external database ({@code PIATTAFORMA_DEMO_ESTERNO}, issue 17) only on a database born a demo's: the
 * demo creates users with the password «demo» and lets them log in with local passwords, so the setting left on in
 * production would open the region's data to whoever knows the README. At the first start on an empty database (no
 * operatore, no ambito) the database is marked a demo's ({@code installazione_demo}, V63); a database with data and
 * no mark stops the start before anything else touches the database: a database initializer after Flyway
 * ({@link GuardiaDemoEsternaDetector}), so the engine (its schema update, its deployments), JPA and the demo's
 * runner all wait for it — and the web server, which starts after every bean. The embedded database is always a
 * demo's.
 */
@Component
class GuardiaDemoEsterna {

    GuardiaDemoEsterna(Environment ambiente, DataSource dataSource) {
        if (ModalitaDatabase.from(ambiente) == ModalitaDatabase.EXTERNAL && ModalitaDatabase.demo(ambiente)) {
            verifica(new JdbcTemplate(dataSource), ambiente.getProperty("spring.datasource.url"));
        }
    }

    /**
     * Marks an empty database a demo's, then requires the mark. Two statements, each its own snapshot: a node starting
     * with another one on the same empty database may find the other's mark only after waiting for its insert.
     */
    static void verifica(JdbcTemplate jdbc, String url) {
        jdbc.update("""
                insert into installazione_demo (id) select true
                 where not exists (select 1 from operatore) and not exists (select 1 from ambito)
                    on conflict (id) do nothing""");
        if (Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from installazione_demo)", Boolean.class))) {
            return;
        }
        long operatori = jdbc.queryForObject("select count(*) from operatore", Long.class);
        long ambiti = jdbc.queryForObject("select count(*) from ambito", Long.class);
        // the address without its parameters, where a password may be written
        String database = url == null ? "" : url.replaceFirst("\\?.*$", "");
        throw new DemoSuDatabaseConDatiException("PIATTAFORMA_DEMO_ESTERNO=true su un database che non è nato per la demo ("
                + database + ": " + operatori + (operatori == 1 ? " operatore, " : " operatori, ") + ambiti
                + (ambiti == 1 ? " ambito" : " ambiti") + "): la demo crea utenti con la password «demo» e consente "
                + "l'accesso con password locali, quindi non si carica dove ci sono già dati.");
    }
}
