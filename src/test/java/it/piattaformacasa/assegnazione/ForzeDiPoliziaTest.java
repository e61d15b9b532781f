package it.piattaformacasa.assegnazione;

import static it.piattaformacasa.DemoUtenti.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import it.piattaformacasa.ClientHttp;
import it.piattaformacasa.IntegrationTest;
import it.piattaformacasa.ScenarioAvviso;
import it.piattaformacasa.common.CodiceFiscale;
import it.piattaformacasa.anagrafe.Alloggio;
import it.piattaformacasa.anagrafe.AlloggioRepository;
import it.piattaformacasa.graduatoria.Graduatoria;
import it.piattaformacasa.graduatoria.GraduatoriaRepository;
import it.piattaformacasa.graduatoria.GraduatoriaService;

/**
 * The procedure for the forces (art. 7 bis / 7 ter): the Prefettura's list, domande only for the people on it with
 * their corpo, assignments counted against the 7 bis and 7 ter quotas (10 units at 10 %: one each).
 */
@IntegrationTest
class ForzeDiPoliziaTest {

    private static final ZoneId ROMA = ZoneId.of("Europe/Rome");
    private static final String CARABINIERE = CodiceFiscale.conControllo("RSSGNN80A01L682");
    private static final String VIGILE = CodiceFiscale.conControllo("VRDLGU82C10L682");
    private static final String FINANZIERE = CodiceFiscale.conControllo("BNCMRC79M14L682");

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

    @Test
    void listaDellaPrefetturaDomandeConIlCorpoEAssegnazioniNelleQuote() {
        ClientHttp http = new ClientHttp(port);
        ScenarioAvviso scenario = new ScenarioAvviso(http, runtimeService, managementService, alloggi);
        long comune = jdbc.queryForObject("select id from ente_proprietario where codice_fiscale = ?", Long.class, CF_COMUNE_VARESE);
        List<Alloggio> unita = alloggi.findAllById(jdbc.queryForList("""
                insert into alloggio (codice_ui, ente_id, comune_id, indirizzo, piano, superficie_utile, vani, ascensore,
                                      barriere_architettoniche, stato)
                select 'FDP-' || i, ?, c.id, 'Via delle Forze ' || i, 1, 60, 3, true, false, 'LIBERO'
                  from generate_series(1, 3) i, comune c where c.codice_istat = '012133'
                returning id""", Long.class, comune));
        long avviso = scenario.aperto("FORZE_POLIZIA", unita, List.of(CAPOFILA, CAPOFILA, CAPOFILA));
        int anno = LocalDate.ofInstant(Instant.parse(http.get("/api/avvisi/" + avviso, CAPOFILA).json().get("apertura").asText()),
                ROMA).getYear();

        String lista = "/api/enti/" + comune + "/lista-prefettura/" + anno;
        assertThat(http.post(lista, ALER_AVVISO, "[]").status()).as("another ente's list").isEqualTo(403);
        ClientHttp.Risposta sbagliata = http.post(lista, CAPOFILA, "[{\"codiceFiscale\":\"XYZ\",\"corpo\":\"ARMA_DEI_CARABINIERI\"}]");
        assertThat(sbagliata.status()).isEqualTo(400);
        assertThat(sbagliata.json().get("errori").findValuesAsText("campo")).contains("[0].codiceFiscale", "[0].protocollo");
        assertThat(http.post(lista, CAPOFILA, """
                [{"codiceFiscale":"%s","corpo":"ARMA_DEI_CARABINIERI","protocollo":"PREF-VA-2026-118"},
                 {"codiceFiscale":"%s","corpo":"POLIZIA_LOCALE","protocollo":"PREF-VA-2026-118"},
                 {"codiceFiscale":"%s","corpo":"GUARDIA_DI_FINANZA","protocollo":"PREF-VA-2026-118"}]"""
                .formatted(CARABINIERE, VIGILE, FINANZIERE)).status()).isEqualTo(200);
        assertThat(http.get(lista, VARESE_ISTRUTTORIA).json()).hasSize(3);

        Map<String, Long> domande = new HashMap<>();
        String unitaScelte = unita.get(0).getId() + "," + unita.get(1).getId();
        ClientHttp.Risposta senzaCorpo = presenta(http, avviso, CARABINIERE, null, unitaScelte);
        assertThat(senzaCorpo.status()).isEqualTo(400);
        assertThat(senzaCorpo.json().get("errori").get(0).get("campo").asText()).isEqualTo("corpoAppartenenza");
        assertThat(presenta(http, avviso, "MNTSRA88P43L682V", "POLIZIA_DI_STATO", unitaScelte).status())
                .as("not on the Prefettura's list").isEqualTo(422);
        assertThat(presenta(http, avviso, CARABINIERE, "POLIZIA_DI_STATO", unitaScelte).status()).as("another corpo").isEqualTo(400);
        for (String[] p : List.of(new String[] {CARABINIERE, "ARMA_DEI_CARABINIERI"}, new String[] {VIGILE, "POLIZIA_LOCALE"},
                new String[] {FINANZIERE, "GUARDIA_DI_FINANZA"})) {
            ClientHttp.Risposta r = presenta(http, avviso, p[0], p[1], unitaScelte);
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            domande.put(p[0], r.json().get("id").asLong());
        }
        assertThat(jdbc.queryForObject("select corpo_appartenenza from domanda where id = ?", String.class, domande.get(VIGILE)))
                .isEqualTo("POLIZIA_LOCALE");

        long graduatoria = scenario.graduatorieApprovate(avviso, graduatorie, graduatorieService, jdbc, true).get(0).getId();
        int annoCorrente = LocalDate.now(ROMA).getYear();
        jdbc.update("""
                insert into piano_riserve (ente_id, comune_id, anno, alloggi_disponibili, percentuale_forze_polizia,
                                           percentuale_polizia_locale, aggiornato_il, aggiornato_da)
                select ?, c.id, ?, 10, 10, 10, now(), 'test' from comune c where c.codice_istat = '012133'
                on conflict (ente_id, comune_id, anno) do update set percentuale_forze_polizia = 10, percentuale_polizia_locale = 10,
                    alloggi_disponibili = 10""", comune, annoCorrente);

        assertThat(assegna(http, graduatoria, domande.get(CARABINIERE), unita.get(0)).status()).isEqualTo(200);
        ClientHttp.Risposta oltreQuota = assegna(http, graduatoria, domande.get(FINANZIERE), unita.get(1));
        assertThat(oltreQuota.status()).isEqualTo(409);
        assertThat(oltreQuota.json().get("detail").asText()).contains("art. 7 bis", "esaurita");
        assertThat(assegna(http, graduatoria, domande.get(VIGILE), unita.get(1)).status()).as("7 ter has its own quota").isEqualTo(200);

        assertThat(jdbc.queryForList("select riserva from assegnazione where domanda_id in (?, ?) order by riserva", String.class,
                domande.get(CARABINIERE), domande.get(VIGILE))).containsExactly("FORZE_POLIZIA", "POLIZIA_LOCALE");
        JsonNode stato = http.get("/api/enti/" + comune + "/riserve/" + annoCorrente + "/stato-assegnazioni", CAPOFILA).json();
        assertThat(stato).extracting(r -> r.get("riserva").asText() + " " + r.get("riservati").asInt() + "/" + r.get("assegnati").asInt())
                .contains("Forze di Polizia, VVF, Forze Armate (art. 7 bis) 1/1", "Polizia Locale (art. 7 ter) 1/1");
    }

