package it.piattaformacasa.operatori;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import it.piattaformacasa.common.FoglioExcel;

/**
 * Seed 002's model «ABILITAZIONE UTENTI» / «DISABILITAZIONE UTENTI»: one row per operator, the ente's name, the
 * person, and one SI/NO per abilitazione. The same columns serve both kinds, the last two headed «Abilitazione per …»
 * or «Disabilitazione per …».
 */
public final class ModelloAbilitazioni {

    /** More operators than any ente has. */
    public static final int RIGHE_MASSIME = 500;

    public enum Colonna {
        RAGIONE_SOCIALE("Ragione sociale ente proprietario"),
        NOME("Nome operatore"),
        COGNOME("Cognome operatore"),
        CODICE_FISCALE("Codice fiscale operatore"),
        EMAIL("Indirizzo posta elettronica individuale dell'operatore"),
        TELEFONO("Recapito telefonico dell'operatore"),
        GESTIONE_AVVISO("(1) Abilitazione per la Gestione dell'Avviso (SI/NO)"),
        ISTRUTTORIA_DOMANDE("(2) Abilitazione per l'Istruttoria delle Domande (SI/NO)");

        private final String intestazione;

        Colonna(String intestazione) {
            this.intestazione = intestazione;
        }

        public String intestazione() {
            return intestazione;
        }

        boolean obbligatoria() {
            return this != TELEFONO;
        }

        /** The column a heading names, whatever its case, accents and punctuation. */
        public static Optional<Colonna> di(String intestazione) {
            String k = chiave(intestazione);
            if (k.isEmpty()) {
                return Optional.empty();
            }
            if (k.startsWith("ragionesociale")) {
                return Optional.of(RAGIONE_SOCIALE);
            }
            if (k.startsWith("cognome")) {
                return Optional.of(COGNOME);
            }
            if (k.startsWith("nome")) {
                return Optional.of(NOME);
            }
            if (k.startsWith("codicefiscale")) {
                return Optional.of(CODICE_FISCALE);
            }
            if (k.contains("postaelettronica") || k.startsWith("email")) {
                return Optional.of(EMAIL);
            }
            if (k.contains("telefon")) {
                return Optional.of(TELEFONO);
            }
            if (k.contains("gestionedellavviso")) {
                return Optional.of(GESTIONE_AVVISO);
            }
            if (k.contains("istruttoriadelledomande")) {
                return Optional.of(ISTRUTTORIA_DOMANDE);
            }
            return Optional.empty();
        }
    }

    static final FoglioExcel.Tracciato<Colonna> TRACCIATO = new FoglioExcel.Tracciato<>(List.of(Colonna.values()),
            Colonna::di, Colonna::obbligatoria, Colonna::intestazione, "delle abilitazioni",
            "del modello di abilitazione degli operatori (seed 002)", "", RIGHE_MASSIME);

    private ModelloAbilitazioni() {
    }

    /** Lower case letters and digits only, without accents: «Ragione sociale Ente-proprietario» → ragionesocialeenteproprietario. */
    static String chiave(String testo) {
        if (testo == null) {
            return "";
        }
        String senzaAccenti = Normalizer.normalize(testo, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return senzaAccenti.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
