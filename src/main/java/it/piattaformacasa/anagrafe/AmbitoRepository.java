package it.piattaformacasa.anagrafe;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface AmbitoRepository extends JpaRepository<Ambito, Long> {
    Optional<Ambito> findByCodice(String codice);
}
