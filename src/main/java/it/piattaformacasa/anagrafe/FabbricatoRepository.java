package it.piattaformacasa.anagrafe;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.EntityGraph;

import org.springframework.data.jpa.repository.JpaRepository;

public interface FabbricatoRepository extends JpaRepository<Fabbricato, Long> {
    Optional<Fabbricato> findByEnteIdAndCodice(Long enteId, String codice);

    long countByEnteId(Long enteId);

    long countByEnteIdAndRitiratoIlIsNull(Long enteId);

    List<Fabbricato> findByEnteIdAndRitiratoIlIsNull(Long enteId);

    @EntityGraph(attributePaths = {"ente", "comune"})
    Optional<Fabbricato> findConDettagliById(Long id);
}
