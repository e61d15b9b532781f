package it.piattaformacasa.anagrafe.web;

import static it.piattaformacasa.DemoUtenti.*;
import static it.piattaformacasa.anagrafe.FoglioPatrimonio.unFoglio;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.util.HtmlUtils;

import it.piattaformacasa.ClientHttp;
import it.piattaformacasa.IntegrationTest;
import it.piattaformacasa.SessioneConsole;

/**
 * Issue 13 in the console, over HTTP: «Nuovo alloggio», «Modifica», «Ritira», «Nuovo fabbricato», its «Modifica» and
 * «Importa da Excel» with its report, its download and «Importa le righe valide». The refusals are the API's: beside the field (400), the
 * reason of a conflict (409), another ente's stock not there (404), a reading operator refused (403).
 */
@IntegrationTest
class GestioneAnagrafePagineTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    ClientHttp http;
    long varese;
    long malnate;
    String codice;

    @BeforeEach
    void dati() {
        http = new ClientHttp(port);
        varese = jdbc.queryForObject("select id from ente_proprietario where codice_fiscale = ?", Long.class, CF_COMUNE_VARESE);
        malnate = jdbc.queryForObject("select id from ente_proprietario where codice_fiscale = ?", Long.class, CF_COMUNE_MALNATE);
        codice = "CON" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
    }

    private static String testo(ClientHttp.Risposta r) {
        return HtmlUtils.htmlUnescape(r.body());
    }

    private Map<String, String> modulo(String codiceUi, String stato, String superficie) {
        Map<String, String> campi = new LinkedHashMap<>();
        campi.put("ente", Long.toString(varese));
        campi.put("codiceUi", codiceUi);
        campi.put("fabbricato", "");
        campi.put("comune", "012133");
        campi.put("zonaLocalita", "Masnago");
        campi.put("indirizzo", "Via della Console 2");
        campi.put("scala", "");
        campi.put("interno", "7");
        campi.put("piano", "1");
        campi.put("superficieUtile", superficie);
        campi.put("vani", "3");
        campi.put("ascensore", "true");
        campi.put("destinazioneUso", "SERVIZI_ABITATIVI_PUBBLICI");
        campi.put("stato", stato);
        return campi;
    }

    /** The page's words without its markup, one space between them. */
    private static String parole(ClientHttp.Risposta r) {
        return testo(r).replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ");
    }

    private long idDa(ClientHttp.Risposta risposta) {
        String dove = risposta.raw().headers().firstValue("Location").orElseThrow();
        return Long.parseLong(dove.replaceAll(".*/", ""));
    }

    @Test
    void lOperatoreInserisceModificaERitiraUnAlloggioELoStoricoLoRacconta() {
        SessioneConsole capofila = SessioneConsole.di(http, CAPOFILA);
        assertThat(testo(capofila.get("/anagrafe/alloggi"))).contains("Nuovo alloggio", "Importa da Excel");
        ClientHttp.Risposta vuoto = capofila.get("/anagrafe/alloggi/nuovo?ente=" + varese);
        assertThat(vuoto.status()).isEqualTo(200);
        assertThat(testo(vuoto)).contains("Nuovo alloggio", "Codice identificativo dell'unità immobiliare *", "Comune di Varese");

        // wrong data: each reason beside its field and at the top, what was typed kept
        Map<String, String> sbagliato = modulo("con spazi", "LIBERO", "sessanta");
        sbagliato.put("piano", "99");
        ClientHttp.Risposta rifiutato = capofila.post("/anagrafe/alloggi/nuovo", sbagliato);
        assertThat(rifiutato.status()).isEqualTo(400);
        assertThat(testo(rifiutato)).contains("id=\"riepilogo-errori\"", "id=\"codiceUi-errore\"",
                "Codice identificativo dell'unità immobiliare: codice non valido",
                "Superficie utile (m²): scrivere la superficie in m², ad esempio 62,50", "value=\"sessanta\"",
                "aria-describedby=\"codiceUi-errore\"");
        assertThat(jdbc.queryForObject("select count(*) from alloggio where codice_ui = 'con spazi'", Long.class)).isZero();

        ClientHttp.Risposta creato = capofila.post("/anagrafe/alloggi/nuovo", modulo(codice, "SFITTO_CARENZE_MANUTENTIVE", "64,5"));
        assertThat(creato.status()).as(creato.body()).isEqualTo(303);
        long id = idDa(creato);
        String pagina = parole(capofila.get("/anagrafe/alloggi/" + id));
        assertThat(pagina).contains("Alloggio " + codice + " registrato in Anagrafe.", "Storico delle modifiche", "Inserimento",
                "Superficie utile (m²): 64,50", "Stato dell'unità immobiliare: Sfitto per carenze manutentive", " Modifica ",
                "Ritira l'alloggio dall'Anagrafe");

        ClientHttp.Risposta apri = capofila.get("/anagrafe/alloggi/" + id + "/modifica");
        assertThat(apri.status()).isEqualTo(200);
        assertThat(testo(apri)).contains("Modifica l'alloggio " + codice, "name=\"version\" value=\"0\"", "value=\"64,50\"");
        Map<String, String> cambiato = modulo(codice, "LIBERO", "66");
        cambiato.put("version", "0");
        ClientHttp.Risposta salvato = capofila.post("/anagrafe/alloggi/" + id + "/modifica", cambiato);
        assertThat(salvato.status()).as(salvato.body()).isEqualTo(303);
        assertThat(parole(capofila.get("/anagrafe/alloggi/" + id))).contains("Modifiche all'alloggio " + codice + " salvate.",
                "Stato dell'unità immobiliare: Sfitto per carenze manutentive → Libero", "Superficie utile (m²): 64,50 → 66,00",
                " capofila Modifica ");
        // the same version again: someone changed it meanwhile
        cambiato.put("stato", "OCCUPATO");
        ClientHttp.Risposta tardivo = capofila.post("/anagrafe/alloggi/" + id + "/modifica", cambiato);
        assertThat(tardivo.status()).isEqualTo(409);
        assertThat(testo(tardivo)).contains("id=\"rifiuto\"", "modificato da un altro operatore", "value=\"66\"");

        ClientHttp.Risposta senzaMotivo = capofila.post("/anagrafe/alloggi/" + id + "/ritiro", Map.of("version", "1", "motivo", " "));
        assertThat(senzaMotivo.status()).isEqualTo(400);
        assertThat(testo(senzaMotivo)).contains("Motivo del ritiro: il motivo del ritiro è obbligatorio");
        ClientHttp.Risposta ritirato = capofila.post("/anagrafe/alloggi/" + id + "/ritiro", Map.of("version", "1", "motivo", "Venduto all'asta"));
        assertThat(ritirato.status()).isEqualTo(303);
        String dopo = testo(capofila.get("/anagrafe/alloggi/" + id));
        assertThat(dopo).contains("Alloggio " + codice + " ritirato dall'Anagrafe.", "Ritirato dall'Anagrafe il", "Venduto all'asta", "Ritiro")
                .doesNotContain("id=\"modulo-ritiro\"", "id=\"modifica\"");
        assertThat(jdbc.queryForObject("select count(*) from anagrafe_registro where alloggio_id = ?", Long.class, id)).isEqualTo(3);
    }

    @Test
    void unAltroEnteNonTrovaLAlloggioEChiLeggeSoltantoNonVedeIModuli() {
        SessioneConsole capofila = SessioneConsole.di(http, CAPOFILA);
        long id = idDa(capofila.post("/anagrafe/alloggi/nuovo", modulo(codice, "LIBERO", "50")));
        Map<String, String> cambiato = modulo(codice, "OCCUPATO", "50");
        cambiato.put("version", "0");
        assertThat(SessioneConsole.di(http, MALNATE).post("/anagrafe/alloggi/" + id + "/modifica", cambiato).status()).isEqualTo(404);
        assertThat(SessioneConsole.di(http, MALNATE).post("/anagrafe/alloggi/" + id + "/ritiro", Map.of("version", "0", "motivo", "x"))
                .status()).isEqualTo(404);
        SessioneConsole istruttoria = SessioneConsole.di(http, VARESE_ISTRUTTORIA);
        assertThat(istruttoria.post("/anagrafe/alloggi/" + id + "/modifica", cambiato).status()).isEqualTo(403);
        assertThat(istruttoria.post("/anagrafe/alloggi/" + id + "/ritiro", Map.of("version", "0", "motivo", "x")).status()).isEqualTo(403);
        assertThat(istruttoria.post("/anagrafe/alloggi/nuovo", modulo(codice + "B", "LIBERO", "50")).status()).isEqualTo(403);
        assertThat(testo(istruttoria.get("/anagrafe/alloggi/" + id))).doesNotContain("id=\"modifica\"", "id=\"modulo-ritiro\"");
        assertThat(testo(istruttoria.get("/anagrafe/importazione"))).contains("Solo gli operatori dell'ente abilitati alla Gestione Avviso")
                .doesNotContain("id=\"modulo-importazione\"");
        assertThat(jdbc.queryForObject("select stato from alloggio where id = ?", String.class, id)).isEqualTo("LIBERO");
    }

    @Test
    void unNuovoFabbricatoSiSceglieNelModuloDellAlloggio() {
        SessioneConsole capofila = SessioneConsole.di(http, CAPOFILA);
        Map<String, String> campi = new LinkedHashMap<>(Map.of("ente", Long.toString(varese), "codice", codice + "-F", "comune", "012133",
                "indirizzo", "Piazza della Console 1", "zonaLocalita", "Centro", "annoCostruzione", "1890", "numeroPiani", "4"));
        ClientHttp.Risposta sbagliato = capofila.post("/anagrafe/fabbricati/nuovo", Map.of("ente", Long.toString(varese), "codice", "",
                "comune", "", "indirizzo", "", "annoCostruzione", "milleottocento"));
        assertThat(sbagliato.status()).isEqualTo(400);
        assertThat(testo(sbagliato)).contains("Anno di costruzione: scrivere un numero intero");
        ClientHttp.Risposta creato = capofila.post("/anagrafe/fabbricati/nuovo", campi);
        assertThat(creato.status()).as(creato.body()).isEqualTo(303);
        assertThat(testo(capofila.get(creato.raw().headers().firstValue("Location").orElseThrow().replaceAll("^https?://[^/]+", ""))))
                .contains(codice + "-F – Piazza della Console 1, Varese");
        assertThat(capofila.post("/anagrafe/fabbricati/nuovo", campi).status()).isEqualTo(409);
    }

    /** A fabbricato of the Comune di Varese in Varese, with one alloggio in it, through the API; its id. */
    private long fabbricatoConUnAlloggio(String codiceFabbricato) {
        ClientHttp.Risposta creato = http.post("/api/fabbricati", CAPOFILA, """
                {"enteId":%d,"codice":"%s","codiceIstatComune":"012133","indirizzo":"Via dei Fabbricati 9","zonaLocalita":"Giubiano",
                 "annoCostruzione":1975,"numeroPiani":4,"ascensore":false}""".formatted(varese, codiceFabbricato));
        assertThat(creato.status()).as(creato.body()).isEqualTo(201);
        long fabbricato = creato.json().get("id").asLong();
        ClientHttp.Risposta alloggio = http.post("/api/alloggi", CAPOFILA, """
                {"enteId":%d,"codiceUi":"%s-1","fabbricatoId":%d,"codiceIstatComune":"012133","indirizzo":"Via dei Fabbricati 9",
                 "piano":1,"superficieUtile":55,"vani":3,"stato":"LIBERO"}""".formatted(varese, codiceFabbricato, fabbricato));
        assertThat(alloggio.status()).as(alloggio.body()).isEqualTo(201);
        return fabbricato;
    }

    private Map<String, String> moduloFabbricato(String comune, String indirizzo, String piani, String version) {
        Map<String, String> campi = new LinkedHashMap<>();
        campi.put("ente", Long.toString(varese));
        campi.put("codice", "ALTRO-CODICE");
        campi.put("comune", comune);
        campi.put("indirizzo", indirizzo);
        campi.put("zonaLocalita", "Giubiano");
        campi.put("annoCostruzione", "1975");
        campi.put("numeroPiani", piani);
        campi.put("ascensore", "true");
        campi.put("version", version);
        return campi;
    }

    private Map<String, Object> fabbricatoNelDatabase(long id) {
        return jdbc.queryForMap("""
                select f.indirizzo, f.numero_piani, f.ascensore, f.version, c.codice_istat, f.codice,
                       (select count(*) from anagrafe_registro r where r.fabbricato_id = f.id) as voci
                  from fabbricato f join comune c on c.id = f.comune_id where f.id = ?""", id);
    }

    @Test
    void lOperatoreModificaUnFabbricatoDellEnteELoStoricoLoRacconta() {
        String codiceFabbricato = codice + "-F";
        long id = fabbricatoConUnAlloggio(codiceFabbricato);
        long alloggio = jdbc.queryForObject("select id from alloggio where codice_ui = ?", Long.class, codiceFabbricato + "-1");
        SessioneConsole capofila = SessioneConsole.di(http, CAPOFILA);
        // reached from its alloggio (and from the list of fabbricati, on the rows of the enti one keeps)
        assertThat(testo(capofila.get("/anagrafe/alloggi/" + alloggio))).contains("id=\"modifica-fabbricato\"",
                "href=\"/anagrafe/fabbricati/" + id + "/modifica\"", "Modifica il fabbricato " + codiceFabbricato);
        assertThat(testo(capofila.get("/anagrafe/fabbricati"))).contains("class=\"modifica-fabbricato\"", "Azioni");
        ClientHttp.Risposta apri = capofila.get("/anagrafe/fabbricati/" + id + "/modifica");
        assertThat(apri.status()).isEqualTo(200);
        assertThat(testo(apri)).contains("Modifica il fabbricato " + codiceFabbricato, "name=\"version\" value=\"0\"",
                "Ente proprietario: Comune di Varese", "value=\"Via dei Fabbricati 9\"", "readonly", "Storico delle modifiche",
                "Modifiche del fabbricato, la più recente per prima");

        // wrong data: each reason beside its field and at the top, what was typed kept, nothing written
        ClientHttp.Risposta sbagliato = capofila.post("/anagrafe/fabbricati/" + id + "/modifica",
                moduloFabbricato("012133", " ", "cinque", "0"));
        assertThat(sbagliato.status()).isEqualTo(400);
        assertThat(testo(sbagliato)).contains("id=\"riepilogo-errori\"", "id=\"numeroPiani-errore\"",
                "Numero di piani: scrivere un numero intero", "Indirizzo: l'indirizzo è obbligatorio", "value=\"cinque\"",
                "aria-describedby=\"numeroPiani-errore\"", "href=\"#numeroPiani\"");
        // another comune while its alloggio stays in Varese: refused beside the comune
        ClientHttp.Risposta altroComune = capofila.post("/anagrafe/fabbricati/" + id + "/modifica",
                moduloFabbricato("012096", "Via dei Fabbricati 9", "4", "0"));
        assertThat(altroComune.status()).isEqualTo(400);
        assertThat(testo(altroComune)).contains("id=\"comune-errore\"",
                "Comune: il fabbricato ha 1 alloggio in Anagrafe nel comune di Varese: il comune cambia solo per un fabbricato senza alloggi");
        assertThat(fabbricatoNelDatabase(id)).containsEntry("indirizzo", "Via dei Fabbricati 9").containsEntry("numero_piani", 4)
                .containsEntry("codice_istat", "012133").containsEntry("version", 0L).containsEntry("voci", 1L);

        ClientHttp.Risposta salvato = capofila.post("/anagrafe/fabbricati/" + id + "/modifica",
                moduloFabbricato("012133", "Via dei Fabbricati 11", "6", "0"));
        assertThat(salvato.status()).as(salvato.body()).isEqualTo(303);
        assertThat(salvato.raw().headers().firstValue("Location").orElseThrow()).endsWith("/anagrafe/fabbricati?ente=" + varese);
        assertThat(parole(capofila.get("/anagrafe/fabbricati?ente=" + varese))).contains("Modifiche al fabbricato " + codiceFabbricato
                + " salvate.");
        // the code does not change, whatever the form sent; the change is in the register with who made it
        assertThat(fabbricatoNelDatabase(id)).containsEntry("codice", codiceFabbricato).containsEntry("indirizzo", "Via dei Fabbricati 11")
                .containsEntry("numero_piani", 6).containsEntry("ascensore", true).containsEntry("version", 1L).containsEntry("voci", 2L);
        assertThat(jdbc.queryForObject("select operatore from anagrafe_registro where fabbricato_id = ? and azione = 'MODIFICA'",
                String.class, id)).isEqualTo(CAPOFILA);
        ClientHttp.Risposta riaperto = capofila.get("/anagrafe/fabbricati/" + id + "/modifica");
        assertThat(testo(riaperto)).contains("name=\"version\" value=\"1\"");
        // a change made in the console, not from an imported file
        assertThat(parole(riaperto)).contains(" capofila Modifica Ascensore: No → Sì",
                "Indirizzo: Via dei Fabbricati 9 → Via dei Fabbricati 11", "Numero di piani: 4 → 6")
                .doesNotContain("dal file dell'importazione");

        // the version read before that change: someone changed it meanwhile, nothing written
        ClientHttp.Risposta tardivo = capofila.post("/anagrafe/fabbricati/" + id + "/modifica",
                moduloFabbricato("012133", "Via dei Fabbricati 13", "6", "0"));
        assertThat(tardivo.status()).isEqualTo(409);
        assertThat(testo(tardivo)).contains("id=\"rifiuto\"", "modificato da un altro operatore", "value=\"Via dei Fabbricati 13\"");
        assertThat(fabbricatoNelDatabase(id)).containsEntry("indirizzo", "Via dei Fabbricati 11").containsEntry("voci", 2L);
    }

    @Test
    void unAltroEnteNonTrovaIlFabbricatoEChiLeggeSoltantoNonLoModifica() {
        long id = fabbricatoConUnAlloggio(codice + "-G");
        long alloggio = jdbc.queryForObject("select id from alloggio where codice_ui = ?", Long.class, codice + "-G-1");
        Map<String, String> cambiato = moduloFabbricato("012133", "Via di Nessuno 1", "4", "0");
        SessioneConsole malnate = SessioneConsole.di(http, MALNATE);
        assertThat(malnate.get("/anagrafe/fabbricati/" + id + "/modifica").status()).isEqualTo(404);
        assertThat(malnate.post("/anagrafe/fabbricati/" + id + "/modifica", cambiato).status()).isEqualTo(404);
        SessioneConsole istruttoria = SessioneConsole.di(http, VARESE_ISTRUTTORIA);
        assertThat(istruttoria.get("/anagrafe/fabbricati/" + id + "/modifica").status()).isEqualTo(403);
        assertThat(istruttoria.post("/anagrafe/fabbricati/" + id + "/modifica", cambiato).status()).isEqualTo(403);
        assertThat(SessioneConsole.di(http, SUPERVISORE).post("/anagrafe/fabbricati/" + id + "/modifica", cambiato).status())
                .isEqualTo(403);
        assertThat(testo(istruttoria.get("/anagrafe/alloggi/" + alloggio))).doesNotContain("id=\"modifica-fabbricato\"");
        assertThat(testo(istruttoria.get("/anagrafe/fabbricati"))).doesNotContain("modifica-fabbricato");
        assertThat(SessioneConsole.di(http, CAPOFILA).get("/anagrafe/fabbricati/999999999/modifica").status()).isEqualTo(404);
        assertThat(fabbricatoNelDatabase(id)).containsEntry("indirizzo", "Via dei Fabbricati 9").containsEntry("voci", 1L);

        // a retired fabbricato is not changed: its page says why
        ClientHttp.Risposta vuoto = http.post("/api/fabbricati", CAPOFILA, """
                {"enteId":%d,"codice":"%s-R","codiceIstatComune":"012133","indirizzo":"Via Demolita 1"}""".formatted(varese, codice));
        long ritirato = vuoto.json().get("id").asLong();
        assertThat(http.post("/api/fabbricati/" + ritirato + "/ritiro", CAPOFILA, "{\"version\":0}").status()).isEqualTo(200);
        ClientHttp.Risposta chiuso = SessioneConsole.di(http, CAPOFILA).get("/anagrafe/fabbricati/" + ritirato + "/modifica");
        assertThat(chiuso.status()).isEqualTo(409);
        assertThat(testo(chiuso)).contains("è stato ritirato e non si modifica");
    }

    @Test
    void unFileConErroriMostraIlResocontoSiScaricaEPoiSiImportanoLeRigheValide() {
        SessioneConsole operatore = SessioneConsole.di(http, MALNATE);
        assertThat(testo(operatore.get("/anagrafe/importazione"))).contains("Importa il patrimonio da Excel", "Verifica e importa",
                "Codice Identificativo dell'Unità Immobiliare *");
        byte[] file = unFoglio().alloggio(codice + "-1", "", "LIBERO").alloggio(codice + "-2", "", "OCCUPATO ABUSIVO").xlsx();
        ClientHttp.Risposta caricato = operatore.postConFile("/anagrafe/importazione", Map.of("ente", Long.toString(malnate)), "file",
                "patrimonio.xlsx", file);
        assertThat(caricato.status()).as(caricato.body()).isEqualTo(303);
        long id = idDa(caricato);
        String resoconto = testo(operatore.get("/anagrafe/importazione/" + id));
        assertThat(resoconto).contains("Importazione n. " + id, "Nulla è stato importato: 1 righe su 2 sono rifiutate",
                "OCCUPATO ABUSIVO", "stato sconosciuto", "Importa le righe valide", "patrimonio.xlsx");
        assertThat(jdbc.queryForObject("select count(*) from alloggio where codice_ui like ?", Long.class, codice + "%")).isZero();
        HttpResponse<byte[]> csv = operatore.scarica("/anagrafe/importazione/" + id + "/scarti?formato=csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(new String(csv.body(), java.nio.charset.StandardCharsets.UTF_8).lines().toList())
                .containsExactly("Riga;Colonna;Valore;Motivo", "4;Stato;OCCUPATO ABUSIVO;stato sconosciuto: ammessi LIBERO, OCCUPATO,"
                        + " OCCUPATO SENZA TITOLO, SFITTO PER CARENZE MANUTENTIVE, SFITTO PER RISTRUTTURAZIONE");
        assertThat(SessioneConsole.di(http, CAPOFILA).get("/anagrafe/importazione/" + id).status()).isEqualTo(404);

        ClientHttp.Risposta valide = operatore.post("/anagrafe/importazione/" + id + "/righe-valide", Map.of());
        assertThat(valide.status()).isEqualTo(303);
        long seconda = idDa(valide);
        assertThat(testo(operatore.get("/anagrafe/importazione/" + seconda))).contains("Sono state importate le righe valide: 1 alloggi nuovi");
        assertThat(jdbc.queryForObject("select count(*) from alloggio where codice_ui like ?", Long.class, codice + "%")).isEqualTo(1);
        // the first file cannot be imported twice
        assertThat(operatore.post("/anagrafe/importazione/" + id + "/righe-valide", Map.of()).status()).isEqualTo(409);

        ClientHttp.Risposta nonExcel = operatore.postConFile("/anagrafe/importazione", Map.of("ente", Long.toString(malnate)), "file",
                "patrimonio.pdf", "%PDF-1.4 non un foglio".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(nonExcel.status()).isEqualTo(400);
        assertThat(testo(nonExcel)).contains("File Excel (.xlsx): il file non è un foglio Excel", "aria-invalid=\"true\"");
    }
}
