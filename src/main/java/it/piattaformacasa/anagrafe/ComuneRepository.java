package it.piattaformacasa.anagrafe;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ComuneRepository extends JpaRepository<Comune, Long> {
    Optional<Comune> findByCodiceIstat(String codiceIstat);

    List<Comune> findByAmbitoIdOrderByNome(Long ambitoId);
}
