package it.piattaformacasa.demo;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import it.piattaformacasa.anagrafe.Alloggio;
import it.piattaformacasa.anagrafe.AlloggioRepository;
import it.piattaformacasa.anagrafe.Ambito;
import it.piattaformacasa.anagrafe.AmbitoRepository;
import it.piattaformacasa.anagrafe.CertificazioneAnagrafeService;
import it.piattaformacasa.anagrafe.Componente;
import it.piattaformacasa.anagrafe.Comune;
import it.piattaformacasa.anagrafe.ComuneRepository;
import it.piattaformacasa.anagrafe.EnteProprietario;
import it.piattaformacasa.anagrafe.EnteProprietarioRepository;
import it.piattaformacasa.anagrafe.Fabbricato;
import it.piattaformacasa.anagrafe.FabbricatoRepository;
import it.piattaformacasa.anagrafe.NucleoFamiliare;
import it.piattaformacasa.anagrafe.NucleoFamiliareRepository;
import it.piattaformacasa.anagrafe.RegioneProfilo;
import it.piattaformacasa.anagrafe.TipoEnte;
import it.piattaformacasa.anagrafe.StatoAlloggio;
import it.piattaformacasa.common.CodiceFiscale;
import it.piattaformacasa.config.database.ModalitaDatabase;
import it.piattaformacasa.operatori.Operatore;
import it.piattaformacasa.operatori.RuoloPiattaforma;
import it.piattaformacasa.operatori.OperatoriService;

/**
 * The demo ambito of Varese with its enti, fabbricati, about 40 alloggi, tenant households, one operator per
 * role and its annual plans (last year's approved, this year's open: {@link PianiDemo}); the Comune di Ancona's bando with
 * its domande and graduatoria ({@link BandiDemo}). Loaded only on the embedded database, step by step and only what is missing; never by a
 * migration, so that an external production database never receives demo users.
 */
@Component
@Order(10)
class DatiDemoRunner implements ApplicationRunner {

    static final String AMBITO = "VARESE";
    static final String PASSWORD_DEMO = "demo";
    static final int ANNO_CERTIFICAZIONE = 2026;

    private static final Logger LOG = LoggerFactory.getLogger(DatiDemoRunner.class);

    private final Environment environment;
    private final boolean abilitato;
    private final TransactionTemplate tx;
    private final AmbitoRepository ambiti;
    private final ComuneRepository comuni;
    private final EnteProprietarioRepository enti;
    private final FabbricatoRepository fabbricati;
    private final AlloggioRepository alloggi;
    private final NucleoFamiliareRepository nuclei;
    private final OperatoriService operatori;
    private final CertificazioneAnagrafeService certificazioni;
    private final PianiDemo piani;
    private final BandiDemo bandiMarche;

