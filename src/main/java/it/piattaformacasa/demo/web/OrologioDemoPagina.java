package it.piattaformacasa.demo.web;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.HtmlUtils;

import it.piattaformacasa.common.ConflittoException;
import it.piattaformacasa.common.DatiNonValidiException;
import it.piattaformacasa.common.ItalianFormats;
import it.piattaformacasa.common.sicurezza.UtenteCorrente;
import it.piattaformacasa.demo.OrologioDemoService;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The administrator's page of the demo clock: plain HTML forms that work without JavaScript, posting to this page
 * (HTTP Basic as the API, so the browser asks for the same user and password; the origin checks and CSRF rules of
 * the API apply). After a change the browser is sent back here (303), so reloading never moves the clock twice; a
 * refused amount comes back with the message next to its field and summarised at the top.
 */
@Controller
@RequestMapping("/demo/orologio")
class OrologioDemoPagina {

    private static final String HTML_UTF8 = MediaType.TEXT_HTML_VALUE + ";charset=UTF-8";
    private static final String CAMPO = "quantita";

    private final OrologioDemoService orologio;
    private final UtenteCorrente utente;
    private final String percorsoWebapp;

    OrologioDemoPagina(OrologioDemoService orologio, UtenteCorrente utente,
                       @Value("${camunda.bpm.webapp.application-path:/camunda}") String percorsoWebapp) {
        this.orologio = orologio;
        this.utente = utente;
        this.percorsoWebapp = percorsoWebapp;
    }

    /** What the person typed and what was wrong with it, to show again. */
    private record Modulo(String quantita, String unita, Map<String, String> errori, String problema) {
        static Modulo vuoto() {
            return new Modulo("", "giorni", Map.of(), null);
        }
    }

    @GetMapping(produces = MediaType.TEXT_HTML_VALUE)
    @PreAuthorize("hasRole('AMMINISTRATORE')")
    ResponseEntity<String> pagina(@RequestParam(required = false) String esito, HttpServletRequest request) {
        return pagina(HttpStatus.OK, Modulo.vuoto(), "fatto".equals(esito), request);
    }

    @PostMapping(value = "/avanza", produces = MediaType.TEXT_HTML_VALUE)
    @PreAuthorize("hasRole('AMMINISTRATORE')")
    ResponseEntity<String> avanza(@RequestParam(required = false) String ore, @RequestParam(required = false) String giorni,
                                  @RequestParam(required = false) String quantita, @RequestParam(required = false) String unita,
                                  HttpServletRequest request) {
        boolean libero = ore == null && giorni == null;
        String scelta = "ore".equals(unita) ? "ore" : "giorni";
        Modulo modulo = new Modulo(libero && quantita != null ? quantita.strip() : "", scelta, Map.of(), null);
        try {
            if (libero) {
                Integer valore = numero(quantita, unita);
                orologio.avanza("ore".equals(unita) ? valore : null, "giorni".equals(unita) ? valore : null, utente.username());
            } else {
                // the quick buttons: their values are the page's own, so a wrong one is a tampered request
                orologio.avanza(intero(ore), intero(giorni), utente.username());
            }
        } catch (DatiNonValidiException e) {
            Map<String, String> errori = new LinkedHashMap<>();
            e.errori().forEach(x -> errori.putIfAbsent(libero ? (x.campo().equals("unita") ? "unita" : CAMPO) : "",
                    maiuscola(x.messaggio())));
            return pagina(HttpStatus.BAD_REQUEST, new Modulo(modulo.quantita(), modulo.unita(), errori, null), false, request);
        } catch (ConflittoException e) {
            return pagina(HttpStatus.CONFLICT, new Modulo(modulo.quantita(), modulo.unita(), Map.of(), e.getMessage()), false, request);
        }
        return fatto(request);
    }

    @PostMapping(value = "/ripristina", produces = MediaType.TEXT_HTML_VALUE)
    @PreAuthorize("hasRole('AMMINISTRATORE')")
    ResponseEntity<String> ripristina(HttpServletRequest request) {
        try {
            orologio.ripristina(utente.username());
        } catch (ConflittoException e) {
            return pagina(HttpStatus.CONFLICT, new Modulo("", "giorni", Map.of(), e.getMessage()), false, request);
        }
        return fatto(request);
    }

