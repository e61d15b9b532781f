package it.piattaformacasa.operatori;

import static it.piattaformacasa.DemoUtenti.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.StreamSupport;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import it.piattaformacasa.ClientHttp;
import it.piattaformacasa.IntegrationTest;
import it.piattaformacasa.Multipart;
import it.piattaformacasa.anagrafe.AnagrafeService;
import it.piattaformacasa.anagrafe.CertificazioneAnagrafeService;
import it.piattaformacasa.anagrafe.process.CertificazioneAnagrafeBpmn;
import it.piattaformacasa.common.CodiceFiscale;
import it.piattaformacasa.common.sicurezza.Gruppi;
import it.piattaformacasa.operatori.process.AbilitazioniBpmn;

/**
 * Issue 14, seed 002: an ente's referente sends the operators to enable or disable, a regional validator decides
 * (four eyes), an approval takes effect in the completion's transaction; disabling releases the tasks the operator
 * held for that ente, audited. Every operator here is created by the test with a fresh codice fiscale.
 */
@IntegrationTest
class AbilitazioniTest {

    private static final Random CASO = new Random();


    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    OperatoriService operatori;
    @Autowired
    AnagrafeService anagrafe;
    @Autowired
    CertificazioneAnagrafeService certificazioni;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    IdentityService identityService;

    ClientHttp http;
    long varese;
    long malnate;

    @BeforeEach
    void prepara() {
        http = new ClientHttp(port);
        varese = ente(CF_COMUNE_VARESE);
        malnate = ente(CF_COMUNE_MALNATE);
    }

    private long ente(String cf) {
        return jdbc.queryForObject("select id from ente_proprietario where codice_fiscale = ?", Long.class, cf);
    }

    private static String riga(String ente, String nome, String cognome, String cf, String email, String avviso, String istruttoria) {
        return "{\"ragioneSociale\":\"" + ente + "\",\"nome\":\"" + nome + "\",\"cognome\":\"" + cognome + "\",\"codiceFiscale\":\""
                + cf + "\",\"email\":\"" + email + "\",\"telefono\":\"0332 255100\",\"gestioneAvviso\":\"" + avviso
                + "\",\"istruttoriaDomande\":\"" + istruttoria + "\"}";
    }

    private ClientHttp.Risposta richiedi(long ente, String utente, String tipo, String... righe) {
        return http.post("/api/enti/" + ente + "/abilitazioni", utente, "{\"tipo\":\"" + tipo + "\",\"righe\":[" + String.join(",", righe) + "]}");
    }

    private ClientHttp.Risposta valida(long richiesta, String utente, String esito, String motivo) {
        return http.post("/api/abilitazioni/" + richiesta + "/validazione", utente, "{\"esito\":\"" + esito + "\""
                + (motivo == null ? "" : ",\"motivo\":\"" + motivo + "\"") + "}");
    }

    /** An operator of the test's own, with a password, enabled as given. */
    private Operatore operatore(String cf, long ente, TipoAbilitazione... tipi) {
        Operatore o = new Operatore(cf.toLowerCase(Locale.ROOT), CodiceFiscale.of(cf), "Prova", "Abilitazioni", "prova@example.it", null);
        for (TipoAbilitazione t : tipi) {
            o.abilita(anagrafe.ente(ente), t);
        }
        operatori.registra(List.of(o));
        operatori.impostaPassword(o.getUsername(), PASSWORD);
        return operatori.operatore(o.getUsername());
    }

    private List<String> scarti(JsonNode risposta) {
        return StreamSupport.stream(risposta.path("scarti").spliterator(), false)
                .map(s -> s.path("riga").asInt() + " | " + s.path("colonna").asText() + " | " + s.path("motivo").asText()).toList();
    }

