package it.piattaformacasa.operatori;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface RichiestaAbilitazioneRepository extends JpaRepository<RichiestaAbilitazione, Long> {

    List<RichiestaAbilitazione> findByEnteIdOrderByIdDesc(Long enteId);

    List<RichiestaAbilitazione> findTop200ByOrderByIdDesc();

    List<RichiestaAbilitazione> findByStatoOrderById(RichiestaAbilitazione.Stato stato);
}