    DatiDemoRunner(Environment environment, @Value("${piattaforma.demo.enabled:true}") boolean abilitato,
                   TransactionTemplate tx, AmbitoRepository ambiti, ComuneRepository comuni,
                   EnteProprietarioRepository enti, FabbricatoRepository fabbricati, AlloggioRepository alloggi,
                   NucleoFamiliareRepository nuclei, OperatoriService operatori,
                   CertificazioneAnagrafeService certificazioni, PianiDemo piani, BandiDemo bandiMarche) {
        this.environment = environment;
        this.abilitato = abilitato;
        this.tx = tx;
        this.ambiti = ambiti;
        this.comuni = comuni;
        this.enti = enti;
        this.fabbricati = fabbricati;
        this.alloggi = alloggi;
        this.nuclei = nuclei;
        this.operatori = operatori;
        this.certificazioni = certificazioni;
        this.piani = piani;
        this.bandiMarche = bandiMarche;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!abilitato || !ModalitaDatabase.demo(environment)) {
            return;
        }
        // each step checks its own state, so a start interrupted halfway completes the demo on the next one
        long inizio = System.nanoTime();
        if (ambiti.findByCodice(AMBITO).isEmpty()) {
            tx.executeWithoutResult(status -> caricaAnagrafe());
        }
        if (ambiti.findByCodice(DatiDemo.AMBITO_ANCONA).isEmpty()) {
            tx.executeWithoutResult(status -> caricaMarche());
        }
        List<DatiDemo.DatiOperatore> mancanti = java.util.stream.Stream.concat(DatiDemo.OPERATORI.stream(), DatiDemo.CITTADINI.stream())
                .filter(o -> !operatori.esiste(o.username())).toList();
        if (!mancanti.isEmpty()) {
            // saves the operatori and projects them (users, groups, memberships) before passwords are set
            tx.executeWithoutResult(status -> operatori.registra(creaOperatori(mancanti)));
            mancanti.forEach(o -> operatori.impostaPassword(o.username(), PASSWORD_DEMO));
        }
        // the certification of the Anagrafe is Lombardia's procedure (issue 15: the regional profile decides)
        enti.findAll().stream()
                .filter(e -> e.getRegioneProfilo() == RegioneProfilo.LOMBARDIA)
                .filter(e -> !certificazioni.richiestaOCertificata(e.getId(), ANNO_CERTIFICAZIONE))
                .forEach(e -> certificazioni.richiediComeSistema(e.getId(), ANNO_CERTIFICAZIONE));
        // after the certifications of the year: the plan of the year asks only for those still missing
        int pianiNuovi = piani.carica(AMBITO);
        // the Comune di Ancona's bando, its domande and graduatoria (issue 15): after its operator exists
        int domandeMarche = bandiMarche.carica();
        LOG.info("Dati demo pronti in {} ms: ambito {}, {} alloggi, {} operatori nuovi (password «{}»), {} piani annuali nuovi, "
                        + "{} domande nuove di bandi marchigiani", (System.nanoTime() - inizio) / 1_000_000, AMBITO, alloggi.count(),
                mancanti.size(), PASSWORD_DEMO, pianiNuovi, domandeMarche);
    }

    private void caricaAnagrafe() {
        Ambito ambito = ambiti.save(new Ambito(AMBITO, "Varese"));
        for (DatiDemo.DatiComune c : DatiDemo.COMUNI) {
            comuni.save(new Comune(c.istat(), c.catastale(), c.nome(), "VA", c.popolazione(), ambito));
        }
        Comune varese = comuni.findByCodiceIstat(DatiDemo.COMUNI.get(0).istat()).orElseThrow();
        ambito.setComuneCapofila(varese);
        for (DatiDemo.DatiEnte e : DatiDemo.ENTI) {
            Comune sede = comuni.findByCodiceIstat(e.istatSede()).orElseThrow();
            enti.save(new EnteProprietario(e.tipo(), CodiceFiscale.of(e.codiceFiscale()), e.ragioneSociale(), sede, e.pec()));
        }
        // deterministic: the same demo every time, so the README and tests can refer to it
        Random random = new Random(2026);
        int progressivo = 1;
        for (DatiDemo.DatiFabbricato f : DatiDemo.FABBRICATI) {
            EnteProprietario ente = enti.findByCodiceFiscale(CodiceFiscale.of(f.cfEnte())).orElseThrow();
            Comune comune = comuni.findByCodiceIstat(f.istat()).orElseThrow();
            Fabbricato fabbricato = fabbricati.save(new Fabbricato(f.codice(), ente, comune, f.indirizzo(), f.zona(),
                    f.annoCostruzione(), f.piani(), f.ascensore()));
            for (int i = 0; i < f.stati().size(); i++) {
                int piano = i % f.piani();
                int vani = 1 + random.nextInt(4);
                BigDecimal superficie = BigDecimal.valueOf(28 + vani * 14L + random.nextInt(12)).setScale(2);
                boolean barriere = !f.ascensore() && piano > 0;
                alloggi.save(new Alloggio(String.format("%s-%03d", f.codice(), progressivo++), fabbricato,
                        String.valueOf((char) ('A' + i % 2)), String.valueOf(i + 1), piano, superficie, vani, barriere,
                        f.stati().get(i)));
            }
        }
        caricaInquilini();
    }

    /**
     * Issue 15: the Comune di Ancona, of the Marche profile, in an ambito of its own without a capofila (the Lombardia
     * annual plan does not concern it). Its bandi are created by its operator {@code ancona}, not by the demo.
     */
    private void caricaMarche() {
        Ambito ambito = ambiti.save(new Ambito(DatiDemo.AMBITO_ANCONA, "Ancona"));
        DatiDemo.DatiComune c = DatiDemo.ANCONA;
        Comune ancona = comuni.save(new Comune(c.istat(), c.catastale(), c.nome(), "AN", c.popolazione(), ambito));
        enti.save(new EnteProprietario(TipoEnte.COMUNE, CodiceFiscale.of(DatiDemo.CF_COMUNE_ANCONA), "Comune di Ancona", ancona,
                null, RegioneProfilo.MARCHE));
    }

    /** A few tenant households of occupied units, as the Anagrafe dell'Utenza registers them after a contratto. */
    private void caricaInquilini() {
        List<Alloggio> occupati = alloggi.findAll().stream().filter(a -> a.getStato() == StatoAlloggio.OCCUPATO).limit(3).toList();
        for (int i = 0; i < occupati.size() && i < DatiDemo.NUCLEI.size(); i++) {
            NucleoFamiliare nucleo = new NucleoFamiliare();
            for (DatiDemo.DatiComponente c : DatiDemo.NUCLEI.get(i)) {
                Componente componente = nucleo.aggiungi(new Componente(CodiceFiscale.of(c.codiceFiscale()), c.nome(),
                        c.cognome(), c.dataNascita(), c.relazione()));
                componente.aggiornaInvalidita(c.invalidita(), c.invalidita() == 100, false);
            }
            nucleo.insediaIn(occupati.get(i));
            nuclei.save(nucleo);
        }
    }

    private List<Operatore> creaOperatori(List<DatiDemo.DatiOperatore> daCreare) {
        List<Operatore> creati = new ArrayList<>();
        for (DatiDemo.DatiOperatore o : daCreare) {
            Operatore operatore = new Operatore(o.username(), CodiceFiscale.of(o.codiceFiscale()), o.nome(), o.cognome(),
                    o.username() + "@demo.piattaformacasa.it", o.telefono());
            for (DatiDemo.DatiAbilitazione a : o.abilitazioni()) {
                EnteProprietario ente = enti.findByCodiceFiscale(CodiceFiscale.of(a.cfEnte())).orElseThrow();
                operatore.abilita(ente, a.tipo());
            }
            o.ruoli().stream().filter(r -> !r.soloLettura()).forEach(operatore::assegnaRuolo);
            o.ruoli().stream().filter(RuoloPiattaforma::soloLettura)
                    .forEach(r -> operatore.assegnaLettura(r, o.provinciaLettura(), o.regioneLettura()));
            creati.add(operatore);
        }
        return creati;
    }
}
