package it.piattaformacasa.regole.process;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import it.piattaformacasa.common.ItalianFormats;
import it.piattaformacasa.common.PraticaInBreve;
import it.piattaformacasa.common.process.DescrizionePratica;
import it.piattaformacasa.common.process.Pratica;

/**
 * «Approva pubblicazione regole» names the rule set (its business key) and the version the request started the
 * instance with — the same variables its delegate publishes. Rules belong to no ente, comune or avviso.
 */
@Component
class PraticheDelleRegole implements DescrizionePratica {

    @Override
    public Set<String> processi() {
        return Set.of(PubblicazioneRegoleBpmn.PROCESS_ID);
    }

    @Override
    public Optional<PraticaInBreve> descrivi(String processo, DelegateTask task) {
        String nome = Pratica.chiave(task.getExecution());
        Object versione = task.getExecution().getVariable(PubblicazioneRegoleBpmn.VAR_VERSIONE);
        Object validoDal = task.getExecution().getVariable(PubblicazioneRegoleBpmn.VAR_VALIDO_DAL);
        if (nome == null || versione == null) {
            return Optional.empty();
        }
        String dal = validoDal == null ? "" : " dal " + ItalianFormats.data(LocalDate.parse(validoDal.toString()));
        return Optional.of(new PraticaInBreve(null, null, null,
                "«" + nome + "» versione " + versione + dal, "«" + nome + "», versione " + versione,
                "/regole/" + nome + "/versioni/" + versione));
    }
}
