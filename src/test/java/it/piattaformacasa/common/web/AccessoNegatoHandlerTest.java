package it.piattaformacasa.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.csrf.MissingCsrfTokenException;

/** What Spring Security's refusals say once SecurityConfiguration hands them to this handler. */
class AccessoNegatoHandlerTest {

    private final AccessoNegatoHandler handler = new AccessoNegatoHandler("/camunda");

    @Test
    void unRifiutoCsrfNominaIlTokenDiSicurezza() throws Exception {
        MockHttpServletResponse risposta = gestisci("application/json", new MissingCsrfTokenException(null));

        assertThat(risposta.getStatus()).isEqualTo(403);
        assertThat(risposta.getContentType()).startsWith("application/problem+json");
        assertThat(risposta.getContentAsString())
                .contains("\"title\":\"Richiesta non verificata\"", "token di sicurezza (CSRF)", "\"instance\":\"/api/enti/1/certificazioni\"")
                .doesNotContain("Exception", "Forbidden");
    }

    @Test
    void unAltroRifiutoDiceCheMancanoIPermessi() throws Exception {
        MockHttpServletResponse risposta = gestisci("application/json", new AccessDeniedException("Access Denied"));

        assertThat(risposta.getContentAsString()).contains("\"title\":\"Operazione non consentita\"", "non ha i permessi")
                .doesNotContain("Access Denied");
    }

    @Test
    void unBrowserRiceveLaPagina() throws Exception {
        MockHttpServletResponse risposta = gestisci("text/html", new MissingCsrfTokenException(null));

        assertThat(risposta.getContentType()).startsWith("text/html");
        assertThat(risposta.getContentAsString()).contains("<html lang=\"it\">", "<h1>Richiesta non verificata</h1>");
    }

    private MockHttpServletResponse gestisci(String accept, AccessDeniedException e) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/enti/1/certificazioni");
        request.addHeader("Accept", accept);
        MockHttpServletResponse response = new MockHttpServletResponse();
        handler.handle(request, response, e);
        return response;
    }
}
