package it.piattaformacasa.graduatoria.process;

/** Names shared by processes/rettifica-invalidita.bpmn, forms/rettifica-punteggio.form and the Java side. */
public final class RettificaBpmn {

    public static final String PROCESS_ID = "rettifica-invalidita";
    public static final String TASK_RETTIFICA = "UserTask_RettificaPunteggio";
    public static final String TIMER_SILENZIO_ASSENSO = "Timer_SilenzioAssenso";
    public static final String SERVICE_REGISTRA_DECISIONE = "ServiceTask_RegistraDecisione";
    public static final String SERVICE_SILENZIO_ASSENSO = "ServiceTask_AccogliPerSilenzioAssenso";
    public static final String END_DECISA = "EndEvent_RettificaDecisa";
    public static final String END_SILENZIO_ASSENSO = "EndEvent_AccoltaPerSilenzioAssenso";

    public static final String VAR_RETTIFICA_ID = "rettificaId";
    public static final String VAR_GRUPPO_CANDIDATO = "gruppoCandidato";
    /** Form fields. */
    public static final String VAR_ESITO = "esito";
    public static final String VAR_PERCENTUALE_ACCOLTA = "percentualeAccolta";
    public static final String VAR_NOTE = "note";
    public static final String VAR_COMPLETATA_DA = "completataDa";

    private RettificaBpmn() {
    }
}
