package it.piattaformacasa.scadenze.web;

import static it.piattaformacasa.DemoUtenti.*;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;

import it.piattaformacasa.ClientHttp;
import it.piattaformacasa.ScenarioAvviso;
import it.piattaformacasa.SessioneConsole;
import it.piattaformacasa.common.web.Console;
import it.piattaformacasa.anagrafe.AlloggioRepository;
import it.piattaformacasa.avviso.process.AvvisoBpmn;

/**
 * Deadlines for the «Scadenze» tests: an avviso in its selection window gives each ente of the ambito of Varese a
 * «Seleziona alloggi per l'avviso» due 24 hours before apertura; the Comune di Varese's is then moved two days into the
 * past, as an administrator may move a due date (the task's «Scadenza» follows), so it is overdue whatever the day.
 */
final class ScadenzeDiProva {

    /** The avviso and its three selection tasks. */
    record Avviso(long id, String titolo, Task diVarese, Task diMalnate, Task diAler) {
    }

    private final ClientHttp http;
    private final RuntimeService runtimeService;
    private final ManagementService managementService;
    private final TaskService taskService;
    private final AlloggioRepository alloggi;

    ScadenzeDiProva(ClientHttp http, RuntimeService runtimeService, ManagementService managementService,
                    TaskService taskService, AlloggioRepository alloggi) {
        this.http = http;
        this.runtimeService = runtimeService;
        this.managementService = managementService;
        this.taskService = taskService;
        this.alloggi = alloggi;
    }

    /**
     * How long ago noon in Rome was two calendar days ago: a deadline then reads «Scaduta da 2 giorni» at any hour of
     * the run (the page counts calendar days in Rome; a fixed «2 days and 1 hour» reads «3 giorni» after midnight).
     */
    static Duration dueGiorniFaAMezzogiorno() {
        java.time.ZonedDateTime adesso = java.time.ZonedDateTime.now(java.time.ZoneId.of("Europe/Rome"));
        return Duration.between(adesso.minusDays(2).withHour(12).withMinute(0).withSecond(0).withNano(0), adesso);
    }

    /** An avviso whose Comune di Varese's selection is {@code scadutaDa} overdue (null: left as it is, in time). */
    Avviso avviso(String titolo, Duration scadutaDa) {
        long id = new ScenarioAvviso(http, runtimeService, managementService, alloggi).conTitolo(titolo).predisposto();
        String istanza = runtimeService.createProcessInstanceQuery().processDefinitionKey(AvvisoBpmn.PROCESS_ID)
                .processInstanceBusinessKey(Long.toString(id)).singleResult().getId();
        Task varese = task(istanza, CF_COMUNE_VARESE);
        if (scadutaDa != null) {
            varese.setDueDate(Date.from(Instant.now().minus(scadutaDa)));
            taskService.saveTask(varese);
            varese = task(istanza, CF_COMUNE_VARESE);
        }
        return new Avviso(id, titolo, varese, task(istanza, CF_COMUNE_MALNATE), task(istanza, CF_ALER));
    }

    private Task task(String istanza, String cf) {
        return taskService.createTaskQuery().processInstanceId(istanza).taskCandidateGroup("ente-" + cf + "-avviso")
                .singleResult();
    }

    // ---- reading the page as a person would ----------------------------------------------------------------------

    /** One row of the table: its state, its badge, and its whole text (tags removed). */
    record Riga(String stato, String semaforo, String testo, String collegamento) {
    }

    private static final Pattern RIGA = Pattern.compile("<tr data-stato=\"([A-Z_]+)\">(.*?)</tr>", Pattern.DOTALL);
    private static final Pattern SEMAFORO = Pattern.compile("<span class=\"badge semaforo[^\"]*\">([^<]+)</span>");
    private static final Pattern COLLEGAMENTO = Pattern.compile("<a class=\"btn[^\"]*\" href=\"([^\"]+)\">");

    static List<Riga> righe(String html) {
        List<Riga> righe = new ArrayList<>();
        Matcher riga = RIGA.matcher(html);
        while (riga.find()) {
            String corpo = riga.group(2);
            Matcher semaforo = SEMAFORO.matcher(corpo);
            Matcher collegamento = COLLEGAMENTO.matcher(corpo);
            righe.add(new Riga(riga.group(1), semaforo.find() ? testo(semaforo.group(1)) : null,
                    testo(corpo.replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ")),
                    collegamento.find() ? testo(collegamento.group(1)) : null));
        }
        return righe;
    }

    static String testo(String html) {
        return html.replace("&#39;", "'").replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&").strip();
    }

    /** The number a summary card shows. */
    static long conteggio(String html, String stato) {
        Matcher m = Pattern.compile("id=\"conteggio-" + stato + "\">([0-9.]+)<").matcher(html);
        if (!m.find()) {
            throw new AssertionError("no card " + stato);
        }
        return Long.parseLong(m.group(1).replace(".", ""));
    }

    /**
     * Every row of a list, page after page: many deadlines of other tests may share a due date with this test's (the
     * same working day, whichever weekday the suite runs on), and the page does not promise which of them comes first.
     */
    static List<Riga> tutte(SessioneConsole sessione, String indirizzo) {
        String prima = sessione.get(indirizzo).body();
        List<Riga> righe = new ArrayList<>(righe(prima));
        long pagine = (totale(prima) + Console.RIGHE_PER_PAGINA - 1) / Console.RIGHE_PER_PAGINA;
        String separatore = indirizzo.contains("?") ? "&" : "?";
        for (int pagina = 2; pagina <= pagine; pagina++) {
            righe.addAll(righe(sessione.get(indirizzo + separatore + "pagina=" + pagina).body()));
        }
        return righe;
    }

    /** «27 scadenze» above the table. */
    static long totale(String html) {
        Matcher m = Pattern.compile("<p id=\"risultati\">([0-9.]+) scadenz").matcher(html);
        if (!m.find()) {
            throw new AssertionError("no total on the page");
        }
        return Long.parseLong(m.group(1).replace(".", ""));
    }
}