    @Test
    void unModelloConRigheErrateNonParteEDiceRigaColonnaEMotivo() {
        String buono = ModelloDiProva.nuovoCodiceFiscale();
        String doppio = ModelloDiProva.nuovoCodiceFiscale();
        String cfSbagliato = buono.substring(0, 15) + (buono.charAt(15) == 'A' ? "B" : "A");
        byte[] file = ModelloDiProva.xlsx(List.of(
                List.of("Comune di Varese", "Anna", "Buona", buono, "anna.buona@comune.varese.it", "0332 1", "SI", "NO"),
                List.of("Comune di Malnate", "Bruno", "Altrove", ModelloDiProva.nuovoCodiceFiscale(), "b@malnate.it", "", "SI", "SI"),
                List.of("Comune di Varese", "Carla", "Controllo", cfSbagliato, "c@comune.varese.it", "", "NO", "SI"),
                List.of("Comune di Varese", "Dario", "Doppio", doppio, "d@comune.varese.it", "", "SI", "NO"),
                List.of("COMUNE DI VARESE", "Dario", "Doppio", doppio, "d2@comune.varese.it", "", "NO", "SI"),
                List.of("Comune di Varese", "Elena", "Posta", ModelloDiProva.nuovoCodiceFiscale(), "elena.posta@", "", "FORSE", "NO"),
                List.of("Comune di Varese", "Franco", "Niente", ModelloDiProva.nuovoCodiceFiscale(), "f@comune.varese.it", "", "NO", "NO")));
        Multipart corpo = Multipart.di(Map.of("tipo", "ABILITAZIONE"), "file", "abilitazioni.xlsx", file);
        ClientHttp.Risposta risposta = http.invia(http.richiesta("/api/enti/" + varese + "/abilitazioni", CAPOFILA)
                .header("Content-Type", corpo.tipo()).POST(HttpRequest.BodyPublishers.ofByteArray(corpo.corpo())).build());

        assertThat(risposta.status()).as(risposta.body()).isEqualTo(422);
        assertThat(risposta.json().path("stato").asText()).isEqualTo("NON_INVIATA");
        List<String> scarti = scarti(risposta.json());
        assertThat(scarti).anySatisfy(s -> assertThat(s).startsWith("3 | Ragione sociale ente proprietario").contains("nessuna delega o avvalimento"));
        assertThat(scarti).anySatisfy(s -> assertThat(s).startsWith("4 | Codice fiscale operatore"));
        assertThat(scarti).anySatisfy(s -> assertThat(s).startsWith("5 | Codice fiscale operatore").contains("ripetuto nel file (righe 5, 6)"));
        assertThat(scarti).anySatisfy(s -> assertThat(s).startsWith("6 | Codice fiscale operatore").contains("ripetuto"));
        assertThat(scarti).anySatisfy(s -> assertThat(s).startsWith("7 | Indirizzo posta elettronica").contains("non valido"));
        assertThat(scarti).anySatisfy(s -> assertThat(s).startsWith("7 | (1) Abilitazione per la Gestione").contains("SI o NO"));
        assertThat(scarti).anySatisfy(s -> assertThat(s).startsWith("8 | (1) Abilitazione").contains("almeno una"));
        assertThat(scarti).noneMatch(s -> s.startsWith("2 |"));
        // nothing half-written: not even the valid row's operator, no task for the validators
        assertThat(operatori.esiste(buono.toLowerCase(Locale.ROOT))).isFalse();
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(AbilitazioniBpmn.PROCESS_ID)
                .processInstanceBusinessKey(risposta.json().path("id").asText()).count()).isZero();
        // the report stays with the request, for the ente
        assertThat(scarti(http.get("/api/enti/" + varese + "/abilitazioni/" + risposta.json().path("id").asLong(), CAPOFILA).json()))
                .isEqualTo(scarti);
    }

    @Test
    void unFileCheNonEExcelEUnaRichiestaSenzaRigheSono400() {
        Multipart corpo = Multipart.di(Map.of("tipo", "ABILITAZIONE"), "file", "abilitazioni.xlsx", "nome;cognome".getBytes());
        ClientHttp.Risposta risposta = http.invia(http.richiesta("/api/enti/" + varese + "/abilitazioni", CAPOFILA)
                .header("Content-Type", corpo.tipo()).POST(HttpRequest.BodyPublishers.ofByteArray(corpo.corpo())).build());
        assertThat(risposta.status()).isEqualTo(400);
        assertThat(risposta.body()).contains("non è un foglio Excel");
        assertThat(richiedi(varese, CAPOFILA, "ABILITAZIONE").status()).isEqualTo(400);
        assertThat(richiedi(varese, CAPOFILA, "QUALCOSA", riga("Comune di Varese", "A", "B", ModelloDiProva.nuovoCodiceFiscale(), "a@b.it", "SI", "NO"))
                .status()).isEqualTo(400);
    }

    @Test
    void quattroOcchiDecideSoloUnValidatoreCheNonHaInviatoLaRichiesta() {
        // a validator who is also the referente of Malnate: may send, may not validate what they sent
        String cf = ModelloDiProva.nuovoCodiceFiscale();
        Operatore doppio = operatore(cf, malnate, TipoAbilitazione.GESTIONE_AVVISO);
        Operatore conRuolo = operatori.operatore(doppio.getUsername());
        conRuolo.assegnaRuolo(RuoloPiattaforma.VALIDATORE_REGIONALE);
        operatori.registra(List.of(conRuolo));

        ClientHttp.Risposta inviata = richiedi(malnate, doppio.getUsername(), "ABILITAZIONE",
                riga("Comune di Malnate", "Gino", "Nuovo", ModelloDiProva.nuovoCodiceFiscale(), "gino@malnate.it", "NO", "SI"));
        assertThat(inviata.status()).as(inviata.body()).isEqualTo(201);
        long id = inviata.json().path("id").asLong();
        Task task = taskService.createTaskQuery().processDefinitionKey(AbilitazioniBpmn.PROCESS_ID)
                .processInstanceBusinessKey(Long.toString(id)).singleResult();
        assertThat(task.getName()).startsWith("Valida richiesta di abilitazione – Comune di Malnate");
        assertThat(taskService.getIdentityLinksForTask(task.getId())).anySatisfy(l -> assertThat(l.getGroupId())
                .isEqualTo(Gruppi.VALIDATORI_REGIONALI));

        // in Tasklist: the sender may take the task (it is a validator) but its completion is refused and rolled back
        it.piattaformacasa.SessioneWebapp tasklist = it.piattaformacasa.SessioneWebapp.accedi(http, doppio.getUsername());
        String api = it.piattaformacasa.SessioneWebapp.API_ENGINE + "/task/" + task.getId();
        assertThat(tasklist.post(api + "/claim", "{\"userId\":\"" + doppio.getUsername() + "\"}").status()).isEqualTo(204);
        ClientHttp.Risposta daTasklist = tasklist.post(api + "/submit-form",
                "{\"variables\":{\"esito\":{\"value\":\"APPROVATA\"},\"motivo\":{\"value\":\"\"}}}");
        assertThat(daTasklist.status()).as(daTasklist.body()).isEqualTo(403);
        assertThat(daTasklist.body()).contains("Quattro occhi");
        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).as("the task stays open").isEqualTo(1);
        assertThat(tasklist.post(api + "/unclaim", "{}").status()).isEqualTo(204);

        ClientHttp.Risposta propria = valida(id, doppio.getUsername(), "APPROVATA", null);
        assertThat(propria.status()).isEqualTo(403);
        assertThat(propria.body()).contains("Quattro occhi");
        assertThat(valida(id, SUPERVISORE, "APPROVATA", null).status()).isEqualTo(403);
        assertThat(valida(id, MALNATE, "APPROVATA", null).status()).isIn(403, 404);
        assertThat(valida(id, ADMIN, "APPROVATA", null).status()).isEqualTo(403);
        ClientHttp.Risposta senzaMotivo = valida(id, VALIDATORE, "RESPINTA", " ");
        assertThat(senzaMotivo.status()).isEqualTo(400);
        assertThat(senzaMotivo.body()).contains("motivo");
        assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isNull();

        ClientHttp.Risposta respinta = valida(id, VALIDATORE, "RESPINTA", "Operatore non in servizio presso il Comune");
        assertThat(respinta.status()).as(respinta.body()).isEqualTo(200);
        assertThat(respinta.json().path("stato").asText()).isEqualTo("RESPINTA");
        assertThat(respinta.json().path("validataDa").asText()).isEqualTo(VALIDATORE);
        assertThat(valida(id, VALIDATORE, "APPROVATA", null).status()).isEqualTo(409);
    }

    @Test
    void lApprovazioneCreaLOperatoreEAggiungeUnSecondoEnteAUnoEsistente() {
        String nuovo = ModelloDiProva.nuovoCodiceFiscale();
        Operatore esistente = operatore(ModelloDiProva.nuovoCodiceFiscale(), malnate, TipoAbilitazione.GESTIONE_AVVISO);
        ClientHttp.Risposta inviata = richiedi(varese, CAPOFILA, "ABILITAZIONE",
                riga("Comune di Varese", "Nadia", "Nuova", nuovo, "nadia.nuova@comune.varese.it", "SI", "SI"),
                riga("Comune di Varese", "Prova", "Abilitazioni", esistente.getCodiceFiscale().valore(), "prova@example.it", "NO", "SI"));
        assertThat(inviata.status()).as(inviata.body()).isEqualTo(201);
        long id = inviata.json().path("id").asLong();
        // until approved, nothing changes
        assertThat(operatori.esiste(nuovo.toLowerCase(Locale.ROOT))).isFalse();

        ClientHttp.Risposta approvata = valida(id, VALIDATORE, "APPROVATA", null);
        assertThat(approvata.status()).as(approvata.body()).isEqualTo(200);
        assertThat(approvata.json().path("stato").asText()).isEqualTo("APPROVATA");

        Operatore creato = operatori.operatore(nuovo.toLowerCase(Locale.ROOT));
        assertThat(creato.getNome()).isEqualTo("Nadia");
        assertThat(creato.getAbilitazioni()).extracting(a -> a.getEnte().getId() + " " + a.getTipo())
                .containsExactlyInAnyOrder(varese + " GESTIONE_AVVISO", varese + " ISTRUTTORIA_DOMANDE");
        assertThat(identityService.createGroupQuery().groupMember(creato.getUsername()).list()).extracting(g -> g.getId())
                .contains(Gruppi.gestioneAvviso(CodiceFiscale.of(CF_COMUNE_VARESE)), Gruppi.istruttoria(CodiceFiscale.of(CF_COMUNE_VARESE)));
        // no password: they log in through the identity provider (issue 14), not with one of ours
        assertThat(identityService.checkPassword(creato.getUsername(), PASSWORD)).isFalse();

        Operatore dueEnti = operatori.operatore(esistente.getUsername());
        assertThat(dueEnti.getAbilitazioni()).extracting(a -> a.getEnte().getId() + " " + a.getTipo())
                .containsExactlyInAnyOrder(malnate + " GESTIONE_AVVISO", varese + " ISTRUTTORIA_DOMANDE");

        JsonNode dettaglio = http.get("/api/enti/" + varese + "/abilitazioni/" + id, CAPOFILA).json();
        List<String> registro = StreamSupport.stream(dettaglio.path("registro").spliterator(), false)
                .map(v -> v.path("operatore").asText() + " " + v.path("azione").asText() + " " + v.path("eseguitaDa").asText()).toList();
        assertThat(registro).containsExactly(creato.getUsername() + " OPERATORE_CREATO " + VALIDATORE,
                creato.getUsername() + " ABILITATO " + VALIDATORE, creato.getUsername() + " ABILITATO " + VALIDATORE,
                dueEnti.getUsername() + " ABILITATO " + VALIDATORE);
        assertThat(dettaglio.path("inviataDa").asText()).isEqualTo(CAPOFILA);
    }

    @Test
    void disabilitareChiHaUnAttivitaInCaricoLaRilasciaSubitoEDaAllora() {
        Operatore operatore = operatore(ModelloDiProva.nuovoCodiceFiscale(), varese, TipoAbilitazione.GESTIONE_AVVISO,
                TipoAbilitazione.ISTRUTTORIA_DOMANDE);
        int anno = 5000 + CASO.nextInt(4999);
        certificazioni.richiediComeSistema(varese, anno);
        Task task = taskService.createTaskQuery().processDefinitionKey(CertificazioneAnagrafeBpmn.PROCESS_ID)
                .processInstanceBusinessKey(CertificazioneAnagrafeBpmn.businessKey(CF_COMUNE_VARESE, anno)).singleResult();
        ClientHttp.Risposta presa = http.post("/api/attivita/" + task.getId() + "/prendi-in-carico", operatore.getUsername(), "{}");
        assertThat(presa.status()).as(presa.body()).isLessThan(300);
        assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isEqualTo(operatore.getUsername());

        ClientHttp.Risposta inviata = richiedi(varese, CAPOFILA, "DISABILITAZIONE",
                riga("Comune di Varese", "Prova", "Abilitazioni", operatore.getCodiceFiscale().valore(), "prova@example.it", "SI", "NO"));
        assertThat(inviata.status()).as(inviata.body()).isEqualTo(201);
        long id = inviata.json().path("id").asLong();
        assertThat(valida(id, VALIDATORE, "APPROVATA", null).status()).isEqualTo(200);

        assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isNull();
        assertThat(jdbc.queryForList("select azione from abilitazione_registro where richiesta_id = ? order by id", String.class, id))
                .containsExactly("DISABILITATO", "ATTIVITA_RILASCIATA");
        assertThat(jdbc.queryForObject("select dettaglio from abilitazione_registro where richiesta_id = ? and azione = 'ATTIVITA_RILASCIATA'",
                String.class, id)).contains(task.getId()).contains("Certifica dati anagrafe");
        Operatore dopo = operatori.operatore(operatore.getUsername());
        assertThat(dopo.getAbilitazioni()).extracting(a -> a.getTipo()).containsExactly(TipoAbilitazione.ISTRUTTORIA_DOMANDE);
        // at once, even for a login the platform remembers: the task is no longer theirs to take
        ClientHttp.Risposta ancora = http.post("/api/attivita/" + task.getId() + "/prendi-in-carico", operatore.getUsername(), "{}");
        assertThat(ancora.status()).isIn(403, 404);
        assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isNull();
        runtimeService.deleteProcessInstance(task.getProcessInstanceId(), "test");
    }

    @Test
    void unAltroEnteNonChiedeNeLeggeLeAbilitazioniDiUnEnte() {
        ClientHttp.Risposta inviata = richiedi(varese, CAPOFILA, "ABILITAZIONE",
                riga("Comune di Varese", "Ugo", "Varesino", ModelloDiProva.nuovoCodiceFiscale(), "ugo@comune.varese.it", "SI", "NO"));
        assertThat(inviata.status()).isEqualTo(201);
        long id = inviata.json().path("id").asLong();

        // Malnate's referente for Varese: nessuna delega o avvalimento
        assertThat(richiedi(varese, MALNATE, "ABILITAZIONE",
                riga("Comune di Varese", "Ugo", "Varesino", ModelloDiProva.nuovoCodiceFiscale(), "ugo@comune.varese.it", "SI", "NO")).status()).isIn(403, 404);
        // Varese's istruttoria operator sees the requests, does not send them
        assertThat(richiedi(varese, VARESE_ISTRUTTORIA, "ABILITAZIONE",
                riga("Comune di Varese", "Ugo", "Varesino", ModelloDiProva.nuovoCodiceFiscale(), "ugo@comune.varese.it", "SI", "NO")).status()).isEqualTo(403);
        assertThat(http.get("/api/enti/" + varese + "/abilitazioni", VARESE_ISTRUTTORIA).status()).isEqualTo(200);
        assertThat(http.get("/api/enti/" + varese + "/abilitazioni", MALNATE).status()).isEqualTo(404);
        assertThat(http.get("/api/enti/" + varese + "/abilitazioni/" + id, MALNATE).status()).isEqualTo(404);
        assertThat(http.get("/api/enti/" + malnate + "/abilitazioni/" + id, MALNATE).status()).isEqualTo(404);
        assertThat(http.get("/api/enti/" + varese + "/abilitazioni/" + id, VALIDATORE).status()).isEqualTo(200);
        assertThat(http.get("/api/abilitazioni/da-validare", VALIDATORE).json().findValuesAsText("id")).contains(Long.toString(id));
        assertThat(http.get("/api/abilitazioni/da-validare", CAPOFILA).status()).isEqualTo(403);
        // decided, so that validators' lists do not grow with every run
        assertThat(valida(id, VALIDATORE, "RESPINTA", "prova").status()).isEqualTo(200);
    }
}
