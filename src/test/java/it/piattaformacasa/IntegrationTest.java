package it.piattaformacasa;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * One Spring context for the whole suite (same annotations everywhere, so Spring's test context cache reuses it),
 * on a real embedded PostgreSQL with the demo ambito loaded. The application's clock follows the engine's
 * ({@link OrologioDiProva}), so a test that moves time moves both.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(OrologioDiProva.class)
public @interface IntegrationTest {
}
