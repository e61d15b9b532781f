package it.piattaformacasa.marche.web;

import static it.piattaformacasa.DemoUtenti.*;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import it.piattaformacasa.IntegrationTest;
import it.piattaformacasa.config.ConsoleNelBrowser;

/**
 * Issue 15, the pages the regional profile changes outside «Bandi», as their users see them: the login page, the
 * scrivania of the Comune di Ancona's operator (it starts from its bandi and is offered no Lombardia procedure), the
 * Anagrafe naming each ente's profile, and the Regione Marche's reader, who reads the demo bando and changes nothing.
 */
@IntegrationTest
class ProfiloMarcheNelBrowserTest {

    @LocalServerPort
    int port;

    @Test
    void loperatoreDiAnconaPartaDaiBandiELAnagrafeNeNominaIlProfilo() {
        try (ConsoleNelBrowser console = new ConsoleNelBrowser(port)) {
            console.vai("/accesso");
            console.guarda("marche-accesso", "Accedi");
            console.accedi(ANCONA, PASSWORD);
            console.vai("/");
            console.guarda("marche-scrivania", "I bandi del Comune (Regione Marche)");
            assertThat(console.testo()).contains("Regione Marche", "L.R. 36/2005")
                    .doesNotContain("Programmazione", "Regione Lombardia");
            console.vai("/anagrafe");
            console.guarda("marche-anagrafe", "Profilo regionale: Marche");
            assertThat(console.testo()).contains("Comune di Ancona").doesNotContain("Profilo regionale: Lombardia");
        }
    }

    @Test
    void ilLettoreDellaRegioneMarcheLeggeIlBandoDellaDemo() {
        try (ConsoleNelBrowser console = new ConsoleNelBrowser(port)) {
            console.accedi(LETTORE_MARCHE, PASSWORD);
            console.vai("/");
            console.guarda("lettore-marche-scrivania", "degli enti di tutta la Regione");
            console.vai("/marche/bandi");
            console.guarda("lettore-marche-bandi", "Comune di Ancona");
            assertThat(console.testo()).doesNotContain("Nuovo bando", "Modifica");
        }
    }
}
