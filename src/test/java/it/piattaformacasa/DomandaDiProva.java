package it.piattaformacasa;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The body of an ordinary, admissible domanda (one richiedente resident in Varese since 2005, ISEE 7.000 €,
 * coabitazione), for tests about something else than the domanda itself: a test changes only what it is about
 * ({@code unaDomanda(cf, alloggio).conIsee(2_500).conComponente(...)}).
 */
public final class DomandaDiProva {

    private final String codiceFiscale;
    private final long[] alloggi;
    private final List<String> altriComponenti = new ArrayList<>();
    private String residenza = "012133";
    private String lavoro;
    private int isee = 7_000;
    private boolean attestazioneServiziSociali;
    private String condizioni = "\"coabitazione\":true";

    private DomandaDiProva(String codiceFiscale, long... alloggi) {
        this.codiceFiscale = codiceFiscale;
        this.alloggi = alloggi.clone();
    }

    /** @param codiceFiscale a valid codice fiscale; the birth date is read from it (19yy-mm-01) */
    public static DomandaDiProva unaDomanda(String codiceFiscale, long... alloggi) {
        return new DomandaDiProva(codiceFiscale, alloggi);
    }

    /** The ordinary domanda as it is. */
    public static String json(String codiceFiscale, long... alloggi) {
        return unaDomanda(codiceFiscale, alloggi).json();
    }

    public DomandaDiProva conIsee(int euro) {
        isee = euro;
        return this;
    }

    /** The social services attest the indigence (art. 13 co. 1). */
    public DomandaDiProva conAttestazioneServiziSociali() {
        attestazioneServiziSociali = true;
        return this;
    }

    /** Works in that comune (ISTAT code): art. 9 lets the domanda choose alloggi there too. */
    public DomandaDiProva lavoraA(String codiceIstatComune) {
        lavoro = codiceIstatComune;
        return this;
    }

    /** Resident in that comune (ISTAT code) since 2005, instead of Varese. */
    public DomandaDiProva residenteA(String codiceIstatComune) {
        residenza = codiceIstatComune;
        return this;
    }

    /** The declared conditions (names of {@code DatiDomanda.CONDIZIONI}) instead of coabitazione. */
    public DomandaDiProva conCondizioni(String... nomi) {
        condizioni = Arrays.stream(nomi).map(n -> "\"" + n + "\":true").collect(Collectors.joining(","));
        return this;
    }

    /**
     * Another member of the nucleo, an adult born in 1960.
     *
     * @param handicapGrave severe handicap recognised under art. 3 co. 3 L. 104/1992, not the civil invalidity
     */
    public DomandaDiProva conComponente(String codiceFiscale, String relazione, int percentualeInvalidita,
                                        boolean indennitaAccompagnamento, boolean handicapGrave) {
        altriComponenti.add("{\"codiceFiscale\":\"" + codiceFiscale + "\",\"nome\":\"Componente\",\"cognome\":\"Di Prova\","
                + "\"dataNascita\":\"1960-01-01\",\"relazione\":\"" + relazione + "\",\"percentualeInvalidita\":"
                + percentualeInvalidita + ",\"indennitaAccompagnamento\":" + indennitaAccompagnamento
                + ",\"handicapGrave\":" + handicapGrave + "}");
        return this;
    }

    public String json() {
        String nascita = "19" + codiceFiscale.substring(6, 8) + "-01-01";
        List<String> nucleo = new ArrayList<>();
        nucleo.add("{\"codiceFiscale\":\"" + codiceFiscale + "\",\"nome\":\"Prova\",\"cognome\":\"Richiedente\","
                + "\"dataNascita\":\"" + nascita + "\",\"relazione\":\"RICHIEDENTE\",\"percentualeInvalidita\":0}");
        nucleo.addAll(altriComponenti);
        return "{\"nucleo\":[" + String.join(",", nucleo) + "],"
                + "\"residenza\":{\"codiceIstatComune\":\"" + residenza + "\",\"residenteLombardiaDal\":\"2000-01-01\","
                + "\"residenteComuneDal\":\"2005-01-01\"},"
                + (lavoro == null ? "" : "\"lavoro\":{\"codiceIstatComune\":\"" + lavoro + "\"},")
                + "\"isee\":{\"valore\":" + isee + ",\"protocolloDsu\":\"INPS-ISEE-2026-" + codiceFiscale.substring(0, 6) + "\","
                + "\"dataDsu\":\"2026-01-20\"},\"patrimonio\":0,"
                + (attestazioneServiziSociali ? "\"attestazioneServiziSociali\":true," : "")
                + "\"condizioni\":{" + condizioni + "},"
                + "\"alloggi\":[" + Arrays.stream(alloggi).mapToObj(Long::toString).collect(Collectors.joining(",")) + "]}";
    }
}
