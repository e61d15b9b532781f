package it.piattaformacasa.piano.web;

import static it.piattaformacasa.DemoUtenti.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import it.piattaformacasa.ClientHttp;
import it.piattaformacasa.IntegrationTest;
import it.piattaformacasa.config.ConsoleNelBrowser;
import it.piattaformacasa.piano.process.ProgrammazioneAnnualeBpmn;

/**
 * The capofila's approval of the annual plan in a browser (issue 13): the plans from the menu, the closed plan's page
 * with the enti's communications and who is late, a deliberation dated tomorrow refused beside its field, then the
 * approval and the reserves it set.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProgrammazioneNelBrowserTest {

    private static final ZoneId ROMA = ZoneId.of("Europe/Rome");

    @LocalServerPort
    int port;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;

    ConsoleNelBrowser console;
    long piano;
    final LocalDate oggi = LocalDate.now(ROMA);

    @BeforeAll
    void apri() {
        ClientHttp http = new ClientHttp(port);
        // a plan of 2087 whose window has closed: the two Comuni and ALER in Casciago sent their scheda, ALER's other
        // comuni are late
        ClientHttp.Risposta creato = http.post("/api/programmazione", CAPOFILA, "{\"ambito\":\"VARESE\",\"anno\":2087,"
                + "\"inizioComunicazioni\":\"" + oggi + "\",\"fineComunicazioni\":\"" + oggi.plusDays(14) + "\"}");
        assertThat(creato.status()).as(creato.body()).isEqualTo(201);
        piano = creato.json().get("id").asLong();
        eseguiTimer(ProgrammazioneAnnualeBpmn.TIMER_INIZIO_COMUNICAZIONI);
        for (var c : http.get("/api/programmazione/" + piano, CAPOFILA).json().get("comunicazioni")) {
            String ente = c.get("ente").asText();
            String corpo = ente.contains("Malnate") ? "{\"alloggiDisponibili\":37,\"alloggiTurnOver\":22,\"alloggiCarenzaManutentiva\":5,"
                    + "\"alloggiNuovaEdificazione\":4,\"alloggiTransitori\":1,\"alloggiAssegnatiAnnoPrecedente\":5,"
                    + "\"alloggiConferitiPrivati\":4,\"sogliaAnziani\":5,\"sogliaDisabili\":5,\"sogliaIndigenti\":25}"
                    : ente.contains("Varese") && !ente.startsWith("ALER") ? "{\"alloggiDisponibili\":23,\"sogliaIndigenti\":30,"
                    + "\"sogliaForzePolizia\":5}"
                    : ente.startsWith("ALER") && c.get("comune").asText().equals("Casciago") ? "{\"alloggiDisponibili\":12}" : null;
            if (corpo != null) {
                ClientHttp.Risposta r = http.invia(http.richiesta("/api/programmazione/" + piano + "/comunicazioni/" + c.get("id").asLong(),
                        ente.contains("Malnate") ? MALNATE : ente.startsWith("ALER") ? ALER_AVVISO : CAPOFILA).header("Content-Type", "application/json")
                        .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(corpo)).build());
                assertThat(r.status()).as(r.body()).isEqualTo(200);
            }
        }
        eseguiTimer(ProgrammazioneAnnualeBpmn.TIMER_FINE_COMUNICAZIONI);
        console = new ConsoleNelBrowser(port);
    }

    @AfterAll
    void chiudi() {
        if (console != null) {
            console.close();
        }
    }

    @Test
    void ilCapofilaApprovaIlPianoDopoLAssembleaDeiSindaci() {
        console.accedi(CAPOFILA, PASSWORD);
        console.trova(By.cssSelector("#menu-principale a[href='/programmazione']")).click();
        console.scrivi(By.id("filtro-anno"), "2087");
        console.clicca("Mostra");
        console.guarda("programmazione-elenco", "Piani annuali dell'offerta abitativa");
        assertThat(console.testoDi(By.id("tabella-piani"))).contains("Varese", "2087", "Chiuso", "2 in ritardo", "ALER");

        console.vai("/programmazione/" + piano);
        console.guarda("programmazione-chiuso", "Piano annuale 2087 – Varese");
        assertThat(console.testoDi(By.id("tabella-comunicazioni"))).contains("Comune di Malnate", "Ricevuta", "In ritardo");
        assertThat(console.testoDi(By.id("tabella-report"))).contains("COMUNE DI MALNATE", "37", "22");

        // a deliberation dated tomorrow: refused beside its field, what was typed kept
        console.scrivi(By.id("numeroDelibera"), "12/2087");
        imposta("dataDelibera", oggi.plusDays(1));
        console.clicca("Approva");
        console.guarda("programmazione-delibera-futura", "non può essere futura");
        assertThat(console.trova(By.id("dataDelibera")).getAttribute("aria-describedby")).isEqualTo("dataDelibera-errore");
        assertThat(console.trova(By.id("numeroDelibera")).getAttribute("value")).isEqualTo("12/2087");
        assertThat(console.trova(By.id("dataDelibera")).getAttribute("value")).matches("\\d{2}/\\d{2}/\\d{4}");

        imposta("dataDelibera", oggi);
        console.clicca("Approva");
        console.guarda("programmazione-approvato", "Piano annuale 2087 approvato con la delibera n. 12/2087");
        assertThat(console.testoDi(By.id("stato-piano"))).isEqualTo("Approvato");
        assertThat(console.testoDi(By.id("tabella-registro"))).contains("Piano approvato", "Riserve dell'anno impostate");
        console.driver().executeScript("arguments[0].scrollIntoView({block: 'start', behavior: 'instant'})",
                console.trova(By.id("report-titolo")));
        console.foto("programmazione-report");

        // the plan drives the year: the Comune di Varese's reserves of 2087 are the approved ones, set by the plan
        console.vai("/riserve?ente=" + ente("Comune di Varese") + "&anno=2087");
        console.guarda("programmazione-riserve-varese", "Riserve impostate");
        assertThat(console.testoDi(By.id("tabella-riserve"))).contains("Varese", "23", "30 %", "5 %", CAPOFILA,
                "dal piano annuale n. " + piano);
        console.clicca("dal piano annuale n. " + piano);
        console.guarda("programmazione-dalle-riserve", "Piano annuale 2087");
    }

    @Test
    void chiApreLaDemoTrovaIlPianoDellAnnoApertoEQuelloDellAnnoPrimaApprovato() {
        // the demo data's plans of the ambito (DatiDemoRunner): no test touches their years
        int anno = oggi.getYear();
        console.accedi(ALER_AVVISO, PASSWORD);
        console.vai("/programmazione?anno=" + anno);
        console.guarda("programmazione-demo-elenco", "Piani annuali dell'offerta abitativa");
        assertThat(console.testoDi(By.id("tabella-piani"))).contains("Varese", String.valueOf(anno), "Aperto alle comunicazioni");
        console.trova(By.cssSelector("#tabella-piani a[href^='/programmazione/']")).click();
        console.guarda("programmazione-demo-aperto", "Piano annuale " + anno + " – Varese");
        // every scheda arrived but ALER's for Gazzada Schianno, which ALER's operator can still send
        assertThat(console.testoDi(By.id("riepilogo-comunicazioni"))).isEqualTo("Ricevute 4 su 5; enti in ritardo: 0.");
        assertThat(console.testo()).contains("Schema comunicazione annuale – ALER", "Gazzada Schianno");

        console.vai("/programmazione?anno=" + (anno - 1));
        assertThat(console.testoDi(By.id("tabella-piani"))).contains(String.valueOf(anno - 1), "Approvato");
        console.trova(By.cssSelector("#tabella-piani a[href^='/programmazione/']")).click();
        console.guarda("programmazione-demo-approvato", "Piano annuale " + (anno - 1) + " – Varese");
        assertThat(console.testoDi(By.id("delibera"))).contains("4/" + (anno - 1));
        assertThat(console.testoDi(By.id("tabella-registro"))).contains("Riserve dell'anno impostate");
    }

    /** A date typed as an Italian types it, gg/mm/aaaa. */
    private void imposta(String campo, LocalDate data) {
        console.scrivi(By.id(campo), String.format("%02d/%02d/%04d", data.getDayOfMonth(), data.getMonthValue(), data.getYear()));
    }

    private long ente(String nome) {
        return new ClientHttp(port).get("/api/enti", CAPOFILA).json().findParents("ragioneSociale").stream()
                .filter(e -> e.get("ragioneSociale").asText().equals(nome)).findFirst().orElseThrow()
                .get("id").asLong();
    }

    private void eseguiTimer(String timer) {
        String istanza = runtimeService.createProcessInstanceQuery().processDefinitionKey(ProgrammazioneAnnualeBpmn.PROCESS_ID)
                .processInstanceBusinessKey(Long.toString(piano)).singleResult().getId();
        managementService.executeJob(managementService.createJobQuery().processInstanceId(istanza).activityId(timer)
                .singleResult().getId());
    }
}
