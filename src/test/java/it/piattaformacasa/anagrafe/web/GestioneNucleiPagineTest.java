package it.piattaformacasa.anagrafe.web;

import static it.piattaformacasa.DemoUtenti.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.util.HtmlUtils;

import it.piattaformacasa.ClientHttp;
import it.piattaformacasa.IntegrationTest;
import it.piattaformacasa.SessioneConsole;
import it.piattaformacasa.common.CodiceFiscale;

/**
 * Issue 13 in the console, over HTTP: from the alloggio's page «Registra il nucleo assegnatario», «Modifica il nucleo»,
 * «Termina l'assegnazione». Refusals beside their field and summarised (400), nothing written; a stale version is a 409
 * with the reason; another ente's alloggio is 404, a reading operator 403; the «Storico delle modifiche» words each step.
 */
@IntegrationTest
class GestioneNucleiPagineTest {

    private static final AtomicLong PROGRESSIVO = new AtomicLong(System.nanoTime() % 1_000_000_000L + 7_777);

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    ClientHttp http;
    long varese;
    String codice;

    @BeforeEach
    void dati() {
        http = new ClientHttp(port);
        varese = jdbc.queryForObject("select id from ente_proprietario where codice_fiscale = ?", Long.class, CF_COMUNE_VARESE);
        codice = "CNU" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
    }

