package it.piattaformacasa.report.web;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.piattaformacasa.common.DatiNonValidiException;
import it.piattaformacasa.report.ReportService;
import it.piattaformacasa.report.Tabella;

@RestController
@Tag(name = "Report", description = "Report dell'avviso: domande, alloggi, domande non assegnatarie")
class ReportController {

    private final ReportService report;

    ReportController(ReportService report) {
        this.report = report;
    }

    @GetMapping("/api/avvisi/{avvisoId}/report/{nome}")
    @Operation(summary = "Report dell'avviso (domande-in-avviso, alloggi-in-avviso, domande-non-assegnatarie) in JSON, "
            + "come .xlsx (formato=xlsx) o CSV (formato=csv)")
    ResponseEntity<?> report(@PathVariable long avvisoId, @PathVariable String nome,
                             @RequestParam(defaultValue = "json") String formato) {
        Tabella tabella = report.report(avvisoId, quale(nome));
        return Scaricamento.di(tabella, tabella, formato, nome + "-avviso-" + avvisoId);
    }

    /** The report named in the address, as the API and the console's downloads name it («domande-in-avviso»). */
    static ReportService.Report quale(String nome) {
        try {
            return ReportService.Report.valueOf(nome.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw DatiNonValidiException.campo("nome", "report sconosciuto (ammessi: domande-in-avviso, alloggi-in-avviso, "
                    + "domande-non-assegnatarie)");
        }
    }
}
