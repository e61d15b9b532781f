package it.piattaformacasa.demo;

import java.util.function.Supplier;

import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import it.piattaformacasa.operatori.OperatoriAuthenticationProvider;

/** The demo's history is written by its operators: each call runs as the operator would after logging in. */
@Component
class OperatoreDemo {

    private final OperatoriAuthenticationProvider autenticazioni;

    OperatoreDemo(OperatoriAuthenticationProvider autenticazioni) {
        this.autenticazioni = autenticazioni;
    }

    /** Runs {@code azione} as {@code username}: the same abilitazioni, the same checks as through the API. */
    <T> T come(String username, Supplier<T> azione) {
        SecurityContext prima = SecurityContextHolder.getContext();
        SecurityContext contesto = SecurityContextHolder.createEmptyContext();
        contesto.setAuthentication(autenticazioni.autenticato(username)
                .orElseThrow(() -> new IllegalStateException("Operatore della demo non attivo: " + username)));
        SecurityContextHolder.setContext(contesto);
        try {
            return azione.get();
        } finally {
            SecurityContextHolder.setContext(prima);
        }
    }
}
