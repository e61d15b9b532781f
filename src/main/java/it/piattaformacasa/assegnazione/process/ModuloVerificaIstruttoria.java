package it.piattaformacasa.assegnazione.process;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import it.piattaformacasa.assegnazione.SchedaIstruttoria;
import it.piattaformacasa.common.ItalianFormats;
import it.piattaformacasa.common.process.DatiDelModulo;
import it.piattaformacasa.domanda.SpiegazionePunteggio;

/**
 * What forms/verifica-istruttoria.form shows, from {@link SchedaIstruttoria}: Markdown for its read-only text
 * components ({@code {{schedaDomanda}}} …) and the options of the alloggio to assign. Every value that came from
 * outside the platform's own words (names, addresses, titles) is escaped, so a citizen's «**» or «<script>» reads as
 * typed. No codice fiscale: the decision does not need it.
 */
final class ModuloVerificaIstruttoria {

    private static final Map<String, String> RELAZIONI = Map.of("RICHIEDENTE", "Richiedente", "CONIUGE", "Coniuge",
            "UNITO_CIVILMENTE", "Unito/a civilmente", "CONVIVENTE_DI_FATTO", "Convivente di fatto", "FIGLIO", "Figlio/a",
            "GENITORE", "Genitore", "FRATELLO_SORELLA", "Fratello/sorella", "ALTRO_PARENTE", "Altro parente",
            "AFFINE", "Affine", "ALTRO", "Altro");

    private static final Map<String, String> CONDIZIONI = Map.of("famigliaNuovaFormazione", "famiglia di nuova formazione",
            "rilascioAlloggio", "rilascio dell'alloggio", "alloggioImproprio", "alloggio improprio",
            "coabitazione", "coabitazione", "sovraffollamento", "sovraffollamento",
            "alloggioAntigienico", "alloggio antigienico", "barriereArchitettoniche", "barriere architettoniche");

    private ModuloVerificaIstruttoria() {
    }

    /** The domanda, who asks, the declared data a ricalcolo may correct, and the nucleo. */
    static String domanda(SchedaIstruttoria.Scheda s) {
        List<String> righe = new ArrayList<>();
        righe.add("#### Domanda n. " + s.domandaId());
        righe.add("Avviso: **" + md(s.avviso()) + "** – graduatoria di " + md(s.ente()) + " per il comune di " + md(s.comuneGraduatoria()));
        righe.add("Richiedente: **" + md(nome(s.nomeRichiedente(), s.cognomeRichiedente())) + "**, residente a "
                + (s.comuneResidenza() == null ? "comune non indicato" : "**" + md(s.comuneResidenza()) + "**"));
        righe.add("ISEE dichiarato: " + (s.isee() == null ? "non indicato" : ItalianFormats.euro(s.isee()))
                + "; condizioni dichiarate: " + (s.condizioni().isEmpty() ? "nessuna"
                        : s.condizioni().stream().map(c -> CONDIZIONI.getOrDefault(c, md(c))).collect(Collectors.joining(", "))));
        righe.add("Residente in Lombardia dal " + data(s.residenteLombardiaDal()) + ", nel comune dal " + data(s.residenteComuneDal()));
        righe.add("");
        righe.add("| Componente del nucleo | Età | Invalidità civile, handicap |");
        righe.add("| --- | --- | --- |");
        for (SchedaIstruttoria.Componente c : s.nucleo()) {
            righe.add("| " + RELAZIONI.getOrDefault(c.relazione(), md(c.relazione())) + " | " + c.eta()
                    + (c.eta() == 1 ? " anno" : " anni") + " | " + disabilita(c) + " |");
        }
        return String.join("\n", righe);
    }

    /** ISBAR with the explanation the citizen reads (SpiegazionePunteggio), one line per component. */
    static String punteggio(SchedaIstruttoria.Scheda s) {
        SpiegazionePunteggio sp = s.spiegazione();
        if (sp == null) {
            return "Punteggio ISBAR non disponibile.";
        }
        List<String> righe = new ArrayList<>();
        righe.add("#### Punteggio ISBAR: " + sp.isbar().toItalian() + " punti");
        sp.righe().forEach(r -> righe.add("- " + md(r.testo())));
        sp.note().forEach(n -> righe.add("- *Nota:* " + md(n)));
        return String.join("\n", righe);
    }

