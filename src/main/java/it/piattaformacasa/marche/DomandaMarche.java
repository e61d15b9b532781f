package it.piattaformacasa.marche;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A domanda filed at a Marche Comune's desk (seed 004, «Inserisci domanda», passi 1–5), as saved.
 *
 * @param passo              the furthest step saved so far (1 … 5)
 * @param fasceSpuntate      the bands ticked for the conditions without a parameter (passi 3 and 4)
 * @param valoriDichiarati   values the operator entered for parametric conditions the desk cannot compute
 *                           (ANNI_PARTECIPAZIONE, seed 004: «deve essere calcolato dall'operatore»)
 * @param versioneCondizioni the grid version the score is computed with, set at the first save of passo 3 (or 4)
 * @param punteggio          the working score («Punteggio di lavoro»), null before passo 3
 * @param faseGraduatoria    ISTRUTTORIA, PROVVISORIA or DEFINITIVA: what may still change depends on it
 * @param gestibile          whether the caller may change it (Gestione avviso of the bando's ente)
 */
public record DomandaMarche(long id, long bandoId, int numero, LocalDate dataPresentazione, int passo, Anagrafica anagrafica,
                            Map<String, Boolean> requisiti, boolean monoparentale, List<ComponenteMarche> componenti,
                            Map<ContenitoreCondizione, Set<String>> fasceSpuntate,
                            Map<ParametroCondizione, BigDecimal> valoriDichiarati, Integer versioneCondizioni,
                            BigDecimal punteggio, List<PunteggioGriglia.Voce> punteggioDettaglio, Esito esito,
                            String creataDa, Instant creataIl, String modificataDa, Instant modificataIl, long version,
                            String faseGraduatoria, boolean gestibile) {

    /** «COGNOME NOME», as the seed's lists show the applicant. */
    public String nominativo() {
        return ((anagrafica.cognome() == null ? "" : anagrafica.cognome()) + " "
                + (anagrafica.nome() == null ? "" : anagrafica.nome())).strip();
    }

    /** Passo 1, «Anagrafica del richiedente» (seed 004, Fig. 14). */
    public record Anagrafica(String cognome, String nome, String sesso, LocalDate dataNascita, String luogoNascita,
                             String codiceFiscale, String nazionalita, String residenteA, String indirizzo, String cap,
                             boolean residenteEstero, LocalDate residenteDal, String anniPresentazione, BigDecimal isee) {
    }

    /**
     * A member of the nucleo other than the applicant (seed 004, Fig. 15–16: «Il richiedente non deve essere riportato
     * nell'elenco»). {@code invalidita}: certified percentage (condition SOGGETTIVA 4).
     */
    public record ComponenteMarche(String cognome, String nome, LocalDate dataNascita, String luogoNascita, String codiceFiscale,
                                   String parentela, String attivitaLavorativa, BigDecimal invalidita, boolean aCarico) {
    }

    /** Passo 5, «Riepilogo» (seed 004, Fig. 19). */
    public record Esito(boolean esclusa, String motivoEsclusione, boolean alloggioAssegnato, Integer annoAssegnazione,
                        String motivoNonAssegnazione, String note) {
    }

    /** A row of «Ricerca domande» (seed 004, Fig. 21). */
    public record Riga(long id, int numero, String nominativo, String codiceFiscale, LocalDate dataPresentazione,
                       BigDecimal punteggio, int passo) {
    }
}
