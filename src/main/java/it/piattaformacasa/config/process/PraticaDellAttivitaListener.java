package it.piattaformacasa.config.process;

import static it.piattaformacasa.common.process.PraticaNellElenco.*;

import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import it.piattaformacasa.common.ItalianFormats;
import it.piattaformacasa.common.PraticaInBreve;
import it.piattaformacasa.common.process.DescrizionePratica;

/**
 * Names the case on every user task (issue 11): on {@code create} the task's name gets the ente, the comune and the
 * avviso («Approva graduatoria provvisoria – Comune di Malnate, Malnate – Avviso «SAP 2026»») and the task gets the
 * variables of {@link it.piattaformacasa.common.process.PraticaNellElenco} that the Tasklist filters show, including
 * its due date in Italian and the basis the model states for it; on {@code update} (an administrator moved the due
 * date) the date shown follows. Referenced from every user task as {@code ${praticaDellAttivitaListener}}.
 *
 * <p>The model keeps the plain name («Approva graduatoria provvisoria»): a name expression would put {@code ${…}}
 * into the diagram, into Cockpit and into the activity history, which all read the model's name.
 */
@Component("praticaDellAttivitaListener")
class PraticaDellAttivitaListener implements TaskListener {

    private static final Logger LOG = LoggerFactory.getLogger(PraticaDellAttivitaListener.class);

    /** ACT_RU_TASK.NAME_ and ACT_HI_TASKINST.NAME_ are varchar(255). */
    static final int LUNGHEZZA_NOME = 255;
    static final String SEPARATORE = " – ";
    static final String NESSUN_TERMINE = "Nessun termine di legge";
    static final String NESSUNA_SCADENZA = "nessuna";

    private final Map<String, DescrizionePratica> perProcesso = new HashMap<>();

    PraticaDellAttivitaListener(List<DescrizionePratica> descrizioni) {
        for (DescrizionePratica descrizione : descrizioni) {
            for (String processo : descrizione.processi()) {
                DescrizionePratica altra = perProcesso.putIfAbsent(processo, descrizione);
                if (altra != null) {
                    throw new IllegalStateException("Due descrizioni per le pratiche di «" + processo + "»: "
                            + altra.getClass().getSimpleName() + " e " + descrizione.getClass().getSimpleName());
                }
            }
        }
    }

    @Override
    public void notify(DelegateTask task) {
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            descrivi(task);
        } else if (EVENTNAME_UPDATE.equals(task.getEventName())) {
            String scadenza = scadenza(task.getDueDate());
            if (!scadenza.equals(task.getVariableLocal(VAR_SCADENZA))) {
                task.setVariableLocal(VAR_SCADENZA, scadenza);
            }
        }
    }

    private void descrivi(DelegateTask task) {
        String processo = processo(task);
        DescrizionePratica descrizione = perProcesso.get(processo);
        if (descrizione == null) {
            throw new IllegalStateException("Nessun modulo descrive le pratiche del processo «" + processo + "»");
        }
        Optional<PraticaInBreve> pratica = descrizione.descrivi(processo, task);
        task.setVariableLocal(VAR_SCADENZA, scadenza(task.getDueDate()));
        task.setVariableLocal(VAR_TERMINE, termine(proprieta(task.getBpmnModelElementInstance(), PROPRIETA_TERMINE)));
        if (pratica.isEmpty()) {
            // the task is still worth creating: its process knows its case, the list just cannot name it
            LOG.warn("Attività «{}» ({}): pratica {} non trovata, l'elenco non ne mostra ente, comune e avviso",
                    task.getName(), processo, task.getExecution().getProcessBusinessKey());
            task.setVariableLocal(VAR_PRATICA, "Pratica " + task.getExecution().getProcessBusinessKey());
            return;
        }
        PraticaInBreve p = pratica.get();
        descrizione.datiDelModulo(processo, task).forEach(task::setVariableLocal);
        task.setName(nome(task.getName(), p));
        imposta(task, VAR_ENTE, p.ente());
        imposta(task, VAR_COMUNE, p.comune());
        imposta(task, VAR_AVVISO, p.avviso());
        imposta(task, VAR_PRATICA, p.pratica());
        imposta(task, VAR_PAGINA, p.pagina());
    }

    private static void imposta(DelegateTask task, String nome, String valore) {
        if (valore != null) {
            task.setVariableLocal(nome, valore);
        }
    }

    /**
     * «Approva graduatoria provvisoria – Comune di Malnate, Malnate – Avviso «SAP 2026»», plus what tells apart tasks
     * of one ente in one avviso; within the engine's 255 characters, shortening the avviso's title if it must.
     */
    static String nome(String nomeNelModello, PraticaInBreve pratica) {
        String chi = Stream.of(pratica.ente(), pratica.comune()).filter(Objects::nonNull).collect(Collectors.joining(", "));
        String avviso = pratica.avvisoNelNome();
        String nome = componi(nomeNelModello, chi, avviso, pratica.nelNome());
        if (nome.length() > LUNGHEZZA_NOME && pratica.avviso() != null) {
            int eccesso = nome.length() - LUNGHEZZA_NOME + 1;
            String titolo = pratica.avviso();
            String accorciato = titolo.substring(0, Math.max(0, titolo.length() - eccesso)).stripTrailing() + "…";
            nome = componi(nomeNelModello, chi, PraticaInBreve.avvisoNelNome(accorciato), pratica.nelNome());
        }
        return nome.length() > LUNGHEZZA_NOME ? nome.substring(0, LUNGHEZZA_NOME - 1) + "…" : nome;
    }

    private static String componi(String... parti) {
        return Stream.of(parti).filter(p -> p != null && !p.isBlank()).collect(Collectors.joining(SEPARATORE));
    }

    /**
     * «12/03/2026 ore 16:00»; a deadline at midnight is the end of the day before (whole-day terms,
     * {@link it.piattaformacasa.common.Termini}), so it reads as that day: «28/03/2026».
     */
    static String scadenza(Date scadenza) {
        if (scadenza == null) {
            return NESSUNA_SCADENZA;
        }
        ZonedDateTime quando = scadenza.toInstant().atZone(ItalianFormats.ZONE);
        if (quando.toLocalTime().equals(LocalTime.MIDNIGHT)) {
            return ItalianFormats.data(quando.toLocalDate().minusDays(1));
        }
        return ItalianFormats.data(quando.toLocalDate()) + " ore " + String.format("%02d:%02d", quando.getHour(), quando.getMinute());
    }

    /** The basis the model states, «Nessun termine di legge» where it states none. */
    static String termine(String base) {
        return base == null || base.isBlank() ? NESSUN_TERMINE : Character.toUpperCase(base.charAt(0)) + base.substring(1);
    }

    /** The model's process id, which is the process definition key. */
    private static String processo(DelegateTask task) {
        ModelElementInstance elemento = task.getBpmnModelElementInstance();
        while (elemento != null && !(elemento instanceof Process)) {
            elemento = elemento.getParentElement();
        }
        if (elemento == null) {
            throw new IllegalStateException("Attività «" + task.getName() + "» fuori da un processo");
        }
        return ((Process) elemento).getId();
    }

    private static String proprieta(BaseElement elemento, String nome) {
        if (elemento == null || elemento.getExtensionElements() == null) {
            return null;
        }
        return elemento.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).list().stream()
                .flatMap(p -> p.getCamundaProperties().stream())
                .filter(p -> nome.equals(p.getCamundaName()))
                .map(CamundaProperty::getCamundaValue)
                .findFirst().orElse(null);
    }
}
