package it.piattaformacasa.anagrafe;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

import it.piattaformacasa.anagrafe.TracciatoAlloggi.Colonna;
import it.piattaformacasa.common.DatiNonValidiException;
import it.piattaformacasa.common.FoglioExcel;

/**
 * The rows of an import's spreadsheet as text, by the headings of {@link TracciatoAlloggi} (issue 13). An .xlsx is read
 * as a stream: SAX over the first sheet's XML, each shared string decoded once, only the columns of the layout kept;
 * 20 000 rows take a fraction of a second and a few MB, where POI's {@code XSSFWorkbook} built an object per cell
 * (seconds of parsing and garbage collection). An old .xls (OLE2) is small by construction and is read whole. Both
 * feed the same {@link Righe}, so the headings' row, the columns found, the limit of rows and the text of a cell are
 * decided in one place and as the whole workbook decided them: a number as {@code 62.5} (not as the sheet shows it), a
 * formula by its cached value, a boolean as SI/NO.
 */
final class LetturaFoglio {

    /** A row of the sheet: its number as the spreadsheet shows it and the text of each column found. */
    record RigaLetta(int numero, Map<Colonna, String> valori) {
        String valore(Colonna c) {
            String v = valori.get(c);
            return v == null || v.isBlank() ? null : v.strip();
        }
    }

    private static final String SPREADSHEETML = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    /** The headings are looked for in the sheet's first rows: seed 001's sheets have a row of column letters above them. */
    private static final int RIGHE_PER_I_TITOLI = 10;

    private LetturaFoglio() {
    }

    static List<RigaLetta> leggi(byte[] contenuto) {
        FoglioExcel.controllaFile(contenuto, "del patrimonio", "dell'elenco degli alloggi");
        try {
            return FoglioExcel.xlsx(contenuto) ? xlsx(contenuto) : xls(contenuto);
        } catch (DatiNonValidiException e) {
            throw e;
        } catch (Exception | LinkageError e) {
            throw FoglioExcel.danneggiato();
        }
    }

    // ------------------------------------------------------------------------------------------------ .xlsx, streamed

    private static List<RigaLetta> xlsx(byte[] contenuto) throws Exception {
        // the same zip-bomb limits as XSSFWorkbook (ZipSecureFile), the same hardened SAX parser as POI's own readers
        OPCPackage pacchetto = OPCPackage.open(new ByteArrayInputStream(contenuto));
        try {
            XSSFReader lettore = new XSSFReader(pacchetto);
            Iterator<InputStream> fogli = lettore.getSheetsData();
            if (!fogli.hasNext()) {
                throw DatiNonValidiException.campo("file", "il foglio Excel non contiene fogli");
            }
            Righe righe = new Righe();
            try (InputStream primo = fogli.next()) {
                XMLReader sax = XMLHelper.newXMLReader();
                sax.setContentHandler(new FoglioXml(new ReadOnlySharedStringsTable(pacchetto, false), righe));
                sax.parse(new InputSource(primo));
            }
            return righe.fine();
        } finally {
            // read only: nothing is written back
            pacchetto.revert();
        }
    }

    /**
     * The cells of a worksheet's {@code <sheetData>}: {@code <row r>}, {@code <c r t>} with {@code <v>}, {@code <f>} or an
     * inline {@code <is>}. A cell's text is what {@code XSSFCell} gave: the cell type from {@code t}, a formula's cached
     * value, a shared string by its index, «_x000D_» escapes decoded.
     */
    private static final class FoglioXml extends DefaultHandler {
        private final ReadOnlySharedStringsTable condivise;
        private final Map<Integer, String> decodificate = new HashMap<>();
        private final Righe righe;
        private final StringBuilder v = new StringBuilder(64);
        private final StringBuilder f = new StringBuilder(16);
        private final StringBuilder inLinea = new StringBuilder(64);
        private boolean inDati;
        private int riga = -1;
        private int colonna = -1;
        private boolean inCella;
        private boolean voluta;
        private String tipo;
        private boolean formula;
        private boolean conValore;
        private boolean conInLinea;
        private boolean inV;
        private boolean inF;
        private boolean inIs;
        private boolean inT;
        private boolean inFonetica;

        FoglioXml(ReadOnlySharedStringsTable condivise, Righe righe) {
            this.condivise = condivise;
            this.righe = righe;
        }

        @Override
        public void startElement(String uri, String locale, String nome, Attributes attributi) {
            if (!SPREADSHEETML.equals(uri)) {
                return;
            }
            switch (locale) {
                case "sheetData" -> inDati = true;
                case "row" -> {
                    if (inDati) {
                        String r = attributi.getValue("r");
                        riga = r == null ? riga + 1 : Integer.parseInt(r) - 1;
                        colonna = -1;
                        righe.inizio(riga);
                    }
                }
                case "c" -> {
                    if (inDati) {
                        String r = attributi.getValue("r");
                        colonna = r == null ? colonna + 1 : colonnaDi(r);
                        inCella = true;
                        voluta = righe.serve(colonna);
                        tipo = attributi.getValue("t");
                        formula = false;
                        conValore = false;
                        conInLinea = false;
                        v.setLength(0);
                        f.setLength(0);
                        inLinea.setLength(0);
                    }
                }
                case "v" -> {
                    if (inCella) {
                        inV = true;
                        conValore = true;
                    }
                }
                case "f" -> {
                    if (inCella) {
                        inF = true;
                        formula = true;
                    }
                }
                case "is" -> {
                    if (inCella) {
                        inIs = true;
                        conInLinea = true;
                    }
                }
                case "rPh" -> inFonetica = true;
                case "t" -> inT = inIs && !inFonetica;
                default -> {
                }
            }
        }

