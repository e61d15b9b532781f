package it.piattaformacasa.common.web;

import java.beans.PropertyEditorSupport;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;

import org.springframework.context.annotation.Configuration;
import org.springframework.format.Formatter;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import it.piattaformacasa.common.TestoSicuro;

/**
 * The text and dates of query parameters, path variables and headers get the same checks as the JSON bodies
 * ({@link JsonDellApi}): no control characters (new lines and tabs only in the free-text {@value #LIBERI_DESCRITTI}),
 * dates in ISO format within the years the API accepts.
 */
@Configuration(proxyBeanMethods = false)
@ControllerAdvice(basePackages = "it.piattaformacasa")
public class ParametriDellaRichiesta implements WebMvcConfigurer {

    static final String LIBERI_DESCRITTI = "motivo, nota, note";
    private static final Set<String> LIBERI = Set.of("motivo", "nota", "note");

    /** A parameter refused with a reason in Italian; the answer names the parameter. */
    public static class ParametroNonValidoException extends IllegalArgumentException {
        public ParametroNonValidoException(String motivo) {
            super(motivo);
        }
    }

    /** The binder of a request parameter, path variable or header is named after it. */
    @InitBinder
    void testoSicuro(WebDataBinder binder) {
        boolean libero = binder.getObjectName() != null && LIBERI.contains(binder.getObjectName());
        binder.registerCustomEditor(String.class, new PropertyEditorSupport() {
            @Override
            public void setAsText(String testo) {
                TestoSicuro.problema(testo, libero).ifPresent(problema -> {
                    throw new ParametroNonValidoException("il testo " + problema);
                });
                setValue(testo);
            }
        });
    }

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addFormatterForFieldType(LocalDate.class, new Formatter<LocalDate>() {
            @Override
            public LocalDate parse(String testo, Locale locale) {
                LocalDate data;
                try {
                    data = LocalDate.parse(testo.strip(), DateTimeFormatter.ISO_LOCAL_DATE);
                } catch (DateTimeParseException e) {
                    throw new ParametroNonValidoException("data inesistente o non nel formato aaaa-mm-gg (es. 2025-03-01)");
                }
                if (data.isBefore(JsonDellApi.DATA_MINIMA) || data.isAfter(JsonDellApi.DATA_MASSIMA)) {
                    throw new ParametroNonValidoException("data fuori dall'intervallo ammesso (dal 01/01/" + JsonDellApi.ANNO_MINIMO
                            + " al 31/12/" + JsonDellApi.ANNO_MASSIMO + ")");
                }
                return data;
            }

            @Override
            public String print(LocalDate data, Locale locale) {
                return data.toString();
            }
        });
    }
}
