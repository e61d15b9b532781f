package it.piattaformacasa.common.process;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The variables that make a task recognisable in Tasklist's list: written on the task itself (task-local) by the
 * platform when the task is created, from the case its process business key names, and shown by the shared filters.
 *
 * <p>Task-local on purpose. An operator may read the variables of the tasks of its groups (Camunda grants READ on
 * the task) but not the process instance's, so only task-local variables reach the list; and a parallel task of
 * another ente carries its own. They are for reading only: no delegate, listener or expression finds a case through
 * them (each reads the business key, {@link Pratica}), and a completion cannot change them (the engine guard refuses
 * a variable outside the task's form).
 */
public final class PraticaNellElenco {

    public static final String VAR_ENTE = "praticaEnte";
    public static final String VAR_COMUNE = "praticaComune";
    public static final String VAR_AVVISO = "praticaAvviso";
    public static final String VAR_PRATICA = "praticaOggetto";
    /** The due date as an Italian reads it: «12/03/2026 ore 16:00», «28/03/2026» (the whole day), «nessuna». */
    public static final String VAR_SCADENZA = "praticaScadenza";
    /** The basis of the deadline, as the model states it («5 giorni dalla chiusura dell'avviso»). */
    public static final String VAR_TERMINE = "praticaTermine";

    /**
     * The case's page in the console ({@link it.piattaformacasa.common.PraticaInBreve#pagina()}): the form links it,
     * and the case page lists the open tasks that carry it (issue 12). Not shown in the list.
     */
    public static final String VAR_PAGINA = "praticaPagina";

    /** Name of the user task's extension property (camunda:property) that states the basis of its deadline. */
    public static final String PROPRIETA_TERMINE = "termine";

    /**
     * The variables shown in the list, in order, with the label Tasklist puts before each value. A card shows the first
     * two until it is expanded, and cuts each value at half its width (the whole value is its tooltip): so the due date
     * and the case come first, in a few words; ente, comune and avviso are in the task's name anyway.
     */
    public static final Map<String, String> ETICHETTE;

    static {
        Map<String, String> etichette = new LinkedHashMap<>();
        etichette.put(VAR_SCADENZA, "Scadenza");
        etichette.put(VAR_PRATICA, "Pratica");
        etichette.put(VAR_TERMINE, "Termine");
        etichette.put(VAR_ENTE, "Ente");
        etichette.put(VAR_COMUNE, "Comune");
        etichette.put(VAR_AVVISO, "Avviso");
        ETICHETTE = java.util.Collections.unmodifiableMap(etichette);
    }

    private PraticaNellElenco() {
    }
}
