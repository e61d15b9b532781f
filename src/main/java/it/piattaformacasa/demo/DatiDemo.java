package it.piattaformacasa.demo;

import static it.piattaformacasa.anagrafe.StatoAlloggio.LIBERO;
import static it.piattaformacasa.anagrafe.StatoAlloggio.OCCUPATO;
import static it.piattaformacasa.anagrafe.StatoAlloggio.OCCUPATO_SENZA_TITOLO;
import static it.piattaformacasa.anagrafe.StatoAlloggio.SFITTO_CARENZE_MANUTENTIVE;
import static it.piattaformacasa.anagrafe.StatoAlloggio.SFITTO_RISTRUTTURAZIONE;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import it.piattaformacasa.anagrafe.RegioneProfilo;
import it.piattaformacasa.anagrafe.RelazioneParentela;
import it.piattaformacasa.anagrafe.StatoAlloggio;
import it.piattaformacasa.anagrafe.TipoEnte;
import it.piattaformacasa.operatori.RuoloPiattaforma;
import it.piattaformacasa.operatori.TipoAbilitazione;
import it.piattaformacasa.piano.ComunicazioneAnnuale;

/**
 * The demo ambito as data. Comuni: real ISTAT and cadastral codes, 2011 census population. The codice fiscale of
 * the Comune di Varese is the real one (IPA); those of ALER and Comune di Malnate are fictitious with a valid check
 * digit. Fabbricati, alloggi, people and operators are invented; ALER's streets are real ALER quarters of Varese.
 */
final class DatiDemo {

    record DatiComune(String istat, String catastale, String nome, int popolazione) {
    }

    record DatiEnte(TipoEnte tipo, String codiceFiscale, String ragioneSociale, String istatSede, String pec) {
    }

    record DatiFabbricato(String codice, String cfEnte, String istat, String indirizzo, String zona, int annoCostruzione,
                          int piani, boolean ascensore, List<StatoAlloggio> stati) {
    }

    record DatiAbilitazione(String cfEnte, TipoAbilitazione tipo) {
    }

    /** {@code provinciaLettura}: a provincial reader's province; {@code regioneLettura}: a regional reader's Region. */
    record DatiOperatore(String username, String codiceFiscale, String nome, String cognome, String telefono,
                         List<DatiAbilitazione> abilitazioni, Set<RuoloPiattaforma> ruoli, String provinciaLettura,
                         RegioneProfilo regioneLettura) {
        DatiOperatore(String username, String codiceFiscale, String nome, String cognome, String telefono,
                      List<DatiAbilitazione> abilitazioni, Set<RuoloPiattaforma> ruoli) {
            this(username, codiceFiscale, nome, cognome, telefono, abilitazioni, ruoli, null,
                    ruoli.contains(RuoloPiattaforma.LETTORE_REGIONALE) ? RegioneProfilo.LOMBARDIA : null);
        }

        DatiOperatore(String username, String codiceFiscale, String nome, String cognome, String telefono,
                      List<DatiAbilitazione> abilitazioni, Set<RuoloPiattaforma> ruoli, String provinciaLettura) {
            this(username, codiceFiscale, nome, cognome, telefono, abilitazioni, ruoli, provinciaLettura, null);
        }
    }

    record DatiComponente(String codiceFiscale, String nome, String cognome, LocalDate dataNascita,
                          RelazioneParentela relazione, int invalidita) {
    }

    /** An ente's «schema comunicazione annuale» for one comune of the annual plan. */
    record DatiScheda(String cfEnte, String istat, ComunicazioneAnnuale.Dati dati) {
    }

    static final String CF_COMUNE_VARESE = "00441340122";
    static final String CF_ALER = "00215400128";
    static final String CF_COMUNE_MALNATE = "00331030122";
    /** Issue 15 (seed 004): a Comune of the Marche profile, its real codice fiscale (IPA) and ISTAT/cadastral codes. */
    static final String CF_COMUNE_ANCONA = "00351040423";
    static final String AMBITO_ANCONA = "ANCONA";
    static final DatiComune ANCONA = new DatiComune("042002", "A271", "Ancona", 100_497);

    /** The first is the capofila. */
    static final List<DatiComune> COMUNI = List.of(
            new DatiComune("012133", "L682", "Varese", 79_793),
            new DatiComune("012096", "E863", "Malnate", 16_604),
            new DatiComune("012073", "D951", "Gazzada Schianno", 4_644),
            new DatiComune("012038", "B949", "Casciago", 3_865));

