package it.piattaformacasa.operatori.process;

import java.util.function.Supplier;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * Work the engine does on behalf of a decision it has already authorized: the validator completing «Valida richiesta
 * di abilitazione» may not write users and memberships, nor see or assign another ente's tasks, and needs not: the
 * approval does it. Authorization checks are off for {@code lavoro} only, within the completion's command.
 */
final class SenzaAutorizzazioni {

    private SenzaAutorizzazioni() {
    }

    static <T> T esegui(Supplier<T> lavoro) {
        CommandContext contesto = Context.getCommandContext();
        if (contesto == null || !contesto.isAuthorizationCheckEnabled()) {
            return lavoro.get();
        }
        contesto.disableAuthorizationCheck();
        try {
            return lavoro.get();
        } finally {
            contesto.enableAuthorizationCheck();
        }
    }
}
