package it.piattaformacasa.config.database;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param dataDirectory where the cluster lives; kept across restarts unless {@code clean} is set
 * @param port          0 picks a free port at every start
 * @param database      the database created on first start
 * @param clean         wipe the data directory at start and stop (tests only)
 */
@ConfigurationProperties("piattaforma.embedded-postgres")
public record EmbeddedPostgresProperties(Path dataDirectory, Integer port, String database, Boolean clean) {

    public EmbeddedPostgresProperties {
        dataDirectory = dataDirectory != null ? dataDirectory : Path.of("data", "postgres");
        port = port != null ? port : 0;
        database = database != null ? database : "piattaforma_casa";
        clean = clean != null && clean;
    }
}
