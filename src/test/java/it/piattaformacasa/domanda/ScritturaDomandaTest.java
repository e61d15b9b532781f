package it.piattaformacasa.domanda;

import static it.piattaformacasa.DemoUtenti.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import it.piattaformacasa.ClientHttp;
import it.piattaformacasa.IntegrationTest;
import it.piattaformacasa.ScenarioAvviso;
import it.piattaformacasa.anagrafe.Alloggio;
import it.piattaformacasa.anagrafe.AlloggioRepository;
import it.piattaformacasa.anagrafe.RelazioneParentela;
import it.piattaformacasa.anagrafe.StatoAlloggio;
import it.piattaformacasa.common.Importo;
import it.piattaformacasa.common.Punteggio;
import it.piattaformacasa.regole.RegoleAlloggi;

import jakarta.persistence.EntityManager;

/**
 * A domanda written in one statement ({@link ScritturaDomanda}, issue 17) is, row for row and column for column, the
 * domanda Hibernate writes for the same objects: its nucleo, the members, the chosen alloggi, every JSON column, with
 * every field of the domanda given a value. A field the entity gains must get one here, and its column is compared.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScritturaDomandaTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;
    @Autowired
    AlloggioRepository alloggiRepository;
    @Autowired
    DomandaService servizio;
    @Autowired
    DomandaRepository domande;
    @Autowired
    ScritturaDomanda scrittura;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EntityManager entityManager;
    @Autowired
    PlatformTransactionManager transazioni;
    long avviso;
    List<Alloggio> offerti;

    @BeforeAll
    void avvisoAperto() {
        ScenarioAvviso scenario = new ScenarioAvviso(new ClientHttp(port), runtimeService, managementService, alloggiRepository);
        List<Alloggio> liberiAler = scenario.alloggiDi(CF_ALER, StatoAlloggio.LIBERO, 2);
        Alloggio diVarese = scenario.alloggiDi(CF_COMUNE_VARESE, StatoAlloggio.LIBERO, 1).get(0);
        offerti = List.of(liberiAler.get(0), liberiAler.get(1), diVarese);
        avviso = scenario.aperto(offerti, List.of(ALER_AVVISO, ALER_AVVISO, CAPOFILA));
    }

    /** Every kind of value a domanda holds: three members with their flags, work, a dwelling, conditions, two alloggi. */
    private DatiDomanda dati(String richiedente) {
        return new DatiDomanda(List.of(
                new DatiDomanda.Componente(richiedente, "Luca", "Brambilla", LocalDate.of(1985, 4, 12),
                        RelazioneParentela.RICHIEDENTE, 0, false, false, true),
                new DatiDomanda.Componente("MNTSRA88P43L682V", "Sara", "Monti", LocalDate.of(1988, 9, 3),
                        RelazioneParentela.CONIUGE, 100, true, false, false),
                new DatiDomanda.Componente("BRMGRG16E20L682I", "Giorgio", "Brambilla", LocalDate.of(2016, 5, 20),
                        RelazioneParentela.FIGLIO, 80, false, true, false)),
                "012133", LocalDate.of(2005, 3, 1), LocalDate.of(2012, 6, 15), "015146",
                Importo.of(new BigDecimal("5200.00")), "INPS-ISEE-2026-00012345A-00", LocalDate.of(2026, 2, 10),
                Importo.of(new BigDecimal("12000.00")),
                List.of(new DatiDomanda.AlloggioPosseduto(richiedente, RegoleAlloggi.Diritto.PROPRIETA,
                        new BigDecimal("48.50"), "012133", null, true, null)),
                false, Map.of("sovraffollamento", true, "coabitazione", false),
                List.of(offerti.get(2).getId(), offerti.get(0).getId()));
    }

    /** The four tables' rows of a domanda as JSON, without the ids the database gives. */
    private Map<String, JsonNode> righe(long domanda) throws Exception {
        Long nucleo = jdbc.queryForObject("select nucleo_id from domanda where id = ?", Long.class, domanda);
        return Map.of(
                "domanda", JSON.readTree(jdbc.queryForObject(
                        "select (to_jsonb(d) - 'id' - 'nucleo_id')::text from domanda d where id = ?", String.class, domanda)),
                "nucleo_familiare", JSON.readTree(jdbc.queryForObject(
                        "select (to_jsonb(n) - 'id')::text from nucleo_familiare n where id = ?", String.class, nucleo)),
                "componente", JSON.readTree(jdbc.queryForObject("select jsonb_agg(to_jsonb(c) - 'id' - 'nucleo_id' "
                        + "order by posizione)::text from componente c where nucleo_id = ?", String.class, nucleo)),
                "domanda_alloggio", JSON.readTree(jdbc.queryForObject("select jsonb_agg(to_jsonb(a) - 'domanda_id' "
                        + "order by preferenza)::text from domanda_alloggio a where domanda_id = ?", String.class, domanda)));
    }

    /** Removes a domanda's rows and takes its id back, so that the same object can be written again. */
    private void cancella(Domanda domanda) {
        Long nucleo = jdbc.queryForObject("select nucleo_id from domanda where id = ?", Long.class, domanda.getId());
        jdbc.update("delete from domanda where id = ?", domanda.getId());
        jdbc.update("delete from nucleo_familiare where id = ?", nucleo);
        ReflectionTestUtils.setField(domanda, "id", null);
    }

    @Test
    void laDomandaScrittaInUnaIstruzioneEQuellaCheScriverebbeHibernate() {
        new TransactionTemplate(transazioni).executeWithoutResult(stato -> {
            try {
                Domanda domanda = servizio.presenta(avviso, dati("BRMLCU85D12L682R"), "chiave-scrittura").domanda();
                Map<String, JsonNode> presentata = righe(domanda.getId());
                // what the submission wrote is all there: a comparison of empty rows would prove nothing
                assertThat(presentata.get("componente")).hasSize(3);
                assertThat(presentata.get("componente").get(1).get("indennita_accompagnamento").asBoolean()).isTrue();
                assertThat(presentata.get("componente").get(2).get("handicap_grave").asBoolean()).isTrue();
                assertThat(presentata.get("domanda_alloggio")).hasSize(2);
                assertThat(presentata.get("domanda_alloggio").get(0).get("alloggio_id").asLong()).isEqualTo(offerti.get(2).getId());
                assertThat(presentata.get("domanda").get("alloggi_posseduti")).hasSize(1);
                assertThat(presentata.get("domanda").get("spiegazione")).isNotEmpty();
                assertThat(presentata.get("domanda").get("input_regole").isObject()).isTrue();
                assertThat(presentata.get("domanda").get("idempotency_key").asText()).isEqualTo("chiave-scrittura");
                cancella(domanda);

                // every field with a value, those a new domanda leaves empty too (the working score of a rettifica, the
                // forces' corpo, art. 9 co. 3 bis's note): a column the statement forgot or swapped shows here
                ReflectionTestUtils.setField(domanda, "corpoAppartenenza", CorpoAppartenenza.GUARDIA_DI_FINANZA);
                ReflectionTestUtils.setField(domanda, "notaAlloggi", "Nessun alloggio adeguato: art. 9 co. 3 bis");
                ReflectionTestUtils.setField(domanda, "attestazioneServiziSociali", true);
                ReflectionTestUtils.setField(domanda, "indigente", false);
                int decimi = 1;
                for (String punti : List.of("puntiFamiliareLavoro", "puntiAbitativoLavoro", "puntiEconomicoLavoro",
                        "puntiResidenzaRegioneLavoro", "puntiResidenzaComuneLavoro", "isbarLavoro")) {
                    ReflectionTestUtils.setField(domanda, punti, Punteggio.of(new BigDecimal(decimi++ + ".125")));
                }
                ReflectionTestUtils.setField(domanda, "spiegazioneLavoro", domanda.getSpiegazione().subList(0, 1));
                for (Field campo : Domanda.class.getDeclaredFields()) {
                    if (!Modifier.isStatic(campo.getModifiers()) && !campo.getName().equals("id")) {
                        assertThat(ReflectionTestUtils.getField(domanda, campo.getName()))
                                .as("Domanda.%s: give it a value here, so that its column is compared", campo.getName()).isNotNull();
                    }
                }

                scrittura.inserisci(domanda);
                Map<String, JsonNode> inUnaIstruzione = righe(domanda.getId());
                cancella(domanda);
                entityManager.persist(domanda);
                entityManager.flush();
                Map<String, JsonNode> daHibernate = righe(domanda.getId());

                assertThat(inUnaIstruzione.get("domanda").get("corpo_appartenenza").asText()).isEqualTo("GUARDIA_DI_FINANZA");
                for (String tabella : List.of("domanda", "nucleo_familiare", "componente", "domanda_alloggio")) {
                    assertThat(inUnaIstruzione.get(tabella)).as(tabella).isEqualTo(daHibernate.get(tabella));
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            } finally {
                stato.setRollbackOnly();
            }
        });
    }

    /**
     * The domanda the presentation returns is not Hibernate's: in the caller's transaction the repository reads the
     * one written, and what the caller changes on that one is written at commit.
     */
    @Test
    void nellaTransazioneDiChiLaChiamaLaDomandaSiLeggeECambiaDalRepository() {
        long id = new TransactionTemplate(transazioni).execute(stato -> {
            Domanda presentata = servizio.presenta(avviso, dati("SLATRS50B41L682V"), null).domanda();
            Domanda letta = domande.findById(presentata.getId()).orElseThrow();
            assertThat(letta).isNotSameAs(presentata);
            assertThat(letta.getNucleo().getComponenti()).extracting(c -> c.getNome())
                    .containsExactly("Luca", "Sara", "Giorgio");
            assertThat(letta.getIsbar().valore()).isEqualByComparingTo(presentata.getIsbar().valore());
            assertThat(letta.getAlloggiScelti()).containsExactly(offerti.get(2).getId(), offerti.get(0).getId());
            letta.valutataCon("{\"cambiatoDopo\":true}");
            return letta.getId();
        });
        assertThat(jdbc.queryForObject("select input_regole::text from domanda where id = ?", String.class, id))
                .contains("cambiatoDopo");
        assertThat(jdbc.queryForObject("select version from domanda where id = ?", Long.class, id)).isEqualTo(1);
    }
}
