package it.piattaformacasa.operatori;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

class MemoriaAccessiTest {

    private static final List<GrantedAuthority> GRUPPI = List.of(new SimpleGrantedAuthority("GROUP_ente-00215400128"));

    private final AtomicLong adesso = new AtomicLong(1_000);
    private final MemoriaAccessi memoria = new MemoriaAccessi(Duration.ofSeconds(30), adesso::get);

    @Test
    void unAccessoRiuscitoVieneRicordatoSoloConLaStessaPassword() {
        memoria.ricorda("aler.avviso", "demo", GRUPPI);

        assertThat(memoria.cerca("aler.avviso", "demo")).contains(GRUPPI);
        assertThat(memoria.cerca("aler.avviso", "Demo")).isEmpty();
        assertThat(memoria.cerca("aler.istruttoria", "demo")).isEmpty();
    }

    @Test
    void ilRicordoScadeDopoLaDurataConfigurata() {
        memoria.ricorda("aler.avviso", "demo", GRUPPI);

        adesso.addAndGet(Duration.ofSeconds(30).toNanos());
        assertThat(memoria.cerca("aler.avviso", "demo")).as("still within 30 s").isPresent();
        adesso.addAndGet(1);
        assertThat(memoria.cerca("aler.avviso", "demo")).isEmpty();
    }

    @Test
    void dimenticareUnUtenteObbligaAVerificareDiNuovoLaPassword() {
        memoria.ricorda("aler.avviso", "demo", GRUPPI);
        memoria.dimentica("aler.avviso");

        assertThat(memoria.cerca("aler.avviso", "demo")).isEmpty();
    }

    @Test
    void conDurataZeroNonRicordaNulla() {
        MemoriaAccessi spenta = new MemoriaAccessi(Duration.ZERO, adesso::get);
        spenta.ricorda("aler.avviso", "demo", GRUPPI);

        assertThat(spenta.cerca("aler.avviso", "demo")).isEmpty();
    }
}
