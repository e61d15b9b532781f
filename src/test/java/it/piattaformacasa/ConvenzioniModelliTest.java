package it.piattaformacasa;

import static it.piattaformacasa.convenzioni.ModelliDelProgetto.nomeSenzaEstensione;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import it.piattaformacasa.convenzioni.IdGenerati;
import it.piattaformacasa.convenzioni.ModelliDelProgetto;
import it.piattaformacasa.convenzioni.XmlSicuro;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.Documentation;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.IntermediateThrowEvent;
import org.camunda.bpm.model.bpmn.instance.Lane;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.MessageFlow;
import org.camunda.bpm.model.bpmn.instance.Participant;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SendTask;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.ThrowEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnDiagram;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Conventions of STYLE.md «Models» for every file in {@code processes/}, {@code rules/} and {@code forms/}: each
 * opens in Camunda Modeler (full DI), ids are meaningful, the engine sees only delegate expressions and deployed
 * forms, and DMN tables are valid for KIE and cite the article they encode. Each test lists every violation of
 * its file, naming the element, instead of stopping at the first.
 */
class ConvenzioniModelliTest {

    private static final String BPMN_SORGENTE = "it.piattaformacasa.convenzioni.ModelliDelProgetto#bpmn";
    private static final String DMN_SORGENTE = "it.piattaformacasa.convenzioni.ModelliDelProgetto#dmn";
    private static final String FORM_SORGENTE = "it.piattaformacasa.convenzioni.ModelliDelProgetto#form";

    private static final Pattern KEBAB_CASE = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");
    /** {@code ${registraCertificazioneDelegate}}: one Spring bean per service task, nothing else in the EL. */
    private static final Pattern DELEGATE_EXPRESSION = Pattern.compile("^\\$\\{[a-z][A-Za-z0-9]*}$");

    private static final Pattern NAMESPACE_DMN =
            Pattern.compile("^https?://www\\.omg\\.org/spec/DMN/\\d{8}/(MODEL/|dmn\\.xsd)$");
    private static final String NAMESPACE_DMN_CAMUNDA_MODELER = "http://camunda.org/schema/1.0/dmn";
    private static final Pattern CITA_ARTICOLO =
            Pattern.compile("\\b(artt?\\.|articol[oi])\\s*\\d+", Pattern.CASE_INSENSITIVE);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LISTENER_PRATICA = "${praticaDellAttivitaListener}";

    // ---------------------------------------------------------------------------------------------------------
    // Guard

    @Test
    void ciSonoProcessiRegoleEFormDaVerificare() {
        assertThat(ModelliDelProgetto.bpmn())
                .as("file .bpmn in %s", ModelliDelProgetto.PROCESSI.toAbsolutePath()).isNotEmpty();
        assertThat(ModelliDelProgetto.dmn())
                .as("file .dmn in %s", ModelliDelProgetto.REGOLE.toAbsolutePath()).isNotEmpty();
        assertThat(ModelliDelProgetto.form())
                .as("file .form in %s", ModelliDelProgetto.FORM.toAbsolutePath()).isNotEmpty();
    }

    // ---------------------------------------------------------------------------------------------------------
    // BPMN

