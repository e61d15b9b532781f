package it.piattaformacasa.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.mock.env.MockEnvironment;

import it.piattaformacasa.IntegrationTest;
import it.piattaformacasa.anagrafe.AlloggioRepository;
import it.piattaformacasa.anagrafe.process.CertificazioneAnagrafeBpmn;
import it.piattaformacasa.operatori.OperatoriService;
import it.piattaformacasa.piano.process.ProgrammazioneAnnualeBpmn;

@IntegrationTest
class DatiDemoRunnerTest {

    @Autowired
    DatiDemoRunner runner;
    @Autowired
    AlloggioRepository alloggi;
    @Autowired
    OperatoriService operatori;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    HistoryService historyService;
    @Autowired
    Clock clock;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void caricareDiNuovoIDatiDemoNonDuplicaNulla() throws Exception {
        long alloggiPrima = alloggi.count();
        int operatoriPrima = operatori.operatori().size();
        long richiestePrima = richieste2026();

        runner.run(new DefaultApplicationArguments());

        // the demo's 42 units all belong to its fabbricati; other test classes may add fabbricati and units of their own
        String codiciDemo = DatiDemo.FABBRICATI.stream().map(f -> "'" + f.codice() + "'").collect(java.util.stream.Collectors.joining(","));
        assertThat(jdbc.queryForObject("select count(*) from alloggio a join fabbricato f on f.id = a.fabbricato_id where f.codice in ("
                + codiciDemo + ")", Long.class)).isEqualTo(42);
        assertThat(alloggi.count()).isEqualTo(alloggiPrima);
        assertThat(operatori.operatori()).hasSize(operatoriPrima);
        // other test classes create operators of their own (issue 14's abilitazioni): the demo's are there once each
        java.util.Set<String> demo = DatiDemo.OPERATORI.stream().map(DatiDemo.DatiOperatore::username)
                .collect(java.util.stream.Collectors.toSet());
        assertThat(operatori.operatori().stream().filter(o -> demo.contains(o.getUsername()))).hasSize(DatiDemo.OPERATORI.size());
        assertThat(richieste2026()).isEqualTo(richiestePrima).isEqualTo(3);
    }

    @Test
    void iPianiAnnualiDellaDemoCiSonoUnaVoltaENeiLoroStati() throws Exception {
        int anno = LocalDate.now(ZoneId.of("Europe/Rome")).getYear();

        runner.run(new DefaultApplicationArguments());

        // one plan of last year and one of this year for the demo ambito, however often the demo is loaded (tests use
        // years of their own, far from these)
        List<Map<String, Object>> piani = jdbc.queryForList("""
                select p.id, p.anno, p.stato, p.numero_delibera, p.fine_comunicazioni from piano_annuale p
                  join ambito a on a.id = p.ambito_id where a.codice = 'VARESE' and p.anno in (?, ?) order by p.anno""",
                anno - 1, anno);
        assertThat(piani).extracting(p -> p.get("anno")).containsExactly(anno - 1, anno);
        Map<String, Object> approvato = piani.get(0);
        Map<String, Object> aperto = piani.get(1);
        long idApprovato = ((Number) approvato.get("id")).longValue();
        long idAperto = ((Number) aperto.get("id")).longValue();

        // last year's: every ente sent, approved, its reserves written by the capofila with the plan, the year concluded
        assertThat(approvato.get("stato")).isEqualTo("APPROVATO");
        assertThat(approvato.get("numero_delibera")).isEqualTo("4/" + (anno - 1));
        assertThat(jdbc.queryForObject("select count(*) from comunicazione_annuale where piano_id = ? and ricevuta_il is null",
                Integer.class, idApprovato)).isZero();
        assertThat(jdbc.queryForList("select aggiornato_da from piano_riserve where piano_annuale_id = ? and anno = ?",
                String.class, idApprovato, anno - 1)).hasSize(DatiDemo.SCHEDE_ANNO_PRECEDENTE.size()).containsOnly("capofila");
        assertThat(jdbc.queryForObject("select count(*) from certificazione_anagrafe where anno = ?", Integer.class, anno - 1))
                .as("each ente certified its Anagrafe for the plan").isEqualTo(3);
        assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey(ProgrammazioneAnnualeBpmn.PROCESS_ID)
                .processInstanceBusinessKey(Long.toString(idApprovato)).singleResult().getEndActivityId())
                .isEqualTo(ProgrammazioneAnnualeBpmn.END_ANNO_CONCLUSO);
        // written at its own dates: the approval in April of last year
        assertThat(jdbc.queryForObject("""
                select to_char(quando at time zone 'Europe/Rome', 'YYYY-MM-DD') from piano_annuale_registro
                 where piano_id = ? and azione = 'APPROVATO'""", String.class, idApprovato)).isEqualTo((anno - 1) + "-04-22");

