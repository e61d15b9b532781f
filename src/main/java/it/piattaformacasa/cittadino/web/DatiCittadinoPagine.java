package it.piattaformacasa.cittadino.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import com.fasterxml.jackson.databind.ObjectMapper;

import it.piattaformacasa.cittadino.DatiDelCittadinoService;
import it.piattaformacasa.cittadino.IndirizzoEmailService;
import it.piattaformacasa.common.CodiceFiscale;
import it.piattaformacasa.common.DatiNonValidiException;
import it.piattaformacasa.common.Termini;
import it.piattaformacasa.common.sicurezza.CittadinoCorrente;
import it.piattaformacasa.common.sicurezza.UtenteCorrente;
import it.piattaformacasa.common.web.PaginaConsole;

/**
 * «I miei dati» (issue 16, «own their data» and «be told»): everything the platform holds about the citizen, the
 * download of it as JSON, and the e-mail address for the notices with its confirmation by code. Always the codice
 * fiscale of the identity: no parameter names a citizen, so no address shows another's data.
 */
@Controller
@PaginaConsole
class DatiCittadinoPagine {

    static final String PAGINA = "/cittadino/dati";
    private static final Set<String> ESITI = Set.of("codice", "confermato", "rimosso");

    private final CittadinoCorrente cittadino;
    private final UtenteCorrente utente;
    private final DatiDelCittadinoService dati;
    private final IndirizzoEmailService indirizzi;
    private final ObjectMapper json;
    private final java.time.Clock clock;

    DatiCittadinoPagine(CittadinoCorrente cittadino, UtenteCorrente utente, DatiDelCittadinoService dati,
                        IndirizzoEmailService indirizzi, ObjectMapper json, java.time.Clock clock) {
        this.cittadino = cittadino;
        this.utente = utente;
        this.dati = dati;
        this.indirizzi = indirizzi;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping(PAGINA)
    ModelAndView pagina(@RequestParam(required = false) String esito) {
        return pagina(cittadino.richiesto(), esito != null && ESITI.contains(esito) ? esito : null, "", Map.of(), HttpStatus.OK);
    }

    /** Step 1: the address to confirm; a code is sent to it. */
    @PostMapping(PAGINA + "/email")
    ModelAndView email(@RequestParam(required = false) String email) {
        CodiceFiscale cf = cittadino.richiesto();
        try {
            indirizzi.richiediConferma(cf, email);
        } catch (DatiNonValidiException e) {
            return pagina(cf, null, email, errori(e), HttpStatus.BAD_REQUEST);
        }
        return new ModelAndView("redirect:" + PAGINA + "?esito=codice#indirizzo");
    }

    /** Step 2: the code received. */
    @PostMapping(PAGINA + "/email/conferma")
    ModelAndView conferma(@RequestParam(required = false) String codice) {
        CodiceFiscale cf = cittadino.richiesto();
        try {
            indirizzi.conferma(cf, codice);
        } catch (DatiNonValidiException e) {
            return pagina(cf, null, "", errori(e), HttpStatus.BAD_REQUEST);
        }
        return new ModelAndView("redirect:" + PAGINA + "?esito=confermato#indirizzo");
    }

    @PostMapping(PAGINA + "/email/rimuovi")
    ModelAndView rimuovi() {
        indirizzi.rimuovi(cittadino.richiesto());
        return new ModelAndView("redirect:" + PAGINA + "?esito=rimosso#indirizzo");
    }

    /** «Scarica i miei dati»: the same data as the page, as one JSON file. */
    @GetMapping(PAGINA + "/esportazione")
    ResponseEntity<byte[]> esportazione() throws IOException {
        CodiceFiscale cf = cittadino.richiesto();
        byte[] corpo = json.writerWithDefaultPrettyPrinter()
                .writeValueAsBytes(dati.dati(cf, cittadino.nomeCompleto().orElse(null), utente.username()));
        String nome = "i-miei-dati-" + cf.valore() + "-" + Termini.oggi(clock) + ".json";
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.APPLICATION_JSON, StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(nome).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(corpo);
    }

    private ModelAndView pagina(CodiceFiscale cf, String esito, String email, Map<String, String> errori, HttpStatus stato) {
        ModelAndView pagina = new ModelAndView("cittadino/dati");
        pagina.setStatus(stato);
        pagina.addObject("dati", dati.dati(cf, cittadino.nomeCompleto().orElse(null), utente.username()));
        pagina.addObject("esito", esito);
        pagina.addObject("emailDigitata", email == null ? "" : email);
        pagina.addObject("errori", errori);
        return pagina;
    }

    private static Map<String, String> errori(DatiNonValidiException e) {
        Map<String, String> errori = new LinkedHashMap<>();
        e.errori().forEach(x -> errori.putIfAbsent(x.campo(), x.messaggio()));
        return errori;
    }
}
