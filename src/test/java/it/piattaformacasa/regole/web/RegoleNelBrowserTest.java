package it.piattaformacasa.regole.web;

import static it.piattaformacasa.DemoUtenti.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import it.piattaformacasa.ClientHttp;
import it.piattaformacasa.IntegrationTest;
import it.piattaformacasa.config.ConsoleNelBrowser;
import it.piattaformacasa.regole.RepositoryRegole;

/**
 * Issue 12, the analysts' rule workbench as the analyst uses it, on a rule set of its own («soglia-console», the
 * Camunda Modeler file of the regole tests) so that no other test's rules move: the ISEE threshold goes from 16.000 to
 * 15.000 €. The analyst edits one cell in the browser and saves a new version, runs its test cases and sees the one
 * that fails beside its expected value, fixes the other cell in a further version, sees every case pass and asks
 * for publication, which then waits for the second analyst in Tasklist. An operator is refused the pages.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegoleNelBrowserTest {

    static final String NOME = "soglia-console";
    static final ZoneId ROMA = ZoneId.of("Europe/Rome");

    @LocalServerPort
    int port;
    @Autowired
    RepositoryRegole repository;

    ConsoleNelBrowser console;

    @BeforeAll
    void apri() throws Exception {
        ClientHttp http = new ClientHttp(port);
        byte[] dmn;
        try (var in = getClass().getResourceAsStream("/regole-di-prova/modeler-soglia.dmn")) {
            dmn = in.readAllBytes();
        }
        ClientHttp.Risposta caricata = http.invia(http.richiesta("/api/regole/" + NOME + "?motivo=Soglia%20ISEE%20art.%207&validoDal="
                        + LocalDate.now(ROMA), ANALISTA).header("Content-Type", "application/xml")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(dmn)).build());
        assertThat(caricata.status()).as(caricata.body()).isEqualTo(201);
        // the cases of the new threshold, written before the rules change
        ClientHttp.Risposta casi = http.post("/api/regole/" + NOME + "/versioni/1/casi", ANALISTA, """
                [{"descrizione":"ISEE 14.000: ammesso","input":{"isee":14000,"attestazione":false},"atteso":{"Soglia di prova":true}},
                 {"descrizione":"ISEE 15.500: non ammesso","input":{"isee":15500,"attestazione":false},"atteso":{"Soglia di prova":false}},
                 {"descrizione":"ISEE 20.000: non ammesso","input":{"isee":20000,"attestazione":false},"atteso":{"Soglia di prova":false}}]""");
        assertThat(casi.status()).as(casi.body()).isEqualTo(200);
        console = new ConsoleNelBrowser(port);
    }

    @AfterAll
    void chiudi() {
        console.close();
    }

    @Test
    void lAnalistaModificaUnaCellaProvaICasiCorreggeEChiedeLaPubblicazione() {
        console.accedi(ANALISTA, PASSWORD);
        console.driver().findElement(By.xpath("//header//a[normalize-space(.)='Regole']")).click();
        console.guarda("regole-elenco", "Regole «" + NOME + "»");
        assertThat(console.trova(By.id("insieme-isbar")).getText()).contains("Versione 1", "In vigore oggi");
        WebElement versione1 = console.trova(By.cssSelector("#insieme-" + NOME + " a"));
        console.driver().executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", versione1);
        versione1.click();
        console.guarda("regole-versione", "Regole «" + NOME + "», versione 1");
        assertThat(console.testo()).contains("Soglia di prova", "ISEE fino a 16.000 € (art. 7 co. 1 lett. c)", "<= 16000",
                "Unica: a ogni caso si applica al più una regola", "ISEE 15.500: non ammesso");

        // one cell: the threshold of rule 1; first a slip that makes it overlap rule 2, refused beside both rules
        console.clicca("Modifica come nuova versione");
        console.guarda("regole-modifica", "Modifica delle regole «" + NOME + "» a partire dalla versione 1");
        WebElement soglia = console.trova(By.cssSelector("input[aria-label='Decisione «Soglia di prova», regola 1, colonna «ISEE» (ingresso)']"));
        assertThat(soglia.getAttribute("value")).isEqualTo("<= 16000");
        soglia.clear();
        soglia.sendKeys("<= 17000");
        console.scrivi(By.id("motivo"), "Soglia ISEE a 15.000 €");
        console.clicca("Salva come nuova versione");
        console.guarda("regole-modifica-rifiutata", "La nuova versione non è stata salvata");
        assertThat(console.trova(By.id("errore-0-0")).getText()).contains("Regole sovrapposte");
        assertThat(console.trova(By.id("errore-0-1")).getText()).contains("Regole sovrapposte");
        assertThat(console.testo()).as("the validator's English is said in Italian").doesNotContain("Overlapping", "should be");
        soglia = console.trova(By.id("c-0-0-0"));
        assertThat(soglia.getAttribute("value")).as("what the analyst typed stays").isEqualTo("<= 17000");
        assertThat(soglia.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(repository.versioni().stream().filter(v -> v.nome().equals(NOME))).as("nothing saved").hasSize(1);
        soglia.clear();
        soglia.sendKeys("<= 15000");
        console.clicca("Salva come nuova versione");
        console.guarda("regole-nuova-versione", "Nuova versione 2 salvata");
        assertThat(console.testo()).contains("Regole «" + NOME + "», versione 2", "<= 15000", "Validata, non pubblicata");

        console.clicca("Esegui i casi di prova");
        console.guarda("regole-casi-falliti", "Casi di prova non superati: 1 su 3.");
        assertThat(riga("ISEE 15.500: non ammesso")).contains("Soglia di prova", "no", "nessun valore", "Non superato");
        assertThat(riga("ISEE 14.000: ammesso")).contains("sì", "Superato").doesNotContain("Non superato");

        // the forgotten cell: rule 2 still starts above 16.000
        console.clicca("Modifica come nuova versione");
        console.guarda("regole-modifica-2", "a partire dalla versione 2");
        WebElement oltre = console.trova(By.id("c-0-1-0"));
        assertThat(oltre.getAttribute("aria-label")).isEqualTo("Decisione «Soglia di prova», regola 2, colonna «ISEE» (ingresso)");
        oltre.clear();
        oltre.sendKeys("> 15000");
        console.scrivi(By.id("motivo"), "Soglia ISEE a 15.000 €: anche la regola 2");
        console.clicca("Salva come nuova versione");
        console.guarda("regole-nuova-versione-3", "Nuova versione 3 salvata");
        console.clicca("Esegui i casi di prova");
        console.guarda("regole-casi-superati", "Tutti i 3 casi di prova sono superati.");
        assertThat(riga("ISEE 15.500: non ammesso")).contains("Superato").doesNotContain("Non superato");

        console.scrivi(By.id("motivo"), "Nuova soglia ISEE");
        console.clicca("Richiedi pubblicazione");
        console.guarda("regole-pubblicazione-richiesta", "Pubblicazione della versione 3 richiesta");
        assertThat(console.testo()).contains("In attesa di approvazione", "Approva nelle attività").doesNotContain("Richiedi pubblicazione");
        assertThat(repository.versione(NOME, 3).pubblicazioneRichiestaDa()).isEqualTo(ANALISTA);
        assertThat(repository.versione(NOME, 3).stato()).as("four eyes: still to approve").isEqualTo(RepositoryRegole.Stato.VALIDATED);

        console.vai("/regole/registro?nome=" + NOME);
        console.guarda("regole-registro", "Pubblicazione richiesta");
        assertThat(console.testo()).contains("Nuova versione", "Soglia ISEE a 15.000 €", "Casi di prova aggiunti");
    }

    @Test
    void unOperatoreNonApreLeRegole() {
        console.accedi(CAPOFILA, PASSWORD);
        console.vai("/regole");
        console.guarda("regole-rifiutate", "Non hai i permessi per questa operazione.");
    }

    private String riga(String caso) {
        return console.trova(By.xpath("//tr[th[normalize-space(.)='" + caso + "']]")).getText();
    }
}
