package it.piattaformacasa.anagrafe.process;

/** Names shared by processes/certificazione-anagrafe.bpmn, forms/certifica-anagrafe.form and the Java side. */
public final class CertificazioneAnagrafeBpmn {

    public static final String PROCESS_ID = "certificazione-anagrafe";
    public static final String TASK_CERTIFICA = "Task_CertificaAnagrafe";
    public static final String SERVICE_REGISTRA = "ServiceTask_RegistraCertificazione";
    public static final String END_CERTIFICATA = "EndEvent_AnagrafeCertificata";

    public static final String VAR_ENTE_ID = "enteId";
    public static final String VAR_ANNO = "anno";
    public static final String VAR_GRUPPO_CANDIDATO = "gruppoCandidato";
    /** Form fields. */
    public static final String VAR_ESITO = "esito";
    public static final String VAR_NOTE = "note";
    /** Set by the complete listener of every user task. */
    public static final String VAR_COMPLETATA_DA = "completataDa";

    private CertificazioneAnagrafeBpmn() {
    }

    public static String businessKey(String codiceFiscaleEnte, int anno) {
        return "certificazione-anagrafe:" + codiceFiscaleEnte + ":" + anno;
    }
}
