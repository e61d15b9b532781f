package it.piattaformacasa.config.process.errori;

import java.util.regex.Pattern;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;

/**
 * Two questions every webapp page asks as it loads, which Camunda answers 404 when the answer is «none»:
 * <ul>
 * <li>«who is logged in» ({@code GET /camunda/api/admin/auth/user/{engine}}, UserAuthenticationResource) before
 * anybody has logged in;</li>
 * <li>«which password policy» ({@code GET /camunda/api/engine/engine/{engine}/identity/password-policy}, asked by
 * the profile page of Welcome and by Admin) with the policy switched off, as it is here.</li>
 * </ul>
 * Nothing is missing: there is simply nobody, and no policy. {@code 204} says so, the browser no longer lists a
 * failed request on every visit, and the webapps read it as they read the 404 (anything but 200 with a body: «log in»,
 * «no rules to show»). {@code /engine-rest} keeps Camunda's documented 404.
 */
public class NullaDaDire implements ContainerResponseFilter {

    private static final Pattern DOMANDE = Pattern.compile("/?(auth/user/[^/]+|engine/[^/]+/identity/password-policy)/?");

    @Override
    public void filter(ContainerRequestContext richiesta, ContainerResponseContext risposta) {
        if ("GET".equals(richiesta.getMethod()) && risposta.getStatus() == 404
                && DOMANDE.matcher(richiesta.getUriInfo().getPath()).matches()) {
            risposta.setStatus(204);
            risposta.setEntity(null);
        }
    }
}
