package it.piattaformacasa.assegnazione.process;

/** Names shared by processes/contratto.bpmn, forms/conferma-contratto.form and the Java side. */
public final class ContrattoBpmn {

    public static final String PROCESS_ID = "contratto";
    public static final String TASK_CONFERMA = "UserTask_ConfermaContratto";
    public static final String TIMER_SCADENZA = "Timer_ScadenzaContratto";
    public static final String SERVICE_SEGNALA = "ServiceTask_SegnalaAiSupervisori";
    public static final String SERVICE_REGISTRA = "ServiceTask_RegistraContratto";
    public static final String END_REGISTRATO = "EndEvent_ContrattoRegistrato";

    public static final String VAR_ASSEGNAZIONE_ID = "assegnazioneId";
    public static final String VAR_GRUPPO_CANDIDATO = "gruppoCandidato";
    public static final String VAR_SCADENZA = "scadenza";
    /** Form fields. */
    public static final String VAR_ESITO = "esito";
    public static final String VAR_NUMERO = "numeroContratto";
    public static final String VAR_DATA_FIRMA = "dataFirma";
    public static final String VAR_DECORRENZA = "decorrenza";
    public static final String VAR_CANONE = "canoneMensile";
    public static final String VAR_REGISTRAZIONE = "registrazione";
    public static final String VAR_MOTIVO_RINUNCIA = "motivoRinuncia";
    public static final String VAR_COMPLETATA_DA = "completataDa";
    /** Task-local, for the form's text (PraticheDellAssegnazione). */
    public static final String MODULO_NUCLEO = "moduloNucleo";
    public static final String MODULO_ALLOGGIO = "moduloAlloggio";
    /** Task-local: the nucleo's answer given online (issue 16), or that there is none yet. */
    public static final String MODULO_RISPOSTA = "moduloRisposta";

    private ContrattoBpmn() {
    }
}
