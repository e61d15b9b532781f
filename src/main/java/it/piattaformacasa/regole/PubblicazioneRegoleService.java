package it.piattaformacasa.regole;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import it.piattaformacasa.common.AccessoNegatoException;
import it.piattaformacasa.common.ConflittoException;
import it.piattaformacasa.common.DatiNonValidiException;
import it.piattaformacasa.common.sicurezza.UtenteCorrente;

/**
 * Four eyes on rule changes (processes/pubblicazione-regole.bpmn). An analyst asks to publish a version — a new one, or
 * an older one again (rollback) — and its test cases must all pass; another analyst, never the author nor who asked,
 * approves it; the cases run again and the version becomes PUBLISHED from its date, the active KIE catalogue being
 * swapped only after the commit. A failing case or a version that does not compile never becomes active.
 */
@Service
public class PubblicazioneRegoleService {

    public static final String APPROVATA = "APPROVATA";
    public static final String RESPINTA = "RESPINTA";

    /** A test case failed: publication not started (HTTP 409), with the failures. */
    private static final class CasiFallitiException extends ConflittoException {
        CasiFallitiException(String nome, int versione, List<String> falliti) {
            super("Pubblicazione bloccata: casi di test di «" + nome + "» versione " + versione + " non superati: "
                    + String.join("; ", falliti));
        }
    }

    private final RepositoryRegole repository;
    private final CasiDiTestRegole casi;
    private final RegistroRegole registro;
    private final PubblicazioneRegoleProcesso processo;
    private final UtenteCorrente utente;
    private final ApplicationEventPublisher eventi;
    private final JdbcTemplate jdbc;

    PubblicazioneRegoleService(RepositoryRegole repository, CasiDiTestRegole casi, RegistroRegole registro,
                               PubblicazioneRegoleProcesso processo, UtenteCorrente utente, ApplicationEventPublisher eventi,
                               JdbcTemplate jdbc) {
        this.repository = repository;
        this.casi = casi;
        this.registro = registro;
        this.processo = processo;
        this.utente = utente;
        this.eventi = eventi;
        this.jdbc = jdbc;
    }

    /**
     * Starts the approval of a version. A RETIRED or already PUBLISHED version is a rollback (re-publication).
     *
     * @param validoDal from when it holds; null keeps the version's own date
     * @throws CasiFallitiException when a test case fails or the version has none
     */
    @Transactional
    public RepositoryRegole.Versione richiedi(String nome, int numero, LocalDate validoDal, String motivo) {
        if (motivo == null || motivo.isBlank()) {
            throw DatiNonValidiException.campo("motivo", "indicare il motivo della pubblicazione");
        }
        jdbc.queryForList("select id from regola_versione where nome = ? for update", Long.class, nome);
        RepositoryRegole.Versione versione = repository.versione(nome, numero);
        if (versione.stato() == RepositoryRegole.Stato.DRAFT) {
            throw new ConflittoException("La versione " + numero + " di «" + nome + "» è una bozza non validata");
        }
        if (processo.inCorso(nome)) {
            throw new ConflittoException("Una pubblicazione di «" + nome + "» attende già l'approvazione");
        }
        verificaCasi(nome, numero);
        jdbc.update("update regola_versione set pubblicazione_richiesta_da = ? where nome = ? and versione = ?",
                utente.username(), nome, numero);
        LocalDate dal = validoDal != null ? validoDal : versione.validoDal();
        registro.registra(utente.username(), RegistroRegole.Azione.RICHIESTA_PUBBLICAZIONE, nome, numero, null, motivo.strip(),
                Map.of("validoDal", dal.toString(), "statoPrecedente", versione.stato().name()));
        processo.avvia(nome, numero, utente.username(), versione.autore(), dal);
        return repository.versione(nome, numero);
    }

    /**
     * The version of the set whose publication waits for the second analyst (the last one asked while a process of
     * the set is open), or null.
     */
    @Transactional(readOnly = true)
    public Integer versioneInAttesa(String nome) {
        if (!processo.inCorso(nome)) {
            return null;
        }
        return jdbc.queryForList("""
                select versione from regola_audit where azione = 'RICHIESTA_PUBBLICAZIONE' and nome = ? order by id desc limit 1""",
                Integer.class, nome).stream().findFirst().orElse(null);
    }

