package it.piattaformacasa.domanda;

import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import it.piattaformacasa.common.CodiceFiscale;
import it.piattaformacasa.common.NonTrovatoException;

/**
 * Issue 16, «follow the domanda»: the domande a citizen presented, found only by the codice fiscale of their identity
 * (never one they type). A citizen sees the domande where they are the richiedente: those are the declarations they
 * signed. A domanda where they are only another member of the nucleo is not shown: it holds the richiedente's
 * declaration (ISEE, patrimonio, conditions of the whole household) and the richiedente is the one who answers for
 * it and to it (rettifica, proposta di alloggio). Any other id is «not found», never «forbidden»: a citizen does not
 * learn that somebody else's domanda exists.
 */
@Service
public class DomandeDelCittadino {

    /** A domanda in the citizen's list. */
    public record InElenco(long id, long avvisoId, String avviso, Instant presentataIl, String isbar,
                           StatiDiLavorazione.Stato stato) {
    }

    /** A member of the nucleo as the citizen reads it on their domanda. */
    public record Membro(String codiceFiscale, String nome, String cognome, String relazione, int percentualeInvalidita,
                         boolean accompagnamento, boolean handicapGrave) {
    }

    /** The citizen's domanda: what they declared that the timeline and the score need, with the score explained. */
    public record Dettaglio(long id, long avvisoId, String avviso, Instant presentataIl, String isbar, List<Membro> nucleo,
                            SpiegazionePunteggio spiegazione) {
    }

    private final DomandaRepository domande;
    private final StatiDiLavorazione stati;

    DomandeDelCittadino(DomandaRepository domande, StatiDiLavorazione stati) {
        this.domande = domande;
        this.stati = stati;
    }

    /** The citizen's domande, the latest first. */
    @Transactional(readOnly = true)
    public List<InElenco> elenco(CodiceFiscale cittadino) {
        List<Domanda> sue = domande.findByRichiedenteOrderByPresentataIlDesc(cittadino);
        java.util.Map<Long, StatiDiLavorazione.Stato> stato = stati.di(sue.stream().map(Domanda::getId).toList());
        return sue.stream()
                .map(d -> new InElenco(d.getId(), d.getAvviso().getId(), d.getAvviso().getTitolo(), d.getPresentataIl(),
                        d.getIsbarDiLavoro().toItalian(), stato.getOrDefault(d.getId(), StatiDiLavorazione.Stato.PRESENTATA)))
                .toList();
    }

    /** 404 unless the domanda exists and the citizen is its richiedente. */
    @Transactional(readOnly = true)
    public void verifica(long domandaId, CodiceFiscale cittadino) {
        if (!domande.existsByIdAndRichiedente(domandaId, cittadino)) {
            throw new NonTrovatoException("Domanda " + domandaId + " non trovata");
        }
    }

    @Transactional(readOnly = true)
    public Dettaglio dettaglio(long domandaId, CodiceFiscale cittadino) {
        Domanda d = domande.findById(domandaId).filter(x -> x.getRichiedente().equals(cittadino))
                .orElseThrow(() -> new NonTrovatoException("Domanda " + domandaId + " non trovata"));
        List<Membro> nucleo = d.getNucleo().getComponenti().stream().map(c -> new Membro(c.getCodiceFiscale().valore(),
                c.getNome(), c.getCognome(), c.getRelazione().name(), c.getPercentualeInvalidita(),
                c.isIndennitaAccompagnamento(), c.isHandicapGrave())).toList();
        return new Dettaglio(d.getId(), d.getAvviso().getId(), d.getAvviso().getTitolo(), d.getPresentataIl(),
                d.getIsbarDiLavoro().toItalian(), nucleo, SpiegazionePunteggioService.spiega(d));
    }
}
