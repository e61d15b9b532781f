package it.piattaformacasa.regole;

import java.math.BigDecimal;

/**
 * Starts from a valid household with no family or housing condition, a long residence in Lombardia and none in
 * the comune, so a test states only its subject.
 */
final class DatiIsbarBuilder {

    private int anniResidenzaLombardia = 20;
    private int anniResidenzaComune;
    private boolean alloggioSceltoNelComuneDiResidenza = true;
    private boolean anziani;
    private int invaliditaMassima;
    private boolean accompagnamento;
    private boolean handicapGrave;
    private boolean famigliaNuovaFormazione;
    private boolean personaSolaConMinori;
    private boolean rilascioAlloggio;
    private boolean alloggioImproprio;
    private boolean coabitazione;
    private boolean sovraffollamento;
    private boolean alloggioAntigienico;
    private boolean barriereArchitettoniche;
    private BigDecimal isee = new BigDecimal("12000");

    static DatiIsbarBuilder datiIsbar() {
        return new DatiIsbarBuilder();
    }

    DatiIsbarBuilder conAnniResidenzaLombardia(int anni) {
        this.anniResidenzaLombardia = anni;
        this.anniResidenzaComune = Math.min(anniResidenzaComune, anni);
        return this;
    }

    /** Residence in the comune is also residence in Lombardia: raises the latter when needed. */
    DatiIsbarBuilder conAnniResidenzaComune(int anni) {
        this.anniResidenzaComune = anni;
        this.anniResidenzaLombardia = Math.max(anniResidenzaLombardia, anni);
        return this;
    }

    DatiIsbarBuilder conAlloggioSceltoNelComuneDiResidenza(boolean nelComune) {
        this.alloggioSceltoNelComuneDiResidenza = nelComune;
        return this;
    }

    DatiIsbarBuilder conAnziani(boolean anziani) {
        this.anziani = anziani;
        return this;
    }

    DatiIsbarBuilder conInvalidita(int percentuale) {
        this.invaliditaMassima = percentuale;
        return this;
    }

    DatiIsbarBuilder conAccompagnamento(boolean accompagnamento) {
        this.accompagnamento = accompagnamento;
        return this;
    }

    DatiIsbarBuilder conHandicapGrave(boolean handicapGrave) {
        this.handicapGrave = handicapGrave;
        return this;
    }

    DatiIsbarBuilder conFamigliaNuovaFormazione(boolean nuovaFormazione) {
        this.famigliaNuovaFormazione = nuovaFormazione;
        return this;
    }

    DatiIsbarBuilder conPersonaSolaConMinori(boolean solaConMinori) {
        this.personaSolaConMinori = solaConMinori;
        return this;
    }

    DatiIsbarBuilder conRilascioAlloggio(boolean rilascio) {
        this.rilascioAlloggio = rilascio;
        return this;
    }

    DatiIsbarBuilder conAlloggioImproprio(boolean improprio) {
        this.alloggioImproprio = improprio;
        return this;
    }

    DatiIsbarBuilder conCoabitazione(boolean coabitazione) {
        this.coabitazione = coabitazione;
        return this;
    }

    DatiIsbarBuilder conSovraffollamento(boolean sovraffollamento) {
        this.sovraffollamento = sovraffollamento;
        return this;
    }

    DatiIsbarBuilder conAlloggioAntigienico(boolean antigienico) {
        this.alloggioAntigienico = antigienico;
        return this;
    }

    DatiIsbarBuilder conBarriereArchitettoniche(boolean barriere) {
        this.barriereArchitettoniche = barriere;
        return this;
    }

    DatiIsbarBuilder conIsee(String isee) {
        this.isee = new BigDecimal(isee);
        return this;
    }

    DatiIsbar build() {
        return new DatiIsbar(anniResidenzaLombardia, anniResidenzaComune, alloggioSceltoNelComuneDiResidenza,
                anziani, invaliditaMassima, accompagnamento, handicapGrave, famigliaNuovaFormazione,
                personaSolaConMinori, rilascioAlloggio, alloggioImproprio, coabitazione, sovraffollamento,
                alloggioAntigienico, barriereArchitettoniche, isee);
    }
}
