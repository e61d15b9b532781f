package it.piattaformacasa.anagrafe.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.RedirectView;

import it.piattaformacasa.anagrafe.Alloggio;
import it.piattaformacasa.anagrafe.AnagrafeService;
import it.piattaformacasa.anagrafe.Componente;
import it.piattaformacasa.anagrafe.DatiComponente;
import it.piattaformacasa.anagrafe.GestioneAnagrafeService;
import it.piattaformacasa.anagrafe.GestioneNucleiService;
import it.piattaformacasa.anagrafe.NucleoFamiliare;
import it.piattaformacasa.anagrafe.RelazioneParentela;
import it.piattaformacasa.anagrafe.StatoAlloggio;
import it.piattaformacasa.common.ConflittoException;
import it.piattaformacasa.common.DatiNonValidiException;
import it.piattaformacasa.common.web.PaginaConsole;

/**
 * The nuclei assegnatari's forms (issue 13), linked from the alloggio's page: «Registra il nucleo assegnatario», «Modifica il
 * nucleo», «Termina l'assegnazione». Each calls {@link GestioneNucleiService} as the API does: a refusal comes back beside
 * its field (400), a conflict with its reason (409), another ente's alloggio is 404 and a reading operator 403.
 *
 * <p>The members are rows of a table that works without JavaScript: the current ones and a few empty ones to add; an
 * empty row is ignored, «Togli dal nucleo» removes a member.
 */
@Controller
@PaginaConsole
class NucleiModuliPagine {

