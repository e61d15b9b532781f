package it.piattaformacasa.config.process;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.type.PrimitiveValueType;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import it.piattaformacasa.common.DatiNonValidiException;
import it.piattaformacasa.common.TestoSicuro;
import it.piattaformacasa.common.sicurezza.Gruppi;

/**
 * What a person may do to a user task through any door of the engine (Tasklist, the engine REST API, our API).
 *
 * <p>Completing: only the fields of the task's form, and they stay with the task. Everything else a delegate or a
 * listener reads (ids, ente, avviso, group) was written by the system and cannot be overwritten by a completion: a
 * variable outside the form is refused, unless it repeats the value the case already has (Tasklist sends back what
 * it showed). The form's values are recorded as variables of the task (its record in history) and handed to the
 * process only as transient variables, so the step after the task reads them in the same transaction and no other
 * task — a parallel task of another ente above all — ever sees or pre-fills them.
 *
 * <p>Assigning: a person names only themselves; an administrator may name another user, who must be a candidate.
 */
class GuardiaAttivita {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CampiDelForm campi = new CampiDelForm();

    /**
     * @return the variables to hand to the completion (transient), after recording the form's values on the task
     * @throws CompletamentoRifiutatoException when a variable outside the form would change the case
     */
    Map<String, Object> perCompletamento(CommandContext contesto, TaskEntity task, Map<String, Object> inviate) {
        Map<String, CampiDelForm.Campo> delForm = campi.modificabili(contesto, task);
        Map<String, Object> valori = tipizzati(inviate);
        Map<String, Object> ammesse = new LinkedHashMap<>();
        Set<String> rifiutate = new TreeSet<>();
        for (Map.Entry<String, Object> voce : valori.entrySet()) {
            if (delForm.containsKey(voce.getKey())) {
                ammesse.put(voce.getKey(), voce.getValue());
            } else if (!stessoValore(voce.getValue(), task.getVariableTyped(voce.getKey(), true))) {
                rifiutate.add(voce.getKey());
            }
        }
        if (!rifiutate.isEmpty()) {
            throw new CompletamentoRifiutatoException("L'attività «" + task.getName() + "» accetta solo i campi del suo modulo"
                    + (delForm.isEmpty() ? "" : " («" + String.join("», «", delForm.values().stream()
                            .map(CampiDelForm.Campo::etichetta).toList()) + "»)")
                    + ": non è possibile impostare " + String.join(", ", rifiutate)
                    + ". I dati che identificano la pratica sono scritti dalla piattaforma e non si modificano completando un'attività.");
        }
        List<DatiNonValidiException.Errore> errori = new ArrayList<>();
        for (Map.Entry<String, Object> voce : ammesse.entrySet()) {
            // options written on the task bound a person's choice; our API's own calls are checked by the step after the
            // task against the case as it is now (the options are what the task showed when it was created)
            CampiDelForm.Campo campo = delForm.get(voce.getKey());
            verificaValore(persona(contesto) != null ? conOpzioni(campo, task) : campo, voce.getValue(), persona(contesto) != null)
                    .ifPresent(motivo -> errori.add(errore(campo, motivo)));
        }
        if (persona(contesto) != null) {
            // a person completes as the form asks (Tasklist enforces it; a REST client must too); the platform's own
            // code passes only what its API already validated
            for (CampiDelForm.Campo campo : delForm.values()) {
                if (campo.obbligatorio() && vuoto(campo, ammesse.get(campo.chiave()))) {
                    errori.add(errore(campo, "obbligatorio"));
                }
            }
        }
        if (!errori.isEmpty()) {
            throw rifiuto(task, errori);
        }
        Map<String, Object> transitorie = new LinkedHashMap<>();
        for (Map.Entry<String, Object> voce : ammesse.entrySet()) {
            if (delForm.get(voce.getKey()).elenco()) {
                // rows stay Json (a text would be cut at the engine's 4000 characters)
                String righe = righe(voce.getValue()).map(JsonNode::toString).orElseThrow();
                task.setVariableLocal(voce.getKey(), SpinValues.jsonValue(righe).create());
                TypedValue esistente = task.getExecution() == null ? null : task.getExecution().getVariableTyped(voce.getKey(), false);
                transitorie.put(voce.getKey(), SpinValues.jsonValue(righe)
                        .setTransient(esistente == null || esistente.isTransient()).create());
                continue;
            }
            // a list is kept as its comma-separated text; nothing sent stays nothing (not an empty list)
            Object valore = delForm.get(voce.getKey()).lista() && semplice(voce.getValue()) != null
                    ? String.join(",", voci(voce.getValue()).orElseThrow()) : semplice(voce.getValue());
            task.setVariableLocal(voce.getKey(), valore);
            transitorie.put(voce.getKey(), transitoria(task, voce.getKey(), valore));
        }
        return transitorie;
    }

