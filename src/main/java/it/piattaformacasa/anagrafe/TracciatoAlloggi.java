package it.piattaformacasa.anagrafe;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The spreadsheet of the alloggi as seed 001 lays it out (issue 13), one layout for the export of the three lists
 * («LIBERO», «SFITTO PER CARENZE MANUTENTIVE», «SFITTO PER RISTRUTTURAZIONE») and for the import of an ente's patrimonio:
 * first the columns of the «elenchi di dettaglio» (slide 19: ID Alloggio … Stato, in that order), then the other
 * fields of the unità immobiliare with the seed's names (slide 20: codice fiscale dell'ente, codice ISTAT, codice
 * fabbricato di pertinenza, codice identificativo dell'unità immobiliare), then what the Anagrafe keeps of each unit.
 * The import finds the columns by their heading, in any order, so an ente's own sheet with the seed's headings loads.
 */
public final class TracciatoAlloggi {

    public enum Colonna {
        ID_ALLOGGIO("ID Alloggio", false, "idalloggio"),
        TIPO_ENTE("Tipo Ente Proprietario", false, "tipoenteproprietario", "tipologiadellenteproprietario"),
        RAGIONE_SOCIALE("Ragione sociale Ente Proprietario", false, "ragionesocialeenteproprietario",
                "ragionesocialedellenteproprietario"),
        PROVINCIA("Provincia", false, "provincia"),
        COMUNE("Comune", false, "comune"),
        ZONA("Quartiere/Zona/Località/Frazione", false, "quartiere"),
        INDIRIZZO("Indirizzo", true, "indirizzo"),
        STATO("Stato", true, "stato"),
        CODICE_UI("Codice Identificativo dell'Unità Immobiliare", true, "codiceidentificativo"),
        CODICE_FISCALE_ENTE("Codice Fiscale dell'Ente Proprietario", true, "codicefiscaledellenteproprietario",
                "codicefiscaleenteproprietario"),
        CODICE_ISTAT("Codice ISTAT", true, "codiceistat"),
        CODICE_FABBRICATO("Codice fabbricato di pertinenza", false, "codicefabbricato"),
        SCALA("Scala", false, "scala"),
        INTERNO("Interno", false, "interno"),
        PIANO("Piano", true, "piano"),
        SUPERFICIE("Superficie utile (m²)", true, "superficie"),
        VANI("Vani", true, "vani"),
        ASCENSORE("Ascensore", false, "ascensore"),
        BARRIERE("Barriere architettoniche", false, "barriere"),
        DESTINAZIONE("Destinazione d'uso dell'unità immobiliare", false, "destinazione");

        private final String intestazione;
        private final boolean obbligatoria;
        private final String[] chiavi;

        Colonna(String intestazione, boolean obbligatoria, String... chiavi) {
            this.intestazione = intestazione;
            this.obbligatoria = obbligatoria;
            this.chiavi = chiavi;
        }

        public String intestazione() {
            return intestazione;
        }

        public boolean obbligatoria() {
            return obbligatoria;
        }

        /** The column a heading names: the seed's words, with or without accents, spaces and apostrophes. */
        public static Optional<Colonna> di(String intestazione) {
            String chiave = chiave(intestazione);
            if (chiave.isEmpty()) {
                return Optional.empty();
            }
            for (Colonna c : values()) {
                for (String k : c.chiavi) {
                    boolean esatta = k.equals("stato") || k.equals("comune") || k.equals("provincia") || k.equals("scala")
                            || k.equals("piano") || k.equals("vani") || k.equals("interno") || k.equals("indirizzo");
                    if (esatta ? chiave.equals(k) || chiave.equals(k + "dellunitaimmobiliare") : chiave.startsWith(k)) {
                        return Optional.of(c);
                    }
                }
            }
            return Optional.empty();
        }
    }

    /** The field of {@link DatiAlloggio} each column fills, to put a refusal on its column. */
    public static final Map<String, Colonna> COLONNA_DEL_CAMPO = Map.ofEntries(Map.entry("codiceUi", Colonna.CODICE_UI),
            Map.entry("codiceIstatComune", Colonna.CODICE_ISTAT), Map.entry("zonaLocalita", Colonna.ZONA),
            Map.entry("indirizzo", Colonna.INDIRIZZO), Map.entry("scala", Colonna.SCALA), Map.entry("interno", Colonna.INTERNO),
            Map.entry("piano", Colonna.PIANO), Map.entry("superficieUtile", Colonna.SUPERFICIE), Map.entry("vani", Colonna.VANI),
            Map.entry("stato", Colonna.STATO), Map.entry("destinazioneUso", Colonna.DESTINAZIONE),
            Map.entry("fabbricatoId", Colonna.CODICE_FABBRICATO));

    /** «1.234,50»: dots for thousands, a comma for decimals. */
    private static final Pattern MIGLIAIA = Pattern.compile("-?[0-9]{1,3}(\\.[0-9]{3})+(,[0-9]+)?");
    private static final Pattern NUMERO = Pattern.compile("-?[0-9]{1,12}(\\.[0-9]{1,12})?");
    private static final Pattern SEGNI = Pattern.compile("\\p{M}");
    private static final Pattern SPAZI = Pattern.compile("\\s+");

    private TracciatoAlloggi() {
    }

    public static List<String> intestazioni() {
        List<String> titoli = new ArrayList<>();
        for (Colonna c : Colonna.values()) {
            titoli.add(c.intestazione());
        }
        return titoli;
    }

