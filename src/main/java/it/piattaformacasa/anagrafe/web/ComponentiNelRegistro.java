package it.piattaformacasa.anagrafe.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import it.piattaformacasa.common.ItalianFormats;

/**
 * The «Storico delle modifiche» words the members of a nucleo as the register keeps them in the API's terms
 * («CF|nome|cognome|aaaa-mm-gg|RELAZIONE», «;» between members): «Mario Bianchi (CF, nato/a il 03/05/1961, intestatario)».
 */
@Component("componentiNelRegistro")
public class ComponentiNelRegistro {

    private final MessageSource messaggi;

    ComponentiNelRegistro(MessageSource messaggi) {
        this.messaggi = messaggi;
    }

    public String testo(String valore) {
        if (valore == null || valore.isBlank()) {
            return "";
        }
        List<String> componenti = new ArrayList<>();
        for (String componente : valore.split(";")) {
            String[] p = componente.split("\\|", -1);
            if (p.length != 5) {
                componenti.add(componente);
                continue;
            }
            componenti.add(messaggi.getMessage("anagrafe.storico.componente", new Object[] {p[1] + " " + p[2], p[0], data(p[3]),
                    messaggi.getMessage("anagrafe.nucleo.relazione." + p[4], null, p[4], Locale.ITALIAN)
                            .toLowerCase(Locale.ITALIAN)}, Locale.ITALIAN));
        }
        return String.join("; ", componenti);
    }

    public String data(String iso) {
        try {
            return ItalianFormats.data(LocalDate.parse(iso));
        } catch (DateTimeParseException e) {
            return iso;
        }
    }
}
