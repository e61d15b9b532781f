package it.piattaformacasa.domanda;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import it.piattaformacasa.common.ItalianFormats;
import it.piattaformacasa.common.Punteggio;
import it.piattaformacasa.regole.RegolaApplicata;

/**
 * Turns the rules that fired for one ISBAR component into a sentence a citizen can read: «Condizioni familiari:
 * 3,000 punti perché nel nucleo c'è una persona con un'invalidità civile del 70 % (fascia «invalidità dal 66 % al
 * 99 %, senza handicap grave»)».
 *
 * <p>The points always come from the stored score, never from here, and the bands («dal 66 % al 99 %») from the
 * rule's own description: an analyst may publish new values or new bands without a redeploy. What is recognised is
 * the kind of condition (a keyword of the description, confirmed by the model input it depends on), which is turned
 * into words with the household's own values (the invalidity, the years, the ISEE). A rule not recognised — a new
 * condition, a reworded description — still reads sensibly: its description without the «PROVVISORIO» preamble,
 * the article citations and the analyst's notes after the points.
 */
final class MotiviPunteggio {

    // names of the input data of rules/isbar.dmn: the values CalcoloIsbar hands to the model
    private static final String ANNI_LOMBARDIA = "anniResidenzaLombardia";
    private static final String ANNI_COMUNE = "anniResidenzaComune";
    private static final String CONDIZIONE_FAMILIARE_O_ABITATIVA = "condizioneFamiliareOAbitativa";
    private static final String ALLOGGIO_NEL_COMUNE = "alloggioSceltoNelComuneDiResidenza";
    private static final String INVALIDITA = "invaliditaMassima";
    private static final String ACCOMPAGNAMENTO = "accompagnamento";
    private static final String HANDICAP_GRAVE = "handicapGrave";
    private static final String ISEE = "isee";

    /** A condition that either holds or not: recognised by a keyword, confirmed by its boolean input. */
    private record Condizione(String parolaChiave, String input, String frase) {
    }

    private static final List<Condizione> FAMILIARI = List.of(
            new Condizione("anzian", "anziani", "il nucleo rientra tra i nuclei di anziani"),
            new Condizione("nuova formazione", "famigliaNuovaFormazione", "il nucleo è una famiglia di nuova formazione"),
            new Condizione("persona sola", "personaSolaConMinori", "il richiedente vive solo con figli minori a carico"));

    private static final List<Condizione> ABITATIVE = List.of(
            new Condizione("rilascio", "rilascioAlloggio",
                    "il nucleo deve lasciare l'alloggio in cui vive per un provvedimento del giudice o dell'amministrazione"),
            new Condizione("improprio", "alloggioImproprio",
                    "il nucleo vive in un alloggio improprio o in una struttura assistenziale"),
            new Condizione("coabita", "coabitazione", "il nucleo vive nello stesso alloggio insieme ad altri nuclei familiari"),
            new Condizione("sovraffollament", "sovraffollamento", "l'alloggio in cui vive il nucleo è sovraffollato"),
            new Condizione("antigienic", "alloggioAntigienico", "il nucleo vive in un alloggio antigienico"),
            new Condizione("barriere", "barriereArchitettoniche",
                    "un componente con disabilità vive in un alloggio con barriere architettoniche"));

