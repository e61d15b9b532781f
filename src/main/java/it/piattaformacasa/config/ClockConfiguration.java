package it.piattaformacasa.config;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    /** Legal deadlines are counted in Italian time. */
    public static final ZoneId FUSO_ORARIO = ZoneId.of("Europe/Rome");

    @Bean
    Clock clock() {
        return Clock.system(FUSO_ORARIO);
    }
}
