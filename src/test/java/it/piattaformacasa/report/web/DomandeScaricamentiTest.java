package it.piattaformacasa.report.web;

import static it.piattaformacasa.DemoUtenti.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
import it.piattaformacasa.DomandaDiProva;
import it.piattaformacasa.FileScaricati;
import it.piattaformacasa.IntegrationTest;
import it.piattaformacasa.ScenarioAvviso;
import it.piattaformacasa.SessioneConsole;
import it.piattaformacasa.anagrafe.Alloggio;
import it.piattaformacasa.anagrafe.AlloggioRepository;
import it.piattaformacasa.anagrafe.StatoAlloggio;
import it.piattaformacasa.common.CodiceFiscale;
import it.piattaformacasa.domanda.DomandePerGraduatorie;
import it.piattaformacasa.graduatoria.GraduatoriaRepository;
import it.piattaformacasa.graduatoria.GraduatoriaService;

/**
 * Issue 12, «Scarica (.xlsx)» and «Scarica (.csv)» of an avviso's «Tutte le domande» and «In lavorazione»: the whole
 * list as the page filters and sorts it (30 domande, more than a page), the page's columns with Italian values, the
 * same visibility as the page (another ente's operator gets the titles only), a filter the page does not offer is a
 * 400 on the page and on the download alike; and the batches the download reads the database in.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DomandeScaricamentiTest {

    private static final ZoneId ROMA = ZoneId.of("Europe/Rome");
    private static final DateTimeFormatter DATA_ORA = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(ROMA);
    private static final int ALTRE = 27;
    private static final List<String> COLONNE = List.of("ID domanda", "Cognome del richiedente", "Nome del richiedente",
            "Codice fiscale del richiedente", "Comune di residenza", "ISBAR", "ISBAR di lavoro (con le rettifiche)",
            "Condizione di indigenza", "Presentata il", "Stato");

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
    JdbcTemplate jdbc;
    @Autowired
    DomandePerGraduatorie elenchi;

    ClientHttp http;
    long avviso;
    /** Codice fiscale → domanda id of the three named richiedenti. */
    final Map<String, Long> domande = new LinkedHashMap<>();
    String cfEsportini;
    String cfScaricotti;
    long proposta;

    @BeforeAll
    void trentaDomandeELIstruttoriaDellaPrima() {
        http = new ClientHttp(port);
        ScenarioAvviso scenario = new ScenarioAvviso(http, runtimeService, managementService, alloggi)
                .conTitolo("Avviso degli scaricamenti");
        List<Alloggio> diVarese = scenario.alloggiDi(CF_COMUNE_VARESE, StatoAlloggio.LIBERO, 2);
        avviso = scenario.aperto(diVarese, List.of(CAPOFILA, CAPOFILA));
        String scelti = diVarese.get(0).getId() + "," + diVarese.get(1).getId();
        cfScaricotti = presenta("Annalisa", "Scaricotti", "SCRNLS", 2_500, scelti);
        cfEsportini = presenta("Carmelo", "Esportini", "SPRCML", 7_000, scelti);
        presenta("Dorotea", "Tabellini", "TBLDRT", 12_000, Long.toString(diVarese.get(0).getId()));
        for (int i = 0; i < ALTRE; i++) {
            String cf = CodiceFiscale.conControllo("ZSCQ" + (char) ('A' + i / 26) + (char) ('A' + i % 26) + "80A01L682");
            ClientHttp.Risposta risposta = http.post("/api/avvisi/" + avviso + "/domande", CAPOFILA,
                    DomandaDiProva.json(cf, diVarese.get(0).getId()));
            assertThat(risposta.status()).as(risposta.body()).isEqualTo(201);
        }
        jdbc.update("""
                insert into piano_riserve (ente_id, comune_id, anno, alloggi_disponibili, aggiornato_il, aggiornato_da)
                select e.id, c.id, ?, 10, now(), 'test' from ente_proprietario e, comune c
                 where e.codice_fiscale = ? and c.codice_istat = '012133'
                on conflict (ente_id, comune_id, anno) do nothing""", LocalDate.now(ROMA).getYear(), CF_COMUNE_VARESE);
        long graduatoria = scenario.graduatorieApprovate(avviso, graduatorie, graduatorieService, jdbc, true).get(0).getId();
        proposta = http.get("/api/graduatorie/" + graduatoria + "/ordine-assegnazione", VARESE_ISTRUTTORIA).json()
                .get("ordine").get(0).get("domandaId").asLong();
        ClientHttp.Risposta avviata = SessioneConsole.di(http, VARESE_ISTRUTTORIA).post("/graduatorie/" + graduatoria
                + "/istruttorie", Map.of("domandaId", Long.toString(proposta)));
        assertThat(avviata.status()).as(avviata.body()).isEqualTo(303);
    }

    /** A domanda of a richiedente alone, with a codice fiscale made from the name (born 1 January 1980). */
    private String presenta(String nome, String cognome, String lettere, int isee, String alloggiScelti) {
        String cf = CodiceFiscale.conControllo(lettere + "80A01L682");
        String body = "{\"nucleo\":[{\"codiceFiscale\":\"" + cf + "\",\"nome\":\"" + nome + "\",\"cognome\":\"" + cognome
                + "\",\"dataNascita\":\"1980-01-01\",\"relazione\":\"RICHIEDENTE\",\"percentualeInvalidita\":0}],"
                + "\"residenza\":{\"codiceIstatComune\":\"012133\",\"residenteLombardiaDal\":\"2000-01-01\","
                + "\"residenteComuneDal\":\"2005-01-01\"},\"isee\":{\"valore\":" + isee
                + ",\"protocolloDsu\":\"INPS-SCARICA-" + lettere + "\",\"dataDsu\":\"2026-01-20\"},\"patrimonio\":0,"
                + "\"condizioni\":{\"coabitazione\":true},\"alloggi\":[" + alloggiScelti + "]}";
        ClientHttp.Risposta risposta = http.post("/api/avvisi/" + avviso + "/domande", CAPOFILA, body);
        assertThat(risposta.status()).as(risposta.body()).isEqualTo(201);
        domande.put(cf, risposta.json().get("id").asLong());
        return cf;
    }

    private String base() {
        return "/avvisi/" + avviso + "/domande";
    }

    /** How the API shows the domanda: its ISBAR in Italian, indigence and submission time, in Rome. */
    private JsonNode api(long id) {
        return http.get("/api/domande/" + id, CAPOFILA).json();
    }

    @Test
    void lXlsxHaTutteLeDomandeFiltrateNonSoloLaPaginaConLeColonneDellaPagina() {
        SessioneConsole capofila = SessioneConsole.di(http, CAPOFILA);
        assertThat(capofila.get(base() + "?ordina=id").body()).contains("Domande da 1 a 25 di 30");
        HttpResponse<byte[]> xlsx = capofila.scarica(base() + "/esportazione?ordina=id&formato=xlsx");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        assertThat(xlsx.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"domande-avviso-" + avviso + ".xlsx\"");
        List<List<Object>> righe = FileScaricati.xlsx(xlsx.body());
        assertThat(righe.get(0)).containsExactlyElementsOf(COLONNE);
        assertThat(righe).hasSize(31);
        // by ID: the order of submission, the three named ones first
        List<Double> ids = righe.subList(1, 31).stream().map(r -> (Double) r.get(0)).toList();
        assertThat(ids).isSorted().doesNotHaveDuplicates();
        long id = domande.get(cfEsportini);
        List<Object> esportini = righe.get(2);
        JsonNode dallApi = api(id);
        double isbar = Double.parseDouble(dallApi.get("isbarItaliano").asText().replace(".", "").replace(',', '.'));
        assertThat(esportini).containsExactly((double) id, "Esportini", "Carmelo", cfEsportini, "Varese", isbar, isbar,
                dallApi.get("indigente").asBoolean() ? "Sì" : "No",
                DATA_ORA.format(Instant.parse(dallApi.get("presentataIl").asText())),
                id == proposta ? "In lavorazione" : "Presentata");
        // the one in istruttoria says so, as the page's badge
        assertThat(righe.stream().filter(r -> r.get(0).equals((double) proposta)).findFirst().orElseThrow().get(9))
                .isEqualTo("In lavorazione");
    }

    @Test
    void ilCsvApplicaRicercaEOrdinamentoConIDecimaliItaliani() {
        SessioneConsole capofila = SessioneConsole.di(http, CAPOFILA);
        ClientHttp.Risposta csv = capofila.get(base() + "/esportazione?cerca=" + cfEsportini.toLowerCase() + "&formato=csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.raw().headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(csv.raw().headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"domande-avviso-" + avviso + ".csv\"");
        List<List<String>> righe = FileScaricati.csv(csv.body());
        assertThat(righe.get(0)).containsExactlyElementsOf(COLONNE);
        assertThat(righe).hasSize(2);
        long id = domande.get(cfEsportini);
        JsonNode dallApi = api(id);
        String isbar = dallApi.get("isbarItaliano").asText();
        assertThat(isbar).matches("[0-9]+,[0-9]{3}");
        assertThat(righe.get(1)).containsExactly(Long.toString(id), "Esportini", "Carmelo", cfEsportini, "Varese", isbar, isbar,
                dallApi.get("indigente").asBoolean() ? "Sì" : "No",
                DATA_ORA.format(Instant.parse(dallApi.get("presentataIl").asText())),
                id == proposta ? "In lavorazione" : "Presentata");
        assertThat(csv.body()).doesNotContain(cfScaricotti, "Tabellini");

        // by name, sorted by surname as the page sorts: Esportini, Scaricotti, Tabellini (every word must match)
        List<List<String>> perNome = FileScaricati.csv(capofila.get(base() + "/esportazione?cerca=" + "i&ordina=richiedente&formato=csv").body());
        assertThat(perNome.subList(1, perNome.size())).extracting(r -> r.get(1))
                .containsSubsequence("Esportini", "Scaricotti", "Tabellini").isSorted();
        List<List<String>> perIsbar = FileScaricati.csv(capofila.get(base() + "/esportazione?formato=csv").body());
        assertThat(perIsbar).hasSize(31);
        assertThat(perIsbar.subList(1, 31)).extracting(r -> new BigDecimal(r.get(5).replace(',', '.')))
                .isSortedAccordingTo(Comparator.reverseOrder());

        // the page's links carry the same filters
        assertThat(capofila.get(base() + "?cerca=Esportini&ordina=richiedente").body())
                .contains("href=\"" + base() + "/esportazione?cerca=Esportini&amp;ordina=richiedente&amp;formato=xlsx\"",
                        "href=\"" + base() + "/esportazione?cerca=Esportini&amp;ordina=richiedente&amp;formato=csv\"",
                        "Scarica (.xlsx)", "Scarica (.csv)");
    }

    @Test
    void inLavorazioneSiScaricaConScadenzaSemaforoEChiLaTiene() {
        SessioneConsole istruttore = SessioneConsole.di(http, VARESE_ISTRUTTORIA);
        String cf = http.get("/api/domande/" + proposta, CAPOFILA).json().get("richiedente").asText();
        String isbar = api(proposta).get("isbarItaliano").asText();
        ClientHttp.Risposta csv = istruttore.get(base() + "/esportazione?vista=in-lavorazione&formato=csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.raw().headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"domande-in-lavorazione-avviso-" + avviso + ".csv\"");
        List<List<String>> righe = FileScaricati.csv(csv.body());
        assertThat(righe).containsExactly(List.of("ID domanda", "Codice fiscale del richiedente",
                        "ISBAR di lavoro (con le rettifiche)", "Lavorazione", "Ente", "Scadenza", "Giorni alla scadenza", "Semaforo",
                        "In carico a"),
                List.of(Long.toString(proposta), cf, isbar, "Istruttoria", "Comune di Varese", "nessuna scadenza", "",
                        "Nei termini", VARESE_ISTRUTTORIA));

        HttpResponse<byte[]> xlsx = istruttore.scarica(base() + "/esportazione?vista=in-lavorazione&cerca=" + proposta + "&formato=xlsx");
        assertThat(xlsx.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"domande-in-lavorazione-avviso-" + avviso + ".xlsx\"");
        List<List<Object>> foglio = FileScaricati.xlsx(xlsx.body());
        assertThat(foglio).hasSize(2);
        assertThat(foglio.get(1).get(0)).isEqualTo((double) proposta);
        assertThat(foglio.get(1).get(3)).isEqualTo("Istruttoria");
        // filtered out: another richiedente's codice fiscale
        String altro = cf.equals(cfScaricotti) ? cfEsportini : cfScaricotti;
        assertThat(istruttore.get(base() + "/esportazione?vista=in-lavorazione&cerca=" + altro + "&formato=csv").body().lines())
                .hasSize(1);
        assertThat(istruttore.get(base() + "?vista=in-lavorazione").body())
                .contains("href=\"" + base() + "/esportazione?vista=in-lavorazione&amp;formato=csv\"");
    }

    @Test
    void lOperatoreDiUnAltroEnteScaricaSoloLeIntestazioniComeLaPaginaVuota() {
        SessioneConsole malnate = SessioneConsole.di(http, MALNATE);
        assertThat(malnate.get(base()).body()).contains("Nessuna domanda");
        ClientHttp.Risposta csv = malnate.get(base() + "/esportazione?formato=csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(FileScaricati.csv(csv.body())).containsExactly(COLONNE);
        assertThat(csv.body()).doesNotContain(cfEsportini);
        assertThat(FileScaricati.xlsx(malnate.scarica(base() + "/esportazione?formato=xlsx").body())).hasSize(1);
        assertThat(malnate.get(base() + "/esportazione?vista=in-lavorazione&formato=csv").body().lines()).hasSize(1);
        // an avviso that does not exist is not there, for the page and the download
        assertThat(malnate.get("/avvisi/99999999999/domande/esportazione?formato=csv").status()).isEqualTo(404);
        assertThat(malnate.get("/avvisi/99999999999/domande").status()).isEqualTo(404);
        // a supervisor sees every ente's
        assertThat(SessioneConsole.di(http, SUPERVISORE).get(base() + "/esportazione?formato=csv").body().lines()).hasSize(31);
    }

    @Test
    void unFiltroCheLaPaginaNonOffreEUn400SullaPaginaESulloScaricamento() {
        SessioneConsole capofila = SessioneConsole.di(http, CAPOFILA);
        for (String indirizzo : List.of(base() + "?ordina=prezzo", base() + "/esportazione?ordina=prezzo&formato=csv")) {
            ClientHttp.Risposta risposta = capofila.get(indirizzo);
            assertThat(risposta.status()).as(indirizzo).isEqualTo(400);
            assertThat(risposta.body()).as(indirizzo).contains("ordinamento sconosciuto (ammessi: isbar, id, richiedente, presentazione)");
        }
        for (String indirizzo : List.of(base() + "?vista=archivio", base() + "/esportazione?vista=archivio")) {
            ClientHttp.Risposta risposta = capofila.get(indirizzo);
            assertThat(risposta.status()).as(indirizzo).isEqualTo(400);
            assertThat(risposta.body()).as(indirizzo).contains("area sconosciuta (ammesse: tutte, in-lavorazione)");
        }
        ClientHttp.Risposta formato = capofila.get(base() + "/esportazione?formato=pdf");
        assertThat(formato.status()).isEqualTo(400);
        assertThat(formato.body()).contains("formato sconosciuto (ammessi: xlsx, csv)");
        // the values the page offers, in any case, are fine
        assertThat(capofila.get(base() + "?ordina=PRESENTAZIONE&vista=tutte").status()).isEqualTo(200);
    }

    @Test
    void loScaricamentoLeggeLeDomandeALottiNellOrdineDellaPagina() {
        List<DomandePerGraduatorie.RigaDomanda> pagine = new ArrayList<>();
        for (int pagina = 0; pagina < 3; pagina++) {
            pagine.addAll(elenchi.cerca(avviso, Set.of(), true, "", DomandePerGraduatorie.Ordine.ISBAR, pagina, 12).righe());
        }
        List<Integer> lotti = new ArrayList<>();
        List<DomandePerGraduatorie.RigaDomanda> lette = new ArrayList<>();
        int date = elenchi.perLotti(avviso, Set.of(), true, "", DomandePerGraduatorie.Ordine.ISBAR, 1_000, 7, lotto -> {
            lotti.add(lotto.size());
            lette.addAll(lotto);
        });
        assertThat(date).isEqualTo(30);
        assertThat(lotti).containsExactly(7, 7, 7, 7, 2);
        assertThat(lette).isEqualTo(pagine);
        // at most as many as asked
        List<Long> prime = new ArrayList<>();
        elenchi.perLotti(avviso, Set.of(), true, "", DomandePerGraduatorie.Ordine.ID, 10, 4,
                lotto -> lotto.forEach(r -> prime.add(r.id())));
        assertThat(prime).hasSize(10).isSorted().first().isEqualTo(domande.get(cfScaricotti));
        // an operator without enti gets nothing, as from the page
        assertThat(elenchi.perLotti(avviso, Set.of(), false, "", DomandePerGraduatorie.Ordine.ID, 10, 4,
                lotto -> { throw new AssertionError("no batch expected"); })).isZero();
    }
}
