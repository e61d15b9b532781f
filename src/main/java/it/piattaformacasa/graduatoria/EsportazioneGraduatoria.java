package it.piattaformacasa.graduatoria;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

import it.piattaformacasa.common.CelleSicure;
import it.piattaformacasa.common.ItalianFormats;
import it.piattaformacasa.domanda.SceltaInElenco;

/**
 * The graduatoria as the operators download it (seed 000, «GRADUATORIE»): ente, avviso and comune on top, then one
 * row per domanda with ISBAR (three decimals, descending), the alloggi in the applicant's order of preference, and the
 * flags and tie-break attributes. The Riserva column exists only for avvisi under the r.r. 2/2025 second step. After
 * the seed's columns, which keep their places, the same alloggi in one cell with their preference, comune and art. 9
 * title («2. AL-VA-101-04 (Varese, residenza)»), for the istruttoria.
 */
@Component
public class EsportazioneGraduatoria {

    private static final ZoneId ROMA = ZoneId.of("Europe/Rome");

    record Colonne(List<String> intestazioni, int alloggi, boolean riserva) {
    }

    public byte[] xlsx(Graduatoria graduatoria, List<GraduatoriaService.Riga> righe) {
        Colonne colonne = colonne(graduatoria);
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Graduatoria " + graduatoria.getStato().name().toLowerCase());
            CellStyle grassetto = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            grassetto.setFont(font);
            CellStyle treDecimali = workbook.createCellStyle();
            treDecimali.setDataFormat(workbook.createDataFormat().getFormat("0.000"));
            // a text the spreadsheet would run as a formula is shown as text («quote prefix»), its value unchanged
            CellStyle testoLetterale = workbook.createCellStyle();
            testoLetterale.setQuotePrefixed(true);
            int r = 0;
            for (String[] intestazione : intestazione(graduatoria)) {
                Row row = sheet.createRow(r++);
                cella(row, 0, intestazione[0]).setCellStyle(grassetto);
                Cell valore = cella(row, 1, intestazione[1]);
                if (CelleSicure.sembraFormula(intestazione[1])) {
                    valore.setCellStyle(testoLetterale);
                }
            }
            r++;
            Row titoli = sheet.createRow(r++);
            for (int c = 0; c < colonne.intestazioni().size(); c++) {
                cella(titoli, c, colonne.intestazioni().get(c)).setCellStyle(grassetto);
            }
            for (GraduatoriaService.Riga riga : righe) {
                Row row = sheet.createRow(r++);
                List<Object> valori = valori(riga, colonne, graduatoria);
                for (int c = 0; c < valori.size(); c++) {
                    Object valore = valori.get(c);
                    if (valore instanceof BigDecimal numero) {
                        Cell cell = row.createCell(c);
                        cell.setCellValue(numero.doubleValue());
                        cell.setCellStyle(treDecimali);
                    } else if (valore instanceof Long numero) {
                        row.createCell(c).setCellValue(numero);
                    } else {
                        Cell cell = cella(row, c, valore == null ? "" : valore.toString());
                        if (valore != null && CelleSicure.sembraFormula(valore.toString())) {
                            cell.setCellStyle(testoLetterale);
                        }
                    }
                }
            }
            for (int c = 0; c < colonne.intestazioni().size(); c++) {
                sheet.setColumnWidth(c, 18 * 256);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Semicolon-separated, Italian decimals («28,380»), as Excel in Italian opens it. */
    public String csv(Graduatoria graduatoria, List<GraduatoriaService.Riga> righe) {
        Colonne colonne = colonne(graduatoria);
        StringBuilder csv = new StringBuilder();
        for (String[] intestazione : intestazione(graduatoria)) {
            csv.append(campo(intestazione[0])).append(';').append(campo(intestazione[1])).append("\r\n");
        }
        csv.append("\r\n").append(String.join(";", colonne.intestazioni().stream().map(EsportazioneGraduatoria::campo).toList()))
                .append("\r\n");
        for (GraduatoriaService.Riga riga : righe) {
            List<String> campi = new ArrayList<>();
            for (Object valore : valori(riga, colonne, graduatoria)) {
                campi.add(valore instanceof BigDecimal numero ? ItalianFormats.decimale(numero, 3)
                        : campo(valore == null ? "" : valore.toString()));
            }
            csv.append(String.join(";", campi)).append("\r\n");
        }
        return csv.toString();
    }

    private static List<String[]> intestazione(Graduatoria g) {
        return List.of(new String[] {"ENTE PROPRIETARIO", g.getEnte().getRagioneSociale()},
                new String[] {"ID AVVISO", g.getAvviso().getId().toString()},
                new String[] {"COMUNE DI RIFERIMENTO", g.getComune().getNome()},
                new String[] {"STATO", g.getStato().name()});
    }

    private static Colonne colonne(Graduatoria g) {
        int alloggi = g.getAvviso().getMassimoAlloggiPerDomanda();
        boolean riserva = g.getAvviso().isRiserveCategorie();
        List<String> intestazioni = new ArrayList<>(List.of("POSIZIONE", "ID DOMANDA", "PUNTEGGIO ISBAR"));
        for (int i = 1; i <= alloggi; i++) {
            intestazioni.add(i == 1 ? "ALLOGGIO 1" : "ALLOGGIO " + i + " (eventuale)");
        }
        intestazioni.addAll(List.of("CONDIZIONE DI INDIGENZA", "PRIORITÀ NELL'ASSEGNAZIONE"));
        if (riserva) {
            intestazioni.add("RISERVA");
        }
        intestazioni.addAll(List.of("PARIMERITO", "PERIODO DI RESIDENZA SUL TERRITORIO COMUNALE",
                "PERIODO DI RESIDENZA SUL TERRITORIO REGIONALE", "PUNTEGGIO DELLA CONDIZIONE DI DISAGIO FAMILIARE",
                "PUNTEGGIO DELLA CONDIZIONE DI DISAGIO ABITATIVO", "PUNTEGGIO DELLA CONDIZIONE DI DISAGIO ECONOMICO",
                "ALLOGGI SCELTI (PREFERENZA, COMUNE, TITOLO ART. 9)"));
        return new Colonne(intestazioni, alloggi, riserva);
    }

    private static List<Object> valori(GraduatoriaService.Riga riga, Colonne colonne, Graduatoria g) {
        List<Object> valori = new ArrayList<>(List.of((long) riga.posizione(), riga.domandaId(), riga.isbar()));
        List<String> alloggi = Arrays.stream(riga.alloggi().replaceAll("[\\[\\] ]", "").split(","))
                .filter(s -> !s.isBlank()).toList();
        for (int i = 0; i < colonne.alloggi(); i++) {
            valori.add(i < alloggi.size() ? Long.valueOf(alloggi.get(i)) : "");
        }
        valori.add(siNo(riga.indigente()));
        valori.add(siNo(riga.priorita()));
        if (colonne.riserva()) {
            valori.add(riga.riserva() ? "X" : "");
        }
        LocalDate riferimento = LocalDate.ofInstant(g.getGenerataIl(), ROMA);
        valori.add(siNo(riga.parimerito()));
        valori.add(fasciaComune(riga.residenteComuneDal(), riferimento));
        valori.add(fasciaRegione(riga.residenteLombardiaDal(), riferimento));
        valori.add(riga.puntiFamiliare());
        valori.add(riga.puntiAbitativo());
        valori.add(riga.puntiEconomico());
        valori.add(SceltaInElenco.inUnaRiga(riga.scelte()));
        return valori;
    }

    /** The bands the platform's report shows («10 anni +», «7 – 10 anni», …). */
    static String fasciaComune(LocalDate dal, LocalDate al) {
        int anni = dal == null ? 0 : Period.between(dal, al).getYears();
        return anni >= 10 ? "10 anni +" : anni >= 7 ? "7 – 10 anni" : anni >= 5 ? "5 – 7 anni" : "meno di 5 anni";
    }

    static String fasciaRegione(LocalDate dal, LocalDate al) {
        int anni = dal == null ? 0 : Period.between(dal, al).getYears();
        return anni >= 15 ? "15 anni +" : anni >= 10 ? "10 – 15 anni" : anni >= 5 ? "5 – 10 anni" : "meno di 5 anni";
    }

    private static String siNo(boolean valore) {
        return valore ? "SI" : "NO";
    }

    private static Cell cella(Row row, int colonna, String testo) {
        Cell cell = row.createCell(colonna);
        cell.setCellValue(testo);
        return cell;
    }

    /** A CSV field: a text that would run as a formula starts with an apostrophe, and is then quoted like any special one. */
    private static String campo(String testo) {
        String sicuro = CelleSicure.perCsv(testo);
        return sicuro.contains(";") || sicuro.contains("\"") || sicuro.contains("\n") || sicuro.contains("\r") || sicuro.startsWith("'")
                ? "\"" + sicuro.replace("\"", "\"\"") + "\"" : sicuro;
    }
}
