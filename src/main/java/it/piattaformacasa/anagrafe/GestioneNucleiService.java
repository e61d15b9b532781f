package it.piattaformacasa.anagrafe;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import it.piattaformacasa.common.CodiceFiscale;
import it.piattaformacasa.common.ConflittoException;
import it.piattaformacasa.common.DatiNonValidiException;
import it.piattaformacasa.common.DatiNonValidiException.Errore;
import it.piattaformacasa.common.NonTrovatoException;
import it.piattaformacasa.common.TestoSicuro;
import it.piattaformacasa.common.sicurezza.UtenteCorrente;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

/**
 * The nuclei assegnatari the ente keeps (issue 13, seed 001 «Nuclei familiari – ricerca inquilini»): its Gestione Avviso
 * operators register the household living in an OCCUPATO alloggio (one that predates the platform), correct its members
 * and record the end of the assignment, with the alloggio's new state. Same rights as the alloggio's forms
 * ({@link GestioneAnagrafeService#alloggioGestito}: another ente's is 404, a reader 403), same register: every change is
 * a MODIFICA of the alloggio with the fields «nucleo», «componenti», «terminatoIl», «motivoTermine», «stato».
 *
 * <p>Only OCCUPATO: an alloggio OCCUPATO_SENZA_TITOLO has occupants, not assegnatari — seed 001 keeps them apart, in the
 * «Banca dati degli occupanti senza titolo» («soggetti abusivi»). A domanda's nucleo (a lease's tenant) is never changed in
 * its members: the change goes to a copy that takes its place as tenant.
 */
@Service
@Transactional
public class GestioneNucleiService {

    /** States an alloggio may take when its household leaves (the operator chooses). */
    public static final List<StatoAlloggio> STATI_DOPO_IL_TERMINE = List.of(StatoAlloggio.LIBERO,
            StatoAlloggio.SFITTO_CARENZE_MANUTENTIVE, StatoAlloggio.SFITTO_RISTRUTTURAZIONE);
    private static final int MAX_COMPONENTI = 20;
    private static final LocalDate NATI_DAL = LocalDate.of(1900, 1, 1);

    private final GestioneAnagrafeService gestione;
    private final NucleoFamiliareRepository nuclei;
    private final RegistroAnagrafe registro;
    private final UtenteCorrente utente;
    private final JdbcTemplate jdbc;
    private final EntityManager em;
    private final Clock clock;

    GestioneNucleiService(GestioneAnagrafeService gestione, NucleoFamiliareRepository nuclei, RegistroAnagrafe registro,
                          UtenteCorrente utente, JdbcTemplate jdbc, EntityManager em, Clock clock) {
        this.gestione = gestione;
        this.nuclei = nuclei;
        this.registro = registro;
        this.utente = utente;
        this.jdbc = jdbc;
        this.em = em;
        this.clock = clock;
    }

    /** The alloggio's current tenant household, if any (for the forms; 404/403 as the alloggio's forms). */
    @Transactional(readOnly = true)
    public NucleoFamiliare nucleoGestito(long id) {
        NucleoFamiliare nucleo = nuclei.findById(id).filter(n -> n.getAlloggio() != null)
                .orElseThrow(() -> new NonTrovatoException("Nucleo " + id + " non trovato"));
        gestione.alloggioGestito(nucleo.getAlloggio().getId());
        nucleo.getComponenti().size();
        return nucleo;
    }

    /** The current tenant of the alloggio, for who sees it (empty if none). */
    @Transactional(readOnly = true)
    public java.util.Optional<NucleoFamiliare> nucleoAttuale(long alloggioId) {
        return nuclei.findByAlloggioId(alloggioId).stream().filter(NucleoFamiliare::isAttuale).findFirst()
                .map(n -> {
                    n.getComponenti().size();
                    org.hibernate.Hibernate.initialize(n.getAlloggio());
                    return n;
                });
    }

