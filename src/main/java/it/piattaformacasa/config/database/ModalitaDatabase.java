package it.piattaformacasa.config.database;

import org.springframework.core.env.Environment;

/**
 * Embedded (zonky, the zero-setup default) or external PostgreSQL. Setting {@code spring.datasource.url}
 * (or {@code SPRING_DATASOURCE_URL}) selects the external one; demo data exists only in the embedded mode, unless an
 * external database is declared a demo's ({@code piattaforma.demo.database-esterno}, issue 17: a cluster of nodes on one
 * PostgreSQL, tried with the demo ambito and users).
 */
public enum ModalitaDatabase {
    EMBEDDED, EXTERNAL;

    public static ModalitaDatabase from(Environment environment) {
        String url = environment.getProperty("spring.datasource.url");
        return url == null || url.isBlank() ? EMBEDDED : EXTERNAL;
    }

    /**
     * Whether this installation is a demo: the embedded database, or an external one explicitly declared a demo's. A
     * demo loads the demo data and lets the demo users log in with their local passwords (form and HTTP Basic). The
     * demo clock stays embedded-only all the same: it moves one JVM's time (ADR 11).
     */
    public static boolean demo(Environment environment) {
        return from(environment) == EMBEDDED
                || environment.getProperty("piattaforma.demo.database-esterno", Boolean.class, false);
    }
}
