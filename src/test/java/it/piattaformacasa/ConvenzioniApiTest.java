package it.piattaformacasa;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Constraint;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Every request body of the API is bounded before it reaches a service or the database (issue 9): validated
 * ({@code @Valid}) down to its nested records and list elements, every text with a maximum length, every decimal with
 * {@code @Digits} that fits its column, every list and map with a maximum size and no null elements, every constraint
 * with its own Italian message. Control characters, dates and numeric magnitudes are checked for all bodies at once
 * by the JSON reader ({@code JsonDellApi}); this test makes sure a new endpoint cannot forget the rest.
 */
class ConvenzioniApiTest {

    @Test
    void ogniCorpoDiRichiestaEValidatoELimitato() {
        List<String> problemi = new ArrayList<>();
        int corpi = 0;
        for (Class<?> controller : controller()) {
            for (Method metodo : controller.getDeclaredMethods()) {
                if (!mappato(metodo)) {
                    continue;
                }
                for (Parameter parametro : metodo.getParameters()) {
                    if (!parametro.isAnnotationPresent(RequestBody.class)) {
                        continue;
                    }
                    corpi++;
                    String dove = controller.getSimpleName() + "." + metodo.getName();
                    if (!parametro.isAnnotationPresent(Valid.class)) {
                        problemi.add(dove + ": il corpo non ha @Valid");
                    }
                    problemi.addAll(verifica(dove, parametro.getAnnotatedType(), parametro, true));
                }
            }
        }
        assertThat(corpi).as("corpi di richiesta trovati (la scansione vede i controller)").isGreaterThanOrEqualTo(15);
        assertThat(problemi).isEmpty();
    }

    /** The check itself can fail: a body like those of before issue 9 is reported field by field. */
    @Test
    void unCorpoSenzaLimitiVieneSegnalato() throws Exception {
        Method metodo = Esempio.class.getDeclaredMethod("senzaLimiti", Esempio.Corpo.class);
        List<String> problemi = verifica("Esempio", metodo.getParameters()[0].getAnnotatedType(), metodo.getParameters()[0], true);
        assertThat(problemi).anySatisfy(p -> assertThat(p).contains("nome", "@Size"))
                .anySatisfy(p -> assertThat(p).contains("importo", "@Digits"))
                .anySatisfy(p -> assertThat(p).contains("voci", "@Size"))
                .anySatisfy(p -> assertThat(p).contains("voci[]", "@NotNull"))
                .anySatisfy(p -> assertThat(p).contains("interno", "@Valid"))
                .anySatisfy(p -> assertThat(p).contains("codice", "messaggio"));
    }

    static class Esempio {
        record Interno(String testo) {
        }

        record Corpo(String nome, BigDecimal importo, List<String> voci, Interno interno,
                     @Size(max = 3) String codice) {
        }

        void senzaLimiti(@RequestBody Corpo corpo) {
        }
    }

    private static List<String> verifica(String dove, AnnotatedType tipo, AnnotatedElement elemento, boolean radice) {
        List<String> problemi = new ArrayList<>();
        Class<?> classe = classe(tipo);
        List<Annotation> annotazioni = new ArrayList<>(Arrays.asList(tipo.getAnnotations()));
        if (elemento != null) {
            annotazioni.addAll(Arrays.asList(elemento.getAnnotations()));
        }
        for (Annotation a : annotazioni) {
            if (a.annotationType().isAnnotationPresent(Constraint.class) && messaggio(a).startsWith("{")) {
                problemi.add(dove + ": " + a.annotationType().getSimpleName() + " senza un messaggio in italiano");
            }
        }
        if (classe == String.class) {
            if (annotazioni.stream().noneMatch(a -> a instanceof Size || a instanceof Pattern)) {
                problemi.add(dove + ": testo senza @Size(max)");
            }
        } else if (classe == BigDecimal.class) {
            if (annotazioni.stream().noneMatch(a -> a instanceof Digits)) {
                problemi.add(dove + ": decimale senza @Digits");
            }
        } else if (Collection.class.isAssignableFrom(classe) || Map.class.isAssignableFrom(classe)) {
            if (annotazioni.stream().noneMatch(a -> a instanceof Size || a.annotationType().getSimpleName().equals("NotEmpty"))
                    || annotazioni.stream().noneMatch(a -> a instanceof Size)) {
                problemi.add(dove + ": elenco senza @Size(max)");
            }
            if (tipo instanceof AnnotatedParameterizedType parametrizzato) {
                AnnotatedType[] argomenti = parametrizzato.getAnnotatedActualTypeArguments();
                AnnotatedType elementi = argomenti[argomenti.length - 1];
                if (classe(elementi) != Object.class) {
                    if (!elementi.isAnnotationPresent(NotNull.class)) {
                        problemi.add(dove + "[]: elementi senza @NotNull");
                    }
                    problemi.addAll(verifica(dove + "[]", elementi, null, false));
                }
            }
        } else if (classe.isRecord() && classe.getName().startsWith("it.piattaformacasa")) {
            if (!radice && annotazioni.stream().noneMatch(a -> a instanceof Valid)) {
                problemi.add(dove + ": oggetto annidato senza @Valid");
            }
            for (RecordComponent componente : classe.getRecordComponents()) {
                problemi.addAll(verifica(dove + "." + componente.getName(), componente.getAnnotatedType(), componente, false));
            }
        }
        return problemi;
    }

    private static Class<?> classe(AnnotatedType tipo) {
        java.lang.reflect.Type t = tipo.getType();
        if (t instanceof java.lang.reflect.ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        return t instanceof Class<?> c ? c : Object.class;
    }

    private static String messaggio(Annotation a) {
        try {
            return String.valueOf(a.annotationType().getMethod("message").invoke(a));
        } catch (ReflectiveOperationException e) {
            return "";
        }
    }

    private static boolean mappato(Method metodo) {
        return Stream.of(metodo.getAnnotations()).anyMatch(a -> a.annotationType().isAnnotationPresent(RequestMapping.class)
                || a instanceof RequestMapping);
    }

    private static List<Class<?>> controller() {
        ClassPathScanningCandidateComponentProvider scansione = new ClassPathScanningCandidateComponentProvider(false);
        scansione.addIncludeFilter(new AnnotationTypeFilter(RestController.class));
        return scansione.findCandidateComponents("it.piattaformacasa").stream()
                .<Class<?>>map(b -> ClassUtils.resolveClassName(b.getBeanClassName(), ConvenzioniApiTest.class.getClassLoader()))
                .toList();
    }
}
