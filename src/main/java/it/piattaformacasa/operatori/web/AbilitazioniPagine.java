package it.piattaformacasa.operatori.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

import it.piattaformacasa.anagrafe.EnteProprietario;
import it.piattaformacasa.common.DatiNonValidiException;
import it.piattaformacasa.common.NonTrovatoException;
import it.piattaformacasa.common.web.PaginaConsole;
import it.piattaformacasa.operatori.AbilitazioniService;
import it.piattaformacasa.operatori.ModelloAbilitazioni;
import it.piattaformacasa.operatori.RichiestaAbilitazione;

/**
 * «Abilitazioni» (issue 14): the ente's referente uploads seed 002's model; everyone sees the requests of its enti with
 * their state and refused rows, the validators every ente's (they decide in Tasklist or with the API). Calls
 * {@link AbilitazioniService}, as the API does.
 */
@Controller
@PaginaConsole
class AbilitazioniPagine {

    private static final int RECENTI = 50;

    private final AbilitazioniService abilitazioni;
    private final MessageSource messaggi;

    AbilitazioniPagine(AbilitazioniService abilitazioni, MessageSource messaggi) {
        this.abilitazioni = abilitazioni;
        this.messaggi = messaggi;
    }

    @GetMapping("/abilitazioni")
    ModelAndView abilitazioni() {
        return pagina(null, null, HttpStatus.OK);
    }

    @PostMapping("/abilitazioni")
    Object richiedi(@RequestParam(required = false) String ente, @RequestParam(required = false) String tipo,
                    @RequestParam(required = false) MultipartFile file) throws IOException {
        long enteId = enteDelModulo(ente);
        abilitazioni.enteDelReferente(enteId);
        RichiestaAbilitazione.Tipo scelto = "DISABILITAZIONE".equals(tipo) ? RichiestaAbilitazione.Tipo.DISABILITAZIONE
                : RichiestaAbilitazione.Tipo.ABILITAZIONE;
        if (file == null || file.isEmpty()) {
            return pagina(enteId, testo("abilitazioni.campo.file") + ": " + testo("abilitazioni.nessunFile"), HttpStatus.BAD_REQUEST);
        }
        RichiestaAbilitazione richiesta;
        try {
            richiesta = abilitazioni.richiedi(enteId, scelto, file.getOriginalFilename(), file.getBytes());
        } catch (DatiNonValidiException e) {
            return pagina(enteId, testo("abilitazioni.campo.file") + ": " + e.errori().get(0).messaggio(), HttpStatus.BAD_REQUEST);
        }
        RedirectView vai = new RedirectView("/abilitazioni/" + richiesta.getId(), true);
        vai.setStatusCode(HttpStatus.SEE_OTHER);
        return vai;
    }

    @GetMapping("/abilitazioni/{id}")
    ModelAndView richiesta(@PathVariable long id) {
        return paginaRichiesta(id, null, null, Map.of(), HttpStatus.OK);
    }

    /**
     * «Registra la decisione» of a regional validator: the same service as {@code POST /api/abilitazioni/{id}/validazione}
     * (four eyes, state, reason for a refusal); a wrong field comes back beside it with what was written, nothing saved.
     */
    @PostMapping("/abilitazioni/{id}/decisione")
    Object decidi(@PathVariable long id, @RequestParam(required = false) String esito,
                  @RequestParam(required = false) String motivo) {
        RichiestaAbilitazione.Esito scelto = null;
        for (RichiestaAbilitazione.Esito e : RichiestaAbilitazione.Esito.values()) {
            if (e.name().equals(esito)) {
                scelto = e;
            }
        }
        try {
            abilitazioni.valida(id, scelto, motivo);
        } catch (DatiNonValidiException e) {
            Map<String, String> errori = new LinkedHashMap<>();
            e.errori().forEach(errore -> errori.putIfAbsent(errore.campo(),
                    testo("abilitazioni.decisione." + errore.campo()) + ": " + errore.messaggio()));
            return paginaRichiesta(id, esito, motivo, errori, HttpStatus.BAD_REQUEST);
        }
        RedirectView vai = new RedirectView("/abilitazioni/" + id, true);
        vai.setStatusCode(HttpStatus.SEE_OTHER);
        return vai;
    }

    private ModelAndView paginaRichiesta(long id, String esito, String motivo, Map<String, String> errori, HttpStatus stato) {
        RichiestaAbilitazione richiesta = abilitazioni.richiesta(id);
        ModelAndView vista = new ModelAndView("operatori/abilitazione");
        vista.addObject("richiesta", richiesta);
        vista.addObject("registro", abilitazioni.registro(richiesta.getEnte().getId(), id));
        vista.addObject("puoDecidere", abilitazioni.puoDecidere(richiesta));
        vista.addObject("esito", esito);
        vista.addObject("motivo", motivo);
        vista.addObject("errori", errori);
        vista.setStatus(stato);
        return vista;
    }

    private long enteDelModulo(String ente) {
        try {
            return Long.parseLong(ente == null ? "" : ente.strip());
        } catch (NumberFormatException e) {
            throw new NonTrovatoException("Ente non trovato");
        }
    }

    private ModelAndView pagina(Long ente, String errore, HttpStatus stato) {
        List<EnteProprietario> enti = abilitazioni.entiDelReferente();
        ModelAndView pagina = new ModelAndView("operatori/abilitazioni");
        pagina.addObject("enti", enti);
        pagina.addObject("ente", ente);
        pagina.addObject("errore", errore);
        pagina.addObject("colonne", ModelloAbilitazioni.Colonna.values());
        pagina.addObject("recenti", abilitazioni.recenti(RECENTI));
        pagina.setStatus(stato);
        return pagina;
    }

    private String testo(String chiave, Object... argomenti) {
        return messaggi.getMessage(chiave, argomenti, chiave, Locale.ITALIAN);
    }
}
