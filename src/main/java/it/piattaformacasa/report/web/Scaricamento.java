package it.piattaformacasa.report.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import it.piattaformacasa.common.DatiNonValidiException;
import it.piattaformacasa.report.Tabella;
import it.piattaformacasa.report.TabellaLunga;

/** A table as the caller asked for it: JSON, or a download as .xlsx or CSV. */
public final class Scaricamento {

    private static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    private static final MediaType CSV = MediaType.parseMediaType("text/csv; charset=UTF-8");

    /**
     * At most this many rows in a console list's download: the list as its page filters it, not only the page (the
     * 100 000 domande of the largest avviso still fit).
     */
    public static final int RIGHE_MASSIME = 100_000;

    private Scaricamento() {
    }

    /** @param json what to answer for {@code formato=json} (the table itself or a richer object) */
    public static ResponseEntity<?> di(Tabella tabella, Object json, String formato, String file) {
        return switch (formato) {
            case "json" -> ResponseEntity.ok(json);
            case "xlsx" -> ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file + ".xlsx\"")
                    .contentType(XLSX).body(tabella.xlsx());
            case "csv" -> ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file + ".csv\"")
                    .contentType(CSV).body(tabella.csv());
            default -> throw DatiNonValidiException.campo("formato", "formato sconosciuto (ammessi: json, xlsx, csv)");
        };
    }

    /** A long list as .xlsx or CSV, its rows written as they are read. */
    public static ResponseEntity<byte[]> di(TabellaLunga tabella, String formato, String file) {
        return switch (formato) {
            case "xlsx" -> ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file + ".xlsx\"")
                    .contentType(XLSX).body(tabella.xlsx());
            case "csv" -> ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file + ".csv\"")
                    .contentType(CSV).body(tabella.csv());
            default -> throw formatoSconosciuto();
        };
    }

    /** Checked before the list is read: a download is .xlsx or CSV. */
    public static void controllaFormato(String formato) {
        if (!"xlsx".equals(formato) && !"csv".equals(formato)) {
            throw formatoSconosciuto();
        }
    }

    private static DatiNonValidiException formatoSconosciuto() {
        return DatiNonValidiException.campo("formato", "formato sconosciuto (ammessi: xlsx, csv)");
    }
}
