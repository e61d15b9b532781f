package it.piattaformacasa.anagrafe.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.RedirectView;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import it.piattaformacasa.anagrafe.Alloggio;
import it.piattaformacasa.anagrafe.AnagrafeService;
import it.piattaformacasa.anagrafe.AnagrafeService.OrdineAlloggi;
import it.piattaformacasa.anagrafe.AnagrafeService.RigaFabbricato;
import it.piattaformacasa.anagrafe.AnagrafeService.RigaNucleo;
import it.piattaformacasa.anagrafe.CertificazioneAnagrafe;
import it.piattaformacasa.anagrafe.CertificazioneAnagrafeService;
import it.piattaformacasa.anagrafe.EnteProprietario;
import it.piattaformacasa.anagrafe.DestinazioneUso;
import it.piattaformacasa.anagrafe.StatoAlloggio;
import it.piattaformacasa.anagrafe.GestioneAnagrafeService;
import it.piattaformacasa.common.ConflittoException;
import it.piattaformacasa.common.DatiNonValidiException;
import it.piattaformacasa.common.web.Console;
import it.piattaformacasa.common.web.PaginaConsole;
import it.piattaformacasa.common.web.PaginazioneConsole;

/**
 * «Anagrafe» (issue 12): the housing stock read in the console — each visible ente's figures per state and its last
 * certification, the alloggi (filters, sort, paging, downloads), an alloggio with its nucleo assegnatario, the
 * fabbricati, the «Nuclei assegnatari»; an alloggio's «Storico delle modifiche» and «Ritira» (issue 13, the forms are
 * {@link AnagrafeModuliPagine}). The services are the API's, so is the visibility: an operator sees
 * its enti, supervisors, administrators and analysts every ente; the households only who sees the ente's cases.
 * The downloads of these lists are {@code report/web/AnagrafeScaricamenti} (report depends on anagrafe, not back).
 */
@Controller
@PaginaConsole
class AnagrafePagine {

    private final AnagrafeService anagrafe;
    private final CertificazioneAnagrafeService certificazioni;
    private final GestioneAnagrafeService gestione;
    private final MessageSource messaggi;

    AnagrafePagine(AnagrafeService anagrafe, CertificazioneAnagrafeService certificazioni, GestioneAnagrafeService gestione,
                   MessageSource messaggi) {
        this.anagrafe = anagrafe;
        this.certificazioni = certificazioni;
        this.gestione = gestione;
        this.messaggi = messaggi;
    }

    /** An ente's box on the Anagrafe's first page. */
    record SchedaEnte(AnagrafeService.Riepilogo riepilogo, CertificazioneAnagrafe ultimaCertificazione) {
    }

    @GetMapping("/anagrafe")
    String anagrafe(Model model) {
        List<SchedaEnte> schede = new ArrayList<>();
        for (EnteProprietario ente : anagrafe.entiVisibili()) {
            schede.add(new SchedaEnte(anagrafe.riepilogo(ente.getId()),
                    certificazioni.certificazioni(ente.getId()).stream().findFirst().orElse(null)));
        }
        model.addAttribute("schede", schede);
        model.addAttribute("gestiti", gestione.entiGestiti());
        model.addAttribute("stati", StatoAlloggio.values());
        return "anagrafe/anagrafe";
    }

    @GetMapping("/anagrafe/alloggi")
    String alloggi(FiltriAnagrafe.ParametriAlloggi parametri, @RequestParam(defaultValue = "1") String pagina, Model model) {
        FiltriAnagrafe.Alloggi filtri = FiltriAnagrafe.Alloggi.di(parametri);
        int richiesta = FiltriAnagrafe.numero(pagina);
        Page<Alloggio> trovati = cercaAlloggi(filtri, richiesta);
        PaginazioneConsole paginazione = PaginazioneConsole.di(richiesta, Console.RIGHE_PER_PAGINA, trovati.getTotalElements(),
                n -> filtri.indirizzo("/anagrafe/alloggi").queryParam("pagina", n).encode().toUriString());
        if (paginazione.pagina() != richiesta) {
            // a page past the end shows the last
            trovati = cercaAlloggi(filtri, paginazione.pagina());
        }
        model.addAttribute("alloggi", trovati.getContent());
        model.addAttribute("puoGestire", !gestione.entiGestiti().isEmpty());
        model.addAttribute("paginazione", paginazione);
        model.addAttribute("filtri", filtri);
        model.addAttribute("enti", anagrafe.entiVisibili());
        model.addAttribute("comuni", anagrafe.comuniConAlloggi());
        model.addAttribute("province", anagrafe.provinceConAlloggi());
        model.addAttribute("destinazioni", DestinazioneUso.values());
        model.addAttribute("stati", StatoAlloggio.values());
        model.addAttribute("ordini", OrdineAlloggi.values());
        model.addAttribute("scaricaXlsx", filtri.indirizzo("/anagrafe/alloggi/esportazione").queryParam("formato", "xlsx").encode().toUriString());
        model.addAttribute("scaricaCsv", filtri.indirizzo("/anagrafe/alloggi/esportazione").queryParam("formato", "csv").encode().toUriString());
        return "anagrafe/alloggi";
    }