    /** One alloggio as a row of the layout (numbers as numbers, yes/no as booleans). */
    public static List<Object> riga(Alloggio a) {
        List<Object> riga = new ArrayList<>();
        riga.add(a.getId());
        riga.add(tipo(a.getEnte().getTipo()));
        riga.add(a.getEnte().getRagioneSociale());
        riga.add(a.getComune().getProvincia());
        riga.add(a.getComune().getNome());
        riga.add(a.getZonaLocalita());
        riga.add(a.getIndirizzo());
        riga.add(stato(a.getStato()));
        riga.add(a.getCodiceUi());
        riga.add(a.getEnte().getCodiceFiscale().valore());
        riga.add(a.getComune().getCodiceIstat());
        riga.add(a.getFabbricato() == null ? null : a.getFabbricato().getCodice());
        riga.add(a.getScala());
        riga.add(a.getInterno());
        riga.add(a.getPiano());
        riga.add(a.getSuperficieUtile());
        riga.add(a.getVani());
        riga.add(a.isAscensore());
        riga.add(a.isBarriereArchitettoniche());
        riga.add(destinazione(a.getDestinazioneUso()));
        return riga;
    }

    /** «SFITTO PER CARENZE MANUTENTIVE»: the state as seed 001 writes it. */
    public static String stato(StatoAlloggio stato) {
        return switch (stato) {
            case LIBERO -> "LIBERO";
            case OCCUPATO -> "OCCUPATO";
            case OCCUPATO_SENZA_TITOLO -> "OCCUPATO SENZA TITOLO";
            case SFITTO_CARENZE_MANUTENTIVE -> "SFITTO PER CARENZE MANUTENTIVE";
            case SFITTO_RISTRUTTURAZIONE -> "SFITTO PER RISTRUTTURAZIONE";
        };
    }

    public static String destinazione(DestinazioneUso uso) {
        return switch (uso) {
            case SERVIZI_ABITATIVI_PUBBLICI -> "SERVIZI ABITATIVI PUBBLICI";
            case SERVIZI_ABITATIVI_SOCIALI -> "SERVIZI ABITATIVI SOCIALI";
            case ALTRO_USO_RESIDENZIALE -> "ALTRO USO RESIDENZIALE";
        };
    }

    public static String tipo(TipoEnte tipo) {
        return tipo == TipoEnte.OPERATORE_PRIVATO ? "OPERATORE PRIVATO" : tipo.name();
    }

    /** The state a cell names, in the seed's words or the API's; empty if none. */
    public static Optional<StatoAlloggio> statoDi(String testo) {
        String t = parole(testo);
        for (StatoAlloggio s : StatoAlloggio.values()) {
            if (t.equals(stato(s)) || t.equals(s.name().replace('_', ' '))) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    public static Optional<DestinazioneUso> destinazioneDi(String testo) {
        String t = parole(testo);
        return switch (t) {
            case "SERVIZI ABITATIVI PUBBLICI", "SERVIZIO ABITATIVO PUBBLICO", "SAP" -> Optional.of(DestinazioneUso.SERVIZI_ABITATIVI_PUBBLICI);
            case "SERVIZI ABITATIVI SOCIALI", "SERVIZIO ABITATIVO SOCIALE", "SAS" -> Optional.of(DestinazioneUso.SERVIZI_ABITATIVI_SOCIALI);
            case "ALTRO USO RESIDENZIALE" -> Optional.of(DestinazioneUso.ALTRO_USO_RESIDENZIALE);
            default -> Optional.empty();
        };
    }

    /** «Sì»/«No» as the export writes them, and the usual ways of saying it; empty for a cell that says neither. */
    public static Optional<Boolean> siNoDi(String testo) {
        return switch (parole(testo)) {
            case "SI", "S", "TRUE", "VERO", "1", "X" -> Optional.of(Boolean.TRUE);
            case "NO", "N", "FALSE", "FALSO", "0", "" -> Optional.of(Boolean.FALSE);
            default -> Optional.empty();
        };
    }

    /** A number as a spreadsheet or an Italian writes it: «62,5», «62.5», «1.234,50». */
    public static Optional<BigDecimal> numeroDi(String testo) {
        String t = testo.strip().replace(" ", "").replace("m²", "").replace("mq", "");
        if (MIGLIAIA.matcher(t).matches()) {
            t = t.replace(".", "").replace(',', '.');
        } else {
            t = t.replace(',', '.');
        }
        if (!NUMERO.matcher(t).matches()) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(t));
    }

    /** Upper case, accents off, one space between words, underscores as spaces. */
    static String parole(String testo) {
        if (testo == null) {
            return "";
        }
        // a cell of an import is read thousands of times: plain ASCII has no accent to take off
        String senzaAccenti = ascii(testo) ? testo : SEGNI.matcher(Normalizer.normalize(testo, Normalizer.Form.NFD)).replaceAll("");
        return SPAZI.matcher(senzaAccenti.replace('_', ' ').strip()).replaceAll(" ").toUpperCase(Locale.ROOT);
    }

    private static boolean ascii(String testo) {
        for (int i = 0; i < testo.length(); i++) {
            if (testo.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static String chiave(String intestazione) {
        if (intestazione == null) {
            return "";
        }
        String senzaAccenti = Normalizer.normalize(intestazione, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return senzaAccenti.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
