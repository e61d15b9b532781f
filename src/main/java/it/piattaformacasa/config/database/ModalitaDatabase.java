package it.piattaformacasa.config.database;

import org.springframework.core.env.Environment;

/**
 * Embedded (zonky, the zero-setup default) or external PostgreSQL. Setting {@code spring.datasource.url}
 * (or {@code SPRING_DATASOURCE_URL}) selects the external one; demo data exists only in the embedded mode.
 */
public enum ModalitaDatabase {
    EMBEDDED, EXTERNAL;

    public static ModalitaDatabase from(Environment environment) {
        String url = environment.getProperty("spring.datasource.url");
        return url == null || url.isBlank() ? EMBEDDED : EXTERNAL;
    }
}
