package it.piattaformacasa.graduatoria;

import static it.piattaformacasa.DemoUtenti.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
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

import com.fasterxml.jackson.databind.JsonNode;

import it.piattaformacasa.ClientHttp;
import it.piattaformacasa.IntegrationTest;
import it.piattaformacasa.ScenarioAvviso;
import it.piattaformacasa.anagrafe.Alloggio;
import it.piattaformacasa.anagrafe.AlloggioRepository;
import it.piattaformacasa.anagrafe.StatoAlloggio;
import it.piattaformacasa.domanda.DomandaInGraduatoria;
import it.piattaformacasa.domanda.DomandaService;
import it.piattaformacasa.domanda.DomandePerGraduatorie;

/**
 * Reproducible run records: every generation keeps its inputs, parameters and ranking, and re-running it rebuilds the
 * same ranking although the domande's working scores changed afterwards (rettifiche before and after the DEFINITIVA).
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RiesecuzioneGenerazioneTest {

    @LocalServerPort
    int port;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;
    @Autowired
    AlloggioRepository alloggi;
    @Autowired
    GraduatoriaRepository graduatorie;
    @Autowired
    GraduatoriaService graduatorieService;
    @Autowired
    DomandaService domandaService;
    @Autowired
    DomandePerGraduatorie domandePerGraduatorie;
    @Autowired
    JdbcTemplate jdbc;
    ClientHttp http;
    long avviso;
    Graduatoria diAler;
    long provvisorie;
    long definitiva;
    Map<String, Long> domande = new HashMap<>();
    Map<String, String> richiedenti = new HashMap<>();

    @BeforeAll
    void provvisorieEDefinitivaConRettificheInMezzo() {
        http = new ClientHttp(port);
        ScenarioAvviso scenario = new ScenarioAvviso(http, runtimeService, managementService, alloggi);
        Alloggio aler = scenario.alloggiDi(CF_ALER, StatoAlloggio.LIBERO, 1).get(0);
        Alloggio comune = scenario.alloggiDi(CF_COMUNE_VARESE, StatoAlloggio.LIBERO, 1).get(0);
        avviso = scenario.aperto(List.of(aler, comune), List.of(ALER_AVVISO, CAPOFILA));
        // all resident in Varese for long; rota indigent in an improper dwelling, villa cohabiting, greco a new family
        presenta("rota", "RTOMRC80A15L682D", "1980-01-15", "2500.00", true, "\"alloggioImproprio\":true", aler, comune);
        presenta("villa", "VLLNNA75L47L682O", "1975-07-07", "8000.00", false, "\"coabitazione\":true", aler);
        presenta("greco", "GRCLSE95R50L682N", "1995-10-10", "15000.00", false, "\"famigliaNuovaFormazione\":true", aler);

        scenario.graduatorieApprovate(avviso, graduatorie, graduatorieService, jdbc, false);
        diAler = graduatorie.findByAvvisoIdOrderById(avviso).stream()
                .filter(g -> g.getEnte().getCodiceFiscale().valore().equals(CF_ALER)).findFirst().orElseThrow();
        // a rettifica per invalidità civile accepted before the DEFINITIVA: greco's working score rises above rota's
        domandaService.rettificaInvalidita(domande.get("greco"), richiedenti.get("greco"), 100, true, false);
        graduatorieService.rendiDefinitiva(diAler.getId(), "test");
        // and a change after it (the kind a ricalcolo in istruttoria makes): today villa's working score is the highest
        domandaService.rettificaInvalidita(domande.get("villa"), richiedenti.get("villa"), 100, true, true);

        provvisorie = jdbc.queryForObject("select id from generazione_graduatorie where avviso_id = ? and tipo = 'PROVVISORIE'",
                Long.class, avviso);
        definitiva = jdbc.queryForObject("select id from generazione_graduatorie where graduatoria_id = ? and tipo = 'DEFINITIVA'",
                Long.class, diAler.getId());
    }

    private void presenta(String chi, String cf, String nascita, String isee, boolean attestazione, String condizione,
                          Alloggio... scelti) {
        List<String> ids = new ArrayList<>();
        for (Alloggio a : scelti) {
            ids.add(a.getId().toString());
        }
        String body = "{\"nucleo\":[{\"codiceFiscale\":\"" + cf + "\",\"nome\":\"N\",\"cognome\":\"" + chi
                + "\",\"dataNascita\":\"" + nascita + "\",\"relazione\":\"RICHIEDENTE\",\"percentualeInvalidita\":0}],"
                + "\"residenza\":{\"codiceIstatComune\":\"012133\",\"residenteLombardiaDal\":\"2001-01-01\","
                + "\"residenteComuneDal\":\"2008-01-01\"},"
                + "\"isee\":{\"valore\":" + isee + ",\"protocolloDsu\":\"INPS-ISEE-2026-" + chi + "\",\"dataDsu\":\"2026-01-20\"},"
                + "\"patrimonio\":5000,\"titolareAlloggioAdeguato\":false,\"attestazioneServiziSociali\":" + attestazione + ","
                + "\"condizioni\":{" + condizione + "},\"alloggi\":[" + String.join(",", ids) + "]}";
        ClientHttp.Risposta risposta = http.post("/api/avvisi/" + avviso + "/domande", CAPOFILA, body);
        assertThat(risposta.status()).as(risposta.body()).isEqualTo(201);
        domande.put(chi, risposta.json().get("id").asLong());
        richiedenti.put(chi, cf);
    }

    private JsonNode riesegui(long generazione) {
        ClientHttp.Risposta risposta = http.post("/api/generazioni/" + generazione + "/riesecuzione", SUPERVISORE, "");
        assertThat(risposta.status()).as(risposta.body()).isEqualTo(200);
        return risposta.json();
    }

    private Map<String, Object> registro(long generazione) {
        return jdbc.queryForMap("select * from generazione_graduatorie where id = ?", generazione);
    }

    private List<Long> ids(String... chi) {
        return java.util.Arrays.stream(chi).map(domande::get).toList();
    }

    @Test
    void laGenerazioneProvvisoriaSiRiproduceDopoRettificaEDefinitiva() {
        // the provisional ranking and the definitive one differ: the inputs of the two runs are not the same
        Long[] registrata = jdbc.queryForObject("select domande from generazione_risultato where generazione_id = ? "
                + "and graduatoria_id = ?", (rs, n) -> (Long[]) rs.getArray(1).getArray(), provvisorie, diAler.getId());
        assertThat(registrata).containsExactlyElementsOf(ids("rota", "villa", "greco"));
        assertThat(jdbc.queryForList("select domanda_id from graduatoria_riga where graduatoria_id = ? order by posizione",
                Long.class, diAler.getId())).isEqualTo(ids("greco", "rota", "villa"));

        JsonNode riesecuzione = riesegui(provvisorie);

        assertThat(riesecuzione.get("generazioneId").asLong()).isEqualTo(provvisorie);
        assertThat(riesecuzione.get("riprodotta").asBoolean()).isTrue();
        assertThat(riesecuzione.get("differenze")).isEmpty();
        assertThat(riesecuzione.get("digestInputRegistrato").asText()).isEqualTo(registro(provvisorie).get("digest_input"))
                .isEqualTo(riesecuzione.get("digestInputRicalcolato").asText());
        assertThat(riesecuzione.get("digestRisultatoRegistrato").asText()).isEqualTo(registro(provvisorie).get("digest_risultato"))
                .isEqualTo(riesecuzione.get("digestRisultatoRicalcolato").asText());
    }

    @Test
    void laGenerazioneDefinitivaSiRiproduceAncheSeIPunteggiDiLavoroSonoCambiatiDopo() {
        // ranking today's working scores would give another order: a re-run that re-read the domande could not reproduce
        ClassificaGraduatorie oggi = ClassificaGraduatorie.unica(
                new ClassificaGraduatorie.Chiave(diAler.getEnte().getId(), diAler.getComune().getId(),
                        diAler.getComune().getCodiceIstat()),
                domandePerGraduatorie.diLavoro(avviso),
                new ClassificaGraduatorie.Parametri(CriterioFinale.PRESENTAZIONE_PRECEDENTE, true));
        assertThat(oggi.posizioni().values().iterator().next()).isEqualTo(ids("villa", "greco", "rota"));
        assertThat(oggi.digestRisultato()).isNotEqualTo(registro(definitiva).get("digest_risultato"));

        JsonNode riesecuzione = riesegui(definitiva);

        assertThat(riesecuzione.get("riprodotta").asBoolean()).isTrue();
        assertThat(riesecuzione.get("digestInputRicalcolato").asText()).isEqualTo(registro(definitiva).get("digest_input"));
        assertThat(riesecuzione.get("digestRisultatoRicalcolato").asText()).isEqualTo(registro(definitiva).get("digest_risultato"));
        assertThat(riesecuzione.get("differenze")).isEmpty();
    }

    @Test
    void unInputManomessoNonRiproduceLaGraduatoriaEIndicaLePosizioniDiverse() {
        // the stored document rewritten with villa's ISBAR raised by 10: enough to put villa first in ALER's graduatoria
        byte[] registrati = jdbc.queryForObject("select domande from generazione_input where generazione_id = ?", byte[].class,
                provvisorie);
        List<DomandaInGraduatoria> manomessi = InputRegistrati.leggi(registrati).stream()
                .map(d -> d.id() != domande.get("villa") ? d : new DomandaInGraduatoria(d.id(), d.isbar().add(BigDecimal.TEN),
                        d.residenteComuneDal(), d.residenteLombardiaDal(), d.puntiFamiliare(), d.puntiAbitativo(),
                        d.puntiEconomico(), d.presentataIl(), d.indigente(), d.codiceIstatResidenza(), d.membroCategorie(),
                        d.alloggi()))
                .toList();
        jdbc.update("update generazione_input set domande = ? where generazione_id = ?", InputRegistrati.comprimi(manomessi),
                provvisorie);
        try {
            JsonNode riesecuzione = riesegui(provvisorie);

            assertThat(riesecuzione.get("riprodotta").asBoolean()).isFalse();
            assertThat(riesecuzione.get("digestInputRicalcolato").asText())
                    .isNotEqualTo(riesecuzione.get("digestInputRegistrato").asText());
            assertThat(riesecuzione.get("digestRisultatoRicalcolato").asText())
                    .isNotEqualTo(riesecuzione.get("digestRisultatoRegistrato").asText());
            JsonNode differenze = riesecuzione.get("differenze");
            assertThat(differenze).hasSize(2);
            assertThat(differenze.get(0).get("enteId").asLong()).isEqualTo(diAler.getEnte().getId());
            assertThat(differenze.get(0).get("comuneId").asLong()).isEqualTo(diAler.getComune().getId());
            assertThat(differenze.get(0).get("posizione").asInt()).isEqualTo(1);
            assertThat(differenze.get(0).get("domandaRegistrata").asLong()).isEqualTo(domande.get("rota"));
            assertThat(differenze.get(0).get("domandaRicalcolata").asLong()).isEqualTo(domande.get("villa"));
            assertThat(differenze.get(1).get("posizione").asInt()).isEqualTo(2);
            assertThat(differenze.get(1).get("domandaRegistrata").asLong()).isEqualTo(domande.get("villa"));
            assertThat(differenze.get(1).get("domandaRicalcolata").asLong()).isEqualTo(domande.get("rota"));
        } finally {
            jdbc.update("update generazione_input set domande = ? where generazione_id = ?", registrati, provvisorie);
        }
        assertThat(riesegui(provvisorie).get("riprodotta").asBoolean()).isTrue();
    }

    @Test
    void leGenerazioniDellAvvisoSiElencanoConIParametri() {
        JsonNode elenco = http.get("/api/avvisi/" + avviso + "/generazioni", ADMIN).json();

        assertThat(elenco).hasSize(2);
        JsonNode prima = elenco.get(0);
        JsonNode seconda = elenco.get(1);
        assertThat(prima.get("id").asLong()).isEqualTo(provvisorie);
        assertThat(prima.get("tipo").asText()).isEqualTo("PROVVISORIE");
        assertThat(prima.get("versioneRegole").asText()).isEqualTo("LOMBARDIA_2025_SECONDO_STEP");
        // the exact rule-set versions the avviso was bound to
        assertThat(prima.get("regole").get("isbar").asInt()).isEqualTo(jdbc.queryForObject(
                "select versione from avviso_regole where avviso_id = ? and nome = 'isbar'", Integer.class, avviso));
        assertThat(prima.get("regole").has("parametri-avviso")).isTrue();
        assertThat(prima.get("criterioFinale").asText()).isEqualTo("PRESENTAZIONE_PRECEDENTE");
        assertThat(prima.get("riserveCategorie").asBoolean()).isTrue();
        assertThat(prima.get("numeroDomande").asInt()).isEqualTo(3);
        assertThat(prima.get("numeroGraduatorie").asInt()).isEqualTo(2);
        assertThat(prima.get("rieseguibile").asBoolean()).isTrue();
        assertThat(prima.get("graduatoriaId").isNull()).isTrue();
        assertThat(prima.get("digestInput").asText()).isEqualTo(registro(provvisorie).get("digest_input"));
        assertThat(seconda.get("id").asLong()).isEqualTo(definitiva);
        assertThat(seconda.get("tipo").asText()).isEqualTo("DEFINITIVA");
        assertThat(seconda.get("graduatoriaId").asLong()).isEqualTo(diAler.getId());
        assertThat(seconda.get("numeroDomande").asInt()).isEqualTo(3);
        assertThat(seconda.get("numeroGraduatorie").asInt()).isEqualTo(1);
        // each domanda once in the stored inputs, whatever the number of graduatorie it is in
        assertThat(InputRegistrati.leggi(jdbc.queryForObject("select domande from generazione_input where generazione_id = ?",
                byte[].class, provvisorie))).extracting(DomandaInGraduatoria::id)
                .containsExactlyInAnyOrderElementsOf(ids("rota", "villa", "greco"));
        assertThat(http.get("/api/avvisi/999999/generazioni", SUPERVISORE).status()).isEqualTo(404);
    }

    @Test
    void soloSupervisoriEAmministratoriRieseguonoEVedonoLeGenerazioni() {
        assertThat(http.post("/api/generazioni/" + provvisorie + "/riesecuzione", ALER_AVVISO, "").status()).isEqualTo(403);
        assertThat(http.post("/api/generazioni/" + provvisorie + "/riesecuzione", CAPOFILA, "").status()).isEqualTo(403);
        assertThat(http.get("/api/avvisi/" + avviso + "/generazioni", ALER_AVVISO).status()).isEqualTo(403);
        ClientHttp.Risposta amministratore = http.post("/api/generazioni/" + definitiva + "/riesecuzione", ADMIN, "");
        assertThat(amministratore.status()).as(amministratore.body()).isEqualTo(200);
        assertThat(amministratore.json().get("riprodotta").asBoolean()).isTrue();
    }

    @Test
    void unaGenerazioneRegistrataSenzaInputNonSiRiesegue() {
        // as written before the inputs were kept: no reserve parameter, no input rows; of another avviso, since an
        // avviso has one generation of provisional graduatorie
        long altroAvviso = new ScenarioAvviso(http, runtimeService, managementService, alloggi).predisposto();
        long vecchia = jdbc.queryForObject("""
                insert into generazione_graduatorie (avviso_id, versione_regole, criterio_finale, digest_input, digest_risultato,
                    numero_domande, numero_graduatorie, durata_ms, eseguita_il)
                select ?, versione_regole, criterio_finale, digest_input, digest_risultato, numero_domande,
                       numero_graduatorie, durata_ms, eseguita_il
                  from generazione_graduatorie where id = ? returning id""", Long.class, altroAvviso, provvisorie);

        try {
            ClientHttp.Risposta risposta = http.post("/api/generazioni/" + vecchia + "/riesecuzione", SUPERVISORE, "");

            assertThat(risposta.status()).isEqualTo(409);
            assertThat(risposta.json().get("detail").asText()).contains("prima che se ne conservassero gli input");
        } finally {
            jdbc.update("delete from generazione_graduatorie where id = ?", vecchia);
        }
        assertThat(http.post("/api/generazioni/999999/riesecuzione", SUPERVISORE, "").status()).isEqualTo(404);
    }
}
