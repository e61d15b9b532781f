package it.piattaformacasa.anagrafe.process;

import java.util.Optional;

/** Names shared by processes/certificazione-anagrafe.bpmn, forms/certifica-anagrafe.form and the Java side. */
public final class CertificazioneAnagrafeBpmn {

    public static final String PROCESS_ID = "certificazione-anagrafe";
    private static final String PREFISSO = PROCESS_ID + ":";
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
        return PREFISSO + codiceFiscaleEnte + ":" + anno;
    }

    /** The ente and the year a business key of {@link #businessKey} names; empty for anything else. */
    public static Optional<Chiave> chiave(String businessKey) {
        if (businessKey == null || !businessKey.startsWith(PREFISSO)) {
            return Optional.empty();
        }
        String[] parti = businessKey.substring(PREFISSO.length()).split(":");
        if (parti.length != 2 || !parti[1].matches("\\d{4}")) {
            return Optional.empty();
        }
        return Optional.of(new Chiave(parti[0], Integer.parseInt(parti[1])));
    }

    public record Chiave(String codiceFiscaleEnte, int anno) {
    }
}