        @Override
        public void endElement(String uri, String locale, String nome) {
            if (!SPREADSHEETML.equals(uri)) {
                return;
            }
            switch (locale) {
                case "sheetData" -> inDati = false;
                case "row" -> {
                    if (inDati) {
                        righe.chiudiRiga();
                    }
                }
                case "c" -> {
                    if (inCella && voluta) {
                        righe.cella(colonna, testo(), !formula && ("s".equals(tipo) || "inlineStr".equals(tipo) || "str".equals(tipo)));
                    }
                    inCella = false;
                }
                case "v" -> inV = false;
                case "f" -> inF = false;
                case "is" -> inIs = false;
                case "rPh" -> inFonetica = false;
                case "t" -> inT = false;
                default -> {
                }
            }
        }

        @Override
        public void characters(char[] testo, int inizio, int lunghezza) {
            if (!voluta) {
                return;
            }
            if (inV) {
                v.append(testo, inizio, lunghezza);
            } else if (inF) {
                f.append(testo, inizio, lunghezza);
            } else if (inT) {
                inLinea.append(testo, inizio, lunghezza);
            }
        }

        /** The cell as {@link FoglioExcel#testo(Cell, DataFormatter)} says it for a workbook loaded whole. */
        private String testo() {
            String t = tipo == null ? "n" : tipo;
            if (formula) {
                // the value cached when the sheet was last saved, by the type of the result
                return switch (t) {
                    case "b" -> conValore && "1".contentEquals(v) ? "SI" : "NO";
                    case "s", "str", "inlineStr" -> decodificato(conValore ? v.toString() : "");
                    // an error: DataFormatter shows the formula itself (a formula shared with the cell above has none here)
                    case "e" -> f.isEmpty() ? v.toString() : f.toString();
                    default -> numeroDi(conValore ? v.toString() : "");
                };
            }
            return switch (t) {
                case "s" -> conValore ? condivisa(Integer.parseInt(v.toString().strip())) : "";
                case "inlineStr" -> decodificato(conInLinea ? inLinea.toString() : conValore ? v.toString() : "");
                case "str" -> decodificato(conValore ? v.toString() : "");
                case "b" -> conValore && "1".contentEquals(v) ? "SI" : "NO";
                case "e", "d" -> conValore ? v.toString() : null;
                // a numeric cell without a value is blank
                default -> conValore ? numeroDi(v.toString()) : null;
            };
        }

        private String condivisa(int indice) {
            return decodificate.computeIfAbsent(indice, i -> condivise.getItemAt(i).getString());
        }

        private static String numeroDi(String valore) {
            return valore.isEmpty() ? "0" : FoglioExcel.numero(Double.parseDouble(valore));
        }

        /** «_x000D_» is how OOXML escapes a character XML cannot hold: XSSFRichTextString decodes it. */
        private static String decodificato(String testo) {
            return testo.contains("_x") ? new XSSFRichTextString(testo).getString() : testo;
        }

        /** «AB12» → 27. */
        private static int colonnaDi(String riferimento) {
            int colonna = 0;
            for (int i = 0; i < riferimento.length(); i++) {
                char c = riferimento.charAt(i);
                if (c >= 'A' && c <= 'Z') {
                    colonna = colonna * 26 + (c - 'A' + 1);
                } else if (c >= 'a' && c <= 'z') {
                    colonna = colonna * 26 + (c - 'a' + 1);
                } else {
                    break;
                }
                if (colonna > 1_000_000) {
                    throw new IllegalArgumentException("colonna fuori misura: " + riferimento);
                }
            }
            return colonna - 1;
        }
    }

    // ------------------------------------------------------------------------------------------------ .xls, whole

    private static List<RigaLetta> xls(byte[] contenuto) throws Exception {
        try (Workbook libro = WorkbookFactory.create(new ByteArrayInputStream(contenuto))) {
            if (libro.getNumberOfSheets() == 0) {
                throw DatiNonValidiException.campo("file", "il foglio Excel non contiene fogli");
            }
            Sheet foglio = libro.getSheetAt(0);
            DataFormatter formato = new DataFormatter(Locale.ITALY);
            Righe righe = new Righe();
            for (Row riga : foglio) {
                righe.inizio(riga.getRowNum());
                for (Cell cella : riga) {
                    if (righe.serve(cella.getColumnIndex())) {
                        righe.cella(cella.getColumnIndex(), FoglioExcel.testo(cella, formato), cella.getCellType() == CellType.STRING);
                    }
                }
                righe.chiudiRiga();
            }
            return righe.fine();
        }
    }

