package it.piattaformacasa.report.web;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import it.piattaformacasa.common.DatiNonValidiException;
import it.piattaformacasa.common.web.PaginaConsole;
import it.piattaformacasa.report.ReportService;
import it.piattaformacasa.report.Tabella;

/**
 * The avviso's reports downloaded from its page in the console (issue 12): {@code /api/avvisi/{id}/report/{nome}} asks
 * for Basic credentials, which a console session does not send. Same service (so the same per-ente rows), same files.
 */
@Controller
@PaginaConsole
class ReportPagine {

    private final ReportService report;

    ReportPagine(ReportService report) {
        this.report = report;
    }

    @GetMapping("/avvisi/{id}/report/{nome}")
    ResponseEntity<?> scarica(@PathVariable("id") long avvisoId, @PathVariable String nome,
                              @RequestParam(defaultValue = "xlsx") String formato) {
        if (!formato.equals("xlsx") && !formato.equals("csv")) {
            throw DatiNonValidiException.campo("formato", "formato sconosciuto (ammessi: xlsx, csv)");
        }
        Tabella tabella = report.report(avvisoId, ReportController.quale(nome));
        return Scaricamento.di(tabella, tabella, formato, nome + "-avviso-" + avvisoId);
    }
}
