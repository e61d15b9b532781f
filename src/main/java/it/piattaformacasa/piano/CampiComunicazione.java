package it.piattaformacasa.piano;

/**
 * The fields of the «schema comunicazione annuale» (seed 001): the keys of forms/comunica-offerta-abitativa.form,
 * of the API's body and of the console's form, so that an error names the same field everywhere.
 */
public final class CampiComunicazione {

    public static final String ALLOGGI_DISPONIBILI = "alloggiDisponibili";
    public static final String ALLOGGI_TURN_OVER = "alloggiTurnOver";
    public static final String ALLOGGI_CARENZA_MANUTENTIVA = "alloggiCarenzaManutentiva";
    public static final String ALLOGGI_NUOVA_EDIFICAZIONE = "alloggiNuovaEdificazione";
    public static final String ALLOGGI_TRANSITORI = "alloggiTransitori";
    public static final String ALLOGGI_ASSEGNATI_ANNO_PRECEDENTE = "alloggiAssegnatiAnnoPrecedente";
    public static final String ALLOGGI_CONFERITI_PRIVATI = "alloggiConferitiPrivati";
    public static final String ALTRA_CATEGORIA = "altraCategoria";
    public static final String SOGLIA_ANZIANI = "sogliaAnziani";
    public static final String SOGLIA_MONOPARENTALI = "sogliaMonoparentali";
    public static final String SOGLIA_DISABILI = "sogliaDisabili";
    public static final String SOGLIA_NUOVA_FORMAZIONE = "sogliaNuovaFormazione";
    public static final String SOGLIA_ALTRA_CATEGORIA = "sogliaAltraCategoria";
    public static final String SOGLIA_FORZE_POLIZIA = "sogliaForzePolizia";
    public static final String SOGLIA_POLIZIA_LOCALE = "sogliaPoliziaLocale";
    public static final String SOGLIA_INDIGENTI = "sogliaIndigenti";

    private CampiComunicazione() {
    }
}
