package it.piattaformacasa.graduatoria;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import it.piattaformacasa.avviso.RegoleDellAvviso;
import it.piattaformacasa.common.DatiNonValidiException;
import it.piattaformacasa.domanda.DomandaInGraduatoria;
import it.piattaformacasa.domanda.DomandePerGraduatorie;
import it.piattaformacasa.domanda.InputRegole;
import it.piattaformacasa.regole.CalcoloIsbar;
import it.piattaformacasa.regole.PunteggioIsbar;
import it.piattaformacasa.regole.RegoleVincolate;
import it.piattaformacasa.regole.RepositoryRegole;
import it.piattaformacasa.regole.RequisitiEconomici;

/**
 * What-if: every domanda of an avviso scored again under another version of ISBAR or of the economic requirements
 * (typically a draft), on the inputs recorded at submission, and ranked again per ente and comune with the art. 12
 * order; nothing is written. Compared with the scores and ranking of the avviso's own binding: score changes, position
 * changes per graduatoria, who enters or leaves the indigenti reserve (art. 13/15). Istruttoria corrections are not
 * part of it: the comparison is between two rule versions on the same declared data.
 */
@Service
public class SimulazioneRegole {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SimulazioneRegole.class);

    /** Rule sets whose change moves scores or reserve membership. */
    static final Set<String> SIMULABILI = Set.of(CalcoloIsbar.MODELLO, RequisitiEconomici.MODELLO);

    public record Posizione(long enteId, long comuneId, int prima, int dopo) {
    }

    public record Differenza(long domandaId, BigDecimal isbarPrima, BigDecimal isbarDopo, boolean indigentePrima,
                             boolean indigenteDopo, List<Posizione> posizioni) {
    }

    public record Esito(long avvisoId, String nome, int versione, Map<String, Integer> vincoloAvviso, int domande,
                        int senzaInputRegistrati, int punteggiCambiati, int posizioniCambiate, int entranoInRiserva,
                        int esconoDallaRiserva, long durataMs, List<Differenza> differenze, boolean differenzeTroncate) {
    }

    /** An avviso with domande to rank, for the console's choice of where to simulate. */
    public record AvvisoSimulabile(long id, String titolo, int domande, int graduatorie) {
    }

    private final DomandePerGraduatorie domande;
    private final org.springframework.jdbc.core.JdbcTemplate jdbc;
    private final RegoleDellAvviso regole;
    private final RepositoryRegole repository;
    private final CalcoloIsbar isbar;
    private final RequisitiEconomici requisiti;
    private final CriterioFinale criterioFinale;
    private final int thread;

    SimulazioneRegole(DomandePerGraduatorie domande, RegoleDellAvviso regole, RepositoryRegole repository, CalcoloIsbar isbar,
                      RequisitiEconomici requisiti,
                      @Value("${piattaforma.graduatoria.criterio-finale:PRESENTAZIONE_PRECEDENTE}") CriterioFinale criterioFinale,
                      @Value("${piattaforma.simulazione.thread:0}") int thread,
                      org.springframework.jdbc.core.JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        // default: all cores but one (on a 2-core machine two threads were slower than one: 4.6-6.7 s against 3.9 s)
        this.thread = thread > 0 ? thread : Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
        this.domande = domande;
        this.regole = regole;
        this.repository = repository;
        this.isbar = isbar;
        this.requisiti = requisiti;
        this.criterioFinale = criterioFinale;
    }

    /**
     * The avvisi whose domande form graduatorie (generated or not yet: the what-if ranks them itself), newest first, at
     * most 200.
     */
    @Transactional(readOnly = true)
    public List<AvvisoSimulabile> avvisiConGraduatorie() {
        return jdbc.query("""
                select a.id, a.titolo, (select count(*) from domanda d where d.avviso_id = a.id),
                       (select count(*) from graduatoria g where g.avviso_id = a.id)
                  from avviso a where exists (select 1 from domanda d where d.avviso_id = a.id) order by a.id desc limit 200""",
                (rs, n) -> new AvvisoSimulabile(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getInt(4)));
    }

    /** The names of enti and comuni by id, to title the graduatorie of a simulation. */
    @Transactional(readOnly = true)
    public Map<Long, String> nomiEnti(java.util.Collection<Long> id) {
        Map<Long, String> nomi = new HashMap<>();
        if (!id.isEmpty()) {
            jdbc.query("select id, ragione_sociale from ente_proprietario where id = any(?)",
                    rs -> { nomi.put(rs.getLong(1), rs.getString(2)); }, (Object) id.toArray(Long[]::new));
        }
        return nomi;
    }

    @Transactional(readOnly = true)
    public Map<Long, String> nomiComuni(java.util.Collection<Long> id) {
        Map<Long, String> nomi = new HashMap<>();
        if (!id.isEmpty()) {
            jdbc.query("select id, nome from comune where id = any(?)",
                    rs -> { nomi.put(rs.getLong(1), rs.getString(2)); }, (Object) id.toArray(Long[]::new));
        }
        return nomi;
    }

    /**
     * @param limite how many differences to list (the counts are always complete)
     */
    @Transactional(readOnly = true)
    public Esito simula(long avvisoId, String nome, int versione, int limite) {
        long inizio = System.nanoTime();
        if (!SIMULABILI.contains(nome)) {
            throw DatiNonValidiException.campo("nome", "si simulano " + SIMULABILI + ": le altre regole non cambiano punteggi");
        }
        repository.versione(nome, versione); // 404 for an unknown version
        RegoleVincolate vincolo = regole.vincolo(avvisoId);
        RegoleVincolate simulato = vincolo.con(nome, versione);
        Map<Long, InputRegole> input = domande.inputRegole(avvisoId);
        long letturaInput = System.nanoTime();
        List<DomandaInGraduatoria> prima = domande.di(avvisoId);
        long letturaDomande = System.nanoTime();

        // the evaluations are independent and the KIE runtime is thread-safe: spread over the configured threads
        ForkJoinPool pool = new ForkJoinPool(thread);
        List<DomandaInGraduatoria> dopo;
        try {
            dopo = pool.submit(() -> prima.parallelStream().map(d -> rivalutata(d, input.get(d.id()), nome, simulato)).toList()).join();
        } finally {
            pool.shutdown();
        }

        long valutazione = System.nanoTime();
        Map<Long, List<Posizione>> posizioni = confronta(prima, dopo);
        LOG.info("Simulazione avviso {} con {} v{}: input {} ms, domande {} ms, valutazioni {} ms, ordinamenti {} ms", avvisoId,
                nome, versione, (letturaInput - inizio) / 1_000_000, (letturaDomande - letturaInput) / 1_000_000,
                (valutazione - letturaDomande) / 1_000_000, (System.nanoTime() - valutazione) / 1_000_000);
        List<Differenza> differenze = new ArrayList<>();
        int punteggi = 0;
        int spostate = 0;
        int entrano = 0;
        int escono = 0;
        for (int i = 0; i < prima.size(); i++) {
            DomandaInGraduatoria p = prima.get(i);
            DomandaInGraduatoria d = dopo.get(i);
            List<Posizione> mosse = posizioni.getOrDefault(p.id(), List.of());
            boolean punteggio = p.isbar().compareTo(d.isbar()) != 0;
            punteggi += punteggio ? 1 : 0;
            spostate += mosse.isEmpty() ? 0 : 1;
            entrano += !p.indigente() && d.indigente() ? 1 : 0;
            escono += p.indigente() && !d.indigente() ? 1 : 0;
            if ((punteggio || !mosse.isEmpty() || p.indigente() != d.indigente()) && differenze.size() < limite) {
                differenze.add(new Differenza(p.id(), p.isbar(), d.isbar(), p.indigente(), d.indigente(), mosse));
            }
        }
        int senzaInput = (int) prima.stream().filter(d -> !input.containsKey(d.id())).count();
        return new Esito(avvisoId, nome, versione, vincolo.versioni(), prima.size(), senzaInput, punteggi, spostate, entrano,
                escono, (System.nanoTime() - inizio) / 1_000_000, differenze, punteggi + spostate + entrano + escono > 0
                && differenze.size() == limite);
    }

    /**
     * The domanda as the simulated rules would have scored it; unchanged when its inputs were not recorded. Only the
     * simulated set is evaluated: the other one would give the stored result again (same inputs, same version).
     */
    private DomandaInGraduatoria rivalutata(DomandaInGraduatoria d, InputRegole input, String nome, RegoleVincolate simulato) {
        if (input == null) {
            return d;
        }
        if (RequisitiEconomici.MODELLO.equals(nome)) {
            boolean indigente = requisiti.valuta(input.requisiti(), simulato).indigente();
            return new DomandaInGraduatoria(d.id(), d.isbar(), d.residenteComuneDal(), d.residenteLombardiaDal(),
                    d.puntiFamiliare(), d.puntiAbitativo(), d.puntiEconomico(), d.presentataIl(), indigente,
                    d.codiceIstatResidenza(), d.membroCategorie(), d.alloggi());
        }
        PunteggioIsbar p = isbar.calcola(input.isbar(), simulato);
        return new DomandaInGraduatoria(d.id(), p.totale().valore(), d.residenteComuneDal(), d.residenteLombardiaDal(),
                p.familiare().valore(), p.abitativo().valore(), p.economico().valore(), d.presentataIl(), d.indigente(),
                d.codiceIstatResidenza(), d.membroCategorie(), d.alloggi());
    }

    /** Positions per graduatoria (ente, comune) before and after, only where they differ; ranked as the generation does. */
    private Map<Long, List<Posizione>> confronta(List<DomandaInGraduatoria> prima, List<DomandaInGraduatoria> dopo) {
        ClassificaGraduatorie.Parametri parametri = new ClassificaGraduatorie.Parametri(criterioFinale, false);
        Map<ClassificaGraduatorie.Chiave, List<Long>> ordinePrima = ClassificaGraduatorie.perEnteEComune(prima, parametri).posizioni();
        Map<ClassificaGraduatorie.Chiave, List<Long>> ordineDopo = ClassificaGraduatorie.perEnteEComune(dopo, parametri).posizioni();
        Map<Long, List<Posizione>> mosse = new HashMap<>();
        ordinePrima.forEach((graduatoria, ids) -> {
            Map<Long, Integer> posizioniDopo = new HashMap<>(ids.size() * 2);
            List<Long> idsDopo = ordineDopo.get(graduatoria);
            for (int i = 0; i < idsDopo.size(); i++) {
                posizioniDopo.put(idsDopo.get(i), i + 1);
            }
            for (int i = 0; i < ids.size(); i++) {
                int d = posizioniDopo.get(ids.get(i));
                if (d != i + 1) {
                    mosse.computeIfAbsent(ids.get(i), k -> new ArrayList<>())
                            .add(new Posizione(graduatoria.enteId(), graduatoria.comuneId(), i + 1, d));
                }
            }
        });
        return mosse;
    }
}
