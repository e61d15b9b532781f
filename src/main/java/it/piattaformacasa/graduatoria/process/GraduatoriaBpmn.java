package it.piattaformacasa.graduatoria.process;

import it.piattaformacasa.graduatoria.GraduatoriaService;

/** Names shared by processes/graduatoria.bpmn, forms/approva-graduatoria.form and the Java side. */
public final class GraduatoriaBpmn {

    public static final String PROCESS_ID = "graduatoria";
    public static final String TASK_APPROVA = "UserTask_ApprovaGraduatoriaProvvisoria";
    public static final String TIMER_SCADENZA_APPROVAZIONE = "Timer_ScadenzaApprovazione";
    public static final String SERVICE_SOLLECITA = "ServiceTask_SollecitaApprovazione";
    public static final String SERVICE_REGISTRA_APPROVAZIONE = "ServiceTask_RegistraApprovazione";
    public static final String TIMER_FINE_FINESTRA_RETTIFICHE = "Timer_FineFinestraRettifiche";
    public static final String TASK_RENDI_DEFINITIVA = "UserTask_RendiDefinitiva";
    public static final String SERVICE_RENDI_DEFINITIVA = "ServiceTask_RendiDefinitiva";
    public static final String TASK_PUBBLICA_DEFINITIVA = "UserTask_PubblicaGraduatoriaDefinitiva";
    public static final String SERVICE_REGISTRA_PUBBLICAZIONE = "ServiceTask_RegistraPubblicazioneDefinitiva";
    public static final String END_DEFINITIVA_PUBBLICATA = "EndEvent_GraduatoriaDefinitivaPubblicata";
    public static final String END_SOLLECITO = "EndEvent_SollecitoInviato";

    public static final String VAR_GRADUATORIA_ID = "graduatoriaId";
    /** Form fields of «Approva graduatoria provvisoria». */
    public static final String VAR_NUMERO_PROVVEDIMENTO = GraduatoriaService.CAMPO_NUMERO;
    public static final String VAR_DATA_PROVVEDIMENTO = GraduatoriaService.CAMPO_DATA_PROVVEDIMENTO;
    public static final String VAR_PUBBLICAZIONE = GraduatoriaService.CAMPO_PUBBLICAZIONE;
    public static final String VAR_DATA_PUBBLICAZIONE = GraduatoriaService.CAMPO_DATA_PUBBLICAZIONE;
    public static final String VAR_COMPLETATA_DA = "completataDa";
    /** Task-local, for the forms' text (PraticheDelleGraduatorie). */
    public static final String MODULO_DOMANDE = "moduloDomande";
    public static final String MODULO_SCARICA_XLSX = "moduloScaricaXlsx";
    public static final String MODULO_SCARICA_CSV = "moduloScaricaCsv";
    /** Form fields of «Pubblica graduatoria definitiva». */
    public static final String VAR_PUBBLICAZIONE_DEFINITIVA = GraduatoriaService.CAMPO_PUBBLICAZIONE_DEFINITIVA;
    public static final String VAR_DATA_PUBBLICAZIONE_DEFINITIVA = GraduatoriaService.CAMPO_DATA_PUBBLICAZIONE_DEFINITIVA;

    private GraduatoriaBpmn() {
    }
}
