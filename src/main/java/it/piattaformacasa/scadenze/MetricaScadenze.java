package it.piattaformacasa.scadenze;

import java.time.Duration;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * {@code piattaforma_scadenze{stato="scadute"|"in_scadenza"|"nei_termini"}} on {@code /actuator/prometheus}: the open
 * legal deadlines of every ente, the counts the supervisors' page shows. A scrape asks the engine three counts at
 * most every {@link #VALIDITA} (a few queries, whatever the number of scrapers).
 */
@Component
class MetricaScadenze implements MeterBinder {

    static final String NOME = "piattaforma_scadenze";
    static final Duration VALIDITA = Duration.ofSeconds(30);

    private final Supplier<ScadenzeDiLeggeService.Conteggi> conteggi;

    MetricaScadenze(ScadenzeDiLeggeService scadenze) {
        this.conteggi = new InMemoria<>(scadenze::conteggiDiTuttiGliEnti, VALIDITA);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (StatoScadenza stato : StatoScadenza.values()) {
            Gauge.builder(NOME, conteggi, c -> c.get().di(stato))
                    .description("Scadenze di legge aperte per stato (scadute, in scadenza entro 3 giorni, nei termini)")
                    .tag("stato", stato.metrica())
                    .register(registry);
        }
    }

    /** The last value for a while: the gauges of one scrape (and close scrapes) share one reading. */
    static final class InMemoria<T> implements Supplier<T> {

        private final Supplier<T> fonte;
        private final long validitaNanos;
        private T valore;
        private long lettoA;

        InMemoria(Supplier<T> fonte, Duration validita) {
            this.fonte = fonte;
            this.validitaNanos = validita.toNanos();
        }

        @Override
        public synchronized T get() {
            long ora = System.nanoTime();
            if (valore == null || ora - lettoA > validitaNanos) {
                valore = fonte.get();
                lettoA = ora;
            }
            return valore;
        }
    }
}
