package it.piattaformacasa.regole;

import java.math.BigDecimal;

/**
 * What the ISBAR decision reads from a domanda (Allegato 1 r.r. 4/2017: condizioni familiari, abitative, economiche,
 * residenza in Regione e nel Comune). Derived values (e.g. the highest invalidity in the nucleo) are computed by the
 * caller from the declared data.
 *
 * @param anniResidenzaLombardia             full years of residence in Lombardia at the submission date
 * @param anniResidenzaComune                full years of residence in the comune of residence
 * @param alloggioSceltoNelComuneDiResidenza at least one chosen alloggio is in the comune of residence
 * @param anziani                            art. 14 lett. a household (≤ 2 members, ≥ 65 years, …)
 * @param invaliditaMassima                  highest civil invalidity % among the members (0–100)
 * @param accompagnamento                    that member receives the indennità di accompagnamento
 * @param handicapGrave                      a member has a severe handicap (L. 104/1992 art. 3 co. 3)
 * @param famigliaNuovaFormazione            formed within 2 years or to be formed before delivery
 * @param personaSolaConMinori               single adult with dependent minors
 * @param rilascioAlloggio                   must leave the dwelling by a judicial or administrative order
 * @param alloggioImproprio                  lives in an assistance structure or improper premises (≥ 1 year)
 * @param coabitazione                       shares a dwelling with other households
 * @param sovraffollamento                   overcrowded dwelling
 * @param alloggioAntigienico                dwelling without services/heating or declared unhealthy (≥ 1 year)
 * @param barriereArchitettoniche            a disabled member lives with architectural barriers
 * @param isee                               household ISEE in euro
 */
public record DatiIsbar(int anniResidenzaLombardia, int anniResidenzaComune, boolean alloggioSceltoNelComuneDiResidenza,
                        boolean anziani, int invaliditaMassima, boolean accompagnamento, boolean handicapGrave,
                        boolean famigliaNuovaFormazione, boolean personaSolaConMinori,
                        boolean rilascioAlloggio, boolean alloggioImproprio, boolean coabitazione, boolean sovraffollamento,
                        boolean alloggioAntigienico, boolean barriereArchitettoniche, BigDecimal isee) {

    public DatiIsbar {
        if (anniResidenzaLombardia < 0 || anniResidenzaComune < 0) {
            throw new IllegalArgumentException("Gli anni di residenza non possono essere negativi");
        }
        if (anniResidenzaComune > anniResidenzaLombardia) {
            throw new IllegalArgumentException("La residenza nel comune non può superare quella in Lombardia");
        }
        if (invaliditaMassima < 0 || invaliditaMassima > 100) {
            throw new IllegalArgumentException("La percentuale di invalidità deve essere tra 0 e 100");
        }
        if (isee == null || isee.signum() < 0) {
            throw new IllegalArgumentException("L'ISEE è obbligatorio e non può essere negativo");
        }
    }

    /** Residence in the comune scores only with at least one family or housing condition (ISBAR-ALLEGATO1 §1.1). */
    public boolean haCondizioneFamiliareOAbitativa() {
        return anziani || invaliditaMassima >= 66 || handicapGrave || famigliaNuovaFormazione || personaSolaConMinori
                || rilascioAlloggio || alloggioImproprio || coabitazione || sovraffollamento || alloggioAntigienico
                || barriereArchitettoniche;
    }
}
