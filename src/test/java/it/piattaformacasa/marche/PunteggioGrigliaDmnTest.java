package it.piattaformacasa.marche;

import static it.piattaformacasa.marche.ContenitoreCondizione.OGGETTIVA_1;
import static it.piattaformacasa.marche.ContenitoreCondizione.OGGETTIVA_2;
import static it.piattaformacasa.marche.ContenitoreCondizione.SOGGETTIVA_1;
import static it.piattaformacasa.marche.ContenitoreCondizione.SOGGETTIVA_2;
import static it.piattaformacasa.marche.ContenitoreCondizione.SOGGETTIVA_4;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import it.piattaformacasa.common.DatiNonValidiException;
import it.piattaformacasa.marche.PunteggioGriglia.DatiPunteggio;
import it.piattaformacasa.marche.PunteggioGriglia.Punteggio;
import it.piattaformacasa.marche.PunteggioGriglia.Voce;
import it.piattaformacasa.regole.RegoleDerivate;
import it.piattaformacasa.regole.kie.KieDmnRuntime;
import it.piattaformacasa.regole.kie.ModelliDerivati;

/** The Region's model grid scored through its derived DMN model, on KIE, without Spring (issue 15, ADR 16). */
class PunteggioGrigliaDmnTest {

    private static final GrigliaCondizioni MODELLO = new ModelloCondizioni().griglia();
    private static final RegoleDerivate REGOLE = new RegoleDerivate(new ModelliDerivati(20));
    private static final PunteggioGrigliaDmn PUNTEGGIO = new PunteggioGrigliaDmn(REGOLE);

    private static Punteggio calcola(DatiPunteggio dati) {
        return PUNTEGGIO.calcola(1, 1, MODELLO, dati);
    }

    private static Voce voce(Punteggio p, ContenitoreCondizione c) {
        return p.voci().stream().filter(v -> v.condizione() == c).findFirst().orElseThrow();
    }

