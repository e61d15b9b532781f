package it.piattaformacasa.domanda;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import it.piattaformacasa.avviso.AvvisoService.AlloggioOfferto;
import it.piattaformacasa.common.ItalianFormats;
import it.piattaformacasa.regole.RegoleAlloggi;
import it.piattaformacasa.regole.RegoleAlloggi.DatiComuneDiScelta;
import it.piattaformacasa.regole.RegoleAlloggi.EsitoTitolo;
import it.piattaformacasa.regole.RegoleAlloggi.TitoloDiScelta;
import it.piattaformacasa.regole.RegoleVincolate;

/**
 * Art. 9 r.r. 4/2017: in which comuni of the avviso a domanda may choose its alloggi, and whether it chose an adequate
 * one where it could. The rule for each comune is the DMN's (rules/alloggi.dmn «Titolo di scelta»); the minimum surface
 * too. Every refused alloggio is a reason, with the rule's own words.
 */
@Component
class SceltaAlloggi {

    /** How many adequate alloggi a refusal names as examples. */
    private static final int ESEMPI = 3;

    /**
     * @param scelte  the chosen alloggi allowed, in order, with why
     * @param motivi  one reason per refused alloggio, and art. 9 co. 3 when an adequate one could have been chosen
     * @param nota    for the explanation, when the avviso had no adequate alloggio where the domanda could choose
     *                (art. 9 co. 3 bis); null otherwise
     */
    record Esito(List<SceltaAlloggio> scelte, List<String> motivi, String nota) {
    }

    private final RegoleAlloggi regole;

    SceltaAlloggi(RegoleAlloggi regole) {
        this.regole = regole;
    }

    Esito verifica(DatiDomanda dati, boolean indigente, List<AlloggioOfferto> offerti, RegoleVincolate vincolo) {
        int componenti = dati.nucleo().size();
        BigDecimal minima = regole.superficieMinima(componenti, vincolo).metriQuadri();
        Titoli titoli = new Titoli(dati.codiceIstatResidenza(), dati.codiceIstatLavoro(), indigente, offerti,
                minima, vincolo);
        Map<Long, AlloggioOfferto> perId = new HashMap<>();
        offerti.forEach(a -> perId.put(a.id(), a));
        List<SceltaAlloggio> scelte = new ArrayList<>();
        List<String> motivi = new ArrayList<>();
        boolean sceltoAdeguato = false;
        boolean sceltoAdeguatoAmmesso = false;
        for (long id : dati.alloggi()) {
            AlloggioOfferto alloggio = perId.get(id);
            EsitoTitolo titolo = titoli.di(alloggio.codiceIstatComune());
            String motivo = "A" + nome(alloggio).substring(1) + ": " + titolo.regola().descrizione();
            if (titolo.titolo() == TitoloDiScelta.NON_AMMESSO) {
                motivi.add(motivo);
            } else {
                scelte.add(new SceltaAlloggio(id, titolo.titolo(), motivo));
            }
            boolean adeguato = adeguato(alloggio, minima);
            sceltoAdeguato |= adeguato;
            sceltoAdeguatoAmmesso |= adeguato && titolo.titolo() != TitoloDiScelta.NON_AMMESSO;
        }
        // the other comuni matter only when no chosen alloggio is both adequate and allowed: then the rule is asked
        // only where the avviso has an adequate alloggio (an avviso of 40 comuni does not cost 40 evaluations each time)
        if (sceltoAdeguatoAmmesso) {
            return new Esito(scelte, motivi, null);
        }
        List<AlloggioOfferto> adeguatiAmmessi = offerti.stream()
                .filter(a -> adeguato(a, minima) && titoli.di(a.codiceIstatComune()).titolo() != TitoloDiScelta.NON_AMMESSO)
                .toList();
        if (!adeguatiAmmessi.isEmpty() && !sceltoAdeguato) {
            motivi.add("Nessuno degli alloggi scelti è adeguato a un nucleo di " + persone(componenti) + " (almeno "
                    + metri(minima) + " di superficie utile), ma nei comuni in cui la domanda può scegliere l'avviso ne ha "
                    + adeguatiAmmessi.size() + ": " + adeguatiAmmessi.stream().limit(ESEMPI).map(SceltaAlloggi::nome)
                    .collect(Collectors.joining(", ")) + (adeguatiAmmessi.size() > ESEMPI ? " e altri" : "")
                    + "; almeno uno degli alloggi scelti deve essere adeguato (art. 9 co. 3 r.r. 4/2017)");
        }
        String nota = adeguatiAmmessi.isEmpty()
                ? "Nei comuni in cui la domanda poteva scegliere l'avviso non aveva alloggi adeguati a un nucleo di "
                + persone(componenti) + " (almeno " + metri(minima) + "): la domanda è accettata con alloggi non adeguati "
                + "(art. 9 co. 3 bis r.r. 4/2017)"
                : null;
        return new Esito(scelte, motivi, nota);
    }