    /**
     * «Registra il nucleo assegnatario» of an OCCUPATO alloggio with no current household.
     *
     * @param versione the alloggio's version the caller read (409 if it changed: another operator may be registering)
     */
    public NucleoFamiliare registra(long alloggioId, long versione, List<DatiComponente> richiesta) {
        Alloggio alloggio = gestione.alloggioGestito(alloggioId);
        String cosa = "L'alloggio " + alloggio.getCodiceUi();
        if (alloggio.isRitirato()) {
            throw new ConflittoException(cosa + " è stato ritirato dall'Anagrafe");
        }
        GestioneAnagrafeService.verificaVersione(alloggio.getVersion(), versione, cosa);
        // two operators registering at once: the second waits, then finds the version changed (409)
        blocca(alloggio, cosa);
        if (alloggio.getStato() != StatoAlloggio.OCCUPATO) {
            throw new ConflittoException(cosa + " non è occupato da assegnatari (stato " + alloggio.getStato()
                    + "): il nucleo assegnatario si registra solo per un alloggio OCCUPATO");
        }
        if (nuclei.findByAlloggioId(alloggioId).stream().anyMatch(NucleoFamiliare::isAttuale)) {
            throw new ConflittoException(cosa + " ha già un nucleo assegnatario: modificarlo o terminare l'assegnazione");
        }
        List<DatiComponente> dati = verifica(richiesta, null);
        NucleoFamiliare nucleo = new NucleoFamiliare();
        dati.forEach(d -> nucleo.aggiungi(nuovo(d)));
        nucleo.insediaIn(alloggio);
        nuclei.save(nucleo);
        gestione.scrivi(alloggio, cosa);
        Map<String, String> prima = new LinkedHashMap<>();
        prima.put("nucleo", null);
        Map<String, String> dopo = new LinkedHashMap<>();
        dopo.put("nucleo", nucleo.getId().toString());
        dopo.put("componenti", fotografia(nucleo));
        registra(alloggio, prima, dopo);
        return nucleo;
    }

