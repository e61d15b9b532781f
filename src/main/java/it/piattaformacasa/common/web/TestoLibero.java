package it.piattaformacasa.common.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A free-text field of a request (notes, reasons): besides the characters every text accepts, it may hold new lines
 * and tabs. Every other text field of the API refuses them (see {@link it.piattaformacasa.common.TestoSicuro}).
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface TestoLibero {
}
