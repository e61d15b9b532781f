package it.piattaformacasa;

import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * One time for the engine and the application in the tests: the application's {@link java.time.Clock} is the
 * engine's ({@code config.process.OrologioDelMotore} reads Camunda's {@link ClockUtil}), so moving the engine clock
 * (which decides which timers are due) moves the domain's «today» with it. Unless a test moves it, both are the
 * system time.
 */
public final class OrologioDiProva {

    private OrologioDiProva() {
    }

    /** Stops engine and application time at {@code istante}; pair with {@link #ripristina()} in a finally/@AfterEach. */
    public static void fermaA(Instant istante) {
        ClockUtil.setCurrentTime(Date.from(istante));
    }

    public static void ripristina() {
        ClockUtil.reset();
    }
}
