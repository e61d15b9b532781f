package it.piattaformacasa.anagrafe.web;

import java.util.Locale;

import org.springframework.web.util.UriComponentsBuilder;

import it.piattaformacasa.anagrafe.AnagrafeService.OrdineAlloggi;
import it.piattaformacasa.anagrafe.AnagrafeService.RicercaAlloggi;
import it.piattaformacasa.anagrafe.DestinazioneUso;
import it.piattaformacasa.anagrafe.StatoAlloggio;
import it.piattaformacasa.common.DatiNonValidiException;

/**
 * The Anagrafe's filters as the console's addresses carry them (issue 12), checked once for the pages and for their
 * downloads: a value the lists cannot mean is a 400 with its reason in Italian, never a 5xx.
 */
public final class FiltriAnagrafe {

    private FiltriAnagrafe() {
    }

    /**
     * The alloggi's filters as the address carries them (Spring binds the query's parameters by name): seed 001's
     * «Scheda ricerca alloggi» — ente, fabbricato, destinazione d'uso, provincia, comune, stato, alloggi in avviso — with
     * the text search and the order.
     */
    public record ParametriAlloggi(String ente, String comune, String stato, String cerca, String ordina, String verso,
                                   String fabbricato, String destinazione, String provincia, String inAvviso) {
    }

    /** The alloggi's filters, already checked; {@code cerca} is never null. */
    public record Alloggi(Long ente, String comune, StatoAlloggio stato, String cerca, OrdineAlloggi ordine, boolean discendente,
                          String fabbricato, DestinazioneUso destinazione, String provincia, Boolean inAvviso) {

        public static Alloggi di(ParametriAlloggi p) {
            OrdineAlloggi ordine = OrdineAlloggi.CODICE;
            if (p.ordina() != null && !p.ordina().isBlank()) {
                ordine = valore(OrdineAlloggi.class, p.ordina(), "ordina",
                        "ordinamento sconosciuto (ammessi: codice, comune, stato, superficie)");
            }
            boolean discendente = false;
            if (p.verso() != null && !p.verso().isBlank()) {
                if (!p.verso().strip().equals("asc") && !p.verso().strip().equals("disc")) {
                    throw DatiNonValidiException.campo("verso", "verso sconosciuto (ammessi: asc, disc)");
                }
                discendente = p.verso().strip().equals("disc");
            }
            StatoAlloggio scelto = vuoto(p.stato()) ? null
                    : valore(StatoAlloggio.class, p.stato(), "stato", "stato dell'alloggio sconosciuto");
            DestinazioneUso destinazione = vuoto(p.destinazione()) ? null
                    : valore(DestinazioneUso.class, p.destinazione(), "destinazione", "destinazione d'uso sconosciuta");
            String fabbricato = vuoto(p.fabbricato()) ? null : p.fabbricato().strip();
            if (fabbricato != null && fabbricato.length() > 64) {
                throw DatiNonValidiException.campo("fabbricato", "codice del fabbricato troppo lungo (al massimo 64 caratteri)");
            }
            String provincia = vuoto(p.provincia()) ? null : p.provincia().strip().toUpperCase(Locale.ROOT);
            if (provincia != null && !provincia.matches("[A-Z]{2}")) {
                throw DatiNonValidiException.campo("provincia", "provincia non valida: la sigla ha due lettere, ad esempio VA");
            }
            Boolean inAvviso = null;
            if (!vuoto(p.inAvviso())) {
                inAvviso = switch (p.inAvviso().strip().toLowerCase(Locale.ROOT)) {
                    case "si", "sì", "true" -> true;
                    case "no", "false" -> false;
                    default -> throw DatiNonValidiException.campo("inAvviso", "valore non ammesso (ammessi: si, no)");
                };
            }
            return new Alloggi(FiltriAnagrafe.ente(p.ente()), FiltriAnagrafe.comune(p.comune()), scelto, FiltriAnagrafe.cerca(p.cerca()),
                    ordine, discendente, fabbricato, destinazione, provincia, inAvviso);
        }

        public RicercaAlloggi ricerca() {
            return new RicercaAlloggi(ente, comune, stato, cerca, fabbricato, destinazione, provincia, inAvviso);
        }

        public String ordina() {
            return ordine.name().toLowerCase(Locale.ROOT);
        }

        public String verso() {
            return discendente ? "disc" : "asc";
        }

        /** The address of {@code percorso} with these filters. */
        public UriComponentsBuilder indirizzo(String percorso) {
            UriComponentsBuilder uri = UriComponentsBuilder.fromPath(percorso);
            if (ente != null) {
                uri.queryParam("ente", ente);
            }
            if (comune != null) {
                uri.queryParam("comune", comune);
            }
            if (stato != null) {
                uri.queryParam("stato", stato.name());
            }
            if (!cerca.isEmpty()) {
                uri.queryParam("cerca", cerca);
            }
            if (fabbricato != null) {
                uri.queryParam("fabbricato", fabbricato);
            }
            if (destinazione != null) {
                uri.queryParam("destinazione", destinazione.name());
            }
            if (provincia != null) {
                uri.queryParam("provincia", provincia);
            }
            if (inAvviso != null) {
                uri.queryParam("inAvviso", inAvviso ? "si" : "no");
            }
            return uri.queryParam("ordina", ordina()).queryParam("verso", verso());
        }
    }

    public static Long ente(String ente) {
        if (ente == null || ente.isBlank()) {
            return null;
        }
        if (!ente.strip().matches("[0-9]{1,18}")) {
            throw DatiNonValidiException.campo("ente", "ente non valido: scegliere un ente dall'elenco");
        }
        return Long.valueOf(ente.strip());
    }

    public static String comune(String comune) {
        if (comune == null || comune.isBlank()) {
            return null;
        }
        if (!comune.strip().matches("[0-9]{6}")) {
            throw DatiNonValidiException.campo("comune", "comune non valido: il codice ISTAT ha 6 cifre");
        }
        return comune.strip();
    }

    /** The text searched, at most 100 characters; empty for none. */
    public static String cerca(String cerca) {
        String cercato = cerca == null ? "" : cerca.strip();
        return cercato.length() > 100 ? cercato.substring(0, 100) : cercato;
    }

    /** A page number from the address: anything else is the first page. */
    public static int numero(String pagina) {
        try {
            return Math.max(1, Math.min(Integer.parseInt(pagina.strip()), 1_000_000));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static boolean vuoto(String testo) {
        return testo == null || testo.isBlank();
    }

    private static <E extends Enum<E>> E valore(Class<E> tipo, String testo, String campo, String messaggio) {
        for (E e : tipo.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(testo.strip())) {
                return e;
            }
        }
        throw DatiNonValidiException.campo(campo, messaggio);
    }
}
