package it.piattaformacasa.scadenze.web;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import it.piattaformacasa.scadenze.ScadenzeDiLeggeService.Puntualita;
import it.piattaformacasa.scadenze.ScadenzeDiLeggeService.Settimana;
import it.piattaformacasa.scadenze.TipoScadenza;

/**
 * The geometry of the page's two pictures, drawn by the template as inline SVG (no script): bars as numbers a
 * template can place. The same numbers are in a table beside each picture.
 */
final class GraficiScadenze {

    /** Colours of the kinds: each at least 3:1 against white (WCAG 1.4.11), told apart by the legend's words too. */
    static final Map<TipoScadenza, String> COLORI = new EnumMap<>(Map.of(
            TipoScadenza.SELEZIONE_ALLOGGI, "#0066cc",
            TipoScadenza.APPROVAZIONE_PROVVISORIA, "#cc334d",
            TipoScadenza.FINESTRA_RETTIFICHE, "#5c6f82",
            TipoScadenza.DECISIONE_RETTIFICA, "#8a5a00",
            TipoScadenza.RENDI_DEFINITIVA, "#00805a",
            TipoScadenza.PUBBLICAZIONE_DEFINITIVA, "#6a2c91",
            TipoScadenza.CONTRATTO, "#003366"));

    static final int LARGHEZZA = 640;
    static final int ALTEZZA_BARRE = 200;
    static final int MARGINE_SOPRA = 24;
    static final int MARGINE_SINISTRA = 40;
    private static final DateTimeFormatter GIORNO = DateTimeFormatter.ofPattern("dd/MM");

    record Pezzo(TipoScadenza tipo, long quante, int y, int altezza, String colore) {
    }

    record Barra(Settimana settimana, String etichetta, int x, int larghezza, List<Pezzo> pezzi, int yTotale) {
    }

    record Settimane(List<Barra> barre, List<TipoScadenza> tipi, Map<TipoScadenza, String> colori, long massimo,
                     long totale, int altezza, int base, List<Tacca> tacche) {
    }

    record Tacca(long valore, int y) {
    }

    static Settimane settimane(List<Settimana> settimane) {
        long massimo = Math.max(1, settimane.stream().mapToLong(Settimana::totale).max().orElse(0));
        int base = MARGINE_SOPRA + ALTEZZA_BARRE;
        int passo = (LARGHEZZA - MARGINE_SINISTRA) / Math.max(1, settimane.size());
        List<Barra> barre = new ArrayList<>();
        List<TipoScadenza> presenti = new ArrayList<>();
        for (int i = 0; i < settimane.size(); i++) {
            Settimana s = settimane.get(i);
            int y = base;
            List<Pezzo> pezzi = new ArrayList<>();
            for (TipoScadenza tipo : TipoScadenza.values()) {
                long quante = s.perTipo().getOrDefault(tipo, 0L);
                if (quante == 0) {
                    continue;
                }
                if (!presenti.contains(tipo)) {
                    presenti.add(tipo);
                }
                int altezza = (int) Math.round((double) ALTEZZA_BARRE * quante / massimo);
                y -= altezza;
                pezzi.add(new Pezzo(tipo, quante, y, altezza, COLORI.get(tipo)));
            }
            barre.add(new Barra(s, s.dal().format(GIORNO) + "–" + s.al().format(GIORNO),
                    MARGINE_SINISTRA + i * passo + passo / 6, passo * 2 / 3, pezzi, y - 6));
        }
        presenti.sort(null);
        List<Tacca> tacche = new ArrayList<>();
        long intervallo = Math.max(1, (long) Math.ceil(massimo / 4.0));
        for (long v = 0; v <= massimo; v += intervallo) {
            tacche.add(new Tacca(v, base - (int) Math.round((double) ALTEZZA_BARRE * v / massimo)));
        }
        return new Settimane(barre, presenti, COLORI, massimo, settimane.stream().mapToLong(Settimana::totale).sum(),
                base + 40, base, tacche);
    }

    record RigaPuntualita(Puntualita puntualita, int y, int larghezza) {
    }

    record Puntualitas(List<RigaPuntualita> righe, int altezza, int larghezzaMassima) {
    }

    static final int ALTEZZA_RIGA = 48;
    static final int BARRA_MASSIMA = 440;

    static Puntualitas puntualita(List<Puntualita> enti) {
        List<RigaPuntualita> righe = new ArrayList<>();
        for (int i = 0; i < enti.size(); i++) {
            Puntualita p = enti.get(i);
            righe.add(new RigaPuntualita(p, i * ALTEZZA_RIGA, (int) Math.round(BARRA_MASSIMA * p.percentuale() / 100.0)));
        }
        return new Puntualitas(righe, Math.max(ALTEZZA_RIGA, enti.size() * ALTEZZA_RIGA + 8), BARRA_MASSIMA);
    }

    private GraficiScadenze() {
    }
}