        // this year's: window open, every scheda received but ALER's for Gazzada Schianno, whose task is open
        assertThat(aperto.get("stato")).isEqualTo("APERTO");
        assertThat(((java.sql.Date) aperto.get("fine_comunicazioni")).toLocalDate()).isAfterOrEqualTo(LocalDate.now(ZoneId.of("Europe/Rome")));
        assertThat(jdbc.queryForList("""
                select e.codice_fiscale || '/' || c.codice_istat from comunicazione_annuale ca
                  join ente_proprietario e on e.id = ca.ente_id join comune c on c.id = ca.comune_id
                 where ca.piano_id = ? and ca.ricevuta_il is null""", String.class, idAperto))
                .containsExactly(DatiDemo.CF_ALER + "/012073");
        assertThat(jdbc.queryForObject("select count(*) from comunicazione_annuale where piano_id = ? and ricevuta_il is not null",
                Integer.class, idAperto)).isEqualTo(DatiDemo.SCHEDE_ANNO_CORRENTE.size());
        assertThat(taskService.createTaskQuery().processDefinitionKey(ProgrammazioneAnnualeBpmn.PROCESS_ID)
                .processInstanceBusinessKey(Long.toString(idAperto)).taskDefinitionKey(ProgrammazioneAnnualeBpmn.TASK_COMUNICA)
                .list()).singleElement().satisfies(t -> assertThat(t.getName()).contains("ALER", "Gazzada Schianno"));

        // the history was written in the past, and the platform's time is back to now
        assertThat(Duration.between(Instant.now(), clock.instant()).abs()).isLessThan(Duration.ofMinutes(1));
    }

    /**
     * Issue 15: the Comune di Ancona's bando, written once by its operator through the services: the grid copied from the
     * model and adapted, five domande through the five steps (one excluded), the graduatoria provisional with one move.
     */
    @Test
    void ilBandoDiAnconaHaLeSueDomandeELaGraduatoriaProvvisoria() throws Exception {
        runner.run(new DefaultApplicationArguments());
        runner.run(new DefaultApplicationArguments());

        int anno = LocalDate.now(ZoneId.of("Europe/Rome")).minusDays(100).getYear();
        List<Long> bandi = jdbc.queryForList("""
                select b.id from marche_bando b join ente_proprietario e on e.id = b.ente_id
                 where e.codice_fiscale = ? and b.numero = '1' and b.creato_da = 'ancona'""", Long.class, DatiDemo.CF_COMUNE_ANCONA);
        assertThat(bandi).as("written once").hasSize(1);
        long bando = bandi.get(0);
        assertThat(jdbc.queryForObject("select anno from marche_bando where id = ?", Integer.class, bando)).isEqualTo(anno);
        assertThat(jdbc.queryForList("select origine from marche_condizioni where bando_id = ? order by versione", String.class, bando))
                .containsExactly("MODELLO", "MODIFICA");
        List<Map<String, Object>> domande = jdbc.queryForList(
                "select passo, punteggio, esclusa, versione_condizioni from marche_domanda where bando_id = ?", bando);
        assertThat(domande).hasSize(5).allSatisfy(d -> {
            assertThat(d.get("passo")).isEqualTo(5);
            assertThat((java.math.BigDecimal) d.get("punteggio")).isPositive();
            assertThat(d.get("versione_condizioni")).isEqualTo(2);
        });
        assertThat(domande).filteredOn(d -> Boolean.TRUE.equals(d.get("esclusa"))).hasSize(1);
        assertThat(jdbc.queryForObject("select fase from marche_graduatoria where bando_id = ?", String.class, bando))
                .isEqualTo("PROVVISORIA");
        assertThat(jdbc.queryForObject("select count(*) from marche_posizione where bando_id = ?", Integer.class, bando)).isEqualTo(4);
        assertThat(jdbc.queryForList("select motivo_spostamento from marche_posizione where bando_id = ? and spostata_da is not null",
                String.class, bando)).singleElement().asString().contains("opposizione");
    }

    @Test
    void conUnDatabaseEsternoIDatiDemoNonVengonoNemmenoCercati() {
        MockEnvironment esterno = new MockEnvironment()
                .withProperty("spring.datasource.url", "jdbc:postgresql://db.example.it/piattaforma");
        // no collaborators at all: touching any repository or service would throw
        DatiDemoRunner suEsterno = new DatiDemoRunner(esterno, true, null, null, null, null, null, null, null, null, null, null, null);

        assertThatCode(() -> suEsterno.run(new DefaultApplicationArguments())).doesNotThrowAnyException();
    }

    @Test
    void sulDatabaseEmbeddedIlRunnerUsaIDatiDelDatabase() {
        // the same runner on the embedded environment does touch its collaborators: the test above can fail
        MockEnvironment embedded = new MockEnvironment();
        DatiDemoRunner suEmbedded = new DatiDemoRunner(embedded, true, null, null, null, null, null, null, null, null, null, null, null);

        assertThatThrownBy(() -> suEmbedded.run(new DefaultApplicationArguments())).isInstanceOf(NullPointerException.class);
    }

    private long richieste2026() {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(CertificazioneAnagrafeBpmn.PROCESS_ID)
                .processInstanceBusinessKeyLike("%:2026").count();
    }
}
