package it.piattaformacasa.demo;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import it.piattaformacasa.common.ConflittoException;
import it.piattaformacasa.common.DatiNonValidiException;
import it.piattaformacasa.common.ItalianFormats;
import it.piattaformacasa.config.database.ModalitaDatabase;

/**
 * The demo clock (issue 11): on the embedded demo an administrator moves the platform's time forward by hours or days,
 * to watch the avviso open and close, deadlines pass and semafori turn red without waiting for them. The engine's clock
 * moves (so due timers fire) and the application's {@link Clock} reads it (so «today» moves). The offset is kept in
 * {@code orologio_demo} and applied again at every start; every change is in {@code orologio_demo_registro} and in the
 * log. Forward only: going back would put the platform before acts it has already recorded with their dates; the one
 * way back is to real time, which leaves those acts in the future they were made in.
 *
 * <p>With an external database the platform always runs on real time: every change is refused.
 */
@Service
public class OrologioDemoService implements SmartInitializingSingleton {

    public enum Operazione { AVANZA, RIPRISTINA }

    /** The platform's time now, real time, how far ahead, whether it may move, and the latest changes (newest first). */
    public record Stato(Instant ora, Instant oraReale, Duration scostamento, boolean modificabile, String motivo,
                        List<Spostamento> spostamenti) {
    }

    public record Spostamento(long id, Operazione operazione, String richiesta, String eseguitaDa, Instant eseguitaIl,
                              Instant oraPrima, Instant oraDopo) {
    }

    public static final int MASSIMO_ORE = 168;
    public static final int MASSIMO_GIORNI = 365;
    /** Five years: enough to follow avvisi, graduatorie and contratti through more than one annual cycle. */
    public static final int MASSIMO_GIORNI_AVANTI = 1826;

    public static final String MSG_ALMENO_UNO = "deve essere almeno 1: l'orologio della demo va solo avanti";
    public static final String MSG_MASSIMO_ORE = "al massimo " + MASSIMO_ORE
            + " ore per volta (una settimana): per andare più avanti indicare i giorni";
    public static final String MSG_MASSIMO_GIORNI = "al massimo " + MASSIMO_GIORNI + " giorni per volta";
    static final String MSG_MANCANTE = "indicare di quante ore oppure di quanti giorni avanzare";
    static final String MSG_ENTRAMBI = "indicare le ore oppure i giorni, non entrambi";

    static final String NON_MODIFICABILE = "L'orologio della demo si sposta solo con il database embedded della demo: con "
            + "un database esterno la piattaforma segue sempre l'ora reale, perché i termini di legge non si possono "
            + "anticipare.";

    /** How a return to real time is named in the register. */
    public static final String RITORNO = "ritorno all'ora reale";

    private static final int ULTIMI = 20;
    private static final Clock REALE = Clock.systemUTC();
    private static final Logger LOG = LoggerFactory.getLogger(OrologioDemoService.class);

    private final boolean embedded;
    private final boolean demo;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final OrologioDemoProcesso motore;

    public OrologioDemoService(Environment environment, JdbcTemplate jdbc, TransactionTemplate tx, Clock clock,
                        OrologioDemoProcesso motore) {
        this.embedded = ModalitaDatabase.from(environment) == ModalitaDatabase.EMBEDDED;
        this.demo = ModalitaDatabase.demo(environment);
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        this.motore = motore;
    }

    /**
     * At start, after the migrations and before the job executor and the demo data: the demo goes on from the day it
     * had reached. Timers that fell due while it was stopped fire as soon as the job executor starts.
     */
    @Override
    public void afterSingletonsInstantiated() {
        Duration scostamento = scostamentoRegistrato();
        if (scostamento.isZero()) {
            return;
        }
        if (!embedded) {
            LOG.warn("La tabella orologio_demo indica un orologio avanti di {}: ignorato, con un database esterno la "
                    + "piattaforma segue l'ora reale", descrivi(scostamento));
            return;
        }
        motore.imposta(scostamento);
        LOG.warn("Orologio della demo avanti di {} rispetto all'ora reale: per la piattaforma sono le {} (ora di Roma)",
                descrivi(scostamento), ItalianFormats.dataOra(clock.instant()));
    }

