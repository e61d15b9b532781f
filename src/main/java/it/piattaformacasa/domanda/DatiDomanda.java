package it.piattaformacasa.domanda;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import it.piattaformacasa.anagrafe.RelazioneParentela;
import it.piattaformacasa.common.Importo;
import it.piattaformacasa.regole.RegoleAlloggi.Diritto;

/**
 * A domanda as submitted, already parsed into value types (the web layer validates shape and formats).
 *
 * @param codiceIstatLavoro the comune where the richiedente works, null when not working: art. 9 and the link with
 *                          Lombardia (art. 7 co. 1 lett. b) read it
 * @param alloggiPosseduti  the dwellings members hold rights on, in Italy or abroad (art. 7 co. 1 lett. d)
 */
public record DatiDomanda(List<Componente> nucleo, String codiceIstatResidenza, LocalDate residenteLombardiaDal,
                          LocalDate residenteComuneDal, String codiceIstatLavoro, Importo isee, String protocolloDsu,
                          LocalDate dataDsu, Importo patrimonio, List<AlloggioPosseduto> alloggiPosseduti,
                          boolean attestazioneServiziSociali, Map<String, Boolean> condizioni, List<Long> alloggi) {

    public record Componente(String codiceFiscale, String nome, String cognome, LocalDate dataNascita,
                             RelazioneParentela relazione, int percentualeInvalidita, boolean indennitaAccompagnamento,
                             boolean handicapGrave, boolean disoccupato) {
    }

    /**
     * A dwelling a member holds a right on.
     *
     * @param codiceIstatComune     where it is, when in Italy; else {@code statoEstero}
     * @param inagibile             declared unfit for habitation by the comune
     * @param ordinanzaDiVenditaDel under pignoramento: the day the judge ordered its sale (art. 569 c.p.c.), null otherwise
     */
    public record AlloggioPosseduto(String codiceFiscaleTitolare, Diritto diritto, BigDecimal superficieUtile,
                                    String codiceIstatComune, String statoEstero, boolean inagibile,
                                    LocalDate ordinanzaDiVenditaDel) {
    }

    /** Declared family and housing conditions (Allegato 1): the keys the domanda accepts. */
    public static final List<String> CONDIZIONI = List.of("famigliaNuovaFormazione", "rilascioAlloggio", "alloggioImproprio",
            "coabitazione", "sovraffollamento", "alloggioAntigienico", "barriereArchitettoniche");

    public DatiDomanda {
        alloggiPosseduti = alloggiPosseduti == null ? List.of() : List.copyOf(alloggiPosseduti);
    }

    public boolean condizione(String nome) {
        return Boolean.TRUE.equals(condizioni.get(nome));
    }
}
