package it.piattaformacasa.regole;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Input of the economic requirements check (r.r. 4/2017 artt. 7 and 13).
 *
 * @param isee                       ISEE of the household in euro (DPCM 159/2013)
 * @param attestazioneServiziSociali the household has the social-services attestation of its comune (art. 13 co. 1)
 * @param attestazioneRichiesta      whether indigence also requires that attestation: sources conflict
 *                                   (REGULATION §3.2), so it is a parameter of the avviso, not a constant
 * @param componentiMaggiorenni      adult members, at least 1 (patrimonial ceiling, art. 7 co. 1 lett. c)
 * @param superficieUtile            useful walkable surface of the dwelling in m², accessory areas excluded
 * @param componentiNucleo           household members (art. 6), at least as many as the adults
 */
public record DatiRequisiti(
        BigDecimal isee,
        boolean attestazioneServiziSociali,
        boolean attestazioneRichiesta,
        int componentiMaggiorenni,
        BigDecimal superficieUtile,
        int componentiNucleo) {

    public DatiRequisiti {
        Objects.requireNonNull(isee, "isee");
        Objects.requireNonNull(superficieUtile, "superficieUtile");
        if (isee.signum() < 0) {
            throw new IllegalArgumentException("ISEE negativo: " + isee);
        }
        if (superficieUtile.signum() < 0) {
            throw new IllegalArgumentException("superficie utile negativa: " + superficieUtile);
        }
        if (componentiMaggiorenni < 1) {
            throw new IllegalArgumentException("almeno un componente maggiorenne, ricevuti " + componentiMaggiorenni);
        }
        if (componentiNucleo < componentiMaggiorenni) {
            throw new IllegalArgumentException("componenti del nucleo (" + componentiNucleo
                    + ") inferiori ai maggiorenni (" + componentiMaggiorenni + ")");
        }
    }
}
