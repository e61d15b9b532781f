package it.piattaformacasa.cittadino.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
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
import it.piattaformacasa.assegnazione.SeguitoDelCittadino;
import it.piattaformacasa.common.CodiceFiscale;
import it.piattaformacasa.common.ConflittoException;
import it.piattaformacasa.common.DatiNonValidiException;
import it.piattaformacasa.common.ItalianFormats;
import it.piattaformacasa.common.sicurezza.CittadinoCorrente;
import it.piattaformacasa.common.web.PaginaConsole;
import it.piattaformacasa.domanda.DomandeDelCittadino;
import it.piattaformacasa.domanda.LettureDomanda;
import it.piattaformacasa.graduatoria.GraduatoriaService;
import it.piattaformacasa.graduatoria.RettificaInvalidita;
import it.piattaformacasa.graduatoria.RettificaService;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Issue 16, «follow the domanda» and «answer the platform»: the citizen's domande, and for each the timeline of its
 * life built from what the platform records (the domanda, its graduatorie, rettifiche, istruttorie, proposte and
 * contract), the score explained with their own values, who among the operators read it, and the two answers the
 * citizen may give online — a rettifica per invalidità civile within the 15 days, and the acceptance or refusal of a
 * proposed alloggio. Every page finds the domanda by the codice fiscale of the identity only: a domanda that is not the
 * citizen's is «not found» (404), whatever the address typed.
 */
@Controller
@PaginaConsole
class DomandeCittadinoPagine {

    private static final Locale IT = Locale.ITALIAN;

    /** Where a step of the timeline stands; the page says it in words, not by colour alone. */
    enum StatoPasso { FATTO, IN_CORSO, FUTURO }

    /** One step of the timeline. */
    record Passo(String titolo, String quando, StatoPasso stato, List<String> dettagli) {
    }

    /** A member of the nucleo the citizen may name in a rettifica (the value is checked against the domanda's nucleo). */
    record Scelta(String valore, String etichetta) {
    }


    /** The answer to a proposta: ACCETTA or RINUNCIA, and the reason of a refusal. */
    record ModuloRisposta(String esito, String motivo) {
    }

    private final CittadinoCorrente cittadino;
    private final DomandeDelCittadino domande;
    private final GraduatoriaService graduatorie;
    private final RettificaService rettifiche;
    private final SeguitoDelCittadino seguito;
    private final LettureDomanda letture;
    private final MessageSource messaggi;

    DomandeCittadinoPagine(CittadinoCorrente cittadino, DomandeDelCittadino domande, GraduatoriaService graduatorie,
                           RettificaService rettifiche, SeguitoDelCittadino seguito, LettureDomanda letture,
                           MessageSource messaggi) {
        this.cittadino = cittadino;
        this.domande = domande;
        this.graduatorie = graduatorie;
        this.rettifiche = rettifiche;
        this.seguito = seguito;
        this.letture = letture;
        this.messaggi = messaggi;
    }

    @GetMapping("/cittadino/domande")
    String elenco(Model model) {
        model.addAttribute("domande", domande.elenco(cittadino.richiesto()));
        return "cittadino/domande";
    }

    @GetMapping("/cittadino/domande/{id}")
    String domanda(@PathVariable long id, Model model) {
        return pagina(id, null, Map.of(), null, Map.of(), model);
    }

