package it.piattaformacasa.anagrafe.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.IntFunction;

import org.springframework.context.MessageSource;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import it.piattaformacasa.anagrafe.Alloggio;
import it.piattaformacasa.anagrafe.AnagrafeService;
import it.piattaformacasa.anagrafe.AnagrafeService.OrdineAlloggi;
import it.piattaformacasa.anagrafe.AnagrafeService.RicercaAlloggi;
import it.piattaformacasa.anagrafe.AnagrafeService.RigaFabbricato;
import it.piattaformacasa.anagrafe.AnagrafeService.RigaNucleo;
import it.piattaformacasa.anagrafe.CertificazioneAnagrafe;
import it.piattaformacasa.anagrafe.CertificazioneAnagrafeService;
import it.piattaformacasa.anagrafe.EnteProprietario;
import it.piattaformacasa.anagrafe.StatoAlloggio;
import it.piattaformacasa.common.DatiNonValidiException;
import it.piattaformacasa.common.ItalianFormats;
import it.piattaformacasa.common.web.Console;
import it.piattaformacasa.common.web.PaginaConsole;
import it.piattaformacasa.common.web.PaginazioneConsole;
import it.piattaformacasa.report.Tabella;
import it.piattaformacasa.report.web.Scaricamento;

/**
 * «Anagrafe» (issue 12): the housing stock read in the console — each visible ente's figures per state and its last
 * certification, the alloggi (filters, sort, paging, downloads), an alloggio with its nucleo assegnatario, the
 * fabbricati, the «Nuclei assegnatari». Read only; the service is the API's, so is the visibility: an operator sees
 * its enti, supervisors, administrators and analysts every ente; the households only who sees the ente's cases.
 */
@Controller
@PaginaConsole
class AnagrafePagine {

    /** At most this many rows in a download: the list filtered, not only its page. */
    static final int RIGHE_MASSIME_SCARICABILI = 100_000;

    private final AnagrafeService anagrafe;
    private final CertificazioneAnagrafeService certificazioni;
    private final MessageSource messaggi;

    AnagrafePagine(AnagrafeService anagrafe, CertificazioneAnagrafeService certificazioni, MessageSource messaggi) {
        this.anagrafe = anagrafe;
        this.certificazioni = certificazioni;
        this.messaggi = messaggi;
    }

    /** An ente's box on the Anagrafe's first page. */
    record SchedaEnte(AnagrafeService.Riepilogo riepilogo, CertificazioneAnagrafe ultimaCertificazione) {
    }

    /** The alloggi's filters as the address carries them, already checked. */
    record FiltriAlloggi(Long ente, String comune, StatoAlloggio stato, String cerca, OrdineAlloggi ordine, boolean discendente) {

        RicercaAlloggi ricerca() {
            return new RicercaAlloggi(ente, comune, stato, cerca);
        }

        String ordina() {
            return ordine.name().toLowerCase(Locale.ROOT);
        }

        String verso() {
            return discendente ? "disc" : "asc";
        }

        UriComponentsBuilder indirizzo(String percorso) {
            UriComponentsBuilder uri = UriComponentsBuilder.fromPath(percorso);
            if (ente != null) {
                uri.queryParam("ente", ente);
            }
            if (comune != null) {
                uri.queryParam("comune", comune);
            }
            if (stato != null) {
                uri.queryParam("stato", stato.name());
            }
            if (!cerca.isEmpty()) {
                uri.queryParam("cerca", cerca);
            }
            return uri.queryParam("ordina", ordina()).queryParam("verso", verso());
        }
    }

    @GetMapping("/anagrafe")
    String anagrafe(Model model) {
        List<SchedaEnte> schede = new ArrayList<>();
        for (EnteProprietario ente : anagrafe.entiVisibili()) {
            schede.add(new SchedaEnte(anagrafe.riepilogo(ente.getId()),
                    certificazioni.certificazioni(ente.getId()).stream().findFirst().orElse(null)));
        }
        model.addAttribute("schede", schede);
        model.addAttribute("stati", StatoAlloggio.values());
        return "anagrafe/anagrafe";
    }

