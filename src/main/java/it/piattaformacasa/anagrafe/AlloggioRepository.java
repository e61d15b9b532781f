package it.piattaformacasa.anagrafe;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

public interface AlloggioRepository extends JpaRepository<Alloggio, Long>, JpaSpecificationExecutor<Alloggio> {

    interface ConteggioPerStato {
        StatoAlloggio getStato();

        long getNumero();
    }

    @Query("select a.stato as stato, count(a) as numero from Alloggio a where a.ente.id = :enteId group by a.stato")
    List<ConteggioPerStato> contaPerStato(Long enteId);

    long countByEnteId(Long enteId);
}
