package it.piattaformacasa.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import com.zaxxer.hikari.HikariDataSource;

import it.piattaformacasa.IntegrationTest;
import it.piattaformacasa.PiattaformaCasaApplication;
import it.piattaformacasa.cluster.ClusterDiProva;

/**
 * Issue 17: {@code PIATTAFORMA_DEMO_ESTERNO} left on in production would create the demo users (password «demo»,
 * local passwords allowed) on the region's database. The demo goes only on a database born a demo's: an empty one is
 * marked at the first start, a marked one starts again, one with data and no mark stops the start with one message.
 * Each case on a database of its own, created in the suite's PostgreSQL and migrated by Flyway as the nodes do.
 */
@IntegrationTest
class GuardiaDemoEsternaTest {

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void unDatabaseVuotoVieneMarcatoDellaDemoEPoiRiparteAncheConIDati() {
        JdbcTemplate nuovo = new JdbcTemplate(database("demo_vuoto", null));
        assertThat(nuovo.queryForObject("select count(*) from installazione_demo", Long.class)).isZero();

        GuardiaDemoEsterna.verifica(nuovo, "jdbc:prova");

        assertThat(nuovo.queryForObject("select count(*) from installazione_demo", Long.class)).isEqualTo(1);
        // the demo loads (here: an ambito), the node restarts: the mark, not the emptiness, lets it through
        nuovo.update("insert into ambito (codice, nome) values ('PROVA', 'Prova')");
        GuardiaDemoEsterna.verifica(nuovo, "jdbc:prova");
        assertThat(nuovo.queryForObject("select count(*) from installazione_demo", Long.class)).isEqualTo(1);
    }

    @Test
    void unDatabaseConDatiESenzaMarcaNonPrendeLaDemo() {
        // the suite's own database: the embedded demo's data, migrated when it was empty, so never marked
        assertThat(jdbc.queryForObject("select count(*) from installazione_demo", Long.class)).isZero();
        long operatori = jdbc.queryForObject("select count(*) from operatore", Long.class);

        assertThatThrownBy(() -> GuardiaDemoEsterna.verifica(jdbc, "jdbc:postgresql://regione/casa"))
                .isInstanceOf(DemoSuDatabaseConDatiException.class)
                .hasMessageContaining("PIATTAFORMA_DEMO_ESTERNO=true su un database che non è nato per la demo")
                .hasMessageContaining("jdbc:postgresql://regione/casa: " + operatori + " operatori");
        assertThat(jdbc.queryForObject("select count(*) from installazione_demo", Long.class)).isZero();
    }

    @Test
    void unDatabaseDiProvaDiPrimaDellaMarcaVieneRiconosciutoDaiSuoiUtentiDemo() {
        JdbcTemplate vecchio = primaDellaMarca("demo_vecchio");

        assertThat(vecchio.queryForObject("select count(*) from installazione_demo", Long.class)).isEqualTo(1);
        GuardiaDemoEsterna.verifica(vecchio, "jdbc:prova");
    }

    @Test
    void unDatabaseDoveLavoraAltriNonVieneMarcatoAncheSeHaIUtentiDemo() {
        // the case the mark guards against: the demo once loaded, by mistake, where the region's operators work
        JdbcTemplate inquinato = primaDellaMarca("demo_inquinato", new String[] {"m.rossi", "RSSMRA80A01F205X"});

        assertThat(inquinato.queryForObject("select count(*) from installazione_demo", Long.class)).isZero();
        assertThatThrownBy(() -> GuardiaDemoEsterna.verifica(inquinato, "jdbc:postgresql://regione/casa?password=segreta"))
                .isInstanceOf(DemoSuDatabaseConDatiException.class)
                .hasMessageContaining("(jdbc:postgresql://regione/casa: 5 operatori, 0 ambiti)")
                .hasMessageNotContaining("segreta");
    }