    static final List<DatiEnte> ENTI = List.of(
            new DatiEnte(TipoEnte.COMUNE, CF_COMUNE_VARESE, "Comune di Varese", "012133", "protocollo@comune.varese.legalmail.it"),
            new DatiEnte(TipoEnte.ALER, CF_ALER, "ALER Varese - Como - Monza Brianza - Busto Arsizio", "012133", null),
            new DatiEnte(TipoEnte.COMUNE, CF_COMUNE_MALNATE, "Comune di Malnate", "012096", null));

    static final List<DatiFabbricato> FABBRICATI = List.of(
            new DatiFabbricato("VA-BIZ-01", CF_COMUNE_VARESE, "012133", "Via Monte Santo 18", "Bizzozero", 1978, 5, true,
                    List.of(OCCUPATO, OCCUPATO, LIBERO, OCCUPATO, SFITTO_CARENZE_MANUTENTIVE, OCCUPATO)),
            new DatiFabbricato("VA-SFE-02", CF_COMUNE_VARESE, "012133", "Via Cimarosa 8", "San Fermo", 1965, 4, false,
                    List.of(OCCUPATO, LIBERO, OCCUPATO, SFITTO_RISTRUTTURAZIONE, OCCUPATO)),
            new DatiFabbricato("VA-BIU-03", CF_COMUNE_VARESE, "012133", "Via Magenta 31", "Biumo Inferiore", 1958, 3, false,
                    List.of(OCCUPATO, OCCUPATO, SFITTO_CARENZE_MANUTENTIVE, LIBERO)),
            new DatiFabbricato("AL-VA-101", CF_ALER, "012133", "Via Francesco Borromini 9", "Sangallo", 1982, 7, true,
                    List.of(OCCUPATO, OCCUPATO, OCCUPATO, LIBERO, OCCUPATO, OCCUPATO_SENZA_TITOLO, OCCUPATO, SFITTO_CARENZE_MANUTENTIVE)),
            new DatiFabbricato("AL-VA-102", CF_ALER, "012133", "Via Romans sur Isère 5", "Montello", 1975, 6, true,
                    List.of(OCCUPATO, LIBERO, OCCUPATO, OCCUPATO, SFITTO_RISTRUTTURAZIONE, OCCUPATO)),
            new DatiFabbricato("AL-GZ-201", CF_ALER, "012073", "Via Roma 40", "Schianno", 1990, 3, false,
                    List.of(OCCUPATO, LIBERO, OCCUPATO)),
            new DatiFabbricato("AL-CA-301", CF_ALER, "012038", "Via Vittorio Veneto 14", "Morosolo", 1987, 3, false,
                    List.of(OCCUPATO, SFITTO_CARENZE_MANUTENTIVE, OCCUPATO)),
            new DatiFabbricato("MA-GU-01", CF_COMUNE_MALNATE, "012096", "Via Gasparotto 9", "Gurone", 1972, 4, false,
                    List.of(OCCUPATO, LIBERO, OCCUPATO, SFITTO_CARENZE_MANUTENTIVE)),
            new DatiFabbricato("MA-CE-02", CF_COMUNE_MALNATE, "012096", "Via Garibaldi 56", "Centro", 2004, 3, true,
                    List.of(OCCUPATO, OCCUPATO, LIBERO)));

