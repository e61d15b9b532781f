package it.piattaformacasa.config.process.errori;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.authorization.MissingAuthorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.errorcode.BuiltinExceptionCode;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidatorException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.server.ParamException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;

import it.piattaformacasa.common.AccessoNegatoException;
import it.piattaformacasa.common.ConflittoException;
import it.piattaformacasa.common.DatiNonValidiException;
import it.piattaformacasa.common.GiaEsistenteException;
import it.piattaformacasa.common.NonAmmissibileException;
import it.piattaformacasa.common.NonTrovatoException;
import it.piattaformacasa.common.web.Problema;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;

/**
 * What an exception of the Camunda REST API (and of the webapps' APIs) means for the person who caused it. Camunda
 * answers 500 to a claim lost to another operator, to a completion our delegates refuse and to a task that is no
 * longer there, with the exception's class name and its English message: here each of those becomes a 4xx with an
 * Italian message, and only what is really a failure of ours stays a 5xx, with a reference instead of the cause.
 *
 * <p>The cause chain is read whole, because the engine and the REST resources wrap what a delegate throws (in a
 * {@link RestException} with status 500, a {@link ProcessEngineException}, a {@code BpmnParseException} ...). In this
 * order: a refusal of ours (its message is Italian already: it passes as it is); Camunda's known conditions (already
 * claimed, concurrent change, authorization, not found, form validation); Camunda's English messages that say what
 * the caller got wrong, translated; malformed JSON; the status a REST resource chose; anything else is a 500 with
 * nothing of the cause in the body.
 */
public final class ErroriMotore {

    private static final Logger LOG = LoggerFactory.getLogger(ErroriMotore.class);
    private static final String NOSTRO = "it.piattaformacasa.";
    private static final String DATI_NON_VALIDI = "Dati non validi";
    private static final String CONFLITTO = "Operazione non possibile";

    private ErroriMotore() {
    }

    /** The answer for an exception on {@code metodo percorso}, logged: WARN for a refusal, ERROR with the reference for a failure. */
    public static Problema traduciERegistra(Throwable eccezione, String metodo, String percorso) {
        Problema problema = traduci(eccezione, metodo, percorso);
        if (problema.erroreDelServer()) {
            LOG.error("Errore {} [riferimento {}] su {} {}", problema.status(), problema.riferimento(), metodo, percorso, eccezione);
        } else {
            LOG.warn("Richiesta rifiutata con {} su {} {}: {}", problema.status(), metodo, percorso, riassunto(eccezione));
        }
        return problema;
    }