    @GetMapping("/anagrafe/alloggi/{id}")
    ModelAndView alloggio(@PathVariable long id) {
        return paginaAlloggio(id, null, null, HttpStatus.OK);
    }

    /** «Ritira»: the API's {@code POST /api/alloggi/{id}/ritiro}; a refusal stays on the alloggio's page with its reason. */
    @PostMapping("/anagrafe/alloggi/{id}/ritiro")
    Object ritira(@PathVariable long id, @RequestParam(required = false) String motivo, @RequestParam(required = false) String version,
                  RedirectAttributes esito) {
        if (version == null || !version.strip().matches("[0-9]{1,18}")) {
            return paginaAlloggio(id, motivo, "La versione dell'alloggio manca: ricaricare la pagina", HttpStatus.BAD_REQUEST);
        }
        Alloggio ritirato;
        try {
            ritirato = gestione.ritiraAlloggio(id, Long.parseLong(version.strip()), motivo);
        } catch (DatiNonValidiException e) {
            return paginaAlloggio(id, motivo, "Motivo del ritiro: " + e.errori().get(0).messaggio(), HttpStatus.BAD_REQUEST);
        } catch (ConflittoException e) {
            return paginaAlloggio(id, motivo, e.getMessage(), HttpStatus.CONFLICT);
        }
        esito.addFlashAttribute("successo", messaggi.getMessage("anagrafe.modulo.ritirato", new Object[] {ritirato.getCodiceUi()},
                Locale.ITALIAN));
        RedirectView pagina = new RedirectView("/anagrafe/alloggi/" + id, true);
        pagina.setStatusCode(HttpStatus.SEE_OTHER);
        return pagina;
    }

    private ModelAndView paginaAlloggio(long id, String motivo, String errore, HttpStatus stato) {
        Alloggio alloggio = anagrafe.alloggio(id);
        ModelAndView pagina = new ModelAndView("anagrafe/alloggio");
        pagina.addObject("alloggio", alloggio);
        pagina.addObject("vedeNuclei", anagrafe.vedeNuclei(alloggio.getEnte().getId()));
        pagina.addObject("nuclei", anagrafe.nucleiDellAlloggio(alloggio));
        pagina.addObject("puoGestire", gestione.puoGestire(alloggio.getEnte().getId()));
        pagina.addObject("storico", gestione.registroAlloggio(id));
        pagina.addObject("motivo", motivo);
        pagina.addObject("errore", errore);
        pagina.setStatus(stato);
        return pagina;
    }

    @GetMapping("/anagrafe/fabbricati")
    String fabbricati(@RequestParam(required = false) String ente, @RequestParam(required = false) String comune,
                      @RequestParam(defaultValue = "1") String pagina, Model model) {
        Long enteId = FiltriAnagrafe.ente(ente);
        String codiceIstat = FiltriAnagrafe.comune(comune);
        int richiesta = FiltriAnagrafe.numero(pagina);
        IntFunction<String> collegamento = n -> filtriSemplici("/anagrafe/fabbricati", enteId, "comune", codiceIstat)
                .queryParam("pagina", n).encode().toUriString();
        Page<RigaFabbricato> trovati = anagrafe.fabbricati(enteId, codiceIstat, PageRequest.of(richiesta - 1, Console.RIGHE_PER_PAGINA));
        PaginazioneConsole paginazione = PaginazioneConsole.di(richiesta, Console.RIGHE_PER_PAGINA, trovati.getTotalElements(), collegamento);
        if (paginazione.pagina() != richiesta) {
            trovati = anagrafe.fabbricati(enteId, codiceIstat, PageRequest.of(paginazione.indice(), Console.RIGHE_PER_PAGINA));
        }
        model.addAttribute("fabbricati", trovati.getContent());
        Set<Long> gestiti = gestione.entiGestiti().stream().map(EnteProprietario::getId).collect(Collectors.toSet());
        model.addAttribute("puoGestire", !gestiti.isEmpty());
        // «Modifica» on the rows of the enti the person keeps
        model.addAttribute("gestiti", gestiti);
        model.addAttribute("paginazione", paginazione);
        model.addAttribute("ente", enteId);
        model.addAttribute("comune", codiceIstat);
        model.addAttribute("enti", anagrafe.entiVisibili());
        model.addAttribute("comuni", anagrafe.comuniConAlloggi());
        model.addAttribute("stati", StatoAlloggio.values());
        model.addAttribute("scaricaXlsx", filtriSemplici("/anagrafe/fabbricati/esportazione", enteId, "comune", codiceIstat)
                .queryParam("formato", "xlsx").encode().toUriString());
        model.addAttribute("scaricaCsv", filtriSemplici("/anagrafe/fabbricati/esportazione", enteId, "comune", codiceIstat)
                .queryParam("formato", "csv").encode().toUriString());
        return "anagrafe/fabbricati";
    }

