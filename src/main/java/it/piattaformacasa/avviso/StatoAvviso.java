package it.piattaformacasa.avviso;

public enum StatoAvviso {
    PREDISPOSTO, SELEZIONE_ALLOGGI, IN_ATTESA_APERTURA, APERTO, CHIUSO
}