    // ------------------------------------------------------------------------------------------------ rows

    /**
     * The rows of the first sheet, as they come: the first ten are kept until the headings' row is known (the first among
     * them that names the most columns), then each row is reduced to the layout's columns at once.
     */
    private static final class Righe {
        private int prima = -1;
        private final TreeMap<Integer, TreeMap<Integer, Cella>> iniziali = new TreeMap<>();
        private int rigaTitoli = -1;
        private Colonna[] colonnaDi;
        private final List<RigaLetta> lette = new ArrayList<>();
        private int corrente;
        private TreeMap<Integer, Cella> inizialeCorrente;
        private EnumMap<Colonna, String> valori;

        private record Cella(String testo, boolean stringa) {
        }

        void inizio(int indice) {
            if (prima < 0) {
                prima = indice;
            }
            if (colonnaDi == null && indice >= prima + RIGHE_PER_I_TITOLI) {
                titoli();
            }
            if (colonnaDi != null && indice - rigaTitoli > ImportazioneAnagrafeService.RIGHE_MASSIME) {
                throw DatiNonValidiException.campo("file", "al massimo " + ImportazioneAnagrafeService.RIGHE_MASSIME + " righe in un file");
            }
            corrente = indice;
            if (colonnaDi == null) {
                inizialeCorrente = iniziali.computeIfAbsent(indice, i -> new TreeMap<>());
            } else {
                valori = new EnumMap<>(Colonna.class);
            }
        }

        /** Whether a cell of this column matters: any, while the headings are looked for; then the layout's only. */
        boolean serve(int colonna) {
            return colonnaDi == null || colonna >= 0 && colonna < colonnaDi.length && colonnaDi[colonna] != null;
        }

        void cella(int colonna, String testo, boolean stringa) {
            if (colonnaDi == null) {
                inizialeCorrente.put(colonna, new Cella(testo, stringa));
            } else if (testo != null && !testo.isBlank()) {
                valori.put(colonnaDi[colonna], testo);
            } else {
                valori.remove(colonnaDi[colonna]);
            }
        }

        void chiudiRiga() {
            if (colonnaDi != null && !valori.isEmpty()) {
                lette.add(new RigaLetta(corrente + 1, valori));
            }
            valori = null;
        }

        List<RigaLetta> fine() {
            if (colonnaDi == null) {
                titoli();
            }
            // a sheet's rows are in order; a hand-made file's might not be, and the workbook model sorted them
            lette.sort(Comparator.comparingInt(RigaLetta::numero));
            return lette;
        }

        private void titoli() {
            Map<Integer, Colonna> colonne = Map.of();
            for (Map.Entry<Integer, TreeMap<Integer, Cella>> riga : iniziali.entrySet()) {
                Map<Integer, Colonna> trovate = new HashMap<>();
                for (Map.Entry<Integer, Cella> cella : riga.getValue().entrySet()) {
                    if (cella.getValue().stringa()) {
                        Optional<Colonna> c = Colonna.di(cella.getValue().testo());
                        if (c.isPresent() && !trovate.containsValue(c.get())) {
                            trovate.put(cella.getKey(), c.get());
                        }
                    }
                }
                if (trovate.size() > colonne.size()) {
                    colonne = trovate;
                    rigaTitoli = riga.getKey();
                }
            }
            List<String> mancanti = new ArrayList<>();
            for (Colonna c : Colonna.values()) {
                if (c.obbligatoria() && !colonne.containsValue(c)) {
                    mancanti.add("«" + c.intestazione() + "»");
                }
            }
            if (rigaTitoli < 0 || !mancanti.isEmpty()) {
                throw DatiNonValidiException.campo("file", "mancano le colonne " + String.join(", ", mancanti)
                        + ": usare l'intestazione dell'elenco degli alloggi (Scarica l'elenco dall'Anagrafe)");
            }
            colonnaDi = new Colonna[colonne.keySet().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1];
            colonne.forEach((indice, colonna) -> colonnaDi[indice] = colonna);
            int ultima = iniziali.isEmpty() ? -1 : iniziali.lastKey();
            if (ultima - rigaTitoli > ImportazioneAnagrafeService.RIGHE_MASSIME) {
                throw DatiNonValidiException.campo("file", "al massimo " + ImportazioneAnagrafeService.RIGHE_MASSIME + " righe in un file");
            }
            // the rows below the headings among the first ten are data
            for (Map.Entry<Integer, TreeMap<Integer, Cella>> riga : iniziali.tailMap(rigaTitoli, false).entrySet()) {
                EnumMap<Colonna, String> dati = new EnumMap<>(Colonna.class);
                for (Map.Entry<Integer, Cella> cella : riga.getValue().entrySet()) {
                    String testo = cella.getValue().testo();
                    if (serve(cella.getKey()) && testo != null && !testo.isBlank()) {
                        dati.put(colonnaDi[cella.getKey()], testo);
                    }
                }
                if (!dati.isEmpty()) {
                    lette.add(new RigaLetta(riga.getKey() + 1, dati));
                }
            }
            iniziali.clear();
        }
    }
}
