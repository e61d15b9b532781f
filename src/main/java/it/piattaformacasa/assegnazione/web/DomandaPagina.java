package it.piattaformacasa.assegnazione.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.RedirectView;

import it.piattaformacasa.graduatoria.web.ModuloRettifica;
import it.piattaformacasa.anagrafe.ComuniItaliani;
import it.piattaformacasa.assegnazione.IstruttoriaService;
import it.piattaformacasa.assegnazione.SeguitoDelCittadino;
import it.piattaformacasa.avviso.AvvisoService;
import it.piattaformacasa.avviso.RegoleDellAvviso;
import it.piattaformacasa.common.AccessoNegatoException;
import it.piattaformacasa.common.ConflittoException;
import it.piattaformacasa.common.DatiNonValidiException;
import it.piattaformacasa.common.ItalianFormats;
import it.piattaformacasa.common.Termini;
import it.piattaformacasa.common.sicurezza.UtenteCorrente;
import it.piattaformacasa.common.web.PaginaConsole;
import it.piattaformacasa.domanda.AlloggiScelti;
import it.piattaformacasa.domanda.Domanda;
import it.piattaformacasa.domanda.DomandaService;
import it.piattaformacasa.domanda.LettureDomanda;
import it.piattaformacasa.domanda.SceltaInElenco;
import it.piattaformacasa.domanda.SpiegazionePunteggio;
import it.piattaformacasa.domanda.SpiegazionePunteggioService;
import it.piattaformacasa.graduatoria.Graduatoria;
import it.piattaformacasa.graduatoria.GraduatoriaService;
import it.piattaformacasa.graduatoria.RettificaInvalidita;
import it.piattaformacasa.graduatoria.RettificaService;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Issue 12, the page of one domanda: richiedente and nucleo, residence and work, ISEE and patrimonio, conditions, the
 * alloggi chosen, the ISBAR with the explanation the citizen reads ({@code GET /api/domande/{id}/spiegazione}), the
 * history of its score and its istruttorie at every ente. Here because it gathers the domanda, its rettifiche and its
 * istruttorie; the same services as the API, so the same 404 for an operator of an ente the domanda did not choose.
 */
@Controller
@PaginaConsole
class DomandaPagina {

    private static final ZoneId ROMA = ZoneId.of("Europe/Rome");

    /** A member of the nucleo as the page lists it. */
    record Membro(String codiceFiscale, String nome, String cognome, String relazione, LocalDate dataNascita, int eta,
                  int percentualeInvalidita, boolean accompagnamento, boolean handicapGrave, boolean disoccupato) {
    }

    /** A step of the score's history: presented, rettifica, ricalcolo in istruttoria. */
    record Variazione(Instant quando, LocalDate giorno, String cosa, String esito, BigDecimal prima, BigDecimal dopo,
                      String chi) {
    }

    /**
     * The domanda in one graduatoria of its avviso the caller sees: its place, and the citizen's rettifica per invalidità
     * civile at that graduatoria's ente (the request, or the form to register it while the 15 days run).
     */
    record InGraduatoria(long id, String ente, String comune, Graduatoria.Stato stato, int posizione, BigDecimal isbar,
                         LocalDate ultimoGiornoRettifiche, boolean finestraAperta, boolean registrabile,
                         RettificaInvalidita rettifica) {
    }


    private final DomandaService domande;
    private final SpiegazionePunteggioService spiegazioni;
    private final IstruttoriaService istruttorie;
    private final RettificaService rettifiche;
    private final AlloggiScelti alloggiScelti;
    private final AvvisoService avvisi;
    private final RegoleDellAvviso regoleDellAvviso;
    private final ComuniItaliani comuni;
    private final GraduatoriaService graduatorie;
    private final UtenteCorrente utente;
    private final Clock clock;
    private final SeguitoDelCittadino seguito;

    DomandaPagina(SeguitoDelCittadino seguito, DomandaService domande, SpiegazionePunteggioService spiegazioni, IstruttoriaService istruttorie,
                  RettificaService rettifiche, AlloggiScelti alloggiScelti, AvvisoService avvisi, ComuniItaliani comuni,
                  GraduatoriaService graduatorie, UtenteCorrente utente, Clock clock, RegoleDellAvviso regoleDellAvviso) {
        this.seguito = seguito;
        this.domande = domande;
        this.spiegazioni = spiegazioni;
        this.istruttorie = istruttorie;
        this.rettifiche = rettifiche;
        this.alloggiScelti = alloggiScelti;
        this.avvisi = avvisi;
        this.comuni = comuni;
        this.graduatorie = graduatorie;
        this.utente = utente;
        this.clock = clock;
        this.regoleDellAvviso = regoleDellAvviso;
    }

    @GetMapping("/domande/{id}")
    String domanda(@PathVariable long id, Model model) {
        return pagina(id, null, Map.of(), model, true);
    }

