package it.piattaformacasa.domanda;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;

import it.piattaformacasa.common.CodiceFiscale;

public interface DomandaRepository extends JpaRepository<Domanda, Long> {

    Optional<Domanda> findByAvvisoIdAndRichiedente(Long avvisoId, CodiceFiscale richiedente);

    // a replayed submission answers with the stored domanda, mapped outside the transaction
    @EntityGraph(attributePaths = "alloggiScelti")
    Optional<Domanda> findByAvvisoIdAndIdempotencyKey(Long avvisoId, String idempotencyKey);

    @Override
    @EntityGraph(attributePaths = "alloggiScelti")
    Optional<Domanda> findById(Long id);

    List<Domanda> findByAvvisoIdOrderByIsbarDesc(Long avvisoId);

    long countByAvvisoId(Long avvisoId);
}
