package it.piattaformacasa.config.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import it.piattaformacasa.IntegrationTest;

/**
 * ADR 22: every process the platform deploys has a history time to live, and the engine removes ended histories at
 * night by removal time. A new process without {@code camunda:historyTimeToLive} fails here (and at deployment).
 */
@IntegrationTest
class StoricoDelMotoreTest {

    /** 5 years after the end of the root process instance (ADR 22). */
    static final int GIORNI = 1826;

    @Autowired
    RepositoryService repositoryService;
    @Autowired
    ProcessEngineConfigurationImpl configurazione;

    @Test
    void ogniProcessoDistribuitoHaUnTempoDiVitaDellaStoria() throws IOException {
        List<ProcessDefinition> definizioni = repositoryService.createProcessDefinitionQuery().latestVersion().list();
        List<String> chiaviNeiFile;
        try (Stream<Path> file = Files.list(Path.of("processes"))) {
            chiaviNeiFile = file.filter(p -> p.toString().endsWith(".bpmn")).map(p -> p.getFileName().toString().replace(".bpmn", ""))
                    .sorted().toList();
        }
        assertThat(definizioni).extracting(ProcessDefinition::getKey).containsAll(chiaviNeiFile);
        assertThat(definizioni).filteredOn(d -> chiaviNeiFile.contains(d.getKey()))
                .allSatisfy(d -> assertThat(d.getHistoryTimeToLive()).as(d.getKey()).isEqualTo(GIORNI));
    }

    @Test
    void laPuliziaDellaStoriaEConfigurataDiNotte() {
        assertThat(configurazione.getHistoryCleanupStrategy()).isEqualTo("removalTimeBased");
        assertThat(configurazione.getHistoryRemovalTimeStrategy()).isEqualTo("end");
        assertThat(configurazione.isEnforceHistoryTimeToLive()).isTrue();
        assertThat(configurazione.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00+0100");
        assertThat(configurazione.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00+0100");
        assertThat(configurazione.getHistoryCleanupBatchSize()).isEqualTo(500);
        assertThat(configurazione.getBatchOperationHistoryTimeToLive()).isEqualTo("P30D");
        // the window parsed into dates the cleanup job schedules itself by (a malformed time would be null or throw)
        assertThat(configurazione.getHistoryCleanupBatchWindowStartTimeAsDate()).isNotNull();
        assertThat(configurazione.getHistoryCleanupBatchWindowEndTimeAsDate()).isNotNull();
    }
}
