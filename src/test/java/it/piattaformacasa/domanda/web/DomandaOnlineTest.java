package it.piattaformacasa.domanda.web;

import static it.piattaformacasa.DemoUtenti.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import it.piattaformacasa.ClientHttp;
import it.piattaformacasa.IntegrationTest;
import it.piattaformacasa.ScenarioAvviso;
import it.piattaformacasa.SessioneConsole;
import it.piattaformacasa.anagrafe.AlloggioRepository;
import it.piattaformacasa.avviso.process.AvvisoBpmn;
import it.piattaformacasa.common.CodiceFiscale;
import it.piattaformacasa.operatori.ModelloDiProva;
import it.piattaformacasa.operatori.Operatore;
import it.piattaformacasa.operatori.OperatoriService;

/**
 * Issue 16, the citizen's domanda online: the open avvisi and their alloggi with the reasons of art. 9, each step's
 * 400 with the API's messages, the draft kept by the identity's codice fiscale across logins, the pre-check's reasons,
 * the presentation with the identity's codice fiscale whatever the form says, the 409 on a second domanda, the ricevuta
 * read back from the PDF, and another citizen who can open neither the ricevuta nor the draft. Every citizen here is the
 * test's own (a person with no abilitazione and a fresh codice fiscale): the demo citizens may have domande elsewhere.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public class DomandaOnlineTest {

    @LocalServerPort
    int port;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;
    @Autowired
    AlloggioRepository alloggi;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    OperatoriService operatori;

    ClientHttp http;
    long avviso;
    long inVarese;
    long aMalnate;
    String codiceVarese;
    String codiceMalnate;
    String titolo;

    @BeforeAll
    void unAvvisoAperto() {
        http = new ClientHttp(port);
        String suffisso = Long.toString(System.nanoTime() % 100000);
        codiceVarese = "ONL-V" + suffisso;
        codiceMalnate = "ONL-M" + suffisso;
        inVarese = alloggio(codiceVarese, CF_COMUNE_VARESE, "012133", "Via della Domanda Online 1", 62);
        aMalnate = alloggio(codiceMalnate, CF_COMUNE_MALNATE, "012096", "Via Gasparotto 90", 55);
        titolo = "SAP online – d’Italia " + suffisso;
        avviso = new ScenarioAvviso(http, runtimeService, managementService, alloggi).conTitolo(titolo)
                .aperto(List.of(alloggi.findById(inVarese).orElseThrow(), alloggi.findById(aMalnate).orElseThrow()),
                        List.of(CAPOFILA, MALNATE));
    }

    @AfterAll
    void chiudi() {
        runtimeService.createProcessInstanceQuery().processDefinitionKey(AvvisoBpmn.PROCESS_ID)
                .processInstanceBusinessKey(Long.toString(avviso)).list()
                .forEach(i -> runtimeService.deleteProcessInstance(i.getId(), "fine del test"));
    }

    private long alloggio(String codice, String ente, String comune, String indirizzo, int superficie) {
        return nuovoAlloggio(jdbc, codice, ente, comune, indirizzo, superficie);
    }

    /** A free alloggio of the test's own in the Anagrafe, 2nd floor, 3 vani, with a lift. */
    public static long nuovoAlloggio(JdbcTemplate jdbc, String codice, String ente, String comune, String indirizzo, int superficie) {
        return jdbc.queryForObject("""
                insert into alloggio (codice_ui, ente_id, comune_id, indirizzo, piano, superficie_utile, vani, ascensore,
                                      barriere_architettoniche, stato)
                select ?, e.id, c.id, ?, 2, ?, 3, true, false, 'LIBERO'
                  from ente_proprietario e, comune c where e.codice_fiscale = ? and c.codice_istat = ?
                returning id""", Long.class, codice, indirizzo, superficie, ente, comune);
    }

    /** A citizen of the test's own: no abilitazione, a fresh codice fiscale, the demo password. */
    public static Operatore nuovoCittadino(OperatoriService operatori) {
        String cf = ModelloDiProva.nuovoCodiceFiscale();
        Operatore o = new Operatore("cittadino.prova." + cf.toLowerCase(Locale.ROOT), CodiceFiscale.of(cf), "Nicolò", "D'Amico",
                "cittadino.prova@example.it", null);
        operatori.registra(List.of(o));
        operatori.impostaPassword(o.getUsername(), PASSWORD);
        return operatori.operatore(o.getUsername());
    }

    private String base() {
        return "/cittadino/avvisi/" + avviso + "/domanda";
    }

    private static Map<String, String> campi(String... coppie) {
        Map<String, String> campi = new LinkedHashMap<>();
        for (int i = 0; i < coppie.length; i += 2) {
            campi.put(coppie[i], coppie[i + 1]);
        }
        return campi;
    }

    /** Steps 1–5 filled in correctly (step 1 with {@code cfNelModulo} posted as the richiedente's code, if not null). */
    private void compila(SessioneConsole s, String cfNelModulo, String isee) {
        Map<String, String> uno = campi("r.nome", "Nicolò", "r.cognome", "D'Amico", "r.dataNascita", "01/03/1970",
                "r.percentualeInvalidita", "0");
        if (cfNelModulo != null) {
            uno.put("r.codiceFiscale", cfNelModulo);
        }
        assertThat(s.post(base() + "/1", uno).status()).isEqualTo(302);
        assertThat(s.post(base() + "/2", campi()).status()).isEqualTo(302);
        assertThat(s.post(base() + "/3", campi("codiceIstatResidenza", "012133", "residenteLombardiaDal", "01/01/2000",
                "residenteComuneDal", "01/01/2005")).status()).isEqualTo(302);
        assertThat(s.post(base() + "/4", campi("iseeValore", isee, "protocolloDsu", "INPS-ISEE-2026-ONL", "dataDsu", "20/01/2026",
                "patrimonio", "0")).status()).isEqualTo(302);
        List<Map.Entry<String, String>> cinque = new ArrayList<>();
        cinque.add(Map.entry("condizioni", "coabitazione"));
        cinque.add(Map.entry("_condizioni", "on"));
        assertThat(s.post(base() + "/5", cinque).status()).isEqualTo(302);
    }

    private void scegli(SessioneConsole s, long... scelti) {
        Map<String, String> sei = new LinkedHashMap<>();
        for (int i = 0; i < scelti.length; i++) {
            sei.put("alloggi[" + i + "]", Long.toString(scelti[i]));
        }
        assertThat(s.post(base() + "/6", sei).status()).isEqualTo(302);
    }

    @Test
    void gliAvvisiApertiEGliAlloggiConLaRegolaDellArticolo9() {
        Operatore cittadino = nuovoCittadino(operatori);
        SessioneConsole s = SessioneConsole.diCittadino(http, cittadino.getUsername());
        ClientHttp.Risposta elenco = s.get("/cittadino/avvisi");
        assertThat(elenco.status()).isEqualTo(200);
        assertThat(elenco.body()).contains("Avvisi aperti", "SAP online – d’Italia", "Ambito", "Malnate", "Chiude il");
        assertThat(elenco.body()).doesNotContain("Nessun avviso aperto");

        ClientHttp.Risposta pagina = s.get("/cittadino/avvisi/" + avviso);
        assertThat(pagina.status()).isEqualTo(200);
        assertThat(pagina.body()).contains("Via della Domanda Online 1", "Via Gasparotto 90", "Assegnabile entro la chiusura",
                "Centralizzato", "1.200,00 € all&#39;anno", "62,00 m²", "Compila la domanda",
                "Puoi scegliere gli alloggi del comune in cui risiedi",
                "Quando nella domanda avrai indicato residenza e lavoro");
        assertThat(pagina.body()).doesNotContain("Non lo puoi scegliere");

        // once the draft says where the citizen lives: each alloggio allowed or not, with the rule's words
        compila(s, null, "7.000,00");
        ClientHttp.Risposta conBozza = s.get("/cittadino/avvisi/" + avviso);
        assertThat(conBozza.body()).contains("Riprendi la domanda", "Lo puoi scegliere", "Non lo puoi scegliere",
                "Comune di residenza del richiedente: ammesso",
                "Altro comune dell&#39;ambito, non ammesso: l&#39;avviso ha alloggi adeguati al nucleo nel comune di residenza");
        ClientHttp.Risposta passo6 = s.get(base() + "/6");
        assertThat(passo6.body()).contains(codiceMalnate + " – Malnate, 55,000 m² (non sceglibile)", "Non lo puoi scegliere");

        // an avviso that is not open says when it opens, and refuses the steps
        long predisposto = new ScenarioAvviso(http, runtimeService, managementService, alloggi).conTitolo("SAP online futuro")
                .predisposto();
        assertThat(s.get("/cittadino/avvisi").body()).contains("Prossime aperture", "SAP online futuro");
        assertThat(s.get("/cittadino/avvisi/" + predisposto).body()).contains("Questo avviso non è ancora aperto: apre il");
        ClientHttp.Risposta passo = s.get("/cittadino/avvisi/" + predisposto + "/domanda/1");
        assertThat(passo.status()).isEqualTo(302);
        assertThat(passo.raw().headers().firstValue("Location").orElseThrow()).endsWith("/cittadino/avvisi/" + predisposto);
    }

    @Test
    void ogniPassoRispondeConIMessaggiDellApiEIlCodiceFiscaleNonEUnCampo() {
        Operatore cittadino = nuovoCittadino(operatori);
        SessioneConsole s = SessioneConsole.diCittadino(http, cittadino.getUsername());
        ClientHttp.Risposta primo = s.get(base() + "/1");
        assertThat(primo.status()).isEqualTo(200);
        assertThat(primo.body()).contains(cittadino.getCodiceFiscale().valore(), "Dalla tua identità digitale")
                .doesNotContain("id=\"r-codiceFiscale\"");
        assertThat(primo.body()).as("name from the identity").contains("value=\"Nicolò\"");

        ClientHttp.Risposta uno = s.post(base() + "/1", campi("r.nome", "", "r.cognome", "D'Amico", "r.dataNascita", "31/02/1970"));
        assertThat(uno.status()).isEqualTo(400);
        assertThat(uno.body()).contains("Richiedente – data di nascita: data non valida: scriverla come gg/mm/aaaa",
                "Richiedente – nome: ");
        ClientHttp.Risposta due = s.post(base() + "/2", campi("componenti[0].nome", "Anna", "componenti[0].dataNascita", "01/01/2000"));
        assertThat(due.status()).isEqualTo(400);
        assertThat(due.body()).contains("Componente 2 – codice fiscale: il codice fiscale è obbligatorio",
                "Componente 2 – relazione con il richiedente");
        ClientHttp.Risposta tre = s.post(base() + "/3", campi("codiceIstatResidenza", "", "residenteLombardiaDal", "1/13/2000"));
        assertThat(tre.status()).isEqualTo(400);
        assertThat(tre.body()).contains("Residente in Lombardia dal: data non valida: scriverla come gg/mm/aaaa", "Comune di residenza: ");
        ClientHttp.Risposta quattro = s.post(base() + "/4", campi("iseeValore", "settemila", "dataDsu", "20/01/2026"));
        assertThat(quattro.status()).isEqualTo(400);
        assertThat(quattro.body()).contains("Valore ISEE: numero non valido: per esempio 12.500,50", "Verifica i requisiti");
        ClientHttp.Risposta sei = s.post(base() + "/6", campi("alloggi[0]", "abc"));
        assertThat(sei.status()).isEqualTo(400);
        assertThat(sei.body()).contains("1ª scelta: scegliere un alloggio dell&#39;elenco");
        // nothing of a refused step is lost, nor presented
        assertThat(jdbc.queryForObject("select count(*) from domanda where avviso_id = ? and richiedente_cf = ?", Long.class, avviso,
                cittadino.getCodiceFiscale().valore())).isZero();
    }

    @Test
    void laBozzaRestaTraUnaSessioneELAltraELaVerificaDiceIMotivi() {
        Operatore cittadino = nuovoCittadino(operatori);
        SessioneConsole s = SessioneConsole.diCittadino(http, cittadino.getUsername());
        compila(s, null, "70.000,00");
        scegli(s, aMalnate);

        // logged out and in again: the draft is the codice fiscale's, where it was left
        SessioneConsole dopo = SessioneConsole.diCittadino(http, cittadino.getUsername());
        ClientHttp.Risposta inizio = dopo.get(base());
        assertThat(inizio.raw().headers().firstValue("Location").orElseThrow()).endsWith(base() + "/7");
        assertThat(dopo.get(base() + "/3").body()).contains("value=\"012133\"", "value=\"01/01/2000\"");

        ClientHttp.Risposta riepilogo = dopo.get(base() + "/7");
        assertThat(riepilogo.status()).isEqualTo(200);
        assertThat(riepilogo.body()).contains("Verifica dei requisiti (non è stato presentato nulla)",
                "La domanda non soddisfa i requisiti di accesso", "ISEE",
                "Altro comune dell&#39;ambito, non ammesso");
        assertThat(jdbc.queryForObject("select count(*) from domanda where avviso_id = ? and richiedente_cf = ?", Long.class, avviso,
                cittadino.getCodiceFiscale().valore())).as("the pre-check writes nothing").isZero();

        // corrected: it passes, with the score it would get and why
        compila(dopo, null, "7.000,00");
        scegli(dopo, inVarese);
        ClientHttp.Risposta bene = dopo.get(base() + "/7");
        assertThat(bene.body()).contains("La domanda supera la verifica dei requisiti: avrebbe un punteggio ISBAR di",
                "Condizioni familiari:", "Condizioni economiche:", "Presenta la domanda", "Valori provvisori (");

        // «Elimina la bozza»: gone, the next visit starts again from the first step
        ClientHttp.Risposta annullata = dopo.post(base() + "/annulla", campi());
        assertThat(annullata.raw().headers().firstValue("Location").orElseThrow()).endsWith("/cittadino/avvisi/" + avviso);
        assertThat(dopo.get(base()).raw().headers().firstValue("Location").orElseThrow()).endsWith(base() + "/1");
        assertThat(jdbc.queryForObject("select count(*) from bozza_domanda where avviso_id = ? and codice_fiscale = ?", Long.class,
                avviso, cittadino.getCodiceFiscale().valore())).isZero();
    }

    @Test
    void ilCittadinoPresentaLaDomandaConIlSuoCodiceFiscaleEScaricaLaRicevuta() throws Exception {
        Operatore cittadino = nuovoCittadino(operatori);
        String cf = cittadino.getCodiceFiscale().valore();
        SessioneConsole s = SessioneConsole.diCittadino(http, cittadino.getUsername());
        // a richiedente's code of somebody else, posted by hand: ignored
        compila(s, CF_CITTADINO_FERRARI, "7.000,00");
        scegli(s, inVarese);
        assertThat(s.get(base() + "/7").body()).contains("(" + cf + ")", "012133 – Varese (VA)").doesNotContain(CF_CITTADINO_FERRARI);

        ClientHttp.Risposta presentata = s.post(base() + "/presenta", campi());
        assertThat(presentata.status()).as(presentata.body()).isEqualTo(302);
        String dove = presentata.raw().headers().firstValue("Location").orElseThrow();
        assertThat(dove).matches(".*/cittadino/domande/\\d+/presentata$");
        long domanda = Long.parseLong(dove.replaceAll(".*/domande/(\\d+)/presentata$", "$1"));
        assertThat(jdbc.queryForObject("select richiedente_cf from domanda where id = ?", String.class, domanda)).isEqualTo(cf);
        assertThat(jdbc.queryForObject("select presentata_da from domanda where id = ?", String.class, domanda))
                .isEqualTo("online:" + cf);
        // a double click: the draft is gone, the second lands on the same domanda
        ClientHttp.Risposta ancora = s.post(base() + "/presenta", campi());
        assertThat(ancora.raw().headers().firstValue("Location").orElseThrow()).endsWith("/cittadino/domande/" + domanda + "/presentata");

        ClientHttp.Risposta conferma = s.get("/cittadino/domande/" + domanda + "/presentata");
        assertThat(conferma.status()).isEqualTo(200);
        assertThat(conferma.body()).contains("La domanda n. " + domanda + " è stata presentata il", "Scarica la ricevuta (PDF)");

        HttpResponse<byte[]> ricevuta = s.scarica("/cittadino/domande/" + domanda + "/ricevuta");
        assertThat(ricevuta.statusCode()).isEqualTo(200);
        assertThat(ricevuta.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
        try (PDDocument pdf = Loader.loadPDF(ricevuta.body())) {
            String testo = new PDFTextStripper().getText(pdf);
            assertThat(testo).contains("Ricevuta della domanda n. " + domanda, "Presentata online il ", "SAP online - d'Italia",
                    "Nicolò D'Amico, codice fiscale " + cf, "Varese (VA)", "Residente in Lombardia dal 01/01/2000",
                    "Valore ISEE: 7.000,00 €", "INPS-ISEE-2026-ONL", "Coabitazione con altri nuclei",
                    "1. " + codiceVarese + " - Varese, Via della Domanda Online 1", "Punteggio ISBAR:", "Condizioni familiari:");
            assertThat(testo).containsPattern("Presentata online il \\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}");
            assertThat(pdf.getDocumentCatalog().getLanguage()).isEqualTo("it-IT");
            assertThat(pdf.getDocumentInformation().getTitle()).isEqualTo("Ricevuta della domanda n. " + domanda);
        }

        // a second domanda for the same avviso: 409, in Italian, with the way to «Le mie domande»
        compila(s, null, "7.000,00");
        scegli(s, inVarese);
        assertThat(s.get(base() + "/7").body()).contains("Hai già presentato la domanda n. " + domanda);
        ClientHttp.Risposta seconda = s.post(base() + "/presenta", campi());
        assertThat(seconda.status()).isEqualTo(409);
        assertThat(seconda.body()).contains("Il richiedente ha già presentato la domanda " + domanda, "se ne può presentare una sola",
                "href=\"/cittadino/domande\"");

        // another citizen: neither the ricevuta, nor the confirmation, nor the draft
        Operatore altro = nuovoCittadino(operatori);
        SessioneConsole a = SessioneConsole.diCittadino(http, altro.getUsername());
        assertThat(a.scarica("/cittadino/domande/" + domanda + "/ricevuta").statusCode()).isEqualTo(404);
        assertThat(a.get("/cittadino/domande/" + domanda + "/presentata").status()).isEqualTo(404);
        ClientHttp.Risposta suaBozza = a.get(base() + "/3");
        assertThat(suaBozza.status()).isEqualTo(200);
        assertThat(suaBozza.body()).doesNotContain("value=\"012133\"");
        assertThat(a.get(base() + "/1").body()).contains(altro.getCodiceFiscale().valore()).doesNotContain(cf);
    }
}
