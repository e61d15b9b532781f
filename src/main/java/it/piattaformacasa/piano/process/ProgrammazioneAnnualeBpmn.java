package it.piattaformacasa.piano.process;

/** Names shared by processes/programmazione-annuale.bpmn, its forms and the Java side. */
public final class ProgrammazioneAnnualeBpmn {

    public static final String PROCESS_ID = "programmazione-annuale";

    public static final String TIMER_INIZIO_COMUNICAZIONI = "Timer_InizioComunicazioni";
    public static final String SERVICE_APRI_COMUNICAZIONI = "ServiceTask_ApriComunicazioni";
    public static final String TASK_COMUNICA = "UserTask_ComunicaOffertaAbitativa";
    /** Boundary timer on the enti's tasks: the end of the window. */
    public static final String TIMER_FINE_COMUNICAZIONI = "Timer_FineComunicazioni";
    /** Every ente sent early: the process waits for the end of the window all the same. */
    public static final String TIMER_ATTESA_FINE_COMUNICAZIONI = "Timer_AttesaFineComunicazioni";
    public static final String SERVICE_CHIUDI_COMUNICAZIONI = "ServiceTask_ChiudiComunicazioni";
    public static final String TASK_APPROVA = "UserTask_ApprovaPiano";
    public static final String SERVICE_APPROVA = "ServiceTask_ApprovaPiano";
    /** The approved plan waits here (an event-based gateway): a reopening, or the end of the year. */
    public static final String GATEWAY_PIANO_IN_VIGORE = "Gateway_PianoInVigore";
    public static final String EVENT_RIAPERTURA = "Event_RiaperturaPiano";
    public static final String TIMER_FINE_ANNO = "Timer_FineAnno";
    public static final String SERVICE_RIAPRI = "ServiceTask_RiapriComunicazioni";
    public static final String END_ANNO_CONCLUSO = "EndEvent_AnnoConcluso";
    public static final String END_ANNULLATO = "EndEvent_PianoAnnullato";

    public static final String MESSAGE_RIAPERTO = "Message_PianoRiaperto";
    public static final String MESSAGE_ANNULLATO = "Message_PianoAnnullato";

    /** Element variable of the multi-instance task: the id of the ente's communication (comunicazione_annuale). */
    public static final String VAR_COMUNICAZIONE_ID = "comunicazioneId";
    public static final String VAR_PIANO_ID = "pianoId";
    /** Set by the complete listener of every user task, or by the reopening's message. */
    public static final String VAR_COMPLETATA_DA = "completataDa";

    // forms/comunica-offerta-abitativa.form: written on the task by the platform (PraticheDelPiano) for its text
    public static final String VAR_MODULO_PIANO = "moduloPiano";
    public static final String VAR_MODULO_ENTE = "moduloEnte";
    public static final String VAR_MODULO_FINESTRA = "moduloFinestra";
    public static final String VAR_MODULO_CERTIFICAZIONE = "moduloCertificazione";
    public static final String VAR_MODULO_INVIATA = "moduloGiaInviata";
    /** True for an ALER's scheda: the form hides the social categories (seed 001). */
    public static final String VAR_MODULO_SENZA_CATEGORIE = "moduloSenzaCategorie";
    // forms/approva-piano-annuale.form
    public static final String VAR_MODULO_COMUNICAZIONI = "moduloComunicazioni";

    private ProgrammazioneAnnualeBpmn() {
    }
}
