package it.piattaformacasa.operatori;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import it.piattaformacasa.anagrafe.AnagrafeService;
import it.piattaformacasa.anagrafe.EnteProprietario;
import it.piattaformacasa.common.AccessoNegatoException;
import it.piattaformacasa.common.CodiceFiscale;
import it.piattaformacasa.common.ConflittoException;
import it.piattaformacasa.common.DatiNonValidiException;
import it.piattaformacasa.common.FoglioExcel;
import it.piattaformacasa.common.NonTrovatoException;
import it.piattaformacasa.common.PraticaInBreve;
import it.piattaformacasa.common.sicurezza.UtenteCorrente;
import it.piattaformacasa.operatori.ModelloAbilitazioni.Colonna;
import it.piattaformacasa.operatori.RichiestaAbilitazione.Esito;
import it.piattaformacasa.operatori.RichiestaAbilitazione.Riga;
import it.piattaformacasa.operatori.RichiestaAbilitazione.Scarto;
import it.piattaformacasa.operatori.RichiestaAbilitazione.Stato;
import it.piattaformacasa.operatori.RichiestaAbilitazione.Tipo;

/**
 * Issue 14, seed 002's «ABILITAZIONE UTENTI» / «DISABILITAZIONE UTENTI»: an ente's referente (an operator of the ente
 * with Gestione Avviso) sends the list of operators to enable or disable, as the model's spreadsheet or as rows;
 * every row is checked and all refusals are reported at once; a request with refused rows is kept with its report
 * and not sent. A sent request becomes a task of the regional validators (four eyes: not whoever sent it). On
 * approval, in the transaction of the task's completion: operators created (username = the codice fiscale in lower
 * case, no password: they will log in through the identity provider), abilitazioni added or removed for that ente
 * only («nessuna delega o avvalimento»), identities projected again, and the tasks a disabled operator held for
 * that ente given back. Everything in {@code abilitazione_registro}.
 */
@Service
public class AbilitazioniService {

    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
    private static final Pattern TELEFONO = Pattern.compile("\\+?[0-9][0-9 ./-]{4,28}");

