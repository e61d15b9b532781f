package it.piattaformacasa.regole;

import static it.piattaformacasa.regole.DatiRequisitiBuilder.datiRequisiti;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The explanation returned with every evaluation: rule, article, inputs; one per evaluation, also concurrently. */
class SpiegazioneTest {

    private final RequisitiEconomici requisiti = RegoleDiTest.requisitiEconomici();

    @Test
    void laSpiegazioneDellIndigenzaCitaLArticoloTredici() {
        EsitoRequisiti esito = requisiti.valuta(datiRequisiti().conIsee("2500").build());

        assertThat(esito.indigente()).isTrue();
        assertThat(esito.spiegazione())
                .extracting(RegolaApplicata::descrizione)
                .anySatisfy(descrizione -> assertThat(descrizione).contains("art. 13"));
        assertThat(esito.regoleDi(RequisitiEconomici.DECISIONE_INDIGENZA))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.numero()).isEqualTo(1);
                    assertThat(r.descrizione()).isEqualTo(
                            "ISEE fino a 3.000 €, attestazione non richiesta: indigente (art. 13 co. 1 r.r. 4/2017)");
                    assertThat(r.input()).containsOnlyKeys(
                            "isee", "attestazioneRichiesta", "attestazioneServiziSociali");
                });
    }

    @Test
    void laSpiegazioneHaUnaRegolaPerOgniTabellaDecisionale() {
        EsitoRequisiti esito = requisiti.valuta(datiRequisiti().build());

        assertThat(esito.spiegazione())
                .extracting(RegolaApplicata::decisione)
                .containsExactlyInAnyOrder(
                        RequisitiEconomici.DECISIONE_REQUISITO_ISEE,
                        RequisitiEconomici.DECISIONE_INDIGENZA,
                        RequisitiEconomici.DECISIONE_SOGLIA_PATRIMONIALE);
    }

    @Test
    void valutazioniConcorrentiRicevonoCiascunaSoloLaPropriaSpiegazione() throws Exception {
        int valutazioni = 400;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch via = new CountDownLatch(1);
        List<Future<EsitoRequisiti>> esiti = new ArrayList<>();
        try {
            for (int i = 0; i < valutazioni; i++) {
                DatiRequisiti dati = datiRequisiti().conIsee(String.valueOf(i * 20)).build();
                esiti.add(pool.submit(() -> {
                    via.await();
                    return requisiti.valuta(dati);
                }));
            }
            via.countDown();

            for (int i = 0; i < valutazioni; i++) {
                BigDecimal isee = BigDecimal.valueOf(i * 20L);
                EsitoRequisiti esito = esiti.get(i).get(30, TimeUnit.SECONDS);
                assertThat(esito.spiegazione()).hasSize(3);
                assertThat(esito.indigente()).isEqualTo(isee.compareTo(new BigDecimal("3000")) <= 0);
                assertThat(esito.regoleDi(RequisitiEconomici.DECISIONE_INDIGENZA))
                        .singleElement()
                        .satisfies(r -> {
                            assertThat(r.numero()).isEqualTo(esito.indigente() ? 1 : 4);
                            assertThat((BigDecimal) r.input().get("isee")).isEqualByComparingTo(isee);
                        });
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
