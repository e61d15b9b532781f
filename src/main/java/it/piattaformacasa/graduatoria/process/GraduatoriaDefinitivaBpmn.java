package it.piattaformacasa.graduatoria.process;

/** Names shared by processes/graduatoria-definitiva.bpmn and the Java side. */
public final class GraduatoriaDefinitivaBpmn {

    public static final String PROCESS_ID = "graduatoria-definitiva";
    public static final String START = "StartEvent_GraduatoriaDefinitiva";
    public static final String GATEWAY_STATO = "Gateway_StatoGraduatoria";
    public static final String TASK_PRIMO_GIRO = "ReceiveTask_AssegnaAlloggiInAvviso";
    public static final String EVENTO_SCORRIMENTO_NEL_PRIMO_GIRO = "Event_SuccessivaDefinitivaNelPrimoGiro";
    public static final String SERVICE_AVVIA_RIPESCAGGIO = "ServiceTask_AvviaRipescaggio";
    public static final String TASK_RIPESCAGGIO = "ReceiveTask_AssegnaNelRipescaggio";
    public static final String EVENTO_ALLOGGIO_LIBERATO = "Event_AlloggioLiberato";
    public static final String SERVICE_METTI_A_DISPOSIZIONE = "ServiceTask_MettiADisposizioneAlloggioLibero";
    public static final String END_ALLOGGIO_ASSEGNABILE = "EndEvent_AlloggioLiberoAssegnabile";
    public static final String SERVICE_CHIUDI = "ServiceTask_ChiudiPerScorrimento";
    public static final String END_CHIUSA_PER_SCORRIMENTO = "EndEvent_ChiusaPerScorrimento";

    public static final String MESSAGE_RIPESCAGGIO = "Message_RipescaggioRichiesto";
    public static final String MESSAGE_ALLOGGIO_LIBERATO = "Message_AlloggioLiberato";
    public static final String MESSAGE_SUCCESSIVA_DEFINITIVA = "Message_GraduatoriaSuccessivaDefinitiva";

    public static final String VAR_GRADUATORIA_ID = "graduatoriaId";
    /** Transient: who asked for the ripescaggio, for the step that records it (the graduatoria keeps it). */
    public static final String VAR_RICHIESTO_DA = "richiestoDa";
    /** Transient in the message; then a variable of the event's own path, so history shows each freed alloggio. */
    public static final String VAR_ALLOGGIO_ID = "alloggioId";
    /** Transient: the alloggio's data live in the avviso's tables, not in the engine. */
    public static final String VAR_TIPOLOGIA_RISCALDAMENTO = "tipologiaRiscaldamento";
    /** Transient, as text (a decimal amount never reaches the engine as a serialized object). */
    public static final String VAR_SPESE_ANNUE_UTENZE = "speseAnnueUtenze";
    /** The id of the graduatoria whose becoming definitive closed this one. */
    public static final String VAR_CHIUSA_DA_GRADUATORIA = "chiusaDaGraduatoria";

    private GraduatoriaDefinitivaBpmn() {
    }
}
