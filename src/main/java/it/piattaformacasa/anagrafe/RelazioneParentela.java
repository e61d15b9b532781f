package it.piattaformacasa.anagrafe;

/** Relationship to the richiedente, covering the household definition of art. 6 r.r. 4/2017. */
public enum RelazioneParentela {
    RICHIEDENTE, CONIUGE, UNITO_CIVILMENTE, CONVIVENTE_DI_FATTO, FIGLIO, GENITORE, FRATELLO_SORELLA,
    ALTRO_PARENTE, AFFINE, ALTRO
}
