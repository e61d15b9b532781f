package it.piattaformacasa.regole;

import java.math.BigDecimal;

/** Starts from a valid single-person household far from every threshold, so a test states only its subject. */
final class DatiRequisitiBuilder {

    private BigDecimal isee = new BigDecimal("10000");
    private boolean attestazioneServiziSociali;
    private boolean attestazioneRichiesta;
    private int componentiMaggiorenni = 1;
    private BigDecimal superficieUtile = new BigDecimal("50");
    private int componentiNucleo = 1;

    static DatiRequisitiBuilder datiRequisiti() {
        return new DatiRequisitiBuilder();
    }

    DatiRequisitiBuilder conIsee(String isee) {
        this.isee = new BigDecimal(isee);
        return this;
    }

    DatiRequisitiBuilder conAttestazioneServiziSociali(boolean presente) {
        this.attestazioneServiziSociali = presente;
        return this;
    }

    DatiRequisitiBuilder conAttestazioneRichiesta(boolean richiesta) {
        this.attestazioneRichiesta = richiesta;
        return this;
    }

    DatiRequisitiBuilder conMaggiorenni(int maggiorenni) {
        this.componentiMaggiorenni = maggiorenni;
        this.componentiNucleo = Math.max(componentiNucleo, maggiorenni);
        return this;
    }

    DatiRequisitiBuilder conComponenti(int componenti) {
        this.componentiNucleo = componenti;
        this.componentiMaggiorenni = Math.min(componentiMaggiorenni, componenti);
        return this;
    }

    DatiRequisitiBuilder conSuperficie(String metriQuadri) {
        this.superficieUtile = new BigDecimal(metriQuadri);
        return this;
    }

    DatiRequisiti build() {
        return new DatiRequisiti(isee, attestazioneServiziSociali, attestazioneRichiesta,
                componentiMaggiorenni, superficieUtile, componentiNucleo);
    }
}
