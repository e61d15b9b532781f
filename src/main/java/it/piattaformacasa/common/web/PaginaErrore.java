package it.piattaformacasa.common.web;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.web.util.HtmlUtils;

/**
 * The error page a person sees in a browser: Italian, readable without JavaScript or external assets, with a
 * language, a title, one heading and a way back (Tasklist, the operators' inbox). Also the place that knows the
 * one error page with its own wording: a Camunda webapp (Cockpit, Admin) refused to an operator without access to it.
 */
public final class PaginaErrore {

    /**
     * A page of a webapp ({@code /camunda/app/cockpit/...}) or the login to it
     * ({@code /camunda/api/admin/auth/user/default/login/cockpit}, which Camunda answers 403 with no body).
     */
    private static final Pattern WEBAPP = Pattern.compile(
            "(?:/app/|/api/admin/auth/user/[^/]+/login/)(tasklist|cockpit|admin|welcome)(/|$)");

    private PaginaErrore() {
    }

    /**
     * @param uri            the path the person asked for (without the context path), or null when unknown
     * @param contextPath    the servlet context path ("" at the root)
     * @param percorsoWebapp where the Camunda webapps live ({@code /camunda})
     */
    public static String html(Problema problema, String uri, String contextPath, String percorsoWebapp) {
        Problema mostrato = perLaWebapp(problema, uri, percorsoWebapp);
        String tasklist = contextPath + percorsoWebapp + "/app/tasklist/";
        // no access to Tasklist itself: a link back to it would only show this page again
        boolean daTasklist = problema.status() == 403 && uri != null && uri.startsWith(percorsoWebapp + "/app/tasklist");
        String link = daTasklist ? contextPath + "/" : tasklist;
        String etichetta = daTasklist ? "Torna alla pagina iniziale" : "Vai a Tasklist, le tue attività";
        StringBuilder html = new StringBuilder(1400)
                .append("<!DOCTYPE html>\n<html lang=\"it\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(testo(mostrato.titolo())).append(" – Piattaforma Casa</title>\n")
                // the webapps' icon: without one the browser asks for /favicon.ico, which nothing serves (a 404 more)
                .append("<link rel=\"icon\" href=\"").append(HtmlUtils.htmlEscape(contextPath + percorsoWebapp))
                .append("/favicon.ico\">\n")
                .append("<style>")
                .append("body{margin:0;font-family:\"Titillium Web\",Geneva,Tahoma,sans-serif;font-size:1.125rem;")
                .append("line-height:1.5;color:#1a1a1a;background:#fff}")
                .append("header{background:#0066cc;color:#fff;padding:.75rem 1.5rem;font-weight:600}")
                .append("main{max-width:42rem;padding:1.5rem}h1{font-size:1.75rem;margin:0 0 1rem}")
                .append(".codice{color:#4d4d4d;font-size:1rem}a{color:#0059b3}")
                .append("a:focus{outline:3px solid #e68a00;outline-offset:2px}")
                .append("</style>\n</head>\n<body>\n<header>Piattaforma Casa</header>\n<main>\n")
                .append("<h1>").append(testo(mostrato.titolo())).append("</h1>\n")
                .append("<p>").append(testo(mostrato.dettaglio())).append("</p>\n");
        for (Problema.Campo campo : mostrato.errori()) {
            html.append("<p>").append(testo(campo.campo())).append(": ").append(testo(campo.messaggio())).append("</p>\n");
        }
        html.append("<p class=\"codice\">Codice di errore HTTP ").append(mostrato.status());
        if (mostrato.riferimento() != null) {
            html.append(" – riferimento per l'assistenza: ").append(testo(mostrato.riferimento()));
        }
        return html.append(".</p>\n<p><a href=\"").append(HtmlUtils.htmlEscape(link)).append("\">")
                .append(etichetta).append("</a></p>\n</main>\n</body>\n</html>\n").toString();
    }

    /** A 403 on a Camunda webapp (page or login) is the operator without access to that application: say so, by name. */
    public static Problema perLaWebapp(Problema problema, String uri, String percorsoWebapp) {
        if (problema.status() != 403 || uri == null || !uri.startsWith(percorsoWebapp + "/")) {
            return problema;
        }
        Matcher webapp = WEBAPP.matcher(uri.substring(percorsoWebapp.length()));
        if (!webapp.lookingAt()) {
            return problema;
        }
        String nome = webapp.group(1);
        String applicazione = nome.substring(0, 1).toUpperCase(Locale.ROOT) + nome.substring(1);
        String dettaglio = "tasklist".equals(nome)
                ? "Il tuo utente non ha accesso a Tasklist. Chiedi all'amministratore della piattaforma di abilitarti."
                : "Il tuo utente non ha accesso all'applicazione " + applicazione + ". Le attività che ti riguardano "
                        + "sono in Tasklist; se ti serve " + applicazione + ", chiedi all'amministratore della piattaforma.";
        String a = "AEIOU".indexOf(applicazione.charAt(0)) >= 0 ? "ad " : "a ";
        return Problema.di(403, "Nessun accesso " + a + applicazione, dettaglio);
    }

    private static String testo(String valore) {
        return HtmlUtils.htmlEscape(valore == null ? "" : valore, "UTF-8");
    }
}
