package it.piattaformacasa.operatori;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface OperatoreRepository extends JpaRepository<Operatore, Long> {

    @Query("""
            select distinct o from Operatore o
              left join fetch o.abilitazioni a left join fetch a.ente e left join fetch e.comune c left join fetch c.ambito
            where o.username = :username""")
    Optional<Operatore> findByUsername(String username);

    @Query("""
            select distinct o from Operatore o
              left join fetch o.abilitazioni a left join fetch a.ente e left join fetch e.comune c left join fetch c.ambito
            order by o.username""")
    List<Operatore> findAllConAbilitazioni();

    @Query("""
            select distinct o from Operatore o
              left join fetch o.abilitazioni a left join fetch a.ente e left join fetch e.comune c left join fetch c.ambito
            where o.codiceFiscale = :codiceFiscale""")
    Optional<Operatore> findByCodiceFiscale(it.piattaformacasa.common.CodiceFiscale codiceFiscale);

    /** The enti whose comune is in one of {@code province} (sigle, «VA»): a provincial reader's scope (seed 004). */
    @Query("select e.id from EnteProprietario e where e.comune.provincia in :province")
    Set<Long> idEntiDelleProvince(java.util.Collection<String> province);

    /** The enti of the regional profiles {@code regioni}: a regional reader's scope (ADR 16). */
    @Query("select e.id from EnteProprietario e where e.regioneProfilo in :regioni")
    Set<Long> idEntiDelleRegioni(java.util.Collection<it.piattaformacasa.anagrafe.RegioneProfilo> regioni);
}
