package it.piattaformacasa.graduatoria.web;

/**
 * What a rettifica form sent (the operator's «Registra la richiesta», the citizen's «Chiedi la rettifica»: the fields
 * of templates/domanda/rettifica.html), kept as typed when it is refused.
 */
public record ModuloRettifica(String graduatoriaId, String componente, String percentuale, Boolean accompagnamento,
                              Boolean handicapGrave) {

    /** An unticked box is not sent at all. */
    public boolean conAccompagnamento() {
        return Boolean.TRUE.equals(accompagnamento);
    }

    public boolean conHandicapGrave() {
        return Boolean.TRUE.equals(handicapGrave);
    }
}
