package it.piattaformacasa.config;

import static it.piattaformacasa.DemoUtenti.ADMIN;
import static it.piattaformacasa.DemoUtenti.CAPOFILA;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.CompositeHealth;
import org.springframework.boot.actuate.health.HealthComponent;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.HealthEndpointGroups;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.web.server.LocalServerPort;

import it.piattaformacasa.ClientHttp;
import it.piattaformacasa.IntegrationTest;

/**
 * The probes a load balancer and the kubelet call (issue 17, docs/deploy): anonymous, the status only; readiness
 * follows the database and the engine, liveness does not (a database outage must not restart every node); the
 * metrics stay for administrators.
 */
@IntegrationTest
class SondeTest {

    @LocalServerPort
    int port;
    @Autowired
    HealthEndpointGroups gruppi;
    @Autowired
    HealthEndpoint salute;
    ClientHttp http;

    @BeforeEach
    void client() {
        http = new ClientHttp(port);
    }

    @Test
    void leSondeRispondonoSenzaCredenzialiConLoStatoSoltanto() {
        for (String sonda : new String[] {"/actuator/health/liveness", "/actuator/health/readiness", "/actuator/health"}) {
            ClientHttp.Risposta risposta = http.get(sonda);
            assertThat(risposta.status()).as(sonda).isEqualTo(200);
            assertThat(risposta.json().get("status").asText()).as(sonda).isEqualTo("UP");
            // no component, no detail (the database's address, the engine's name) to whoever asks
            assertThat(risposta.body()).as(sonda).doesNotContain("components", "details", "jdbc", "PostgreSQL");
        }
        // a probe with the credentials a balancer might send by mistake still answers, and says no more
        ClientHttp.Risposta conCredenziali = http.get("/actuator/health/readiness", ADMIN);
        assertThat(conCredenziali.status()).isEqualTo(200);
        assertThat(conCredenziali.body()).doesNotContain("components");
    }

    @Test
    void laProntezzaComprendeLAvvioEIlMotoreNonIlDatabase() {
        assertThat(gruppi.get("readiness").isMember("readinessState")).isTrue();
        // not the database: its check shares the requests' pool, and a burst would take every node out at once
        assertThat(gruppi.get("readiness").isMember("db")).isFalse();
        assertThat(gruppi.get("readiness").isMember("processEngine")).isTrue();
        assertThat(gruppi.get("liveness").isMember("livenessState")).isTrue();
        assertThat(gruppi.get("liveness").isMember("db")).isFalse();

        // the members exist and answer (a name nobody registers would silently be left out of the group)
        HealthComponent prontezza = salute.healthForPath("readiness");
        assertThat(prontezza.getStatus()).isEqualTo(Status.UP);
        Map<String, HealthComponent> componenti = ((CompositeHealth) prontezza).getComponents();
        assertThat(componenti).containsOnlyKeys("readinessState", "processEngine");
        componenti.forEach((nome, c) -> assertThat(c.getStatus()).as(nome).isEqualTo(Status.UP));
    }

    @Test
    void leMetricheRestanoAgliAmministratori() {
        assertThat(prometheus(null).status()).isEqualTo(401);
        assertThat(prometheus(CAPOFILA).status()).isEqualTo(403);
        assertThat(prometheus(ADMIN).status()).isEqualTo(200);
        // the rest of the actuator is not exposed: /actuator/env is nobody's page (the console sends to «Accedi»)
        assertThat(http.get("/actuator/env", ADMIN).status()).isNotEqualTo(200);
    }

    private ClientHttp.Risposta prometheus(String utente) {
        return http.invia(http.richiesta("/actuator/prometheus", utente).setHeader("Accept", "text/plain").GET().build());
    }
}