    /** The alloggi the nucleo chose at this ente, in order of preference, with comune and art. 9 title. */
    static String alloggi(SchedaIstruttoria.Scheda s) {
        List<String> righe = new ArrayList<>();
        righe.add("#### Alloggi scelti dal nucleo presso " + md(s.ente()));
        if (s.scelti().isEmpty()) {
            righe.add("Il nucleo non ha scelto alloggi di questo ente.");
        } else {
            righe.add("| Scelta | Alloggio | Comune | Indirizzo | Superficie | Titolo (art. 9) |");
            righe.add("| --- | --- | --- | --- | --- | --- |");
            for (SchedaIstruttoria.Alloggio a : s.scelti()) {
                righe.add("| " + a.preferenza() + "ª | " + md(a.codiceUi()) + " | " + md(a.comune())
                        + (a.assegnabile() ? "" : " (non in questa graduatoria)") + " | " + md(a.indirizzo()) + " | "
                        + metri(a.superficie()) + " | " + md(a.titolo()) + " |");
            }
        }
        if (s.ripescaggio()) {
            righe.add("");
            righe.add("La graduatoria è in **ripescaggio**: si può assegnare anche un alloggio dell'ente in questo comune "
                    + "che il nucleo non ha scelto, tra quelli dell'avviso ancora liberi.");
        }
        return String.join("\n", righe);
    }

    /** Art. 15: whether this domanda is the next one of the ente's order, and if not which one is. */
    static String ordine(SchedaIstruttoria.Scheda s) {
        SchedaIstruttoria.Ordine o = s.ordine();
        String titolo = "#### Ordine di assegnazione (art. 15)\n";
        if (o.nonDisponibile() != null) {
            return titolo + "L'ordine di assegnazione non si può calcolare: " + md(o.nonDisponibile())
                    + ". Per assegnare un alloggio va indicato il motivo.";
        }
        if (o.inOrdine()) {
            return titolo + "La domanda n. " + s.domandaId() + " è **la prossima** nell'ordine di assegnazione di "
                    + md(s.ente()) + ".";
        }
        return titolo + "La domanda n. " + s.domandaId() + " **non è la prossima**: la prossima è la **domanda n. "
                + o.prossimaDomanda() + "**" + (o.posizione() == null ? "" : "; questa è la " + o.posizione() + "ª nell'ordine")
                + ". Per assegnarle un alloggio va indicato il motivo.";
    }

    /** «MA-GU-01-37 – Malnate, via Roma 1, 65 m² (1ª scelta)»: what the operator picks; the value is the alloggio's id. */
    static List<DatiDelModulo.Opzione> opzioni(SchedaIstruttoria.Scheda s) {
        return s.assegnabili().stream().map(a -> new DatiDelModulo.Opzione(a.codiceUi() + " – " + a.comune() + ", "
                + a.indirizzo() + ", " + metri(a.superficie()) + " (" + (a.preferenza() == null ? "non scelto, ripescaggio"
                        : a.preferenza() + "ª scelta") + ")", a.alloggioId())).toList();
    }

    private static String disabilita(SchedaIstruttoria.Componente c) {
        List<String> voci = new ArrayList<>();
        if (c.percentualeInvalidita() > 0) {
            voci.add("invalidità " + c.percentualeInvalidita() + " %" + (c.accompagnamento() ? " con accompagnamento" : ""));
        }
        if (c.handicapGrave()) {
            voci.add("handicap grave (art. 3 co. 3 L. 104/1992)");
        }
        return voci.isEmpty() ? "nessuna" : String.join("; ", voci);
    }

    private static String nome(String nome, String cognome) {
        String intero = ((nome == null ? "" : nome) + " " + (cognome == null ? "" : cognome)).strip();
        return intero.isEmpty() ? "non indicato" : intero;
    }

    private static String data(java.time.LocalDate data) {
        return data == null ? "(non indicato)" : ItalianFormats.data(data);
    }

    private static String metri(BigDecimal superficie) {
        if (superficie == null) {
            return "superficie non indicata";
        }
        BigDecimal netta = superficie.stripTrailingZeros();
        return ItalianFormats.decimale(netta, Math.max(0, netta.scale())) + " m²";
    }

    /**
     * Text as typed, whatever Markdown, HTML or form-js templating it holds: every ASCII punctuation mark is escaped
     * (CommonMark lets a backslash escape any of them, «\<» included) and line breaks become spaces, so a value stays
     * inside its line or table cell.
     */
    static String md(String testo) {
        if (testo == null) {
            return "";
        }
        StringBuilder sicuro = new StringBuilder(testo.length() + 16);
        for (int i = 0; i < testo.length(); i++) {
            char c = testo.charAt(i);
            if (c == '\n' || c == '\r' || c == '\t' || Character.isISOControl(c)) {
                sicuro.append(' ');
            } else {
                if ("\\`*_{}[]()<>#+-.!|~&\"'=$%:;@/^".indexOf(c) >= 0) {
                    sicuro.append('\\');
                }
                sicuro.append(c);
            }
        }
        return sicuro.toString();
    }
}
