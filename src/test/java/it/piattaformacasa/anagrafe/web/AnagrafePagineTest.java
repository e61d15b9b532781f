package it.piattaformacasa.anagrafe.web;

import static it.piattaformacasa.DemoUtenti.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.util.HtmlUtils;

import com.fasterxml.jackson.databind.JsonNode;

import it.piattaformacasa.ClientHttp;
import it.piattaformacasa.IntegrationTest;
import it.piattaformacasa.ScenarioAvviso;
import it.piattaformacasa.SessioneConsole;
import it.piattaformacasa.anagrafe.Alloggio;
import it.piattaformacasa.anagrafe.AlloggioRepository;
import it.piattaformacasa.anagrafe.Componente;
import it.piattaformacasa.anagrafe.Comune;
import it.piattaformacasa.anagrafe.ComuneRepository;
import it.piattaformacasa.anagrafe.EnteProprietario;
import it.piattaformacasa.anagrafe.EnteProprietarioRepository;
import it.piattaformacasa.anagrafe.Fabbricato;
import it.piattaformacasa.anagrafe.FabbricatoRepository;
import it.piattaformacasa.anagrafe.NucleoFamiliare;
import it.piattaformacasa.anagrafe.NucleoFamiliareRepository;
import it.piattaformacasa.anagrafe.RelazioneParentela;
import it.piattaformacasa.anagrafe.StatoAlloggio;
import it.piattaformacasa.common.CodiceFiscale;

