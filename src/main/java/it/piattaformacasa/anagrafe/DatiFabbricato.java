package it.piattaformacasa.anagrafe;

import java.util.ArrayList;
import java.util.List;

import it.piattaformacasa.common.DatiNonValidiException.Errore;
import it.piattaformacasa.common.TestoSicuro;

/** A fabbricato as the ente's operator writes it (issue 13); {@link #verifica()} says every wrong field at once. */
public record DatiFabbricato(String codice, String codiceIstatComune, String indirizzo, String zonaLocalita,
                             Integer annoCostruzione, Integer numeroPiani, Boolean ascensore) {

    public DatiFabbricato normalizzati() {
        return new DatiFabbricato(DatiAlloggio.pulito(codice), DatiAlloggio.pulito(codiceIstatComune), DatiAlloggio.pulito(indirizzo),
                DatiAlloggio.pulito(zonaLocalita), annoCostruzione, numeroPiani, ascensore == null ? Boolean.FALSE : ascensore);
    }

    public List<Errore> verifica() {
        List<Errore> errori = new ArrayList<>();
        if (codice == null || codice.isBlank()) {
            errori.add(new Errore("codice", "il codice del fabbricato è obbligatorio"));
        } else if (!DatiAlloggio.CODICE.matcher(codice.strip()).matches()) {
            errori.add(new Errore("codice", "codice non valido: da 1 a 40 tra lettere, cifre e . _ / - (senza spazi)"));
        }
        if (codiceIstatComune == null || codiceIstatComune.isBlank()) {
            errori.add(new Errore("codiceIstatComune", "il comune è obbligatorio"));
        } else if (!codiceIstatComune.strip().matches("[0-9]{6}")) {
            errori.add(new Errore("codiceIstatComune", "codice ISTAT del comune non valido: sei cifre"));
        }
        if (indirizzo == null || indirizzo.isBlank()) {
            errori.add(new Errore("indirizzo", "l'indirizzo è obbligatorio"));
        } else if (indirizzo.strip().length() > 200) {
            errori.add(new Errore("indirizzo", "al massimo 200 caratteri"));
        } else {
            TestoSicuro.problema(indirizzo, false).ifPresent(p -> errori.add(new Errore("indirizzo", p)));
        }
        if (zonaLocalita != null && zonaLocalita.strip().length() > 120) {
            errori.add(new Errore("zonaLocalita", "al massimo 120 caratteri"));
        } else if (zonaLocalita != null) {
            TestoSicuro.problema(zonaLocalita, false).ifPresent(p -> errori.add(new Errore("zonaLocalita", p)));
        }
        if (annoCostruzione != null && (annoCostruzione < 1800 || annoCostruzione > 2100)) {
            errori.add(new Errore("annoCostruzione", "l'anno di costruzione deve essere tra 1800 e 2100"));
        }
        if (numeroPiani != null && (numeroPiani < 1 || numeroPiani > 60)) {
            errori.add(new Errore("numeroPiani", "i piani devono essere tra 1 e 60"));
        }
        return errori;
    }
}
