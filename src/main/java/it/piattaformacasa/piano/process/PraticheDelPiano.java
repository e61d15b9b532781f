package it.piattaformacasa.piano.process;

import static it.piattaformacasa.piano.process.ProgrammazioneAnnualeBpmn.*;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import it.piattaformacasa.common.ItalianFormats;
import it.piattaformacasa.common.PraticaInBreve;
import it.piattaformacasa.piano.ComunicazioneAnnuale;
import it.piattaformacasa.piano.PianoAnnuale;
import it.piattaformacasa.piano.ProgrammazioneService;

/**
 * «Comunica offerta abitativa – ALER …, Varese – Piano annuale 2026» and «Approva piano annuale – Comune di Varese,
 * Varese – Piano annuale 2026»: the plan of the business key and, for an ente's task, its communication (the task's
 * multi-instance element). The forms read the plan, the window and the ente's certification from task variables.
 */
@Component
class PraticheDelPiano implements it.piattaformacasa.common.process.DescrizionePratica {

    private final ProgrammazioneService piani;

    PraticheDelPiano(ProgrammazioneService piani) {
        this.piani = piani;
    }

    @Override
    public Set<String> processi() {
        return Set.of(PROCESS_ID);
    }

    @Override
    public Optional<PraticaInBreve> descrivi(String processo, DelegateTask task) {
        Optional<Long> piano = pianoId(task);
        if (piano.isEmpty()) {
            return Optional.empty();
        }
        return piani.inBreve(piano.get(), comunicazioneId(task).orElse(null));
    }

    @Override
    public Map<String, Object> datiDelModulo(String processo, DelegateTask task) {
        Optional<PianoAnnuale> trovato = pianoId(task).flatMap(piani::trova);
        if (trovato.isEmpty()) {
            return Map.of();
        }
        PianoAnnuale piano = trovato.get();
        Map<String, Object> dati = new LinkedHashMap<>();
        dati.put(VAR_MODULO_PIANO, "Piano annuale " + piano.anno() + " – ambito " + piano.ambito() + " (n. " + piano.id() + ")");
        dati.put(VAR_MODULO_FINESTRA, "Comunicazioni dal " + ItalianFormats.data(piano.inizioComunicazioni()) + " al "
                + ItalianFormats.data(piano.fineComunicazioni()));
        Optional<Long> comunicazioneId = comunicazioneId(task);
        if (comunicazioneId.isPresent()) {
            Optional<ComunicazioneAnnuale> c = piani.trovaComunicazione(comunicazioneId.get());
            if (c.isEmpty()) {
                return dati;
            }
            ComunicazioneAnnuale comunicazione = c.get();
            dati.put(VAR_MODULO_ENTE, comunicazione.ente() + ", comune di " + comunicazione.comune());
            dati.put(VAR_MODULO_SENZA_CATEGORIE, !comunicazione.delComune());
            dati.put(VAR_MODULO_CERTIFICAZIONE, piani.certificataIl(comunicazione.enteId(), piano.anno())
                    .map(i -> "Dati dell'Anagrafe certificati il " + ItalianFormats.dataOra(i) + ".")
                    .orElse("Dati dell'Anagrafe " + piano.anno() + " non ancora certificati: completare anche l'attività "
                            + "«Certifica dati anagrafe»."));
            dati.put(VAR_MODULO_INVIATA, comunicazione.ricevuta() ? "Comunicazione già inviata il "
                    + ItalianFormats.dataOra(comunicazione.ricevutaIl()) + " (" + comunicazione.dati().alloggiDisponibili()
                    + " unità disponibili): inviandola di nuovo la si sostituisce." : "Comunicazione non ancora inviata.");
            return dati;
        }
        List<ComunicazioneAnnuale> comunicazioni = piani.comunicazioni(piano.id());
        long ricevute = comunicazioni.stream().filter(ComunicazioneAnnuale::ricevuta).count();
        List<String> mancanti = comunicazioni.stream().filter(x -> !x.ricevuta()).map(x -> x.ente() + " (" + x.comune() + ")").toList();
        dati.put(VAR_MODULO_COMUNICAZIONI, ricevute + " comunicazioni ricevute su " + comunicazioni.size()
                + (mancanti.isEmpty() ? "." : "; mancano: " + String.join(", ", mancanti) + "."));
        return dati;
    }

    private static Optional<Long> pianoId(DelegateTask task) {
        String chiave = task.getExecution().getProcessBusinessKey();
        return chiave != null && chiave.matches("\\d{1,18}") ? Optional.of(Long.parseLong(chiave)) : Optional.empty();
    }

    private static Optional<Long> comunicazioneId(DelegateTask task) {
        return task.getExecution().getVariable(VAR_COMUNICAZIONE_ID) instanceof Number n ? Optional.of(n.longValue())
                : Optional.empty();
    }
}