    static final List<DatiOperatore> OPERATORI = List.of(
            new DatiOperatore("capofila", "BNCGLI82C54L682L", "Giulia", "Bianchi", "0332 255111",
                    List.of(new DatiAbilitazione(CF_COMUNE_VARESE, TipoAbilitazione.GESTIONE_AVVISO)), Set.of()),
            new DatiOperatore("varese.istruttoria", "CLMMRC79S02L682I", "Marco", "Colombo", "0332 255112",
                    List.of(new DatiAbilitazione(CF_COMUNE_VARESE, TipoAbilitazione.ISTRUTTORIA_DOMANDE)), Set.of()),
            new DatiOperatore("aler.avviso", "FRRCHR85H61B300A", "Chiara", "Ferrari", "0332 806911",
                    List.of(new DatiAbilitazione(CF_ALER, TipoAbilitazione.GESTIONE_AVVISO)), Set.of()),
            new DatiOperatore("aler.istruttoria", "GLLLCU77A09L682V", "Luca", "Galli", "0332 806912",
                    List.of(new DatiAbilitazione(CF_ALER, TipoAbilitazione.ISTRUTTORIA_DOMANDE)), Set.of()),
            new DatiOperatore("malnate", "FNTDVD88D05D951C", "Davide", "Fontana", "0332 275211",
                    List.of(new DatiAbilitazione(CF_COMUNE_MALNATE, TipoAbilitazione.GESTIONE_AVVISO),
                            new DatiAbilitazione(CF_COMUNE_MALNATE, TipoAbilitazione.ISTRUTTORIA_DOMANDE)), Set.of()),
            new DatiOperatore("supervisore", "RCCLNE75T57L682R", "Elena", "Ricci", "02 67651",
                    List.of(), Set.of(RuoloPiattaforma.SUPERVISORE)),
            new DatiOperatore("analista", "MRNSFN83L12E863L", "Stefano", "Marino", "02 67652",
                    List.of(), Set.of(RuoloPiattaforma.ANALISTA)),
            // a second analyst: rule changes are approved by someone other than their author (four eyes)
            new DatiOperatore("analista.revisore", "LMBFNC86M52F205P", "Francesca", "Lombardi", "02 67654",
                    List.of(), Set.of(RuoloPiattaforma.ANALISTA)),
            new DatiOperatore("admin", "CNTSRA90B68L682N", "Sara", "Conti", "02 67653",
                    List.of(), Set.of(RuoloPiattaforma.AMMINISTRATORE)),
            // the Region's validator of the enti's requests of abilitazione (seed 002, issue 14)
            new DatiOperatore("validatore", "VRDLRA80A41L682M", "Laura", "Verdi", "02 67655",
                    List.of(), Set.of(RuoloPiattaforma.VALIDATORE_REGIONALE)),
            // seed 004: the read-only users, of the Region (Lombardia) and of the province of Varese (every demo Lombardia
            // ente is there);
            // the reader of Como sees no demo ente: what another province's reader sees of Varese's cases
            new DatiOperatore("lettore.regione", "LTTRGN78B12F205G", "Giorgio", "Lettieri", "02 67656",
                    List.of(), Set.of(RuoloPiattaforma.LETTORE_REGIONALE)),
            new DatiOperatore("lettore.varese", "LTTVRS80A41L682R", "Valeria", "Lettieri", "0332 252111",
                    List.of(), Set.of(RuoloPiattaforma.LETTORE_PROVINCIALE), "VA"),
            new DatiOperatore("lettore.como", "LTTCMO82C15C933O", "Carlo", "Lettieri", "031 230111",
                    List.of(), Set.of(RuoloPiattaforma.LETTORE_PROVINCIALE), "CO"),
            // issue 15 (ADR 16): the Regione Marche's reader reads the Marche Comuni's bandi, not the Lombardia enti
            new DatiOperatore("lettore.marche", "LTTMRT79D50A271X", "Marta", "Lettieri", "071 8061",
                    List.of(), Set.of(RuoloPiattaforma.LETTORE_REGIONALE), null, RegioneProfilo.MARCHE),
            // issue 15 (seed 004): the operator of a Marche Comune, who defines its bandi and their grid
            new DatiOperatore("ancona", "PLMLSN84C12A271K", "Alessandro", "Palmieri", "071 2221",
                    List.of(new DatiAbilitazione(CF_COMUNE_ANCONA, TipoAbilitazione.GESTIONE_AVVISO)), Set.of()));

    /**
     * Issue 16 (seed 002): people registered on the platform and enabled for no ente, who see only the citizens' side.
     * The embedded provider puts their codice fiscale in the token as a SPID gateway would; nobody types it.
     */
    static final List<DatiOperatore> CITTADINI = List.of(
            new DatiOperatore("cittadino.colombo", "CLMCHR85M41L682Z", "Chiara", "Colombo", null, List.of(), Set.of()),
            new DatiOperatore("cittadino.ferrari", "FRRLCU79D12L682W", "Luca", "Ferrari", null, List.of(), Set.of()));

