package it.piattaformacasa.graduatoria.web;

import java.util.List;
import java.util.Locale;

import org.springframework.web.util.UriComponentsBuilder;

import it.piattaformacasa.common.DatiNonValidiException;
import it.piattaformacasa.domanda.DomandePerGraduatorie;
import it.piattaformacasa.graduatoria.DomandeInLavorazione.DomandaInLavorazione;

/**
 * The filters of an avviso's «Tutte le domande» and «In lavorazione» (issue 12) as the console's addresses carry them,
 * checked once for the page and for its downloads: a sort or an area the page does not offer is a 400 with its reason
 * in Italian, never a silent other list.
 *
 * @param cerca what was typed, at most 100 characters, never null
 */
public record FiltriDomande(String cerca, boolean inLavorazione, DomandePerGraduatorie.Ordine ordine) {

    public static final String IN_LAVORAZIONE = "in-lavorazione";

    public static FiltriDomande di(String cerca, String ordina, String vista) {
        String cercato = cerca == null ? "" : cerca.strip();
        if (cercato.length() > 100) {
            cercato = cercato.substring(0, 100);
        }
        boolean inLavorazione = false;
        if (vista != null && !vista.isBlank()) {
            if (vista.strip().equals(IN_LAVORAZIONE)) {
                inLavorazione = true;
            } else if (!vista.strip().equals("tutte")) {
                throw DatiNonValidiException.campo("vista", "area sconosciuta (ammesse: tutte, in-lavorazione)");
            }
        }
        DomandePerGraduatorie.Ordine ordine = DomandePerGraduatorie.Ordine.ISBAR;
        if (ordina != null && !ordina.isBlank()) {
            ordine = null;
            for (DomandePerGraduatorie.Ordine o : DomandePerGraduatorie.Ordine.values()) {
                if (o.name().equalsIgnoreCase(ordina.strip())) {
                    ordine = o;
                }
            }
            if (ordine == null) {
                throw DatiNonValidiException.campo("ordina",
                        "ordinamento sconosciuto (ammessi: isbar, id, richiedente, presentazione)");
            }
        }
        return new FiltriDomande(cercato, inLavorazione, ordine);
    }

    public String vista() {
        return inLavorazione ? IN_LAVORAZIONE : "tutte";
    }

    public String ordina() {
        return ordine.name().toLowerCase(Locale.ROOT);
    }

    /** «In lavorazione» is searched by ID in the query; null when the text is not one. */
    public Long domandaId() {
        return cerca.matches("[0-9]{1,18}") ? Long.valueOf(cerca) : null;
    }

    /** «In lavorazione» by codice fiscale: what the query by ID cannot narrow (the list is short: open work only). */
    public List<DomandaInLavorazione> filtra(List<DomandaInLavorazione> aperte) {
        if (cerca.isEmpty() || domandaId() != null) {
            return aperte;
        }
        String cf = cerca.toUpperCase(Locale.ROOT);
        return aperte.stream().filter(d -> d.richiedente().equals(cf)).toList();
    }

    /** The address of {@code percorso} with these filters. */
    public UriComponentsBuilder indirizzo(String percorso) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(percorso);
        if (inLavorazione) {
            uri.queryParam("vista", IN_LAVORAZIONE);
        }
        if (!cerca.isEmpty()) {
            uri.queryParam("cerca", cerca);
        }
        if (!inLavorazione) {
            uri.queryParam("ordina", ordina());
        }
        return uri;
    }
}
