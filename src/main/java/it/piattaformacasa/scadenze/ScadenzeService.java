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

    public List<Scadenza> scaduteOInScadenza(int giorni) {
        if (giorni < 0 || giorni > 60) {
            throw new IllegalArgumentException("giorni: tra 0 e 60");
        }
        Instant adesso = Instant.now(clock);
        Instant attesiPrima = adesso.minus(ritardo);
        List<Scadenza> elenco = new ArrayList<>(processo.incidenti());
        contributi.forEach(c -> elenco.addAll(c.inRitardo(attesiPrima, adesso)));
        elenco.addAll(processo.lavoriInRitardo(attesiPrima, adesso));
        elenco.addAll(processo.aperteEntro(adesso.plus(Duration.ofDays(giorni)), adesso));
        return elenco;
    }
}
