package it.piattaformacasa.config;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import it.piattaformacasa.config.process.OrologioDelMotore;

@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    /** Legal deadlines are counted in Italian time. */
    public static final ZoneId FUSO_ORARIO = ZoneId.of("Europe/Rome");

    /**
     * The engine's clock: the system time, unless the demo clock moved it forward (embedded database only), in which
     * case timers, deadlines and semafori all move together.
     */
    @Bean
    Clock clock() {
        return new OrologioDelMotore(FUSO_ORARIO);
    }
}
