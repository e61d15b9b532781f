package it.piattaformacasa.avviso;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface AvvisoRepository extends JpaRepository<Avviso, Long> {

    // JPQL fetch joins rather than @EntityGraph: Hibernate caches the plan of a query string, while an entity graph
    // makes it build a new loader on every call (measured on domanda submission)
    @Query("select a from Avviso a join fetch a.ambito where a.id = :id")
    Optional<Avviso> conAmbito(@Param("id") Long id);

    @EntityGraph(attributePaths = "ambito")
    List<Avviso> findByAmbitoIdOrderByAperturaDesc(Long ambitoId);
}