    @Test
    void iseeComponentiNonCumulabiliEPerOgni() {
        Punteggio p = calcola(new DatiPunteggio(
                Map.of(ParametroCondizione.ISEE, new BigDecimal("4800"), ParametroCondizione.COMPONENTI, new BigDecimal("3"),
                        ParametroCondizione.INVALIDITA, new BigDecimal("100")),
                Map.of(OGGETTIVA_1, Set.of("a"), OGGETTIVA_2, Set.of("a")),
                Map.of(SOGGETTIVA_4, 2)));

        assertThat(voce(p, SOGGETTIVA_1).fascia()).isEqualTo("a");
        assertThat(voce(p, SOGGETTIVA_1).punti()).isEqualByComparingTo("5");
        assertThat(voce(p, SOGGETTIVA_1).spiegazione()).contains("SOGGETTIVA 1 fascia a", "fino a 5.142,58", "5 punti")
                .endsWith("; Valore ISEE (€): 4.800,00")
                .as("the band's text is on the line already").doesNotContain("«");
        assertThat(voce(p, SOGGETTIVA_2).punti()).isEqualByComparingTo("2");
        // invalidity 100% is band b (3 points) and the «per ogni» band c counts twice (2 points), both listed
        assertThat(p.voci()).filteredOn(v -> v.condizione() == SOGGETTIVA_4)
                .extracting(Voce::fascia, v -> v.punti().toPlainString()).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("b", "3.00"), org.assertj.core.groups.Tuple.tuple("c", "2.00"));
        // OGGETTIVA 1 (3) and 2 (2) are not cumulative: only 3 counts, 2 is listed as not counted
        assertThat(voce(p, OGGETTIVA_1).contata()).isTrue();
        assertThat(voce(p, OGGETTIVA_2).contata()).isFalse();
        assertThat(voce(p, OGGETTIVA_2).punti()).isEqualByComparingTo("2");
        // 5 + 2 + 3 + 2 + 3
        assertThat(p.totale()).isEqualTo(new BigDecimal("15.00"));
    }

    @Test
    void ilModelloDerivatoPassaLaValidazioneDelCatalogo() {
        String dmn = PUNTEGGIO.dmn(1, 1, MODELLO);
        assertThat(KieDmnRuntime.problemi("bando-1-condizioni-v1.dmn", dmn.getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void dueLettereSonoUn400CheNominaLaCondizione() {
        assertThatThrownBy(() -> calcola(new DatiPunteggio(Map.of(), Map.of(ContenitoreCondizione.OGGETTIVA_5, Set.of("a", "b")), Map.of())))
                .isInstanceOf(DatiNonValidiException.class)
                .satisfies(e -> assertThat(((DatiNonValidiException) e).errori()).anySatisfy(err -> {
                    assertThat(err.campo()).isEqualTo("spuntate.OGGETTIVA_5");
                    assertThat(err.messaggio()).contains("OGGETTIVA 5");
                }));
    }

    @Test
    void iLimitiDelleFasceSonoInclusiInAltoEdEsclusiInBasso() {
        assertThat(voce(calcola(iseE("5142.58")), SOGGETTIVA_1).fascia()).isEqualTo("a");
        Punteggio b = calcola(iseE("5142.59"));
        assertThat(voce(b, SOGGETTIVA_1).fascia()).isEqualTo("b");
        assertThat(b.totale()).isEqualTo(new BigDecimal("3.50"));
        assertThat(voce(calcola(iseE("10285.16")), SOGGETTIVA_1).fascia()).isEqualTo("c");
        // beyond the last band: no points, no line
        Punteggio oltre = calcola(iseE("10285.17"));
        assertThat(oltre.voci()).isEmpty();
        assertThat(oltre.totale()).isEqualTo(new BigDecimal("0.00"));
    }

    @Test
    void unParametroAssenteNonDaPuntiEIlTotaleHaDueDecimali() {
        Punteggio vuoto = calcola(new DatiPunteggio(Map.of(), Map.of(), Map.of()));
        assertThat(vuoto.voci()).isEmpty();
        assertThat(vuoto.totale()).isEqualTo(new BigDecimal("0.00"));
        // one child up to 10 years: half a point
        Punteggio mezzo = calcola(new DatiPunteggio(Map.of(ParametroCondizione.MINORI, BigDecimal.ONE), Map.of(), Map.of()));
        assertThat(mezzo.totale()).isEqualTo(new BigDecimal("0.50"));
        assertThat(mezzo.totale().scale()).isEqualTo(2);
        assertThat(voce(mezzo, ContenitoreCondizione.SOGGETTIVA_5).spiegazione())
                .contains("SOGGETTIVA 5 fascia a", "0,50 punti", "Numero dei minori di età non superiore ai 10 anni: 1");
    }

    @Test
    void unaFasciaPerOgniSenzaRipetizioniContaIlValoreDelParametro() {
        // SOGGETTIVA 9: 0,5 points for each year of participation
        Punteggio anni = calcola(new DatiPunteggio(Map.of(ParametroCondizione.ANNI_PARTECIPAZIONE, new BigDecimal("4")), Map.of(), Map.of()));
        assertThat(voce(anni, ContenitoreCondizione.SOGGETTIVA_9).punti()).isEqualTo(new BigDecimal("2.00"));
        assertThat(anni.totale()).isEqualTo(new BigDecimal("2.00"));
    }

    @Test
    void aParitaDiPuntiContaLaPrimaDelGruppo() {
        // OGGETTIVA 1 and 4 both give 3 points and are in the same group: only the first counts
        Punteggio p = calcola(new DatiPunteggio(Map.of(), Map.of(OGGETTIVA_1, Set.of("a"), ContenitoreCondizione.OGGETTIVA_4, Set.of("a")), Map.of()));
        assertThat(voce(p, OGGETTIVA_1).contata()).isTrue();
        assertThat(voce(p, ContenitoreCondizione.OGGETTIVA_4).contata()).isFalse();
        assertThat(p.totale()).isEqualTo(new BigDecimal("3.00"));
        // OGGETTIVA 5 is in no group: it adds up
        Punteggio conCinque = calcola(new DatiPunteggio(Map.of(), Map.of(OGGETTIVA_2, Set.of("a"),
                ContenitoreCondizione.OGGETTIVA_5, Set.of("e")), Map.of()));
        assertThat(conCinque.totale()).isEqualTo(new BigDecimal("6.00"));
        assertThat(voce(conCinque, ContenitoreCondizione.OGGETTIVA_5).testo()).contains("sgombero");
    }

    @Test
    void datiIncoerentiSonoUn400ConIlCampo() {
        assertErrore(new DatiPunteggio(Map.of(), Map.of(ContenitoreCondizione.OGGETTIVA_5, Set.of("g")), Map.of()),
                "spuntate.OGGETTIVA_5", "la fascia «g» non esiste in OGGETTIVA 5 (fasce da a a f)");
        assertErrore(new DatiPunteggio(Map.of(), Map.of(SOGGETTIVA_1, Set.of("a")), Map.of()),
                "spuntate.SOGGETTIVA_1", "si calcola dal valore");
        assertErrore(new DatiPunteggio(Map.of(), Map.of(), Map.of(OGGETTIVA_1, 2)), "ripetizioni.OGGETTIVA_1", "non ha fasce «per ogni»");
        assertErrore(new DatiPunteggio(Map.of(), Map.of(), Map.of(SOGGETTIVA_4, -1)), "ripetizioni.SOGGETTIVA_4", "negativo");
        assertErrore(new DatiPunteggio(Map.of(ParametroCondizione.ISEE, new BigDecimal("100.123")), Map.of(), Map.of()),
                "valori.ISEE", "al più 2 decimali");
        // a condition the bando does not use
        GrigliaCondizioni senzaSette = new GrigliaCondizioni(MODELLO.condizioni().stream()
                .map(c -> c.contenitore() == ContenitoreCondizione.SOGGETTIVA_7 ? c.conFasce(java.util.List.of()) : c).toList());
        assertThatThrownBy(() -> PUNTEGGIO.calcola(1, 2, senzaSette, new DatiPunteggio(Map.of(),
                Map.of(ContenitoreCondizione.SOGGETTIVA_7, Set.of("a")), Map.of())))
                .isInstanceOfSatisfying(DatiNonValidiException.class, e -> assertThat(e.errori())
                        .anySatisfy(err -> assertThat(err.messaggio()).contains("non è usata dal bando")));
    }

    @Test
    void unaGrigliaCheIlModelloNonEsprimeEUn400() {
        // SOGGETTIVA 1 has the ISEE as parameter: band c without bounds could not be chosen by the value
        GrigliaCondizioni senzaLimiti = new GrigliaCondizioni(MODELLO.condizioni().stream().map(c -> {
            if (c.contenitore() != SOGGETTIVA_1) {
                return c;
            }
            var fasce = new java.util.ArrayList<>(c.fasce());
            var f = fasce.get(2);
            fasce.set(2, new GrigliaCondizioni.Fascia(f.testo(), f.punti(), null, null, false, false, null));
            return c.conFasce(fasce);
        }).toList());
        assertThat(senzaLimiti.errori()).isEmpty();
        assertThatThrownBy(() -> PUNTEGGIO.dmn(1, 3, senzaLimiti)).isInstanceOfSatisfying(DatiNonValidiException.class,
                e -> assertThat(e.errori()).anySatisfy(err -> {
                    assertThat(err.campo()).isEqualTo("condizioni[0].fasce[2]");
                    assertThat(err.messaggio()).contains("SOGGETTIVA 1, fascia c");
                }));
    }

    @Test
    void ilModelloSiCompilaUnaVoltaPerContenuto() {
        ModelliDerivati modelli = new ModelliDerivati(2);
        PunteggioGrigliaDmn punteggio = new PunteggioGrigliaDmn(new RegoleDerivate(modelli));
        DatiPunteggio dati = iseE("4800");
        long inizio = System.nanoTime();
        punteggio.calcola(7, 1, MODELLO, dati);
        long prima = System.nanoTime() - inizio;
        inizio = System.nanoTime();
        for (int i = 0; i < 100; i++) {
            punteggio.calcola(7, 1, MODELLO, dati);
        }
        long cento = System.nanoTime() - inizio;
        assertThat(modelli.compilazioni()).isEqualTo(1);
        // the same content reaches the port again (another bean, another generation): still compiled once
        new PunteggioGrigliaDmn(new RegoleDerivate(modelli)).calcola(7, 1, MODELLO, dati);
        assertThat(modelli.compilazioni()).isEqualTo(1);
        // another version is another model; the cache is bounded (2): the third evicts the least recently used
        punteggio.calcola(7, 2, MODELLO, dati);
        punteggio.calcola(7, 3, MODELLO, dati);
        assertThat(modelli.compilazioni()).isEqualTo(3);
        assertThat(modelli.compilatiInMemoria()).isEqualTo(2);
        System.out.printf("Griglia del modello: prima valutazione (con compilazione) %.0f ms, poi %.2f ms per valutazione%n",
                prima / 1e6, cento / 1e6 / 100);
    }

    private static DatiPunteggio iseE(String isee) {
        return new DatiPunteggio(Map.of(ParametroCondizione.ISEE, new BigDecimal(isee)), Map.of(), Map.of());
    }

    private static void assertErrore(DatiPunteggio dati, String campo, String motivo) {
        assertThatThrownBy(() -> calcola(dati)).isInstanceOfSatisfying(DatiNonValidiException.class, e -> assertThat(e.errori())
                .anySatisfy(err -> {
                    assertThat(err.campo()).isEqualTo(campo);
                    assertThat(err.messaggio()).contains(motivo);
                }));
    }
}
