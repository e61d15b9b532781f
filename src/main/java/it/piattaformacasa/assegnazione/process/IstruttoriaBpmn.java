package it.piattaformacasa.assegnazione.process;

/** Names shared by processes/istruttoria.bpmn, forms/verifica-istruttoria.form and the Java side. */
public final class IstruttoriaBpmn {

    public static final String PROCESS_ID = "istruttoria";
    public static final String TASK_VERIFICA = "UserTask_VerificaIstruttoria";
    public static final String MESSAGE_ASSEGNATO_ALTROVE = "Message_NucleoAssegnatoAltrove";
    public static final String EVENTO_ASSEGNATO_ALTROVE = "Event_NucleoAssegnatoAltrove";
    public static final String SERVICE_REGISTRA_VERIFICA = "ServiceTask_RegistraVerifica";
    public static final String END_CONCLUSA = "EndEvent_IstruttoriaConclusa";
    public static final String END_ASSEGNATO_ALTROVE = "EndEvent_AssegnatoAltrove";

    public static final String VAR_ISTRUTTORIA_ID = "istruttoriaId";
    public static final String VAR_GRUPPO_CANDIDATO = "gruppoCandidato";
    /** Form fields. */
    public static final String VAR_ESITO = "esito";
    public static final String VAR_ALLOGGIO_ID = "alloggioId";
    public static final String VAR_NOTE = "note";
    public static final String VAR_MOTIVO_FUORI_ORDINE = "motivoFuoriOrdine";
    public static final String VAR_ISEE_CORRETTO = "iseeCorretto";
    public static final String VAR_CONDIZIONI_CORRETTE = "condizioniCorrette";
    public static final String VAR_RESIDENTE_LOMBARDIA_DAL_CORRETTO = "residenteLombardiaDalCorretto";
    public static final String VAR_RESIDENTE_COMUNE_DAL_CORRETTO = "residenteComuneDalCorretto";
    public static final String VAR_COMPLETATA_DA = "completataDa";
    /** What the form shows (task-local, written by {@link DatiDellaVerificaListener}): Markdown for its text components. */
    public static final String VAR_SCHEDA_DOMANDA = "schedaDomanda";
    public static final String VAR_SCHEDA_PUNTEGGIO = "schedaPunteggio";
    public static final String VAR_SCHEDA_ALLOGGI = "schedaAlloggi";
    public static final String VAR_SCHEDA_ORDINE = "schedaOrdine";
    /** The options of {@link #VAR_ALLOGGIO_ID} (the select's valuesKey): a Json list of {label, value}. */
    public static final String VAR_ALLOGGI_ASSEGNABILI = "alloggiAssegnabili";
    /** True when the domanda is not the next of the ente's art. 15 order: the form then asks the reason. */
    public static final String VAR_FUORI_ORDINE = "fuoriOrdine";

    private IstruttoriaBpmn() {
    }
}
