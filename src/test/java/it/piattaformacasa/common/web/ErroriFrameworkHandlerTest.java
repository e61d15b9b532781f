package it.piattaformacasa.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.junit.jupiter.api.Test;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * The two advices never compete: ErroriFrameworkHandler runs first, so a type it handles that is the same as, a
 * supertype or a subtype of one of ApiExceptionHandler's would take that exception away from it, depending only on
 * the order. If this fails after a handler was added to either class, move it or pick disjoint types.
 */
class ErroriFrameworkHandlerTest {

    @Test
    void iTipiGestitiDalleDueAdviceSonoDisgiunti() {
        // Exception is ApiExceptionHandler's safety net: reached only by what no specific handler of either takes
        List<Class<?>> api = gestiti(ApiExceptionHandler.class).stream().filter(c -> c != Exception.class).toList();
        List<Class<?>> framework = gestiti(ErroriFrameworkHandler.class);
        assertThat(api).isNotEmpty();
        assertThat(framework).isNotEmpty();
        for (Class<?> nostro : framework) {
            for (Class<?> loro : api) {
                assertThat(nostro.isAssignableFrom(loro) || loro.isAssignableFrom(nostro))
                        .as(nostro.getSimpleName() + " e " + loro.getSimpleName() + " sono nella stessa gerarchia")
                        .isFalse();
            }
        }
    }

    @Test
    void lOrdineTraLeDueAdviceEDichiarato() {
        Order ordine = AnnotationUtils.findAnnotation(ErroriFrameworkHandler.class, Order.class);
        assertThat(ordine).isNotNull();
        // ApiExceptionHandler has no order, i.e. the lowest: a lower value is a deterministic «before it»
        assertThat(AnnotationUtils.findAnnotation(ApiExceptionHandler.class, Order.class)).isNull();
        assertThat(ordine.value()).isLessThan(Ordered.LOWEST_PRECEDENCE);
    }

    private static List<Class<?>> gestiti(Class<?> advice) {
        return Arrays.stream(advice.getDeclaredMethods())
                .map(m -> AnnotationUtils.findAnnotation(m, ExceptionHandler.class))
                .filter(Objects::nonNull)
                .flatMap(a -> Arrays.stream(a.value()))
                .<Class<?>>map(c -> c)
                .toList();
    }
}
