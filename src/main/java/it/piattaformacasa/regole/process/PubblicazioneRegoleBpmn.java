package it.piattaformacasa.regole.process;

/** Names shared by processes/pubblicazione-regole.bpmn, forms/approva-regole.form and the Java side. */
public final class PubblicazioneRegoleBpmn {

    public static final String PROCESS_ID = "pubblicazione-regole";
    public static final String TASK_APPROVA = "UserTask_ApprovaRegole";
    public static final String SERVICE_PUBBLICA = "ServiceTask_PubblicaRegole";
    public static final String SERVICE_RESPINGI = "ServiceTask_RegistraRifiuto";
    public static final String END_PUBBLICATA = "EndEvent_RegolePubblicate";
    public static final String END_RESPINTA = "EndEvent_PubblicazioneRespinta";
    public static final String END_BLOCCATA = "EndEvent_PubblicazioneBloccata";
    public static final String ERRORE_CASI_FALLITI = "CASI_FALLITI";

    public static final String VAR_NOME = "nome";
    public static final String VAR_VERSIONE = "versione";
    public static final String VAR_RICHIEDENTE = "richiedente";
    public static final String VAR_AUTORE = "autore";
    public static final String VAR_VALIDO_DAL = "validoDal";
    public static final String VAR_VALIDO_DAL_TESTO = "validoDalTesto";
    /** Form fields. */
    public static final String VAR_ESITO = "esito";
    public static final String VAR_NOTA = "nota";
    public static final String VAR_COMPLETATA_DA = "completataDa";

    private PubblicazioneRegoleBpmn() {
    }
}
