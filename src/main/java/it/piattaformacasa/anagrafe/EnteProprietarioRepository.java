package it.piattaformacasa.anagrafe;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import it.piattaformacasa.common.CodiceFiscale;

public interface EnteProprietarioRepository extends JpaRepository<EnteProprietario, Long> {
    @EntityGraph(attributePaths = {"comune", "comune.ambito"})
    Optional<EnteProprietario> findByCodiceFiscale(CodiceFiscale codiceFiscale);

    @Override
    @EntityGraph(attributePaths = {"comune", "comune.ambito"})
    Optional<EnteProprietario> findById(Long id);

    /** Enti with at least one fabbricato in a comune of the ambito, or seated there. */
    @Query("""
            select distinct e from EnteProprietario e join fetch e.comune c join fetch c.ambito a
            where a.id = :ambitoId
               or exists (select 1 from Fabbricato f where f.ente = e and f.comune.ambito.id = :ambitoId)
            order by e.ragioneSociale""")
    List<EnteProprietario> findOperantiNellAmbito(Long ambitoId);

    @Query("select e from EnteProprietario e join fetch e.comune c join fetch c.ambito order by e.ragioneSociale")
    List<EnteProprietario> findAllConComune();

    /** As {@link #findAllConComune()}, for the enti {@code ids} only (an operator's few among a region's 1,500). */
    @Query("select e from EnteProprietario e join fetch e.comune c join fetch c.ambito where e.id in :ids order by e.ragioneSociale")
    List<EnteProprietario> findConComuneByIdIn(java.util.Collection<Long> ids);

    /** The enti of one regional profile (ADR 16): the Marche module's scope, asked on every console page. */
    List<EnteProprietario> findByRegioneProfilo(RegioneProfilo regioneProfilo);
}
