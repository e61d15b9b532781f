package it.piattaformacasa;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * One Spring context for the whole suite (same annotations everywhere, so Spring's test context cache reuses it),
 * on a real embedded PostgreSQL with the demo ambito loaded. The application's clock is the engine's, so a test
 * that moves time ({@link OrologioDiProva}) moves both.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public @interface IntegrationTest {
}
