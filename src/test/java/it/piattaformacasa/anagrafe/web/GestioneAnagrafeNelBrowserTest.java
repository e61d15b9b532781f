package it.piattaformacasa.anagrafe.web;

import static it.piattaformacasa.DemoUtenti.*;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import it.piattaformacasa.ClientHttp;
import it.piattaformacasa.IntegrationTest;
import it.piattaformacasa.config.ConsoleNelBrowser;

/**
 * Issue 13 in a browser: the Comune di Varese's operator opens an alloggio of its ente, «Modifica», changes the surface
 * and the state, saves, and reads the change in the «Storico delle modifiche»; a wrong surface first comes back beside
 * its field. The same for the alloggio's fabbricato: «Modifica il fabbricato», a wrong number of floors, then saved.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GestioneAnagrafeNelBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    ConsoleNelBrowser console;
    long id;
    long conFabbricato;
    long occupato;
    String codice;

    @BeforeAll
    void apri() {
        ClientHttp http = new ClientHttp(port);
        long varese = jdbc.queryForObject("select id from ente_proprietario where codice_fiscale = ?", Long.class, CF_COMUNE_VARESE);
        codice = "BRW" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
        ClientHttp.Risposta creato = http.post("/api/alloggi", CAPOFILA, """
                {"enteId":%d,"codiceUi":"%s","codiceIstatComune":"012133","zonaLocalita":"Bobbiate","indirizzo":"Via del Browser 12",
                 "piano":3,"superficieUtile":58,"vani":3,"ascensore":false,"stato":"SFITTO_CARENZE_MANUTENTIVE"}""".formatted(varese, codice));
        assertThat(creato.status()).as(creato.body()).isEqualTo(201);
        id = creato.json().get("id").asLong();
        ClientHttp.Risposta fabbricato = http.post("/api/fabbricati", CAPOFILA, """
                {"enteId":%d,"codice":"%s-F","codiceIstatComune":"012133","indirizzo":"Via del Browser 20","zonaLocalita":"Bobbiate",
                 "annoCostruzione":1968,"numeroPiani":4,"ascensore":false}""".formatted(varese, codice));
        assertThat(fabbricato.status()).as(fabbricato.body()).isEqualTo(201);
        ClientHttp.Risposta nelFabbricato = http.post("/api/alloggi", CAPOFILA, """
                {"enteId":%d,"codiceUi":"%s-F1","fabbricatoId":%d,"codiceIstatComune":"012133","indirizzo":"Via del Browser 20",
                 "piano":1,"superficieUtile":61,"vani":3,"stato":"LIBERO"}""".formatted(varese, codice, fabbricato.json().get("id").asLong()));
        assertThat(nelFabbricato.status()).as(nelFabbricato.body()).isEqualTo(201);
        conFabbricato = nelFabbricato.json().get("id").asLong();
        ClientHttp.Risposta conInquilini = http.post("/api/alloggi", CAPOFILA, """
                {"enteId":%d,"codiceUi":"%s-N","codiceIstatComune":"012133","indirizzo":"Via del Browser 30",
                 "piano":2,"superficieUtile":66,"vani":4,"stato":"OCCUPATO"}""".formatted(varese, codice));
        assertThat(conInquilini.status()).as(conInquilini.body()).isEqualTo(201);
        occupato = conInquilini.json().get("id").asLong();
        console = new ConsoleNelBrowser(port);
    }

    @AfterAll
    void chiudi() {
        console.close();
    }

    @Test
    void lOperatoreModificaUnAlloggioELeggeLaModificaNelloStorico() {
        console.accedi(CAPOFILA, PASSWORD);
        console.vai("/anagrafe/alloggi/" + id);
        console.guarda("anagrafe-gestione-alloggio", "Storico delle modifiche");
        console.clicca("Modifica");
        console.guarda("anagrafe-gestione-modulo", "Modifica l'alloggio " + codice);

        console.scrivi(By.id("superficieUtile"), "settanta");
        console.clicca("Salva le modifiche");
        console.guarda("anagrafe-gestione-errore", "Superficie utile (m²): scrivere la superficie in m², ad esempio 62,50");
        assertThat(console.trova(By.id("superficieUtile")).getAttribute("aria-describedby")).isEqualTo("superficieUtile-errore");

        console.scrivi(By.id("superficieUtile"), "70,25");
        new Select(console.trova(By.id("stato"))).selectByVisibleText("Libero");
        console.clicca("Salva le modifiche");
        console.guarda("anagrafe-gestione-salvato", "Modifiche all'alloggio " + codice + " salvate.");
        assertThat(console.testoDi(By.id("dati-alloggio"))).contains("70,25");
        assertThat(console.testoDi(By.id("tabella-storico"))).contains("Modifica", CAPOFILA, "Superficie utile (m²): 58,00 → 70,25",
                "Stato dell'unità immobiliare: Sfitto per carenze manutentive → Libero", "Inserimento");
        assertThat(jdbc.queryForObject("select stato from alloggio where id = ?", String.class, id)).isEqualTo("LIBERO");
    }

    @Test
    void lOperatoreModificaIlFabbricatoDiUnAlloggio() {
        console.accedi(CAPOFILA, PASSWORD);
        console.vai("/anagrafe/alloggi/" + conFabbricato);
        console.guarda("anagrafe-fabbricato-alloggio", "Modifica il fabbricato " + codice + "-F");
        console.clicca("Modifica il fabbricato " + codice + "-F");
        console.guarda("anagrafe-fabbricato-modulo", "Modifica il fabbricato " + codice + "-F");
        assertThat(console.trova(By.id("codice")).getAttribute("readonly")).isNotNull();

        console.scrivi(By.id("numeroPiani"), "cinque");
        console.clicca("Salva le modifiche");
        console.guarda("anagrafe-fabbricato-errore", "Numero di piani: scrivere un numero intero");
        assertThat(console.trova(By.id("numeroPiani")).getAttribute("aria-describedby")).isEqualTo("numeroPiani-errore");

        console.scrivi(By.id("numeroPiani"), "5");
        console.scrivi(By.id("indirizzo"), "Via del Browser 22");
        // Bootstrap Italia draws the checkbox on its label: the person clicks the label
        console.trova(By.cssSelector("label[for='ascensore']")).click();
        console.clicca("Salva le modifiche");
        console.guarda("anagrafe-fabbricato-salvato", "Modifiche al fabbricato " + codice + "-F salvate.");
        assertThat(console.testo()).contains("Via del Browser 22");

        console.vai("/anagrafe/alloggi/" + conFabbricato);
        assertThat(console.testoDi(By.id("dati-fabbricato"))).contains("Via del Browser 22", "5", "Sì");
        console.clicca("Modifica il fabbricato " + codice + "-F");
        console.guarda("anagrafe-fabbricato-storico", "Storico delle modifiche");
        console.driver().executeScript("arguments[0].scrollIntoView({block: 'start', behavior: 'instant'})",
                console.trova(By.id("titolo-storico")));
        console.foto("anagrafe-fabbricato-storico-tabella");
        assertThat(console.testoDi(By.id("tabella-storico"))).contains(CAPOFILA, "Numero di piani: 4 → 5",
                "Indirizzo: Via del Browser 20 → Via del Browser 22", "Ascensore: No → Sì", "Inserimento");
    }

    /** A valid codice fiscale of this run's own (the database is shared). */
    private static String cf(long n) {
        StringBuilder lettere = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            lettere.append((char) ('A' + n % 26));
            n /= 26;
        }
        return it.piattaformacasa.common.CodiceFiscale.conControllo(lettere + "68D52L682");
    }

    @Test
    void lOperatoreRegistraModificaETerminaIlNucleoAssegnatario() {
        long seme = System.nanoTime() % 100_000_000L;
        String giulia = cf(seme);
        String paolo = cf(seme + 1);
        console.accedi(CAPOFILA, PASSWORD);
        console.vai("/anagrafe/alloggi/" + occupato);
        console.guarda("anagrafe-nucleo-alloggio", "Registra il nucleo assegnatario");
        console.clicca("Registra il nucleo assegnatario");
        console.guarda("anagrafe-nucleo-modulo", "Registra il nucleo assegnatario dell'alloggio " + codice + "-N");

        console.scrivi(By.id("codiceFiscale0"), giulia);
        console.scrivi(By.id("nome0"), "Giulia");
        console.scrivi(By.id("cognome0"), "Ferri");
        console.scrivi(By.id("dataNascita0"), "12/04/1968");
        console.scrivi(By.id("codiceFiscale1"), paolo);
        console.scrivi(By.id("nome1"), "Paolo");
        console.scrivi(By.id("cognome1"), "Ferri");
        console.scrivi(By.id("dataNascita1"), "1 aprile");
        new Select(console.trova(By.id("relazione1"))).selectByVisibleText("Figlio/a");
        console.clicca("Registra il nucleo assegnatario");
        console.guarda("anagrafe-nucleo-errore", "Componente 2, data di nascita: scrivere la data come gg/mm/aaaa");
        assertThat(console.trova(By.id("dataNascita1")).getAttribute("aria-describedby")).isEqualTo("dataNascita1-errore");

        console.scrivi(By.id("dataNascita1"), "01/04/2001");
        console.clicca("Registra il nucleo assegnatario");
        console.guarda("anagrafe-nucleo-registrato", "Nucleo assegnatario dell'alloggio " + codice + "-N registrato.");
        assertThat(console.testoDi(By.id("componenti"))).contains("Giulia Ferri", giulia, "12/04/1968", "Intestatario", "Paolo Ferri",
                "01/04/2001", "Figlio/a");

        console.clicca("Modifica il nucleo");
        console.guarda("anagrafe-nucleo-modifica", "Modifica il nucleo assegnatario dell'alloggio " + codice + "-N");
        console.scrivi(By.id("cognome0"), "Ferri Bassi");
        console.clicca("Salva le modifiche");
        console.guarda("anagrafe-nucleo-modificato", "Nucleo assegnatario dell'alloggio " + codice + "-N modificato.");

        console.clicca("Termina l'assegnazione");
        console.guarda("anagrafe-nucleo-termine", "Termina l'assegnazione dell'alloggio " + codice + "-N");
        console.scrivi(By.id("data"), "15/11/2025");
        console.clicca("Termina l'assegnazione");
        console.guarda("anagrafe-nucleo-termine-errore", "Motivo del termine: il motivo del termine è obbligatorio");
        assertThat(console.trova(By.id("motivo")).getAttribute("aria-describedby")).isEqualTo("motivo-errore");
        console.scrivi(By.id("motivo"), "Trasferimento in altro comune");
        new Select(console.trova(By.id("statoAlloggio"))).selectByVisibleText("Sfitto per carenze manutentive");
        console.clicca("Termina l'assegnazione");
        console.guarda("anagrafe-nucleo-terminato", "Assegnazione dell'alloggio " + codice + "-N terminata: il nucleo resta nello storico.");
        assertThat(console.testoDi(By.id("nuclei-passati"))).contains("Giulia Ferri Bassi", "15/11/2025", "Trasferimento in altro comune");
        console.driver().executeScript("arguments[0].scrollIntoView({block: 'start', behavior: 'instant'})",
                console.trova(By.id("titolo-storico")));
        console.foto("anagrafe-nucleo-storico");
        assertThat(console.testoDi(By.id("tabella-storico"))).contains("Fine dell'assegnazione: vuoto → 15/11/2025",
                "Stato dell'unità immobiliare: Occupato → Sfitto per carenze manutentive",
                "Giulia Ferri (" + giulia + ", nato/a il 12/04/1968, intestatario)",
                "Giulia Ferri Bassi (" + giulia + ", nato/a il 12/04/1968, intestatario)");
        assertThat(jdbc.queryForObject("select stato from alloggio where id = ?", String.class, occupato))
                .isEqualTo("SFITTO_CARENZE_MANUTENTIVE");
    }
}
