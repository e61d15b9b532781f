package it.piattaformacasa.operatori;

import java.util.List;
import java.util.Optional;

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
}
