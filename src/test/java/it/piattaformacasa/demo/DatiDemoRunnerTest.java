package it.piattaformacasa.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.mock.env.MockEnvironment;

import it.piattaformacasa.IntegrationTest;
import it.piattaformacasa.anagrafe.AlloggioRepository;
import it.piattaformacasa.anagrafe.process.CertificazioneAnagrafeBpmn;
import it.piattaformacasa.operatori.OperatoriService;

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
    void conUnDatabaseEsternoIDatiDemoNonVengonoNemmenoCercati() {
        MockEnvironment esterno = new MockEnvironment()
                .withProperty("spring.datasource.url", "jdbc:postgresql://db.example.it/piattaforma");
        // no collaborators at all: touching any repository or service would throw
        DatiDemoRunner suEsterno = new DatiDemoRunner(esterno, true, null, null, null, null, null, null, null, null, null);

        assertThatCode(() -> suEsterno.run(new DefaultApplicationArguments())).doesNotThrowAnyException();
    }

    @Test
    void sulDatabaseEmbeddedIlRunnerUsaIDatiDelDatabase() {
        // the same runner on the embedded environment does touch its collaborators: the test above can fail
        MockEnvironment embedded = new MockEnvironment();
        DatiDemoRunner suEmbedded = new DatiDemoRunner(embedded, true, null, null, null, null, null, null, null, null, null);

        assertThatThrownBy(() -> suEmbedded.run(new DefaultApplicationArguments())).isInstanceOf(NullPointerException.class);
    }

    private long richieste2026() {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(CertificazioneAnagrafeBpmn.PROCESS_ID)
                .processInstanceBusinessKeyLike("%:2026").count();
    }
}