    @GetMapping("/anagrafe/alloggi")
    String alloggi(@RequestParam(required = false) String ente, @RequestParam(required = false) String comune,
                   @RequestParam(required = false) String stato, @RequestParam(required = false) String cerca,
                   @RequestParam(required = false) String ordina, @RequestParam(required = false) String verso,
                   @RequestParam(defaultValue = "1") String pagina, Model model) {
        FiltriAlloggi filtri = filtriAlloggi(ente, comune, stato, cerca, ordina, verso);
        int richiesta = numero(pagina);
        Page<Alloggio> trovati = cercaAlloggi(filtri, richiesta);
        PaginazioneConsole paginazione = PaginazioneConsole.di(richiesta, Console.RIGHE_PER_PAGINA, trovati.getTotalElements(),
                n -> filtri.indirizzo("/anagrafe/alloggi").queryParam("pagina", n).encode().toUriString());
        if (paginazione.pagina() != richiesta) {
            // a page past the end shows the last
            trovati = cercaAlloggi(filtri, paginazione.pagina());
        }
        model.addAttribute("alloggi", trovati.getContent());
        model.addAttribute("paginazione", paginazione);
        model.addAttribute("filtri", filtri);
        model.addAttribute("enti", anagrafe.entiVisibili());
        model.addAttribute("comuni", anagrafe.comuniConAlloggi());
        model.addAttribute("stati", StatoAlloggio.values());
        model.addAttribute("ordini", OrdineAlloggi.values());
        model.addAttribute("scaricaXlsx", filtri.indirizzo("/anagrafe/alloggi/esportazione").queryParam("formato", "xlsx").encode().toUriString());
        model.addAttribute("scaricaCsv", filtri.indirizzo("/anagrafe/alloggi/esportazione").queryParam("formato", "csv").encode().toUriString());
        return "anagrafe/alloggi";
    }

    @GetMapping("/anagrafe/alloggi/esportazione")
    ResponseEntity<?> alloggiScaricati(@RequestParam(required = false) String ente, @RequestParam(required = false) String comune,
                                       @RequestParam(required = false) String stato, @RequestParam(required = false) String cerca,
                                       @RequestParam(required = false) String ordina, @RequestParam(required = false) String verso,
                                       @RequestParam(defaultValue = "xlsx") String formato) {
        formato(formato);
        FiltriAlloggi filtri = filtriAlloggi(ente, comune, stato, cerca, ordina, verso);
        List<Alloggio> tutti = anagrafe.cercaAlloggi(filtri.ricerca(),
                PageRequest.of(0, RIGHE_MASSIME_SCARICABILI, filtri.ordine().sort(filtri.discendente()))).getContent();
        List<List<Object>> righe = new ArrayList<>();
        for (Alloggio a : tutti) {
            List<Object> riga = new ArrayList<>();
            riga.add(a.getCodiceUi());
            riga.add(a.getFabbricato() == null ? null : a.getFabbricato().getCodice());
            riga.add(a.getIndirizzo());
            riga.add(a.getScala());
            riga.add(a.getInterno());
            riga.add(a.getComune().getNome());
            riga.add(a.getPiano());
            riga.add(a.getSuperficieUtile());
            riga.add(a.getVani());
            riga.add(a.isAscensore());
            riga.add(a.isBarriereArchitettoniche());
            riga.add(stato(a.getStato()));
            riga.add(a.getEnte().getRagioneSociale());
            righe.add(riga);
        }
        Tabella tabella = new Tabella(testo("anagrafe.alloggi.titolo"), List.of(testo("anagrafe.col.codice"),
                testo("anagrafe.col.fabbricato"), testo("anagrafe.col.indirizzo"), testo("anagrafe.col.scala"),
                testo("anagrafe.col.interno"), testo("anagrafe.col.comune"), testo("anagrafe.col.piano"),
                testo("anagrafe.col.superficie"), testo("anagrafe.col.vani"), testo("anagrafe.col.ascensore"),
                testo("anagrafe.col.barriere"), testo("anagrafe.col.stato"), testo("anagrafe.col.ente")), righe);
        return Scaricamento.di(tabella, tabella, formato, "alloggi");
    }

    @GetMapping("/anagrafe/alloggi/{id}")
    String alloggio(@PathVariable long id, Model model) {
        Alloggio alloggio = anagrafe.alloggio(id);
        model.addAttribute("alloggio", alloggio);
        model.addAttribute("vedeNuclei", anagrafe.vedeNuclei(alloggio.getEnte().getId()));
        model.addAttribute("nuclei", anagrafe.nucleiDellAlloggio(alloggio));
        return "anagrafe/alloggio";
    }

