package it.piattaformacasa.anagrafe;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.EntityGraph;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

public interface AlloggioRepository extends JpaRepository<Alloggio, Long>, JpaSpecificationExecutor<Alloggio> {

    interface ConteggioPerStato {
        StatoAlloggio getStato();

        long getNumero();
    }

    @Query("select a.stato as stato, count(a) as numero from Alloggio a where a.ente.id = :enteId and a.ritiratoIl is null"
            + " group by a.stato")
    List<ConteggioPerStato> contaPerStato(Long enteId);

    long countByEnteId(Long enteId);

    /** The ente's units in the stock (retired ones left out). */
    long countByEnteIdAndRitiratoIlIsNull(Long enteId);

    long countByFabbricatoIdAndRitiratoIlIsNull(Long fabbricatoId);

    Optional<Alloggio> findByEnteIdAndCodiceUi(Long enteId, String codiceUi);

    // what AlloggioDto reads, fetched with the page (open-in-view is off)
    @Override
    @EntityGraph(attributePaths = {"ente", "comune", "fabbricato"})
    Page<Alloggio> findAll(Specification<Alloggio> spec, Pageable pageable);

    @EntityGraph(attributePaths = {"ente", "comune", "fabbricato"})
    Optional<Alloggio> findConDettagliById(Long id);
}
