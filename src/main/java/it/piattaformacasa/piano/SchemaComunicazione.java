package it.piattaformacasa.piano;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import it.piattaformacasa.assegnazione.PianoRiserveService;
import it.piattaformacasa.common.DatiNonValidiException.Errore;
import it.piattaformacasa.common.ItalianFormats;
import it.piattaformacasa.common.TestoSicuro;
import it.piattaformacasa.piano.ComunicazioneAnnuale.Dati;

/**
 * The «schema comunicazione annuale» of seed 001 as data: its rules (every wrong field at once, the same for the API, the
 * console and the Tasklist form), its values as the engine keeps them, and the reserves it sets once the plan is
 * approved.
 */
public final class SchemaComunicazione {

    /** Art. 14 categories the scheda's thresholds set, in the order of {@link PianoRiserveService#CATEGORIE_IN_ORDINE}. */
    private static final String ANZIANI = "ANZIANI";
    private static final String NUOVA_FORMAZIONE = "FAMIGLIE_NUOVA_FORMAZIONE";
    private static final String MONOPARENTALI = "NUCLEI_MONOPARENTALI";
    private static final String DISABILI = "DISABILI";
    private static final String ALTRA = "ALTRA_CATEGORIA";
    private static final int MASSIMO_ALLOGGI = 100_000;

    private SchemaComunicazione() {
    }

    /**
     * The scheda's values as the Tasklist form and the engine guard know them: whole units as integers, percentages as
     * decimals, no value as nothing.
     */
    public static Map<String, Object> campiDelModulo(Dati d) {
        Map<String, Object> campi = new LinkedHashMap<>();
        metti(campi, CampiComunicazione.ALLOGGI_DISPONIBILI, d.alloggiDisponibili());
        metti(campi, CampiComunicazione.ALLOGGI_TURN_OVER, d.alloggiTurnOver());
        metti(campi, CampiComunicazione.ALLOGGI_CARENZA_MANUTENTIVA, d.alloggiCarenzaManutentiva());
        metti(campi, CampiComunicazione.ALLOGGI_NUOVA_EDIFICAZIONE, d.alloggiNuovaEdificazione());
        metti(campi, CampiComunicazione.ALLOGGI_TRANSITORI, d.alloggiTransitori());
        metti(campi, CampiComunicazione.ALLOGGI_ASSEGNATI_ANNO_PRECEDENTE, d.alloggiAssegnatiAnnoPrecedente());
        metti(campi, CampiComunicazione.ALLOGGI_CONFERITI_PRIVATI, d.alloggiConferitiPrivati());
        metti(campi, CampiComunicazione.ALTRA_CATEGORIA, d.altraCategoria());
        metti(campi, CampiComunicazione.SOGLIA_ANZIANI, d.sogliaAnziani());
        metti(campi, CampiComunicazione.SOGLIA_MONOPARENTALI, d.sogliaMonoparentali());
        metti(campi, CampiComunicazione.SOGLIA_DISABILI, d.sogliaDisabili());
        metti(campi, CampiComunicazione.SOGLIA_NUOVA_FORMAZIONE, d.sogliaNuovaFormazione());
        metti(campi, CampiComunicazione.SOGLIA_ALTRA_CATEGORIA, d.sogliaAltraCategoria());
        metti(campi, CampiComunicazione.SOGLIA_FORZE_POLIZIA, d.sogliaForzePolizia());
        metti(campi, CampiComunicazione.SOGLIA_POLIZIA_LOCALE, d.sogliaPoliziaLocale());
        metti(campi, CampiComunicazione.SOGLIA_INDIGENTI, d.sogliaIndigenti());
        return campi;
    }

    private static void metti(Map<String, Object> campi, String chiave, Object valore) {
        if (valore instanceof BigDecimal decimale) {
            // the engine keeps no BigDecimal: a double holds any percentage with two decimals exactly enough to read back
            campi.put(chiave, decimale.doubleValue());
        } else if (valore != null) {
            campi.put(chiave, valore);
        }
    }

