package it.piattaformacasa;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * One time for the engine and the application in the tests: the application's {@link Clock} reads Camunda's
 * {@link ClockUtil}, so moving the engine clock (which decides which timers are due) moves the domain's «today» with
 * it. Unless a test moves it, both are the system time.
 */
@TestConfiguration(proxyBeanMethods = false)
public class OrologioDiProva {

    private static final ZoneId ROMA = ZoneId.of("Europe/Rome");

    @Bean
    @Primary
    Clock orologioDelMotore() {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ROMA;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return Clock.fixed(instant(), zone); // only used to read today's date in another zone
            }

            @Override
            public Instant instant() {
                return ClockUtil.getCurrentTime().toInstant();
            }
        };
    }

    /** Stops engine and application time at {@code istante}; pair with {@link #ripristina()} in a finally/@AfterEach. */
    public static void fermaA(Instant istante) {
        ClockUtil.setCurrentTime(Date.from(istante));
    }

    public static void ripristina() {
        ClockUtil.reset();
    }
}