    public Stato stato() {
        List<Spostamento> spostamenti = jdbc.query("""
                select id, operazione, richiesta, eseguita_da, eseguita_il, ora_prima, ora_dopo
                  from orologio_demo_registro order by id desc limit ?""", (rs, n) -> new Spostamento(rs.getLong(1),
                Operazione.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant(),
                rs.getTimestamp(6).toInstant(), rs.getTimestamp(7).toInstant()), ULTIMI);
        return new Stato(clock.instant(), REALE.instant(), scostamentoRegistrato(), embedded, embedded ? null : NON_MODIFICABILE,
                spostamenti);
    }

    /**
     * Forward by {@code ore} hours or by {@code giorni} calendar days in Rome (the same time of day, whatever daylight
     * saving does in between), exactly one of the two. Synchronized: the demo is one node on its own data folder, and
     * the engine's clock must end up where the last committed change put it.
     */
    public synchronized Stato avanza(Integer ore, Integer giorni, String chi) {
        richiediDemo();
        List<DatiNonValidiException.Errore> errori = new ArrayList<>();
        if (ore == null && giorni == null) {
            errori.add(new DatiNonValidiException.Errore("ore", MSG_MANCANTE));
            errori.add(new DatiNonValidiException.Errore("giorni", MSG_MANCANTE));
        } else if (ore != null && giorni != null) {
            errori.add(new DatiNonValidiException.Errore("giorni", MSG_ENTRAMBI));
        } else if (ore != null) {
            controlla("ore", ore, MASSIMO_ORE, MSG_MASSIMO_ORE, errori);
        } else {
            controlla("giorni", giorni, MASSIMO_GIORNI, MSG_MASSIMO_GIORNI, errori);
        }
        if (!errori.isEmpty()) {
            throw new DatiNonValidiException(errori);
        }
        String campo = ore != null ? "ore" : "giorni";
        String richiesta = ore != null ? "+" + ore + (ore == 1 ? " ora" : " ore") : "+" + giorni + (giorni == 1 ? " giorno" : " giorni");
        Duration attuale = scostamentoRegistrato();
        Instant prima = REALE.instant().plus(attuale);
        Instant dopo = ore != null ? prima.plus(Duration.ofHours(ore))
                : prima.atZone(ItalianFormats.ZONE).plusDays(giorni).toInstant();
        Duration nuovo = attuale.plus(Duration.between(prima, dopo));
        if (nuovo.compareTo(Duration.ofDays(MASSIMO_GIORNI_AVANTI)) > 0) {
            long restano = Duration.ofDays(MASSIMO_GIORNI_AVANTI).minus(attuale).toHours();
            throw DatiNonValidiException.campo(campo, "l'orologio della demo può stare avanti al massimo "
                    + MASSIMO_GIORNI_AVANTI + " giorni (5 anni) rispetto all'ora reale: è già avanti di " + descrivi(attuale)
                    + " e può avanzare ancora di " + descrivi(Duration.ofHours(restano)));
        }
        cambia(Operazione.AVANZA, richiesta, chi, attuale, nuovo, prima, dopo);
        return stato();
    }

    /** Back to real time. What was done in the simulated days keeps its dates, now in the future. */
    public synchronized Stato ripristina(String chi) {
        richiediDemo();
        Duration attuale = scostamentoRegistrato();
        if (!attuale.isZero()) {
            Instant dopo = REALE.instant();
            cambia(Operazione.RIPRISTINA, RITORNO, chi, attuale, Duration.ZERO, dopo.plus(attuale), dopo);
        }
        return stato();
    }