    /**
     * The scheda's rules, every field at once: units whole and between 0 and 100.000 (the total required); each
     * threshold a percentage with at most two decimals; the art. 14 categories together at most 20 % (art. 15 co. 1 ter
     * r.r. 4/2017), Forze di Polizia and Polizia Locale together at most 20 % (art. 4 co. 3 lett. d bis); the indigent
     * threshold only above 20 % (art. 13 co. 3); the social categories and the thresholds for Comuni only (seed 001).
     */
    public static List<Errore> valida(Dati d, boolean comune) {
        List<Errore> errori = new ArrayList<>();
        if (d.alloggiDisponibili() == null) {
            errori.add(new Errore(CampiComunicazione.ALLOGGI_DISPONIBILI, "obbligatorio: il numero complessivo di unità "
                    + "disponibili nell'anno (anche 0)"));
        }
        unita(errori, CampiComunicazione.ALLOGGI_DISPONIBILI, d.alloggiDisponibili());
        unita(errori, CampiComunicazione.ALLOGGI_TURN_OVER, d.alloggiTurnOver());
        unita(errori, CampiComunicazione.ALLOGGI_CARENZA_MANUTENTIVA, d.alloggiCarenzaManutentiva());
        unita(errori, CampiComunicazione.ALLOGGI_NUOVA_EDIFICAZIONE, d.alloggiNuovaEdificazione());
        unita(errori, CampiComunicazione.ALLOGGI_TRANSITORI, d.alloggiTransitori());
        unita(errori, CampiComunicazione.ALLOGGI_ASSEGNATI_ANNO_PRECEDENTE, d.alloggiAssegnatiAnnoPrecedente());
        unita(errori, CampiComunicazione.ALLOGGI_CONFERITI_PRIVATI, d.alloggiConferitiPrivati());
        Map<String, BigDecimal> categorie = new LinkedHashMap<>();
        categorie.put(CampiComunicazione.SOGLIA_ANZIANI, d.sogliaAnziani());
        categorie.put(CampiComunicazione.SOGLIA_MONOPARENTALI, d.sogliaMonoparentali());
        categorie.put(CampiComunicazione.SOGLIA_DISABILI, d.sogliaDisabili());
        categorie.put(CampiComunicazione.SOGLIA_NUOVA_FORMAZIONE, d.sogliaNuovaFormazione());
        categorie.put(CampiComunicazione.SOGLIA_ALTRA_CATEGORIA, d.sogliaAltraCategoria());
        Map<String, BigDecimal> soglie = new LinkedHashMap<>(categorie);
        soglie.put(CampiComunicazione.SOGLIA_FORZE_POLIZIA, d.sogliaForzePolizia());
        soglie.put(CampiComunicazione.SOGLIA_POLIZIA_LOCALE, d.sogliaPoliziaLocale());
        soglie.put(CampiComunicazione.SOGLIA_INDIGENTI, d.sogliaIndigenti());
        if (!comune) {
            soglie.forEach((campo, valore) -> {
                if (valore != null && valore.signum() != 0) {
                    errori.add(new Errore(campo, "solo i Comuni indicano le soglie delle categorie sociali: l'ALER compila la "
                            + "scheda tranne le categorie (seed 001)"));
                }
            });
            if (d.altraCategoria() != null && !d.altraCategoria().isBlank()) {
                errori.add(new Errore(CampiComunicazione.ALTRA_CATEGORIA, "solo i Comuni indicano un'altra categoria di "
                        + "particolare rilevanza sociale"));
            }
            return errori;
        }
        boolean valide = true;
        for (Map.Entry<String, BigDecimal> soglia : soglie.entrySet()) {
            int massimo = CampiComunicazione.SOGLIA_INDIGENTI.equals(soglia.getKey()) ? 100 : 20;
            BigDecimal v = soglia.getValue();
            if (v == null) {
                continue;
            }
            if (v.signum() < 0 || v.compareTo(BigDecimal.valueOf(massimo)) > 0) {
                errori.add(new Errore(soglia.getKey(), "deve essere tra 0 e " + massimo + " %"));
                valide = false;
            } else if (v.stripTrailingZeros().scale() > 2) {
                errori.add(new Errore(soglia.getKey(), "al più due decimali"));
                valide = false;
            }
        }
        if (valide) {
            BigDecimal somma = categorie.values().stream().filter(v -> v != null).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (somma.compareTo(BigDecimal.valueOf(20)) > 0) {
                String ultima = categorie.entrySet().stream().filter(e -> e.getValue() != null && e.getValue().signum() > 0)
                        .reduce((a, b) -> b).map(Map.Entry::getKey).orElse(CampiComunicazione.SOGLIA_ANZIANI);
                errori.add(new Errore(ultima, "le categorie sociali dell'art. 14 insieme non superano il 20 % (ora "
                        + ItalianFormats.decimale(somma, Math.max(0, somma.stripTrailingZeros().scale())) + " %, art. 15 co. 1 ter)"));
            }
            BigDecimal polizia = zero(d.sogliaForzePolizia()).add(zero(d.sogliaPoliziaLocale()));
            if (polizia.compareTo(BigDecimal.valueOf(20)) > 0) {
                errori.add(new Errore(CampiComunicazione.SOGLIA_POLIZIA_LOCALE, "con le Forze di Polizia non supera il 20 % "
                        + "(art. 4 co. 3 lett. d bis)"));
            }
            BigDecimal indigenti = d.sogliaIndigenti();
            if (indigenti != null && indigenti.signum() > 0 && indigenti.compareTo(BigDecimal.valueOf(20)) <= 0) {
                errori.add(new Errore(CampiComunicazione.SOGLIA_INDIGENTI, "è la soglia oltre il 20 % (art. 13 co. 3): "
                        + "lasciare vuoto per il 20 %"));
            }
        }
        if (d.altraCategoria() != null) {
            if (d.altraCategoria().length() > 200) {
                errori.add(new Errore(CampiComunicazione.ALTRA_CATEGORIA, "al più 200 caratteri"));
            } else {
                TestoSicuro.problema(d.altraCategoria(), false)
                        .ifPresent(p -> errori.add(new Errore(CampiComunicazione.ALTRA_CATEGORIA, p)));
            }
        }
        if (d.sogliaAltraCategoria() != null && d.sogliaAltraCategoria().signum() > 0
                && (d.altraCategoria() == null || d.altraCategoria().isBlank())) {
            errori.add(new Errore(CampiComunicazione.ALTRA_CATEGORIA, "indicare quale categoria di particolare rilevanza sociale"));
        }
        return errori;
    }

