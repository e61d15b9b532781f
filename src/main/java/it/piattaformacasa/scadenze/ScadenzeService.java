package it.piattaformacasa.scadenze;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Service;

/** The supervisors' list: deadlines passed, escalated, or falling within the next days (seed 000, art. 12 terms). */
@Service
public class ScadenzeService {

    private final ScadenzeProcesso processo;
    private final Clock clock;

    ScadenzeService(ScadenzeProcesso processo, Clock clock) {
        this.processo = processo;
        this.clock = clock;
    }

    public List<Scadenza> scaduteOInScadenza(int giorni) {
        if (giorni < 0 || giorni > 60) {
            throw new IllegalArgumentException("giorni: tra 0 e 60");
        }
        Instant adesso = Instant.now(clock);
        return processo.aperteEntro(adesso.plus(Duration.ofDays(giorni)), adesso);
    }
}
