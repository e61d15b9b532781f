package it.piattaformacasa.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The console's pagination: page numbers from 1, the rows shown, links around the current page. */
class PaginazioneConsoleTest {

    @Test
    void laPaginaCentraleHaLaPrimaLUltimaEDueVociPerLatoConIPuntiniTraLeLontane() {
        PaginazioneConsole p = PaginazioneConsole.di(10, 25, 100_000, n -> "/x?pagina=" + n);
        assertThat(p.pagine()).isEqualTo(4_000);
        assertThat(p.dal()).isEqualTo(226);
        assertThat(p.al()).isEqualTo(250);
        assertThat(p.indice()).isEqualTo(9);
        assertThat(p.precedente()).isEqualTo("/x?pagina=9");
        assertThat(p.successiva()).isEqualTo("/x?pagina=11");
        assertThat(p.voci()).extracting(PaginazioneConsole.Voce::numero).containsExactly(1, 0, 8, 9, 10, 11, 12, 0, 4_000);
        assertThat(p.voci()).filteredOn(PaginazioneConsole.Voce::corrente).extracting(PaginazioneConsole.Voce::numero)
                .containsExactly(10);
    }

    @Test
    void unaPaginaOltreLaFineMostraLUltimaEUnElencoVuotoNessunaRiga() {
        PaginazioneConsole oltre = PaginazioneConsole.di(9, 25, 30, n -> "/x?pagina=" + n);
        assertThat(oltre.pagina()).isEqualTo(2);
        assertThat(oltre.dal()).isEqualTo(26);
        assertThat(oltre.al()).isEqualTo(30);
        assertThat(oltre.successiva()).isNull();

        PaginazioneConsole vuota = PaginazioneConsole.di(1, 25, 0, n -> "/x?pagina=" + n);
        assertThat(vuota.pagine()).isEqualTo(1);
        assertThat(vuota.dal()).isZero();
        assertThat(vuota.al()).isZero();
        assertThat(vuota.precedente()).isNull();
        assertThat(vuota.successiva()).isNull();
    }
}
