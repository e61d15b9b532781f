package it.piattaformacasa.cittadino.web;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.ModelAndView;

import it.piattaformacasa.cittadino.CasellaDellaDemo;
import it.piattaformacasa.common.web.PaginaConsole;

/**
 * «Posta della demo» (issue 16): the messages the platform's own SMTP server received on the embedded default, for
 * the administrators, who can show a demo what citizens are told. A console page (session login, the console's
 * layout), not under /demo, which is on the API's terms (HTTP Basic). With a configured SMTP server there is no
 * mailbox here: the page says where the mail goes.
 */
@Controller
@PaginaConsole
@PreAuthorize("hasRole('AMMINISTRATORE')")
class PostaDemoPagine {

    private final ObjectProvider<CasellaDellaDemo> casella;
    private final String serverConfigurato;

    PostaDemoPagine(ObjectProvider<CasellaDellaDemo> casella, @Value("${spring.mail.host:}") String serverConfigurato) {
        this.casella = casella;
        this.serverConfigurato = serverConfigurato;
    }

    @GetMapping("/posta")
    ModelAndView posta() {
        ModelAndView pagina = new ModelAndView("cittadino/posta");
        CasellaDellaDemo c = casella.getIfAvailable();
        pagina.addObject("incorporata", c != null);
        pagina.addObject("indirizzo", c == null ? serverConfigurato : c.indirizzo());
        pagina.addObject("messaggi", c == null ? java.util.List.of() : c.messaggi());
        return pagina;
    }
}
