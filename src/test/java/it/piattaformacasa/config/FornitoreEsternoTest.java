package it.piattaformacasa.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

/**
 * The external provider's side of issue 14 without a second platform: a minimal OpenID Connect issuer (discovery and
 * keys over HTTP, as a Keycloak with the SPID broker publishes them) and the platform's client registration and
 * bearer-token decoder configured against it, as {@code PIATTAFORMA_OIDC_EMITTENTE} configures them.
 */
class FornitoreEsternoTest {

    private HttpServer server;
    private String emittente;
    private RSAKey chiave;

    @BeforeEach
    void emittente() throws Exception {
        chiave = new RSAKeyGenerator(2048).keyID("chiave-regione").generate();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        emittente = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/sap";
        String scoperta = """
                {"issuer":"%1$s","authorization_endpoint":"%1$s/protocol/openid-connect/auth",
                 "token_endpoint":"%1$s/protocol/openid-connect/token","jwks_uri":"%1$s/protocol/openid-connect/certs",
                 "end_session_endpoint":"%1$s/protocol/openid-connect/logout","response_types_supported":["code"],
                 "subject_types_supported":["public"],"id_token_signing_alg_values_supported":["RS256"]}""".formatted(emittente);
        rispondi("/realms/sap/.well-known/openid-configuration", scoperta);
        rispondi("/realms/sap/protocol/openid-connect/certs", new JWKSet(chiave.toPublicJWK()).toString());
        server.start();
    }

    private void rispondi(String percorso, String json) {
        server.createContext(percorso, scambio -> {
            byte[] corpo = json.getBytes(StandardCharsets.UTF_8);
            scambio.getResponseHeaders().add("Content-Type", "application/json");
            scambio.sendResponseHeaders(200, corpo.length);
            scambio.getResponseBody().write(corpo);
            scambio.close();
        });
    }

    @AfterEach
    void ferma() {
        server.stop(0);
    }

    private AccessoOidcConfiguration.Fornitore fornitore(String pubblico) {
        return new AccessoOidcConfiguration().fornitoreIdentita(emittente, "piattaforma-casa", "segreto",
                List.of("openid", "profile"), pubblico);
    }

    @Test
    void laRegistrazioneDelClientSiLeggeDallaScopertaDellEmittente() {
        AccessoOidcConfiguration.Fornitore fornitore = fornitore("");
        assertThat(fornitore.incorporato()).isFalse();
        ClientRegistration registrazione = new AccessoOidcConfiguration().registrazioniClient(fornitore, new MockEnvironment(),
                new StaticListableBeanFactory().getBeanProvider(FornitoreIdentitaIncorporato.ClientIncorporato.class))
                .findByRegistrationId(AccessoOidcConfiguration.REGISTRAZIONE);

        assertThat(registrazione.getClientId()).isEqualTo("piattaforma-casa");
        assertThat(registrazione.getProviderDetails().getAuthorizationUri()).isEqualTo(emittente + "/protocol/openid-connect/auth");
        assertThat(registrazione.getProviderDetails().getTokenUri()).isEqualTo(emittente + "/protocol/openid-connect/token");
        assertThat(registrazione.getProviderDetails().getIssuerUri()).isEqualTo(emittente);
        // what «Esci» uses to end the provider's session too (RP-initiated logout)
        assertThat(registrazione.getProviderDetails().getConfigurationMetadata().get("end_session_endpoint"))
                .isEqualTo(emittente + "/protocol/openid-connect/logout");
        assertThat(registrazione.getRedirectUri()).isEqualTo("{baseUrl}/login/oauth2/code/{registrationId}");
    }

    @Test
    void unTokenDellEmittentePerLaPiattaformaEAccettatoGliAltriNo() throws Exception {
        @SuppressWarnings("unchecked")
        org.springframework.beans.factory.ObjectProvider<JWKSource<SecurityContext>> nessunaChiaveIncorporata =
                (org.springframework.beans.factory.ObjectProvider<JWKSource<SecurityContext>>) (Object) new StaticListableBeanFactory()
                        .getBeanProvider(JWKSource.class);
        JwtDecoder decodifica = new AccessoOidcConfiguration().decodificaToken(fornitore("piattaforma-casa"), nessunaChiaveIncorporata);

        Jwt valido = decodifica.decode(token(emittente, "piattaforma-casa", chiave));
        assertThat(valido.getClaimAsString("fiscalNumber")).isEqualTo("TINIT-RSSMRA80A01F205X");

        assertThatThrownBy(() -> decodifica.decode(token(emittente, "un-altro-servizio", chiave)))
                .isInstanceOf(JwtException.class).hasMessageContaining("non è destinato alla Piattaforma Casa");
        assertThatThrownBy(() -> decodifica.decode(token("http://127.0.0.1:1/realms/altro", "piattaforma-casa", chiave)))
                .isInstanceOf(JwtException.class);
        RSAKey estranea = new RSAKeyGenerator(2048).keyID("chiave-regione").generate();
        assertThatThrownBy(() -> decodifica.decode(token(emittente, "piattaforma-casa", estranea)))
                .isInstanceOf(JwtException.class);
    }

    private static String token(String emittente, String pubblico, RSAKey firma) throws Exception {
        Instant adesso = Instant.now();
        JWTClaimsSet attestazioni = new JWTClaimsSet.Builder().issuer(emittente).audience(pubblico).subject("f:1234")
                .claim("fiscalNumber", "TINIT-RSSMRA80A01F205X").issueTime(Date.from(adesso))
                .expirationTime(Date.from(adesso.plusSeconds(300))).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(firma.getKeyID()).type(JOSEObjectType.JWT).build(),
                attestazioni);
        jwt.sign(new RSASSASigner(firma));
        return jwt.serialize();
    }
}
