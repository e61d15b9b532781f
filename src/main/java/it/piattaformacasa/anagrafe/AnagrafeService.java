package it.piattaformacasa.anagrafe;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import it.piattaformacasa.common.CodiceFiscale;
import it.piattaformacasa.common.NonTrovatoException;
import it.piattaformacasa.common.sicurezza.UtenteCorrente;

/**
 * Read side of the Anagrafe. Ambiti, comuni and enti are public reference data for every authenticated user;
 * alloggi are visible only to the operators of their ente (and to supervisors, analysts, administrators).
 */
@Service
@Transactional(readOnly = true)
public class AnagrafeService {

    public record FiltroAlloggi(Long enteId, String codiceIstatComune, StatoAlloggio stato) {
    }

    public record Riepilogo(EnteProprietario ente, long numeroFabbricati, long numeroAlloggi,
                            Map<StatoAlloggio, Long> alloggiPerStato) {
    }

    private final AmbitoRepository ambiti;
    private final ComuneRepository comuni;
    private final EnteProprietarioRepository enti;
    private final FabbricatoRepository fabbricati;
    private final AlloggioRepository alloggi;
    private final UtenteCorrente utente;

    AnagrafeService(AmbitoRepository ambiti, ComuneRepository comuni, EnteProprietarioRepository enti,
                    FabbricatoRepository fabbricati, AlloggioRepository alloggi, UtenteCorrente utente) {
        this.ambiti = ambiti;
        this.comuni = comuni;
        this.enti = enti;
        this.fabbricati = fabbricati;
        this.alloggi = alloggi;
        this.utente = utente;
    }

    public List<Ambito> ambiti() {
        return ambiti.findAll().stream().sorted((a, b) -> a.getNome().compareTo(b.getNome())).toList();
    }

    public Ambito ambito(String codice) {
        return ambiti.findByCodice(codice).orElseThrow(() -> new NonTrovatoException("Ambito " + codice + " non trovato"));
    }

    public List<Comune> comuniDi(Ambito ambito) {
        return comuni.findByAmbitoIdOrderByNome(ambito.getId());
    }

    public List<EnteProprietario> entiDi(Ambito ambito) {
        return enti.findOperantiNellAmbito(ambito.getId());
    }

    public List<EnteProprietario> enti() {
        return enti.findAllConComune();
    }

    /** Empty when no ente has that codice fiscale: for callers that must not fail (a task naming its case). */
    public Optional<EnteProprietario> enteConCodiceFiscale(CodiceFiscale codiceFiscale) {
        return enti.findByCodiceFiscale(codiceFiscale);
    }

    public EnteProprietario ente(long id) {
        return enti.findById(id).orElseThrow(() -> new NonTrovatoException("Ente " + id + " non trovato"));
    }

    public Riepilogo riepilogo(long enteId) {
        return calcolaRiepilogo(enteVisibile(enteId));
    }

    /** Without caller checks: for the engine, which has already authorized the task being completed. */
    Riepilogo calcolaRiepilogo(EnteProprietario ente) {
        long enteId = ente.getId();
        Map<StatoAlloggio, Long> perStato = new EnumMap<>(StatoAlloggio.class);
        for (StatoAlloggio stato : StatoAlloggio.values()) {
            perStato.put(stato, 0L);
        }
        alloggi.contaPerStato(enteId).forEach(c -> perStato.put(c.getStato(), c.getNumero()));
        long totale = perStato.values().stream().mapToLong(Long::longValue).sum();
        return new Riepilogo(ente, fabbricati.countByEnteId(enteId), totale, perStato);
    }

    public Page<Alloggio> alloggi(FiltroAlloggi filtro, Pageable pagina) {
        Specification<Alloggio> spec = visibili();
        if (filtro.enteId() != null) {
            spec = spec.and((root, q, cb) -> cb.equal(root.get("ente").get("id"), filtro.enteId()));
        }
        if (filtro.codiceIstatComune() != null) {
            spec = spec.and((root, q, cb) -> cb.equal(root.get("comune").get("codiceIstat"), filtro.codiceIstatComune()));
        }
        if (filtro.stato() != null) {
            spec = spec.and((root, q, cb) -> cb.equal(root.get("stato"), filtro.stato()));
        }
        return alloggi.findAll(spec, pagina);
    }

    public Alloggio alloggio(long id) {
        return alloggi.findConDettagliById(id)
                .filter(a -> utente.puoVedereAnagrafeEnte(a.getEnte().getId()))
                .orElseThrow(() -> new NonTrovatoException("Alloggio " + id + " non trovato"));
    }

    /**
     * The alloggio if it belongs to that ente, whoever calls: for a step of a process that already knows the ente
     * from its case (the engine let only that ente's operators work the task).
     */
    public Optional<Alloggio> alloggioDellEnte(long id, long enteId) {
        return alloggi.findConDettagliById(id).filter(a -> a.getEnte().getId() == enteId);
    }

    public Comune comune(String codiceIstat) {
        return comuni.findByCodiceIstat(codiceIstat)
                .orElseThrow(() -> new NonTrovatoException("Comune con codice ISTAT " + codiceIstat + " non trovato"));
    }

    /** The ente, if the caller may see its stock; otherwise 404 as if it did not exist. */
    public EnteProprietario enteVisibile(long enteId) {
        if (!utente.puoVedereAnagrafeEnte(enteId)) {
            throw new NonTrovatoException("Ente " + enteId + " non trovato");
        }
        return ente(enteId);
    }

    private Specification<Alloggio> visibili() {
        if (utente.vedeAnagrafeDiTuttiGliEnti()) {
            return (root, q, cb) -> cb.conjunction();
        }
        Set<Long> entiAbilitati = utente.entiAbilitati();
        if (entiAbilitati.isEmpty()) {
            return (root, q, cb) -> cb.disjunction();
        }
        return (root, q, cb) -> root.get("ente").get("id").in(entiAbilitati);
    }
}
