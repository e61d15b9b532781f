package it.piattaformacasa.anagrafe;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface CertificazioneAnagrafeRepository extends JpaRepository<CertificazioneAnagrafe, Long> {
    Optional<CertificazioneAnagrafe> findByEnteIdAndAnno(Long enteId, int anno);

    List<CertificazioneAnagrafe> findByEnteIdOrderByAnnoDesc(Long enteId);
}