    /**
     * What a form field may hold: a string, a number, a boolean or a date — never bytes, files or serialized objects —,
     * text without control characters (new lines only in a text area), no longer than the form allows, and for a
     * choice one of the form's values.
     */
    private static Optional<String> verificaValore(CampiDelForm.Campo campo, Object inviato, boolean persona) {
        if (campo.elenco()) {
            List<String> errori = verificaElenco(campo, inviato);
            return errori.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", errori));
        }
        if (campo.lista()) {
            return verificaLista(campo, inviato, persona);
        }
        if (inviato instanceof TypedValue tipizzato && tipizzato.getType() != null
                && (!(tipizzato.getType() instanceof PrimitiveValueType) || tipizzato.getType() == ValueType.BYTES)) {
            return Optional.of("tipo di valore non ammesso (" + tipizzato.getType().getName() + ")");
        }
        Object valore = inviato instanceof TypedValue tipizzato ? tipizzato.getValue() : inviato;
        if (valore == null) {
            return Optional.empty();
        }
        if (!(valore instanceof String || valore instanceof Boolean || valore instanceof Number || valore instanceof Date)) {
            return Optional.of("tipo di valore non ammesso");
        }
        if (valore instanceof String testo) {
            Optional<String> problema = TestoSicuro.problema(testo, campo.testoLibero());
            if (problema.isPresent()) {
                return problema;
            }
            if (campo.lunghezzaMassima() != null && testo.length() > campo.lunghezzaMassima()) {
                return Optional.of("al più " + campo.lunghezzaMassima() + " caratteri");
            }
        }
        if (campo.scelta() && !campo.valoriAmmessi().isEmpty() && !campo.valoriAmmessi().contains(valore.toString())) {
            return Optional.of("valore non ammesso, ammessi " + String.join(", ", campo.valoriAmmessi()));
        }
        return Optional.empty();
    }

    /**
     * A choice whose options the platform wrote on the task (valuesKey): the options are those values, a Json list of
     * {@code {label, value}} or of texts. A choice whose options cannot be read admits nothing.
     */
    private static CampiDelForm.Campo conOpzioni(CampiDelForm.Campo campo, TaskEntity task) {
        if (campo.elenco()) {
            Map<String, CampiDelForm.Campo> elementi = new LinkedHashMap<>();
            campo.elementi().forEach((chiave, elemento) -> elementi.put(chiave, conOpzioni(elemento, task)));
            return new CampiDelForm.Campo(campo.chiave(), campo.tipo(), campo.obbligatorio(), campo.valoriAmmessi(),
                    campo.lunghezzaMassima(), campo.chiaveValori(), campo.etichetta(), elementi);
        }
        if (campo.chiaveValori() == null) {
            return campo;
        }
        Set<String> valori = new java.util.LinkedHashSet<>();
        TypedValue opzioni = task.getVariableTyped(campo.chiaveValori(), false);
        if (opzioni instanceof SerializableValue serializzato && "json".equals(opzioni.getType().getName())) {
            try {
                JsonNode lista = JSON.readTree(serializzato.isDeserialized() ? String.valueOf(serializzato.getValue())
                        : serializzato.getValueSerialized());
                lista.forEach(o -> valori.add(o.isObject() ? o.path("value").asText() : o.asText()));
            } catch (JsonProcessingException e) {
                // unreadable options admit nothing
            }
        }
        // an empty set would mean «any value» for a choice: a value nobody can send stands for «none»
        return new CampiDelForm.Campo(campo.chiave(), campo.tipo(), campo.obbligatorio(),
                valori.isEmpty() ? Set.of("\u0000") : java.util.Collections.unmodifiableSet(valori), campo.lunghezzaMassima(),
                campo.chiaveValori(), campo.etichetta());
    }