    private static ResponseEntity<String> fatto(HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(request.getContextPath() + "/demo/orologio?esito=fatto"))
                .build();
    }

    /** The free amount: a whole number and its unit, each refused with its own reason. */
    private static Integer numero(String quantita, String unita) {
        String testo = quantita == null ? "" : quantita.strip();
        if (testo.isEmpty()) {
            throw DatiNonValidiException.campo(CAMPO, "indicare di quante ore o di quanti giorni avanzare");
        }
        if (!testo.matches("-?[0-9]{1,9}")) {
            throw DatiNonValidiException.campo(CAMPO, "scrivere un numero intero di ore o di giorni, per esempio 3");
        }
        if (!"ore".equals(unita) && !"giorni".equals(unita)) {
            throw DatiNonValidiException.campo("unita", "scegliere ore oppure giorni");
        }
        return Integer.valueOf(testo);
    }

    private static Integer intero(String valore) {
        if (valore == null) {
            return null;
        }
        if (!valore.matches("-?[0-9]{1,9}")) {
            throw DatiNonValidiException.campo("", "richiesta non valida: ricaricare la pagina e riprovare");
        }
        return Integer.valueOf(valore);
    }

    private ResponseEntity<String> pagina(HttpStatus status, Modulo modulo, boolean fatto, HttpServletRequest request) {
        OrologioDemoService.Stato stato = orologio.stato();
        CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        String csrf = token == null ? "" : "<input type=\"hidden\" name=\"" + t(token.getParameterName()) + "\" value=\""
                + t(token.getToken()) + "\">\n";
        String base = request.getContextPath();
        boolean errori = !modulo.errori().isEmpty();
        StringBuilder html = new StringBuilder(8000)
                .append("<!DOCTYPE html>\n<html lang=\"it\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                // no icon to fetch: the platform has none
                .append("<link rel=\"icon\" href=\"data:,\">\n")
                .append("<title>").append(errori || modulo.problema() != null ? "Errore: " : "")
                .append("Orologio della demo – Piattaforma Casa</title>\n<style>").append(STILE).append("</style>\n</head>\n<body>\n")
                .append("<a class=\"salta\" href=\"#contenuto\">Vai al contenuto</a>\n")
                .append("<header>Piattaforma Casa – demo</header>\n<main id=\"contenuto\">\n<h1>Orologio della demo</h1>\n");
        if (errori) {
            html.append("<div class=\"riepilogo\" role=\"alert\" aria-labelledby=\"riepilogo-titolo\">\n")
                    .append("<h2 id=\"riepilogo-titolo\">L'orologio non è stato spostato</h2>\n<ul>\n");
            modulo.errori().forEach((campo, messaggio) -> html.append("<li>").append(campo.isEmpty() ? t(messaggio)
                    : "<a href=\"#" + (campo.equals("unita") ? "unita-ore" : CAMPO) + "\">" + t(messaggio) + "</a>").append("</li>\n"));
            html.append("</ul>\n</div>\n");
        }
        if (modulo.problema() != null) {
            html.append("<div class=\"riepilogo\" role=\"alert\"><h2>Operazione non possibile</h2>\n<p>")
                    .append(t(modulo.problema())).append("</p></div>\n");
        }
        if (fatto && !stato.spostamenti().isEmpty()) {
            OrologioDemoService.Spostamento ultimo = stato.spostamenti().get(0);
            boolean avanti = ultimo.operazione() == OrologioDemoService.Operazione.AVANZA;
            html.append("<div class=\"esito\" role=\"status\"><p>Fatto: ")
                    .append(avanti ? t(ultimo.richiesta()) : "la piattaforma è tornata all'ora reale")
                    .append(". Per la piattaforma erano le ").append(ItalianFormats.dataOra(ultimo.oraPrima())).append(", ora sono le ")
                    .append(ItalianFormats.dataOra(ultimo.oraDopo())).append(avanti ? ". I timer scaduti partono entro pochi secondi." : ".")
                    .append("</p></div>\n");
        }
        html.append("<p class=\"ora\">Per la piattaforma sono le <strong>").append(tempo(stato.ora()))
                .append("</strong> <span class=\"fuso\">(ora di Roma)</span></p>\n<p>Ora reale: ").append(tempo(stato.oraReale()))
                .append(" – ").append(stato.scostamento().isZero() ? "la piattaforma segue l'ora reale."
                        : "la piattaforma è <strong>avanti di " + t(OrologioDemoService.descrivi(stato.scostamento())) + "</strong>.")
                .append("</p>\n<p>Con l'orologio si spostano il motore dei processi e la piattaforma: i timer scaduti (apertura e "
                        + "chiusura degli avvisi, termini delle attività) partono entro pochi secondi, le scadenze e i semafori "
                        + "seguono la nuova data. L'orologio va solo avanti; tornando all'ora reale, ciò che è stato fatto nei "
                        + "giorni simulati conserva le sue date.</p>\n");
        if (!stato.modificabile()) {
            html.append("<p class=\"avviso\">").append(t(stato.motivo())).append("</p>\n");
        } else {
            moduli(html, modulo, csrf, base);
        }
        registro(html, stato);
        html.append("<p><a href=\"").append(t(base + percorsoWebapp)).append("/app/tasklist/\">Vai a Tasklist</a> · <a href=\"")
                .append(t(base + percorsoWebapp)).append("/app/cockpit/\">Vai a Cockpit</a></p>\n</main>\n</body>\n</html>\n");
        return ResponseEntity.status(status).header("Content-Type", HTML_UTF8).header("Cache-Control", "no-store").body(html.toString());
    }

    private static void moduli(StringBuilder html, Modulo modulo, String csrf, String base) {
        String azione = t(base + "/demo/orologio/avanza");
        html.append("<h2>Avanza</h2>\n<form method=\"post\" action=\"").append(azione).append("\" novalidate>\n").append(csrf)
                .append("<div class=\"pulsanti\" role=\"group\" aria-label=\"Avanzamenti rapidi\">\n")
                .append("<button type=\"submit\" name=\"ore\" value=\"1\">+1 ora</button>\n")
                .append("<button type=\"submit\" name=\"giorni\" value=\"1\">+1 giorno</button>\n")
                .append("<button type=\"submit\" name=\"giorni\" value=\"5\">+5 giorni</button>\n")
                .append("<button type=\"submit\" name=\"giorni\" value=\"15\">+15 giorni</button>\n</div>\n</form>\n");
        String errore = modulo.errori().get(CAMPO);
        String erroreUnita = modulo.errori().get("unita");
        html.append("<h2>Avanza di una quantità a scelta</h2>\n<form method=\"post\" action=\"").append(azione)
                .append("\" novalidate>\n").append(csrf)
                .append("<div class=\"campo").append(errore != null ? " con-errore" : "").append("\">\n")
                .append("<label for=\"").append(CAMPO).append("\">Quantità</label>\n")
                .append("<p id=\"quantita-aiuto\" class=\"aiuto\">Un numero intero: da 1 a ").append(OrologioDemoService.MASSIMO_ORE)
                .append(" ore oppure da 1 a ").append(OrologioDemoService.MASSIMO_GIORNI).append(" giorni.</p>\n");
        if (errore != null) {
            html.append("<p id=\"quantita-errore\" class=\"messaggio-errore\"><span class=\"nascosto\">Errore: </span>")
                    .append(t(errore)).append("</p>\n");
        }
        html.append("<input id=\"").append(CAMPO).append("\" name=\"").append(CAMPO)
                .append("\" type=\"text\" inputmode=\"numeric\" autocomplete=\"off\" size=\"6\" value=\"").append(t(modulo.quantita()))
                .append("\" aria-describedby=\"quantita-aiuto").append(errore != null ? " quantita-errore\" aria-invalid=\"true" : "")
                .append("\">\n</div>\n<fieldset class=\"campo").append(erroreUnita != null ? " con-errore" : "").append("\">\n")
                .append("<legend>Unità</legend>\n");
        if (erroreUnita != null) {
            html.append("<p class=\"messaggio-errore\"><span class=\"nascosto\">Errore: </span>").append(t(erroreUnita)).append("</p>\n");
        }
        for (String unita : new String[] {"ore", "giorni"}) {
            html.append("<div class=\"scelta\"><input type=\"radio\" id=\"unita-").append(unita).append("\" name=\"unita\" value=\"")
                    .append(unita).append("\"").append(unita.equals(modulo.unita()) ? " checked" : "").append("><label for=\"unita-")
                    .append(unita).append("\">").append(unita).append("</label></div>\n");
        }
        html.append("</fieldset>\n<button type=\"submit\">Avanza</button>\n</form>\n")
                .append("<h2>Torna all'ora reale</h2>\n<form method=\"post\" action=\"").append(t(base + "/demo/orologio/ripristina"))
                .append("\">\n").append(csrf)
                .append("<button type=\"submit\" class=\"secondario\">Torna all'ora reale</button>\n</form>\n");
    }

    private static void registro(StringBuilder html, OrologioDemoService.Stato stato) {
        html.append("<h2>Ultimi spostamenti</h2>\n");
        if (stato.spostamenti().isEmpty()) {
            html.append("<p>Nessuno spostamento finora.</p>\n");
            return;
        }
        int quanti = stato.spostamenti().size();
        html.append("<table>\n<caption>").append(quanti == 1 ? "L'ultimo spostamento" : "Gli ultimi " + quanti + " spostamenti, dal più recente")
                .append("</caption>\n<thead><tr><th scope=\"col\">Quando (ora reale)</th>")
                .append("<th scope=\"col\">Chi</th><th scope=\"col\">Spostamento</th><th scope=\"col\">Ora della piattaforma prima</th>")
                .append("<th scope=\"col\">Ora della piattaforma dopo</th></tr></thead>\n<tbody>\n");
        for (OrologioDemoService.Spostamento s : stato.spostamenti()) {
            html.append("<tr><td>").append(tempo(s.eseguitaIl())).append("</td><td>").append(t(s.eseguitaDa())).append("</td><td>")
                    .append(t(s.richiesta())).append("</td><td>").append(tempo(s.oraPrima())).append("</td><td>")
                    .append(tempo(s.oraDopo())).append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n");
    }

    private static String tempo(Instant istante) {
        return "<time datetime=\"" + OrologioDemoController.roma(istante).withNano(0) + "\">" + ItalianFormats.dataOra(istante) + "</time>";
    }

    private static String maiuscola(String testo) {
        return testo.isEmpty() ? testo : Character.toUpperCase(testo.charAt(0)) + testo.substring(1);
    }

    private static String t(String testo) {
        return HtmlUtils.htmlEscape(testo == null ? "" : testo, "UTF-8");
    }

    /** The error page's look (PaginaErrore), with AA contrast and a visible focus. */
    private static final String STILE = "body{margin:0;font-family:\"Titillium Web\",Geneva,Tahoma,sans-serif;font-size:1.125rem;"
            + "line-height:1.5;color:#1a1a1a;background:#fff}"
            + "header{background:#0066cc;color:#fff;padding:.75rem 1.5rem;font-weight:600}"
            + "main{max-width:48rem;padding:1.5rem}h1{font-size:1.75rem;margin:0 0 1rem}h2{font-size:1.375rem;margin:2rem 0 .75rem}"
            + ".ora{font-size:1.5rem;margin:0 0 .25rem}.fuso,.aiuto{color:#4d4d4d}.aiuto{margin:.25rem 0}"
            + "button{font:inherit;font-weight:600;color:#fff;background:#0066cc;border:2px solid #0066cc;border-radius:4px;"
            + "padding:.5rem 1rem;margin:0 .5rem .5rem 0;cursor:pointer}button:hover{background:#004d99}"
            + "button.secondario{color:#0066cc;background:#fff}button.secondario:hover{background:#e6f0fa}"
            + "input[type=text]{font:inherit;padding:.375rem .5rem;border:2px solid #5c6f82;border-radius:4px;width:6rem}"
            + ".campo{margin:0 0 1rem}fieldset{border:0;padding:0}legend{font-weight:600;padding:0}label{font-weight:600;display:block}"
            + ".scelta{display:inline-block;margin-right:1.5rem}.scelta label{display:inline;font-weight:400;margin-left:.25rem}"
            + ".con-errore{border-left:5px solid #a61e32;padding-left:.75rem}.con-errore input{border-color:#a61e32}"
            + ".messaggio-errore{color:#a61e32;font-weight:600;margin:.25rem 0}"
            + ".riepilogo{border:4px solid #a61e32;padding:.5rem 1rem;margin:0 0 1.5rem}.riepilogo h2{margin:.25rem 0}"
            + ".riepilogo a{color:#a61e32;font-weight:600}.esito{border:4px solid #00804d;padding:.25rem 1rem;margin:0 0 1.5rem}"
            + ".avviso{border-left:5px solid #995c00;padding-left:.75rem}"
            + "table{border-collapse:collapse;width:100%;font-size:1rem}caption{text-align:left;color:#4d4d4d}"
            + "th,td{text-align:left;padding:.375rem .5rem;border-bottom:1px solid #c5c7c9}"
            + "a{color:#0059b3}a:focus,button:focus,input:focus{outline:3px solid #1a1a1a;outline-offset:2px}"
            + ".salta{position:absolute;left:-999px}.salta:focus{left:1rem;top:.5rem;background:#fff;padding:.25rem .5rem}"
            + ".nascosto{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}";
}
