package it.piattaformacasa.assegnazione.web;

import static it.piattaformacasa.DemoUtenti.*;
import static it.piattaformacasa.graduatoria.process.GraduatoriaDefinitivaBpmn.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.util.HtmlUtils;

import com.fasterxml.jackson.databind.JsonNode;

import it.piattaformacasa.ClientHttp;
import it.piattaformacasa.DomandaDiProva;
import it.piattaformacasa.IntegrationTest;
import it.piattaformacasa.ScenarioAvviso;
import it.piattaformacasa.SessioneConsole;
import it.piattaformacasa.anagrafe.Alloggio;
import it.piattaformacasa.anagrafe.AlloggioRepository;
import it.piattaformacasa.anagrafe.StatoAlloggio;
import it.piattaformacasa.common.CodiceFiscale;
import it.piattaformacasa.graduatoria.Graduatoria;
import it.piattaformacasa.graduatoria.GraduatoriaRepository;
import it.piattaformacasa.graduatoria.GraduatoriaService;

/**
 * Issue 12, the ripescaggio in the console (seed 000, «RIPESCAGGIO E ALLOGGI SFITTI»): on the definitive graduatoria
 * of the Comune di Varese its Gestione Avviso operator ({@code capofila}) confirms «Avvia il ripescaggio», then adds an
 * alloggio freed after a sgombero. Both go through {@code RipescaggioService}, so through the graduatoria's process, with
 * the API's refusals: another ente's operator, the ente's istruttore and the supervisors are refused (403), a wrong
 * field comes back beside it (400), a state that does not allow it is a 409 with the service's reason; nothing is
 * written on a refusal, and the API sees what the console did.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RipescaggioNellaConsoleTest {

    @LocalServerPort
    int port;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    HistoryService historyService;
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

    ClientHttp http;
    long avviso;
    long graduatoria;
    /** A unit of the Comune di Varese in Varese, free in the Anagrafe after a sgombero, not in the avviso. */
    long liberato;
    String codiceLiberato;
    /** ALER's unit: free, but of another ente. */
    long diAler;

    @BeforeAll
    void unaGraduatoriaDefinitivaDelComuneDiVarese() {
        http = new ClientHttp(port);
        ScenarioAvviso scenario = new ScenarioAvviso(http, runtimeService, managementService, alloggi)
                .conTitolo("Avviso del ripescaggio nella console");
        Alloggio diVarese = scenario.alloggiDi(CF_COMUNE_VARESE, StatoAlloggio.LIBERO, 1).get(0);
        avviso = scenario.aperto(List.of(diVarese), List.of(CAPOFILA));
        ClientHttp.Risposta domanda = http.post("/api/avvisi/" + avviso + "/domande", CAPOFILA,
                DomandaDiProva.json(CodiceFiscale.conControllo("RPSCNS80A01L682"), diVarese.getId()));
        assertThat(domanda.status()).as(domanda.body()).isEqualTo(201);
        List<Graduatoria> definitive = scenario.graduatorieApprovate(avviso, graduatorie, graduatorieService, jdbc, true);
        assertThat(definitive).hasSize(1);
        graduatoria = definitive.get(0).getId();
        codiceLiberato = "RNC-SGOMBERO-" + graduatoria;
        liberato = nuovoAlloggio(CF_COMUNE_VARESE, codiceLiberato);
        diAler = nuovoAlloggio(CF_ALER, "RNC-ALER-" + graduatoria);
    }

    @Test
    @Order(1)
    void soloLOperatoreDellaGestioneAvvisoVedeIlPulsanteEPrimaLoConferma() {
        SessioneConsole capofila = SessioneConsole.di(http, CAPOFILA);
        String pagina = testo(capofila.get("/graduatorie/" + graduatoria));
        assertThat(pagina).contains("Ripescaggio", "Terminato il «primo giro» di assegnazioni", "Avvia il ripescaggio",
                "href=\"/graduatorie/" + graduatoria + "?conferma=ripescaggio#conferma-ripescaggio\"")
                .doesNotContain("Conferma: avvia il ripescaggio", "Aggiungi un alloggio liberato");

        String conferma = testo(capofila.get("/graduatorie/" + graduatoria + "?conferma=ripescaggio"));
        assertThat(conferma).contains("Confermi l'avvio del ripescaggio?",
                "Lo stato della graduatoria passa da «Definitiva» a «In ripescaggio»",
                "resi disponibili in seguito a fenomeni di sgombero", "Non si torna allo stato «Definitiva»",
                "scorrimento, art. 15 comma 4 bis", "Conferma: avvia il ripescaggio",
                "action=\"/graduatorie/" + graduatoria + "/ripescaggio#ripescaggio\"", "name=\"_csrf\"");

        // the istruttore of the same ente, the supervisors and the administrators read the graduatoria without the button
        for (String chi : List.of(VARESE_ISTRUTTORIA, SUPERVISORE, ADMIN)) {
            ClientHttp.Risposta letta = SessioneConsole.di(http, chi).get("/graduatorie/" + graduatoria + "?conferma=ripescaggio");
            assertThat(letta.status()).as(chi).isEqualTo(200);
            assertThat(testo(letta)).as(chi).contains("Graduatoria definitiva – Comune di Varese")
                    .doesNotContain("Avvia il ripescaggio", "Conferma: avvia il ripescaggio", "Aggiungi un alloggio liberato");
        }
        // another ente's operator does not see the graduatoria at all, as the API
        assertThat(SessioneConsole.di(http, MALNATE).get("/graduatorie/" + graduatoria).status()).isEqualTo(403);
        // a value no link gives is ignored: the page as always
        assertThat(testo(capofila.get("/graduatorie/" + graduatoria + "?conferma=%27%3Bdrop"))).contains("Avvia il ripescaggio")
                .doesNotContain("Conferma: avvia il ripescaggio");
    }

    @Test
    @Order(2)
    void chiNonPuoAvviareIlRipescaggioVieneRifiutatoENullaCambia() {
        String ripescaggio = "/graduatorie/" + graduatoria + "/ripescaggio";
        ClientHttp.Risposta istruttore = SessioneConsole.di(http, VARESE_ISTRUTTORIA).post(ripescaggio, Map.of());
        assertThat(istruttore.status()).isEqualTo(403);
        assertThat(testo(istruttore)).contains("Ripescaggio non avviato: Il ripescaggio lo avviano gli operatori di Comune di "
                + "Varese con la gestione avviso", "Graduatoria definitiva – Comune di Varese");
        assertThat(SessioneConsole.di(http, SUPERVISORE).post(ripescaggio, Map.of()).status()).isEqualTo(403);
        ClientHttp.Risposta altroEnte = SessioneConsole.di(http, MALNATE).post(ripescaggio, Map.of());
        assertThat(altroEnte.status()).isEqualTo(403);
        assertThat(testo(altroEnte)).contains("solo i suoi operatori possono consultarla");
        assertThat(SessioneConsole.di(http, CAPOFILA).post("/graduatorie/999999999/ripescaggio", Map.of()).status())
                .isEqualTo(404);

        // an alloggio liberato before the ripescaggio: the service's reason (409), nothing written
        ClientHttp.Risposta troppoPresto = SessioneConsole.di(http, CAPOFILA).post("/graduatorie/" + graduatoria + "/alloggi-liberi",
                modulo(Long.toString(liberato), "Autonomo a gas", "900,50"));
        assertThat(troppoPresto.status()).isEqualTo(409);
        assertThat(testo(troppoPresto)).contains("Alloggio non aggiunto: Gli alloggi liberati dopo uno sgombero si assegnano nel "
                + "ripescaggio: la graduatoria " + graduatoria + " è DEFINITIVA");

        assertThat(stato()).isEqualTo("DEFINITIVA");
        assertThat(istanza()).satisfies(i -> assertThat(runtimeService.getActiveActivityIds(i.getId())).containsExactly(TASK_PRIMO_GIRO));
        assertThat(passaggi(SERVICE_AVVIA_RIPESCAGGIO)).isZero();
        assertThat(passaggi(EVENTO_ALLOGGIO_LIBERATO)).isZero();
        assertThat(inAvviso(liberato)).isZero();
    }

    @Test
    @Order(3)
    void ilRipescaggioConfermatoPassaPerIlProcessoELApiVedeLoStessoStato() {
        SessioneConsole capofila = SessioneConsole.di(http, CAPOFILA);

        ClientHttp.Risposta avviato = capofila.post("/graduatorie/" + graduatoria + "/ripescaggio", Map.of());

        assertThat(avviato.status()).as(avviato.body()).isEqualTo(303);
        assertThat(avviato.raw().headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l)
                .endsWith("/graduatorie/" + graduatoria + "#ripescaggio"));
        String pagina = testo(capofila.get("/graduatorie/" + graduatoria));
        assertThat(pagina).contains("id=\"esito-ripescaggio\"", "Ripescaggio avviato: la graduatoria è in ripescaggio.",
                "Graduatoria in ripescaggio – Comune di Varese", "In ripescaggio dal", "avviato da " + CAPOFILA,
                "Aggiungi un alloggio liberato", "value=\"" + liberato + "\"", codiceLiberato)
                .doesNotContain("Avvia il ripescaggio", "value=\"" + diAler + "\"");
        // the state changed in the process's step, and the API reads it
        assertThat(stato()).isEqualTo("RIPESCAGGIO");
        assertThat(passaggi(SERVICE_AVVIA_RIPESCAGGIO)).isEqualTo(1);
        assertThat(runtimeService.getActiveActivityIds(istanza().getId())).containsExactly(TASK_RIPESCAGGIO);
        assertThat(http.get("/api/graduatorie/" + graduatoria, CAPOFILA).json().get("graduatoria").get("stato").asText())
                .isEqualTo("RIPESCAGGIO");
        assertThat(jdbc.queryForObject("select ripescaggio_da from graduatoria where id = ?", String.class, graduatoria))
                .isEqualTo(CAPOFILA);

        // sent again (a second tab): the service's 409 on the page, one switch only
        ClientHttp.Risposta ancora = capofila.post("/graduatorie/" + graduatoria + "/ripescaggio", Map.of());
        assertThat(ancora.status()).isEqualTo(409);
        assertThat(testo(ancora)).contains("id=\"rifiuto-ripescaggio\"", "Ripescaggio non avviato: Il ripescaggio parte da una graduatoria definitiva: la "
                + "graduatoria " + graduatoria + " è RIPESCAGGIO");
        assertThat(passaggi(SERVICE_AVVIA_RIPESCAGGIO)).isEqualTo(1);
        // and through the API the same
        assertThat(http.post("/api/graduatorie/" + graduatoria + "/ripescaggio", CAPOFILA, "{}").status()).isEqualTo(409);
    }

    @Test
    @Order(4)
    void unAlloggioLiberatoScrittoMaleTornaAccantoAlCampoConQuelCheEraScritto() {
        SessioneConsole capofila = SessioneConsole.di(http, CAPOFILA);
        String indirizzo = "/graduatorie/" + graduatoria + "/alloggi-liberi";

        ClientHttp.Risposta vuoto = capofila.post(indirizzo, modulo("", "", ""));
        assertThat(vuoto.status()).isEqualTo(400);
        assertThat(testo(vuoto)).contains("id=\"riepilogo-errori\"", "id=\"alloggioId-errore\"",
                "Alloggio liberato: scegliere l'alloggio liberato", "id=\"tipologiaRiscaldamento-errore\"",
                "Tipologia di riscaldamento: obbligatoria", "id=\"speseAnnueUtenze-errore\"",
                "Spese annuali per le utenze (stima, €): obbligatorie e non negative", "aria-invalid=\"true\"",
                "aria-describedby=\"alloggioId-errore\"");

        ClientHttp.Risposta importo = capofila.post(indirizzo, modulo(Long.toString(liberato), "Centralizzato a metano", "novecento"));
        assertThat(importo.status()).isEqualTo(400);
        assertThat(testo(importo)).contains("importo non valido: scrivere ad esempio 1.200,50", "value=\"novecento\"",
                "value=\"Centralizzato a metano\"", "<option value=\"" + liberato + "\" selected=\"selected\"")
                .doesNotContain("id=\"alloggioId-errore\"", "id=\"tipologiaRiscaldamento-errore\"");

        assertThat(testo(capofila.post(indirizzo, modulo(Long.toString(liberato), "Autonomo", "-5")))).contains(
                "Spese annuali per le utenze (stima, €): non può essere negativa");
        assertThat(testo(capofila.post(indirizzo, modulo(Long.toString(liberato), "Autonomo", "12,345")))).contains(
                "importo in euro con al massimo due decimali");
        ClientHttp.Risposta lungo = capofila.post(indirizzo, modulo(Long.toString(liberato), "x".repeat(121), "100"));
        assertThat(lungo.status()).isEqualTo(400);
        assertThat(testo(lungo)).contains("Tipologia di riscaldamento: al più 120 caratteri");
        ClientHttp.Risposta parola = capofila.post(indirizzo, modulo("'; drop table alloggio; --", "Autonomo", "100"));
        assertThat(parola.status()).isEqualTo(400);
        assertThat(testo(parola)).contains("Alloggio liberato: scegliere uno degli alloggi dell'elenco").doesNotContain("SQL", "Exception");

        // another ente's unit, sent by hand: refused in the process's step, beside the field, rolled back with the message
        ClientHttp.Risposta altrui = capofila.post(indirizzo, modulo(Long.toString(diAler), "Autonomo", "100"));
        assertThat(altrui.status()).isEqualTo(400);
        assertThat(testo(altrui)).contains("Alloggio liberato: l'alloggio " + diAler + " non è dell'ente in questo comune");

        // the ente's istruttore, the supervisors, another ente: refused as by the API
        ClientHttp.Risposta istruttore = SessioneConsole.di(http, VARESE_ISTRUTTORIA).post(indirizzo,
                modulo(Long.toString(liberato), "Autonomo", "100"));
        assertThat(istruttore.status()).isEqualTo(403);
        assertThat(testo(istruttore)).contains("Alloggio non aggiunto: Gli alloggi liberi li rende disponibili Comune di Varese "
                + "(gestione avviso)");
        assertThat(SessioneConsole.di(http, SUPERVISORE).post(indirizzo, modulo(Long.toString(liberato), "Autonomo", "100"))
                .status()).isEqualTo(403);
        assertThat(SessioneConsole.di(http, MALNATE).post(indirizzo, modulo(Long.toString(liberato), "Autonomo", "100"))
                .status()).isEqualTo(403);

        assertThat(inAvviso(liberato)).isZero();
        assertThat(inAvviso(diAler)).isZero();
        assertThat(passaggi(EVENTO_ALLOGGIO_LIBERATO)).as("refused events leave no trace").isZero();
        assertThat(stato()).isEqualTo("RIPESCAGGIO");
    }

    @Test
    @Order(5)
    void unAlloggioLiberatoEntraNellAvvisoAttraversoIlProcessoELApiLoVede() {
        SessioneConsole capofila = SessioneConsole.di(http, CAPOFILA);
        String indirizzo = "/graduatorie/" + graduatoria + "/alloggi-liberi";

        ClientHttp.Risposta aggiunto = capofila.post(indirizzo, modulo(Long.toString(liberato), " Centralizzato a metano ",
                "1.234,50"));

        assertThat(aggiunto.status()).as(aggiunto.body()).isEqualTo(303);
        String pagina = testo(capofila.get("/graduatorie/" + graduatoria));
        assertThat(pagina).contains("Alloggio " + codiceLiberato + " aggiunto al ripescaggio: è nell'avviso come alloggio "
                + "libero, non pubblicato, e si può assegnare.").doesNotContain("value=\"" + liberato + "\"");
        assertThat(passaggi(EVENTO_ALLOGGIO_LIBERATO)).isEqualTo(1);
        assertThat(passaggi(END_ALLOGGIO_ASSEGNABILE)).isEqualTo(1);
        assertThat(runtimeService.getActiveActivityIds(istanza().getId())).containsExactly(TASK_RIPESCAGGIO);
        assertThat(jdbc.queryForObject("select pubblicato_in_avviso from alloggio_in_avviso where avviso_id = ? and alloggio_id = ?",
                Boolean.class, avviso, liberato)).as("in the avviso, not published").isFalse();

        // the API lists it with what was typed, and refuses it a second time
        JsonNode nellAvviso = null;
        for (JsonNode a : http.get("/api/avvisi/" + avviso + "/alloggi", CAPOFILA).json()) {
            if (a.get("alloggioId").asLong() == liberato) {
                nellAvviso = a;
            }
        }
        assertThat(nellAvviso).isNotNull();
        assertThat(nellAvviso.get("tipologiaRiscaldamento").asText()).isEqualTo("Centralizzato a metano");
        assertThat(nellAvviso.get("speseAnnueUtenze").decimalValue()).isEqualByComparingTo(new BigDecimal("1234.50"));
        assertThat(nellAvviso.get("inseritoDa").asText()).isEqualTo(CAPOFILA);
        ClientHttp.Risposta api = http.post("/api/graduatorie/" + graduatoria + "/alloggi-liberi", CAPOFILA,
                "{\"alloggioId\":" + liberato + ",\"tipologiaRiscaldamento\":\"Autonomo\",\"speseAnnueUtenze\":100}");
        assertThat(api.status()).isEqualTo(409);

        // sent again from the console (a second tab): the service's 409 on the page, what was typed kept, nothing more
        ClientHttp.Risposta doppio = capofila.post(indirizzo, modulo(Long.toString(liberato), "Autonomo", "100"));
        assertThat(doppio.status()).isEqualTo(409);
        assertThat(testo(doppio)).contains("Alloggio non aggiunto: L'alloggio " + liberato + " è già in questo avviso",
                "value=\"Autonomo\"");
        assertThat(inAvviso(liberato)).isEqualTo(1);
        assertThat(passaggi(EVENTO_ALLOGGIO_LIBERATO)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select spese_annue_utenze from alloggio_in_avviso where avviso_id = ? and alloggio_id = ?",
                BigDecimal.class, avviso, liberato)).isEqualByComparingTo("1234.50");
    }

    private static Map<String, String> modulo(String alloggioId, String riscaldamento, String spese) {
        Map<String, String> campi = new LinkedHashMap<>();
        campi.put("alloggioId", alloggioId);
        campi.put("tipologiaRiscaldamento", riscaldamento);
        campi.put("speseAnnueUtenze", spese);
        return campi;
    }

    /** The page's HTML with its entities read back (Thymeleaf writes an apostrophe as &#39;). */
    private static String testo(ClientHttp.Risposta risposta) {
        return HtmlUtils.htmlUnescape(risposta.body());
    }

    private long nuovoAlloggio(String cfEnte, String codice) {
        return jdbc.queryForObject("""
                insert into alloggio (codice_ui, ente_id, comune_id, indirizzo, piano, superficie_utile, vani, ascensore,
                                      barriere_architettoniche, stato)
                select ?, e.id, c.id, 'Via dello Sgombero 7', 1, 58.5, 3, false, false, 'LIBERO'
                  from ente_proprietario e, comune c where e.codice_fiscale = ? and c.codice_istat = '012133'
                returning id""", Long.class, codice, cfEnte);
    }

    private String stato() {
        return jdbc.queryForObject("select stato from graduatoria where id = ?", String.class, graduatoria);
    }

    private int inAvviso(long alloggio) {
        return jdbc.queryForObject("select count(*) from alloggio_in_avviso where avviso_id = ? and alloggio_id = ?",
                Integer.class, avviso, alloggio);
    }

    private ProcessInstance istanza() {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_ID)
                .processInstanceBusinessKey(Long.toString(graduatoria)).singleResult();
    }

    private long passaggi(String attivita) {
        return historyService.createHistoricActivityInstanceQuery().processInstanceId(istanza().getId()).activityId(attivita)
                .count();
    }
}
