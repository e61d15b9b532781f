package it.piattaformacasa.domanda;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import it.piattaformacasa.avviso.TipoAvviso;
import it.piattaformacasa.common.Punteggio;
import it.piattaformacasa.regole.PunteggioIsbar;
import it.piattaformacasa.regole.RegolaApplicata;

/**
 * The explanation of a domanda's current ISBAR (issue: «the citizen gets a plain Italian explanation»), built from
 * what the domanda stored: the points of each component and the rules that fired, with their inputs. Nothing is
 * evaluated again, so the explanation always matches the published or working score even after the rules change.
 */
@Service
public class SpiegazionePunteggioService {

    static final String NOTA_PROVVISORIA = "valori provvisori (%s): la tabella regionale dei punteggi non è ancora "
            + "pubblica, quindi potranno cambiare.";
    static final String NOTA_CORRETTO = "il punteggio è stato corretto dopo la presentazione della domanda (rettifica "
            + "per invalidità civile o verifica dei requisiti): era %s punti, ora è %s punti. Questa spiegazione "
            + "riguarda il punteggio attuale.";
    static final String NOTA_DISABILITA_GRAVE = "la domanda è in un avviso riservato ai nuclei con una persona con "
            + "handicap grave riconosciuto ai sensi dell'art. 3 co. 3 L. 104/1992 (art. 8 co. 7 bis r.r. 4/2017): "
            + "l'invalidità civile da sola, anche al 100 % con accompagnamento, non basta per partecipare. Il punteggio si "
            + "calcola come negli altri avvisi. In questo avviso gli alloggi riservati ai nuclei indigenti sono il 20 % di "
            + "quelli disponibili nell'anno, arrotondato per eccesso, anche dove il comune ha fissato una soglia più alta "
            + "per i propri alloggi (art. 14 co. 1 bis r.r. 4/2017).";

    private static final int BLOCCO = 1_000;

    private final DomandaService domande;
    private final DomandaRepository repository;

    SpiegazionePunteggioService(DomandaService domande, DomandaRepository repository) {
        this.domande = domande;
        this.repository = repository;
    }

    /** For whoever may see the domanda (same rule and same 404 as {@link DomandaService#domanda(long)}). */
    @Transactional(readOnly = true)
    public SpiegazionePunteggio spiegazione(long domandaId) {
        return spiega(domande.domanda(domandaId));
    }

    /** An operator reading the explanation: the read is recorded with it (issue 16, {@link LettureDomanda}). */
    @Transactional
    public SpiegazionePunteggio spiegazioneLetta(long domandaId, LettureDomanda.Dove dove) {
        return spiega(domande.domandaLetta(domandaId, dove));
    }

    /** For a report that already chose the domande its reader may see; unknown ids are left out. */
    @Transactional(readOnly = true)
    public Map<Long, SpiegazionePunteggio> spiegazioni(Collection<Long> domandaIds) {
        List<Long> ids = List.copyOf(domandaIds);
        Map<Long, SpiegazionePunteggio> spiegazioni = new HashMap<>();
        // in slices: PostgreSQL takes at most 32767 parameters in one statement, an avviso may have 100k domande
        for (int da = 0; da < ids.size(); da += BLOCCO) {
            repository.findAllById(ids.subList(da, Math.min(ids.size(), da + BLOCCO)))
                    .forEach(d -> spiegazioni.put(d.getId(), spiega(d)));
        }
        return spiegazioni;
    }

    static SpiegazionePunteggio spiega(Domanda d) {
        Map<ComponenteIsbar, Punteggio> presentati = punti(d.getPuntiFamiliare(), d.getPuntiAbitativo(),
                d.getPuntiEconomico(), d.getPuntiResidenzaRegione(), d.getPuntiResidenzaComune());
        boolean diLavoro = d.getIsbarLavoro() != null;
        Map<ComponenteIsbar, Punteggio> attuali = diLavoro
                ? punti(d.getPuntiFamiliareLavoro(), d.getPuntiAbitativoLavoro(), d.getPuntiEconomicoLavoro(),
                        d.getPuntiResidenzaRegioneLavoro(), d.getPuntiResidenzaComuneLavoro())
                : presentati;
        Punteggio isbar = diLavoro ? d.getIsbarLavoro() : d.getIsbar();
        boolean corretto = !isbar.equals(d.getIsbar()) || !attuali.equals(presentati);
        // a working score computed before its rules were stored (V21): the submitted rules still explain the
        // components that did not change
        List<RegolaApplicata> regole = diLavoro && d.getSpiegazioneLavoro() != null ? d.getSpiegazioneLavoro() : d.getSpiegazione();
        boolean regoleDelPunteggioAttuale = !diLavoro || d.getSpiegazioneLavoro() != null;

        List<SpiegazionePunteggio.Riga> righe = new ArrayList<>();
        List<String> provvisorie = new ArrayList<>();
        for (ComponenteIsbar componente : ComponenteIsbar.values()) {
            Punteggio punti = attuali.get(componente);
            List<RegolaApplicata> sue = regoleDi(componente, regole);
            String testo;
            if (regoleDelPunteggioAttuale || punti.equals(presentati.get(componente))) {
                testo = MotiviPunteggio.riga(componente, punti, sue);
            } else {
                sue = List.of();
                testo = componente.etichetta() + ": " + punti.toItalian() + " punti (corretti dopo la presentazione "
                        + "della domanda; il dettaglio delle regole applicate non è stato registrato).";
            }
            boolean provvisorio = sue.stream().anyMatch(MotiviPunteggio::provvisoria);
            if (provvisorio) {
                provvisorie.add(inFrase(componente));
            }
            righe.add(new SpiegazionePunteggio.Riga(componente, punti, testo, provvisorio, sue));
        }
        List<String> note = new ArrayList<>(notaProvvisoria(provvisorie));
        if (corretto) {
            note.add(maiuscola(NOTA_CORRETTO.formatted(d.getIsbar().toItalian(), isbar.toItalian())));
        }
        if (d.getAvviso().getTipo() == TipoAvviso.DISABILITA_GRAVE) {
            note.add(maiuscola(NOTA_DISABILITA_GRAVE));
        }
        note.addAll(alloggi(d));
        return new SpiegazionePunteggio(d.getId(), isbar, corretto, d.getIsbar(), righe, note);
    }