    /**
     * «Chiedi la rettifica»: the same request an operator registers at the ente's desk ({@code POST /domande/{id}/rettifiche}),
     * through the same service and checks, recorded as the citizen's. Refused: the page again with the reason beside
     * the field (400 for a wrong value, 409 out of time or a request already there), nothing written.
     */
    @PostMapping("/cittadino/domande/{id}/rettifica")
    Object rettifica(@PathVariable long id, @ModelAttribute ModuloRettifica modulo, Model model, RedirectAttributes esito,
                     HttpServletResponse risposta) {
        CodiceFiscale cf = cittadino.richiesto();
        domande.verifica(id, cf); // 404 before anything else for a domanda that is not theirs
        Map<String, String> errori = new LinkedHashMap<>();
        Long graduatoriaId = intero(modulo.graduatoriaId(), 18).orElse(null);
        if (graduatoriaId == null) {
            errori.put("graduatoriaId", m("cittadino.seguire.rettifica.errore.graduatoria"));
        }
        if (modulo.componente() == null || modulo.componente().isBlank()) {
            errori.put("componente", m("cittadino.seguire.rettifica.errore.componente"));
        }
        Integer percentuale = intero(modulo.percentuale(), 3).map(Long::intValue).filter(p -> p <= 100).orElse(null);
        if (percentuale == null) {
            errori.put("percentuale", m("cittadino.seguire.rettifica.errore.percentuale"));
        }
        HttpStatus stato = HttpStatus.BAD_REQUEST;
        if (errori.isEmpty()) {
            try {
                RettificaInvalidita registrata = rettifiche.richiediDalCittadino(graduatoriaId, new RettificaService.Richiesta(id,
                        modulo.componente(), percentuale, modulo.conAccompagnamento(), modulo.conHandicapGrave()), cf);
                esito.addFlashAttribute("successo", m("cittadino.seguire.rettifica.fatta", Long.toString(registrata.getId()),
                        ItalianFormats.data(it.piattaformacasa.common.Termini.ultimoGiorno(registrata.getRichiestaIl(),
                                RettificaService.GIORNI_PER_DECIDERE))));
                return vaiA("/cittadino/domande/" + id + "#esito");
            } catch (DatiNonValidiException e) {
                e.errori().forEach(x -> errori.putIfAbsent(campo(x.campo()), x.messaggio()));
            } catch (ConflittoException e) {
                stato = HttpStatus.CONFLICT;
                errori.put("graduatoriaId", e.getMessage());
            }
        }
        String vista = pagina(id, modulo, errori, null, Map.of(), model);
        risposta.setStatus(stato.value());
        return vista;
    }

    /** «Rispondi alla proposta»: accept, or refuse with the reason (the contract process goes to its rinuncia path). */
    @PostMapping("/cittadino/domande/{id}/proposte/{assegnazioneId}/risposta")
    Object rispondi(@PathVariable long id, @PathVariable long assegnazioneId, @ModelAttribute ModuloRisposta modulo,
                    Model model, RedirectAttributes esito, HttpServletResponse risposta) {
        CodiceFiscale cf = cittadino.richiesto();
        domande.verifica(id, cf);
        Map<String, String> errori = new LinkedHashMap<>();
        boolean accetta = "ACCETTA".equals(modulo.esito());
        if (!accetta && !"RINUNCIA".equals(modulo.esito())) {
            errori.put("esito", m("cittadino.seguire.proposta.errore.esito"));
        }
        HttpStatus stato = HttpStatus.BAD_REQUEST;
        if (errori.isEmpty()) {
            try {
                seguito.rispondi(id, assegnazioneId, cf, accetta, modulo.motivo());
                esito.addFlashAttribute("successo", m(accetta ? "cittadino.seguire.proposta.accettata"
                        : "cittadino.seguire.proposta.rinunciata"));
                return vaiA("/cittadino/domande/" + id + "#esito");
            } catch (DatiNonValidiException e) {
                e.errori().forEach(x -> errori.putIfAbsent(x.campo(), x.messaggio()));
            } catch (ConflittoException e) {
                stato = HttpStatus.CONFLICT;
                errori.put("esito", e.getMessage());
            }
        }
        String vista = pagina(id, null, Map.of(), modulo, errori, model);
        risposta.setStatus(stato.value());
        return vista;
    }

    private static RedirectView vaiA(String indirizzo) {
        RedirectView vista = new RedirectView(indirizzo, true);
        vista.setStatusCode(HttpStatus.SEE_OTHER);
        return vista;
    }

    private static String campo(String delServizio) {
        return switch (delServizio) {
            case "codiceFiscaleComponente" -> "componente";
            case "percentualeInvalidita" -> "percentuale";
            default -> "graduatoriaId";
        };
    }

