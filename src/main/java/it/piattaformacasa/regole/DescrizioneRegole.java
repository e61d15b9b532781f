package it.piattaformacasa.regole;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import it.piattaformacasa.common.ItalianFormats;

/**
 * The one builder of {@link QuadroNormativo}: for a day (the versions in force then) and for an avviso (its binding,
 * frozen or not). The step and its parameters are those rules/parametri-avviso.dmn gives, in the version described,
 * for that day, so a new step published by the analysts reads right without a redeploy; only the field labels are
 * here.
 */
@Service
public class DescrizioneRegole {

    private static final ZoneId ROMA = ZoneId.of("Europe/Rome");

    private final RepositoryRegole repository;
    private final ParametriAvviso parametri;
    private final RegistroRegole registro;
    private final Clock clock;

    DescrizioneRegole(RepositoryRegole repository, ParametriAvviso parametri, RegistroRegole registro, Clock clock) {
        this.repository = repository;
        this.parametri = parametri;
        this.registro = registro;
        this.clock = clock;
    }

    /** What applies to an avviso predisposto that day: the versions in force then (seed 003 FAQ 21). */
    @Transactional(readOnly = true)
    public QuadroNormativo inVigoreIl(LocalDate giorno) {
        return descrivi(giorno, repository.inVigoreIl(giorno), null);
    }

    @Transactional(readOnly = true)
    public QuadroNormativo inVigoreOggi() {
        return inVigoreIl(LocalDate.now(clock.withZone(ROMA)));
    }

    /**
     * An avviso's binding described the same way.
     *
     * @param predisposizione the day (Europe/Rome) it became PREDISPOSTO, which decides the step
     * @param congelato       whether the binding is frozen (the avviso has a domanda)
     */
    @Transactional(readOnly = true)
    public QuadroNormativo delVincolo(LocalDate predisposizione, RegoleVincolate vincolo, boolean congelato) {
        return descrivi(predisposizione, vincolo, congelato);
    }

    private QuadroNormativo descrivi(LocalDate giorno, RegoleVincolate vincolo, Boolean congelato) {
        String giornoTesto = ItalianFormats.data(giorno);
        List<QuadroNormativo.Riga> righe = new ArrayList<>();
        List<String> note = new ArrayList<>();
        righe.add(new QuadroNormativo.Riga("Giorno della predisposizione", giornoTesto));

        ParametriAvviso.Parametri valori = null;
        String etichetta = null;
        // a set missing from the binding would be evaluated at today's version: on a day before any version held,
        // that would describe rules that did not exist yet
        if (vincolo.versione(ParametriAvviso.MODELLO) != null) {
            valori = parametri.valuta(giorno, vincolo);
            etichetta = valori.etichettaPasso() != null ? valori.etichettaPasso()
                    : valori.spiegazione().isEmpty() ? valori.passoNormativo() : valori.spiegazione().get(0).descrizione();
            righe.add(new QuadroNormativo.Riga("Passo normativo", etichetta));
            if (valori.riferimentiNormativi() != null) {
                righe.add(new QuadroNormativo.Riga("Riferimenti normativi", valori.riferimentiNormativi()));
            }
            righe.add(new QuadroNormativo.Riga("Alloggi per domanda", "al massimo " + valori.massimoAlloggiPerDomanda()));
            righe.add(new QuadroNormativo.Riga("Riserve per categorie (art. 14)", valori.riserveCategorie() ? "sì" : "no"));
        } else {
            note.add("Il " + giornoTesto + " non era in vigore nessuna versione delle regole «" + ParametriAvviso.MODELLO
                    + "»: passo normativo, alloggi per domanda e riserve per categorie non sono determinati.");
        }
        if (congelato != null) {
            righe.add(new QuadroNormativo.Riga("Versioni delle regole", congelato
                    ? "congelate dalla prima domanda: cambiano solo con una rivalutazione motivata"
                    : "seguono le pubblicazioni che coprono il giorno della predisposizione, fino alla prima domanda"));
        }

        // sorted by set name, so the answer reads the same every time
        Map<String, Integer> versioni = new TreeMap<>(vincolo.versioni());
        List<QuadroNormativo.Versione> regole = new ArrayList<>();
        for (Map.Entry<String, Integer> set : versioni.entrySet()) {
            QuadroNormativo.Versione versione = versione(repository.versione(set.getKey(), set.getValue()));
            regole.add(versione);
            righe.add(new QuadroNormativo.Riga("Regole «" + versione.nome() + "»", "versione " + versione.versione() + ", "
                    + versione.validita()));
        }
        if (regole.isEmpty()) {
            note.add("Il " + giornoTesto + " non era in vigore nessuna versione delle regole.");
        }
        return new QuadroNormativo(giorno, giornoTesto, valori == null ? null : valori.passoNormativo(), etichetta,
                valori == null ? null : valori.riferimentiNormativi(), valori == null ? null : valori.massimoAlloggiPerDomanda(),
                valori == null ? null : valori.riserveCategorie(),
                valori == null || valori.spiegazione().isEmpty() ? null : valori.spiegazione().get(0),
                versioni, regole, righe, note);
    }

    private QuadroNormativo.Versione versione(RepositoryRegole.Versione v) {
        LocalDate validoAl = repository.validoFinoAl(v);
        String dal = ItalianFormats.data(v.validoDal());
        String validita = switch (v.stato()) {
            case PUBLISHED -> validoAl == null ? "dal " + dal + ", senza data di fine" : "dal " + dal + " al " + ItalianFormats.data(validoAl);
            case RETIRED -> "ritirata: sostituita da una pubblicazione successiva (decorreva dal " + dal + ")";
            case VALIDATED, DRAFT -> "mai pubblicata";
        };
        return new QuadroNormativo.Versione(v.nome(), v.versione(), v.stato(), statoTesto(v.stato()), v.validoDal(), validoAl,
                validita, v.motivo(), registro.ultimoMotivo(RegistroRegole.Azione.RICHIESTA_PUBBLICAZIONE, v.nome(), v.versione()),
                v.pubblicataIl());
    }

    private static String statoTesto(RepositoryRegole.Stato stato) {
        return switch (stato) {
            case DRAFT -> "bozza";
            case VALIDATED -> "validata, non pubblicata";
            case PUBLISHED -> "pubblicata";
            case RETIRED -> "ritirata";
        };
    }
}
