package it.piattaformacasa.domanda;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import it.piattaformacasa.anagrafe.RelazioneParentela;
import it.piattaformacasa.common.Importo;

/** A domanda as submitted, already parsed into value types (the web layer validates shape and formats). */
public record DatiDomanda(List<Componente> nucleo, String codiceIstatResidenza, LocalDate residenteLombardiaDal,
                          LocalDate residenteComuneDal, boolean lavoroInLombardia, Importo isee, String protocolloDsu,
                          LocalDate dataDsu, Importo patrimonio, boolean titolareAlloggioAdeguato,
                          boolean attestazioneServiziSociali, Map<String, Boolean> condizioni, List<Long> alloggi) {

    public record Componente(String codiceFiscale, String nome, String cognome, LocalDate dataNascita,
                             RelazioneParentela relazione, int percentualeInvalidita, boolean indennitaAccompagnamento,
                             boolean handicapGrave, boolean disoccupato) {
    }

    /** Declared family and housing conditions (Allegato 1): the keys the domanda accepts. */
    public static final List<String> CONDIZIONI = List.of("famigliaNuovaFormazione", "rilascioAlloggio", "alloggioImproprio",
            "coabitazione", "sovraffollamento", "alloggioAntigienico", "barriereArchitettoniche");

    public boolean condizione(String nome) {
        return Boolean.TRUE.equals(condizioni.get(nome));
    }
}
