package it.piattaformacasa.avviso;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface AlloggioInAvvisoRepository extends JpaRepository<AlloggioInAvviso, Long> {

    boolean existsByAvvisoIdAndAlloggioId(Long avvisoId, Long alloggioId);

    Optional<AlloggioInAvviso> findByAvvisoIdAndAlloggioId(Long avvisoId, Long alloggioId);

    @EntityGraph(attributePaths = {"alloggio", "alloggio.ente", "alloggio.comune"})
    List<AlloggioInAvviso> findByAvvisoIdOrderById(Long avvisoId);

    @Query("select a from AlloggioInAvviso a join fetch a.alloggio al join fetch al.comune "
            + "where a.avviso.id = :avviso and al.id in :alloggi")
    List<AlloggioInAvviso> conComuneTra(@Param("avviso") Long avvisoId, @Param("alloggi") Collection<Long> alloggi);
}