    @ParameterizedTest(name = "{0}")
    @MethodSource(BPMN_SORGENTE)
    void ogniElementoDelProcessoHaLaSuaFormaNelDiagramma(Path file) {
        BpmnModelInstance modello = leggiBpmn(file);
        List<String> violazioni = new ArrayList<>();

        if (modello.getModelElementsByType(BpmnDiagram.class).isEmpty()) {
            violazioni.add("nessun bpmndi:BPMNDiagram: il file non si apre in Camunda Modeler");
        }
        Set<String> conForma = modello.getModelElementsByType(BpmnShape.class).stream()
                .map(BpmnShape::getBpmnElement).filter(Objects::nonNull).map(BaseElement::getId)
                .collect(Collectors.toSet());
        Set<String> conArco = modello.getModelElementsByType(BpmnEdge.class).stream()
                .map(BpmnEdge::getBpmnElement).filter(Objects::nonNull).map(BaseElement::getId)
                .collect(Collectors.toSet());

        Stream.of(FlowNode.class, Participant.class, Lane.class)
                .flatMap(tipo -> modello.getModelElementsByType(tipo).stream())
                .filter(elemento -> !conForma.contains(elemento.getId()))
                .forEach(elemento -> violazioni.add(descrivi(elemento) + " senza BPMNShape"));
        Stream.of(SequenceFlow.class, MessageFlow.class)
                .flatMap(tipo -> modello.getModelElementsByType(tipo).stream())
                .filter(elemento -> !conArco.contains(elemento.getId()))
                .forEach(elemento -> violazioni.add(descrivi(elemento) + " senza BPMNEdge"));

        for (BpmnShape forma : modello.getModelElementsByType(BpmnShape.class)) {
            if (forma.getBounds() == null) {
                violazioni.add("BPMNShape " + forma.getId() + " senza dc:Bounds");
            }
        }
        for (BpmnEdge arco : modello.getModelElementsByType(BpmnEdge.class)) {
            if (arco.getWaypoints().size() < 2) {
                violazioni.add("BPMNEdge " + arco.getId() + " con meno di due di:waypoint");
            }
        }
        nessunaViolazione(file, violazioni);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(BPMN_SORGENTE)
    void gliIdDegliElementiBpmnNonSonoQuelliGeneratiDalModeler(Path file) {
        BpmnModelInstance modello = leggiBpmn(file);
        List<String> violazioni = Stream.of(Process.class, Participant.class, Lane.class, FlowNode.class,
                        SequenceFlow.class)
                .flatMap(tipo -> modello.getModelElementsByType(tipo).stream())
                .filter(elemento -> IdGenerati.generato(elemento.getId()))
                .map(elemento -> descrivi(elemento) + ": id generato dal Modeler (" + IdGenerati.regola()
                        + "), usa un id con significato come Task_ApprovaGraduatoria")
                .toList();
        nessunaViolazione(file, violazioni);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(BPMN_SORGENTE)
    void ilProcessoEseguibileSiChiamaComeIlFileInKebabCase(Path file) {
        BpmnModelInstance modello = leggiBpmn(file);
        String atteso = nomeSenzaEstensione(file);
        List<String> violazioni = new ArrayList<>();

        if (!KEBAB_CASE.matcher(atteso).matches()) {
            violazioni.add("il nome del file '" + atteso + "' non è kebab-case (" + KEBAB_CASE.pattern() + ")");
        }
        List<Process> eseguibili = modello.getModelElementsByType(Process.class).stream()
                .filter(Process::isExecutable).toList();
        if (eseguibili.isEmpty()) {
            violazioni.add("nessun processo con isExecutable=\"true\"");
        }
        for (Process processo : eseguibili) {
            if (!atteso.equals(processo.getId())) {
                violazioni.add("processo eseguibile con id '" + processo.getId() + "': deve essere '" + atteso
                        + "' (id del processo = nome del file)");
            }
        }
        nessunaViolazione(file, violazioni);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(BPMN_SORGENTE)
    void ogniProcessoEseguibileHaHistoryTimeToLive(Path file) {
        List<String> violazioni = leggiBpmn(file).getModelElementsByType(Process.class).stream()
                .filter(Process::isExecutable)
                .filter(processo -> vuoto(processo.getCamundaHistoryTimeToLiveString()))
                .map(processo -> descrivi(processo) + " senza camunda:historyTimeToLive")
                .toList();
        nessunaViolazione(file, violazioni);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(BPMN_SORGENTE)
    void ilCodiceJavaEntraSoloPerDelegateExpression(Path file) {
        BpmnModelInstance modello = leggiBpmn(file);
        List<String> violazioni = new ArrayList<>();

        for (ServiceTask task : modello.getModelElementsByType(ServiceTask.class)) {
            verificaImplementazione(descrivi(task), task.getCamundaDelegateExpression(), task.getCamundaClass(),
                    task.getCamundaExpression(), task.getCamundaType(), violazioni);
        }
        for (SendTask task : modello.getModelElementsByType(SendTask.class)) {
            verificaImplementazione(descrivi(task), task.getCamundaDelegateExpression(), task.getCamundaClass(),
                    task.getCamundaExpression(), task.getCamundaType(), violazioni);
        }
        for (BusinessRuleTask task : modello.getModelElementsByType(BusinessRuleTask.class)) {
            if (!vuoto(task.getCamundaDecisionRef())) {
                violazioni.add(descrivi(task) + " usa camunda:decisionRef=\"" + task.getCamundaDecisionRef()
                        + "\": le decisioni passano dal runtime KIE di regole, non dal motore DMN di Camunda");
            } else {
                verificaImplementazione(descrivi(task), task.getCamundaDelegateExpression(),
                        task.getCamundaClass(), task.getCamundaExpression(), task.getCamundaType(), violazioni);
            }
        }
        // message throw events (intermediate and end) are implemented in Java like a send task
        for (MessageEventDefinition messaggio : modello.getModelElementsByType(MessageEventDefinition.class)) {
            ModelElementInstance evento = messaggio.getParentElement();
            if (evento instanceof IntermediateThrowEvent || evento instanceof EndEvent) {
                verificaImplementazione(descrivi((ThrowEvent) evento), messaggio.getCamundaDelegateExpression(),
                        messaggio.getCamundaClass(), messaggio.getCamundaExpression(), messaggio.getCamundaType(),
                        violazioni);
            }
        }
        // listeners are Spring beans too: camunda:class would bypass the application context
        for (CamundaExecutionListener listener : modello.getModelElementsByType(CamundaExecutionListener.class)) {
            if (!vuoto(listener.getCamundaClass())) {
                violazioni.add("execution listener di " + descrivi(listener.getParentElement().getParentElement())
                        + " usa camunda:class=\"" + listener.getCamundaClass() + "\": usa delegateExpression");
            }
        }
        for (CamundaTaskListener listener : modello.getModelElementsByType(CamundaTaskListener.class)) {
            if (!vuoto(listener.getCamundaClass())) {
                violazioni.add("task listener di " + descrivi(listener.getParentElement().getParentElement())
                        + " usa camunda:class=\"" + listener.getCamundaClass() + "\": usa delegateExpression");
            }
        }
        nessunaViolazione(file, violazioni);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(BPMN_SORGENTE)
    void gliUserTaskHannoCandidateGroupsEUnFormDelDeployment(Path file) {
        BpmnModelInstance modello = leggiBpmn(file);
        Set<String> formDisponibili = idDeiForm().keySet();
        List<String> violazioni = new ArrayList<>();

        for (UserTask task : modello.getModelElementsByType(UserTask.class)) {
            String nome = descrivi(task);
            if (vuoto(task.getCamundaCandidateGroups())) {
                violazioni.add(nome + " senza camunda:candidateGroups");
            }
            if (!vuoto(task.getCamundaCandidateUsers())) {
                violazioni.add(nome + " con camunda:candidateUsers=\"" + task.getCamundaCandidateUsers()
                        + "\": assegna a gruppi, non a utenti");
            }
            if (!vuoto(task.getCamundaAssignee())) {
                violazioni.add(nome + " con camunda:assignee=\"" + task.getCamundaAssignee()
                        + "\": nessun assegnatario fisso, solo candidateGroups");
            }
            verificaForm(nome, task.getCamundaFormRef(), task.getCamundaFormRefBinding(),
                    task.getCamundaFormKey(), true, formDisponibili, violazioni);
        }
        // a start form is optional, but when present it follows the same rules
        for (StartEvent evento : modello.getModelElementsByType(StartEvent.class)) {
            verificaForm(descrivi(evento), evento.getCamundaFormRef(), evento.getCamundaFormRefBinding(),
                    evento.getCamundaFormKey(), false, formDisponibili, violazioni);
        }
        nessunaViolazione(file, violazioni);
    }

    /**
     * Issue 11: every user task names its case in Tasklist (the listener that writes its name and the list's
     * variables, on creation and when the due date changes) and states its deadline: a due date with its basis in
     * the {@code termine} property, or — where the regulation gives none — a documentation that says so.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource(BPMN_SORGENTE)
    void gliUserTaskNominanoLaPraticaEDiconoIlLoroTermine(Path file) {
        List<String> violazioni = new ArrayList<>();
        for (UserTask task : leggiBpmn(file).getModelElementsByType(UserTask.class)) {
            String nome = descrivi(task);
            Set<String> eventi = task.getExtensionElements() == null ? Set.of()
                    : task.getExtensionElements().getElementsQuery().filterByType(CamundaTaskListener.class).list().stream()
                            .filter(l -> LISTENER_PRATICA.equals(l.getCamundaDelegateExpression()))
                            .map(CamundaTaskListener::getCamundaEvent).collect(Collectors.toSet());
            if (!eventi.containsAll(Set.of("create", "update"))) {
                violazioni.add(nome + " senza " + LISTENER_PRATICA + " su create e update (ha: " + eventi + ")");
            }
            String termine = task.getExtensionElements() == null ? null
                    : task.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).list().stream()
                            .flatMap(p -> p.getCamundaProperties().stream())
                            .filter(p -> "termine".equals(p.getCamundaName())).map(CamundaProperty::getCamundaValue)
                            .findFirst().orElse(null);
            if (vuoto(termine)) {
                violazioni.add(nome + " senza camunda:property «termine» (la base del termine, o «nessun termine di legge»)");
            }
            String documentazione = task.getDocumentations().stream().map(Documentation::getTextContent)
                    .collect(Collectors.joining(" "));
            if (vuoto(task.getCamundaDueDate())) {
                if (!documentazione.contains("Nessun termine")) {
                    violazioni.add(nome + " senza camunda:dueDate e senza una documentazione che dica «Nessun termine …» "
                            + "(dove il regolamento non dà un termine, lo si scrive invece di inventarlo)");
                }
                if (termine != null && !termine.toLowerCase(Locale.ROOT).startsWith("nessun termine")) {
                    violazioni.add(nome + " senza camunda:dueDate ma con termine «" + termine + "»");
                }
            } else if (termine != null && termine.toLowerCase(Locale.ROOT).startsWith("nessun termine")) {
                violazioni.add(nome + " con camunda:dueDate ma termine «" + termine + "»");
            }
        }
        nessunaViolazione(file, violazioni);
    }

    // ---------------------------------------------------------------------------------------------------------
    // DMN

    @ParameterizedTest(name = "{0}")
    @MethodSource(DMN_SORGENTE)
    void leDefinizioniDmnHannoNomeENamespaceDelProgetto(Path file) {
        Element definizioni = definizioniDmn(file);
        List<String> violazioni = new ArrayList<>();

        String namespace = definizioni.getAttribute("namespace");
        if (vuoto(namespace)) {
            violazioni.add("definitions senza namespace");
        } else if (NAMESPACE_DMN_CAMUNDA_MODELER.equals(namespace.trim())) {
            violazioni.add("definitions con il namespace predefinito di Camunda Modeler (" + namespace
                    + "): KIE identifica i modelli per namespace#name, usa un namespace del progetto");
        }
        String nome = definizioni.getAttribute("name");
        if (vuoto(nome) || "DRD".equalsIgnoreCase(nome.trim())) {
            violazioni.add("definitions con name '" + nome + "': usa un nome con significato, non quello "
                    + "predefinito del Modeler");
        }
        nessunaViolazione(file, violazioni);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DMN_SORGENTE)
    void ogniDecisioneEInputDataHaLaSuaVariabile(Path file) {
        Element definizioni = definizioniDmn(file);
        List<String> violazioni = new ArrayList<>();

        for (Element elemento : elementiDmn(definizioni, "decision", "inputData")) {
            List<Element> variabili = figli(elemento, "variable");
            String nome = descrivi(elemento);
            if (variabili.isEmpty()) {
                violazioni.add(nome + " senza <variable>: KIE non lo compila (il Modeler non la scrive)");
            } else if (!elemento.getAttribute("name").equals(variabili.get(0).getAttribute("name"))) {
                violazioni.add(nome + " con <variable name=\"" + variabili.get(0).getAttribute("name")
                        + "\">: il nome della variabile deve essere quello dell'elemento");
            }
            if (IdGenerati.generato(elemento.getAttribute("id"))) {
                violazioni.add(nome + ": id generato dal Modeler (" + IdGenerati.regola() + ")");
            }
        }
        nessunaViolazione(file, violazioni);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DMN_SORGENTE)
    void nessunaCellaDmnVuota(Path file) {
        Element definizioni = definizioniDmn(file);
        List<String> violazioni = elementiDmn(definizioni, "text").stream()
                .filter(testo -> vuoto(testo.getTextContent()))
                .map(testo -> "<text> vuoto in " + descrivi((Element) testo.getParentNode())
                        + regolaContenitore(testo) + ": scrivi '-' per «qualsiasi valore»")
                .toList();
        nessunaViolazione(file, violazioni);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DMN_SORGENTE)
    void ogniRegolaDmnCitaLArticoloCheCodifica(Path file) {
        Element definizioni = definizioniDmn(file);
        List<String> violazioni = new ArrayList<>();

        for (Element regola : elementiDmn(definizioni, "rule")) {
            String descrizione = figli(regola, "description").stream()
                    .map(Element::getTextContent).findFirst().orElse("");
            if (vuoto(descrizione)) {
                violazioni.add(descrivi(regola) + " senza <description>");
            } else if (!CITA_ARTICOLO.matcher(descrizione).find()) {
                violazioni.add(descrivi(regola) + " con descrizione «" + descrizione.trim()
                        + "» che non cita l'articolo (es. \"art. 13 co. 3\")");
            }
        }
        nessunaViolazione(file, violazioni);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DMN_SORGENTE)
    void ogniTabellaSpiegaLaSuaHitPolicy(Path file) {
        Element definizioni = definizioniDmn(file);
        List<String> violazioni = new ArrayList<>();

        for (Element tabella : elementiDmn(definizioni, "decisionTable")) {
            String hitPolicy = tabella.hasAttribute("hitPolicy") ? tabella.getAttribute("hitPolicy") : "UNIQUE";
            Element decisione = (Element) tabella.getParentNode();
            String spiegazioni = Stream.concat(figli(decisione, "description").stream(),
                            figli(tabella, "description").stream())
                    .map(Element::getTextContent).collect(Collectors.joining(" "))
                    .toUpperCase(Locale.ROOT);
            if (!spiegazioni.contains(hitPolicy.toUpperCase(Locale.ROOT))) {
                violazioni.add(descrivi(decisione) + ": la descrizione non spiega la hit policy " + hitPolicy
                        + " (scelta di proposito e motivata, STYLE.md «Models»)");
            }
        }
        nessunaViolazione(file, violazioni);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DMN_SORGENTE)
    void ilDiagrammaDmnMostraOgniDecisioneEInputData(Path file) {
        Element definizioni = definizioniDmn(file);
        List<String> violazioni = new ArrayList<>();

        List<Element> diagrammi = elementiQualsiasiNamespace(definizioni, "DMNDiagram");
        if (elementiQualsiasiNamespace(definizioni, "DMNDI").isEmpty() || diagrammi.isEmpty()) {
            violazioni.add("nessun dmndi:DMNDI con un DMNDiagram: il file non si apre in Camunda Modeler");
        }
        Set<String> conForma = elementiQualsiasiNamespace(definizioni, "DMNShape").stream()
                .map(forma -> forma.getAttribute("dmnElementRef"))
                .collect(Collectors.toSet());
        for (Element elemento : elementiDmn(definizioni, "decision", "inputData", "businessKnowledgeModel",
                "knowledgeSource")) {
            if (!conForma.contains(elemento.getAttribute("id"))) {
                violazioni.add(descrivi(elemento) + " senza dmndi:DMNShape");
            }
        }
        nessunaViolazione(file, violazioni);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Forms

    @ParameterizedTest(name = "{0}")
    @MethodSource(FORM_SORGENTE)
    void ilFormHaIdTipoEComponentiConIdSignificativi(Path file) {
        JsonNode form = leggiForm(file);
        List<String> violazioni = new ArrayList<>();

        JsonNode id = form.path("id");
        if (!id.isTextual() || vuoto(id.asText())) {
            violazioni.add("manca 'id' (è il camunda:formRef degli user task)");
        } else if (IdGenerati.generato(id.asText())) {
            violazioni.add("id del form '" + id.asText() + "' generato dal Modeler (" + IdGenerati.regola() + ")");
        }
        if (!form.path("type").isTextual() || vuoto(form.path("type").asText())) {
            violazioni.add("manca 'type'");
        }
        if (!form.path("components").isArray()) {
            violazioni.add("manca l'array 'components'");
        } else {
            verificaComponenti(form.path("components"), "components", violazioni);
        }
        nessunaViolazione(file, violazioni);
    }

    @Test
    void gliIdDeiFormSonoUniciTraTuttiIFile() {
        Map<String, List<Path>> fileDiOgniId = ModelliDelProgetto.form().stream()
                .collect(Collectors.groupingBy(file -> leggiForm(file).path("id").asText(), TreeMap::new,
                        Collectors.toList()));
        List<String> duplicati = fileDiOgniId.entrySet().stream()
                .filter(voce -> voce.getValue().size() > 1)
                .map(voce -> "id '" + voce.getKey() + "' in " + voce.getValue())
                .toList();
        if (!duplicati.isEmpty()) {
            fail("Form con lo stesso id (il formRef sarebbe ambiguo):\n  - " + String.join("\n  - ", duplicati));
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // helpers

    private static BpmnModelInstance leggiBpmn(Path file) {
        try {
            return Bpmn.readModelFromFile(file.toFile());
        } catch (RuntimeException e) {
            throw new AssertionError(file + ": BPMN non valido: " + e.getMessage(), e);
        }
    }

    private static JsonNode leggiForm(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new AssertionError(file + ": JSON non valido: " + e.getMessage(), e);
        }
    }

    /** form id → file, over all forms in {@code forms/}. */
    private static Map<String, Path> idDeiForm() {
        return ModelliDelProgetto.form().stream()
                .collect(Collectors.toMap(file -> leggiForm(file).path("id").asText(), Function.identity(),
                        (primo, secondo) -> primo, LinkedHashMap::new));
    }

    private static void verificaImplementazione(String elemento, String delegateExpression, String classe,
            String espressione, String tipo, List<String> violazioni) {
        if (!vuoto(classe)) {
            violazioni.add(elemento + " usa camunda:class=\"" + classe + "\": usa camunda:delegateExpression "
                    + "con un @Component");
        }
        if (!vuoto(espressione)) {
            violazioni.add(elemento + " usa camunda:expression=\"" + espressione + "\": usa "
                    + "camunda:delegateExpression con un delegate sottile");
        }
        if (!vuoto(tipo)) {
            violazioni.add(elemento + " usa camunda:type=\"" + tipo + "\": usa camunda:delegateExpression");
        }
        if (vuoto(delegateExpression)) {
            violazioni.add(elemento + " senza camunda:delegateExpression");
        } else if (!DELEGATE_EXPRESSION.matcher(delegateExpression.trim()).matches()) {
            violazioni.add(elemento + " con camunda:delegateExpression=\"" + delegateExpression
                    + "\": deve nominare un solo bean, come ${registraCertificazioneDelegate}");
        }
    }

    private static void verificaForm(String elemento, String formRef, String binding, String formKey,
            boolean obbligatorio, Set<String> formDisponibili, List<String> violazioni) {
        if (!vuoto(formKey)) {
            violazioni.add(elemento + " usa camunda:formKey=\"" + formKey + "\": usa un Camunda Form con "
                    + "camunda:formRef");
        }
        if (vuoto(formRef)) {
            if (obbligatorio) {
                violazioni.add(elemento + " senza camunda:formRef");
            }
            return;
        }
        if (!"deployment".equals(binding)) {
            violazioni.add(elemento + " con camunda:formRefBinding=\"" + binding + "\": deve essere "
                    + "\"deployment\" (il form del deployment del processo)");
        }
        if (!formDisponibili.contains(formRef)) {
            violazioni.add(elemento + " con camunda:formRef=\"" + formRef + "\" che non è l'id di alcun form in "
                    + ModelliDelProgetto.FORM + "/ " + formDisponibili);
        }
    }

    private static void verificaComponenti(JsonNode componenti, String percorso, List<String> violazioni) {
        for (int i = 0; i < componenti.size(); i++) {
            JsonNode componente = componenti.get(i);
            String id = componente.path("id").asText("");
            String key = componente.path("key").asText("");
            String nome = percorso + "[" + i + "]" + (id.isEmpty() ? "" : " '" + id + "'")
                    + (key.isEmpty() ? "" : " (key '" + key + "')");
            if (!componente.path("type").isTextual()) {
                violazioni.add(nome + " senza 'type'");
            }
            if (!key.isEmpty() && id.isEmpty()) {
                violazioni.add(nome + " con key ma senza 'id'");
            }
            if (IdGenerati.generato(id)) {
                violazioni.add(nome + ": id generato dal Modeler (" + IdGenerati.regola() + "), usa un id con "
                        + "significato come Field_Esito");
            }
            // groups and dynamic lists nest their own components
            if (componente.path("components").isArray()) {
                verificaComponenti(componente.path("components"), nome + ".components", violazioni);
            }
        }
    }

    private static Element definizioniDmn(Path file) {
        Document documento = XmlSicuro.leggi(file);
        Element radice = documento.getDocumentElement();
        String namespace = Objects.requireNonNullElse(radice.getNamespaceURI(), "");
        if (!"definitions".equals(radice.getLocalName()) || !NAMESPACE_DMN.matcher(namespace).matches()) {
            fail(file + ": la radice è {" + namespace + "}" + radice.getLocalName()
                    + ", non definitions di un namespace DMN OMG");
        }
        return radice;
    }

    /** Elements of the given local names in the file's DMN namespace, in document order. */
    private static List<Element> elementiDmn(Element definizioni, String... nomi) {
        List<Element> elementi = new ArrayList<>();
        for (String nome : nomi) {
            elementi.addAll(elementi(definizioni.getElementsByTagNameNS(definizioni.getNamespaceURI(), nome)));
        }
        return elementi;
    }

    private static List<Element> elementiQualsiasiNamespace(Element radice, String nome) {
        return elementi(radice.getElementsByTagNameNS("*", nome));
    }

    private static List<Element> elementi(NodeList nodi) {
        return IntStream.range(0, nodi.getLength()).mapToObj(i -> (Element) nodi.item(i)).toList();
    }

    private static List<Element> figli(Element genitore, String nome) {
        List<Element> figli = new ArrayList<>();
        for (Node nodo = genitore.getFirstChild(); nodo != null; nodo = nodo.getNextSibling()) {
            if (nodo instanceof Element figlio && nome.equals(figlio.getLocalName())
                    && Objects.equals(genitore.getNamespaceURI(), figlio.getNamespaceURI())) {
                figli.add(figlio);
            }
        }
        return figli;
    }

    /** « (rule Rule_X)» for a cell inside a rule, empty elsewhere. */
    private static String regolaContenitore(Element elemento) {
        for (Node nodo = elemento.getParentNode(); nodo instanceof Element antenato; nodo = nodo.getParentNode()) {
            if ("rule".equals(antenato.getLocalName())) {
                return " (" + descrivi(antenato) + ")";
            }
        }
        return "";
    }

    private static String descrivi(Element elemento) {
        String id = elemento.getAttribute("id");
        String nome = elemento.getAttribute("name");
        return elemento.getLocalName() + (vuoto(id) ? "" : " " + id) + (vuoto(nome) ? "" : " «" + nome + "»");
    }

    private static String descrivi(ModelElementInstance elemento) {
        String tipo = elemento.getElementType().getTypeName();
        if (elemento instanceof BaseElement base) {
            String nome = base.getAttributeValue("name");
            return tipo + " " + base.getId() + (vuoto(nome) ? "" : " «" + nome + "»");
        }
        return tipo;
    }

    private static boolean vuoto(String valore) {
        return valore == null || valore.isBlank();
    }

    private static void nessunaViolazione(Path file, Collection<String> violazioni) {
        if (!violazioni.isEmpty()) {
            fail(file + " viola le convenzioni dei modelli (STYLE.md «Models»):\n  - "
                    + String.join("\n  - ", violazioni));
        }
    }
}
