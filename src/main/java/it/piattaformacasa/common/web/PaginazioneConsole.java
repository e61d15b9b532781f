package it.piattaformacasa.common.web;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The pages of a list as Bootstrap Italia's pagination shows them: numbered from 1, the current one, the links to
 * the previous and next page and to a few pages around the current one (the first and the last always).
 *
 * @param pagina  the current page, from 1
 * @param pagine  how many pages there are (at least 1)
 * @param totale  how many rows the list has in all
 * @param dal     the number of the first row shown (0 when there is none), {@code al} of the last
 */
public record PaginazioneConsole(int pagina, int pagine, long totale, long dal, long al, String precedente, String successiva,
                                 List<Voce> voci) {

    /** A link of the pagination; {@code url} null for the «…» between distant pages. */
    public record Voce(int numero, String url, boolean corrente) {
    }

    /**
     * @param pagina     the page asked for, from 1 (a page past the end shows the last)
     * @param collegamento the address of page n, with the list's other parameters
     */
    public static PaginazioneConsole di(int pagina, int dimensione, long totale, IntFunction<String> collegamento) {
        int pagine = (int) Math.max(1, (totale + dimensione - 1) / dimensione);
        int corrente = Math.min(Math.max(1, pagina), pagine);
        List<Voce> voci = new ArrayList<>();
        int ultima = 0;
        for (int n = 1; n <= pagine; n++) {
            if (n == 1 || n == pagine || Math.abs(n - corrente) <= 2) {
                if (ultima != 0 && n - ultima > 1) {
                    voci.add(new Voce(0, null, false));
                }
                voci.add(new Voce(n, collegamento.apply(n), n == corrente));
                ultima = n;
            }
        }
        long dal = totale == 0 ? 0 : (long) (corrente - 1) * dimensione + 1;
        long al = Math.min(totale, (long) corrente * dimensione);
        return new PaginazioneConsole(corrente, pagine, totale, dal, al,
                corrente > 1 ? collegamento.apply(corrente - 1) : null,
                corrente < pagine ? collegamento.apply(corrente + 1) : null, voci);
    }

    /** The page to read from the database, from 0. */
    public int indice() {
        return pagina - 1;
    }
}
