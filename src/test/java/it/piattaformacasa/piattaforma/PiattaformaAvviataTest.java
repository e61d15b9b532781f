package it.piattaformacasa.piattaforma;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import it.piattaformacasa.IntegrationTest;
import jakarta.persistence.EntityManagerFactory;

@IntegrationTest
class PiattaformaAvviataTest {

    @Autowired
    RepositoryService repositoryService;
    @Autowired
    Flyway flyway;
    @Autowired
    DataSource dataSource;
    @Autowired
    EntityManagerFactory entityManagerFactory;

    @Test
    void ilMotoreHaDistribuitoOgniProcessoDellaCartellaProcesses() throws IOException {
        List<String> attesi = fileIn("processes", ".bpmn").stream()
                .map(f -> f.replace(".bpmn", "")).toList();
        List<String> distribuiti = repositoryService.createProcessDefinitionQuery().latestVersion().list().stream()
                .map(ProcessDefinition::getKey).toList();
        assertThat(attesi).isNotEmpty();
        assertThat(distribuiti).containsExactlyInAnyOrderElementsOf(attesi);
    }

    @Test
    void ilMotoreHaDistribuitoOgniFormDellaCartellaForms() throws IOException {
        List<String> forms = fileIn("forms", ".form");
        List<String> risorse = repositoryService.createDeploymentQuery().list().stream()
                .flatMap(d -> repositoryService.getDeploymentResourceNames(d.getId()).stream())
                .map(nome -> nome.substring(nome.lastIndexOf('/') + 1))
                .toList();
        assertThat(forms).isNotEmpty();
        assertThat(risorse).containsAll(forms);
    }

    @Test
    void leRegoleDmnNonSonoDistribuiteAlMotoreDmnDiCamunda() {
        // rules/ belongs to our KIE runtime; kie-dmn-core also ships a .dmn that must not leak in
        assertThat(repositoryService.createDecisionDefinitionQuery().count()).isZero();
        assertThat(repositoryService.createDecisionRequirementsDefinitionQuery().count()).isZero();
    }

    @Test
    void loSchemaDiDominioEMigratoDaFlywayEValidatoDaHibernate() {
        assertThat(flyway.info().pending()).isEmpty();
        assertThat(flyway.info().applied()).extracting(m -> m.getVersion().getVersion()).contains("1", "2");
        // ddl-auto=validate: the context would not have started with a mismatch; the entities are all mapped
        assertThat(entityManagerFactory.getMetamodel().getEntities()).extracting(e -> e.getName())
                .contains("Ambito", "Comune", "EnteProprietario", "Fabbricato", "Alloggio", "NucleoFamiliare",
                        "Componente", "Operatore", "Abilitazione", "CertificazioneAnagrafe");
    }

    @Test
    void ilDatabaseEmbeddedEUnPostgresqlVeroConCommitSincroni() {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        assertThat(jdbc.queryForObject("show server_version_num", Integer.class)).isGreaterThanOrEqualTo(170000);
        assertThat(jdbc.queryForObject("show synchronous_commit", String.class)).isEqualTo("on");
        assertThat(jdbc.queryForObject("show fsync", String.class)).isEqualTo("on");
    }

    private static List<String> fileIn(String cartella, String estensione) throws IOException {
        try (Stream<Path> files = Files.list(Path.of(cartella))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(estensione)).sorted().toList();
        }
    }
}