    /**
     * Where the domanda could choose (art. 9) and why the dwellings its members hold did not exclude it (art. 7 co. 1
     * lett. d): the sentences stored at submission, with the rules' own words less their citations (the citizen's text
     * carries no article numbers; the operator finds them in the domanda's {@code scelte}).
     */
    private static List<String> alloggi(Domanda d) {
        List<String> note = new ArrayList<>();
        List<SceltaAlloggio> scelte = d.getScelte();
        for (int i = 0; i < scelte.size(); i++) {
            if (scelte.get(i).getMotivo() != null) {
                String motivo = MotiviPunteggio.senzaCitazioniTraParentesi(scelte.get(i).getMotivo());
                note.add("Scelta n. " + (i + 1) + ", " + motivo.substring(0, 1).toLowerCase(Locale.ITALIAN) + motivo.substring(1) + ".");
            }
        }
        if (d.getNotaAlloggi() != null) {
            note.add(MotiviPunteggio.senzaCitazioniTraParentesi(d.getNotaAlloggi()) + ".");
        }
        List<AlloggiPosseduti.Valutato> posseduti = AlloggiPosseduti.da(d.getAlloggiPosseduti());
        for (int i = 0; i < posseduti.size(); i++) {
            DatiDomanda.AlloggioPosseduto alloggio = posseduti.get(i).alloggio();
            note.add("Alloggio posseduto n. " + (i + 1) + " (" + AlloggiPosseduti.diritto(alloggio.diritto()) + ", "
                    + SceltaAlloggi.metri(alloggio.superficieUtile()) + "): " + MotiviPunteggio.senzaCitazioniTraParentesi(posseduti.get(i).regola()) + ".");
        }
        return note;
    }


    private static Map<ComponenteIsbar, Punteggio> punti(Punteggio familiare, Punteggio abitativo, Punteggio economico,
                                                         Punteggio regione, Punteggio comune) {
        Map<ComponenteIsbar, Punteggio> punti = new EnumMap<>(ComponenteIsbar.class);
        punti.put(ComponenteIsbar.FAMILIARE, familiare);
        punti.put(ComponenteIsbar.ABITATIVO, abitativo);
        punti.put(ComponenteIsbar.ECONOMICO, economico);
        punti.put(ComponenteIsbar.RESIDENZA_REGIONE, regione);
        punti.put(ComponenteIsbar.RESIDENZA_COMUNE, comune);
        return punti;
    }

    /**
     * A score just computed, not yet a domanda's (the citizen's pre-check, issue 16): one line per component and the
     * note on provisional values, as {@link #spiega} writes them for a domanda presented with it.
     */
    static Anteprima anteprima(PunteggioIsbar punteggio) {
        Map<ComponenteIsbar, Punteggio> punti = punti(punteggio.familiare(), punteggio.abitativo(), punteggio.economico(),
                punteggio.residenzaRegione(), punteggio.residenzaComune());
        List<String> righe = new ArrayList<>();
        List<String> provvisorie = new ArrayList<>();
        for (ComponenteIsbar componente : ComponenteIsbar.values()) {
            List<RegolaApplicata> sue = regoleDi(componente, punteggio.spiegazione());
            righe.add(MotiviPunteggio.riga(componente, punti.get(componente), sue));
            if (sue.stream().anyMatch(MotiviPunteggio::provvisoria)) {
                provvisorie.add(inFrase(componente));
            }
        }
        return new Anteprima(righe, notaProvvisoria(provvisorie));
    }

    /** {@link #anteprima}'s lines and notes. */
    record Anteprima(List<String> righe, List<String> note) {
    }

    private static List<RegolaApplicata> regoleDi(ComponenteIsbar componente, List<RegolaApplicata> regole) {
        return regole == null ? List.of() : regole.stream().filter(r -> r.decisione().equals(componente.decisione())).toList();
    }

    /** «Condizione familiare» as it stands inside a sentence. */
    private static String inFrase(ComponenteIsbar componente) {
        return componente.etichetta().substring(0, 1).toLowerCase(Locale.ITALIAN) + componente.etichetta().substring(1);
    }

    /** A provisional value is never shown as if final: the note naming the components that rest on one. */
    private static List<String> notaProvvisoria(List<String> provvisorie) {
        return provvisorie.isEmpty() ? List.of() : List.of(maiuscola(NOTA_PROVVISORIA.formatted(String.join(", ", provvisorie))));
    }

    private static String maiuscola(String testo) {
        return testo.substring(0, 1).toUpperCase(Locale.ITALIAN) + testo.substring(1);
    }
}