    @GetMapping("/anagrafe/nuclei")
    String nuclei(@RequestParam(required = false) String ente, @RequestParam(required = false) String cerca,
                  @RequestParam(required = false) String cessati, @RequestParam(defaultValue = "1") String pagina, Model model) {
        Long enteId = FiltriAnagrafe.ente(ente);
        String cercato = FiltriAnagrafe.cerca(cerca);
        boolean soloCessati = "true".equals(cessati);
        int richiesta = FiltriAnagrafe.numero(pagina);
        IntFunction<String> collegamento = n -> filtriSemplici("/anagrafe/nuclei", enteId, "cerca", cercato.isEmpty() ? null : cercato)
                .queryParamIfPresent("cessati", java.util.Optional.ofNullable(soloCessati ? "true" : null))
                .queryParam("pagina", n).encode().toUriString();
        Page<RigaNucleo> trovati = anagrafe.nucleiAssegnatari(enteId, cercato, soloCessati,
                PageRequest.of(richiesta - 1, Console.RIGHE_PER_PAGINA));
        PaginazioneConsole paginazione = PaginazioneConsole.di(richiesta, Console.RIGHE_PER_PAGINA, trovati.getTotalElements(), collegamento);
        if (paginazione.pagina() != richiesta) {
            trovati = anagrafe.nucleiAssegnatari(enteId, cercato, soloCessati, PageRequest.of(paginazione.indice(), Console.RIGHE_PER_PAGINA));
        }
        model.addAttribute("cessati", soloCessati);
        model.addAttribute("nuclei", trovati.getContent());
        model.addAttribute("paginazione", paginazione);
        model.addAttribute("ente", enteId);
        model.addAttribute("cerca", cercato);
        model.addAttribute("enti", anagrafe.entiVisibili().stream().filter(e -> anagrafe.vedeNuclei(e.getId())).toList());
        model.addAttribute("scaricaXlsx", filtriSemplici("/anagrafe/nuclei/esportazione", enteId, "cerca", cercato.isEmpty() ? null : cercato)
                .queryParamIfPresent("cessati", java.util.Optional.ofNullable(soloCessati ? "true" : null))
                .queryParam("formato", "xlsx").encode().toUriString());
        model.addAttribute("scaricaCsv", filtriSemplici("/anagrafe/nuclei/esportazione", enteId, "cerca", cercato.isEmpty() ? null : cercato)
                .queryParamIfPresent("cessati", java.util.Optional.ofNullable(soloCessati ? "true" : null))
                .queryParam("formato", "csv").encode().toUriString());
        return "anagrafe/nuclei";
    }

    private Page<Alloggio> cercaAlloggi(FiltriAnagrafe.Alloggi filtri, int pagina) {
        Pageable richiesta = PageRequest.of(pagina - 1, Console.RIGHE_PER_PAGINA, filtri.ordine().sort(filtri.discendente()));
        return anagrafe.cercaAlloggi(filtri.ricerca(), richiesta);
    }

    private static UriComponentsBuilder filtriSemplici(String percorso, Long ente, String nome, String valore) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(percorso);
        if (ente != null) {
            uri.queryParam("ente", ente);
        }
        Optional.ofNullable(valore).ifPresent(v -> uri.queryParam(nome, v));
        return uri;
    }
}
