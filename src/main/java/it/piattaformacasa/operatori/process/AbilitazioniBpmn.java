package it.piattaformacasa.operatori.process;

/** Names shared by processes/abilitazioni.bpmn, forms/valida-richiesta-abilitazione.form and the Java side. */
public final class AbilitazioniBpmn {

    /** Business key: the id of the richiesta_abilitazione. */
    public static final String PROCESS_ID = "abilitazioni";
    public static final String TASK_VALIDA = "Task_ValidaRichiestaAbilitazione";
    public static final String SERVICE_APPLICA = "ServiceTask_ApplicaEsitoAbilitazione";

    /** The request's id, as the business key: what the instance is about. */
    public static final String VAR_RICHIESTA_ID = "richiestaId";
    /** Form fields. */
    public static final String VAR_ESITO = "esito";
    public static final String VAR_MOTIVO = "motivo";
    /** Task-local, read-only: the request's rows as the form shows them. */
    public static final String VAR_RIGHE = "righeRichiesta";
    /** Set by the complete listener of every user task. */
    public static final String VAR_COMPLETATA_DA = "completataDa";

    private AbilitazioniBpmn() {
    }
}
