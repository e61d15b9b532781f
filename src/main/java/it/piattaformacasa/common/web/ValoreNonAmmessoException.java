package it.piattaformacasa.common.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;

/**
 * A value of a JSON body refused while it is read, with the reason in Italian; Jackson adds the path of the field, so
 * the answer names it ({@code errori: [{campo, messaggio}]}).
 */
public class ValoreNonAmmessoException extends InvalidFormatException {

    private final String motivo;

    ValoreNonAmmessoException(JsonParser parser, String motivo, Class<?> tipo) {
        super(parser, motivo, null, tipo);
        this.motivo = motivo;
    }

    public String motivo() {
        return motivo;
    }
}
