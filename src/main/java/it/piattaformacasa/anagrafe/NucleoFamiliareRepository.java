package it.piattaformacasa.anagrafe;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface NucleoFamiliareRepository extends JpaRepository<NucleoFamiliare, Long> {
    List<NucleoFamiliare> findByAlloggioId(Long alloggioId);
}