    @GetMapping("/anagrafe/fabbricati")
    String fabbricati(@RequestParam(required = false) String ente, @RequestParam(required = false) String comune,
                      @RequestParam(defaultValue = "1") String pagina, Model model) {
        Long enteId = ente(ente);
        String codiceIstat = comune(comune);
        int richiesta = numero(pagina);
        IntFunction<String> collegamento = n -> filtriSemplici("/anagrafe/fabbricati", enteId, "comune", codiceIstat)
                .queryParam("pagina", n).encode().toUriString();
        Page<RigaFabbricato> trovati = anagrafe.fabbricati(enteId, codiceIstat, PageRequest.of(richiesta - 1, Console.RIGHE_PER_PAGINA));
        PaginazioneConsole paginazione = PaginazioneConsole.di(richiesta, Console.RIGHE_PER_PAGINA, trovati.getTotalElements(), collegamento);
        if (paginazione.pagina() != richiesta) {
            trovati = anagrafe.fabbricati(enteId, codiceIstat, PageRequest.of(paginazione.indice(), Console.RIGHE_PER_PAGINA));
        }
        model.addAttribute("fabbricati", trovati.getContent());
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

    @GetMapping("/anagrafe/fabbricati/esportazione")
    ResponseEntity<?> fabbricatiScaricati(@RequestParam(required = false) String ente, @RequestParam(required = false) String comune,
                                          @RequestParam(defaultValue = "xlsx") String formato) {
        formato(formato);
        List<RigaFabbricato> tutti = anagrafe.fabbricati(ente(ente), comune(comune),
                PageRequest.of(0, RIGHE_MASSIME_SCARICABILI)).getContent();
        List<String> colonne = new ArrayList<>(List.of(testo("anagrafe.col.codiceFabbricato"), testo("anagrafe.col.indirizzo"),
                testo("anagrafe.col.zona"), testo("anagrafe.col.comune"), testo("anagrafe.col.ente"), testo("anagrafe.col.alloggi")));
        for (StatoAlloggio s : StatoAlloggio.values()) {
            colonne.add(stato(s));
        }
        List<List<Object>> righe = new ArrayList<>();
        for (RigaFabbricato f : tutti) {
            List<Object> riga = new ArrayList<>(List.of(f.codice(), f.indirizzo(), f.zonaLocalita() == null ? "" : f.zonaLocalita(),
                    f.comune(), f.ente(), f.alloggi()));
            for (StatoAlloggio s : StatoAlloggio.values()) {
                riga.add(f.perStato().getOrDefault(s, 0L));
            }
            righe.add(riga);
        }
        return Scaricamento.di(new Tabella(testo("anagrafe.fabbricati.titolo"), colonne, righe), null, formato, "fabbricati");
    }

    @GetMapping("/anagrafe/nuclei")
    String nuclei(@RequestParam(required = false) String ente, @RequestParam(required = false) String cerca,
                  @RequestParam(defaultValue = "1") String pagina, Model model) {
        Long enteId = ente(ente);
        String cercato = cerca(cerca);
        int richiesta = numero(pagina);
        IntFunction<String> collegamento = n -> filtriSemplici("/anagrafe/nuclei", enteId, "cerca", cercato.isEmpty() ? null : cercato)
                .queryParam("pagina", n).encode().toUriString();
        Page<RigaNucleo> trovati = anagrafe.nucleiAssegnatari(enteId, cercato, PageRequest.of(richiesta - 1, Console.RIGHE_PER_PAGINA));
        PaginazioneConsole paginazione = PaginazioneConsole.di(richiesta, Console.RIGHE_PER_PAGINA, trovati.getTotalElements(), collegamento);
        if (paginazione.pagina() != richiesta) {
            trovati = anagrafe.nucleiAssegnatari(enteId, cercato, PageRequest.of(paginazione.indice(), Console.RIGHE_PER_PAGINA));
        }
        model.addAttribute("nuclei", trovati.getContent());
        model.addAttribute("paginazione", paginazione);
        model.addAttribute("ente", enteId);
        model.addAttribute("cerca", cercato);
        model.addAttribute("enti", anagrafe.entiVisibili().stream().filter(e -> anagrafe.vedeNuclei(e.getId())).toList());
        model.addAttribute("scaricaXlsx", filtriSemplici("/anagrafe/nuclei/esportazione", enteId, "cerca", cercato.isEmpty() ? null : cercato)
                .queryParam("formato", "xlsx").encode().toUriString());
        model.addAttribute("scaricaCsv", filtriSemplici("/anagrafe/nuclei/esportazione", enteId, "cerca", cercato.isEmpty() ? null : cercato)
                .queryParam("formato", "csv").encode().toUriString());
        return "anagrafe/nuclei";
    }

    @GetMapping("/anagrafe/nuclei/esportazione")
    ResponseEntity<?> nucleiScaricati(@RequestParam(required = false) String ente, @RequestParam(required = false) String cerca,
                                      @RequestParam(defaultValue = "xlsx") String formato) {
        formato(formato);
        List<RigaNucleo> tutti = anagrafe.nucleiAssegnatari(ente(ente), cerca(cerca), PageRequest.of(0, RIGHE_MASSIME_SCARICABILI))
                .getContent();
        List<List<Object>> righe = new ArrayList<>();
        for (RigaNucleo n : tutti) {
            List<Object> riga = new ArrayList<>();
            riga.add(n.codiceUi());
            riga.add(n.indirizzo());
            riga.add(n.comune());
            riga.add(n.ente());
            riga.add(n.richiedenteCognome());
            riga.add(n.richiedenteNome());
            riga.add(n.richiedenteCodiceFiscale());
            riga.add(n.componenti());
            riga.add(n.registratoIl() == null ? null : ItalianFormats.dataOra(n.registratoIl()));
            righe.add(riga);
        }
        Tabella tabella = new Tabella(testo("anagrafe.nuclei.titolo"), List.of(testo("anagrafe.col.codice"),
                testo("anagrafe.col.indirizzo"), testo("anagrafe.col.comune"), testo("anagrafe.col.ente"),
                testo("anagrafe.col.cognome"), testo("anagrafe.col.nome"), testo("anagrafe.col.codiceFiscale"),
                testo("anagrafe.col.componenti"), testo("anagrafe.col.registrato")), righe);
        return Scaricamento.di(tabella, null, formato, "nuclei-assegnatari");
    }

    private Page<Alloggio> cercaAlloggi(FiltriAlloggi filtri, int pagina) {
        Pageable richiesta = PageRequest.of(pagina - 1, Console.RIGHE_PER_PAGINA, filtri.ordine().sort(filtri.discendente()));
        return anagrafe.cercaAlloggi(filtri.ricerca(), richiesta);
    }

    private static FiltriAlloggi filtriAlloggi(String ente, String comune, String stato, String cerca, String ordina, String verso) {
        OrdineAlloggi ordine = OrdineAlloggi.CODICE;
        if (ordina != null && !ordina.isBlank()) {
            ordine = valore(OrdineAlloggi.class, ordina, "ordina",
                    "ordinamento sconosciuto (ammessi: codice, comune, stato, superficie)");
        }
        boolean discendente = false;
        if (verso != null && !verso.isBlank()) {
            if (!verso.strip().equals("asc") && !verso.strip().equals("disc")) {
                throw DatiNonValidiException.campo("verso", "verso sconosciuto (ammessi: asc, disc)");
            }
            discendente = verso.strip().equals("disc");
        }
        StatoAlloggio scelto = stato == null || stato.isBlank() ? null
                : valore(StatoAlloggio.class, stato, "stato", "stato dell'alloggio sconosciuto");
        return new FiltriAlloggi(ente(ente), comune(comune), scelto, cerca(cerca), ordine, discendente);
    }

    private static <E extends Enum<E>> E valore(Class<E> tipo, String testo, String campo, String messaggio) {
        for (E e : tipo.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(testo.strip())) {
                return e;
            }
        }
        throw DatiNonValidiException.campo(campo, messaggio);
    }

