package it.piattaformacasa.regole;

import static it.piattaformacasa.DemoUtenti.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import com.fasterxml.jackson.databind.JsonNode;

import it.piattaformacasa.ClientHttp;
import it.piattaformacasa.IntegrationTest;
import it.piattaformacasa.OrologioDiProva;
import it.piattaformacasa.avviso.process.AvvisoBpmn;

/**
 * Issue 10 item 3: what applied to an avviso predisposto on a day, in one call and readable. The expected step and
 * parameters on both sides of each boundary are those of the regulation research (shared/domain/REGULATION.md), not
 * of our DMN: row 10 (up to 5 alloggi per domanda, 2 since r.r. 6/2021, art. 9 co. 3), row 23 and «Regime switch
 * dates» (first step of r.r. 2/2025 for avvisi predisposti until 12 Nov 2025, art. 28 co. 12 quater a; second step
 * after, co. 12 quater b), rows 17 and 19 with §1.6 (art. 14 category reserves come with the second step).
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegoleInVigoreTest {

    private static final ZoneId ROMA = ZoneId.of("Europe/Rome");
    /** A set of this test only, published from far-away days so that no other avviso of the suite is re-bound. */
    private static final String SET = "vigore-prova";
    private static final LocalDate DAL_V1 = LocalDate.of(2090, 1, 1);
    private static final LocalDate DAL_V2 = LocalDate.of(2095, 1, 1);

    @LocalServerPort
    int port;
    @Autowired
    RepositoryRegole repository;
    @Autowired
    RuntimeService runtimeService;

    ClientHttp http;

    @BeforeAll
    void prepara() {
        http = new ClientHttp(port);
    }

    @ParameterizedTest(name = "predisposto il {0}: {1}, al massimo {3} alloggi, riserve art. 14: {4}")
    @CsvSource(delimiter = '|', value = {
            // REGULATION.md row 10: up to 5 before r.r. 6/2021 (6 Oct 2021)
            "2021-10-05 | Prima del r.r. 6/2021       | art. 9 co. 3                    | 5 | false | no",
            "2021-10-06 | r.r. 6/2021                 | art. 9 co. 3                    | 2 | false | no",
            // row 23: first step until 12 Nov 2025, second step for avvisi predisposti after it, with art. 14 reserves
            "2025-11-12 | Primo step del r.r. 2/2025  | art. 28 co. 12 quater lett. a)  | 2 | false | no",
            "2025-11-13 | Secondo step del r.r. 2/2025 | art. 28 co. 12 quater lett. b) | 2 | true  | sì"
    })
    void unaChiamataDiceCosaValevaPerUnAvvisoPredispostoQuelGiorno(LocalDate giorno, String etichetta, String riferimento,
                                                                  int massimo, boolean riserve, String riserveTesto) {
        ClientHttp.Risposta risposta = http.get("/api/regole/in-vigore?il=" + giorno, SUPERVISORE);
        assertThat(risposta.status()).as(risposta.body()).isEqualTo(200);
        JsonNode quadro = risposta.json();

        assertThat(quadro.get("giorno").asText()).isEqualTo(giorno.toString());
        assertThat(quadro.get("giornoTesto").asText()).isEqualTo("%02d/%02d/%d", giorno.getDayOfMonth(), giorno.getMonthValue(),
                giorno.getYear());
        assertThat(quadro.get("etichettaPasso").asText()).contains(etichetta);
        assertThat(quadro.get("riferimentiNormativi").asText()).contains(riferimento);
        assertThat(quadro.get("massimoAlloggiPerDomanda").asInt()).isEqualTo(massimo);
        assertThat(quadro.get("riserveCategorie").asBoolean()).isEqualTo(riserve);
        assertThat(quadro.get("regolaApplicata").get("descrizione").asText()).as("the DMN row that decided, with its article")
                .contains("art.");
        assertThat(righe(quadro)).containsEntry("Giorno della predisposizione", quadro.get("giornoTesto").asText())
                .containsEntry("Passo normativo", quadro.get("etichettaPasso").asText())
                .containsEntry("Alloggi per domanda", "al massimo " + massimo)
                .containsEntry("Riserve per categorie (art. 14)", riserveTesto);
        assertThat(quadro.get("note")).isEmpty();

        // every set of rules/ with the version in force that day, its dates, state and reason
        RegoleVincolate inVigore = repository.inVigoreIl(giorno);
        for (String nome : setDelRilascio()) {
            JsonNode versione = versione(quadro, nome);
            assertThat(versione.get("versione").asInt()).as(nome).isEqualTo(inVigore.versione(nome));
            assertThat(quadro.get("versioni").get(nome).asInt()).isEqualTo(inVigore.versione(nome));
            assertThat(versione.get("stato").asText()).isEqualTo("PUBLISHED");
            assertThat(versione.get("statoTesto").asText()).isEqualTo("pubblicata");
            LocalDate dal = LocalDate.parse(versione.get("validoDal").asText());
            assertThat(dal).isBeforeOrEqualTo(giorno);
            if (!versione.get("validoAl").isNull()) {
                assertThat(LocalDate.parse(versione.get("validoAl").asText())).isAfterOrEqualTo(giorno);
            }
            assertThat(versione.get("validita").asText()).startsWith(String.format("dal %02d/%02d/%d", dal.getDayOfMonth(),
                    dal.getMonthValue(), dal.getYear()));
            assertThat(versione.get("motivo").asText()).isNotBlank();
            assertThat(righe(quadro)).containsKey("Regole «" + nome + "»");
        }
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"2021-10-05, 2021-10-06", "2025-11-12, 2025-11-13"})
    void ilPassoNormativoCambiaTraIDueGiorniDiOgniConfine(LocalDate prima, LocalDate dopo) {
        JsonNode quadroPrima = http.get("/api/regole/in-vigore?il=" + prima, ANALISTA).json();
        JsonNode quadroDopo = http.get("/api/regole/in-vigore?il=" + dopo, ANALISTA).json();
        assertThat(quadroDopo.get("passoNormativo").asText()).isNotEqualTo(quadroPrima.get("passoNormativo").asText());
        assertThat(quadroDopo.get("etichettaPasso").asText()).isNotEqualTo(quadroPrima.get("etichettaPasso").asText());
    }

    @Test
    void leDateDiValiditaFinisconoIlGiornoPrimaDellaVersioneSuccessiva() throws Exception {
        pubblica(1, DAL_V1, NormalizzazioneDmnTest.fileDelModeler(), "Prima soglia di prova");
        byte[] v2 = new String(NormalizzazioneDmnTest.fileDelModeler(), StandardCharsets.UTF_8).replace("16000", "15000")
                .replace("16.000", "15.000").getBytes(StandardCharsets.UTF_8);
        pubblica(2, DAL_V2, v2, "Soglia ridotta dalla delibera di prova");

        JsonNode prima = versione(http.get("/api/regole/in-vigore?il=" + DAL_V2.minusDays(1), ANALISTA).json(), SET);
        assertThat(prima.get("versione").asInt()).isEqualTo(1);
        assertThat(prima.get("validoDal").asText()).isEqualTo("2090-01-01");
        assertThat(prima.get("validoAl").asText()).isEqualTo("2094-12-31");
        assertThat(prima.get("validita").asText()).isEqualTo("dal 01/01/2090 al 31/12/2094");
        assertThat(prima.get("motivo").asText()).isEqualTo("Caricata per la prova");
        assertThat(prima.get("motivoPubblicazione").asText()).isEqualTo("Prima soglia di prova");

        JsonNode dopo = versione(http.get("/api/regole/in-vigore?il=" + DAL_V2, ANALISTA).json(), SET);
        assertThat(dopo.get("versione").asInt()).isEqualTo(2);
        assertThat(dopo.get("validoAl").isNull()).as("no later version: open").isTrue();
        assertThat(dopo.get("validita").asText()).isEqualTo("dal 01/01/2095, senza data di fine");
        assertThat(dopo.get("motivoPubblicazione").asText()).isEqualTo("Soglia ridotta dalla delibera di prova");

        JsonNode primaDiTutto = http.get("/api/regole/in-vigore?il=" + DAL_V1.minusDays(1), ANALISTA).json();
        assertThat(primaDiTutto.get("versioni").has(SET)).as("nothing of the set before its first day").isFalse();
    }

    @Test
    void primaDelleRegoleDellaPiattaformaNonInventaUnPassoNormativo() {
        JsonNode quadro = http.get("/api/regole/in-vigore?il=2010-01-01", ANALISTA).json();
        assertThat(quadro.get("passoNormativo").isNull()).isTrue();
        assertThat(quadro.get("massimoAlloggiPerDomanda").isNull()).isTrue();
        assertThat(quadro.get("versioni").has("parametri-avviso")).isFalse();
        assertThat(quadro.get("note").get(0).asText())
                .isEqualTo("Il 01/01/2010 non era in vigore nessuna versione delle regole «parametri-avviso»: passo normativo, "
                        + "alloggi per domanda e riserve per categorie non sono determinati.");
    }

    @Test
    void senzaIlGiornoVaOggiConUnGiornoNonValidoUn400CheNominaIlCampo() {
        JsonNode oggi = http.get("/api/regole/in-vigore", ANALISTA).json();
        assertThat(oggi.get("giorno").asText()).isEqualTo(LocalDate.now(ROMA).toString());

        for (String il : List.of("", "13/11/2025", "2025-02-30", "domani", "2025-11-13T10:00")) {
            ClientHttp.Risposta risposta = http.get("/api/regole/in-vigore?il=" + il, ANALISTA);
            assertThat(risposta.status()).as("il=" + il + " → " + risposta.body()).isEqualTo(400);
            JsonNode errore = risposta.json().get("errori").get(0);
            assertThat(errore.get("campo").asText()).isEqualTo("il");
            assertThat(errore.get("messaggio").asText()).as(il).containsAnyOf("data mancante", "data inesistente");
        }
    }

    @Test
    void lAvvisoMostraLaStessaDescrizioneDelGiornoInCuiEStatoPredisposto() {
        long avviso = predispostoIl(LocalDate.of(2021, 10, 5));

        JsonNode regole = http.get("/api/avvisi/" + avviso + "/regole", ALER_AVVISO).json();
        JsonNode descrizione = regole.get("descrizione");
        assertThat(descrizione.get("giorno").asText()).isEqualTo("2021-10-05");
        assertThat(descrizione.get("etichettaPasso").asText()).isEqualTo("Prima del r.r. 6/2021");
        assertThat(descrizione.get("massimoAlloggiPerDomanda").asInt()).as("REGULATION.md row 10").isEqualTo(5);
        assertThat(descrizione.get("riserveCategorie").asBoolean()).isFalse();
        assertThat(regole.get("massimoAlloggiPerDomanda").asInt()).as("what the avviso enforces").isEqualTo(5);
        assertThat(regole.get("passoNormativo").asText()).isEqualTo(descrizione.get("passoNormativo").asText());
        assertThat(regole.get("congelate").asBoolean()).isFalse();
        assertThat(righe(descrizione).get("Versioni delle regole")).startsWith("seguono le pubblicazioni");
        assertThat(descrizione.get("versioni")).isEqualTo(regole.get("versioni"));

        // the same builder: the day's answer is the avviso's but for the line about its binding
        JsonNode delGiorno = http.get("/api/regole/in-vigore?il=2021-10-05", SUPERVISORE).json();
        assertThat(delGiorno.get("versioni")).isEqualTo(descrizione.get("versioni"));
        assertThat(delGiorno.get("regole")).isEqualTo(descrizione.get("regole"));
        Map<String, String> righeAvviso = righe(descrizione);
        righeAvviso.remove("Versioni delle regole");
        assertThat(righe(delGiorno)).isEqualTo(righeAvviso);
    }

    private long predispostoIl(LocalDate giorno) {
        OrologioDiProva.fermaA(giorno.atTime(10, 0).atZone(ROMA).toInstant());
        long avviso;
        try {
            ZonedDateTime apertura = giorno.plusDays(6).atTime(10, 0).atZone(ROMA);
            ZonedDateTime chiusura = apertura.plusDays(35).withHour(12);
            ClientHttp.Risposta risposta = http.post("/api/avvisi", CAPOFILA, "{\"ambito\":\"VARESE\",\"titolo\":\"Avviso del "
                    + giorno + "\",\"tipo\":\"ORDINARIO\",\"apertura\":\"" + apertura.toOffsetDateTime() + "\",\"chiusura\":\""
                    + chiusura.toOffsetDateTime() + "\"}");
            assertThat(risposta.status()).as(risposta.body()).isEqualTo(201);
            avviso = risposta.json().get("id").asLong();
        } finally {
            OrologioDiProva.ripristina();
        }
        // its selection task and timers are years overdue: gone, so no deadline list of another test shows them
        runtimeService.createProcessInstanceQuery().processDefinitionKey(AvvisoBpmn.PROCESS_ID)
                .processInstanceBusinessKey(Long.toString(avviso)).list()
                .forEach(istanza -> runtimeService.deleteProcessInstance(istanza.getId(), "fine del test"));
        return avviso;
    }

    /** Upload, one test case, request by one analyst, approval by the other: the four eyes of every publication. */
    private void pubblica(int versione, LocalDate dal, byte[] dmn, String motivo) {
        ClientHttp.Risposta caricata = http.invia(http.richiesta("/api/regole/" + SET + "?motivo=Caricata%20per%20la%20prova&validoDal="
                + dal, ANALISTA).header("Content-Type", "application/xml")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(dmn)).build());
        assertThat(caricata.status()).as(caricata.body()).isEqualTo(201);
        assertThat(caricata.json().get("versione").asInt()).isEqualTo(versione);
        String base = "/api/regole/" + SET + "/versioni/" + versione;
        assertThat(http.post(base + "/casi", ANALISTA, """
                [{"descrizione":"ISEE 12.000 ammesso","input":{"isee":12000,"attestazione":false},"atteso":{"Soglia di prova":true}}]""")
                .status()).isEqualTo(200);
        ClientHttp.Risposta richiesta = http.post(base + "/pubblicazione?motivo=" + motivo.replace(" ", "%20"), ANALISTA, "");
        assertThat(richiesta.status()).as(richiesta.body()).isEqualTo(202);
        ClientHttp.Risposta approvata = http.post(base + "/approvazione", ANALISTA_REVISORE, "{\"esito\":\"APPROVATA\",\"nota\":\"ok\"}");
        assertThat(approvata.status()).as(approvata.body()).isEqualTo(200);
    }

    private static JsonNode versione(JsonNode quadro, String nome) {
        for (JsonNode versione : quadro.get("regole")) {
            if (versione.get("nome").asText().equals(nome)) {
                return versione;
            }
        }
        throw new AssertionError("nessuna versione di «" + nome + "» in " + quadro);
    }

    private static Map<String, String> righe(JsonNode quadro) {
        Map<String, String> righe = new LinkedHashMap<>();
        quadro.get("righe").forEach(riga -> righe.put(riga.get("etichetta").asText(), riga.get("testo").asText()));
        return righe;
    }

    /** The sets a release ships: one per file of rules/. */
    private static List<String> setDelRilascio() {
        try {
            List<String> nomi = new ArrayList<>();
            Arrays.stream(new PathMatchingResourcePatternResolver().getResources("classpath*:rules/*.dmn"))
                    .map(r -> Objects.requireNonNull(r.getFilename()).replaceFirst("\\.dmn$", "")).forEach(nomi::add);
            assertThat(nomi).contains("isbar", "requisiti-economici", "riserve", "precedenza-assegnazione", "parametri-avviso");
            return nomi;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