    static final List<List<DatiComponente>> NUCLEI = List.of(
            List.of(new DatiComponente("RSSMRA61E03L682Z", "Mario", "Rossi", LocalDate.of(1961, 5, 3), RelazioneParentela.RICHIEDENTE, 0),
                    new DatiComponente("VRDNNA64M59L682N", "Anna", "Verdi", LocalDate.of(1964, 8, 19), RelazioneParentela.CONIUGE, 74),
                    new DatiComponente("RSSLCU08B11L682T", "Luca", "Rossi", LocalDate.of(2008, 2, 11), RelazioneParentela.FIGLIO, 0)),
            List.of(new DatiComponente("SPSGPP42R41F839E", "Giuseppina", "Esposito", LocalDate.of(1942, 10, 1), RelazioneParentela.RICHIEDENTE, 100)),
            List.of(new DatiComponente("BRNFNC70C25L682K", "Franco", "Bernasconi", LocalDate.of(1970, 3, 25), RelazioneParentela.RICHIEDENTE, 0),
                    new DatiComponente("LMRFTM84H47Z330W", "Fatima", "El Amrani", LocalDate.of(1984, 6, 7), RelazioneParentela.CONVIVENTE_DI_FATTO, 0),
                    new DatiComponente("BRNSFO15P54L682N", "Sofia", "Bernasconi", LocalDate.of(2015, 9, 14), RelazioneParentela.FIGLIO, 0),
                    new DatiComponente("BRNMRO18T02L682H", "Omar", "Bernasconi", LocalDate.of(2018, 12, 2), RelazioneParentela.FIGLIO, 0)));

    /**
     * Last year's annual plan: every ente sent its scheda in the window, and the plan was approved. Units available are
     * turn-over plus new building; Comuni set the art. 14 categories (together at most 20 %), the police quotas and the
     * indigent threshold above 20 %, ALER only the units (seed 001).
     */
    static final List<DatiScheda> SCHEDE_ANNO_PRECEDENTE = List.of(
            new DatiScheda(CF_COMUNE_VARESE, "012133", delComune(5, 4, 2, 1, 1, 4, 5, 5, 5, 0, 10, 25)),
            new DatiScheda(CF_COMUNE_MALNATE, "012096", delComune(2, 2, 1, 0, 0, 2, 10, 0, 0, 5, 5, 0)),
            new DatiScheda(CF_ALER, "012133", dellAler(9, 7, 3, 2, 1, 7)),
            new DatiScheda(CF_ALER, "012073", dellAler(1, 1, 0, 0, 0, 1)),
            new DatiScheda(CF_ALER, "012038", dellAler(1, 1, 1, 0, 0, 0)));

    /** This year's plan, its window open: every scheda has arrived but ALER's for Gazzada Schianno. */
    static final List<DatiScheda> SCHEDE_ANNO_CORRENTE = List.of(
            new DatiScheda(CF_COMUNE_MALNATE, "012096", delComune(3, 3, 1, 0, 0, 2, 10, 0, 0, 5, 5, 0)),
            new DatiScheda(CF_ALER, "012133", dellAler(10, 8, 3, 2, 1, 9)),
            new DatiScheda(CF_ALER, "012038", dellAler(1, 1, 1, 0, 0, 1)),
            new DatiScheda(CF_COMUNE_VARESE, "012133", delComune(6, 5, 2, 1, 1, 5, 5, 5, 5, 0, 10, 25)));

    private static ComunicazioneAnnuale.Dati delComune(int disponibili, int turnOver, int carenze, int nuovaEdificazione,
                                                       int transitori, int assegnatiAnnoPrecedente, int anziani,
                                                       int monoparentali, int disabili, int nuovaFormazione, int forzePolizia,
                                                       int indigenti) {
        return new ComunicazioneAnnuale.Dati(disponibili, turnOver, carenze, nuovaEdificazione, transitori,
                assegnatiAnnoPrecedente, 0, null, soglia(anziani), soglia(monoparentali), soglia(disabili),
                soglia(nuovaFormazione), null, soglia(forzePolizia), null, soglia(indigenti));
    }

    private static ComunicazioneAnnuale.Dati dellAler(int disponibili, int turnOver, int carenze, int nuovaEdificazione,
                                                      int transitori, int assegnatiAnnoPrecedente) {
        return new ComunicazioneAnnuale.Dati(disponibili, turnOver, carenze, nuovaEdificazione, transitori,
                assegnatiAnnoPrecedente, 0, null, null, null, null, null, null, null, null, null);
    }

    /** A threshold in %; 0 is «not set». */
    private static BigDecimal soglia(int percentuale) {
        return percentuale == 0 ? null : BigDecimal.valueOf(percentuale);
    }

    private DatiDemo() {
    }
}