    static Problema traduci(Throwable eccezione, String metodo, String percorso) {
        List<Throwable> catena = catena(eccezione);
        for (Throwable t : catena) {
            Problema nostro = nostro(t);
            if (nostro != null) {
                return nostro;
            }
        }
        for (Throwable t : catena) {
            Problema delMotore = delMotore(t, metodo, percorso, catena);
            if (delMotore != null) {
                return delMotore;
            }
        }
        // a value the database refused as data (SQLSTATE class 22: a NUL, a negative offset, a LIKE pattern ending in
        // the escape, a date out of range) came from the request: the caller's error, never a 500
        for (Throwable t : catena) {
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("22")) {
                return Problema.di(400, DATI_NON_VALIDI, "La richiesta contiene un valore che non si può usare "
                        + "(un carattere non ammesso, un numero negativo dove non è previsto, una data fuori intervallo).");
            }
        }
        // Camunda's English messages that name what the caller got wrong, whatever status the resource gave them
        Problema tradotto = tradotto(catena);
        if (tradotto != null) {
            return tradotto;
        }
        // a body Jersey could not read arrives as it is; a Jackson exception deeper in the chain is the cause of
        // something the REST resource already named (an invalid variable value)
        Problema json = json(eccezione);
        if (json != null) {
            return json;
        }
        for (Throwable t : catena) {
            Problema rest = delRest(t, catena);
            if (rest != null) {
                return rest;
            }
        }
        return Problema.generico(500);
    }

    // ---- 1. refusals of our own code: Italian already

    private static Problema nostro(Throwable t) {
        if (t.getClass().getName().startsWith(NOSTRO)) {
            String messaggio = t.getMessage();
            if (t instanceof GiaEsistenteException e) {
                return Problema.di(409, CONFLITTO, messaggio).con("idEsistente", e.idEsistente());
            }
            if (t instanceof ConflittoException) {
                return Problema.di(409, CONFLITTO, messaggio);
            }
            if (t instanceof NonTrovatoException) {
                return Problema.di(404, Problema.titolo(404), messaggio);
            }
            if (t instanceof DatiNonValidiException e) {
                return Problema.di(400, DATI_NON_VALIDI, messaggio)
                        .conErrori(e.errori().stream().map(x -> new Problema.Campo(x.campo(), x.messaggio())).toList());
            }
            if (t instanceof NonAmmissibileException e) {
                return Problema.di(422, e.titolo(), messaggio).conMotivi(e.motivi());
            }
            if (t instanceof AccessoNegatoException || t instanceof AuthorizationException) {
                // our engine guards extend AuthorizationException: their message, and no Camunda «type» member
                return Problema.di(403, Problema.titolo(403), conTesto(messaggio, 403));
            }
            if (t instanceof BadUserRequestException) {
                return Problema.di(400, Problema.titolo(400), conTesto(messaggio, 400));
            }
            return null;
        }
        // a service of ours refusing a value it was given (ApiExceptionHandler answers the same for the domain API)
        if (t instanceof IllegalArgumentException && lanciataDaNoi(t) && t.getMessage() != null) {
            return Problema.di(400, DATI_NON_VALIDI, t.getMessage());
        }
        // a value a delegate of ours could not read: a variable sent with the wrong type or outside its values
        if ((t instanceof IllegalArgumentException || t instanceof ClassCastException) && chiamataDaNoi(t)) {
            return Problema.di(400, DATI_NON_VALIDI, "Un valore inviato non è del tipo o tra i valori previsti.");
        }
        return null;
    }

    private static boolean lanciataDaNoi(Throwable t) {
        StackTraceElement[] stack = t.getStackTrace();
        return stack.length > 0 && stack[0].getClassName().startsWith(NOSTRO);
    }

    /**
     * Between the throw and a frame of ours there is only the JDK or a library our code called (an
     * {@code Enum.valueOf}, a parse, a cast): the failure happened inside a delegate or service of ours, on a value it
     * was handed. A framework frame first (engine, Jersey, Spring, Tomcat) means it is not about our code.
     */
    private static final Pattern FRAMEWORK = Pattern.compile("org\\.(camunda|glassfish|springframework|apache)\\.");

    private static boolean chiamataDaNoi(Throwable t) {
        for (StackTraceElement frame : t.getStackTrace()) {
            if (frame.getClassName().startsWith(NOSTRO)) {
                return true;
            }
            if (FRAMEWORK.matcher(frame.getClassName()).lookingAt()) {
                return false;
            }
        }
        return false;
    }

    // ---- 2. the engine's known conditions

    private static Problema delMotore(Throwable t, String metodo, String percorso, List<Throwable> catena) {
        if (t instanceof TaskAlreadyClaimedException e) {
            String chi = e.getTaskAssignee() == null ? "un altro operatore" : e.getTaskAssignee();
            return Problema.di(409, CONFLITTO, "L'attività è già in carico a " + chi + ".");
        }
        if (t instanceof OptimisticLockingException) {
            return Problema.di(409, CONFLITTO, "Un'altra operazione ha modificato gli stessi dati nello stesso "
                    + "momento (per esempio un altro operatore ha preso in carico l'attività): ricarica e riprova.");
        }
        if (t instanceof AuthorizationException e) {
            return Problema.di(403, Problema.titolo(403), "Non hai l'autorizzazione per " + operazione(e, metodo, percorso) + ".");
        }
        if (t instanceof FormFieldValidatorException e) {
            return Problema.di(400, DATI_NON_VALIDI, "Il valore del campo «" + e.getId() + "» non è ammesso dal modulo.")
                    .conErrori(List.of(new Problema.Campo(e.getId(), "valore non ammesso")));
        }
        if (t instanceof NotFoundException || t instanceof NullValueException) {
            Problema tradotto = tradotto(catena);
            if (tradotto != null) {
                return tradotto;
            }
            return t instanceof NotFoundException ? Problema.generico(404)
                    : Problema.di(400, Problema.titolo(400), "Manca un valore necessario alla richiesta.");
        }
        if (t instanceof ProcessEngineException e) {
            int codice = e.getCode();
            if (codice == BuiltinExceptionCode.DEADLOCK.getCode()) {
                return Problema.di(409, CONFLITTO, "Un'altra operazione ha modificato gli stessi dati nello stesso momento: riprova.");
            }
            if (codice == BuiltinExceptionCode.FOREIGN_KEY_CONSTRAINT_VIOLATION.getCode()) {
                return Problema.di(409, CONFLITTO, "Altri dati dipendono da questo elemento, o ne è appena cambiato uno da cui dipende.");
            }
            if (codice == BuiltinExceptionCode.COLUMN_SIZE_TOO_SMALL.getCode()) {
                return Problema.di(400, DATI_NON_VALIDI, "Un valore inviato è troppo lungo per essere salvato.");
            }
        }
        return null;
    }

    // ---- 3. malformed JSON

    private static Problema json(Throwable t) {
        if (t instanceof JsonMappingException e && !e.getPath().isEmpty()) {
            String campo = e.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("");
            return Problema.di(400, DATI_NON_VALIDI, "La richiesta contiene dati non validi")
                    .conErrori(List.of(new Problema.Campo(campo, "valore non valido")));
        }
        if (t instanceof JsonProcessingException) {
            return Problema.di(400, "Richiesta non leggibile", "Il corpo della richiesta non è un JSON valido");
        }
        return null;
    }

    // ---- 4. the status a REST resource or Jersey chose

    private static Problema delRest(Throwable t, List<Throwable> catena) {
        if (t instanceof ParamException.PathParamException) {
            return Problema.di(404, Problema.titolo(404), "L'indirizzo richiesto non esiste.");
        }
        if (t instanceof ParamException e) {
            // JAX-RS says 404 for a query parameter that does not convert: it is a bad value, so 400
            return Problema.di(400, DATI_NON_VALIDI, "Il parametro «" + e.getParameterName() + "» non ha un valore valido.")
                    .conErrori(List.of(new Problema.Campo(e.getParameterName(), "valore non valido")));
        }
        if (t instanceof NotAllowedException) {
            return Problema.di(405, Problema.titolo(405), "Questo indirizzo non accetta il metodo HTTP usato.");
        }
        if (t instanceof NotSupportedException) {
            return Problema.di(415, Problema.titolo(415),
                    "Il formato del contenuto (intestazione Content-Type) non è supportato: usa application/json.");
        }
        if (t instanceof NotAcceptableException) {
            return Problema.di(406, Problema.titolo(406),
                    "La risposta non è disponibile nel formato richiesto (intestazione Accept): usa application/json.");
        }
        if (t instanceof jakarta.ws.rs.NotFoundException) {
            return Problema.di(404, Problema.titolo(404), "L'indirizzo richiesto non esiste.");
        }
        int status = t instanceof RestException e && e.getStatus() != null ? e.getStatus().getStatusCode()
                : t instanceof WebApplicationException e ? e.getResponse().getStatus()
                : t instanceof ParseException || t instanceof BadUserRequestException ? 400
                : 0;
        if (status >= 400 && status < 500) {
            Problema tradotto = tradotto(catena);
            if (tradotto != null) {
                return tradotto;
            }
            return status == 400 && t instanceof ParseException
                    ? Problema.di(400, Problema.titolo(400), "Il modello inviato non è valido.")
                    : Problema.generico(status);
        }
        return null;
    }

    // ---- Camunda's common English messages, in Italian

    private record Traduzione(Pattern inglese, Function<Matcher, Problema> italiano) {
    }

    private static final List<Traduzione> TRADUZIONI = List.of(
            new Traduzione(Pattern.compile("(?:Cannot find task with id|No matching task with id|Task with id) '?([\\w.-]+)"),
                    m -> Problema.di(404, Problema.titolo(404), "L'attività " + m.group(1) + " non esiste o è già stata completata.")),
            new Traduzione(Pattern.compile("(?:execution|Execution|process instance|Process instance)(?: with id)? '?([\\w.-]+)'? (?:doesn't exist|does not exist)"),
                    m -> Problema.di(404, Problema.titolo(404), "L'istanza di processo " + m.group(1) + " non esiste o è già terminata.")),
            new Traduzione(Pattern.compile("(?i)no (?:matching )?process instance (?:found )?(?:with|for) id '?([\\w.-]+)"),
                    m -> Problema.di(404, Problema.titolo(404), "L'istanza di processo " + m.group(1) + " non esiste o è già terminata.")),
            new Traduzione(Pattern.compile("(?i)(?:no (?:matching |deployed )?(?:process |decision )?definition|(?:process|decision) definition .*(?:does not exist|doesn't exist|not found))"),
                    m -> Problema.di(404, Problema.titolo(404), "La definizione di processo richiesta non esiste.")),
            new Traduzione(Pattern.compile("(?i)(?:deployment .*(?:does not exist|doesn't exist|not found)|no deployment found|cannot find deployment)"),
                    m -> Problema.di(404, Problema.titolo(404), "Il deployment richiesto non esiste.")),
            new Traduzione(Pattern.compile("Unsupported value type '([^']*)'"),
                    m -> Problema.di(400, DATI_NON_VALIDI, "Tipo di variabile non supportato: «" + m.group(1) + "».")),
            new Traduzione(Pattern.compile("Cannot convert value '(.*)' of type '(\\w+)'"),
                    m -> Problema.di(400, DATI_NON_VALIDI, "Valore non valido per una variabile: «" + m.group(1)
                            + "» non è un valore di tipo " + m.group(2) + ".")),
            new Traduzione(Pattern.compile("Cannot convert value (.*) to java (?:enum )?type"),
                    m -> Problema.di(400, DATI_NON_VALIDI, "Valore non valido per un parametro: «" + m.group(1) + "».")),
            new Traduzione(Pattern.compile("Must provide 'null' or String value for value of SerializableValue type '(\\w+)'"),
                    m -> Problema.di(400, DATI_NON_VALIDI, "Una variabile di tipo " + m.group(1)
                            + " va inviata come testo serializzato (o null).")),
            new Traduzione(Pattern.compile("Cannot set variable with name ([\\w.-]+)\\. Java serialization format is prohibited"),
                    m -> Problema.di(400, DATI_NON_VALIDI, "La variabile «" + m.group(1)
                            + "» è un oggetto Java serializzato: non è ammesso.")),
            new Traduzione(Pattern.compile("(?i)\\b(user|group|tenant) already exists"),
                    m -> Problema.di(409, CONFLITTO, "Esiste già " + switch (m.group(1).toLowerCase(Locale.ROOT)) {
                        case "user" -> "un utente";
                        case "group" -> "un gruppo";
                        default -> "un tenant";
                    } + " con questo identificativo.")),
            new Traduzione(Pattern.compile("has an invalid id: '(.*)' is not a valid resource identifier"),
                    m -> Problema.di(400, DATI_NON_VALIDI, "L'identificativo «" + m.group(1) + "» non è valido: "
                            + "sono ammessi lettere, cifre, punto, trattino e trattino basso.")),
            new Traduzione(Pattern.compile("Cannot find serializer for value"),
                    m -> Problema.di(400, DATI_NON_VALIDI, "Il valore di una variabile ha un tipo non supportato.")));

    private static Problema tradotto(List<Throwable> catena) {
        for (Throwable t : catena) {
            if (t.getMessage() == null) {
                continue;
            }
            for (Traduzione traduzione : TRADUZIONI) {
                Matcher matcher = traduzione.inglese().matcher(t.getMessage());
                if (matcher.find()) {
                    return traduzione.italiano().apply(matcher);
                }
            }
        }
        return null;
    }

    // ---- authorizations: the operation in Italian, from the request or else from the missing permission

    private record Operazione(Pattern percorso, String metodi, String descrizione) {
    }

    private static final List<Operazione> OPERAZIONI = List.of(
            new Operazione(Pattern.compile("/task/[^/]+/claim$"), "POST", "prendere in carico questa attività"),
            new Operazione(Pattern.compile("/task/[^/]+/unclaim$"), "POST", "rilasciare questa attività"),
            new Operazione(Pattern.compile("/task/[^/]+/(complete|submit-form|resolve)$"), "POST", "completare questa attività"),
            new Operazione(Pattern.compile("/task/[^/]+/(assignee|delegate)$"), "POST", "assegnare questa attività"),
            new Operazione(Pattern.compile("/task/[^/]+/(variables|localVariables|form-variables)(/.*)?$"), "GET", "leggere i dati di questa attività"),
            new Operazione(Pattern.compile("/task/[^/]+/(variables|localVariables)(/.*)?$"), "*", "modificare i dati di questa attività"),
            new Operazione(Pattern.compile("/task/[^/]+(/.*)?$"), "GET", "vedere questa attività"),
            new Operazione(Pattern.compile("/task/[^/]+(/.*)?$"), "*", "modificare questa attività"),
            new Operazione(Pattern.compile("/process-definition/.*/(start|submit-form)$"), "POST", "avviare questo processo"),
            new Operazione(Pattern.compile("/process-instance/[^/]+/variables(/.*)?$"), "GET", "leggere i dati di questa istanza di processo"),
            new Operazione(Pattern.compile("/process-instance/[^/]+/variables(/.*)?$"), "*", "modificare i dati di questa istanza di processo"),
            new Operazione(Pattern.compile("/process-instance/[^/]+$"), "DELETE", "annullare questa istanza di processo"),
            new Operazione(Pattern.compile("/process-instance/[^/]+/.+$"), "POST PUT", "modificare questa istanza di processo"),
            new Operazione(Pattern.compile("/deployment/create$"), "POST", "pubblicare un deployment"),
            new Operazione(Pattern.compile("/deployment/[^/]+$"), "DELETE", "eliminare questo deployment"),
            new Operazione(Pattern.compile("/(user|group|tenant|authorization)(/.*)?$"), "POST PUT DELETE", "gestire utenti, gruppi e autorizzazioni"),
            new Operazione(Pattern.compile("/(job|incident|external-task|job-definition)(/.*)?$"), "POST PUT DELETE", "gestire job e incidenti"),
            new Operazione(Pattern.compile("/(message|signal)$"), "POST", "inviare messaggi o segnali ai processi"));

    private static final Map<String, String> VERBI = Map.ofEntries(
            Map.entry("READ", "vedere"), Map.entry("UPDATE", "modificare"), Map.entry("CREATE", "creare"),
            Map.entry("DELETE", "eliminare"), Map.entry("ACCESS", "usare"), Map.entry("ALL", "gestire"),
            Map.entry("TASK_WORK", "lavorare su"), Map.entry("TASK_ASSIGN", "assegnare"),
            Map.entry("CREATE_INSTANCE", "avviare"), Map.entry("READ_INSTANCE", "vedere le istanze di"),
            Map.entry("UPDATE_INSTANCE", "modificare le istanze di"), Map.entry("DELETE_INSTANCE", "annullare le istanze di"),
            Map.entry("READ_TASK", "vedere le attività di"), Map.entry("UPDATE_TASK", "modificare le attività di"),
            Map.entry("READ_HISTORY", "consultare lo storico di"), Map.entry("READ_VARIABLE", "leggere i dati di"),
            Map.entry("UPDATE_VARIABLE", "modificare i dati di"), Map.entry("SUSPEND", "sospendere"),
            Map.entry("SUSPEND_INSTANCE", "sospendere le istanze di"), Map.entry("MIGRATE_INSTANCE", "migrare le istanze di"),
            Map.entry("RETRY_JOB", "ripetere i job di"));

    private static final Map<Resources, String> RISORSE = Map.ofEntries(
            Map.entry(Resources.TASK, "questa attività"), Map.entry(Resources.HISTORIC_TASK, "questa attività"),
            Map.entry(Resources.PROCESS_DEFINITION, "questo processo"), Map.entry(Resources.PROCESS_INSTANCE, "questa istanza di processo"),
            Map.entry(Resources.HISTORIC_PROCESS_INSTANCE, "questa istanza di processo"),
            Map.entry(Resources.DEPLOYMENT, "questo deployment"), Map.entry(Resources.APPLICATION, "questa applicazione"),
            Map.entry(Resources.USER, "gli utenti"), Map.entry(Resources.GROUP, "i gruppi"),
            Map.entry(Resources.GROUP_MEMBERSHIP, "i membri dei gruppi"), Map.entry(Resources.AUTHORIZATION, "le autorizzazioni"),
            Map.entry(Resources.FILTER, "questo filtro"), Map.entry(Resources.DECISION_DEFINITION, "questa decisione"),
            Map.entry(Resources.BATCH, "le operazioni massive"), Map.entry(Resources.TENANT, "i tenant"),
            Map.entry(Resources.TENANT_MEMBERSHIP, "i membri dei tenant"), Map.entry(Resources.SYSTEM, "la configurazione del sistema"));

    static String operazione(AuthorizationException e, String metodo, String percorso) {
        if (percorso != null) {
            for (Operazione operazione : OPERAZIONI) {
                boolean metodoAdatto = "*".equals(operazione.metodi()) || Set.of(operazione.metodi().split(" ")).contains(metodo);
                if (metodoAdatto && operazione.percorso().matcher(percorso).find()) {
                    return operazione.descrizione();
                }
            }
        }
        List<MissingAuthorization> mancanti = e.getMissingAuthorizations();
        if (mancanti != null && !mancanti.isEmpty()) {
            MissingAuthorization mancante = mancanti.get(0);
            String verbo = VERBI.get(String.valueOf(mancante.getViolatedPermissionName()).toUpperCase(Locale.ROOT));
            String risorsa = null;
            for (Resources r : Resources.values()) {
                if (r.resourceName().equals(mancante.getResourceType())) {
                    risorsa = RISORSE.get(r);
                }
            }
            if (verbo != null && risorsa != null) {
                return verbo + " " + risorsa;
            }
        }
        return "eseguire questa operazione";
    }

    // ---- helpers

    private static String conTesto(String messaggio, int status) {
        return messaggio == null || messaggio.isBlank() ? Problema.generico(status).dettaglio() : messaggio;
    }

    static List<Throwable> catena(Throwable eccezione) {
        List<Throwable> catena = new ArrayList<>();
        Set<Throwable> visti = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = eccezione; t != null && visti.add(t) && catena.size() < 25; t = t.getCause()) {
            catena.add(t);
        }
        return catena;
    }

    /** For the log only: every exception of the chain with its message, outermost first. */
    static String riassunto(Throwable eccezione) {
        StringBuilder testo = new StringBuilder();
        for (Throwable t : catena(eccezione)) {
            if (!testo.isEmpty()) {
                testo.append(" <- ");
            }
            testo.append(t);
        }
        return testo.toString();
    }
}