    private static final Pattern PROVVISORIO = Pattern.compile("^\\s*PROVVISORI[OA]\\s*:\\s*", Pattern.CASE_INSENSITIVE);
    /** «…: 6,5 punti, …»: what comes before is the condition, what follows is the analyst's justification. */
    private static final Pattern PUNTI = Pattern.compile(":\\s*-?\\d+(?:[.,]\\d+)*\\s+punt[oi]\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern FINE_FRASE = Pattern.compile("\\.\\s+(?=\\p{Lu})");
    /** A parenthesis with any of these is a citation or a source, not part of the condition. */
    private static final Pattern CITAZIONE = Pattern.compile("\\b(?:artt?\\.|r\\.\\s?r\\.|l\\.\\s?r\\.|d\\.?\\s?p\\.?\\s?c\\.?\\s?m|"
            + "allegato|co\\.|lett\\.|fonte|avvis[oi]|slide|regolamento|delibera|REGULATION|ISBAR-ALLEGATO)|§|(?-i:\\bL\\.\\s*\\d)",
            Pattern.CASE_INSENSITIVE);
    /** «…, art. 14 lett. a» left in the text itself. */
    private static final Pattern CITAZIONE_IN_LINEA = Pattern.compile(",?\\s*\\b(?:artt?\\.|r\\.\\s?r\\.|l\\.\\s?r\\.)\\s*\\d[^,;:]*",
            Pattern.CASE_INSENSITIVE);

    private MotiviPunteggio() {
    }

    static boolean provvisoria(RegolaApplicata regola) {
        return PROVVISORIO.matcher(regola.descrizione()).find();
    }

    /** «Condizioni familiari: 3,000 punti perché …» from the stored points and the rules of that component. */
    static String riga(ComponenteIsbar componente, Punteggio punti, List<RegolaApplicata> regole) {
        List<String> motivi = new ArrayList<>();
        for (RegolaApplicata regola : regole.stream().sorted(Comparator.comparingInt(RegolaApplicata::numero)).toList()) {
            String motivo = motivo(componente, punti, regola);
            if (motivo != null && !motivi.contains(motivo)) {
                motivi.add(motivo);
            }
        }
        String inizio = componente.etichetta() + ": " + punti.toItalian() + " punti";
        if (motivi.isEmpty() && !regole.isEmpty() && punti.valore().signum() == 0) {
            return inizio + " perché " + nessunaCondizione(componente) + ".";
        }
        return motivi.isEmpty() ? inizio + "." : inizio + " perché " + elenco(motivi) + ".";
    }

    /** The condition a rule encodes, as its description states it, for a reader who does not care about sources. */
    static String criterio(String descrizione) {
        String testo = senzaCitazioniTraParentesi(descrizione == null ? "" : descrizione).replaceAll("\\s+", " ").strip();
        Matcher provvisorio = PROVVISORIO.matcher(testo);
        if (provvisorio.find()) {
            testo = testo.substring(provvisorio.end());
            // «PROVVISORIO: valore non pubblico. Invalidità …: 3 punti»: the first sentence only says why it is provisional
            Matcher fine = FINE_FRASE.matcher(testo);
            if (fine.find() && !PUNTI.matcher(testo.substring(0, fine.start())).find()) {
                testo = testo.substring(fine.end());
            }
        }
        Matcher punti = PUNTI.matcher(testo);
        if (punti.find()) {
            testo = testo.substring(0, punti.start());
        } else {
            Matcher fine = FINE_FRASE.matcher(testo);
            if (fine.find()) {
                testo = testo.substring(0, fine.start());
            }
        }
        testo = CITAZIONE_IN_LINEA.matcher(testo).replaceAll("");
        return testo.replaceAll("[\\s.,;:]+$", "").strip();
    }

    /** Null when the rule adds nothing to say (the always-true zero row of a summed table, an empty description). */
    private static String motivo(ComponenteIsbar componente, Punteggio punti, RegolaApplicata regola) {
        String criterio = criterio(regola.descrizione());
        String chiave = criterio.toLowerCase(Locale.ITALIAN);
        if (criterio.isEmpty() || chiave.startsWith("base della somma")) {
            return null;
        }
        Map<String, Object> input = regola.input();
        String riconosciuto = switch (componente) {
            case FAMILIARE -> {
                String disabilita = disabilita(chiave, criterio, input);
                yield disabilita != null ? disabilita : condizione(FAMILIARI, chiave, input);
            }
            case ABITATIVO -> condizione(ABITATIVE, chiave, input);
            case ECONOMICO -> chiave.contains("isee") && numero(input, ISEE) != null
                    ? "l'ISEE del nucleo è di " + ItalianFormats.euro(numero(input, ISEE)) + fascia(criterio) : null;
            case RESIDENZA_REGIONE -> anni(input, ANNI_LOMBARDIA, "in Lombardia", criterio);
            case RESIDENZA_COMUNE -> residenzaComune(chiave, criterio, punti, input);
        };
        return riconosciuto != null ? riconosciuto : "vale il criterio «" + minuscola(criterio) + "»";
    }

    private static String disabilita(String chiave, String criterio, Map<String, Object> input) {
        if (!chiave.contains("invalidit") && !chiave.contains("handicap")) {
            return null;
        }
        BigDecimal invalidita = numero(input, INVALIDITA);
        boolean accompagnamento = vero(input, ACCOMPAGNAMENTO) && !chiave.contains("senza accompagnamento");
        String persona;
        if (vero(input, HANDICAP_GRAVE) && chiave.contains("handicap grave") && !chiave.contains("senza handicap")) {
            persona = "nel nucleo c'è una persona con handicap grave (legge 104/1992)";
        } else if (invalidita != null && invalidita.signum() > 0) {
            persona = "nel nucleo c'è una persona con un'invalidità civile " + del(invalidita.intValue()) + " %";
        } else {
            return null;
        }
        return persona + (accompagnamento ? " che riceve l'indennità di accompagnamento" : "") + fascia(criterio);
    }

    private static String condizione(List<Condizione> condizioni, String chiave, Map<String, Object> input) {
        for (Condizione c : condizioni) {
            // the input confirms the keyword: a reworded rule about something else falls back to its own text
            if (chiave.contains(c.parolaChiave()) && (!input.containsKey(c.input()) || vero(input, c.input()))) {
                return c.frase();
            }
        }
        return null;
    }

    private static String residenzaComune(String chiave, String criterio, Punteggio punti, Map<String, Object> input) {
        if (punti.valore().signum() == 0 && input.containsKey(CONDIZIONE_FAMILIARE_O_ABITATIVA)
                && !vero(input, CONDIZIONE_FAMILIARE_O_ABITATIVA) && chiave.contains("condizion")) {
            return "la residenza nel comune conta solo per chi ha almeno una condizione familiare o abitativa, "
                    + "e la domanda non ne ha";
        }
        if (punti.valore().signum() == 0 && input.containsKey(ALLOGGIO_NEL_COMUNE) && !vero(input, ALLOGGIO_NEL_COMUNE)
                && chiave.contains("alloggi")) {
            return "nessuno degli alloggi scelti è nel comune di residenza, e in questo caso la residenza nel comune "
                    + "non conta";
        }
        return anni(input, ANNI_COMUNE, "nel comune", criterio);
    }

    private static String anni(Map<String, Object> input, String nome, String dove, String criterio) {
        BigDecimal valore = numero(input, nome);
        if (valore == null) {
            return null;
        }
        int anni = valore.intValue();
        String durata = switch (anni) {
            case 0 -> "non è residente " + dove + " da almeno un anno";
            case 1 -> "è residente " + dove + " da 1 anno";
            default -> "è residente " + dove + " da " + anni + " anni";
        };
        return "il richiedente " + durata + fascia(criterio);
    }

    private static String nessunaCondizione(ComponenteIsbar componente) {
        return switch (componente) {
            case FAMILIARE -> "dalla domanda non risulta nessuna delle condizioni familiari che danno punti";
            case ABITATIVO -> "dalla domanda non risulta nessuna delle condizioni abitative che danno punti";
            default -> "nessuna regola assegna punti a questa domanda";
        };
    }

    private static String fascia(String criterio) {
        return " (fascia «" + minuscola(criterio) + "»)";
    }

    /** «a», «a e b», «a, b e c». */
    private static String elenco(List<String> parti) {
        if (parti.size() == 1) {
            return parti.get(0);
        }
        return String.join(", ", parti.subList(0, parti.size() - 1)) + " e " + parti.get(parti.size() - 1);
    }

    /** «del 70», «dell'80»: the article elides before a number read with a vowel (uno, otto, undici, ottanta…). */
    private static String del(int percentuale) {
        String cifre = Integer.toString(percentuale);
        boolean vocale = percentuale == 1 || percentuale == 11 || cifre.startsWith("8");
        return (vocale ? "dell'" : "del ") + cifre;
    }

    /** Lower-cases the first letter, not an acronym's («ISEE oltre …» stays). */
    private static String minuscola(String testo) {
        if (testo.length() > 1 && Character.isUpperCase(testo.charAt(1))) {
            return testo;
        }
        return testo.isEmpty() ? testo : testo.substring(0, 1).toLowerCase(Locale.ITALIAN) + testo.substring(1);
    }

    private static boolean vero(Map<String, Object> input, String nome) {
        return Boolean.TRUE.equals(input.get(nome));
    }

    /** KIE gives BigDecimal; read back from the JSON column the same value may be an Integer or a Double. */
    private static BigDecimal numero(Map<String, Object> input, String nome) {
        Object valore = input.get(nome);
        if (valore instanceof BigDecimal b) {
            return b;
        }
        return valore instanceof Number n ? new BigDecimal(n.toString()) : null;
    }

    /** Drops «(art. 13 co. 1 r.r. 4/2017)», keeps «(invalidità sotto il 100 %)»; nested parentheses go with their outer one. */
    static String senzaCitazioniTraParentesi(String testo) {
        StringBuilder risultato = new StringBuilder();
        int profondita = 0;
        int inizio = -1;
        for (int i = 0; i < testo.length(); i++) {
            char c = testo.charAt(i);
            if (c == '(') {
                if (profondita++ == 0) {
                    inizio = i;
                }
            } else if (c == ')' && profondita > 0) {
                if (--profondita == 0) {
                    String parentesi = testo.substring(inizio, i + 1);
                    if (CITAZIONE.matcher(parentesi).find()) {
                        // also the space before it: «… 6,5 punti (fonte …)» → «… 6,5 punti»
                        while (!risultato.isEmpty() && risultato.charAt(risultato.length() - 1) == ' ') {
                            risultato.setLength(risultato.length() - 1);
                        }
                    } else {
                        risultato.append(parentesi);
                    }
                }
            } else if (profondita == 0) {
                risultato.append(c);
            }
        }
        if (profondita > 0) {
            risultato.append(testo.substring(inizio)); // unbalanced: keep the text rather than lose it
        }
        return risultato.toString();
    }
}
