package it.piattaformacasa.scadenze;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The supervisors' list (seed 000, art. 12 terms): incidents first, then work that is late, then tasks whose deadline
 * passed, was escalated or falls within the next days.
 */
@Service
public class ScadenzeService {

    private final ScadenzeProcesso processo;
    private final List<LavoriInRitardo> contributi;
    private final Clock clock;
    private final Duration ritardo;

    ScadenzeService(ScadenzeProcesso processo, List<LavoriInRitardo> contributi, Clock clock,
                    @Value("${piattaforma.scadenze.ritardo:PT5M}") Duration ritardo) {
        this.processo = processo;
        this.contributi = contributi;
        this.clock = clock;
        this.ritardo = ritardo;
    }

    /** One page of the list, and how many lines it has in all. */
    public record Pagina(List<Scadenza> righe, long totale) {
    }

    /**
     * The page of {@code dimensione} lines from the {@code pagina}-th (from 0): incidents and late work first (a few
     * hundred at most), then the open tasks, earliest deadline first, paged by the database (issue 17).
     */
    public Pagina scaduteOInScadenza(int giorni, int pagina, int dimensione) {
        if (giorni < 0 || giorni > 60) {
            throw new IllegalArgumentException("giorni: tra 0 e 60");
        }
        Instant adesso = Instant.now(clock);
        Instant attesiPrima = adesso.minus(ritardo);
        Instant limite = adesso.plus(Duration.ofDays(giorni));
        List<Scadenza> prima = new ArrayList<>(processo.incidenti());
        contributi.forEach(c -> prima.addAll(c.inRitardo(attesiPrima, adesso)));
        prima.addAll(processo.lavoriInRitardo(attesiPrima, adesso));
        long primo = (long) pagina * dimensione;
        List<Scadenza> righe = new ArrayList<>(prima.subList((int) Math.min(primo, prima.size()),
                (int) Math.min(primo + dimensione, prima.size())));
        long daSaltare = Math.max(0, primo - prima.size());
        if (righe.size() < dimensione && daSaltare < Integer.MAX_VALUE) {
            righe.addAll(processo.aperteEntro(limite, adesso, (int) daSaltare, dimensione - righe.size()));
        }
        return new Pagina(righe, prima.size() + processo.contaAperteEntro(limite));
    }
}