    static String cf() {
        long n = PROGRESSIVO.incrementAndGet();
        StringBuilder lettere = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            lettere.append((char) ('A' + n % 26));
            n /= 26;
        }
        return CodiceFiscale.conControllo(lettere + "75B12F205");
    }

    private static String testo(ClientHttp.Risposta r) {
        return HtmlUtils.htmlUnescape(r.body());
    }

    private static String parole(ClientHttp.Risposta r) {
        return testo(r).replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ");
    }

    private long occupato(SessioneConsole sessione) {
        Map<String, String> campi = new LinkedHashMap<>();
        campi.put("ente", Long.toString(varese));
        campi.put("codiceUi", codice);
        campi.put("comune", "012133");
        campi.put("indirizzo", "Via dei Nuclei 4");
        campi.put("piano", "2");
        campi.put("superficieUtile", "58");
        campi.put("vani", "3");
        campi.put("destinazioneUso", "SERVIZI_ABITATIVI_PUBBLICI");
        campi.put("stato", "OCCUPATO");
        ClientHttp.Risposta creato = sessione.post("/anagrafe/alloggi/nuovo", campi);
        assertThat(creato.status()).as(creato.body()).isEqualTo(303);
        return Long.parseLong(creato.raw().headers().firstValue("Location").orElseThrow().replaceAll(".*/", ""));
    }

    private static void riga(Map<String, String> modulo, int i, String cf, String nome, String cognome, String nascita, String relazione) {
        modulo.put("codiceFiscale" + i, cf);
        modulo.put("nome" + i, nome);
        modulo.put("cognome" + i, cognome);
        modulo.put("dataNascita" + i, nascita);
        modulo.put("relazione" + i, relazione);
    }

    private long nucleoAttuale(long alloggio) {
        return jdbc.queryForObject("select id from nucleo_familiare where alloggio_id = ? and terminato_il is null"
                + " and sostituito_da_id is null", Long.class, alloggio);
    }

    @Test
    void lOperatoreRegistraModificaETerminaIlNucleoDallaPaginaDellAlloggio() {
        SessioneConsole capofila = SessioneConsole.di(http, CAPOFILA);
        long id = occupato(capofila);
        String pagina = testo(capofila.get("/anagrafe/alloggi/" + id));
        assertThat(pagina).contains("Registra il nucleo assegnatario", "/anagrafe/alloggi/" + id + "/nucleo/nuovo");

        ClientHttp.Risposta vuoto = capofila.get("/anagrafe/alloggi/" + id + "/nucleo/nuovo");
        assertThat(vuoto.status()).isEqualTo(200);
        assertThat(testo(vuoto)).contains("Registra il nucleo assegnatario dell'alloggio " + codice, "name=\"righe\" value=\"4\"",
                "Componente 1", "Componente 4", "gg/mm/aaaa", "<option value=\"RICHIEDENTE\" selected=\"selected\">Intestatario</option>");

        // wrong rows: each reason beside its field and at the top, what was typed kept, nothing written
        String mario = cf();
        String anna = cf();
        String sbagliato = mario.substring(0, 15) + (mario.charAt(15) == 'A' ? 'B' : 'A');
        Map<String, String> modulo = new LinkedHashMap<>();
        modulo.put("version", "0");
        modulo.put("righe", "4");
        riga(modulo, 0, sbagliato, "Mario", "Bianchi", "31/02/1961", "RICHIEDENTE");
        riga(modulo, 1, "", "", "", "", "");
        riga(modulo, 2, anna, "Anna", "", "10/02/1964", "RICHIEDENTE");
        riga(modulo, 3, "", "", "", "", "");
        long nucleiPrima = jdbc.queryForObject("select count(*) from nucleo_familiare", Long.class);
        ClientHttp.Risposta rifiutato = capofila.post("/anagrafe/alloggi/" + id + "/nucleo/nuovo", modulo);
        assertThat(rifiutato.status()).isEqualTo(400);
        assertThat(testo(rifiutato)).contains("id=\"riepilogo-errori\"", "href=\"#dataNascita0\"", "id=\"dataNascita0-errore\"",
                "Componente 1, data di nascita: scrivere la data come gg/mm/aaaa", "aria-describedby=\"dataNascita0-errore\"",
                "value=\"31/02/1961\"");
        modulo.put("dataNascita0", "03/05/1961");
        rifiutato = capofila.post("/anagrafe/alloggi/" + id + "/nucleo/nuovo", modulo);
        assertThat(rifiutato.status()).isEqualTo(400);
        // the service's index 1 is the form's third row: the error lands there
        assertThat(testo(rifiutato)).contains("Componente 1, codice fiscale: codice fiscale di persona fisica non valido",
                "id=\"cognome2-errore\"", "Componente 3, cognome: obbligatorio",
                "Componenti del nucleo: un solo componente è l'intestatario (RICHIEDENTE), qui sono 2", "href=\"#componenti\"");
        assertThat(jdbc.queryForObject("select count(*) from nucleo_familiare", Long.class)).isEqualTo(nucleiPrima);

        riga(modulo, 0, mario, "Mario", "Bianchi", "03/05/1961", "RICHIEDENTE");
        riga(modulo, 2, anna, "Anna", "Verdi", "10/02/1964", "CONIUGE");
        ClientHttp.Risposta registrato = capofila.post("/anagrafe/alloggi/" + id + "/nucleo/nuovo", modulo);
        assertThat(registrato.status()).as(registrato.body()).isEqualTo(303);
        long nucleo = nucleoAttuale(id);
        String dopo = parole(capofila.get("/anagrafe/alloggi/" + id));
        assertThat(dopo).contains("Nucleo assegnatario dell'alloggio " + codice + " registrato.", "Mario Bianchi", mario, "03/05/1961",
                "Intestatario", "Coniuge", "Modifica il nucleo", "Termina l'assegnazione",
                "Nucleo assegnatario: vuoto → nucleo n. " + nucleo,
                "Componenti del nucleo: vuoto → Mario Bianchi (" + mario + ", nato/a il 03/05/1961, intestatario); Anna Verdi (" + anna
                        + ", nato/a il 10/02/1964, coniuge)");
        assertThat(testo(capofila.get("/anagrafe/alloggi/" + id))).doesNotContain("/nucleo/nuovo");

        // «Modifica il nucleo»: Anna leaves, Luca is added
        ClientHttp.Risposta apri = capofila.get("/anagrafe/nuclei/" + nucleo + "/modifica");
        assertThat(apri.status()).isEqualTo(200);
        assertThat(testo(apri)).contains("Modifica il nucleo assegnatario dell'alloggio " + codice, "value=\"" + mario + "\"",
                "value=\"03/05/1961\"", "Togli dal nucleo", "name=\"righe\" value=\"5\"");
        String luca = cf();
        Map<String, String> cambio = new LinkedHashMap<>();
        cambio.put("version", "0");
        cambio.put("righe", "5");
        riga(cambio, 0, mario, "Mario", "Bianchi", "03/05/1961", "RICHIEDENTE");
        riga(cambio, 1, anna, "Anna", "Verdi", "10/02/1964", "CONIUGE");
        cambio.put("rimuovi1", "true");
        riga(cambio, 2, luca, "Luca", "Bianchi", "01/07/2020", "FIGLIO");
        ClientHttp.Risposta salvato = capofila.post("/anagrafe/nuclei/" + nucleo + "/modifica", cambio);
        assertThat(salvato.status()).as(salvato.body()).isEqualTo(303);
        assertThat(jdbc.queryForList("select nome from componente where nucleo_id = ? order by nome", String.class, nucleo))
                .containsExactly("Luca", "Mario");
        assertThat(parole(capofila.get("/anagrafe/alloggi/" + id))).contains("Nucleo assegnatario dell'alloggio " + codice + " modificato.",
                "Luca Bianchi", "Figlio/a");
        // the same version again: changed meanwhile
        ClientHttp.Risposta tardivo = capofila.post("/anagrafe/nuclei/" + nucleo + "/modifica", cambio);
        assertThat(tardivo.status()).isEqualTo(409);
        assertThat(testo(tardivo)).contains("id=\"rifiuto\"", "modificato da un altro operatore");

        // «Termina l'assegnazione»: refusals first
        ClientHttp.Risposta termine = capofila.get("/anagrafe/nuclei/" + nucleo + "/termine");
        assertThat(termine.status()).isEqualTo(200);
        assertThat(testo(termine)).contains("Termina l'assegnazione dell'alloggio " + codice, "Intestatario: Mario Bianchi; componenti: 2.",
                "Sfitto per carenze manutentive", "name=\"version\" value=\"1\"");
        Map<String, String> fine = new LinkedHashMap<>();
        fine.put("version", "1");
        fine.put("data", "2026-13-45");
        fine.put("motivo", "");
        fine.put("statoAlloggio", "LIBERO");
        ClientHttp.Risposta fineRifiutata = capofila.post("/anagrafe/nuclei/" + nucleo + "/termine", fine);
        assertThat(fineRifiutata.status()).isEqualTo(400);
        assertThat(testo(fineRifiutata)).contains("Data del termine: scrivere la data come gg/mm/aaaa",
                "Motivo del termine: il motivo del termine è obbligatorio", "aria-describedby=\"motivo-errore\"");
        fine.put("data", it.piattaformacasa.common.ItalianFormats.data(LocalDate.now(ZoneId.of("Europe/Rome")).plusDays(2)));
        fine.put("motivo", "Trasferimento");
        fineRifiutata = capofila.post("/anagrafe/nuclei/" + nucleo + "/termine", fine);
        assertThat(fineRifiutata.status()).isEqualTo(400);
        assertThat(testo(fineRifiutata)).contains("Data del termine: la data del termine non può essere futura");
        assertThat(jdbc.queryForObject("select terminato_il is null from nucleo_familiare where id = ?", Boolean.class, nucleo)).isTrue();

        fine.put("data", "30/11/2025");
        fine.put("statoAlloggio", "SFITTO_RISTRUTTURAZIONE");
        ClientHttp.Risposta terminato = capofila.post("/anagrafe/nuclei/" + nucleo + "/termine", fine);
        assertThat(terminato.status()).as(terminato.body()).isEqualTo(303);
        String storico = parole(capofila.get("/anagrafe/alloggi/" + id));
        assertThat(storico).contains("Assegnazione dell'alloggio " + codice + " terminata: il nucleo resta nello storico.",
                "Nuclei che hanno lasciato l'alloggio", "Intestatario Mario Bianchi, 2 componenti: assegnazione terminata il 30/11/2025 – Trasferimento",
                "Fine dell'assegnazione: vuoto → 30/11/2025", "Nucleo assegnatario: nucleo n. " + nucleo + " → vuoto",
                "Stato dell'unità immobiliare: Occupato → Sfitto per ristrutturazione",
                "L'alloggio non è occupato: nessun nucleo assegnatario.");
        assertThat(storico).doesNotContain("Termina l'assegnazione ");
        assertThat(capofila.get("/anagrafe/nuclei/" + nucleo + "/modifica").status()).isEqualTo(409);
        // the list of current tenants no longer has it
        assertThat(testo(capofila.get("/anagrafe/nuclei?cerca=" + mario))).doesNotContain(codice);
        // unless the filter asks for the households that left
        ClientHttp.Risposta cessati = capofila.get("/anagrafe/nuclei?cessati=true&cerca=" + mario);
        assertThat(parole(cessati)).contains(codice, "Mario Bianchi", "Fine dell'assegnazione", "30/11/2025 Trasferimento");
        assertThat(testo(cessati)).contains("<option value=\"true\" selected=\"selected\">Che hanno lasciato l'alloggio</option>",
                "/anagrafe/nuclei/esportazione?cerca=" + mario + "&cessati=true&formato=csv");
        assertThat(testo(capofila.get("/anagrafe/nuclei/esportazione?cessati=true&formato=csv&cerca=" + mario)))
                .contains(codice, "30/11/2025", "Trasferimento", "Fine dell'assegnazione");
    }

    @Test
    void unAltroEnteNonTrovaIlModuloEChiLeggeSoltantoERifiutato() {
        SessioneConsole capofila = SessioneConsole.di(http, CAPOFILA);
        long id = occupato(capofila);
        Map<String, String> modulo = new LinkedHashMap<>();
        modulo.put("version", "0");
        modulo.put("righe", "1");
        riga(modulo, 0, cf(), "Rita", "Neri", "01/01/1970", "RICHIEDENTE");
        SessioneConsole malnate = SessioneConsole.di(http, MALNATE);
        SessioneConsole lettore = SessioneConsole.di(http, VARESE_ISTRUTTORIA);
        assertThat(malnate.get("/anagrafe/alloggi/" + id + "/nucleo/nuovo").status()).isEqualTo(404);
        assertThat(malnate.post("/anagrafe/alloggi/" + id + "/nucleo/nuovo", modulo).status()).isEqualTo(404);
        assertThat(lettore.get("/anagrafe/alloggi/" + id + "/nucleo/nuovo").status()).isEqualTo(403);
        assertThat(lettore.post("/anagrafe/alloggi/" + id + "/nucleo/nuovo", modulo).status()).isEqualTo(403);
        assertThat(testo(lettore.get("/anagrafe/alloggi/" + id))).doesNotContain("/nucleo/nuovo");
        assertThat(capofila.post("/anagrafe/alloggi/" + id + "/nucleo/nuovo", modulo).status()).isEqualTo(303);
        long nucleo = nucleoAttuale(id);
        assertThat(testo(lettore.get("/anagrafe/alloggi/" + id))).contains("Rita Neri").doesNotContain("/anagrafe/nuclei/" + nucleo);
        for (String percorso : new String[] {"/anagrafe/nuclei/" + nucleo + "/modifica", "/anagrafe/nuclei/" + nucleo + "/termine"}) {
            assertThat(malnate.get(percorso).status()).isEqualTo(404);
            assertThat(lettore.get(percorso).status()).isEqualTo(403);
            assertThat(malnate.post(percorso, modulo).status()).isEqualTo(404);
            assertThat(lettore.post(percorso, modulo).status()).isEqualTo(403);
        }
        assertThat(jdbc.queryForObject("select count(*) from anagrafe_registro where alloggio_id = ?", Integer.class, id)).isEqualTo(2);
    }
}
