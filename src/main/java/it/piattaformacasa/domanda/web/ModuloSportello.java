package it.piattaformacasa.domanda.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import it.piattaformacasa.anagrafe.RelazioneParentela;
import it.piattaformacasa.common.Importo;
import it.piattaformacasa.domanda.DatiDomanda;
import it.piattaformacasa.regole.RegoleAlloggi;

/**
 * «Nuova domanda allo sportello» as the operator types it (issue 12): every field as text, so that what was typed is
 * kept and shown again even when it is wrong; the draft between steps is this object as JSON. {@link #corpo} turns it
 * into the API's own request body — the same validation, the same messages — naming each field it cannot read.
 * Field names are the form's ({@code r.nome}, {@code componenti[0].codiceFiscale}, {@code dataDsu}).
 */
public class ModuloSportello {

    private static final DateTimeFormatter GG_MM_AAAA = DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT);

    /** One member of the nucleo; for the richiedente the relazione is RICHIEDENTE. */
    public static class Persona {
        public String codiceFiscale = "";
        public String nome = "";
        public String cognome = "";
        public String dataNascita = "";
        public String relazione = "";
        public String percentualeInvalidita = "0";
        public boolean indennitaAccompagnamento;
        public boolean handicapGrave;
        public boolean disoccupato;
    }

    /** A dwelling a member holds a right on (art. 7 co. 1 lett. d). */
    public static class Posseduto {
        public String codiceFiscaleTitolare = "";
        public String diritto = "";
        public String superficieUtile = "";
        public String codiceIstatComune = "";
        public String statoEstero = "";
        public boolean inagibile;
        public String ordinanzaDiVenditaDel = "";
    }

    public Persona r = new Persona();
    public List<Persona> componenti = new ArrayList<>();
    public String codiceIstatResidenza = "";
    public String residenteLombardiaDal = "";
    public String residenteComuneDal = "";
    public boolean lavora;
    public String codiceIstatLavoro = "";
    public String iseeValore = "";
    public String protocolloDsu = "";
    public String dataDsu = "";
    public String patrimonio = "";
    public List<Posseduto> posseduti = new ArrayList<>();
    public List<String> condizioni = new ArrayList<>();
    public boolean attestazioneServiziSociali;
    /** The chosen alloggi's ids by preference (1st, 2nd…), blank where none. */
    public List<String> alloggi = new ArrayList<>();

    /** The API's request body, with the fields it could not read as errors (field → Italian reason). */
    record Corpo(DomandeController.DomandaBody body, Map<String, String> errori) {
    }

    Corpo corpo() {
        Map<String, String> errori = new LinkedHashMap<>();
        List<DomandeController.ComponenteBody> nucleo = new ArrayList<>();
        nucleo.add(persona("r", r, RelazioneParentela.RICHIEDENTE, errori));
        for (int i = 0; i < componenti.size(); i++) {
            Persona c = componenti.get(i);
            nucleo.add(persona("componenti[" + i + "]", c, relazione("componenti[" + i + "].relazione", c.relazione, errori), errori));
        }
        var residenza = new DomandeController.ResidenzaBody(testo(codiceIstatResidenza),
                data("residenteLombardiaDal", residenteLombardiaDal, errori), data("residenteComuneDal", residenteComuneDal, errori));
        var lavoro = lavora ? new DomandeController.LavoroBody(testo(codiceIstatLavoro)) : null;
        var isee = new DomandeController.IseeBody(importo("iseeValore", iseeValore, errori), testo(protocolloDsu),
                data("dataDsu", dataDsu, errori));
        List<DomandeController.AlloggioPossedutoBody> alloggiPosseduti = new ArrayList<>();
        for (int i = 0; i < posseduti.size(); i++) {
            Posseduto p = posseduti.get(i);
            String base = "posseduti[" + i + "]";
            alloggiPosseduti.add(new DomandeController.AlloggioPossedutoBody(testo(p.codiceFiscaleTitolare),
                    diritto(base + ".diritto", p.diritto, errori), importo(base + ".superficieUtile", p.superficieUtile, errori),
                    testo(p.codiceIstatComune), testo(p.statoEstero), p.inagibile,
                    data(base + ".ordinanzaDiVenditaDel", p.ordinanzaDiVenditaDel, errori)));
        }
        Map<String, Boolean> scelte = new LinkedHashMap<>();
        for (String condizione : DatiDomanda.CONDIZIONI) {
            scelte.put(condizione, condizioni.contains(condizione));
        }
        List<Long> scelti = new ArrayList<>();
        for (int i = 0; i < alloggi.size(); i++) {
            String scelto = alloggi.get(i) == null ? "" : alloggi.get(i).strip();
            if (scelto.isEmpty()) {
                continue;
            }
            try {
                Long id = Long.valueOf(scelto);
                if (scelti.contains(id)) {
                    errori.put("alloggi[" + i + "]", "questo alloggio è già tra le scelte precedenti");
                } else {
                    scelti.add(id);
                }
            } catch (NumberFormatException e) {
                errori.put("alloggi[" + i + "]", "scegliere un alloggio dell'elenco");
            }
        }
        var body = new DomandeController.DomandaBody(nucleo, residenza, lavoro, null, isee, importo("patrimonio", patrimonio, errori),
                false, alloggiPosseduti, attestazioneServiziSociali, scelte, scelti, null);
        return new Corpo(body, errori);
    }

    private static DomandeController.ComponenteBody persona(String base, Persona p, RelazioneParentela relazione,
                                                            Map<String, String> errori) {
        int percentuale = 0;
        String valore = p.percentualeInvalidita == null ? "" : p.percentualeInvalidita.strip();
        if (!valore.isEmpty()) {
            try {
                percentuale = Integer.parseInt(valore);
            } catch (NumberFormatException e) {
                errori.put(base + ".percentualeInvalidita", "un numero intero tra 0 e 100");
            }
        }
        return new DomandeController.ComponenteBody(testo(p.codiceFiscale) == null ? null : p.codiceFiscale.strip().toUpperCase(Locale.ROOT),
                testo(p.nome), testo(p.cognome), data(base + ".dataNascita", p.dataNascita, errori), relazione, percentuale,
                p.indennitaAccompagnamento, p.handicapGrave, p.disoccupato);
    }

    private static RelazioneParentela relazione(String campo, String valore, Map<String, String> errori) {
        if (valore == null || valore.isBlank()) {
            return null; // «obbligatoria», from the API's own validation
        }
        try {
            RelazioneParentela relazione = RelazioneParentela.valueOf(valore);
            if (relazione == RelazioneParentela.RICHIEDENTE) {
                errori.put(campo, "il richiedente è uno solo: scegliere la relazione con lui");
            }
            return relazione;
        } catch (IllegalArgumentException e) {
            errori.put(campo, "scegliere una relazione dell'elenco");
            return null;
        }
    }

    private static RegoleAlloggi.Diritto diritto(String campo, String valore, Map<String, String> errori) {
        if (valore == null || valore.isBlank()) {
            return null;
        }
        try {
            return RegoleAlloggi.Diritto.valueOf(valore);
        } catch (IllegalArgumentException e) {
            errori.put(campo, "scegliere un diritto dell'elenco");
            return null;
        }
    }

    /** A date as the browser's date field sends it (aaaa-mm-gg) or as a person types it (gg/mm/aaaa). */
    static LocalDate data(String campo, String valore, Map<String, String> errori) {
        if (valore == null || valore.isBlank()) {
            return null;
        }
        String v = valore.strip();
        try {
            // strict: 31/02 is an error, not the last day of February
            return v.contains("/") ? LocalDate.parse(v, GG_MM_AAAA) : LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            errori.put(campo, "data non valida: scriverla come gg/mm/aaaa");
            return null;
        }
    }

    /** An amount as an Italian writes it («12.500,50») or with a dot for decimals. */
    static BigDecimal importo(String campo, String valore, Map<String, String> errori) {
        if (valore == null || valore.isBlank()) {
            return null;
        }
        try {
            return Importo.of(valore).valore();
        } catch (IllegalArgumentException e) {
            errori.put(campo, "numero non valido: per esempio 12.500,50");
            return null;
        }
    }

    private static String testo(String valore) {
        return valore == null || valore.isBlank() ? null : valore.strip();
    }
}
