package it.piattaformacasa.operatori;

/** The two columns of the regional enablement form (seed 002). */
public enum TipoAbilitazione {
    GESTIONE_AVVISO, ISTRUTTORIA_DOMANDE
}
