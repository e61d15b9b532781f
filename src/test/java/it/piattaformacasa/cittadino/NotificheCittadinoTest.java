package it.piattaformacasa.cittadino;

import static it.piattaformacasa.DemoUtenti.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionTemplate;

import it.piattaformacasa.ClientHttp;
import it.piattaformacasa.DomandaDiProva;
import it.piattaformacasa.IntegrationTest;
import it.piattaformacasa.OrologioDiProva;
import it.piattaformacasa.ScenarioAvviso;
import it.piattaformacasa.SessioneConsole;
import it.piattaformacasa.anagrafe.Alloggio;
import it.piattaformacasa.anagrafe.AlloggioRepository;
import it.piattaformacasa.anagrafe.StatoAlloggio;
import it.piattaformacasa.avviso.process.AvvisoBpmn;
import it.piattaformacasa.common.CambioDiStato;
import it.piattaformacasa.common.CodiceFiscale;
import it.piattaformacasa.common.DatiNonValidiException;
import it.piattaformacasa.graduatoria.Graduatoria;
import it.piattaformacasa.graduatoria.GraduatoriaRepository;
import it.piattaformacasa.graduatoria.GraduatoriaService;
import it.piattaformacasa.operatori.OperatoriService;

/**
 * Issue 16, «be told»: the address confirmed by a code (wrong, expired, too many attempts, right), the outbox written
 * with the change of state and only for a confirmed address, sent to the demo's own SMTP server once, retried when
 * the server is down, the reminders of the rettifica window on the platform's clock.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotificheCittadinoTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    OperatoriService operatori;
    @Autowired
    CasellaDellaDemo casella;
    @Autowired
    IndirizzoEmailService indirizzi;
    @Autowired
    InvioNotifiche invio;
    @Autowired
    PromemoriaScadenze promemoria;
    @Autowired
    ApplicationEventPublisher eventi;
    @Autowired
    TransactionTemplate tx;
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

    ClientHttp http;
    ScenarioAvviso scenario;
    List<Alloggio> diVarese;
    long avviso;

    @BeforeAll
    void avviso() {
        http = new ClientHttp(port);
        scenario = new ScenarioAvviso(http, runtimeService, managementService, alloggi).conTitolo("Avviso delle notifiche");
        diVarese = scenario.alloggiDi(CF_COMUNE_VARESE, StatoAlloggio.LIBERO, 1);
        avviso = scenario.aperto(diVarese, List.of(CAPOFILA));
    }

    @AfterEach
    void orologio() {
        OrologioDiProva.ripristina();
    }

    private long presenta(long avvisoId, String cf) {
        ClientHttp.Risposta r = http.post("/api/avvisi/" + avvisoId + "/domande", CAPOFILA, DomandaDiProva.json(cf, diVarese.get(0).getId()));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    private int notifiche(long domanda, String evento) {
        return jdbc.queryForObject("select count(*) from notifica where domanda_id = ? and evento = ?", Integer.class, domanda, evento);
    }

    @Test
    void lIndirizzoSiConfermaSoloConIlCodiceGiustoEInTempo() {
        CittadiniDiProva.Cittadino c = CittadiniDiProva.nuovo(operatori);
        SessioneConsole console = SessioneConsole.diCittadino(http, c.username());

        // bad input: 400 with the field and the reason in Italian, nothing written
        ClientHttp.Risposta vuoto = console.post("/cittadino/dati/email", Map.of("email", " "));
        assertThat(vuoto.status()).isEqualTo(400);
        assertThat(vuoto.body()).contains("indicare l&#39;indirizzo e-mail").contains("id=\"email-errore\"");
        ClientHttp.Risposta errato = console.post("/cittadino/dati/email", Map.of("email", "mario rossi@esempio"));
        assertThat(errato.status()).isEqualTo(400);
        assertThat(errato.body()).contains("non è valido");
        assertThat(jdbc.queryForObject("select count(*) from cittadino where codice_fiscale = ?", Integer.class, c.codiceFiscale()))
                .isZero();

        ClientHttp.Risposta inviato = console.post("/cittadino/dati/email", Map.of("email", c.email()));
        assertThat(inviato.status()).isEqualTo(302);
        String codice = CittadiniDiProva.codice(casella, c.email());
        // the code is kept as its SHA-256, never as typed
        assertThat(jdbc.queryForObject("select codice_conferma from cittadino where codice_fiscale = ?", String.class, c.codiceFiscale()))
                .isEqualTo(IndirizzoEmailService.impronta(codice)).isNotEqualTo(codice);
        String sbagliato = codice.equals("000000") ? "111111" : "000000";

        ClientHttp.Risposta noCodice = console.post("/cittadino/dati/email/conferma", Map.of("codice", "12ab"));
        assertThat(noCodice.status()).isEqualTo(400);
        assertThat(noCodice.body()).contains("il codice è formato da 6 cifre");
        ClientHttp.Risposta errore = console.post("/cittadino/dati/email/conferma", Map.of("codice", sbagliato));
        assertThat(errore.status()).isEqualTo(400);
        assertThat(errore.body()).contains("il codice non è corretto: restano 4 tentativi");
        assertThat(indirizzi.indirizzo(CodiceFiscale.of(c.codiceFiscale())).email()).isNull();

        // 31 minutes later the right code is too late
        OrologioDiProva.fermaA(Instant.now().plus(Duration.ofMinutes(31)));
        ClientHttp.Risposta scaduto = console.post("/cittadino/dati/email/conferma", Map.of("codice", codice));
        assertThat(scaduto.status()).isEqualTo(400);
        assertThat(scaduto.body()).contains("il codice è scaduto");
        OrologioDiProva.ripristina();

        ClientHttp.Risposta confermato = console.post("/cittadino/dati/email/conferma", Map.of("codice", codice));
        assertThat(confermato.status()).isEqualTo(302);
        IndirizzoEmailService.Indirizzo indirizzo = indirizzi.indirizzo(CodiceFiscale.of(c.codiceFiscale()));
        assertThat(indirizzo.email()).isEqualTo(c.email());
        assertThat(indirizzo.daConfermare()).isNull();
        assertThat(console.get("/cittadino/dati?esito=confermato").body()).contains("Indirizzo confermato").contains(c.email());
    }

    @Test
    void dopoCinqueCodiciSbagliatiServeUnCodiceNuovo() {
        CittadiniDiProva.Cittadino c = CittadiniDiProva.nuovo(operatori);
        CodiceFiscale cf = CodiceFiscale.of(c.codiceFiscale());
        indirizzi.richiediConferma(cf, c.email());
        String codice = CittadiniDiProva.codice(casella, c.email());
        // one code a minute
        assertThatThrownBy(() -> indirizzi.richiediConferma(cf, c.email())).isInstanceOf(DatiNonValidiException.class)
                .hasMessageContaining("attendere un minuto");
        String sbagliato = codice.equals("000000") ? "111111" : "000000";
        for (int i = 0; i < IndirizzoEmailService.TENTATIVI; i++) {
            assertThatThrownBy(() -> indirizzi.conferma(cf, sbagliato)).isInstanceOf(DatiNonValidiException.class);
        }
        assertThatThrownBy(() -> indirizzi.conferma(cf, codice)).isInstanceOf(DatiNonValidiException.class)
                .hasMessageContaining("troppi tentativi");
        assertThat(indirizzi.indirizzo(cf).email()).isNull();
        // a minute on, a new code, and with it new attempts
        OrologioDiProva.fermaA(Instant.now().plus(Duration.ofSeconds(61)));
        indirizzi.richiediConferma(cf, c.email());
        assertThat(indirizzi.indirizzo(cf).tentativiRimasti()).isEqualTo(IndirizzoEmailService.TENTATIVI);
        indirizzi.conferma(cf, CittadiniDiProva.codice(casella, c.email()));
        assertThat(indirizzi.indirizzo(cf).email()).isEqualTo(c.email());
    }

    @Test
    void laDomandaPresentataEScrittaSoloAChiHaConfermatoEInviataUnaVolta() {
        CittadiniDiProva.Cittadino conIndirizzo = CittadiniDiProva.nuovo(operatori);
        CittadiniDiProva.confermato(jdbc, conIndirizzo);
        CittadiniDiProva.Cittadino senza = CittadiniDiProva.nuovo(operatori);
        // an address waiting for confirmation is not an address the platform writes to
        jdbc.update("insert into cittadino (codice_fiscale, email_da_confermare, aggiornato_il) values (?, ?, now())",
                senza.codiceFiscale(), senza.email());

        long prima = presenta(avviso, conIndirizzo.codiceFiscale());
        long seconda = presenta(avviso, senza.codiceFiscale());
        assertThat(notifiche(prima, "DOMANDA_PRESENTATA")).isEqualTo(1);
        assertThat(notifiche(seconda, "DOMANDA_PRESENTATA")).isZero();

        invio.inviaDovute();
        List<CasellaDellaDemo.Messaggio> ricevuti = CittadiniDiProva.ricevuti(casella, conIndirizzo.email(), 1);
        assertThat(ricevuti).hasSize(1);
        assertThat(ricevuti.get(0).oggetto()).isEqualTo("Domanda n. " + prima + " presentata");
        assertThat(ricevuti.get(0).testo()).contains("Avviso delle notifiche").contains("/cittadino/domande/" + prima)
                .doesNotContain("7.000").doesNotContain("ISEE");
        assertThat(CittadiniDiProva.ricevuti(casella, senza.email(), 0)).isEmpty();

        // the same change again (a retried step, a second node): the notice exists once, and is sent once
        tx.executeWithoutResult(s -> eventi.publishEvent(new CambioDiStato(CambioDiStato.Evento.DOMANDA_PRESENTATA, prima)));
        assertThat(notifiche(prima, "DOMANDA_PRESENTATA")).isEqualTo(1);
        invio.inviaDovute();
        assertThat(casella.messaggi().stream().filter(m -> m.a().contains(conIndirizzo.email()))).hasSize(1);
        assertThat(jdbc.queryForMap("select stato, destinatario from notifica where domanda_id = ?", prima))
                .containsEntry("stato", "INVIATA").containsEntry("destinatario", conIndirizzo.email());
    }

    @Test
    void laNotificaNasceESparisceConIlCambioDiStato() {
        CittadiniDiProva.Cittadino c = CittadiniDiProva.nuovo(operatori);
        CittadiniDiProva.confermato(jdbc, c);
        long domanda = presenta(avviso, c.codiceFiscale());
        jdbc.update("delete from notifica where domanda_id = ?", domanda);
        // a change that rolls back takes its notice with it: the outbox row is in the same transaction
        tx.executeWithoutResult(s -> {
            eventi.publishEvent(new CambioDiStato(CambioDiStato.Evento.DOMANDA_PRESENTATA, domanda));
            assertThat(notifiche(domanda, "DOMANDA_PRESENTATA")).isEqualTo(1);
            s.setRollbackOnly();
        });
        assertThat(notifiche(domanda, "DOMANDA_PRESENTATA")).isZero();
        // outside a transaction there is no change of state to be told about
        assertThatThrownBy(() -> eventi.publishEvent(new CambioDiStato(CambioDiStato.Evento.DOMANDA_PRESENTATA, domanda)))
                .isInstanceOf(org.springframework.transaction.IllegalTransactionStateException.class);
    }

    @Test
    void conIlServerDiPostaFermoLaNotificaAttendeERiprova() throws IOException {
        invio.inviaDovute();
        CittadiniDiProva.Cittadino c = CittadiniDiProva.nuovo(operatori);
        CittadiniDiProva.confermato(jdbc, c);
        long domanda = presenta(avviso, c.codiceFiscale());

        JavaMailSenderImpl fermo = new JavaMailSenderImpl();
        fermo.setHost("127.0.0.1");
        try (ServerSocket libera = new ServerSocket(0)) {
            fermo.setPort(libera.getLocalPort());
        }
        fermo.getJavaMailProperties().put("mail.smtp.connectiontimeout", "2000");
        assertThat(invio.inviaDovute(fermo)).isZero();
        Map<String, Object> riga = jdbc.queryForMap("select stato, tentativi, ultimo_errore, prossimo_tentativo_il from notifica "
                + "where domanda_id = ? and evento = 'DOMANDA_PRESENTATA'", domanda);
        assertThat(riga).containsEntry("stato", "DA_INVIARE").containsEntry("tentativi", 1);
        assertThat(riga.get("ultimo_errore")).isNotNull();
        assertThat(((java.sql.Timestamp) riga.get("prossimo_tentativo_il")).toInstant()).isAfter(Instant.now());

        // not before its time: the backoff holds it
        invio.inviaDovute();
        assertThat(CittadiniDiProva.ricevuti(casella, c.email(), 0)).isEmpty();
        // two minutes on, the server is up again: sent, once
        OrologioDiProva.fermaA(Instant.now().plus(Duration.ofMinutes(2)));
        invio.inviaDovute();
        invio.inviaDovute();
        assertThat(CittadiniDiProva.ricevuti(casella, c.email(), 1)).hasSize(1);
        assertThat(jdbc.queryForObject("select tentativi from notifica where domanda_id = ? and evento = 'DOMANDA_PRESENTATA'",
                Integer.class, domanda)).isEqualTo(2);
        assertThat(InvioNotifiche.attesa(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(InvioNotifiche.attesa(4)).isEqualTo(Duration.ofMinutes(8));
        assertThat(InvioNotifiche.attesa(30)).isEqualTo(InvioNotifiche.ATTESA_MASSIMA);
    }

    @Test
    void ilCittadinoEAvvisatoAOgniPassoDellaDomandaEPrimaDelleScadenze() {
        CittadiniDiProva.Cittadino c = CittadiniDiProva.nuovo(operatori);
        CittadiniDiProva.confermato(jdbc, c);
        long proprio = scenario.aperto(diVarese, List.of(CAPOFILA));
        long domanda = presenta(proprio, c.codiceFiscale());
        scenario.eseguiTimer(proprio, AvvisoBpmn.TIMER_CHIUSURA);
        scenario.eseguiTimer(proprio, AvvisoBpmn.SERVICE_GENERA_GRADUATORIE);
        ScenarioAvviso.generateGiorniFa(jdbc, proprio, 2);
        LocalDate ieri = LocalDate.now(it.piattaformacasa.common.ItalianFormats.ZONE).minusDays(1);
        Graduatoria g = graduatorie.findByAvvisoIdOrderById(proprio).get(0);
        graduatorieService.approva(g.getId(), "PROV-N-" + g.getId(), ieri, Graduatoria.Pubblicazione.SITO_ENTE, ieri, "test");

        assertThat(notifiche(domanda, "GRADUATORIA_PROVVISORIA")).isEqualTo(1);
        String testo = jdbc.queryForObject("select testo from notifica where domanda_id = ? and evento = 'GRADUATORIA_PROVVISORIA'",
                String.class, domanda);
        assertThat(testo).contains("è in posizione 1").contains("fino al " + it.piattaformacasa.common.ItalianFormats.data(ieri.plusDays(15)));

        // today the window has 14 days left: no reminder; 12 days on, 2 left: one, however many scans
        promemoria.scrivi();
        assertThat(notifiche(domanda, "PROMEMORIA_RETTIFICA")).isZero();
        OrologioDiProva.fermaA(Instant.now().plus(Duration.ofDays(12)));
        promemoria.scrivi();
        promemoria.scrivi();
        assertThat(notifiche(domanda, "PROMEMORIA_RETTIFICA")).isEqualTo(1);
        invio.inviaDovute();
        assertThat(CittadiniDiProva.ricevuti(casella, c.email(), 3)).extracting(CasellaDellaDemo.Messaggio::oggetto)
                .anyMatch(o -> o.startsWith("Domanda n. " + domanda + ": la rettifica si può chiedere fino al"))
                .anyMatch(o -> o.equals("Domanda n. " + domanda + ": pubblicata la graduatoria provvisoria"));

        // a rettifica decided (recorded here directly: the ente's decision is RettificaInvaliditaTest's)
        long rettifica = jdbc.queryForObject("""
                insert into rettifica_invalidita (graduatoria_id, ente_id, domanda_id, componente_cf, percentuale_richiesta,
                    accompagnamento_richiesto, handicap_grave_richiesto, richiesta_il, registrata_da, stato, decisa_il, decisa_da, note)
                values (?, ?, ?, ?, 80, false, false, current_date, 'test', 'RESPINTA', now(), 'test', 'Verbale non allegato')
                returning id""", Long.class, g.getId(), g.getEnte().getId(), domanda, c.codiceFiscale());
        tx.executeWithoutResult(s -> eventi.publishEvent(new CambioDiStato(CambioDiStato.Evento.RETTIFICA_DECISA, rettifica)));
        assertThat(jdbc.queryForObject("select testo from notifica where chiave = ?", String.class, "RETTIFICA_DECISA:r" + rettifica))
                .contains("è stata respinta").doesNotContain("Verbale non allegato");

        // after the window: definitive, and told
        Instant dopo = Instant.now().plus(Duration.ofDays(16));
        OrologioDiProva.fermaA(dopo);
        graduatorieService.rendiDefinitiva(g.getId(), "test");
        assertThat(notifiche(domanda, "GRADUATORIA_DEFINITIVA")).isEqualTo(1);

        // the istruttoria at the Comune di Varese, the alloggio proposed, the 30 days, the contratto (the art. 15
        // order needs the year's reserves of the ente in the comune)
        // (the database's year and the moved clock's may differ at the turn of the year: both)
        for (int anno : new int[] {LocalDate.now().getYear(), LocalDate.ofInstant(dopo, it.piattaformacasa.common.ItalianFormats.ZONE).getYear()}) {
            jdbc.update("""
                    insert into piano_riserve (ente_id, comune_id, anno, alloggi_disponibili, aggiornato_il, aggiornato_da)
                    select e.id, c.id, ?, 10, now(), 'test' from ente_proprietario e, comune c
                     where e.codice_fiscale = ? and c.codice_istat = '012133'
                    on conflict (ente_id, comune_id, anno) do nothing""", anno, CF_COMUNE_VARESE);
        }
        ClientHttp.Risposta istruttoria = http.post("/api/graduatorie/" + g.getId() + "/istruttorie", VARESE_ISTRUTTORIA,
                "{\"domandaId\":" + domanda + "}");
        assertThat(istruttoria.status()).as(istruttoria.body()).isEqualTo(201);
        assertThat(notifiche(domanda, "ISTRUTTORIA_AVVIATA")).isEqualTo(1);
        ClientHttp.Risposta verifica = http.post("/api/istruttorie/" + istruttoria.json().get("id").asLong() + "/verifica",
                VARESE_ISTRUTTORIA, "{\"esito\":\"AMMISSIBILE\",\"alloggioId\":" + diVarese.get(0).getId() + "}");
        assertThat(verifica.status()).as(verifica.body()).isEqualTo(200);
        assertThat(notifiche(domanda, "ISTRUTTORIA_CONCLUSA")).isEqualTo(1);
        assertThat(notifiche(domanda, "ALLOGGIO_ASSEGNATO")).isEqualTo(1);
        long assegnazione = jdbc.queryForObject("select id from assegnazione where domanda_id = ?", Long.class, domanda);
        promemoria.scrivi();
        assertThat(notifiche(domanda, "PROMEMORIA_CONTRATTO")).isZero();
        Instant quasiTrenta = dopo.plus(Duration.ofDays(27));
        OrologioDiProva.fermaA(quasiTrenta);
        promemoria.scrivi();
        assertThat(notifiche(domanda, "PROMEMORIA_CONTRATTO")).isEqualTo(1);
        String oggi = LocalDate.ofInstant(quasiTrenta, it.piattaformacasa.common.ItalianFormats.ZONE).toString();
        ClientHttp.Risposta contratto = http.post("/api/assegnazioni/" + assegnazione + "/contratto", VARESE_ISTRUTTORIA,
                "{\"esito\":\"FIRMATO\",\"numero\":\"N-" + assegnazione + "\",\"firmatoIl\":\"" + oggi + "\",\"decorrenza\":\""
                        + oggi + "\",\"canoneMensile\":120.00,\"registrazione\":\"Agenzia Entrate Varese\"}");
        assertThat(contratto.status()).as(contratto.body()).isEqualTo(200);
        assertThat(notifiche(domanda, "CONTRATTO_REGISTRATO")).isEqualTo(1);

        invio.inviaDovute();
        assertThat(CittadiniDiProva.ricevuti(casella, c.email(), 9)).extracting(CasellaDellaDemo.Messaggio::oggetto).contains(
                "Domanda n. " + domanda + ": la graduatoria è definitiva",
                "Domanda n. " + domanda + ": decisa la richiesta di rettifica",
                "Domanda n. " + domanda + ": avviata l'istruttoria",
                "Domanda n. " + domanda + ": conclusa l'istruttoria",
                "Domanda n. " + domanda + ": ti è stato assegnato un alloggio",
                "Domanda n. " + domanda + ": il contratto va firmato entro il "
                        + it.piattaformacasa.common.ItalianFormats.data(LocalDate.ofInstant(dopo, it.piattaformacasa.common.ItalianFormats.ZONE).plusDays(30)),
                "Domanda n. " + domanda + ": contratto registrato");
    }
}