    private String pagina(long id, ModuloRettifica moduloRettifica, Map<String, String> erroriRettifica,
                          ModuloRisposta moduloRisposta, Map<String, String> erroriRisposta, Model model) {
        CodiceFiscale cf = cittadino.richiesto();
        DomandeDelCittadino.Dettaglio domanda = domande.dettaglio(id, cf);
        List<GraduatoriaService.PostoDelCittadino> posti = graduatorie.postiDellaDomanda(id);
        List<RettificaInvalidita> richieste = rettifiche.delCittadino(id, cf);
        List<SeguitoDelCittadino.Istruttoria> istruttorie = seguito.istruttorie(id, cf);
        List<SeguitoDelCittadino.Proposta> proposte = seguito.proposte(id, cf);

        model.addAttribute("domanda", domanda);
        model.addAttribute("percorso", percorso(domanda, posti, richieste, istruttorie, proposte));
        model.addAttribute("posti", posti);
        // the rettifica: at the enti of the provisional graduatorie whose 15 days run and where none was asked yet
        Set<Long> entiConRichiesta = richieste.stream().map(RettificaInvalidita::getEnteId).collect(Collectors.toSet());
        List<GraduatoriaService.PostoDelCittadino> aperte = posti.stream()
                .filter(GraduatoriaService.PostoDelCittadino::finestraRettificheAperta)
                .filter(p -> !entiConRichiesta.contains(p.enteId()))
                .toList();
        model.addAttribute("rettificabili", aperte);
        model.addAttribute("membri", domanda.nucleo().stream().map(c -> new Scelta(c.codiceFiscale(),
                m("cittadino.seguire.rettifica.membro", c.nome(), c.cognome(), c.percentualeInvalidita()))).toList());
        model.addAttribute("moduloRettifica", moduloRettifica);
        model.addAttribute("erroriRettifica", erroriRettifica);
        model.addAttribute("proposta", proposte.stream().filter(SeguitoDelCittadino.Proposta::inAttesaDiRisposta).findFirst()
                .orElse(null));
        model.addAttribute("moduloRisposta", moduloRisposta);
        model.addAttribute("erroriRisposta", erroriRisposta);
        model.addAttribute("letture", letture.delCittadino(id, cf));
        model.addAttribute("ricevuta", "/cittadino/domande/" + id + "/ricevuta");
        return "cittadino/domanda";
    }

