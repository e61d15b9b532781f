package it.piattaformacasa.domanda;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What ranking needs of a domanda (ISBAR, the art. 12 co. 3 tie-break attributes, flags, chosen alloggi). */
public record DomandaInGraduatoria(long id, BigDecimal isbar, LocalDate residenteComuneDal, LocalDate residenteLombardiaDal,
                                   BigDecimal puntiFamiliare, BigDecimal puntiAbitativo, BigDecimal puntiEconomico,
                                   Instant presentataIl, boolean indigente, String codiceIstatResidenza,
                                   boolean membroCategorie, List<AlloggioScelto> alloggi) {

    /** A chosen alloggio with its owner and comune, in the applicant's order of preference (0 = first). */
    public record AlloggioScelto(long alloggioId, long enteId, long comuneId, String codiceIstatComune, int preferenza) {
    }
}