    /**
     * For the demo data only, at start before the job executor runs: the platform's time becomes {@code momento}, running
     * from there, so that the history the demo writes (last year's annual plan) carries its own dates. Never forward of
     * the demo's time, never recorded: it is not a move of the demo clock, and {@link #riprendi()} returns to that.
     */
    synchronized void portaPerLaStoria(Instant momento) {
        // also on an external database declared a demo's (issue 17): the demo data are written under the start-up lock
        // of the cluster (AvvioUnNodoAllaVolta), before this node's job executor runs, and move this JVM's time only
        if (!demo) {
            throw new ConflittoException(NON_MODIFICABILE);
        }
        Instant oraDellaDemo = REALE.instant().plus(scostamentoRegistrato());
        if (momento.isAfter(oraDellaDemo)) {
            throw new IllegalArgumentException("La storia della demo si scrive nel passato: " + momento + " è dopo " + oraDellaDemo);
        }
        motore.imposta(Duration.between(REALE.instant(), momento));
    }

    /** Back to the demo's time after {@link #portaPerLaStoria}: real time plus the recorded offset. */
    synchronized void riprendi() {
        motore.imposta(embedded ? scostamentoRegistrato() : Duration.ZERO);
    }

    private void cambia(Operazione operazione, String richiesta, String chi, Duration da, Duration a, Instant prima, Instant dopo) {
        tx.executeWithoutResult(status -> {
            jdbc.update("""
                    insert into orologio_demo (id, scostamento_secondi, aggiornato_da) values (1, ?, ?)
                    on conflict (id) do update set scostamento_secondi = excluded.scostamento_secondi,
                                                   aggiornato_da = excluded.aggiornato_da, aggiornato_il = now()""",
                    a.toSeconds(), chi);
            jdbc.update("""
                    insert into orologio_demo_registro (operazione, richiesta, eseguita_da, ora_prima, ora_dopo,
                                                        scostamento_prima_secondi, scostamento_dopo_secondi)
                    values (?, ?, ?, ?, ?, ?, ?)""", operazione.name(), richiesta, chi, Timestamp.from(prima),
                    Timestamp.from(dopo), da.toSeconds(), a.toSeconds());
            motore.spostaScadenzeBrevi(prima, dopo);
        });
        // after the commit: a change that rolled back never moved the engine
        motore.imposta(a);
        LOG.warn("Orologio della demo: {} ({}) da parte di {}: per la piattaforma erano le {}, ora sono le {} (ora di Roma); {}",
                operazione, richiesta, chi,
                ItalianFormats.dataOra(prima), ItalianFormats.dataOra(dopo),
                a.isZero() ? "ora reale" : "avanti di " + descrivi(a) + " rispetto all'ora reale");
    }

    private static void controlla(String campo, int valore, int massimo, String oltre, List<DatiNonValidiException.Errore> errori) {
        if (valore < 1) {
            errori.add(new DatiNonValidiException.Errore(campo, MSG_ALMENO_UNO));
        } else if (valore > massimo) {
            errori.add(new DatiNonValidiException.Errore(campo, oltre));
        }
    }

    private void richiediDemo() {
        if (!embedded) {
            throw new ConflittoException(NON_MODIFICABILE);
        }
    }

    private Duration scostamentoRegistrato() {
        return jdbc.queryForList("select scostamento_secondi from orologio_demo where id = 1", Long.class).stream()
                .findFirst().map(Duration::ofSeconds).orElse(Duration.ZERO);
    }

    /** «5 giorni e 3 ore», «1 ora», «0 ore». */
    public static String descrivi(Duration scostamento) {
        long ore = scostamento.toHours();
        long minuti = scostamento.toMinutesPart();
        List<String> parti = new ArrayList<>();
        if (ore / 24 > 0) {
            parti.add(ore / 24 + (ore / 24 == 1 ? " giorno" : " giorni"));
        }
        if (ore % 24 > 0) {
            parti.add(ore % 24 + (ore % 24 == 1 ? " ora" : " ore"));
        }
        if (minuti > 0) {
            parti.add(minuti + (minuti == 1 ? " minuto" : " minuti"));
        }
        return parti.isEmpty() ? "0 ore" : String.join(" e ", parti);
    }
}
