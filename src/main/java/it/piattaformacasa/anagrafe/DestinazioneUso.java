package it.piattaformacasa.anagrafe;

public enum DestinazioneUso {
    SERVIZI_ABITATIVI_PUBBLICI, SERVIZI_ABITATIVI_SOCIALI, ALTRO_USO_RESIDENZIALE
}