    /**
     * Art. 9 for each comune of the avviso: whether a domanda of {@code componenti} people living in {@code residenza}
     * and working in {@code lavoro} (null when not working) may choose its alloggi there, and by which rule.
     */
    Map<String, EsitoTitolo> titoli(int componenti, String residenza, String lavoro, boolean indigente,
                                    List<AlloggioOfferto> offerti, RegoleVincolate vincolo) {
        BigDecimal minima = regole.superficieMinima(componenti, vincolo).metriQuadri();
        return new Titoli(residenza, lavoro, indigente, offerti, minima, vincolo).tutti();
    }

    /** The rule of art. 9 asked once per comune, and only for the comuni a question needs. */
    private final class Titoli {

        private final String residenza;
        private final String lavoro;
        private final boolean indigente;
        private final boolean adeguatiInResidenza;
        private final boolean adeguatiInLavoro;
        private final RegoleVincolate vincolo;
        private final Map<String, List<AlloggioOfferto>> perComune;
        private final Map<String, EsitoTitolo> chiesti = new HashMap<>();

        Titoli(String residenza, String lavoro, boolean indigente, List<AlloggioOfferto> offerti,
               BigDecimal minima, RegoleVincolate vincolo) {
            this.residenza = residenza;
            this.lavoro = lavoro;
            this.indigente = indigente;
            this.vincolo = vincolo;
            this.perComune = offerti.stream()
                    .collect(Collectors.groupingBy(AlloggioOfferto::codiceIstatComune, LinkedHashMap::new, Collectors.toList()));
            this.adeguatiInResidenza = perComune.getOrDefault(residenza, List.of()).stream().anyMatch(a -> adeguato(a, minima));
            this.adeguatiInLavoro = lavoro != null
                    && perComune.getOrDefault(lavoro, List.of()).stream().anyMatch(a -> adeguato(a, minima));
        }

        EsitoTitolo di(String comune) {
            return chiesti.computeIfAbsent(comune, c -> regole.titoloDiScelta(new DatiComuneDiScelta(indigente,
                    c.equals(residenza), c.equals(lavoro), adeguatiInResidenza, adeguatiInLavoro,
                    perComune.get(c).get(0).popolazioneComune()), vincolo));
        }

        /** Every comune of the avviso, each asked once. */
        Map<String, EsitoTitolo> tutti() {
            perComune.keySet().forEach(this::di);
            return chiesti;
        }
    }

    private static boolean adeguato(AlloggioOfferto alloggio, BigDecimal minima) {
        return alloggio.superficieUtile().compareTo(minima) >= 0;
    }

    static String nome(AlloggioOfferto alloggio) {
        return "alloggio " + alloggio.codiceUi() + " a " + alloggio.nomeComune() + " (" + metri(alloggio.superficieUtile()) + ")";
    }

    /** «62,5 m²», «45 m²»: the decimals the surface has, at most two. */
    static String metri(BigDecimal metri) {
        return ItalianFormats.decimale(metri, Math.max(0, Math.min(2, metri.stripTrailingZeros().scale()))) + " m²";
    }

    private static String persone(int componenti) {
        return componenti == 1 ? "una persona" : componenti + " persone";
    }
}
