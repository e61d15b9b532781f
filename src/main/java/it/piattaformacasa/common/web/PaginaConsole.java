package it.piattaformacasa.common.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller of console pages (issue 12): its refusals and failures are shown as a page of the console
 * ({@link ErroriConsole}), not as the API's JSON problems.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface PaginaConsole {
}