    static Long ente(String ente) {
        if (ente == null || ente.isBlank()) {
            return null;
        }
        if (!ente.strip().matches("[0-9]{1,18}")) {
            throw DatiNonValidiException.campo("ente", "ente non valido: scegliere un ente dall'elenco");
        }
        return Long.valueOf(ente.strip());
    }

    static String comune(String comune) {
        if (comune == null || comune.isBlank()) {
            return null;
        }
        if (!comune.strip().matches("[0-9]{6}")) {
            throw DatiNonValidiException.campo("comune", "comune non valido: il codice ISTAT ha 6 cifre");
        }
        return comune.strip();
    }

    private static String cerca(String cerca) {
        String cercato = cerca == null ? "" : cerca.strip();
        return cercato.length() > 100 ? cercato.substring(0, 100) : cercato;
    }

    private static void formato(String formato) {
        if (!formato.equals("xlsx") && !formato.equals("csv")) {
            throw DatiNonValidiException.campo("formato", "formato sconosciuto (ammessi: xlsx, csv)");
        }
    }

    /** A page number from the address: anything else is the first page. */
    static int numero(String pagina) {
        try {
            return Math.max(1, Math.min(Integer.parseInt(pagina.strip()), 1_000_000));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static UriComponentsBuilder filtriSemplici(String percorso, Long ente, String nome, String valore) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(percorso);
        if (ente != null) {
            uri.queryParam("ente", ente);
        }
        Optional.ofNullable(valore).ifPresent(v -> uri.queryParam(nome, v));
        return uri;
    }

    private String stato(StatoAlloggio stato) {
        return testo("anagrafe.stato." + stato.name());
    }

    private String testo(String chiave) {
        return messaggi.getMessage(chiave, null, Locale.ITALIAN);
    }
}