    /** The life of the domanda, step by step, from what the platform recorded. */
    private List<Passo> percorso(DomandeDelCittadino.Dettaglio domanda, List<GraduatoriaService.PostoDelCittadino> posti,
                                 List<RettificaInvalidita> richieste, List<SeguitoDelCittadino.Istruttoria> istruttorie,
                                 List<SeguitoDelCittadino.Proposta> proposte) {
        List<Passo> passi = new ArrayList<>();
        passi.add(new Passo(m("cittadino.seguire.passo.presentata"), ItalianFormats.dataOra(domanda.presentataIl()),
                StatoPasso.FATTO, List.of(m("cittadino.seguire.presentata.dettaglio", Long.toString(domanda.id()), domanda.avviso()))));

        // provisional graduatorie, with the place in each
        Optional<LocalDate> pubblicata = posti.stream().map(GraduatoriaService.PostoDelCittadino::pubblicataIl).min(Comparator.naturalOrder());
        List<String> provvisorie = posti.stream().map(p -> m("cittadino.seguire.provvisoria.posto", p.posizione(), p.ente(),
                p.comune(), ItalianFormats.decimale(p.isbar(), 3), ItalianFormats.data(p.pubblicataIl()))).toList();
        passi.add(pubblicata.isPresent()
                ? new Passo(m("cittadino.seguire.passo.provvisoria"), ItalianFormats.data(pubblicata.get()), StatoPasso.FATTO, provvisorie)
                : new Passo(m("cittadino.seguire.passo.provvisoria"), null, StatoPasso.FUTURO,
                        List.of(m("cittadino.seguire.provvisoria.attesa"))));

        // the rettifica window
        List<String> finestra = new ArrayList<>();
        boolean aperta = posti.stream().anyMatch(GraduatoriaService.PostoDelCittadino::finestraRettificheAperta);
        Optional<LocalDate> ultimo = posti.stream().map(GraduatoriaService.PostoDelCittadino::ultimoGiornoRettifiche)
                .max(Comparator.naturalOrder());
        for (GraduatoriaService.PostoDelCittadino p : posti) {
            finestra.add(m(p.finestraRettificheAperta() ? "cittadino.seguire.rettifiche.aperta" : "cittadino.seguire.rettifiche.chiusa",
                    p.ente(), p.comune(), ItalianFormats.data(p.ultimoGiornoRettifiche())));
        }
        for (RettificaInvalidita r : richieste) {
            finestra.add(m("cittadino.seguire.rettifiche.richiesta", ItalianFormats.data(r.getRichiestaIl()),
                    r.getPercentualeRichiesta(), m("cittadino.seguire.rettifiche.stato." + r.getStato().name()),
                    r.isRichiestaDalCittadino() ? m("cittadino.seguire.rettifiche.online") : m("cittadino.seguire.rettifiche.sportello")));
        }
        if (posti.isEmpty()) {
            passi.add(new Passo(m("cittadino.seguire.passo.rettifiche"), null, StatoPasso.FUTURO,
                    List.of(m("cittadino.seguire.rettifiche.attesa"))));
        } else {
            passi.add(new Passo(m("cittadino.seguire.passo.rettifiche"),
                    m(aperte(aperta), ItalianFormats.data(ultimo.orElseThrow())), aperta ? StatoPasso.IN_CORSO : StatoPasso.FATTO,
                    finestra));
        }

        // the definitive graduatorie
        List<GraduatoriaService.PostoDelCittadino> definitive = posti.stream().filter(p -> p.definitivaIl() != null).toList();
        passi.add(definitive.isEmpty()
                ? new Passo(m("cittadino.seguire.passo.definitiva"), null, StatoPasso.FUTURO, List.of(m("cittadino.seguire.definitiva.attesa")))
                : new Passo(m("cittadino.seguire.passo.definitiva"), ItalianFormats.dataOra(definitive.stream()
                        .map(GraduatoriaService.PostoDelCittadino::definitivaIl).min(Comparator.naturalOrder()).orElseThrow()),
                        StatoPasso.FATTO, definitive.stream().map(p -> m("cittadino.seguire.definitiva.posto", p.posizione(), p.ente(),
                                p.comune(), ItalianFormats.dataOra(p.definitivaIl()))).toList()));

        // istruttorie
        if (istruttorie.isEmpty()) {
            passi.add(new Passo(m("cittadino.seguire.passo.istruttoria"), null, StatoPasso.FUTURO,
                    List.of(m("cittadino.seguire.istruttoria.attesa"))));
        } else {
            boolean inCorso = istruttorie.stream().anyMatch(i -> "IN_CORSO".equals(i.stato()));
            List<String> righe = new ArrayList<>();
            for (SeguitoDelCittadino.Istruttoria i : istruttorie) {
                righe.add(m("cittadino.seguire.istruttoria.avviata", i.ente(), ItalianFormats.dataOra(i.avviataIl())));
                if (i.chiusaIl() != null) {
                    righe.add(m("cittadino.seguire.istruttoria.esito." + i.stato(), i.ente(), ItalianFormats.dataOra(i.chiusaIl()),
                            i.note() == null ? "" : i.note()));
                }
            }
            passi.add(new Passo(m("cittadino.seguire.passo.istruttoria"), ItalianFormats.dataOra(istruttorie.get(0).avviataIl()),
                    inCorso ? StatoPasso.IN_CORSO : StatoPasso.FATTO, righe));
        }

        // the proposta and the contract: the latest proposta tells where things stand
        SeguitoDelCittadino.Proposta ultima = proposte.isEmpty() ? null : proposte.get(0);
        if (ultima == null) {
            passi.add(new Passo(m("cittadino.seguire.passo.proposta"), null, StatoPasso.FUTURO, List.of(m("cittadino.seguire.proposta.attesa"))));
            passi.add(new Passo(m("cittadino.seguire.passo.contratto"), null, StatoPasso.FUTURO, List.of(m("cittadino.seguire.contratto.attesa"))));
        } else {
            List<String> righe = new ArrayList<>();
            List<SeguitoDelCittadino.Proposta> inOrdine = new ArrayList<>(proposte);
            java.util.Collections.reverse(inOrdine);
            for (SeguitoDelCittadino.Proposta p : inOrdine) {
                righe.add(m("cittadino.seguire.proposta.alloggio", p.ente(), p.alloggio(), ItalianFormats.dataOra(p.assegnataIl())));
                if (p.risposta() != null) {
                    righe.add(p.risposta().accettata()
                            ? m("cittadino.seguire.proposta.risposta.accettata", ItalianFormats.dataOra(p.risposta().rispostaIl()))
                            : m("cittadino.seguire.proposta.risposta.rinuncia", ItalianFormats.dataOra(p.risposta().rispostaIl()),
                                    p.risposta().motivo()));
                }
            }
            boolean attesa = "ASSEGNATA".equals(ultima.stato());
            if (attesa) {
                righe.add(m("cittadino.seguire.proposta.scadenza", ItalianFormats.dataOra(ultima.scadenzaContratto())));
            }
            passi.add(new Passo(m("cittadino.seguire.passo.proposta"), ItalianFormats.dataOra(ultima.assegnataIl()),
                    attesa ? StatoPasso.IN_CORSO : StatoPasso.FATTO, righe));
            if ("CONTRATTO".equals(ultima.stato())) {
                passi.add(new Passo(m("cittadino.seguire.passo.contratto"), ItalianFormats.data(ultima.contrattoFirmatoIl()),
                        StatoPasso.FATTO, List.of(m("cittadino.seguire.contratto.firmato", ultima.contratto(),
                                ItalianFormats.data(ultima.contrattoFirmatoIl()), ItalianFormats.data(ultima.decorrenza())))));
            } else if ("RINUNCIATA".equals(ultima.stato())) {
                passi.add(new Passo(m("cittadino.seguire.passo.rinuncia"), ultima.chiusaIl() == null ? null
                        : ItalianFormats.dataOra(ultima.chiusaIl()), StatoPasso.FATTO,
                        List.of(m("cittadino.seguire.rinuncia.dettaglio", ultima.rinunciaMotivo()))));
            } else {
                passi.add(new Passo(m("cittadino.seguire.passo.contratto"), null, StatoPasso.FUTURO,
                        List.of(m("cittadino.seguire.contratto.daFirmare", ItalianFormats.dataOra(ultima.scadenzaContratto())))));
            }
        }
        // the first step not yet done is the current one, unless a later step already runs
        if (passi.stream().noneMatch(p -> p.stato() == StatoPasso.IN_CORSO)) {
            for (int i = 0; i < passi.size(); i++) {
                Passo p = passi.get(i);
                if (p.stato() == StatoPasso.FUTURO) {
                    passi.set(i, new Passo(p.titolo(), p.quando(), StatoPasso.IN_CORSO, p.dettagli()));
                    break;
                }
            }
        }
        return passi;
    }

    private static String aperte(boolean aperta) {
        return aperta ? "cittadino.seguire.rettifiche.finoAl" : "cittadino.seguire.rettifiche.chiusaIl";
    }

    private String m(String chiave, Object... argomenti) {
        return messaggi.getMessage(chiave, argomenti, IT);
    }

    private static Optional<Long> intero(String testo, int cifre) {
        if (testo == null || !testo.strip().matches("[0-9]{1," + cifre + "}")) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(testo.strip()));
    }
}
