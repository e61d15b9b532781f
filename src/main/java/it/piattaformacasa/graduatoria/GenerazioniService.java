package it.piattaformacasa.graduatoria;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import it.piattaformacasa.avviso.AvvisoService;
import it.piattaformacasa.common.ConflittoException;
import it.piattaformacasa.common.NonTrovatoException;
import it.piattaformacasa.domanda.DomandaInGraduatoria;
import it.piattaformacasa.graduatoria.ClassificaGraduatorie.Chiave;
import it.piattaformacasa.graduatoria.RegistroGenerazioni.Registro;

/**
 * The run records of an avviso's generations and their re-run: the ranking rebuilt from the stored inputs and
 * parameters by the generation's own code ({@link ClassificaGraduatorie}), nothing written.
 */
@Service
public class GenerazioniService {

    /** A position where the recomputed ranking differs from the recorded one (null: no domanda there). */
    public record Differenza(long enteId, long comuneId, int posizione, Long domandaRegistrata, Long domandaRicalcolata) {
    }

    public record Riesecuzione(long generazioneId, String digestInputRegistrato, String digestInputRicalcolato,
                               String digestRisultatoRegistrato, String digestRisultatoRicalcolato, boolean riprodotta,
                               List<Differenza> differenze) {
    }

    /** Enough to see where a ranking went another way; the digests tell whether it did at all. */
    public static final int MASSIMO_DIFFERENZE = 10;

    private static final Logger LOG = LoggerFactory.getLogger(GenerazioniService.class);

    private final RegistroGenerazioni registro;
    private final AvvisoService avvisi;

    GenerazioniService(RegistroGenerazioni registro, AvvisoService avvisi) {
        this.registro = registro;
        this.avvisi = avvisi;
    }

    @Transactional(readOnly = true)
    public List<Registro> diAvviso(long avvisoId) {
        avvisi.avvisoSenzaAmbito(avvisoId);
        return registro.diAvviso(avvisoId);
    }

    /**
     * Re-runs a generation from what it recorded: reproduced when both digests match the recorded ones and every
     * position matches the recorded ranking.
     */
    @Transactional(readOnly = true)
    public Riesecuzione riesegui(long generazioneId) {
        Registro registrata = registro.registro(generazioneId)
                .orElseThrow(() -> new NonTrovatoException("Generazione " + generazioneId + " non trovata"));
        if (!registrata.rieseguibile()) {
            throw new ConflittoException("La generazione " + generazioneId + " è stata registrata prima che se ne conservassero "
                    + "gli input: non si può rieseguire");
        }
        List<DomandaInGraduatoria> input = registro.input(generazioneId);
        ClassificaGraduatorie classifica = switch (registrata.tipo()) {
            case PROVVISORIE -> ClassificaGraduatorie.perEnteEComune(input, registrata.parametri());
            case DEFINITIVA -> ClassificaGraduatorie.unica(registro.chiave(registrata.graduatoriaId()), input,
                    registrata.parametri());
        };
        List<Differenza> differenze = differenze(registro.risultato(generazioneId), classifica.posizioni());
        boolean riprodotta = registrata.digestInput().equals(classifica.digestInput())
                && registrata.digestRisultato().equals(classifica.digestRisultato()) && differenze.isEmpty();
        LOG.info("Generazione {} rieseguita: {}", generazioneId, riprodotta ? "riprodotta" : "NON riprodotta, " + differenze);
        return new Riesecuzione(generazioneId, registrata.digestInput(), classifica.digestInput(), registrata.digestRisultato(),
                classifica.digestRisultato(), riprodotta, differenze);
    }

    /** The first positions, graduatoria by graduatoria, where the two rankings name different domande. */
    static List<Differenza> differenze(SortedMap<Chiave, List<Long>> registrate, SortedMap<Chiave, List<Long>> ricalcolate) {
        SortedSet<Chiave> chiavi = new TreeSet<>(registrate.keySet());
        chiavi.addAll(ricalcolate.keySet());
        List<Differenza> differenze = new ArrayList<>();
        for (Chiave chiave : chiavi) {
            List<Long> prima = registrate.getOrDefault(chiave, List.of());
            List<Long> dopo = ricalcolate.getOrDefault(chiave, List.of());
            for (int i = 0; i < Math.max(prima.size(), dopo.size()) && differenze.size() < MASSIMO_DIFFERENZE; i++) {
                Long registrata = i < prima.size() ? prima.get(i) : null;
                Long ricalcolata = i < dopo.size() ? dopo.get(i) : null;
                if (!Objects.equals(registrata, ricalcolata)) {
                    differenze.add(new Differenza(chiave.enteId(), chiave.comuneId(), i + 1, registrata, ricalcolata));
                }
            }
        }
        return differenze;
    }
}
