package it.piattaformacasa.operatori;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** At every start, after demo data if any: the identity store follows our tables. */
@Component
@Order(100)
class IdentitaAllineamentoRunner implements ApplicationRunner {

    private final OperatoriService operatori;

    IdentitaAllineamentoRunner(OperatoriService operatori) {
        this.operatori = operatori;
    }

    @Override
    public void run(ApplicationArguments args) {
        operatori.allineaIdentita();
    }
}