    private static ClientHttp.Risposta presenta(ClientHttp http, long avviso, String cf, String corpo, String alloggi) {
        return http.post("/api/avvisi/" + avviso + "/domande", CAPOFILA, "{\"nucleo\":[{\"codiceFiscale\":\"" + cf
                + "\",\"nome\":\"N\",\"cognome\":\"F\",\"dataNascita\":\"19" + cf.substring(6, 8) + "-01-01\",\"relazione\":"
                + "\"RICHIEDENTE\",\"percentualeInvalidita\":0}],\"residenza\":{\"codiceIstatComune\":\"012133\","
                + "\"residenteLombardiaDal\":\"2010-01-01\",\"residenteComuneDal\":\"2015-01-01\"},"
                + "\"isee\":{\"valore\":11000,\"protocolloDsu\":\"INPS-FDP-" + cf + "\",\"dataDsu\":\"2026-01-20\"},\"patrimonio\":0,"
                + "\"condizioni\":{},\"alloggi\":[" + alloggi + "]" + (corpo == null ? "" : ",\"corpoAppartenenza\":\"" + corpo + "\"") + "}");
    }

    private static ClientHttp.Risposta assegna(ClientHttp http, long graduatoria, long domanda, Alloggio alloggio) {
        ClientHttp.Risposta avviata = http.post("/api/graduatorie/" + graduatoria + "/istruttorie", VARESE_ISTRUTTORIA,
                "{\"domandaId\":" + domanda + "}");
        assertThat(avviata.status()).as(avviata.body()).isEqualTo(201);
        return http.post("/api/istruttorie/" + avviata.json().get("id").asLong() + "/verifica", VARESE_ISTRUTTORIA,
                "{\"esito\":\"AMMISSIBILE\",\"alloggioId\":" + alloggio.getId() + ",\"motivoFuoriOrdine\":\"ordine della Prefettura\"}");
    }
}
