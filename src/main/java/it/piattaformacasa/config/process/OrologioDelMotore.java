package it.piattaformacasa.config.process;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The application's time is the engine's. Camunda decides which timers are due, and when its locks expire, with
 * {@link ClockUtil}; the domain decides deadlines, semafori and «today» with a {@link Clock}. Reading ClockUtil here
 * keeps them one time whoever moves it: the demo clock (issue 11) or a test. Unmoved, ClockUtil is the system time
 * (to the millisecond).
 */
public final class OrologioDelMotore extends Clock {

    private final ZoneId zona;

    public OrologioDelMotore(ZoneId zona) {
        this.zona = Objects.requireNonNull(zona, "zona");
    }

    @Override
    public ZoneId getZone() {
        return zona;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return zone.equals(zona) ? this : new OrologioDelMotore(zone);
    }

    @Override
    public long millis() {
        return ClockUtil.getCurrentTime().getTime();
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis());
    }

    @Override
    public boolean equals(Object altro) {
        return altro instanceof OrologioDelMotore o && o.zona.equals(zona);
    }

    @Override
    public int hashCode() {
        return zona.hashCode();
    }

    @Override
    public String toString() {
        return "OrologioDelMotore[" + zona + "]";
    }
}
