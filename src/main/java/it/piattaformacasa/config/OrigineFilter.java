package it.piattaformacasa.config;

import java.io.IOException;
import java.net.URI;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.web.filter.OncePerRequestFilter;

import it.piattaformacasa.common.web.FormatoErrore;
import it.piattaformacasa.common.web.Problema;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A browser on another site must not reach the API with the credentials it holds for this one (cached HTTP Basic,
 * cookies). Browsers say where a request comes from: {@code Origin} on every cross-origin modifying request,
 * {@code Sec-Fetch-Site} on every request of a modern browser, {@code Referer} otherwise. A modifying request that
 * names a foreign origin in any of them is refused; clients that are not browsers (curl, other services) send none
 * and are judged by their credentials alone. Same-origin pages of the platform pass; other origins can be allowed
 * with {@code piattaforma.sicurezza.origini-consentite}.
 */
class OrigineFilter extends OncePerRequestFilter {

    private static final Set<String> SICURI = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private static final Problema DA_ALTRO_SITO = Problema.di(HttpServletResponse.SC_FORBIDDEN, "Richiesta da un altro sito",
            "La richiesta proviene da una pagina di un altro sito: per sicurezza le modifiche si fanno solo dalle pagine "
                    + "della piattaforma o da client che non sono browser");

    private final Set<String> consentite;
    private final String percorsoWebapp;

    OrigineFilter(Collection<String> consentite, String percorsoWebapp) {
        this.percorsoWebapp = percorsoWebapp;
        // the setting's empty entries (an unset list binds as one empty string) allow nothing
        this.consentite = consentite.stream().filter(o -> !o.isBlank()).map(OrigineFilter::normalizza)
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (SICURI.contains(request.getMethod().toUpperCase(Locale.ROOT)) || daQuestoSito(request)) {
            chain.doFilter(request, response);
            return;
        }
        FormatoErrore.scrivi(request, response, DA_ALTRO_SITO, percorsoWebapp);
    }

    private boolean daQuestoSito(HttpServletRequest request) {
        String propria = propria(request);
        String origin = request.getHeader("Origin");
        if (origin != null) {
            return ammessa(normalizza(origin), propria);
        }
        String sito = request.getHeader("Sec-Fetch-Site");
        if (sito != null && !sito.equalsIgnoreCase("same-origin") && !sito.equalsIgnoreCase("none")) {
            return false;
        }
        String referer = request.getHeader("Referer");
        if (referer != null) {
            return ammessa(origineDi(referer), propria);
        }
        return true;
    }

    private boolean ammessa(String origine, String propria) {
        return origine != null && (origine.equals(propria) || consentite.contains(origine));
    }

    /** This platform's origin as the browser sees it (behind a proxy, with forwarded headers honoured by Spring). */
    private static String propria(HttpServletRequest request) {
        String schema = request.getScheme().toLowerCase(Locale.ROOT);
        int porta = request.getServerPort();
        boolean predefinita = (schema.equals("http") && porta == 80) || (schema.equals("https") && porta == 443);
        return schema + "://" + request.getServerName().toLowerCase(Locale.ROOT) + (predefinita ? "" : ":" + porta);
    }

    private static String origineDi(String indirizzo) {
        try {
            URI uri = URI.create(indirizzo.strip());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return null;
            }
            return normalizza(uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort()));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static String normalizza(String origine) {
        String o = origine.strip().toLowerCase(Locale.ROOT);
        if (o.endsWith("/")) {
            o = o.substring(0, o.length() - 1);
        }
        return o.replaceFirst("^http://([^/]+):80$", "http://$1").replaceFirst("^https://([^/]+):443$", "https://$1");
    }
}
