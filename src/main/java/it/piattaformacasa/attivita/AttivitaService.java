package it.piattaformacasa.attivita;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import it.piattaformacasa.common.sicurezza.UtenteCorrente;

/**
 * «Prendi in carico» and its undo from the API, as Tasklist's Claim does, with the platform's errors: 404 for a task
 * the operator is not a candidate for, 409 naming who holds it. Two operators taking the same task at the same moment:
 * one gets it, the other 409.
 */
@Service
public class AttivitaService {

    private final AttivitaProcesso processo;
    private final UtenteCorrente utente;

    AttivitaService(AttivitaProcesso processo, UtenteCorrente utente) {
        this.processo = processo;
        this.utente = utente;
    }

    @Transactional
    public void prendiInCarico(String taskId) {
        processo.prendiInCarico(taskId, utente.username());
    }

    @Transactional
    public void rilascia(String taskId) {
        processo.rilascia(taskId, utente.username());
    }

    /**
     * The open tasks of the case whose console page is {@code pagina} («/graduatorie/12»): for supervisors and
     * administrators all of them, for the others those they may take or hold — as in their Tasklist.
     */
    @Transactional(readOnly = true)
    public List<AttivitaProcesso.AttivitaAperta> aperteDellaPagina(String pagina) {
        return processo.aperteDellaPagina(pagina, utente.username(), utente.vedeTuttiGliEnti());
    }
}
