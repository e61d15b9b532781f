package it.piattaformacasa.domanda;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;

import it.piattaformacasa.common.CodiceFiscale;

public interface DomandaRepository extends JpaRepository<Domanda, Long> {

    // a replayed submission answers with the stored domanda, mapped outside the transaction; a key is the caller's own
    @EntityGraph(attributePaths = "scelte")
    Optional<Domanda> findByAvvisoIdAndPresentataDaAndIdempotencyKey(Long avvisoId, String presentataDa, String idempotencyKey);

    @Override
    @EntityGraph(attributePaths = "scelte")
    Optional<Domanda> findById(Long id);

    List<Domanda> findByAvvisoIdOrderByIsbarDesc(Long avvisoId);

    long countByAvvisoId(Long avvisoId);

    /** The citizen's own domande (issue 16): by the richiedente's codice fiscale, from the identity. */
    List<Domanda> findByRichiedenteOrderByPresentataIlDesc(CodiceFiscale richiedente);

    boolean existsByIdAndRichiedente(Long id, CodiceFiscale richiedente);
}