    /** «Modifica il nucleo»: the members as they are now (by codice fiscale: kept and corrected, added, removed). */
    public NucleoFamiliare modifica(long nucleoId, long versione, List<DatiComponente> richiesta) {
        NucleoFamiliare nucleo = nucleoGestito(nucleoId);
        Alloggio alloggio = nucleo.getAlloggio();
        verificaAttuale(nucleo);
        GestioneAnagrafeService.verificaVersione(nucleo.getVersion(), versione, "Il nucleo dell'alloggio " + alloggio.getCodiceUi());
        List<DatiComponente> dati = verifica(richiesta, nucleo.getId());
        if (fotografia(nucleo).equals(fotografia(dati))) {
            // nothing changed: no new version, nothing recorded
            return nucleo;
        }
        blocca(nucleo, "Il nucleo dell'alloggio " + alloggio.getCodiceUi());
        String primaComponenti = fotografia(nucleo);
        boolean diUnaDomanda = Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from domanda where nucleo_id = ?)", Boolean.class, nucleo.getId()));
        NucleoFamiliare risultato;
        if (diUnaDomanda) {
            // the domanda keeps the household it declared: the tenant becomes a copy with the changes
            NucleoFamiliare copia = new NucleoFamiliare();
            dati.forEach(d -> copia.aggiungi(nuovo(d)));
            copia.insediaIn(alloggio);
            nuclei.save(copia);
            em.flush();
            nucleo.sostituitoDa(copia.getId());
            risultato = copia;
        } else {
            applica(nucleo, dati);
            risultato = nucleo;
        }
        gestione.scrivi(nucleo, "Il nucleo dell'alloggio " + alloggio.getCodiceUi());
        Map<String, String> prima = new LinkedHashMap<>();
        Map<String, String> dopo = new LinkedHashMap<>();
        if (risultato != nucleo) {
            prima.put("nucleo", nucleo.getId().toString());
            dopo.put("nucleo", risultato.getId().toString());
        }
        prima.put("componenti", primaComponenti);
        dopo.put("componenti", fotografia(risultato));
        registra(alloggio, prima, dopo);
        return risultato;
    }

    /**
     * «Termina l'assegnazione»: the household left on that day for that reason; the alloggio takes the state the operator
     * chose, under the rules of any change of state ({@link VincoliSullAlloggio}: 409 with the reason).
     */
    public NucleoFamiliare termina(long nucleoId, long versione, LocalDate il, String motivo, StatoAlloggio statoAlloggio) {
        NucleoFamiliare nucleo = nucleoGestito(nucleoId);
        Alloggio alloggio = nucleo.getAlloggio();
        verificaAttuale(nucleo);
        GestioneAnagrafeService.verificaVersione(nucleo.getVersion(), versione, "Il nucleo dell'alloggio " + alloggio.getCodiceUi());
        List<Errore> errori = new ArrayList<>();
        LocalDate oggi = LocalDate.now(clock.withZone(it.piattaformacasa.common.ItalianFormats.ZONE));
        if (il == null) {
            errori.add(new Errore("data", "la data del termine è obbligatoria"));
        } else if (il.isAfter(oggi)) {
            errori.add(new Errore("data", "la data del termine non può essere futura"));
        } else if (il.isBefore(NATI_DAL)) {
            errori.add(new Errore("data", "data non plausibile"));
        }
        String perche = motivo == null ? "" : motivo.strip();
        if (perche.isEmpty()) {
            errori.add(new Errore("motivo", "il motivo del termine è obbligatorio (decesso, trasferimento, decadenza…)"));
        } else if (perche.length() > 500) {
            errori.add(new Errore("motivo", "al massimo 500 caratteri"));
        } else {
            TestoSicuro.problema(perche, true).ifPresent(p -> errori.add(new Errore("motivo", p)));
        }
        if (statoAlloggio == null) {
            errori.add(new Errore("statoAlloggio", "lo stato dell'alloggio dopo il termine è obbligatorio"));
        } else if (!STATI_DOPO_IL_TERMINE.contains(statoAlloggio)) {
            errori.add(new Errore("statoAlloggio", "dopo il termine l'alloggio è LIBERO, SFITTO_CARENZE_MANUTENTIVE"
                    + " o SFITTO_RISTRUTTURAZIONE"));
        }
        if (!errori.isEmpty()) {
            throw new DatiNonValidiException(errori);
        }
        if (alloggio.isRitirato()) {
            throw new ConflittoException("L'alloggio " + alloggio.getCodiceUi() + " è stato ritirato dall'Anagrafe");
        }
        StatoAlloggio primaStato = alloggio.getStato();
        if (statoAlloggio != primaStato) {
            gestione.verificaVincoli(alloggio, "lo stato non può passare da " + primaStato + " a " + statoAlloggio);
        }
        blocca(nucleo, "Il nucleo dell'alloggio " + alloggio.getCodiceUi());
        nucleo.termina(il, perche, utente.username());
        alloggio.cambiaStato(statoAlloggio);
        gestione.scrivi(nucleo, "Il nucleo dell'alloggio " + alloggio.getCodiceUi());
        Map<String, String> prima = new LinkedHashMap<>();
        prima.put("nucleo", nucleo.getId().toString());
        prima.put("terminatoIl", null);
        prima.put("motivoTermine", null);
        Map<String, String> dopo = new LinkedHashMap<>();
        dopo.put("nucleo", null);
        dopo.put("terminatoIl", il.toString());
        dopo.put("motivoTermine", perche);
        if (statoAlloggio != primaStato) {
            prima.put("stato", primaStato.name());
            dopo.put("stato", statoAlloggio.name());
        }
        registra(alloggio, prima, dopo);
        return nucleo;
    }

    // ------------------------------------------------------------------------------------------------- common

    /** A new version now, the row locked: a concurrent change of the same version waits, then is a 409. */
    private void blocca(Object entita, String cosa) {
        try {
            em.lock(entita, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
        } catch (jakarta.persistence.OptimisticLockException | org.springframework.dao.OptimisticLockingFailureException
                 | org.hibernate.StaleStateException e) {
            throw new ConflittoException(cosa + " è stato modificato da un altro operatore nello stesso momento:"
                    + " ricaricare i dati e ripetere la modifica");
        }
    }

    private void verificaAttuale(NucleoFamiliare nucleo) {
        if (nucleo.getTerminatoIl() != null) {
            throw new ConflittoException("L'assegnazione del nucleo all'alloggio " + nucleo.getAlloggio().getCodiceUi()
                    + " è terminata: il nucleo resta nello storico e non si modifica");
        }
        if (nucleo.getSostituitoDaId() != null) {
            throw new ConflittoException("Il nucleo è stato sostituito dal nucleo " + nucleo.getSostituitoDaId()
                    + " dopo una modifica: ricaricare i dati dell'alloggio");
        }
        if (nucleo.getAlloggio().isRitirato()) {
            throw new ConflittoException("L'alloggio " + nucleo.getAlloggio().getCodiceUi() + " è stato ritirato dall'Anagrafe");
        }
    }

    /** Every member valid, exactly one intestatario, no codice fiscale twice nor in another current tenant household. */
    private List<DatiComponente> verifica(List<DatiComponente> richiesta, Long nucleoId) {
        List<Errore> errori = new ArrayList<>();
        List<DatiComponente> dati = new ArrayList<>();
        if (richiesta == null || richiesta.isEmpty()) {
            throw DatiNonValidiException.campo("componenti", "il nucleo ha almeno un componente, l'intestatario (RICHIEDENTE)");
        }
        if (richiesta.size() > MAX_COMPONENTI) {
            throw DatiNonValidiException.campo("componenti", "al massimo " + MAX_COMPONENTI + " componenti");
        }
        LocalDate oggi = LocalDate.now(clock.withZone(it.piattaformacasa.common.ItalianFormats.ZONE));
        Map<String, Integer> visti = new HashMap<>();
        int richiedenti = 0;
        for (int i = 0; i < richiesta.size(); i++) {
            DatiComponente c = richiesta.get(i) == null ? new DatiComponente(null, null, null, null, null) : richiesta.get(i);
            String campo = "componenti[" + i + "].";
            String cf = c.codiceFiscale() == null ? null : c.codiceFiscale().strip().toUpperCase(Locale.ROOT);
            if (cf == null || cf.isEmpty()) {
                errori.add(new Errore(campo + "codiceFiscale", "obbligatorio"));
            } else if (cf.length() != 16 || !CodiceFiscale.isValid(cf)) {
                errori.add(new Errore(campo + "codiceFiscale", "codice fiscale di persona fisica non valido (16 caratteri con il carattere di controllo)"));
            } else if (visti.putIfAbsent(cf, i) != null) {
                errori.add(new Errore(campo + "codiceFiscale", "codice fiscale già indicato per il componente " + (visti.get(cf) + 1)));
            }
            String nome = testo(c.nome(), campo + "nome", errori);
            String cognome = testo(c.cognome(), campo + "cognome", errori);
            if (c.dataNascita() == null) {
                errori.add(new Errore(campo + "dataNascita", "obbligatoria"));
            } else if (c.dataNascita().isAfter(oggi)) {
                errori.add(new Errore(campo + "dataNascita", "la data di nascita non può essere futura"));
            } else if (c.dataNascita().isBefore(NATI_DAL)) {
                errori.add(new Errore(campo + "dataNascita", "data di nascita non plausibile"));
            }
            if (c.relazione() == null) {
                errori.add(new Errore(campo + "relazione", "obbligatoria"));
            } else if (c.relazione() == RelazioneParentela.RICHIEDENTE) {
                richiedenti++;
            }
            dati.add(new DatiComponente(cf, nome, cognome, c.dataNascita(), c.relazione()));
        }
        if (richiedenti != 1) {
            errori.add(new Errore("componenti", richiedenti == 0
                    ? "manca l'intestatario: un componente ha la relazione RICHIEDENTE"
                    : "un solo componente è l'intestatario (RICHIEDENTE), qui sono " + richiedenti));
        }
        if (errori.isEmpty()) {
            // a person is the tenant of one alloggio at a time
            for (int i = 0; i < dati.size(); i++) {
                Boolean altrove = jdbc.queryForObject("""
                        select exists (select 1 from componente c join nucleo_familiare n on n.id = c.nucleo_id
                         where c.codice_fiscale = ? and n.alloggio_id is not null and n.terminato_il is null
                           and n.sostituito_da_id is null and n.id <> coalesce(?, -1))""", Boolean.class,
                        dati.get(i).codiceFiscale(), nucleoId);
                if (Boolean.TRUE.equals(altrove)) {
                    errori.add(new Errore("componenti[" + i + "].codiceFiscale",
                            "è già componente del nucleo assegnatario di un altro alloggio"));
                }
            }
        }
        if (!errori.isEmpty()) {
            throw new DatiNonValidiException(errori);
        }
        return dati;
    }

    private static String testo(String valore, String campo, List<Errore> errori) {
        String v = valore == null ? "" : valore.strip();
        if (v.isEmpty()) {
            errori.add(new Errore(campo, "obbligatorio"));
        } else if (v.length() > 100) {
            errori.add(new Errore(campo, "al massimo 100 caratteri"));
        } else {
            TestoSicuro.problema(v, false).ifPresent(p -> errori.add(new Errore(campo, p)));
        }
        return v;
    }

    private static Componente nuovo(DatiComponente d) {
        return new Componente(CodiceFiscale.of(d.codiceFiscale()), d.nome(), d.cognome(), d.dataNascita(), d.relazione());
    }

    /**
     * The members as they should be: removals and an intestatario who stops being one are written first, so the unique
     * keys (one RICHIEDENTE, one codice fiscale per nucleo) hold at every statement.
     */
    private void applica(NucleoFamiliare nucleo, List<DatiComponente> dati) {
        Map<String, DatiComponente> perCf = dati.stream().collect(Collectors.toMap(DatiComponente::codiceFiscale, d -> d,
                (a, b) -> a, LinkedHashMap::new));
        Set<String> presenti = new HashSet<>();
        for (Componente c : List.copyOf(nucleo.getComponenti())) {
            DatiComponente d = perCf.get(c.getCodiceFiscale().valore());
            if (d == null) {
                nucleo.rimuovi(c);
            } else {
                presenti.add(d.codiceFiscale());
                if (c.getRelazione() == RelazioneParentela.RICHIEDENTE && d.relazione() != RelazioneParentela.RICHIEDENTE) {
                    c.correggi(d.nome(), d.cognome(), d.dataNascita(), d.relazione());
                }
            }
        }
        em.flush();
        for (Componente c : nucleo.getComponenti()) {
            DatiComponente d = perCf.get(c.getCodiceFiscale().valore());
            c.correggi(d.nome(), d.cognome(), d.dataNascita(), d.relazione());
        }
        em.flush();
        perCf.values().stream().filter(d -> !presenti.contains(d.codiceFiscale())).forEach(d -> nucleo.aggiungi(nuovo(d)));
        em.flush();
    }

    private void registra(Alloggio alloggio, Map<String, String> prima, Map<String, String> dopo) {
        registro.registra(new RegistroAnagrafe.Riga(alloggio.getEnte().getId(), alloggio.getId(), null, RegistroAnagrafe.Azione.MODIFICA,
                null, prima, dopo), utente.username(), Instant.now(clock));
    }

    /** The members as the register keeps them: «CF|nome|cognome|aaaa-mm-gg|RELAZIONE», «;» between members. */
    static String fotografia(NucleoFamiliare nucleo) {
        return fotografia(nucleo.getComponenti().stream().map(c -> new DatiComponente(c.getCodiceFiscale().valore(), c.getNome(),
                c.getCognome(), c.getDataNascita(), c.getRelazione())).toList());
    }

    static String fotografia(List<DatiComponente> componenti) {
        return componenti.stream().sorted(java.util.Comparator.comparing((DatiComponente d) -> d.relazione() != RelazioneParentela.RICHIEDENTE)
                        .thenComparing(DatiComponente::codiceFiscale))
                .map(d -> String.join("|", d.codiceFiscale(), d.nome(), d.cognome(), d.dataNascita().toString(), d.relazione().name()))
                .collect(Collectors.joining(";"));
    }
}
