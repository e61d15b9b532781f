package it.piattaformacasa.graduatoria;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;

public interface GraduatoriaRepository extends JpaRepository<Graduatoria, Long> {

    @EntityGraph(attributePaths = {"ente", "comune", "avviso"})
    List<Graduatoria> findByAvvisoIdOrderById(Long avvisoId);

    @Override
    @EntityGraph(attributePaths = {"ente", "comune", "avviso"})
    Optional<Graduatoria> findById(Long id);

    boolean existsByAvvisoId(Long avvisoId);
}
