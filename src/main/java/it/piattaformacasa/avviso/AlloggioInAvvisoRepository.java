package it.piattaformacasa.avviso;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AlloggioInAvvisoRepository extends JpaRepository<AlloggioInAvviso, Long> {

    boolean existsByAvvisoIdAndAlloggioId(Long avvisoId, Long alloggioId);

    Optional<AlloggioInAvviso> findByAvvisoIdAndAlloggioId(Long avvisoId, Long alloggioId);

    @EntityGraph(attributePaths = {"alloggio", "alloggio.ente", "alloggio.comune"})
    List<AlloggioInAvviso> findByAvvisoIdOrderById(Long avvisoId);
}
