package it.piattaformacasa;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The body of an ordinary, admissible domanda (one richiedente resident in Varese since 2005, ISEE 7.000 €,
 * coabitazione), for tests about something else than the domanda itself: only the richiedente and the chosen alloggi
 * change.
 */
public final class DomandaDiProva {

    private DomandaDiProva() {
    }

    /** @param codiceFiscale a valid codice fiscale; the birth date is read from it (19yy-mm-01) */
    public static String json(String codiceFiscale, long... alloggi) {
        String nascita = "19" + codiceFiscale.substring(6, 8) + "-01-01";
        return "{\"nucleo\":[{\"codiceFiscale\":\"" + codiceFiscale + "\",\"nome\":\"Prova\",\"cognome\":\"Richiedente\","
                + "\"dataNascita\":\"" + nascita + "\",\"relazione\":\"RICHIEDENTE\",\"percentualeInvalidita\":0}],"
                + "\"residenza\":{\"codiceIstatComune\":\"012133\",\"residenteLombardiaDal\":\"2000-01-01\","
                + "\"residenteComuneDal\":\"2005-01-01\"},"
                + "\"isee\":{\"valore\":7000,\"protocolloDsu\":\"INPS-ISEE-2026-" + codiceFiscale.substring(0, 6) + "\","
                + "\"dataDsu\":\"2026-01-20\"},\"patrimonio\":0,\"condizioni\":{\"coabitazione\":true},"
                + "\"alloggi\":[" + Arrays.stream(alloggi).mapToObj(Long::toString).collect(Collectors.joining(",")) + "]}";
    }
}
