package it.piattaformacasa.assegnazione.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import it.piattaformacasa.anagrafe.ComuniItaliani;
import it.piattaformacasa.assegnazione.IstruttoriaService;
import it.piattaformacasa.avviso.AvvisoService;
import it.piattaformacasa.common.web.PaginaConsole;
import it.piattaformacasa.domanda.AlloggiScelti;
import it.piattaformacasa.domanda.Domanda;
import it.piattaformacasa.domanda.DomandaService;
import it.piattaformacasa.domanda.SceltaInElenco;
import it.piattaformacasa.domanda.SpiegazionePunteggio;
import it.piattaformacasa.domanda.SpiegazionePunteggioService;
import it.piattaformacasa.graduatoria.RettificaInvalidita;
import it.piattaformacasa.graduatoria.RettificaService;

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

    private final DomandaService domande;
    private final SpiegazionePunteggioService spiegazioni;
    private final IstruttoriaService istruttorie;
    private final RettificaService rettifiche;
    private final AlloggiScelti alloggiScelti;
    private final AvvisoService avvisi;
    private final ComuniItaliani comuni;
    private final Clock clock;

    DomandaPagina(DomandaService domande, SpiegazionePunteggioService spiegazioni, IstruttoriaService istruttorie,
                  RettificaService rettifiche, AlloggiScelti alloggiScelti, AvvisoService avvisi, ComuniItaliani comuni,
                  Clock clock) {
        this.domande = domande;
        this.spiegazioni = spiegazioni;
        this.istruttorie = istruttorie;
        this.rettifiche = rettifiche;
        this.alloggiScelti = alloggiScelti;
        this.avvisi = avvisi;
        this.comuni = comuni;
        this.clock = clock;
    }

    @GetMapping("/domande/{id}")
    String domanda(@PathVariable long id, Model model) {
        Domanda domanda = domande.domanda(id);
        SpiegazionePunteggio spiegazione = spiegazioni.spiegazione(id);
        List<IstruttoriaService.Istruttoria> diDomanda = istruttorie.diDomanda(id);
        List<RettificaInvalidita> richieste = rettifiche.diDomanda(id);
        long avvisoId = domanda.getAvviso().getId();
        LocalDate oggi = LocalDate.now(clock.withZone(ROMA));

        model.addAttribute("domanda", domanda);
        model.addAttribute("avvisoId", avvisoId);
        model.addAttribute("avvisoTitolo", avvisi.avvisoSenzaAmbito(avvisoId).getTitolo());
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
        model.addAttribute("storia", storia(domanda, spiegazione, richieste, diDomanda));
        return "domanda/domanda";
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
                null, spiegazione.isbarPresentato().valore(), domanda.getPresentataDa()));
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