    /**
     * The reserves the scheda sets (art. 4 co. 3 r.r. 4/2017): the units of the year, the comune's indigent threshold,
     * the art. 14 categories' thresholds summed into the categories' quota with the categories chosen, the police quotas.
     */
    static PianoRiserveService.Impostazione impostazione(Dati d) {
        List<String> scelte = new ArrayList<>();
        BigDecimal quota = BigDecimal.ZERO;
        Map<String, BigDecimal> perCategoria = new LinkedHashMap<>();
        perCategoria.put(ANZIANI, d.sogliaAnziani());
        perCategoria.put(NUOVA_FORMAZIONE, d.sogliaNuovaFormazione());
        perCategoria.put(MONOPARENTALI, d.sogliaMonoparentali());
        perCategoria.put(DISABILI, d.sogliaDisabili());
        perCategoria.put(ALTRA, d.sogliaAltraCategoria());
        for (String categoria : PianoRiserveService.CATEGORIE_IN_ORDINE) {
            BigDecimal soglia = perCategoria.get(categoria);
            if (soglia != null && soglia.signum() > 0) {
                scelte.add(categoria);
                quota = quota.add(soglia);
            }
        }
        return new PianoRiserveService.Impostazione(d.alloggiDisponibili(), zero(d.sogliaIndigenti()), quota, scelte,
                zero(d.sogliaForzePolizia()), zero(d.sogliaPoliziaLocale()));
    }

    /** Units left empty count as none; text trimmed, empty text as none. */
    static Dati normalizzati(Dati d) {
        return new Dati(d.alloggiDisponibili(), zero(d.alloggiTurnOver()), zero(d.alloggiCarenzaManutentiva()),
                zero(d.alloggiNuovaEdificazione()), zero(d.alloggiTransitori()), zero(d.alloggiAssegnatiAnnoPrecedente()),
                zero(d.alloggiConferitiPrivati()), d.altraCategoria() == null || d.altraCategoria().isBlank() ? null
                : d.altraCategoria().strip(), d.sogliaAnziani(), d.sogliaMonoparentali(), d.sogliaDisabili(),
                d.sogliaNuovaFormazione(), d.sogliaAltraCategoria(), d.sogliaForzePolizia(), d.sogliaPoliziaLocale(),
                d.sogliaIndigenti());
    }

    private static void unita(List<Errore> errori, String campo, Integer valore) {
        if (valore != null && (valore < 0 || valore > MASSIMO_ALLOGGI)) {
            errori.add(new Errore(campo, valore < 0 ? "non può essere negativo" : "al massimo 100.000 unità"));
        }
    }

    private static Integer zero(Integer valore) {
        return valore == null ? 0 : valore;
    }

    private static BigDecimal zero(BigDecimal valore) {
        return valore == null ? BigDecimal.ZERO : valore;
    }
}