    /** Approval or rejection from the API (Tasklist completes the same task with the same form). */
    @Transactional
    public RepositoryRegole.Versione decidi(String nome, int numero, String esito, String nota) {
        if (!APPROVATA.equals(esito) && !RESPINTA.equals(esito)) {
            throw DatiNonValidiException.campo("esito", "APPROVATA o RESPINTA");
        }
        RepositoryRegole.Versione versione = repository.versione(nome, numero);
        verificaQuattroOcchi(versione, versione.pubblicazioneRichiestaDa(), utente.username());
        Map<String, Object> campi = new LinkedHashMap<>();
        campi.put("esito", esito);
        campi.put("nota", nota);
        processo.completa(nome, utente.username(), campi);
        return repository.versione(nome, numero);
    }

    /**
     * @throws AccessoNegatoException when the operator wrote the version or asked for its publication
     */
    public void verificaQuattroOcchi(RepositoryRegole.Versione versione, String richiedente, String operatore) {
        if (operatore == null || operatore.equals(richiedente) || operatore.equals(versione.autore())) {
            throw new AccessoNegatoException("Quattro occhi: " + operatore + (operatore != null && operatore.equals(versione.autore())
                    ? " è l'autore della versione " : " ha chiesto la pubblicazione della versione ") + versione.versione()
                    + " di «" + versione.nome() + "» e non può approvarla: serve un altro analista");
        }
    }

    /**
     * The approved version becomes PUBLISHED from {@code validoDal}; bindings that may still change follow it; the new
     * catalogue is compiled now (a failure rolls everything back) and activated after the commit. When a test case
     * fails nothing changes but the audit entry of the blocked publication.
     *
     * @return the failing cases, empty when the version was published; a list, not an exception, so that the process
     *         step can end the publication as blocked without dooming the transaction it runs in
     */
    @Transactional
    public List<String> pubblica(String nome, int numero, LocalDate validoDal, String approvatore, String nota) {
        jdbc.queryForList("select id from regola_versione where nome = ? for update", Long.class, nome);
        RepositoryRegole.Versione versione = repository.versione(nome, numero);
        verificaQuattroOcchi(versione, versione.pubblicazioneRichiestaDa(), approvatore);
        List<String> falliti = casiNonSuperati(nome, numero);
        if (!falliti.isEmpty()) {
            registro.registra(approvatore, RegistroRegole.Azione.PUBBLICAZIONE_BLOCCATA, nome, numero, null,
                    "casi di test non superati", Map.of("falliti", falliti));
            return falliti;
        }
        boolean ripubblicazione = versione.pubblicataIl() != null;
        repository.rendiPubblicata(nome, numero, validoDal, approvatore);
        Map<String, Object> dettagli = new LinkedHashMap<>();
        dettagli.put("validoDal", validoDal.toString());
        dettagli.put("richiestaDa", versione.pubblicazioneRichiestaDa());
        dettagli.put("ritirate", jdbc.queryForList("""
                select versione from regola_versione where nome = ? and stato = 'RETIRED' and versione <> ? order by versione""",
                Integer.class, nome, numero));
        registro.registra(approvatore, ripubblicazione ? RegistroRegole.Azione.RIPUBBLICAZIONE : RegistroRegole.Azione.PUBBLICAZIONE,
                nome, numero, null, nota, dettagli);
        eventi.publishEvent(new RegolePubblicate(nome, numero, validoDal, approvatore));
        repository.attivaDopoIlCommit(repository.preparaCatalogo());
        return List.of();
    }

    @Transactional
    public void respingi(String nome, int numero, String operatore, String nota) {
        registro.registra(operatore, RegistroRegole.Azione.PUBBLICAZIONE_RESPINTA, nome, numero, null, nota, Map.of());
    }

    /** The test cases of the version that do not pass, described; «no cases» counts as a failure. */
    private List<String> casiNonSuperati(String nome, int numero) {
        List<CasiDiTestRegole.Esito> esiti = casi.esegui(nome, numero);
        if (esiti.isEmpty()) {
            return List.of("la versione non ha casi di test");
        }
        return esiti.stream().filter(e -> !e.superato())
                .map(e -> e.descrizione() + ": atteso " + e.atteso() + ", ottenuto " + (e.errore() != null ? e.errore() : e.ottenuto()))
                .toList();
    }

    private void verificaCasi(String nome, int numero) {
        List<String> falliti = casiNonSuperati(nome, numero);
        if (!falliti.isEmpty()) {
            throw new CasiFallitiException(nome, numero, falliti);
        }
    }
}