    /**
     * A checklist: Tasklist sends the ticked values as a Json list (our API as a list or a comma-separated text); each
     * must be one of the form's values. Our API has already named the wrong value by its own field (the delegate refuses
     * it), so the platform's own calls are checked for their shape only.
     */
    private static Optional<String> verificaLista(CampiDelForm.Campo campo, Object inviato, boolean persona) {
        Optional<List<String>> voci = voci(inviato);
        if (voci.isEmpty()) {
            return Optional.of("attesa una lista di valori");
        }
        for (String voce : persona ? voci.get() : List.<String>of()) {
            if (!campo.valoriAmmessi().contains(voce)) {
                return Optional.of("valore non ammesso, ammessi " + String.join(", ", campo.valoriAmmessi()));
            }
        }
        return Optional.empty();
    }

    /** The most rows a dynamic list may send: more than any ente offers in one avviso, far less than a flood. */
    static final int MASSIMO_RIGHE = 500;

    /**
     * A dynamic list: Tasklist sends its rows as a Json list of objects whose keys are the fields of a row. Each row
     * holds only those fields, each checked by its own rules (kind of value, required, longest text, a choice's
     * values, including options the platform wrote on the task); at most {@link #MASSIMO_RIGHE} rows. Errors name
     * the field as {@code elenco[i].campo} and the row as the operator counts it.
     */
    static List<String> verificaElenco(CampiDelForm.Campo campo, Object inviato) {
        Optional<JsonNode> righe = righe(inviato);
        if (righe.isEmpty()) {
            return List.of("attesa una lista di righe (Json)");
        }
        if (righe.get().size() > MASSIMO_RIGHE) {
            return List.of("al più " + MASSIMO_RIGHE + " righe");
        }
        List<String> errori = new ArrayList<>();
        for (int i = 0; i < righe.get().size(); i++) {
            JsonNode riga = righe.get().get(i);
            // the row as the operator counts it, the field by the label beside it
            String dove = "riga " + (i + 1);
            if (!riga.isObject()) {
                errori.add(dove + ": attesa una riga con i campi del modulo");
                continue;
            }
            riga.fieldNames().forEachRemaining(nome -> {
                if (!campo.elementi().containsKey(nome)) {
                    // the name as sent only if it is plain text of reasonable length
                    String leggibile = nome.length() <= 60 && TestoSicuro.problema(nome, false).isEmpty() ? nome : "…";
                    errori.add(dove + ", " + leggibile + ": campo non previsto dal modulo");
                }
            });
            for (CampiDelForm.Campo elemento : campo.elementi().values()) {
                String prefisso = dove + ", " + elemento.etichetta() + ": ";
                JsonNode valore = riga.get(elemento.chiave());
                if (valore == null || valore.isNull() || (valore.isTextual() && valore.asText().isBlank())
                        || (valore.isArray() && valore.isEmpty())) {
                    if (elemento.obbligatorio()) {
                        errori.add(prefisso + "obbligatorio");
                    }
                    continue;
                }
                if ("checkbox".equals(elemento.tipo()) && elemento.obbligatorio() && !valore.asBoolean(false)) {
                    errori.add(prefisso + "obbligatorio");
                    continue;
                }
                problemaNellaRiga(elemento, valore).ifPresent(p -> errori.add(prefisso + p));
            }
        }
        return errori;
    }

    /** What is wrong with one value of a row, by the kind of its field. */
    private static Optional<String> problemaNellaRiga(CampiDelForm.Campo campo, JsonNode valore) {
        if (campo.elenco()) {
            List<String> annidati = verificaElenco(campo, valore.toString());
            return annidati.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", annidati));
        }
        if (campo.lista()) {
            if (!valore.isArray()) {
                return Optional.of("attesa una lista di valori");
            }
            for (JsonNode voce : valore) {
                if (!voce.isTextual() || (!campo.valoriAmmessi().isEmpty() && !campo.valoriAmmessi().contains(voce.asText()))) {
                    return Optional.of("valore non ammesso, ammessi " + String.join(", ", campo.valoriAmmessi()));
                }
            }
            return Optional.empty();
        }
        String tipo = campo.tipo();
        if ("checkbox".equals(tipo)) {
            return valore.isBoolean() ? Optional.empty() : Optional.of("atteso sì o no");
        }
        if ("number".equals(tipo)) {
            // form-js sends a number, or its text when the field serializes to string
            boolean numero = valore.isNumber() || (valore.isTextual() && valore.asText().strip().matches("-?\\d{1,15}([.,]\\d{1,15})?"));
            return numero ? Optional.empty() : Optional.of("atteso un numero");
        }
        if (!valore.isValueNode() || (!campo.scelta() && !valore.isTextual())) {
            return Optional.of("tipo di valore non ammesso");
        }
        String testo = valore.asText();
        if (valore.isTextual()) {
            Optional<String> problema = TestoSicuro.problema(testo, campo.testoLibero());
            if (problema.isPresent()) {
                return problema;
            }
            if (campo.lunghezzaMassima() != null && testo.length() > campo.lunghezzaMassima()) {
                return Optional.of("al più " + campo.lunghezzaMassima() + " caratteri");
            }
        }
        if (campo.scelta() && !campo.valoriAmmessi().isEmpty() && !campo.valoriAmmessi().contains(testo)) {
            return Optional.of("valore non ammesso, ammessi " + String.join(", ", campo.valoriAmmessi()));
        }
        return Optional.empty();
    }