    private final RichiestaAbilitazioneRepository richieste;
    private final OperatoreRepository operatori;
    private final OperatoriService operatoriService;
    private final OperatoriAuthenticationProvider accessi;
    private final AnagrafeService anagrafe;
    private final AbilitazioniProcesso processo;
    private final UtenteCorrente utente;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    AbilitazioniService(RichiestaAbilitazioneRepository richieste, OperatoreRepository operatori,
                        OperatoriService operatoriService, OperatoriAuthenticationProvider accessi, AnagrafeService anagrafe,
                        AbilitazioniProcesso processo, UtenteCorrente utente, JdbcTemplate jdbc, Clock clock) {
        this.richieste = richieste;
        this.operatori = operatori;
        this.operatoriService = operatoriService;
        this.accessi = accessi;
        this.anagrafe = anagrafe;
        this.processo = processo;
        this.utente = utente;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    // ------------------------------------------------------------------------------------------------ the ente

    /**
     * The ente whose operators the caller may enable: it holds Gestione Avviso for it. Who does not see the ente gets
     * 404, who sees it without being its referente (another abilitazione, supervisors, validators) 403.
     */
    @Transactional(readOnly = true)
    public EnteProprietario enteDelReferente(long enteId) {
        EnteProprietario ente = enteVisibile(enteId);
        if (!utente.entiGestioneAvviso().contains(enteId)) {
            throw new AccessoNegatoException("Solo gli operatori dell'ente abilitati alla Gestione dell'Avviso chiedono "
                    + "le abilitazioni per l'ente: nessuna delega o avvalimento");
        }
        return ente;
    }

    private EnteProprietario enteVisibile(long enteId) {
        if (!utente.puoVedereEnte(enteId) && !utente.validatoreRegionale()) {
            throw new NonTrovatoException("Ente " + enteId + " non trovato");
        }
        return anagrafe.ente(enteId);
    }

    /** The model's spreadsheet, checked and, without refused rows, sent to validation. */
    @Transactional
    public RichiestaAbilitazione richiedi(long enteId, Tipo tipo, String nomeFile, byte[] contenuto) {
        EnteProprietario ente = enteDelReferente(enteId);
        List<Riga> righe = new ArrayList<>();
        for (FoglioExcel.Riga<Colonna> r : FoglioExcel.leggi(contenuto, ModelloAbilitazioni.TRACCIATO)) {
            righe.add(new Riga(r.numero(), r.valore(Colonna.RAGIONE_SOCIALE), r.valore(Colonna.NOME), r.valore(Colonna.COGNOME),
                    r.valore(Colonna.CODICE_FISCALE), r.valore(Colonna.EMAIL), r.valore(Colonna.TELEFONO),
                    r.valore(Colonna.GESTIONE_AVVISO), r.valore(Colonna.ISTRUTTORIA_DOMANDE)));
        }
        return registra(ente, tipo, FoglioExcel.nomeFile(nomeFile, "abilitazioni.xlsx"), righe);
    }

    /** The same rows written in the console or sent as JSON (numbered from 1 in their order). */
    @Transactional
    public RichiestaAbilitazione richiedi(long enteId, Tipo tipo, List<Riga> righe) {
        EnteProprietario ente = enteDelReferente(enteId);
        List<Riga> numerate = new ArrayList<>();
        for (int i = 0; i < righe.size(); i++) {
            Riga r = righe.get(i);
            numerate.add(new Riga(i + 1, r.ragioneSociale(), r.nome(), r.cognome(), r.codiceFiscale(), r.email(), r.telefono(),
                    r.gestioneAvviso(), r.istruttoriaDomande()));
        }
        return registra(ente, tipo, null, numerate);
    }

    private RichiestaAbilitazione registra(EnteProprietario ente, Tipo tipo, String nomeFile, List<Riga> righe) {
        if (tipo == null) {
            throw DatiNonValidiException.campo("tipo", "indicare ABILITAZIONE o DISABILITAZIONE");
        }
        if (righe.isEmpty()) {
            throw DatiNonValidiException.campo("righe", "nessun operatore: il modello deve avere almeno una riga");
        }
        if (righe.size() > ModelloAbilitazioni.RIGHE_MASSIME) {
            throw DatiNonValidiException.campo("righe", "al massimo " + ModelloAbilitazioni.RIGHE_MASSIME + " operatori in una richiesta");
        }
        List<Scarto> scarti = verifica(ente, tipo, righe);
        RichiestaAbilitazione richiesta = richieste.save(new RichiestaAbilitazione(ente, tipo, nomeFile, righe, scarti,
                utente.username(), Instant.now(clock)));
        if (scarti.isEmpty()) {
            processo.avvia(richiesta.getId());
        }
        return richiesta;
    }

    /** Every refusal of every row, in the order of the rows and of the model's columns. */
    List<Scarto> verifica(EnteProprietario ente, Tipo tipo, List<Riga> righe) {
        List<Scarto> scarti = new ArrayList<>();
        String prefisso = tipo == Tipo.ABILITAZIONE ? "Abilitazione" : "Disabilitazione";
        Map<String, List<Integer>> perCodice = new HashMap<>();
        for (Riga r : righe) {
            if (r.codiceFiscale() != null && !r.codiceFiscale().isBlank()) {
                perCodice.computeIfAbsent(r.codiceFiscale().strip().toUpperCase(Locale.ROOT), k -> new ArrayList<>()).add(r.numero());
            }
        }
        String enteNormalizzato = ModelloAbilitazioni.chiave(ente.getRagioneSociale());
        for (Riga r : righe) {
            List<Scarto> dellaRiga = new ArrayList<>();
            if (vuoto(r.ragioneSociale())) {
                dellaRiga.add(scarto(r, Colonna.RAGIONE_SOCIALE, null, "la ragione sociale dell'ente è obbligatoria"));
            } else if (!ModelloAbilitazioni.chiave(r.ragioneSociale()).equals(enteNormalizzato)) {
                dellaRiga.add(scarto(r, Colonna.RAGIONE_SOCIALE, r.ragioneSociale(), "operatore di un altro ente: nessuna delega o "
                        + "avvalimento, questa richiesta riguarda solo gli operatori di " + ente.getRagioneSociale()));
            }
            testo(r, Colonna.NOME, r.nome(), 100, dellaRiga);
            testo(r, Colonna.COGNOME, r.cognome(), 100, dellaRiga);
            Optional<CodiceFiscale> cf = codiceFiscale(r, perCodice, dellaRiga);
            if (vuoto(r.email())) {
                if (tipo == Tipo.ABILITAZIONE) {
                    dellaRiga.add(scarto(r, Colonna.EMAIL, null, "l'indirizzo di posta elettronica individuale è obbligatorio"));
                }
            } else if (r.email().strip().length() > 200 || !EMAIL.matcher(r.email().strip()).matches()) {
                dellaRiga.add(scarto(r, Colonna.EMAIL, r.email(), "indirizzo di posta elettronica non valido (nome@dominio.it)"));
            }
            if (!vuoto(r.telefono()) && !TELEFONO.matcher(r.telefono().strip()).matches()) {
                dellaRiga.add(scarto(r, Colonna.TELEFONO, r.telefono(), "recapito telefonico non valido: cifre, spazi e «+ . / -»"));
            }
            Boolean avviso = siNo(r, Colonna.GESTIONE_AVVISO, r.gestioneAvviso(), prefisso, dellaRiga);
            Boolean istruttoria = siNo(r, Colonna.ISTRUTTORIA_DOMANDE, r.istruttoriaDomande(), prefisso, dellaRiga);
            if (Boolean.FALSE.equals(avviso) && Boolean.FALSE.equals(istruttoria)) {
                dellaRiga.add(scarto(r, Colonna.GESTIONE_AVVISO, "NO", "almeno una delle due colonne (1) e (2) deve essere SI"));
            }
            if (tipo == Tipo.DISABILITAZIONE && cf.isPresent() && avviso != null && istruttoria != null) {
                Optional<Operatore> operatore = operatori.findByCodiceFiscale(cf.get());
                if (operatore.isEmpty()) {
                    dellaRiga.add(scarto(r, Colonna.CODICE_FISCALE, r.codiceFiscale(), "nessun operatore della piattaforma con "
                            + "questo codice fiscale: non c'è nulla da disabilitare"));
                } else {
                    for (TipoAbilitazione t : richieste(avviso, istruttoria)) {
                        if (!abilitato(operatore.get(), ente, t)) {
                            dellaRiga.add(scarto(r, t == TipoAbilitazione.GESTIONE_AVVISO ? Colonna.GESTIONE_AVVISO
                                    : Colonna.ISTRUTTORIA_DOMANDE, "SI", "l'operatore non ha questa abilitazione per "
                                    + ente.getRagioneSociale()));
                        }
                    }
                }
            }
            scarti.addAll(dellaRiga);
        }
        return scarti;
    }

    private static Optional<CodiceFiscale> codiceFiscale(Riga r, Map<String, List<Integer>> perCodice, List<Scarto> scarti) {
        if (vuoto(r.codiceFiscale())) {
            scarti.add(scarto(r, Colonna.CODICE_FISCALE, null, "il codice fiscale dell'operatore è obbligatorio"));
            return Optional.empty();
        }
        String valore = r.codiceFiscale().strip();
        CodiceFiscale cf;
        try {
            cf = CodiceFiscale.of(valore);
        } catch (IllegalArgumentException e) {
            scarti.add(scarto(r, Colonna.CODICE_FISCALE, valore, e.getMessage()));
            return Optional.empty();
        }
        if (!cf.personaFisica()) {
            scarti.add(scarto(r, Colonna.CODICE_FISCALE, valore, "il codice fiscale dell'operatore deve essere di una persona "
                    + "fisica (16 caratteri)"));
            return Optional.empty();
        }
        List<Integer> stesse = perCodice.get(cf.valore());
        if (stesse != null && stesse.size() > 1) {
            scarti.add(scarto(r, Colonna.CODICE_FISCALE, valore, "codice fiscale ripetuto nel file (righe "
                    + stesse.stream().map(String::valueOf).collect(Collectors.joining(", ")) + "): ogni operatore una volta sola"));
            return Optional.empty();
        }
        return Optional.of(cf);
    }

    private static void testo(Riga r, Colonna colonna, String valore, int massimo, List<Scarto> scarti) {
        if (vuoto(valore)) {
            scarti.add(scarto(r, colonna, null, "campo obbligatorio"));
        } else if (valore.strip().length() > massimo) {
            scarti.add(scarto(r, colonna, valore.substring(0, 40) + "…", "al più " + massimo + " caratteri"));
        }
    }

    private static Boolean siNo(Riga r, Colonna colonna, String valore, String prefisso, List<Scarto> scarti) {
        String colonnaNelModello = prefisso + (colonna == Colonna.GESTIONE_AVVISO ? " per la Gestione dell'Avviso"
                : " per l'Istruttoria delle Domande");
        if (vuoto(valore)) {
            scarti.add(scarto(r, colonna, null, "indicare SI o NO («" + colonnaNelModello + "»)"));
            return null;
        }
        String k = ModelloAbilitazioni.chiave(valore);
        if (k.equals("si")) {
            return true;
        }
        if (k.equals("no")) {
            return false;
        }
        scarti.add(scarto(r, colonna, valore, "valore non ammesso: SI o NO («" + colonnaNelModello + "»)"));
        return null;
    }

    private static Set<TipoAbilitazione> richieste(boolean avviso, boolean istruttoria) {
        Set<TipoAbilitazione> tipi = EnumSet.noneOf(TipoAbilitazione.class);
        if (avviso) {
            tipi.add(TipoAbilitazione.GESTIONE_AVVISO);
        }
        if (istruttoria) {
            tipi.add(TipoAbilitazione.ISTRUTTORIA_DOMANDE);
        }
        return tipi;
    }

    private static boolean abilitato(Operatore operatore, EnteProprietario ente, TipoAbilitazione tipo) {
        return operatore.getAbilitazioni().stream().anyMatch(a -> a.getEnte().getId().equals(ente.getId()) && a.getTipo() == tipo);
    }

    private static Scarto scarto(Riga r, Colonna colonna, String valore, String motivo) {
        return new Scarto(r.numero(), colonna.intestazione(), valore, motivo);
    }

    private static boolean vuoto(String s) {
        return s == null || s.isBlank();
    }

    // ------------------------------------------------------------------------------------------------ reading

    /** The ente's requests, the latest first: for its operators, the validators, supervisors and administrators. */
    @Transactional(readOnly = true)
    public List<RichiestaAbilitazione> richieste(long enteId) {
        enteVisibile(enteId);
        return richieste.findByEnteIdOrderByIdDesc(enteId);
    }

    @Transactional(readOnly = true)
    public RichiestaAbilitazione richiesta(long enteId, long richiestaId) {
        RichiestaAbilitazione richiesta = richiestaVisibile(richiestaId);
        if (!richiesta.getEnte().getId().equals(enteId)) {
            throw new NonTrovatoException("Richiesta di abilitazione " + richiestaId + " non trovata");
        }
        return richiesta;
    }

    /** The enti whose operators the caller may ask to enable: those it holds Gestione Avviso for. */
    @Transactional(readOnly = true)
    public List<EnteProprietario> entiDelReferente() {
        Set<Long> enti = utente.entiGestioneAvviso();
        return anagrafe.enti().stream().filter(e -> enti.contains(e.getId())).toList();
    }

    /**
     * The latest requests the caller sees, the latest first: its enti's; every ente's for validators, supervisors and
     * administrators.
     */
    @Transactional(readOnly = true)
    public List<RichiestaAbilitazione> recenti(int quante) {
        boolean tutte = utente.validatoreRegionale() || utente.vedeTuttiGliEnti();
        Set<Long> enti = utente.entiAbilitati();
        return richieste.findTop200ByOrderByIdDesc().stream().filter(r -> tutte || enti.contains(r.getEnte().getId()))
                .limit(quante).toList();
    }

    /** A request, for whoever sees its ente (and the validators). */
    @Transactional(readOnly = true)
    public RichiestaAbilitazione richiesta(long richiestaId) {
        return richiestaVisibile(richiestaId);
    }

    /** The requests waiting for a decision, for the validators. */
    @Transactional(readOnly = true)
    public List<RichiestaAbilitazione> daValidare() {
        if (!utente.validatoreRegionale()) {
            throw new AccessoNegatoException("Solo i validatori regionali validano le richieste di abilitazione");
        }
        return richieste.findByStatoOrderById(Stato.IN_VALIDAZIONE);
    }

    private RichiestaAbilitazione richiestaVisibile(long richiestaId) {
        RichiestaAbilitazione richiesta = richieste.findById(richiestaId)
                .orElseThrow(() -> new NonTrovatoException("Richiesta di abilitazione " + richiestaId + " non trovata"));
        if (!utente.puoVedereEnte(richiesta.getEnte().getId()) && !utente.validatoreRegionale()) {
            throw new NonTrovatoException("Richiesta di abilitazione " + richiestaId + " non trovata");
        }
        return richiesta;
    }

    /** What changed by a request's approval, in order. */
    public record VoceRegistro(String operatore, String azione, String dettaglio, String eseguitaDa, Instant eseguitaIl) {
    }

    @Transactional(readOnly = true)
    public List<VoceRegistro> registro(long enteId, long richiestaId) {
        richiesta(enteId, richiestaId);
        return jdbc.query("select operatore, azione, dettaglio, eseguita_da, eseguita_il from abilitazione_registro"
                        + " where richiesta_id = ? order by id", (rs, n) -> new VoceRegistro(rs.getString(1), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant()), richiestaId);
    }

    /**
     * The request as its task names it in Tasklist; empty if it is not there. Not transactional: called by the engine
     * while it creates the task, it must never mark that transaction for rollback.
     */
    public Optional<PraticaInBreve> inBreve(long richiestaId) {
        return richieste.findById(richiestaId).map(r -> new PraticaInBreve(r.getEnte().getRagioneSociale(),
                r.getEnte().getComune().getNome(), null, "Richiesta di " + r.getTipo().name().toLowerCase(Locale.ROOT)
                + " n. " + r.getId() + " (" + r.getRighe().size() + (r.getRighe().size() == 1 ? " operatore)" : " operatori)"),
                null));
    }

    /** The rows as the validator's form shows them: a Markdown table (names of operators, not of applicants). */
    public String righeNelModulo(long richiestaId) {
        return richieste.findById(richiestaId).map(r -> {
            StringBuilder t = new StringBuilder("| Riga | Operatore | Codice fiscale | Posta elettronica | (1) Gestione Avviso |"
                    + " (2) Istruttoria Domande |\n|---|---|---|---|---|---|\n");
            for (Riga riga : r.getRighe()) {
                t.append("| ").append(riga.numero()).append(" | ").append(cella(riga.nome())).append(' ')
                        .append(cella(riga.cognome())).append(" | ").append(cella(riga.codiceFiscale())).append(" | ")
                        .append(cella(riga.email())).append(" | ").append(cella(riga.gestioneAvviso())).append(" | ")
                        .append(cella(riga.istruttoriaDomande())).append(" |\n");
            }
            return "**" + (r.getTipo() == Tipo.ABILITAZIONE ? "Abilitazione" : "Disabilitazione") + "** richiesta da "
                    + r.getInviataDa() + " per " + r.getEnte().getRagioneSociale() + "\n\n" + t;
        }).orElse("");
    }

    private static String cella(String testo) {
        return testo == null ? "" : testo.replaceAll("[|\\\\*_`<>\\[\\]#\\r\\n]", " ").strip();
    }

    // ------------------------------------------------------------------------------------------------ deciding

    /** Whether the caller may decide this request now: a regional validator who did not send it, while it waits. */
    public boolean puoDecidere(RichiestaAbilitazione richiesta) {
        return richiesta.getStato() == Stato.IN_VALIDAZIONE && utente.validatoreRegionale()
                && !utente.username().equals(richiesta.getInviataDa());
    }

    /** The validator's decision from the API or the console; Tasklist reaches {@link #decidi} through the process. */
    @Transactional
    public RichiestaAbilitazione valida(long richiestaId, Esito esito, String motivo) {
        RichiestaAbilitazione richiesta = richiestaVisibile(richiestaId);
        controllaDecisione(richiesta, utente.username(), utente.validatoreRegionale(), esito, motivo);
        processo.valida(richiestaId, utente.username(), esito, motivo);
        return richieste.findById(richiestaId).orElseThrow();
    }

    private static void controllaDecisione(RichiestaAbilitazione richiesta, String validatore, boolean eValidatore, Esito esito,
                                           String motivo) {
        if (!eValidatore) {
            throw new AccessoNegatoException("Solo i validatori regionali decidono le richieste di abilitazione");
        }
        if (validatore.equals(richiesta.getInviataDa())) {
            throw new AccessoNegatoException("Quattro occhi: la richiesta è stata inviata da " + validatore
                    + ", la valida un altro validatore regionale");
        }
        if (richiesta.getStato() != Stato.IN_VALIDAZIONE) {
            throw new ConflittoException("La richiesta di abilitazione " + richiesta.getId() + " non è in validazione (stato "
                    + richiesta.getStato() + ")");
        }
        if (esito == null) {
            throw DatiNonValidiException.campo("esito", "indicare APPROVATA o RESPINTA");
        }
        if (esito == Esito.RESPINTA && vuoto(motivo)) {
            throw DatiNonValidiException.campo("motivo", "il motivo è obbligatorio per respingere la richiesta");
        }
        if (motivo != null && motivo.length() > 2000) {
            throw DatiNonValidiException.campo("motivo", "al più 2000 caratteri");
        }
    }

    /**
     * Called by the process when the validator completes «Valida richiesta di abilitazione», in the transaction of the
     * completion: a refusal here rolls it back and Tasklist shows why.
     */
    @Transactional
    public void decidi(long richiestaId, Esito esito, String motivo, String validatore) {
        RichiestaAbilitazione richiesta = richieste.findById(richiestaId)
                .orElseThrow(() -> new NonTrovatoException("Richiesta di abilitazione " + richiestaId + " non trovata"));
        boolean eValidatore = operatori.findByUsername(validatore).filter(Operatore::isAttivo)
                .map(o -> o.getRuoli().contains(RuoloPiattaforma.VALIDATORE_REGIONALE)).orElse(false);
        controllaDecisione(richiesta, validatore, eValidatore, esito, motivo);
        Instant adesso = Instant.now(clock);
        richiesta.decidi(esito, validatore, adesso, vuoto(motivo) ? null : motivo.strip());
        if (esito == Esito.APPROVATA) {
            applica(richiesta, validatore, adesso);
        }
        richieste.saveAndFlush(richiesta);
    }

    private void applica(RichiestaAbilitazione richiesta, String validatore, Instant adesso) {
        EnteProprietario ente = richiesta.getEnte();
        Map<Operatore, Set<String>> gruppiPrima = new LinkedHashMap<>();
        List<Operatore> cambiati = new ArrayList<>();
        for (Riga r : richiesta.getRighe()) {
            CodiceFiscale cf = CodiceFiscale.of(r.codiceFiscale());
            Set<TipoAbilitazione> tipi = richieste("si".equals(ModelloAbilitazioni.chiave(r.gestioneAvviso())),
                    "si".equals(ModelloAbilitazioni.chiave(r.istruttoriaDomande())));
            Optional<Operatore> esistente = operatori.findByCodiceFiscale(cf);
            if (richiesta.getTipo() == Tipo.ABILITAZIONE) {
                Operatore operatore = esistente.orElseGet(() -> new Operatore(cf.valore().toLowerCase(Locale.ROOT), cf,
                        r.nome().strip(), r.cognome().strip(), r.email().strip(), vuoto(r.telefono()) ? null : r.telefono().strip()));
                if (esistente.isEmpty()) {
                    registra(richiesta, ente, operatore.getUsername(), "OPERATORE_CREATO", r.nome().strip() + " " + r.cognome().strip()
                            + ", senza password: accede con l'identity provider", validatore, adesso);
                }
                for (TipoAbilitazione t : tipi) {
                    if (!abilitato(operatore, ente, t)) {
                        operatore.abilita(ente, t);
                        registra(richiesta, ente, operatore.getUsername(), "ABILITATO", descrizione(t) + " per "
                                + ente.getRagioneSociale(), validatore, adesso);
                    }
                }
                cambiati.add(operatore);
            } else {
                // checked when sent; a change made meanwhile (another request) leaves less to remove, never an error
                Operatore operatore = esistente.orElseThrow(() -> new ConflittoException("L'operatore della riga " + r.numero()
                        + " non è più nella piattaforma"));
                gruppiPrima.put(operatore, OperatoriService.gruppiDi(operatore));
                for (TipoAbilitazione t : tipi) {
                    if (abilitato(operatore, ente, t)) {
                        operatore.disabilita(ente, t);
                        registra(richiesta, ente, operatore.getUsername(), "DISABILITATO", descrizione(t) + " per "
                                + ente.getRagioneSociale(), validatore, adesso);
                    }
                }
                cambiati.add(operatore);
            }
        }
        operatoriService.registraEAllinea(cambiati);
        // disabling takes effect at once: no remembered login keeps the old groups, no task stays with its holder
        for (Map.Entry<Operatore, Set<String>> prima : gruppiPrima.entrySet()) {
            Operatore operatore = prima.getKey();
            accessi.dimentica(operatore.getUsername());
            Set<String> rimasti = OperatoriService.gruppiDi(operatore);
            Set<String> persi = prima.getValue().stream().filter(g -> !rimasti.contains(g)).collect(Collectors.toSet());
            if (persi.isEmpty()) {
                continue;
            }
            for (AbilitazioniProcesso.AttivitaRilasciata a : processo.rilascia(operatore.getUsername(), persi, rimasti)) {
                registra(richiesta, ente, operatore.getUsername(), "ATTIVITA_RILASCIATA", troncato("«" + a.nome() + "» ("
                        + a.processo() + " " + a.businessKey() + ", attività " + a.taskId() + ") restituita ai candidati"),
                        validatore, adesso);
            }
        }
    }

    private static String descrizione(TipoAbilitazione tipo) {
        return tipo == TipoAbilitazione.GESTIONE_AVVISO ? "Gestione dell'Avviso" : "Istruttoria delle Domande";
    }

    private static String troncato(String testo) {
        return testo.length() > 500 ? testo.substring(0, 499) + "…" : testo;
    }

    private void registra(RichiestaAbilitazione richiesta, EnteProprietario ente, String operatore, String azione,
                          String dettaglio, String eseguitaDa, Instant il) {
        jdbc.update("insert into abilitazione_registro (richiesta_id, ente_id, operatore, azione, dettaglio, eseguita_da, eseguita_il)"
                + " values (?, ?, ?, ?, ?, ?, ?)", richiesta.getId(), ente.getId(), operatore, azione, troncato(dettaglio), eseguitaDa,
                java.sql.Timestamp.from(il));
    }
}
