package it.piattaformacasa.anagrafe;

public enum TipoEnte {
    COMUNE, ALER, OPERATORE_PRIVATO
}
