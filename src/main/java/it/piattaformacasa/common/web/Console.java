package it.piattaformacasa.common.web;

/**
 * What every page of the console shares (issue 12): its layout is {@code templates/layout.html}, its words
 * {@code messages_it.properties}, its assets Bootstrap Italia's webjar and {@code static/console/}.
 */
public final class Console {

    /**
     * Scripts only from the platform itself; styles also inline, because Bootstrap Italia's bundle writes its
     * @font-face rules into a style element it creates; no frames, forms only to the platform.
     */
    public static final String POLITICA_CONTENUTI = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; "
            + "base-uri 'self'; object-src 'none'";

    /** Rows per page of every list, unless the person chooses otherwise (at most {@link #RIGHE_MASSIME}). */
    public static final int RIGHE_PER_PAGINA = 25;
    public static final int RIGHE_MASSIME = 200;

    private Console() {
    }
}
