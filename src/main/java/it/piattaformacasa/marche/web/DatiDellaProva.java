package it.piattaformacasa.marche.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import it.piattaformacasa.common.DatiNonValidiException;
import it.piattaformacasa.common.DatiNonValidiException.Errore;
import it.piattaformacasa.marche.ContenitoreCondizione;
import it.piattaformacasa.marche.ParametroCondizione;
import it.piattaformacasa.marche.PunteggioGriglia.DatiPunteggio;

/**
 * «Prova il punteggio» as the API and the console receive it (keys as text) into the port's data: an unknown parameter
 * or condition is a 400 naming it and listing those allowed.
 */
final class DatiDellaProva {

    private DatiDellaProva() {
    }

    static DatiPunteggio dati(Map<String, BigDecimal> valori, Map<String, ? extends Collection<String>> spuntate,
                              Map<String, Integer> ripetizioni) {
        List<Errore> errori = new ArrayList<>();
        Map<ParametroCondizione, BigDecimal> perParametro = new EnumMap<>(ParametroCondizione.class);
        if (valori != null) {
            valori.forEach((nome, valore) -> {
                ParametroCondizione p = Arrays.stream(ParametroCondizione.values()).filter(x -> x.name().equals(nome))
                        .findFirst().orElse(null);
                if (p == null) {
                    errori.add(new Errore("valori." + nome, "parametro sconosciuto (ammessi " + Arrays.stream(ParametroCondizione.values())
                            .map(Enum::name).collect(Collectors.joining(", ")) + ")"));
                } else if (valore != null) {
                    perParametro.put(p, valore);
                }
            });
        }
        Map<ContenitoreCondizione, Set<String>> perCondizione = new EnumMap<>(ContenitoreCondizione.class);
        if (spuntate != null) {
            spuntate.forEach((codice, lettere) -> condizione(errori, "spuntate", codice).ifPresent(c -> perCondizione.put(c,
                    lettere == null ? Set.of() : new LinkedHashSet<>(lettere))));
        }
        Map<ContenitoreCondizione, Integer> volte = new EnumMap<>(ContenitoreCondizione.class);
        if (ripetizioni != null) {
            ripetizioni.forEach((codice, n) -> condizione(errori, "ripetizioni", codice).ifPresent(c -> {
                if (n != null) {
                    volte.put(c, n);
                }
            }));
        }
        if (!errori.isEmpty()) {
            throw new DatiNonValidiException(errori);
        }
        return new DatiPunteggio(perParametro, perCondizione, volte);
    }

    private static java.util.Optional<ContenitoreCondizione> condizione(List<Errore> errori, String campo, String codice) {
        java.util.Optional<ContenitoreCondizione> c = ContenitoreCondizione.di(codice);
        if (c.isEmpty()) {
            errori.add(new Errore(campo + "." + codice, "condizione sconosciuta (ammesse SOGGETTIVA_1 … SOGGETTIVA_10, "
                    + "OGGETTIVA_1 … OGGETTIVA_5 e OGGETTIVA_3_BIS)"));
        }
        return c;
    }
}