    /** Empty rows offered to add members. */
    static final int RIGHE_VUOTE = 3;
    private static final int MAX_RIGHE = 20;
    private static final DateTimeFormatter GIORNO = DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT);

    /** One row of the members' table, as typed. */
    record RigaComponente(String codiceFiscale, String nome, String cognome, String dataNascita, String relazione, boolean rimuovi) {
        boolean vuota() {
            return vuoto(codiceFiscale) && vuoto(nome) && vuoto(cognome) && vuoto(dataNascita) && vuoto(relazione);
        }

        private static boolean vuoto(String s) {
            return s == null || s.isBlank();
        }
    }

    private final AnagrafeService anagrafe;
    private final GestioneAnagrafeService gestione;
    private final GestioneNucleiService nuclei;
    private final MessageSource messaggi;

    NucleiModuliPagine(AnagrafeService anagrafe, GestioneAnagrafeService gestione, GestioneNucleiService nuclei, MessageSource messaggi) {
        this.anagrafe = anagrafe;
        this.gestione = gestione;
        this.nuclei = nuclei;
        this.messaggi = messaggi;
    }

    // ------------------------------------------------------------------------------------------ registrazione

    @GetMapping("/anagrafe/alloggi/{id}/nucleo/nuovo")
    ModelAndView nuovo(@PathVariable long id) {
        Alloggio alloggio = alloggioGestito(id);
        List<RigaComponente> righe = new ArrayList<>();
        righe.add(new RigaComponente(null, null, null, null, RelazioneParentela.RICHIEDENTE.name(), false));
        for (int i = 1; i < 1 + RIGHE_VUOTE; i++) {
            righe.add(new RigaComponente(null, null, null, null, null, false));
        }
        return pagina(alloggio, null, righe, Long.toString(alloggio.getVersion()), Map.of(), HttpStatus.OK, null);
    }

    @PostMapping("/anagrafe/alloggi/{id}/nucleo/nuovo")
    Object registra(@PathVariable long id, @RequestParam Map<String, String> modulo, RedirectAttributes esito) {
        return invia(alloggioGestito(id), null, modulo, esito, (versione, dati) -> nuclei.registra(id, versione, dati),
                "anagrafe.nucleo.registrato");
    }

    // ----------------------------------------------------------------------------------------------- modifica

    @GetMapping("/anagrafe/nuclei/{id}/modifica")
    ModelAndView modifica(@PathVariable long id) {
        NucleoFamiliare nucleo = nucleoAttuale(id);
        List<RigaComponente> righe = new ArrayList<>();
        for (Componente c : nucleo.getComponenti()) {
            righe.add(new RigaComponente(c.getCodiceFiscale().valore(), c.getNome(), c.getCognome(),
                    it.piattaformacasa.common.ItalianFormats.data(c.getDataNascita()), c.getRelazione().name(), false));
        }
        for (int i = 0; i < RIGHE_VUOTE; i++) {
            righe.add(new RigaComponente(null, null, null, null, null, false));
        }
        return pagina(nucleo.getAlloggio(), nucleo, righe, Long.toString(nucleo.getVersion()), Map.of(), HttpStatus.OK, null);
    }

    @PostMapping("/anagrafe/nuclei/{id}/modifica")
    Object salva(@PathVariable long id, @RequestParam Map<String, String> modulo, RedirectAttributes esito) {
        NucleoFamiliare nucleo = nuclei.nucleoGestito(id);
        return invia(nucleo.getAlloggio(), nucleo, modulo, esito, (versione, dati) -> nuclei.modifica(id, versione, dati),
                "anagrafe.nucleo.modificato");
    }

    /** What the service does with the members of a submitted form (register or correct a nucleo). */
    @FunctionalInterface
    private interface AzioneNucleo {
        void esegui(long versione, List<DatiComponente> dati);
    }

    /**
     * The members' form, registering or correcting: each field checked where it is, then the service's refusals beside
     * their fields, a conflict said above the form; done, back to the alloggio's nucleo.
     */
    private Object invia(Alloggio alloggio, NucleoFamiliare nucleo, Map<String, String> modulo, RedirectAttributes esito,
                         AzioneNucleo azione, String chiaveSuccesso) {
        List<RigaComponente> righe = righe(modulo);
        Map<String, String> errori = new LinkedHashMap<>();
        List<Integer> posizioni = new ArrayList<>();
        List<DatiComponente> dati = dati(righe, posizioni, errori);
        Long versione = versione(modulo.get("version"), errori);
        if (!errori.isEmpty()) {
            return pagina(alloggio, nucleo, righe, modulo.get("version"), etichettati(errori), HttpStatus.BAD_REQUEST, null);
        }
        try {
            azione.esegui(versione, dati);
        } catch (DatiNonValidiException e) {
            e.errori().forEach(x -> errori.putIfAbsent(campo(x.campo(), posizioni), x.messaggio()));
            return pagina(alloggio, nucleo, righe, modulo.get("version"), etichettati(errori), HttpStatus.BAD_REQUEST, null);
        } catch (ConflittoException e) {
            return pagina(alloggio, nucleo, righe, modulo.get("version"), Map.of(), HttpStatus.CONFLICT, e.getMessage());
        }
        esito.addFlashAttribute("successo", testo(chiaveSuccesso, alloggio.getCodiceUi()));
        return vaiA("/anagrafe/alloggi/" + alloggio.getId() + "#nucleo");
    }

    // ------------------------------------------------------------------------------------------------ termine

    @GetMapping("/anagrafe/nuclei/{id}/termine")
    ModelAndView termine(@PathVariable long id) {
        NucleoFamiliare nucleo = nucleoAttuale(id);
        return paginaTermine(nucleo, Map.of("version", Long.toString(nucleo.getVersion()), "statoAlloggio", StatoAlloggio.LIBERO.name()),
                Map.of(), HttpStatus.OK, null);
    }

    @PostMapping("/anagrafe/nuclei/{id}/termine")
    Object termina(@PathVariable long id, @RequestParam Map<String, String> modulo, RedirectAttributes esito) {
        NucleoFamiliare nucleo = nuclei.nucleoGestito(id);
        Alloggio alloggio = nucleo.getAlloggio();
        Map<String, String> errori = new LinkedHashMap<>();
        LocalDate data = data(modulo.get("data"), "data", true, errori);
        StatoAlloggio stato = null;
        String scelto = modulo.get("statoAlloggio");
        if (scelto != null && !scelto.isBlank()) {
            stato = GestioneNucleiService.STATI_DOPO_IL_TERMINE.stream().filter(s -> s.name().equals(scelto.strip())).findFirst().orElse(null);
            if (stato == null) {
                errori.put("statoAlloggio", "scegliere dall'elenco");
            }
        }
        Long versione = versione(modulo.get("version"), errori);
        if (!errori.isEmpty()) {
            // what the form could not read, and the service's rules it can tell without it: one answer lists every wrong field
            String motivo = modulo.get("motivo");
            if (motivo == null || motivo.isBlank()) {
                errori.put("motivo", "il motivo del termine è obbligatorio (decesso, trasferimento, decadenza…)");
            }
            return paginaTermine(nucleo, modulo, etichettati(errori), HttpStatus.BAD_REQUEST, null);
        }
        try {
            nuclei.termina(id, versione, data, modulo.get("motivo"), stato);
        } catch (DatiNonValidiException e) {
            e.errori().forEach(x -> errori.putIfAbsent(x.campo(), x.messaggio()));
            return paginaTermine(nucleo, modulo, etichettati(errori), HttpStatus.BAD_REQUEST, null);
        } catch (ConflittoException e) {
            return paginaTermine(nucleo, modulo, Map.of(), HttpStatus.CONFLICT, e.getMessage());
        }
        esito.addFlashAttribute("successo", testo("anagrafe.nucleo.terminato", alloggio.getCodiceUi()));
        return vaiA("/anagrafe/alloggi/" + alloggio.getId() + "#nucleo");
    }

    // ------------------------------------------------------------------------------------------------- common

    private Alloggio alloggioGestito(long id) {
        Alloggio alloggio = anagrafe.alloggio(id);
        gestione.enteGestito(alloggio.getEnte().getId());
        return alloggio;
    }

    /** The form of a household that left or was replaced would only be refused: say so at once. */
    private NucleoFamiliare nucleoAttuale(long id) {
        NucleoFamiliare nucleo = nuclei.nucleoGestito(id);
        if (!nucleo.isAttuale()) {
            throw new ConflittoException("Il nucleo non è più l'assegnatario attuale dell'alloggio " + nucleo.getAlloggio().getCodiceUi()
                    + ": resta nello storico e non si modifica");
        }
        return nucleo;
    }

    private ModelAndView pagina(Alloggio alloggio, NucleoFamiliare nucleo, List<RigaComponente> righe, String versione,
                                Map<String, String> errori, HttpStatus stato, String rifiuto) {
        ModelAndView pagina = new ModelAndView("anagrafe/nucleo-modulo");
        pagina.addObject("alloggio", alloggio);
        pagina.addObject("nucleo", nucleo);
        pagina.addObject("righe", righe);
        pagina.addObject("versione", versione);
        pagina.addObject("errori", errori);
        pagina.addObject("errore", rifiuto);
        pagina.addObject("relazioni", RelazioneParentela.values());
        pagina.setStatus(stato);
        return pagina;
    }

    private ModelAndView paginaTermine(NucleoFamiliare nucleo, Map<String, String> modulo, Map<String, String> errori, HttpStatus stato,
                                       String rifiuto) {
        ModelAndView pagina = new ModelAndView("anagrafe/nucleo-termine");
        pagina.addObject("alloggio", nucleo.getAlloggio());
        pagina.addObject("nucleo", nucleo);
        pagina.addObject("modulo", modulo);
        pagina.addObject("errori", errori);
        pagina.addObject("errore", rifiuto);
        pagina.addObject("stati", GestioneNucleiService.STATI_DOPO_IL_TERMINE);
        pagina.setStatus(stato);
        return pagina;
    }

    /** The rows as posted: {@code codiceFiscale0}, {@code nome0}, … up to {@code righe}. */
    private static List<RigaComponente> righe(Map<String, String> modulo) {
        int quante;
        try {
            quante = Math.max(0, Math.min(MAX_RIGHE + RIGHE_VUOTE, Integer.parseInt(modulo.getOrDefault("righe", "0").strip())));
        } catch (NumberFormatException e) {
            quante = 0;
        }
        List<RigaComponente> righe = new ArrayList<>();
        for (int i = 0; i < quante; i++) {
            righe.add(new RigaComponente(modulo.get("codiceFiscale" + i), modulo.get("nome" + i), modulo.get("cognome" + i),
                    modulo.get("dataNascita" + i), modulo.get("relazione" + i), "true".equals(modulo.get("rimuovi" + i))));
        }
        return righe;
    }

    /**
     * The members to send: rows neither empty nor removed; {@code posizioni} maps the service's index to the form's row, so
     * an error the service finds lands beside the right field.
     */
    private static List<DatiComponente> dati(List<RigaComponente> righe, List<Integer> posizioni, Map<String, String> errori) {
        List<DatiComponente> dati = new ArrayList<>();
        for (int i = 0; i < righe.size(); i++) {
            RigaComponente r = righe.get(i);
            if (r.vuota() || r.rimuovi()) {
                continue;
            }
            RelazioneParentela relazione = null;
            if (r.relazione() != null && !r.relazione().isBlank()) {
                for (RelazioneParentela p : RelazioneParentela.values()) {
                    if (p.name().equals(r.relazione().strip())) {
                        relazione = p;
                    }
                }
                if (relazione == null) {
                    errori.put("relazione" + i, "scegliere dall'elenco");
                }
            }
            LocalDate nascita = data(r.dataNascita(), "dataNascita" + i, false, errori);
            posizioni.add(i);
            dati.add(new DatiComponente(r.codiceFiscale(), r.nome(), r.cognome(), nascita, relazione));
        }
        return dati;
    }

    private static LocalDate data(String testo, String campo, boolean obbligatoria, Map<String, String> errori) {
        if (testo == null || testo.isBlank()) {
            return null;
        }
        String pulito = testo.strip();
        try {
            return pulito.contains("/") ? LocalDate.parse(pulito, GIORNO) : LocalDate.parse(pulito);
        } catch (DateTimeParseException e) {
            errori.put(campo, "scrivere la data come gg/mm/aaaa, ad esempio 31/01/2026");
            return null;
        }
    }

    private static Long versione(String testo, Map<String, String> errori) {
        if (testo == null || !testo.strip().matches("[0-9]{1,18}")) {
            errori.put("version", "la versione letta manca: ricaricare la pagina");
            return null;
        }
        return Long.valueOf(testo.strip());
    }

    /** The service's field names ({@code componenti[2].nome}) → the form's ({@code nome4}: the row it came from). */
    private static String campo(String campoApi, List<Integer> posizioni) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("componenti\\[(\\d+)]\\.(\\w+)").matcher(campoApi);
        if (m.matches()) {
            int indice = Integer.parseInt(m.group(1));
            int riga = indice < posizioni.size() ? posizioni.get(indice) : indice;
            return m.group(2) + riga;
        }
        return campoApi;
    }

    /** «Riga 2, codice fiscale: …» for the summary; the members' table for the rule on the intestatario. */
    private Map<String, String> etichettati(Map<String, String> errori) {
        Map<String, String> etichettati = new LinkedHashMap<>();
        errori.forEach((campo, messaggio) -> {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("([a-zA-Z]+)(\\d+)").matcher(campo);
            String etichetta = m.matches()
                    ? testo("anagrafe.nucleo.riga", Integer.parseInt(m.group(2)) + 1) + ", " + testo("anagrafe.nucleo.campo." + m.group(1)).toLowerCase(Locale.ITALIAN)
                    : testo("anagrafe.nucleo.campo." + campo);
            etichettati.put(campo, etichetta + ": " + messaggio);
        });
        return etichettati;
    }

    private static RedirectView vaiA(String indirizzo) {
        RedirectView vista = new RedirectView(indirizzo, true);
        vista.setStatusCode(HttpStatus.SEE_OTHER);
        return vista;
    }

    private String testo(String chiave, Object... argomenti) {
        return messaggi.getMessage(chiave, argomenti, chiave, Locale.ITALIAN);
    }
}
