package it.piattaformacasa.common.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;

import it.piattaformacasa.common.TestoSicuro;

/**
 * How the API reads JSON, for every request body at once: the shape checks that no field-level annotation can do,
 * because they happen while the value is parsed. Texts refuse control characters ({@link TestoSicuro}); dates and
 * instants must be ISO strings between {@value #ANNO_MINIMO} and {@value #ANNO_MASSIMO}, so PostgreSQL never sees a
 * year it cannot store (its date range ends long before Java's); decimals have a sane magnitude before any
 * {@code @Digits} looks at them (a {@code 1E+999999999} would otherwise reach code that expands it); an integer field
 * refuses {@code 50.5} instead of truncating it to 50 (a {@code null}, like a field left out, is the default: false, 0,
 * and {@code @NotNull} where a value is required); a key written twice in an object is an error, not «the last one
 * wins». The engine REST API has a mapper of its own and is not affected.
 */
@Configuration(proxyBeanMethods = false)
public class JsonDellApi {

    static final int ANNO_MINIMO = 1900;
    static final int ANNO_MASSIMO = 2199;
    static final LocalDate DATA_MINIMA = LocalDate.of(ANNO_MINIMO, 1, 1);
    static final LocalDate DATA_MASSIMA = LocalDate.of(ANNO_MASSIMO, 12, 31);
    /** Digits before and after the decimal point a number of the API may have at most; columns are narrower still. */
    static final int CIFRE_INTERE = 15;
    static final int CIFRE_DECIMALI = 10;

    @Bean
    Jackson2ObjectMapperBuilderCustomizer inputRigoroso() {
        return builder -> builder
                .featuresToDisable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .featuresToEnable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .postConfigurer(mapper -> {
                    // a number or a boolean where a text is expected, and 1/0 for true/false, are type errors
                    mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
                    mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
                });
    }

    /** Registered after Jackson's java.time module, so these readers replace its ones for the API. */
    @Bean
    Module inputDellApi() {
        SimpleModule modulo = new SimpleModule("input-dell-api");
        modulo.addDeserializer(String.class, new TestoDeserializer(false));
        modulo.addKeyDeserializer(String.class, new ChiaveDeserializer());
        modulo.addDeserializer(LocalDate.class, new DataDeserializer());
        modulo.addDeserializer(Instant.class, new IstanteDeserializer());
        modulo.addDeserializer(BigDecimal.class, new DecimaleDeserializer());
        return modulo;
    }

    static ValoreNonAmmessoException nonAmmesso(JsonParser p, String motivo, Class<?> tipo) {
        return new ValoreNonAmmessoException(p, motivo, tipo);
    }

    static final class TestoDeserializer extends StdScalarDeserializer<String> implements ContextualDeserializer {

        private final boolean libero;

        TestoDeserializer(boolean libero) {
            super(String.class);
            this.libero = libero;
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
            boolean campoLibero = property != null && property.getAnnotation(TestoLibero.class) != null;
            return campoLibero == libero ? this : new TestoDeserializer(campoLibero);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                throw nonAmmesso(p, "deve essere un testo tra virgolette", String.class);
            }
            String testo = p.getText();
            var problema = TestoSicuro.problema(testo, libero);
            if (problema.isPresent()) {
                throw nonAmmesso(p, "il testo " + problema.get(), String.class);
            }
            return testo;
        }
    }

    static final class ChiaveDeserializer extends KeyDeserializer {
        @Override
        public Object deserializeKey(String chiave, DeserializationContext ctxt) throws IOException {
            var problema = TestoSicuro.problema(chiave, false);
            if (problema.isPresent()) {
                throw nonAmmesso(ctxt.getParser(), "il nome " + problema.get(), String.class);
            }
            return chiave;
        }
    }

    static final class DataDeserializer extends StdScalarDeserializer<LocalDate> {

        DataDeserializer() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String formato = "data nel formato aaaa-mm-gg (es. 2025-03-01)";
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                throw nonAmmesso(p, "deve essere una " + formato, LocalDate.class);
            }
            LocalDate data;
            try {
                data = LocalDate.parse(p.getText().strip(), DateTimeFormatter.ISO_LOCAL_DATE);
            } catch (DateTimeParseException e) {
                throw nonAmmesso(p, "data inesistente o non nel formato aaaa-mm-gg (es. 2025-03-01)", LocalDate.class);
            }
            if (data.isBefore(DATA_MINIMA) || data.isAfter(DATA_MASSIMA)) {
                throw nonAmmesso(p, "data fuori dall'intervallo ammesso (dal 01/01/" + ANNO_MINIMO + " al 31/12/" + ANNO_MASSIMO + ")",
                        LocalDate.class);
            }
            return data;
        }
    }

    static final class IstanteDeserializer extends StdScalarDeserializer<Instant> {

        IstanteDeserializer() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String formato = "data e ora nel formato ISO 8601 con il fuso (es. 2027-02-01T09:30:00+01:00)";
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                throw nonAmmesso(p, "deve essere una " + formato, Instant.class);
            }
            Instant istante;
            try {
                istante = DateTimeFormatter.ISO_DATE_TIME.parse(p.getText().strip(), Instant::from);
            } catch (java.time.DateTimeException e) {
                throw nonAmmesso(p, "data e ora inesistenti o non nel formato ISO 8601 con il fuso (es. 2027-02-01T09:30:00+01:00)",
                        Instant.class);
            }
            int anno = istante.atOffset(ZoneOffset.UTC).getYear();
            if (anno < ANNO_MINIMO || anno > ANNO_MASSIMO) {
                throw nonAmmesso(p, "data e ora fuori dall'intervallo ammesso (dal " + ANNO_MINIMO + " al " + ANNO_MASSIMO + ")",
                        Instant.class);
            }
            return istante;
        }
    }

    static final class DecimaleDeserializer extends StdScalarDeserializer<BigDecimal> {

        DecimaleDeserializer() {
            super(BigDecimal.class);
        }

        @Override
        public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.hasToken(JsonToken.VALUE_TRUE) || p.hasToken(JsonToken.VALUE_FALSE)) {
                throw nonAmmesso(p, "deve essere un numero", BigDecimal.class);
            }
            BigDecimal valore = NumberDeserializers.BigDecimalDeserializer.instance.deserialize(p, ctxt);
            if (valore != null && valore.precision() - valore.scale() > CIFRE_INTERE) {
                throw nonAmmesso(p, "numero troppo grande", BigDecimal.class);
            }
            if (valore != null && valore.scale() > CIFRE_DECIMALI) {
                throw nonAmmesso(p, "troppe cifre decimali", BigDecimal.class);
            }
            return valore;
        }
    }
}
