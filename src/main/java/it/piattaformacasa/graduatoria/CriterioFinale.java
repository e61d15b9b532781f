package it.piattaformacasa.graduatoria;

/**
 * The last tie-break after art. 12 co. 3 a)–e). No source names one (REGULATION §2), so it is configurable:
 * {@code piattaforma.graduatoria.criterio-finale}.
 */
public enum CriterioFinale {
    /** Earlier submission first (default). */
    PRESENTAZIONE_PRECEDENTE,
    /** Lower domanda id first. */
    ID_DOMANDA
}
