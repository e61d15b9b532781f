package it.piattaformacasa.anagrafe;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface FabbricatoRepository extends JpaRepository<Fabbricato, Long> {
    Optional<Fabbricato> findByEnteIdAndCodice(Long enteId, String codice);

    long countByEnteId(Long enteId);
}
