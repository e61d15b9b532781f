package it.piattaformacasa.config.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import it.piattaformacasa.IntegrationTest;

/**
 * Recovery after a kill -9: an orphaned postmaster is stopped, a live instance's one never is, and a clean (test)
 * start also works on the directory a killed run left behind.
 */
@IntegrationTest
class EmbeddedPostgresServerTest {

    @Autowired
    EmbeddedPostgresProperties properties;

    @Test
    void ilPostgresqlDiUnIstanzaInEsecuzioneNonVieneScambiatoPerOrfano() throws IOException {
        Path dati = properties.dataDirectory().toAbsolutePath().normalize();
        long pid = pidDi(dati);

        assertThatThrownBy(() -> EmbeddedPostgresServer.stopOrphanedPostmaster(dati))
                .isInstanceOf(EmbeddedPostgresNonAvviabileException.class)
                .hasMessageContaining("in uso da un'altra istanza");
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).contains(true);
    }

    @Test
    void unPostmasterOrfanoVieneArrestatoPrimaDiRipartire(@TempDir Path cartella) throws Exception {
        Path dati = cartella.resolve("orfano");
        long orfano = avviaOrfano(cartella, dati);
        assertThat(ProcessHandle.of(orfano).map(ProcessHandle::isAlive)).contains(true);

        EmbeddedPostgresServer.stopOrphanedPostmaster(dati);

        assertThat(ProcessHandle.of(orfano).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(dati.resolve("postmaster.pid")).doesNotExist();
    }

    @Test
    void unAvvioPulitoRiparteSuUnaCartellaLasciataDaUnaJvmUccisa(@TempDir Path cartella) throws Exception {
        Path dati = cartella.resolve("pulita");
        long orfano = avviaOrfano(cartella, dati);

        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(new EmbeddedPostgresProperties(dati, 0, "prova", true));
        try (var connessione = java.sql.DriverManager.getConnection(server.jdbcUrl(), server.username(), "");
             var risultato = connessione.createStatement().executeQuery("select current_database()")) {
            assertThat(risultato.next()).isTrue();
            assertThat(risultato.getString(1)).isEqualTo("prova");
        } finally {
            server.close();
        }
        assertThat(ProcessHandle.of(orfano).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    }

    /** A postgres on {@code dati} started by pg_ctl like zonky does, then «forgotten»: nobody holds the directory's lock. */
    private long avviaOrfano(Path cartella, Path dati) throws Exception {
        // the same binaries zonky extracted for the test server
        Path bin = binariDi(pidDi(properties.dataDirectory().toAbsolutePath().normalize()));
        esegui(List.of(bin.resolve("initdb").toString(), "-A", "trust", "-U", "postgres", "-D", dati.toString(), "-E", "UTF-8"));
        esegui(List.of(bin.resolve("pg_ctl").toString(), "-D", dati.toString(), "-o", "-p " + portaLibera(),
                "-l", cartella.resolve("pg.log").toString(), "-w", "start"));
        return pidDi(dati);
    }

    private static int portaLibera() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static long pidDi(Path dati) throws IOException {
        return Long.parseLong(Files.readAllLines(dati.resolve("postmaster.pid"), StandardCharsets.UTF_8).get(0).trim());
    }

    private static Path binariDi(long pid) {
        String comando = ProcessHandle.of(pid).flatMap(p -> p.info().command()).orElseThrow();
        return Path.of(comando).getParent();
    }

    private static void esegui(List<String> argomenti) throws Exception {
        List<String> comando = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            // PostgreSQL refuses to run as root; zonky uses a user namespace in that case, and so do we
            comando.addAll(List.of("unshare", "-U"));
        }
        comando.addAll(argomenti);
        Process process = new ProcessBuilder(comando).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("exit code of %s", comando).isZero();
    }
}
