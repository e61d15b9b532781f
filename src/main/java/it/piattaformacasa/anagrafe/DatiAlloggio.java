package it.piattaformacasa.anagrafe;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import it.piattaformacasa.common.DatiNonValidiException.Errore;
import it.piattaformacasa.common.TestoSicuro;

/**
 * The data of an alloggio as an ente's operator writes them (issue 13, seed 001's fields), the same from the API, the
 * console's form and a row of the spreadsheet: {@link #verifica()} says every wrong field at once, in Italian, by the
 * names the API uses. The database's own checks (V1) are the bounds, so a valid value is always storable.
 *
 * @param fabbricatoId the building it belongs to, among the ente's; null for none
 */
public record DatiAlloggio(String codiceUi, Long fabbricatoId, String codiceIstatComune, String zonaLocalita, String indirizzo,
                           String scala, String interno, Integer piano, BigDecimal superficieUtile, Integer vani,
                           Boolean ascensore, Boolean barriereArchitettoniche, DestinazioneUso destinazioneUso,
                           StatoAlloggio stato) {

    /** «Codice identificativo dell'unità immobiliare»: letters, digits and . _ / - (as the enti's codes are written). */
    public static final Pattern CODICE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,39}");
    private static final Pattern ISTAT = Pattern.compile("[0-9]{6}");
    public static final BigDecimal SUPERFICIE_MASSIMA = new BigDecimal("9999.99");

    /** What an alloggio holds now, as its form shows it again. */
    public static DatiAlloggio di(Alloggio a) {
        return new DatiAlloggio(a.getCodiceUi(), a.getFabbricato() == null ? null : a.getFabbricato().getId(),
                a.getComune().getCodiceIstat(), a.getZonaLocalita(), a.getIndirizzo(), a.getScala(), a.getInterno(), a.getPiano(),
                a.getSuperficieUtile(), a.getVani(), a.isAscensore(), a.isBarriereArchitettoniche(), a.getDestinazioneUso(),
                a.getStato());
    }

    /** The same data, texts stripped and empty texts as null, the usage SAP when not given. */
    public DatiAlloggio normalizzati() {
        return new DatiAlloggio(pulito(codiceUi), fabbricatoId, pulito(codiceIstatComune), pulito(zonaLocalita), pulito(indirizzo),
                pulito(scala), pulito(interno), piano, superficieUtile, vani, ascensore == null ? Boolean.FALSE : ascensore,
                barriereArchitettoniche == null ? Boolean.FALSE : barriereArchitettoniche,
                destinazioneUso == null ? DestinazioneUso.SERVIZI_ABITATIVI_PUBBLICI : destinazioneUso, stato);
    }

    /** Every field that cannot be stored, with its reason; empty when the data are complete and within bounds. */
    public List<Errore> verifica() {
        List<Errore> errori = new ArrayList<>();
        if (codiceUi == null || codiceUi.isBlank()) {
            errori.add(new Errore("codiceUi", "il codice identificativo dell'unità immobiliare è obbligatorio"));
        } else if (!CODICE.matcher(codiceUi.strip()).matches()) {
            errori.add(new Errore("codiceUi", "codice non valido: da 1 a 40 tra lettere, cifre e . _ / - (senza spazi)"));
        }
        if (codiceIstatComune == null || codiceIstatComune.isBlank()) {
            errori.add(new Errore("codiceIstatComune", "il comune è obbligatorio"));
        } else if (!ISTAT.matcher(codiceIstatComune.strip()).matches()) {
            errori.add(new Errore("codiceIstatComune", "codice ISTAT del comune non valido: sei cifre"));
        }
        testo(errori, "indirizzo", indirizzo, 200, true, "l'indirizzo è obbligatorio");
        testo(errori, "zonaLocalita", zonaLocalita, 120, false, null);
        testo(errori, "scala", scala, 10, false, null);
        testo(errori, "interno", interno, 10, false, null);
        if (piano == null) {
            errori.add(new Errore("piano", "il piano è obbligatorio (0 per il piano terra)"));
        } else if (piano < -2 || piano > 60) {
            errori.add(new Errore("piano", "il piano deve essere tra -2 e 60"));
        }
        if (superficieUtile == null) {
            errori.add(new Errore("superficieUtile", "la superficie utile è obbligatoria"));
        } else if (superficieUtile.signum() <= 0 || superficieUtile.compareTo(SUPERFICIE_MASSIMA) > 0) {
            errori.add(new Errore("superficieUtile", "la superficie utile deve essere maggiore di 0 e al massimo 9.999,99 m²"));
        } else if (superficieUtile.stripTrailingZeros().scale() > 2) {
            errori.add(new Errore("superficieUtile", "la superficie utile ha al massimo due decimali"));
        }
        if (vani == null) {
            errori.add(new Errore("vani", "il numero dei vani è obbligatorio"));
        } else if (vani < 1 || vani > 20) {
            errori.add(new Errore("vani", "i vani devono essere tra 1 e 20"));
        }
        if (stato == null) {
            errori.add(new Errore("stato", "lo stato dell'unità immobiliare è obbligatorio"));
        }
        return errori;
    }

    private static void testo(List<Errore> errori, String campo, String valore, int massimo, boolean obbligatorio, String mancante) {
        if (valore == null || valore.isBlank()) {
            if (obbligatorio) {
                errori.add(new Errore(campo, mancante));
            }
            return;
        }
        if (valore.strip().length() > massimo) {
            errori.add(new Errore(campo, "al massimo " + massimo + " caratteri"));
            return;
        }
        TestoSicuro.problema(valore, false).ifPresent(p -> errori.add(new Errore(campo, p)));
    }

    static String pulito(String testo) {
        return testo == null || testo.isBlank() ? null : testo.strip();
    }
}
