package it.piattaformacasa.graduatoria;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * At every start, after the demo data: graduatorie already DEFINITIVA or RIPESCAGGIO without their process (data from
 * before processes/graduatoria-definitiva.bpmn, or a start interrupted halfway) get it. Idempotent: a restart starts
 * only what is still missing. Not a migration: Flyway owns the domain schema, the engine its own tables.
 */
@Component
@Order(20)
class AllineamentoGraduatorieDefinitive implements ApplicationRunner {

    private final GraduatoriaDefinitivaService graduatorie;

    AllineamentoGraduatorieDefinitive(GraduatoriaDefinitivaService graduatorie) {
        this.graduatorie = graduatorie;
    }

    @Override
    public void run(ApplicationArguments args) {
        graduatorie.avviaProcessiMancanti();
    }
}
