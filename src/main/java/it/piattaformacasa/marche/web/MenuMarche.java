package it.piattaformacasa.marche.web;

import org.springframework.stereotype.Component;

import it.piattaformacasa.marche.BandiService;

/**
 * The layout's menu item «Bandi» and the region it names (issue 15), asked by the layout as {@code @menuMarche.bandi()} only while it renders a
 * page for someone logged in: shown to who sees or defines a Marche Comune's bandi, so a Lombardia console is unchanged.
 */
@Component("menuMarche")
public class MenuMarche {

    private final BandiService bandi;

    MenuMarche(BandiService bandi) {
        this.bandi = bandi;
    }

    public boolean bandi() {
        return bandi.vedeBandi();
    }

    /** The person works only for Marche enti: the header and footer name Regione Marche and its law. */
    public boolean soloMarche() {
        return bandi.soloMarche();
    }
}