    /** The rows of a dynamic list as sent: Json (typed or as text), a Java list, or nothing (no rows). */
    static Optional<JsonNode> righe(Object inviato) {
        Object valore = inviato;
        if (inviato instanceof TypedValue tipizzato) {
            if (tipizzato.getType() != null && "json".equals(tipizzato.getType().getName())
                    && tipizzato instanceof SerializableValue serializzato) {
                valore = serializzato.isDeserialized() ? String.valueOf(serializzato.getValue()) : serializzato.getValueSerialized();
            } else if (tipizzato.getType() != null && (!(tipizzato.getType() instanceof PrimitiveValueType)
                    || tipizzato.getType() == ValueType.BYTES)) {
                return Optional.empty();
            } else {
                valore = tipizzato.getValue();
            }
        }
        try {
            JsonNode nodo = valore == null ? JSON.createArrayNode()
                    : valore instanceof String testo ? JSON.readTree(testo)
                    : valore instanceof Iterable<?> ? JSON.valueToTree(valore) : null;
            if (nodo == null || nodo.isNull()) {
                return valore == null || nodo != null ? Optional.of(JSON.createArrayNode()) : Optional.empty();
            }
            return nodo.isArray() ? Optional.of(nodo) : Optional.empty();
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The values of a list as sent: a Json list of texts, a list, a comma-separated text or nothing. */
    static Optional<List<String>> voci(Object inviato) {
        Object valore = inviato;
        if (inviato instanceof TypedValue tipizzato) {
            if (tipizzato.getType() != null && "json".equals(tipizzato.getType().getName())
                    && tipizzato instanceof SerializableValue serializzato) {
                valore = serializzato.isDeserialized() ? String.valueOf(serializzato.getValue()) : serializzato.getValueSerialized();
                return listaJson((String) valore);
            }
            if (tipizzato.getType() != null && (!(tipizzato.getType() instanceof PrimitiveValueType)
                    || tipizzato.getType() == ValueType.BYTES)) {
                return Optional.empty();
            }
            valore = tipizzato.getValue();
        }
        if (valore == null) {
            return Optional.of(List.of());
        }
        if (valore instanceof Iterable<?> lista) {
            List<String> voci = new ArrayList<>();
            for (Object voce : lista) {
                if (!(voce instanceof String testo)) {
                    return Optional.empty();
                }
                voci.add(testo);
            }
            return Optional.of(voci);
        }
        if (valore instanceof String testo) {
            return testo.strip().startsWith("[") ? listaJson(testo)
                    : Optional.of(Arrays.stream(testo.split(",")).map(String::strip).filter(v -> !v.isEmpty()).toList());
        }
        return Optional.empty();
    }

    private static Optional<List<String>> listaJson(String testo) {
        try {
            JsonNode nodo = JSON.readTree(testo == null ? "null" : testo);
            if (nodo.isNull()) {
                return Optional.of(List.of());
            }
            if (!nodo.isArray()) {
                return Optional.empty();
            }
            List<String> voci = new ArrayList<>();
            for (JsonNode voce : nodo) {
                if (!voce.isTextual()) {
                    return Optional.empty();
                }
                voci.add(voce.asText());
            }
            return Optional.of(voci);
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    /** A field's refusal as the operator reads it beside the field: its label, then the reason («Data di firma: obbligatoria»). */
    private static DatiNonValidiException.Errore errore(CampiDelForm.Campo campo, String motivo) {
        return new DatiNonValidiException.Errore(campo.chiave(), campo.etichetta() + ": " + motivo);
    }

    private static DatiNonValidiException rifiuto(TaskEntity task, List<DatiNonValidiException.Errore> errori) {
        return new DatiNonValidiException("Il modulo di «" + task.getName() + "» non è compilato come richiesto: "
                + String.join("; ", errori.stream().map(DatiNonValidiException.Errore::messaggio).toList()), errori);
    }

    /**
     * A refusal of the step after the task (a delegate's {@link DatiNonValidiException}, named by the form's keys), as
     * the operator reads it: each field by its label. A field that is not in the form keeps its own message.
     */
    RuntimeException conEtichette(CommandContext contesto, TaskEntity task, RuntimeException eccezione) {
        DatiNonValidiException dati = null;
        for (Throwable t = eccezione; t != null && dati == null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DatiNonValidiException d) {
                dati = d;
            }
        }
        if (dati == null) {
            return eccezione;
        }
        Map<String, CampiDelForm.Campo> delForm = campi.modificabili(contesto, task);
        List<DatiNonValidiException.Errore> errori = new ArrayList<>();
        for (DatiNonValidiException.Errore e : dati.errori()) {
            CampiDelForm.Campo campo = delForm.get(e.campo());
            errori.add(campo == null ? e : errore(campo, e.messaggio()));
        }
        return rifiuto(task, errori);
    }

    private static boolean vuoto(CampiDelForm.Campo campo, Object inviato) {
        if (campo.lista()) {
            return voci(inviato).map(List::isEmpty).orElse(true);
        }
        Object valore = inviato instanceof TypedValue tipizzato ? tipizzato.getValue() : inviato;
        if ("checkbox".equals(campo.tipo())) {
            return !Boolean.TRUE.equals(valore); // a required checkbox is a declaration: it must be ticked
        }
        return valore == null || valore.toString().isBlank();
    }

    /**
     * Completing a task a colleague holds: the engine allows it to any candidate, our API and Tasklist do not. A person
     * completes what they hold, or an unassigned task; administrators anything.
     */
    void verificaCompletamento(CommandContext contesto, TaskEntity task) {
        Authentication chi = persona(contesto);
        if (chi != null && !amministratore(chi) && task.getAssignee() != null && !task.getAssignee().equals(chi.getUserId())) {
            throw new TaskAlreadyClaimedException(task.getId(), task.getAssignee());
        }
    }

    private static Authentication persona(CommandContext contesto) {
        Authentication chi = contesto.getAuthentication();
        return chi == null || chi.getUserId() == null ? null : chi;
    }

    /**
     * The values as sent, typed where the caller typed them: reading a REST client's serialized object as a plain value
     * would make the engine try to deserialize it.
     */
    private static Map<String, Object> tipizzati(Map<String, Object> inviate) {
        if (inviate == null) {
            return Map.of();
        }
        Map<String, Object> valori = new LinkedHashMap<>();
        for (String nome : inviate.keySet()) {
            valori.put(nome, inviate instanceof VariableMap mappa ? mappa.getValueTyped(nome) : inviate.get(nome));
        }
        return valori;
    }

    /** A value for the process that lives only in this transaction (see the class comment). */
    static TypedValue transitoria(TaskEntity task, String nome, Object valore) {
        TypedValue esistente = task.getExecution() == null ? null : task.getExecution().getVariableTyped(nome, false);
        if (esistente != null && !esistente.isTransient()) {
            // an instance started before form values became transient keeps its persistent variable (the engine
            // refuses a transient value over a persistent one); it is still local to its own process instance
            return Variables.untypedValue(valore);
        }
        return Variables.untypedValue(valore, true);
    }

    /**
     * Form values as the engine stores them without Java serialization: strings, numbers, booleans, dates; a
     * decimal (the API's canone) or a list (a checklist) is kept as its text.
     */
    static Object semplice(Object valore) {
        Object grezzo = valore instanceof TypedValue tipizzato ? tipizzato.getValue() : valore;
        if (grezzo == null || grezzo instanceof String || grezzo instanceof Boolean || grezzo instanceof Integer
                || grezzo instanceof Long || grezzo instanceof Short || grezzo instanceof Double || grezzo instanceof Date) {
            return grezzo;
        }
        if (grezzo instanceof BigDecimal decimale) {
            return decimale.toPlainString();
        }
        if (grezzo instanceof Iterable<?> lista) {
            List<String> voci = new ArrayList<>();
            lista.forEach(v -> voci.add(String.valueOf(v)));
            return String.join(",", voci);
        }
        return grezzo.toString();
    }

    private static boolean stessoValore(Object inviato, TypedValue attuale) {
        if (inviato instanceof TypedValue tipizzato && !(tipizzato.getType() instanceof PrimitiveValueType)) {
            return false; // an object, a file: never the value of a case's identity
        }
        Object a = inviato instanceof TypedValue tipizzato ? tipizzato.getValue() : inviato;
        Object b = attuale == null ? null : attuale.getValue();
        if (a instanceof Number n1 && b instanceof Number n2) {
            return new BigDecimal(n1.toString()).compareTo(new BigDecimal(n2.toString())) == 0;
        }
        return a == null ? b == null : a.equals(b);
    }

    /**
     * Claim, assignment, delegation, ownership: the person acting names only themselves; an administrator may name
     * someone else, who must be a candidate of the task. Calls of the platform's own code (no authenticated user:
     * our API has already checked the operator's ente) pass.
     */
    void verificaAssegnazione(CommandContext contesto, TaskEntity task, String utente, String operazione) {
        Authentication chi = contesto.getAuthentication();
        if (chi == null || chi.getUserId() == null) {
            return;
        }
        if (utente == null) {
            // naming nobody releases the task (Camunda's claim with no user unassigns it): the holder's privilege
            verificaRilascio(contesto, task);
            return;
        }
        boolean amministratore = amministratore(chi);
        if (!amministratore && !utente.equals(chi.getUserId())) {
            throw new OperazioneNonConsentitaException("Non puoi " + operazione + " a nome di un altro utente: "
                    + "ciascuno prende in carico le attività per sé");
        }
        if (amministratore && !utente.equals(chi.getUserId()) && !candidato(contesto, task, utente)) {
            throw new OperazioneNonConsentitaException("L'utente " + utente + " non è tra i candidati dell'attività «"
                    + task.getName() + "»: non gli si può assegnare");
        }
    }

    /**
     * Releasing a task someone else holds is for administrators; one's own, anybody.
     *
     * @return true when the person releases a task they hold themselves
     */
    boolean verificaRilascio(CommandContext contesto, TaskEntity task) {
        Authentication chi = contesto.getAuthentication();
        if (chi == null || chi.getUserId() == null || task.getAssignee() == null || amministratore(chi)) {
            return false;
        }
        if (!task.getAssignee().equals(chi.getUserId())) {
            throw new OperazioneNonConsentitaException("L'attività «" + task.getName() + "» è in carico a " + task.getAssignee()
                    + ": solo chi la tiene, o un amministratore, può rilasciarla");
        }
        return true;
    }

    /** Writing variables, raising BPMN errors, running jobs by hand: administrators only. */
    void soloAmministratori(CommandContext contesto, String operazione) {
        Authentication chi = contesto.getAuthentication();
        if (chi != null && chi.getUserId() != null && !amministratore(chi)) {
            throw new OperazioneNonConsentitaException("Solo un amministratore può " + operazione);
        }
    }

    static boolean amministratore(Authentication chi) {
        return chi.getGroupIds() != null && chi.getGroupIds().contains(Gruppi.AMMINISTRATORI);
    }

    private static boolean candidato(CommandContext contesto, TaskEntity task, String utente) {
        List<String> gruppi = contesto.getReadOnlyIdentityProvider().createGroupQuery().groupMember(utente).list()
                .stream().map(g -> g.getId()).toList();
        for (IdentityLinkEntity link : task.getIdentityLinks()) {
            if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
                continue;
            }
            if (utente.equals(link.getUserId()) || (link.getGroupId() != null && gruppi.contains(link.getGroupId()))) {
                return true;
            }
        }
        return false;
    }

    /** A completion that would change the case: 400, nothing written. */
    static class CompletamentoRifiutatoException extends BadUserRequestException {
        CompletamentoRifiutatoException(String messaggio) {
            super(messaggio);
        }
    }

    /** An operation the person may not do: 403, nothing written. */
    static class OperazioneNonConsentitaException extends AuthorizationException {
        OperazioneNonConsentitaException(String messaggio) {
            super(messaggio);
        }
    }
}
