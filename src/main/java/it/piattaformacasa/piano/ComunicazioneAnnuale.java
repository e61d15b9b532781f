package it.piattaformacasa.piano;

import java.math.BigDecimal;
import java.time.Instant;

import it.piattaformacasa.anagrafe.TipoEnte;

/**
 * One ente's «schema comunicazione annuale» for one comune of the plan (seed 001, fase 3): a Comune for itself, an
 * ALER for each comune of the ambito where it owns fabbricati, because its reserves count comune by comune (art. 13
 * co. 3 r.r. 4/2017). Empty ({@code ricevutaIl} null) until the ente sends it.
 */
public record ComunicazioneAnnuale(long id, long pianoId, long enteId, String ente, TipoEnte tipoEnte, String codiceFiscaleEnte,
                                   String codiceIstatComune, String comune, Instant ricevutaIl, String inviataDa, Dati dati) {

    /**
     * The figures of the seed's scheda. Units are whole numbers ≥ 0; thresholds are percentages (null = not set).
     * The social categories, the police quotas and the indigent threshold are for Comuni only (ALER leaves them out).
     */
    public record Dati(Integer alloggiDisponibili, Integer alloggiTurnOver, Integer alloggiCarenzaManutentiva,
                       Integer alloggiNuovaEdificazione, Integer alloggiTransitori, Integer alloggiAssegnatiAnnoPrecedente,
                       Integer alloggiConferitiPrivati, String altraCategoria, BigDecimal sogliaAnziani,
                       BigDecimal sogliaMonoparentali, BigDecimal sogliaDisabili, BigDecimal sogliaNuovaFormazione,
                       BigDecimal sogliaAltraCategoria, BigDecimal sogliaForzePolizia, BigDecimal sogliaPoliziaLocale,
                       BigDecimal sogliaIndigenti) {

        public static final Dati VUOTI = new Dati(null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null);
    }

    public boolean ricevuta() {
        return ricevutaIl != null;
    }

    /**
     * Not received when the window closed (or its end passed): the ente is late, and only a reopening lets it send.
     */
    public boolean inRitardo(PianoAnnuale piano, Instant adesso) {
        if (ricevuta() || piano.stato() == StatoPiano.ANNULLATO || piano.stato() == StatoPiano.PREDISPOSTO) {
            return false;
        }
        return piano.stato() != StatoPiano.APERTO || !adesso.isBefore(piano.chiusuraComunicazioni());
    }

    public boolean delComune() {
        return tipoEnte == TipoEnte.COMUNE;
    }
}
