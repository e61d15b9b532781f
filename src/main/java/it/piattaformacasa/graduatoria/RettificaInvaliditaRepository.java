package it.piattaformacasa.graduatoria;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface RettificaInvaliditaRepository extends JpaRepository<RettificaInvalidita, Long> {

    boolean existsByEnteIdAndDomandaId(long enteId, long domandaId);

    long countByGraduatoriaIdAndStato(long graduatoriaId, RettificaInvalidita.Stato stato);

    List<RettificaInvalidita> findByGraduatoriaIdOrderById(long graduatoriaId);

    List<RettificaInvalidita> findByDomandaIdOrderById(long domandaId);
}