    /**
     * «Registra la richiesta di rettifica»: the citizen asked the ente, within 15 days of the provisional graduatoria's
     * publication, to count a civil invalidity; the API's {@code POST /api/graduatorie/{id}/rettifiche} through the same
     * service, which starts the ente's decision (15 days, silence means acceptance). Refused: the page again, the reason
     * beside its field, what was typed kept.
     */
    @PostMapping("/domande/{id}/rettifiche")
    Object registraRettifica(@PathVariable long id, @ModelAttribute ModuloRettifica modulo, Model model,
                             RedirectAttributes esito, HttpServletResponse risposta) {
        Map<String, String> errori = new LinkedHashMap<>();
        Long graduatoriaId = intero(modulo.graduatoriaId(), 18)
                .orElseGet(() -> {
                    errori.put("graduatoriaId", "Graduatoria: indicare la graduatoria presso il cui ente si registra la richiesta");
                    return null;
                });
        if (modulo.componente() == null || modulo.componente().isBlank()) {
            errori.put("componente", "Componente: indicare il componente del nucleo di cui si chiede di contare l'invalidità");
        }
        Integer percentuale = intero(modulo.percentuale(), 3).map(Long::intValue).filter(p -> p <= 100).orElse(null);
        if (percentuale == null) {
            errori.put("percentuale", "Percentuale di invalidità: un numero intero da 0 a 100");
        }
        HttpStatus stato = HttpStatus.BAD_REQUEST;
        if (errori.isEmpty()) {
            try {
                RettificaInvalidita registrata = rettifiche.registra(graduatoriaId, new RettificaService.Richiesta(id,
                        modulo.componente(), percentuale, modulo.conAccompagnamento(), modulo.conHandicapGrave()));
                LocalDate entro = Termini.ultimoGiorno(registrata.getRichiestaIl(), RettificaService.GIORNI_PER_DECIDERE);
                esito.addFlashAttribute("successo", "Richiesta di rettifica n. " + registrata.getId() + " registrata ("
                        + registrata.getPercentualeRichiesta() + " % per " + registrata.getComponenteCf() + "): l'ente decide entro il "
                        + ItalianFormats.data(entro) + "; senza una decisione entro quel giorno la richiesta è accolta (silenzio assenso).");
                RedirectView domanda = new RedirectView("/domande/" + id + "#graduatorie", true);
                domanda.setStatusCode(HttpStatus.SEE_OTHER);
                return domanda;
            } catch (DatiNonValidiException e) {
                e.errori().forEach(x -> errori.putIfAbsent(CAMPI.getOrDefault(x.campo(), "componente"),
                        ETICHETTE.getOrDefault(x.campo(), "") + x.messaggio()));
            } catch (AccessoNegatoException e) {
                stato = HttpStatus.FORBIDDEN;
                errori.put("graduatoriaId", e.getMessage());
            } catch (ConflittoException e) {
                // out of time, not provisional any more, or a request already there at that ente
                stato = HttpStatus.CONFLICT;
                errori.put("graduatoriaId", e.getMessage());
            }
        }
        // the page again (a domanda the caller may not see gets its 404 from it), the refusal beside the field
        String vista = pagina(id, modulo, errori, model, false);
        risposta.setStatus(stato.value());
        return vista;
    }

    /** The service's field names, and the labels the form shows for them. */
    private static final Map<String, String> CAMPI = Map.of("codiceFiscaleComponente", "componente", "domandaId", "graduatoriaId",
            "percentualeInvalidita", "percentuale");
    private static final Map<String, String> ETICHETTE = Map.of("codiceFiscaleComponente", "Componente: ",
            "domandaId", "Graduatoria: ", "percentualeInvalidita", "Percentuale di invalidità: ");

    private static java.util.Optional<Long> intero(String testo, int cifre) {
        if (testo == null || !testo.strip().matches("[0-9]{1," + cifre + "}")) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(Long.parseLong(testo.strip()));
    }

