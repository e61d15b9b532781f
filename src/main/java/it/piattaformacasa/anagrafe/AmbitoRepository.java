package it.piattaformacasa.anagrafe;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.EntityGraph;

import org.springframework.data.jpa.repository.JpaRepository;

public interface AmbitoRepository extends JpaRepository<Ambito, Long> {
    @EntityGraph(attributePaths = "comuneCapofila")
    Optional<Ambito> findByCodice(String codice);

    @Override
    @EntityGraph(attributePaths = "comuneCapofila")
    List<Ambito> findAll();
}
