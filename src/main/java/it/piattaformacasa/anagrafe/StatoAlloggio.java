package it.piattaformacasa.anagrafe;

/** Stato dell'unità immobiliare in Anagrafe (seed 001). An avviso keeps its own local state (seed 000). */
public enum StatoAlloggio {
    LIBERO,
    OCCUPATO,
    OCCUPATO_SENZA_TITOLO,
    SFITTO_CARENZE_MANUTENTIVE,
    SFITTO_RISTRUTTURAZIONE
}
