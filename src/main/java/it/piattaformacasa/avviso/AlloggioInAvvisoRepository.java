package it.piattaformacasa.avviso;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import it.piattaformacasa.anagrafe.Alloggio;
import it.piattaformacasa.anagrafe.StatoAlloggio;

public interface AlloggioInAvvisoRepository extends JpaRepository<AlloggioInAvviso, Long> {

    boolean existsByAvvisoIdAndAlloggioId(Long avvisoId, Long alloggioId);

    Optional<AlloggioInAvviso> findByAvvisoIdAndAlloggioId(Long avvisoId, Long alloggioId);

    @EntityGraph(attributePaths = {"alloggio", "alloggio.ente", "alloggio.comune"})
    List<AlloggioInAvviso> findByAvvisoIdOrderById(Long avvisoId);

    @EntityGraph(attributePaths = {"alloggio", "alloggio.ente", "alloggio.comune"})
    List<AlloggioInAvviso> findByAvvisoIdAndAlloggioEnteIdOrderById(Long avvisoId, Long enteId);

    /** The ente's units in the comuni of the ambito, in one of the given Anagrafe states, not yet in the avviso. */
    @Query("""
            select a from Alloggio a join fetch a.comune c
             where a.ente.id = :enteId and c.ambito.id = :ambitoId and a.stato in :stati and a.ritiratoIl is null
               and not exists (select 1 from AlloggioInAvviso x where x.avviso.id = :avvisoId and x.alloggio = a)
             order by c.nome, a.codiceUi, a.id""")
    List<Alloggio> nonInseriti(Long avvisoId, Long enteId, Long ambitoId, Collection<StatoAlloggio> stati);

    /** The ente's units in one comune, in the given Anagrafe state, not yet in the avviso. */
    @Query("""
            select a from Alloggio a join fetch a.comune c
             where a.ente.id = :enteId and c.id = :comuneId and a.stato = :stato
               and not exists (select 1 from AlloggioInAvviso x where x.avviso.id = :avvisoId and x.alloggio = a)
             order by a.codiceUi, a.id""")
    List<Alloggio> nonInseritiNelComune(Long avvisoId, Long enteId, Long comuneId, StatoAlloggio stato);
}
