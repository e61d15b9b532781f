package it.piattaformacasa.operatori;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import it.piattaformacasa.anagrafe.Ambito;
import it.piattaformacasa.anagrafe.AnagrafeService;
import it.piattaformacasa.anagrafe.ComuniItaliani;
import it.piattaformacasa.anagrafe.EnteProprietario;
import it.piattaformacasa.anagrafe.RegioneProfilo;
import it.piattaformacasa.common.DatiNonValidiException;
import it.piattaformacasa.common.NonTrovatoException;
import it.piattaformacasa.common.sicurezza.Gruppi;
import it.piattaformacasa.operatori.IdentitaPort.Gruppo;
import it.piattaformacasa.operatori.IdentitaPort.TipoGruppo;

@Service
public class OperatoriService {

    private static final Logger LOG = LoggerFactory.getLogger(OperatoriService.class);

    private final OperatoreRepository operatori;
    private final AnagrafeService anagrafe;
    private final IdentitaPort identita;
    private final ComuniItaliani comuniItaliani;
    private final OperatoriAuthenticationProvider accessi;

    OperatoriService(OperatoreRepository operatori, AnagrafeService anagrafe, IdentitaPort identita,
                     ComuniItaliani comuniItaliani, OperatoriAuthenticationProvider accessi) {
        this.operatori = operatori;
        this.anagrafe = anagrafe;
        this.identita = identita;
        this.comuniItaliani = comuniItaliani;
        this.accessi = accessi;
    }

    /** Projects every ente, ambito and operatore onto the identity store. Idempotent. */
    @Transactional
    public void allineaIdentita() {
        long inizio = System.nanoTime();
        List<Gruppo> gruppi = new ArrayList<>();
        gruppi.add(new Gruppo(Gruppi.AMMINISTRATORI, "Amministratori della piattaforma", TipoGruppo.AMMINISTRATORI));
        gruppi.add(new Gruppo(Gruppi.SUPERVISORI, "Supervisori dei termini", TipoGruppo.SUPERVISORI));
        gruppi.add(new Gruppo(Gruppi.ANALISTI, "Analisti delle regole", TipoGruppo.ANALISTI));
        gruppi.add(new Gruppo(Gruppi.VALIDATORI_REGIONALI, "Validatori regionali delle abilitazioni", TipoGruppo.VALIDATORI));
        gruppi.add(new Gruppo(Gruppi.LETTORI_REGIONALI, "Lettori regionali (sola consultazione)", TipoGruppo.LETTORI));
        gruppi.add(new Gruppo(Gruppi.LETTORI_PROVINCIALI, "Lettori provinciali (sola consultazione)", TipoGruppo.LETTORI));
        List<Operatore> tutti = operatori.findAllConAbilitazioni();
        // one group per province that has readers, not per Italian province: groups nobody is in are noise in Cockpit
        tutti.stream().map(Operatore::getProvinciaLettura).filter(Objects::nonNull).distinct().sorted()
                .forEach(p -> gruppi.add(new Gruppo(Gruppi.lettoriProvincia(p), "Lettori della provincia " + p
                        + " (sola consultazione)", TipoGruppo.LETTORI)));
        tutti.stream().map(Operatore::getRegioneLettura).filter(Objects::nonNull).distinct().sorted()
                .forEach(r -> gruppi.add(new Gruppo(Gruppi.lettoriRegione(r.name()), "Lettori della Regione " + r.etichetta()
                        + " (sola consultazione)", TipoGruppo.LETTORI)));
        for (Ambito ambito : anagrafe.ambiti()) {
            gruppi.add(new Gruppo(Gruppi.capofila(ambito.getCodice()),
                    "Ambito di " + ambito.getNome() + " – Comune capofila", TipoGruppo.LAVORO));
        }
        for (EnteProprietario ente : anagrafe.enti()) {
            String nome = ente.getRagioneSociale();
            gruppi.add(new Gruppo(Gruppi.ente(ente.getCodiceFiscale()), nome, TipoGruppo.ENTE));
            gruppi.add(new Gruppo(Gruppi.gestioneAvviso(ente.getCodiceFiscale()), nome + " – Gestione avviso", TipoGruppo.LAVORO));
            gruppi.add(new Gruppo(Gruppi.istruttoria(ente.getCodiceFiscale()), nome + " – Istruttoria domande", TipoGruppo.LAVORO));
        }
        identita.allineaGruppi(gruppi);
        tutti.forEach(this::allinea);
        LOG.info("Identità allineate: {} gruppi, {} operatori in {} ms", gruppi.size(), tutti.size(),
                (System.nanoTime() - inizio) / 1_000_000);
    }

    private void allinea(Operatore operatore) {
        identita.allineaUtente(new IdentitaPort.Utente(operatore.getUsername(), operatore.getNome(), operatore.getCognome(),
                operatore.getEmail(), gruppiDi(operatore), operatore.isAttivo()));
    }