    /**
     * The whole start, as an administrator would see it: in a JVM of its own (a second application in the suite's
     * would share Camunda's static registries with it), it stops with Spring Boot's «APPLICATION FAILED TO START» and
     * the analysis, before the engine or the demo touched the database.
     */
    @Test
    void lAvvioConLaDemoSuUnDatabaseConDatiSiFermaConUnMessaggio() throws Exception {
        JdbcTemplate produzione = new JdbcTemplate(database("demo_produzione", null));
        produzione.update("insert into ambito (codice, nome) values ('VA-REG', 'Ambito della regione')");
        String url = url("demo_produzione");
        java.nio.file.Path log = java.nio.file.Path.of("target", "guardia-demo", "avvio.log");
        java.nio.file.Files.createDirectories(log.getParent());

        Process processo = new ProcessBuilder(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-Dfile.encoding=UTF-8", "-cp", ClusterDiProva.classpath(),
                PiattaformaCasaApplication.class.getName(),
                "--spring.datasource.url=" + url, "--spring.datasource.username=" + utente(),
                "--spring.datasource.password=" + password(), "--piattaforma.demo.database-esterno=true",
                "--server.port=" + ClusterDiProva.portaLibera(), "--spring.main.banner-mode=off")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean finito;
        try {
            // until it stops, or says it started (a guard that let it through: no need to wait for the timeout)
            long limite = System.nanoTime() + java.time.Duration.ofMinutes(3).toNanos();
            while (!processo.waitFor(500, java.util.concurrent.TimeUnit.MILLISECONDS) && System.nanoTime() < limite
                    && !java.nio.file.Files.readString(log).contains("Started PiattaformaCasaApplication")) {
                // polling
            }
            finito = !processo.isAlive();
        } finally {
            if (processo.isAlive()) {
                processo.destroyForcibly().waitFor();
            }
        }
        String uscita = java.nio.file.Files.readString(log);

        assertThat(finito).as("the start did not stop:\n" + uscita).isTrue();
        assertThat(processo.exitValue()).isNotZero();
        assertThat(uscita).contains("APPLICATION FAILED TO START",
                "PIATTAFORMA_DEMO_ESTERNO=true su un database che non è nato per la demo (" + url.replaceFirst("\\?.*$", "")
                        + ": 0 operatori, 1 ambito)",
                "Togliere PIATTAFORMA_DEMO_ESTERNO");
        // stopped before anything else touched the database: no demo data, and no engine (its schema update would
        // have created the ACT_ tables, its start deployed the processes)
        assertThat(produzione.queryForObject("select count(*) from operatore", Long.class)).isZero();
        assertThat(produzione.queryForObject("select count(*) from installazione_demo", Long.class)).isZero();
        assertThat(produzione.queryForObject("select count(*) from information_schema.tables where table_name like 'act\\_%'",
                Long.class)).isZero();
    }

    private final java.util.Map<String, String> nomi = new java.util.HashMap<>();
    private final java.util.List<SingleConnectionDataSource> aperti = new java.util.ArrayList<>();

    @AfterEach
    void eliminaIDatabase() {
        aperti.forEach(SingleConnectionDataSource::destroy);
        aperti.clear();
        nomi.values().forEach(d -> jdbc.execute("drop database if exists " + d + " with (force)"));
        nomi.clear();
    }

    /** A new database in the suite's server, migrated by Flyway up to {@code versione} (null: all); dropped after the test. */
    private SingleConnectionDataSource database(String nome, String versione) {
        String unico = nome + "_" + Long.toString(System.nanoTime(), 36);
        jdbc.execute("create database " + unico);
        nomi.put(nome, unico);
        SingleConnectionDataSource ds = new SingleConnectionDataSource(url(unico), utente(), password(), true);
        aperti.add(ds);
        migra(ds, versione);
        return ds;
    }

    /**
     * A database as it was before V63: migrated up to V62 with the demo's four users V63 looks for and the {@code altri}
     * operators (username, codice fiscale), then migrated to the last version.
     */
    private JdbcTemplate primaDellaMarca(String nome, String[]... altri) {
        SingleConnectionDataSource ds = database(nome, "62");
        JdbcTemplate jdbcDelDatabase = new JdbcTemplate(ds);
        List<String[]> operatori = new java.util.ArrayList<>(List.of(new String[] {"capofila", "BNCGLI82C54L682L"},
                new String[] {"supervisore", "RCCLNE75T57L682R"}, new String[] {"aler.avviso", "FRRCHR85H61B300A"},
                new String[] {"malnate", "FNTDVD88D05D951C"}));
        operatori.addAll(List.of(altri));
        for (String[] o : operatori) {
            jdbcDelDatabase.update("insert into operatore (username, codice_fiscale, nome, cognome, email) values (?, ?, 'N', 'C', 'x@example.it')",
                    o[0], o[1]);
        }
        migra(ds, null);
        return jdbcDelDatabase;
    }

    private static void migra(DataSource ds, String versione) {
        var configurazione = Flyway.configure().dataSource(ds).locations("classpath:db/migration");
        if (versione != null) {
            configurazione.target(versione);
        }
        configurazione.load().migrate();
    }

    private String url(String nome) {
        String base = hikari().getJdbcUrl();
        String database = nomi.getOrDefault(nome, nome);
        int barra = base.lastIndexOf('/');
        int domanda = base.indexOf('?', barra);
        return base.substring(0, barra + 1) + database + (domanda < 0 ? "" : base.substring(domanda));
    }

    private HikariDataSource hikari() {
        try {
            return dataSource.unwrap(HikariDataSource.class);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private String utente() {
        return hikari().getUsername();
    }

    private String password() {
        return hikari().getPassword();
    }
}
