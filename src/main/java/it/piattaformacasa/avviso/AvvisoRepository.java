package it.piattaformacasa.avviso;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AvvisoRepository extends JpaRepository<Avviso, Long> {

    @Override
    @EntityGraph(attributePaths = "ambito")
    Optional<Avviso> findById(Long id);

    @EntityGraph(attributePaths = "ambito")
    List<Avviso> findByAmbitoIdOrderByAperturaDesc(Long ambitoId);
}