/**
 * The console's «Anagrafe» over HTTP. A fabbricato of the Comune di Varese with 30 alloggi of its own (six in each
 * state, one of 62,50 m², one occupied by a household of two) is what the lists, filters, sort, pages and downloads
 * are checked against; the figures of the first page against {@code GET /api/enti/{id}/riepilogo}. Who sees what:
 * {@code malnate} none of Varese's alloggi, the supervisor and the analyst all of them, the household only who sees
 * the ente's cases.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnagrafePagineTest {

    private static final int ALLOGGI = 30;

    @LocalServerPort
    int port;
    @Autowired
    EnteProprietarioRepository enti;
    @Autowired
    ComuneRepository comuni;
    @Autowired
    FabbricatoRepository fabbricati;
    @Autowired
    AlloggioRepository alloggi;
    @Autowired
    NucleoFamiliareRepository nuclei;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;
    @Autowired
    JdbcTemplate jdbc;

    ClientHttp http;
    /** A code no other row has: the codes of the alloggi start with it. */
    String prefisso;
    String indirizzo;
    long comuneDiVarese;
    long occupatoId;
    long grandeId;
    String cfIntestatario;
    String cfConiuge;
    String cognome;

    @BeforeAll
    void patrimonio() {
        http = new ClientHttp(port);
        String n = Long.toString(System.currentTimeMillis() % 100_000_000L, 36).toUpperCase();
        prefisso = "PAG" + n;
        indirizzo = "Aaa Vicolo delle Prove " + n;
        EnteProprietario varese = enti.findByCodiceFiscale(CodiceFiscale.of(CF_COMUNE_VARESE)).orElseThrow();
        comuneDiVarese = varese.getId();
        Comune comune = comuni.findByCodiceIstat("012133").orElseThrow();
        Fabbricato fabbricato = fabbricati.save(new Fabbricato(prefisso, varese, comune, indirizzo, "Valle Olona", 1980, 4, true));
        List<Alloggio> creati = new ArrayList<>();
        for (int i = 0; i < ALLOGGI; i++) {
            StatoAlloggio stato = StatoAlloggio.values()[i % StatoAlloggio.values().length];
            BigDecimal superficie = i == 3 ? new BigDecimal("62.50") : new BigDecimal("40.00").add(new BigDecimal("0.75").multiply(BigDecimal.valueOf(i)));
            creati.add(alloggi.save(new Alloggio(String.format("%s-%03d", prefisso, i + 1), fabbricato, "A", String.valueOf(i + 1),
                    i % 4, superficie, 1 + i % 4, i % 2 == 0, stato)));
        }
        grandeId = creati.get(3).getId();
        Alloggio occupato = creati.get(1);
        assertThat(occupato.getStato()).isEqualTo(StatoAlloggio.OCCUPATO);
        occupatoId = occupato.getId();
        cognome = "Paginetti" + n.toLowerCase();
        cfIntestatario = CodiceFiscale.conControllo("PGNMRA70A01L682");
        cfConiuge = CodiceFiscale.conControllo("PGNLSU72B45L682");
        NucleoFamiliare nucleo = new NucleoFamiliare();
        nucleo.aggiungi(new Componente(CodiceFiscale.of(cfIntestatario), "Mario", cognome, LocalDate.of(1970, 1, 1),
                RelazioneParentela.RICHIEDENTE));
        nucleo.aggiungi(new Componente(CodiceFiscale.of(cfConiuge), "Luisa", cognome, LocalDate.of(1972, 2, 5),
                RelazioneParentela.CONIUGE));
        nucleo.insediaIn(occupato);
        nuclei.save(nucleo);
    }

    private static String testo(ClientHttp.Risposta risposta) {
        return HtmlUtils.htmlUnescape(risposta.body());
    }

    /** The codes UI of the table's rows, in order. */
    private static List<String> codici(String pagina) {
        Matcher m = Pattern.compile("class=\"codice-ui\"[^>]*>([^<]+)<").matcher(pagina);
        List<String> codici = new ArrayList<>();
        while (m.find()) {
            codici.add(m.group(1));
        }
        return codici;
    }

    @Test
    void laSintesiPerEnteDaIConteggiDellApiELeStradeVersoGliElenchi() {
        SessioneConsole capofila = SessioneConsole.di(http, CAPOFILA);
        String pagina = testo(capofila.get("/anagrafe"));
        JsonNode riepilogo = http.get("/api/enti/" + comuneDiVarese + "/riepilogo", CAPOFILA).json();

        assertThat(pagina).contains("Anagrafe del patrimonio", "Comune di Varese", "Ultima certificazione dei dati",
                "Libero", "Occupato senza titolo", "Sfitto per carenze manutentive", "Sfitto per ristrutturazione");
        String scheda = pagina.substring(pagina.indexOf("id=\"scheda-" + comuneDiVarese + "\""));
        scheda = scheda.substring(0, scheda.indexOf("</section>"));
        assertThat(scheda).containsPattern("class=\"alloggi\">" + riepilogo.get("numeroAlloggi").asLong() + "<")
                .containsPattern("class=\"fabbricati\">" + riepilogo.get("numeroFabbricati").asLong() + "<");
        for (StatoAlloggio stato : StatoAlloggio.values()) {
            assertThat(scheda).containsPattern("(?s)data-stato=\"" + stato.name() + "\">.*?stato=" + stato.name() + "\"[^>]*>"
                    + riepilogo.get("alloggiPerStato").get(stato.name()).asLong() + "</a>");
        }
        // an operator sees its own ente only; the supervisor every ente
        assertThat(testo(SessioneConsole.di(http, MALNATE).get("/anagrafe"))).contains("Comune di Malnate")
                .doesNotContain("id=\"scheda-" + comuneDiVarese + "\"");
        assertThat(testo(SessioneConsole.di(http, SUPERVISORE).get("/anagrafe"))).contains("Comune di Malnate",
                "id=\"scheda-" + comuneDiVarese + "\"", "ALER Varese");
    }

    @Test
    void gliAlloggiSiCercanoSiOrdinanoESiSfoglianoSulServerSenzaRipetere() {
        SessioneConsole capofila = SessioneConsole.di(http, CAPOFILA);
        String prima = testo(capofila.get("/anagrafe/alloggi?cerca=" + prefisso.toLowerCase()));
        assertThat(prima).contains("Righe da 1 a 25 di 30");
        String seconda = testo(capofila.get("/anagrafe/alloggi?cerca=" + prefisso + "&pagina=2"));
        assertThat(seconda).contains("Righe da 26 a 30 di 30");
        List<String> tutti = new ArrayList<>(codici(prima));
        tutti.addAll(codici(seconda));
        assertThat(tutti).hasSize(ALLOGGI).doesNotHaveDuplicates().allMatch(c -> c.startsWith(prefisso + "-"))
                .isSorted();

        // the row as the page shows it: Italian decimals, the state in words, the ente
        String grande = String.format("%s-%03d", prefisso, 4);
        String perSuperficie = testo(capofila.get("/anagrafe/alloggi?cerca=" + prefisso + "&ordina=superficie&verso=disc"));
        assertThat(codici(perSuperficie).get(0)).isEqualTo(grande);
        assertThat(perSuperficie).containsPattern("(?s)" + grande + "</a>.*?" + indirizzo + ".*?Varese.*?62,50.*?"
                + "data-stato=\"SFITTO_CARENZE_MANUTENTIVE\"[^>]*>Sfitto per carenze manutentive<.*?Comune di Varese");
        assertThat(perSuperficie).contains("ordinati per Superficie utile (Decrescente)");
        // a search by the indirizzo, any case
        assertThat(testo(capofila.get("/anagrafe/alloggi?cerca=" + indirizzo.toUpperCase().replace(' ', '+'))))
                .contains("Righe da 1 a 25 di 30");

        // the state filter: six of each
        String sfitti = testo(capofila.get("/anagrafe/alloggi?cerca=" + prefisso + "&stato=SFITTO_RISTRUTTURAZIONE&ordina=stato"));
        assertThat(sfitti).contains("Righe da 1 a 6 di 6");
        assertThat(codici(sfitti)).hasSize(6);
        assertThat(sfitti).doesNotContain(">Libero</span>").contains(">Sfitto per ristrutturazione</span>");
        // the filters combine with the ente and the comune
        assertThat(testo(capofila.get("/anagrafe/alloggi?ente=" + comuneDiVarese + "&comune=012133&cerca=" + prefisso)))
                .contains("Righe da 1 a 25 di 30");
        assertThat(testo(capofila.get("/anagrafe/alloggi?comune=012096&cerca=" + prefisso))).contains("Nessun alloggio corrisponde ai filtri.");
    }

    @Test
    void ogniOperatoreVedeGliAlloggiDelleSueEntiIlSupervisoreEMAnalistaTutti() {
        SessioneConsole malnate = SessioneConsole.di(http, MALNATE);
        assertThat(testo(malnate.get("/anagrafe/alloggi?cerca=" + prefisso))).contains("Nessun alloggio corrisponde ai filtri.");
        assertThat(testo(malnate.get("/anagrafe/alloggi?ente=" + comuneDiVarese))).contains("Nessun alloggio corrisponde ai filtri.");
        assertThat(malnate.get("/anagrafe/alloggi/" + occupatoId).status()).isEqualTo(404);
        assertThat(http.get("/api/alloggi/" + occupatoId, MALNATE).status()).isEqualTo(404);
        assertThat(malnate.get("/anagrafe/alloggi/esportazione?formato=csv&cerca=" + prefisso).body().lines()).hasSize(1);
        // malnate's own alloggi are there
        assertThat(testo(malnate.get("/anagrafe/alloggi?cerca=MA-GU-01"))).contains("MA-GU-01-").doesNotContain("Comune di Varese</td>");

        assertThat(testo(SessioneConsole.di(http, SUPERVISORE).get("/anagrafe/alloggi?cerca=" + prefisso))).contains("Righe da 1 a 25 di 30");
        assertThat(testo(SessioneConsole.di(http, ANALISTA).get("/anagrafe/alloggi?cerca=" + prefisso))).contains("Righe da 1 a 25 di 30");
    }

    /**
     * Seed 001, «Scheda ricerca alloggi»: codice fabbricato, destinazione d'uso, provincia and «alloggi in avviso» as
     * filters, in the console, its download and the API alike; a value they cannot mean is a 400 with its reason.
     */
    @Test
    void laRicercaAlloggiHaIFiltriDelSeed001() {
        SessioneConsole capofila = SessioneConsole.di(http, CAPOFILA);
        long inAvviso = alloggi.findAll().stream().filter(a -> a.getCodiceUi().equals(prefisso + "-001")).findFirst().orElseThrow().getId();
        long sociale = alloggi.findAll().stream().filter(a -> a.getCodiceUi().equals(prefisso + "-002")).findFirst().orElseThrow().getId();
        long avviso = new ScenarioAvviso(http, runtimeService, managementService, alloggi).predisposto();
        jdbc.update("""
                insert into alloggio_in_avviso (avviso_id, alloggio_id, tipologia, stato_in_avviso, tipologia_riscaldamento,
                    spese_annue_utenze, inserito_da, inserito_il) values (?, ?, 'IMMEDIATAMENTE_ASSEGNABILE', 'LIBERO', 'autonomo', 0, 'test', now())""",
                avviso, inAvviso);
        jdbc.update("update alloggio set destinazione_uso = 'SERVIZI_ABITATIVI_SOCIALI' where id = ?", sociale);

        String form = testo(capofila.get("/anagrafe/alloggi"));
        assertThat(form).contains("Codice del fabbricato", "Destinazione d'uso dell'unità immobiliare", "Provincia", "Alloggi in avviso",
                "<option value=\"VA\"");
        assertThat(codici(testo(capofila.get("/anagrafe/alloggi?fabbricato=" + prefisso.toLowerCase() + "&inAvviso=si"))))
                .containsExactly(prefisso + "-001");
        assertThat(testo(capofila.get("/anagrafe/alloggi?fabbricato=" + prefisso + "&inAvviso=no"))).contains("Righe da 1 a 25 di 29");
        assertThat(codici(testo(capofila.get("/anagrafe/alloggi?fabbricato=" + prefisso + "&destinazione=SERVIZI_ABITATIVI_SOCIALI"))))
                .containsExactly(prefisso + "-002");
        assertThat(testo(capofila.get("/anagrafe/alloggi?fabbricato=" + prefisso + "&provincia=va"))).contains("Righe da 1 a 25 di 30");
        assertThat(testo(capofila.get("/anagrafe/alloggi?fabbricato=" + prefisso + "&provincia=MI"))).contains("Nessun alloggio corrisponde ai filtri.");
        // the download follows the same filters
        assertThat(capofila.get("/anagrafe/alloggi/esportazione?formato=csv&fabbricato=" + prefisso + "&inAvviso=si").body().lines())
                .hasSize(2).last().asString().contains(prefisso + "-001");
        // and so does the API
        JsonNode api = http.get("/api/alloggi?fabbricato=" + prefisso + "&inAvviso=true&provincia=VA", CAPOFILA).json();
        assertThat(api.get("totale").asLong()).isEqualTo(1);
        assertThat(http.get("/api/alloggi?fabbricato=" + prefisso + "&destinazioneUso=SERVIZI_ABITATIVI_SOCIALI", CAPOFILA).json()
                .get("totale").asLong()).isEqualTo(1);
        // nonsense is refused with the field and the reason
        ClientHttp.Risposta provincia = capofila.get("/anagrafe/alloggi?provincia=Varese");
        assertThat(provincia.status()).isEqualTo(400);
        assertThat(testo(provincia)).contains("provincia non valida");
        assertThat(capofila.get("/anagrafe/alloggi?inAvviso=forse").status()).isEqualTo(400);
        assertThat(capofila.get("/anagrafe/alloggi?destinazione=UFFICIO").status()).isEqualTo(400);
        assertThat(http.get("/api/alloggi?provincia=123", CAPOFILA).status()).isEqualTo(400);
    }

    @Test
    void loScaricamentoContieneTutteLeRigheFiltrateNonSoloLaPagina() throws Exception {
        SessioneConsole capofila = SessioneConsole.di(http, CAPOFILA);
        HttpResponse<byte[]> xlsx = capofila.scarica("/anagrafe/alloggi/esportazione?formato=xlsx&cerca=" + prefisso);
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d).contains("alloggi.xlsx"));
        try (XSSFWorkbook libro = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet foglio = libro.getSheetAt(0);
            Row titoli = foglio.getRow(0);
            // seed 001's «elenchi di dettaglio» first (ID Alloggio … Stato), then the unit's other data (issue 13)
            assertThat(titoli.getCell(0).getStringCellValue()).isEqualTo("ID Alloggio");
            assertThat(titoli.getCell(2).getStringCellValue()).isEqualTo("Ragione sociale Ente Proprietario");
            assertThat(titoli.getCell(5).getStringCellValue()).isEqualTo("Quartiere/Zona/Località/Frazione");
            assertThat(titoli.getCell(7).getStringCellValue()).isEqualTo("Stato");
            assertThat(titoli.getCell(8).getStringCellValue()).isEqualTo("Codice Identificativo dell'Unità Immobiliare");
            assertThat(titoli.getCell(15).getStringCellValue()).isEqualTo("Superficie utile (m²)");
            assertThat(foglio.getLastRowNum()).isEqualTo(ALLOGGI);
            Row quarto = foglio.getRow(4);
            assertThat(quarto.getCell(8).getStringCellValue()).isEqualTo(String.format("%s-%03d", prefisso, 4));
            assertThat(quarto.getCell(15).getNumericCellValue()).isEqualTo(62.5);
            assertThat(quarto.getCell(7).getStringCellValue()).isEqualTo("SFITTO PER CARENZE MANUTENTIVE");
        }
        ClientHttp.Risposta csv = capofila.get("/anagrafe/alloggi/esportazione?formato=csv&cerca=" + prefisso + "&stato=LIBERO");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.raw().headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d).contains("alloggi-libero.csv"));
        List<String> righe = csv.body().lines().toList();
        assertThat(righe.get(0)).isEqualTo("ID Alloggio;Tipo Ente Proprietario;Ragione sociale Ente Proprietario;Provincia;Comune;"
                + "Quartiere/Zona/Località/Frazione;Indirizzo;Stato;Codice Identificativo dell'Unità Immobiliare;"
                + "Codice Fiscale dell'Ente Proprietario;Codice ISTAT;Codice fabbricato di pertinenza;Scala;Interno;Piano;"
                + "Superficie utile (m²);Vani;Ascensore;Barriere architettoniche;Destinazione d'uso dell'unità immobiliare");
        assertThat(righe).hasSize(7);
        assertThat(righe.get(1)).matches("[0-9]+;COMUNE;Comune di Varese;VA;Varese;Valle Olona;" + Pattern.quote(indirizzo) + ";LIBERO;"
                + prefisso + "-001;" + CF_COMUNE_VARESE + ";012133;" + prefisso + ";A;1;0;40,00;1;Sì;Sì;SERVIZI ABITATIVI PUBBLICI");
    }

    @Test
    void lAlloggioMostraIlNucleoAssegnatarioSoloAChiVedeLePraticheDellEnte() {
        String pagina = testo(SessioneConsole.di(http, CAPOFILA).get("/anagrafe/alloggi/" + occupatoId));
        assertThat(pagina).contains(String.format("Alloggio %s-%03d", prefisso, 2), "Nucleo assegnatario", indirizzo,
                "Valle Olona", "Servizi abitativi pubblici (SAP)", ">Occupato</span>", "Mario " + cognome, "Luisa " + cognome,
                cfIntestatario, cfConiuge, "Intestatario", "Coniuge", "01/01/1970");
        assertThat(testo(SessioneConsole.di(http, SUPERVISORE).get("/anagrafe/alloggi/" + occupatoId))).contains(cfIntestatario);
        // the analyst sees the alloggio, not the people living in it
        String analista = testo(SessioneConsole.di(http, ANALISTA).get("/anagrafe/alloggi/" + occupatoId));
        assertThat(analista).contains(String.format("Alloggio %s-%03d", prefisso, 2),
                "I dati del nucleo assegnatario sono visibili solo agli operatori dell'ente e ai supervisori.")
                .doesNotContain(cfIntestatario, cognome);
        // a free one has no household
        assertThat(testo(SessioneConsole.di(http, CAPOFILA).get("/anagrafe/alloggi/" + (occupatoId - 1))))
                .contains("L'alloggio non è occupato: nessun nucleo assegnatario.", "40,00");
    }

    @Test
    void iNucleiAssegnatariSiCercanoPerCodiceFiscaleOCognomeESiScaricano() {
        SessioneConsole capofila = SessioneConsole.di(http, CAPOFILA);
        String perCf = testo(capofila.get("/anagrafe/nuclei?cerca=" + cfConiuge.toLowerCase()));
        assertThat(perCf).contains("Righe da 1 a 1 di 1", "Mario " + cognome, cfIntestatario, String.format("%s-%03d", prefisso, 2),
                "Comune di Varese");
        assertThat(perCf).containsPattern("class=\"numero\">2<");
        assertThat(testo(capofila.get("/anagrafe/nuclei?cerca=" + cognome.substring(0, 12).toUpperCase()))).contains("Righe da 1 a 1 di 1");
        assertThat(testo(capofila.get("/anagrafe/nuclei?cerca=" + cognome.substring(1)))).contains("Nessun nucleo assegnatario");

        ClientHttp.Risposta csv = capofila.get("/anagrafe/nuclei/esportazione?formato=csv&cerca=" + cfIntestatario);
        assertThat(csv.body().lines().toList()).hasSize(2).first().isEqualTo("Codice UI;Indirizzo;Comune;Ente proprietario;"
                + "Cognome dell'intestatario;Nome dell'intestatario;Codice fiscale dell'intestatario;Componenti;Registrato il");
        assertThat(csv.body().lines().toList().get(1)).startsWith(String.format("%s-%03d;%s;Varese;Comune di Varese;%s;Mario;%s;2;",
                prefisso, 2, indirizzo, cognome, cfIntestatario));

        // nobody else's households
        assertThat(testo(SessioneConsole.di(http, MALNATE).get("/anagrafe/nuclei?cerca=" + cfIntestatario))).contains("Nessun nucleo assegnatario");
        assertThat(SessioneConsole.di(http, MALNATE).get("/anagrafe/nuclei/esportazione?formato=csv&cerca=" + cfIntestatario)
                .body().lines()).hasSize(1);
        assertThat(testo(SessioneConsole.di(http, SUPERVISORE).get("/anagrafe/nuclei?cerca=" + cfIntestatario))).contains("Righe da 1 a 1 di 1");
        assertThat(SessioneConsole.di(http, ANALISTA).get("/anagrafe/nuclei").status()).isEqualTo(403);
    }

    @Test
    void iFabbricatiContanoGliAlloggiPerStato() throws Exception {
        SessioneConsole capofila = SessioneConsole.di(http, CAPOFILA);
        String pagina = testo(capofila.get("/anagrafe/fabbricati?ente=" + comuneDiVarese + "&comune=012133"));
        assertThat(pagina).containsPattern("(?s)<th scope=\"row\">" + prefisso + "</th>.*?" + indirizzo
                + ".*?class=\"numero alloggi\">30<.*?data-stato=\"LIBERO\"><a[^>]*>6</a>");
        assertThat(testo(SessioneConsole.di(http, MALNATE).get("/anagrafe/fabbricati"))).contains("MA-GU-01").doesNotContain(prefisso);

        HttpResponse<byte[]> xlsx = capofila.scarica("/anagrafe/fabbricati/esportazione?formato=xlsx&ente=" + comuneDiVarese);
        try (XSSFWorkbook libro = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet foglio = libro.getSheetAt(0);
            assertThat(foglio.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Codice fabbricato");
            assertThat(foglio.getRow(0).getCell(6).getStringCellValue()).isEqualTo("Libero");
            Row nostro = null;
            for (Row r : foglio) {
                if (r.getCell(0).getStringCellValue().equals(prefisso)) {
                    nostro = r;
                }
            }
            assertThat(nostro).isNotNull();
            assertThat(nostro.getCell(5).getNumericCellValue()).isEqualTo(30);
            for (int c = 6; c <= 10; c++) {
                assertThat(nostro.getCell(c).getNumericCellValue()).isEqualTo(6);
            }
        }
        assertThat(capofila.get("/anagrafe/fabbricati/esportazione?formato=csv").body().lines().findFirst())
                .hasValue("Codice fabbricato;Indirizzo;Zona o località;Comune;Ente proprietario;Alloggi;Libero;Occupato;"
                        + "Occupato senza titolo;Sfitto per carenze manutentive;Sfitto per ristrutturazione");
    }

    @Test
    void iValoriSbagliatiNellIndirizzoNonDannoMaiUnErroreDelServer() {
        SessioneConsole capofila = SessioneConsole.di(http, CAPOFILA);
        ClientHttp.Risposta stato = capofila.get("/anagrafe/alloggi?stato=DEMOLITO");
        assertThat(stato.status()).isEqualTo(400);
        assertThat(testo(stato)).contains("stato dell'alloggio sconosciuto");
        ClientHttp.Risposta ente = capofila.get("/anagrafe/alloggi?ente=abc");
        assertThat(ente.status()).isEqualTo(400);
        assertThat(testo(ente)).contains("ente non valido");
        assertThat(capofila.get("/anagrafe/alloggi?ordina=prezzo").status()).isEqualTo(400);
        assertThat(capofila.get("/anagrafe/alloggi?verso=su").status()).isEqualTo(400);
        assertThat(capofila.get("/anagrafe/fabbricati?comune=Varese").status()).isEqualTo(400);
        assertThat(capofila.get("/anagrafe/alloggi/esportazione?formato=pdf").status()).isEqualTo(400);
        // a page that is not a number is the first, one past the end the last
        assertThat(testo(capofila.get("/anagrafe/alloggi?cerca=" + prefisso + "&pagina=due"))).contains("Righe da 1 a 25 di 30");
        assertThat(testo(capofila.get("/anagrafe/alloggi?cerca=" + prefisso + "&pagina=999999"))).contains("Righe da 26 a 30 di 30");
        assertThat(testo(capofila.get("/anagrafe/nuclei?pagina=-3"))).contains("Nuclei assegnatari");
        assertThat(capofila.get("/anagrafe/alloggi/abc").status()).isBetween(400, 404);
        assertThat(capofila.get("/anagrafe/alloggi/99999999999").status()).isEqualTo(404);
        // a search with the wildcards of LIKE finds them literally
        assertThat(testo(capofila.get("/anagrafe/alloggi?cerca=%25"))).contains("Nessun alloggio corrisponde ai filtri.");
        assertThat(testo(capofila.get("/anagrafe/nuclei?cerca=_"))).contains("Nessun nucleo assegnatario");
    }
}
