package it.piattaformacasa.regole;

import it.piattaformacasa.regole.kie.KieDmnRuntime;

/**
 * The real KIE runtime built once from {@code rules/} on the test classpath (Maven copies the folder there),
 * shared by the table tests: validation and compilation take seconds, evaluation microseconds. No Spring.
 */
final class RegoleDiTest {

    private RegoleDiTest() {
    }

    private static final class Holder {
        static final KieDmnRuntime RUNTIME = new KieDmnRuntime(KieDmnRuntime.POSIZIONE_PREDEFINITA);
        static final RequisitiEconomici REQUISITI_ECONOMICI = new RequisitiEconomici(RUNTIME);
    }

    static KieDmnRuntime runtime() {
        return Holder.RUNTIME;
    }

    static RequisitiEconomici requisitiEconomici() {
        return Holder.REQUISITI_ECONOMICI;
    }
}