    /** @param lettura an operator opening the page: the read is recorded (issue 16); a form sent back is not a new read */
    private String pagina(long id, ModuloRettifica modulo, Map<String, String> errori, Model model, boolean lettura) {
        Domanda domanda = lettura ? domande.domandaLetta(id, LettureDomanda.Dove.CONSOLE_DOMANDA) : domande.domanda(id);
        SpiegazionePunteggio spiegazione = spiegazioni.spiegazione(id);
        List<IstruttoriaService.Istruttoria> diDomanda = istruttorie.diDomanda(id);
        List<RettificaInvalidita> richieste = rettifiche.diDomanda(id);
        long avvisoId = domanda.getAvviso().getId();
        LocalDate oggi = LocalDate.now(clock.withZone(ROMA));

        model.addAttribute("domanda", domanda);
        model.addAttribute("avvisoId", avvisoId);
        model.addAttribute("avvisoTitolo", avvisi.avvisoSenzaAmbito(avvisoId).getTitolo());
        // the regulatory step by its name («Secondo step del r.r. 2/2025»), as the avviso's page says it
        var quadro = regoleDellAvviso.descritte(avvisoId).descrizione();
        model.addAttribute("passo", quadro.etichettaPasso() != null && domanda.getVersioneRegole().equals(quadro.passoNormativo())
                ? quadro.etichettaPasso() : domanda.getVersioneRegole());
        List<Membro> nucleo = domanda.getNucleo().getComponenti().stream().map(c -> new Membro(c.getCodiceFiscale().valore(),
                c.getNome(), c.getCognome(), c.getRelazione().name(), c.getDataNascita(), c.etaAl(oggi),
                c.getPercentualeInvalidita(), c.isIndennitaAccompagnamento(), c.isHandicapGrave(), c.isDisoccupato())).toList();
        model.addAttribute("nucleo", nucleo);
        model.addAttribute("richiedente", nucleo.stream().filter(m -> m.relazione().equals("RICHIEDENTE")).findFirst()
                .orElse(null));
        model.addAttribute("comuneResidenza", comune(domanda.getCodiceIstatResidenza()));
        model.addAttribute("comuneLavoro", comune(domanda.getCodiceIstatLavoro()));
        model.addAttribute("condizioni", domanda.getCondizioni() == null ? Map.of() : domanda.getCondizioni());
        List<SceltaInElenco> scelte = alloggiScelti.di(List.of(id)).getOrDefault(id, List.of());
        model.addAttribute("scelte", scelte);
        model.addAttribute("spiegazione", spiegazione);
        model.addAttribute("istruttorie", diDomanda);
        model.addAttribute("risposteDelNucleo", seguito.risposteDellaDomanda(id));
        model.addAttribute("storia", storia(domanda, spiegazione, richieste, diDomanda));
        List<InGraduatoria> inGraduatoria = inGraduatoria(id, avvisoId, richieste, oggi);
        model.addAttribute("graduatorie", inGraduatoria);
        model.addAttribute("registrabili", inGraduatoria.stream().filter(InGraduatoria::registrabile).toList());
        model.addAttribute("moduloRettifica", modulo);
        model.addAttribute("erroriRettifica", errori);
        return "domanda/domanda";
    }

    /** The graduatorie of the avviso the caller sees that rank this domanda, in their order. */
    private List<InGraduatoria> inGraduatoria(long domandaId, long avvisoId, List<RettificaInvalidita> richieste, LocalDate oggi) {
        List<InGraduatoria> elenco = new ArrayList<>();
        for (Graduatoria g : graduatorie.graduatorieDi(avvisoId)) {
            GraduatoriaService.Riga riga = graduatorie.riga(g.getId(), domandaId).orElse(null);
            if (riga == null) {
                continue;
            }
            LocalDate ultimoGiorno = g.getPubblicataIl() == null ? null : g.ultimoGiornoRettifiche();
            boolean aperta = g.getStato() == Graduatoria.Stato.PROVVISORIA && ultimoGiorno != null && !oggi.isAfter(ultimoGiorno);
            RettificaInvalidita rettifica = richieste.stream().filter(r -> r.getEnteId() == g.getEnte().getId()).findFirst()
                    .orElse(null);
            elenco.add(new InGraduatoria(g.getId(), g.getEnte().getRagioneSociale(), g.getComune().getNome(), g.getStato(),
                    riga.posizione(), riga.isbar(), ultimoGiorno, aperta,
                    aperta && rettifica == null && !utente.soloLettura() && utente.entiAbilitati().contains(g.getEnte().getId()), rettifica));
        }
        return elenco;
    }

    private String comune(String codiceIstat) {
        if (codiceIstat == null) {
            return null;
        }
        return comuni.perCodiceIstat(codiceIstat).map(c -> c.nome() + " (" + codiceIstat + ")").orElse(codiceIstat);
    }

    /** Whatever the data records of the score: at submission, each rettifica decided, each ricalcolo in istruttoria. */
    private static List<Variazione> storia(Domanda domanda, SpiegazionePunteggio spiegazione, List<RettificaInvalidita> richieste,
                                           List<IstruttoriaService.Istruttoria> diDomanda) {
        List<Variazione> storia = new ArrayList<>();
        storia.add(new Variazione(domanda.getPresentataIl(), null, "Presentazione", "PRESENTAZIONE",
                null, spiegazione.isbarPresentato().valore(), domanda.getPresentataDaComeSiLegge()));
        for (RettificaInvalidita r : richieste) {
            Instant quando = r.getDecisaIl() != null ? r.getDecisaIl() : r.getRichiestaIl().atStartOfDay(ROMA).toInstant();
            storia.add(new Variazione(quando, r.getDecisaIl() == null ? r.getRichiestaIl() : null,
                    "Rettifica per invalidità civile (" + r.getPercentualeRichiesta() + " %)", "RETTIFICA_" + r.getStato().name(),
                    r.getIsbarPrima(), r.getIsbarDopo(), r.getDecisaDa() != null ? r.getDecisaDa() : r.getRegistrataDa()));
        }
        for (IstruttoriaService.Istruttoria i : diDomanda) {
            if (i.isbarDopo() != null) {
                storia.add(new Variazione(i.chiusaIl() != null ? i.chiusaIl() : i.avviataIl(), null,
                        "Ricalcolo in istruttoria presso " + i.ente(), "ISTRUTTORIA_" + i.stato().name(), i.isbarPrima(),
                        i.isbarDopo(), i.chiusaDa()));
            }
        }
        storia.sort(Comparator.comparing(Variazione::quando));
        return storia;
    }
}
