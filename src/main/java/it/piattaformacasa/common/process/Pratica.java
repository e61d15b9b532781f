package it.piattaformacasa.common.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * How a delegate or an expression finds its case: from the business key its process adapter gave the instance (the
 * id of the avviso, graduatoria, rettifica, istruttoria or assegnazione). Nobody can change a business key through
 * a task, so a completion that smuggles in another id reaches nothing (issue 9; the engine guard refuses it anyway).
 */
public final class Pratica {

    private Pratica() {
    }

    public static long id(DelegateExecution execution) {
        String chiave = execution.getProcessBusinessKey();
        if (chiave == null) {
            throw new IllegalStateException("Istanza " + execution.getProcessInstanceId() + " senza business key");
        }
        return Long.parseLong(chiave);
    }

    /** The business key itself, for processes keyed by a name (pubblicazione-regole: the rule set). */
    public static String chiave(DelegateExecution execution) {
        return execution.getProcessBusinessKey();
    }
}
