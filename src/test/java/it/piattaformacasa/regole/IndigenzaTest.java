package it.piattaformacasa.regole;

import static it.piattaformacasa.regole.DatiRequisitiBuilder.datiRequisiti;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Table «Indigenza» of rules/requisiti-economici.dmn (art. 13 co. 1 r.r. 4/2017), with the social-services
 * attestation as a configurable requirement (REGULATION §3.2).
 */
class IndigenzaTest {

    @ParameterizedTest(name = "ISEE {0}, attestazione richiesta {1}, presente {2} → indigente {3} (regola {4})")
    @CsvSource({
            // isee,  richiesta, presente, indigente, regola
            "0,       false,     false,    true,      1",
            "3000,    false,     false,    true,      1",
            "3000,    false,     true,     true,      1",
            "3000,    true,      true,     true,      2",
            "2999.99, true,      true,     true,      2",
            "3000,    true,      false,    false,     3",
            "0,       true,      false,    false,     3",
            "3000.01, false,     false,    false,     4",
            "3000.01, true,      true,     false,     4",
            "16000,   false,     true,     false,     4"
    })
    void indigenteConIseeFinoATremilaEuroEAttestazioneSeRichiesta(
            String isee, boolean richiesta, boolean presente, boolean indigente, int regola) {
        EsitoRequisiti esito = RegoleDiTest.requisitiEconomici().valuta(datiRequisiti()
                .conIsee(isee)
                .conAttestazioneRichiesta(richiesta)
                .conAttestazioneServiziSociali(presente)
                .build());

        assertThat(esito.indigente()).isEqualTo(indigente);
        assertThat(esito.regoleDi(RequisitiEconomici.DECISIONE_INDIGENZA))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.numero()).isEqualTo(regola);
                    assertThat(r.descrizione()).contains("art. 13 co. 1");
                    assertThat(r.input())
                            .containsEntry("attestazioneRichiesta", richiesta)
                            .containsEntry("attestazioneServiziSociali", presente);
                });
    }
}
