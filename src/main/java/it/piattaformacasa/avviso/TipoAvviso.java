package it.piattaformacasa.avviso;

public enum TipoAvviso {
    ORDINARIO,
    /** Dedicated to households with a person with severe handicap (art. 8 co. 7 bis, L. 104/1992 art. 3 co. 3). */
    DISABILITA_GRAVE,
    /** Forze di Polizia, VVF, Forze Armate (art. 7 bis) and Polizia Locale (art. 7 ter). */
    FORZE_POLIZIA
}