    /**
     * The groups an operatore belongs to: one per ente and abilitazione, the ente's own group, the capofila group
     * when managing avvisi for the Comune capofila, and one per platform role.
     */
    static Set<String> gruppiDi(Operatore operatore) {
        Set<String> gruppi = new LinkedHashSet<>();
        for (Abilitazione abilitazione : operatore.getAbilitazioni()) {
            EnteProprietario ente = abilitazione.getEnte();
            gruppi.add(Gruppi.ente(ente.getCodiceFiscale()));
            if (abilitazione.getTipo() == TipoAbilitazione.GESTIONE_AVVISO) {
                gruppi.add(Gruppi.gestioneAvviso(ente.getCodiceFiscale()));
                if (ente.isCapofila()) {
                    gruppi.add(Gruppi.capofila(ente.getComune().getAmbito().getCodice()));
                }
            } else {
                gruppi.add(Gruppi.istruttoria(ente.getCodiceFiscale()));
            }
        }
        operatore.getRuoli().forEach(ruolo -> gruppi.add(ruolo.gruppo()));
        if (operatore.getRuoli().contains(RuoloPiattaforma.LETTORE_PROVINCIALE) && operatore.getProvinciaLettura() != null) {
            gruppi.add(Gruppi.lettoriProvincia(operatore.getProvinciaLettura()));
        }
        if (operatore.getRuoli().contains(RuoloPiattaforma.LETTORE_REGIONALE) && operatore.getRegioneLettura() != null) {
            gruppi.add(Gruppi.lettoriRegione(operatore.getRegioneLettura().name()));
        }
        return gruppi;
    }

    /** Saves new or changed operatori, then projects everything onto the identity store. */
    @Transactional
    public List<Operatore> registra(List<Operatore> nuovi) {
        List<Operatore> salvati = operatori.saveAll(nuovi);
        allineaIdentita();
        return salvati;
    }

    /**
     * Saves new or changed operatori and projects only them onto the identity store (their groups exist already):
     * what an approved request of abilitazione changes.
     */
    @Transactional
    public List<Operatore> registraEAllinea(List<Operatore> cambiati) {
        List<Operatore> salvati = operatori.saveAll(cambiati);
        salvati.forEach(this::allinea);
        return salvati;
    }

    /**
     * Gives an operatore a read-only scope (seed 004), or takes it away with {@code ruolo} null: LETTORE_REGIONALE
     * without a province, LETTORE_PROVINCIALE with the sigla of an Italian province. Bad input is a 400 naming the
     * field, nothing saved; the operatore's next request already has the new scope.
     */
    @Transactional
    public Operatore assegnaLettura(String username, String ruolo, String provincia) {
        return assegnaLettura(username, ruolo, provincia, null);
    }

    /**
     * As {@link #assegnaLettura(String, String, String)}, with the Region a LETTORE_REGIONALE reads ({@code regione}: a
     * regional profile, «LOMBARDIA» when omitted, ADR 16); given for another role it is a 400.
     */
    @Transactional
    public Operatore assegnaLettura(String username, String ruolo, String provincia, String regione) {
        Operatore operatore = operatore(username);
        RuoloPiattaforma scelto = null;
        if (ruolo != null && !ruolo.isBlank()) {
            try {
                scelto = RuoloPiattaforma.valueOf(ruolo.strip());
            } catch (IllegalArgumentException e) {
                scelto = null;
            }
            if (scelto == null || !scelto.soloLettura()) {
                throw DatiNonValidiException.campo("ruolo", "il ruolo di sola lettura è LETTORE_REGIONALE o LETTORE_PROVINCIALE"
                        + " (vuoto per toglierlo)");
            }
        }
        String sigla = provincia == null || provincia.isBlank() ? null : provincia.strip().toUpperCase(Locale.ROOT);
        if (scelto == RuoloPiattaforma.LETTORE_PROVINCIALE) {
            if (sigla == null) {
                throw DatiNonValidiException.campo("provincia", "il lettore provinciale legge una provincia: indicane la sigla");
            }
            if (!sigla.matches("[A-Z]{2}") || !comuniItaliani.esisteProvincia(sigla)) {
                throw DatiNonValidiException.campo("provincia", "la sigla " + provincia.strip()
                        + " non è di nessuna provincia italiana");
            }
        } else if (sigla != null) {
            throw DatiNonValidiException.campo("provincia", "la provincia si indica solo per il lettore provinciale");
        }
        RegioneProfilo regioneLetta = null;
        if (scelto == RuoloPiattaforma.LETTORE_REGIONALE) {
            regioneLetta = regione == null || regione.isBlank() ? RegioneProfilo.LOMBARDIA : java.util.Arrays.stream(RegioneProfilo.values())
                    .filter(r -> r.name().equalsIgnoreCase(regione.strip())).findFirst()
                    .orElseThrow(() -> DatiNonValidiException.campo("regione", "la regione è LOMBARDIA o MARCHE: i profili regionali "
                            + "della piattaforma"));
        } else if (regione != null && !regione.isBlank()) {
            throw DatiNonValidiException.campo("regione", "la regione si indica solo per il lettore regionale");
        }
        operatore.assegnaLettura(scelto, sigla, regioneLetta);
        Operatore salvato = operatori.save(operatore);
        // a new province needs its group before the membership: the whole projection, as for a new operatore
        allineaIdentita();
        accessi.dimentica(username);
        return salvato;
    }

    public void impostaPassword(String username, String password) {
        identita.impostaPassword(username, password);
    }

    @Transactional(readOnly = true)
    public Operatore operatore(String username) {
        return operatori.findByUsername(username)
                .orElseThrow(() -> new NonTrovatoException("Operatore " + username + " non trovato"));
    }

    @Transactional(readOnly = true)
    public List<Operatore> operatori() {
        return operatori.findAllConAbilitazioni();
    }

    public boolean esiste(String username) {
        return operatori.findByUsername(username).isPresent();
    }
}
