package it.piattaformacasa.avviso.process;

/** Names shared by processes/avviso.bpmn, forms/seleziona-alloggi.form and the Java side. */
public final class AvvisoBpmn {

    public static final String PROCESS_ID = "avviso";

    public static final String SERVICE_APRI_SELEZIONE = "ServiceTask_ApriSelezioneAlloggi";
    public static final String TASK_SELEZIONA_ALLOGGI = "UserTask_SelezionaAlloggi";
    public static final String TIMER_FINE_SELEZIONE = "Timer_FineSelezioneAlloggi";
    public static final String TIMER_ATTESA_FINE_SELEZIONE = "Timer_AttesaFineSelezione";
    public static final String SERVICE_CHIUDI_SELEZIONE = "ServiceTask_ChiudiSelezioneAlloggi";
    public static final String TIMER_APERTURA = "Timer_Apertura";
    public static final String SERVICE_APRI_AVVISO = "ServiceTask_ApriAvviso";
    public static final String TIMER_CHIUSURA = "Timer_Chiusura";
    public static final String SERVICE_CHIUDI_AVVISO = "ServiceTask_ChiudiAvviso";
    /** Async: its job runs the ranking in a transaction of its own. */
    public static final String SERVICE_GENERA_GRADUATORIE = "ServiceTask_GeneraGraduatorie";
    public static final String END_AVVISO_CHIUSO = "EndEvent_AvvisoChiuso";

    public static final String VAR_AVVISO_ID = "avvisoId";
    /** Element variable of the multi-instance selection task: the ente's codice fiscale. */
    public static final String VAR_ENTE_CF = "enteCf";

    // forms/seleziona-alloggi.form: written on the task by the platform (AlloggiDellEnteListener) ...
    /** Options of a row's «Alloggio»: the alloggi the ente may still add ({label, value} with the alloggio's id). */
    public static final String VAR_ALLOGGI_SELEZIONABILI = "alloggiSelezionabili";
    /** The same alloggi as rows of the form's table. */
    public static final String VAR_ALLOGGI_DELL_ENTE = "alloggiDellEnte";
    /** The ente's alloggi already in the avviso. */
    public static final String VAR_ALLOGGI_INSERITI = "alloggiInseriti";
    // ... and what the operator sends: the dynamic list's rows (AlloggiSelezionatiListener inserts them)
    public static final String VAR_ALLOGGI_DA_INSERIRE = "alloggiDaInserire";

    private AvvisoBpmn() {
    }
}
