package it.piattaformacasa.common.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import it.piattaformacasa.common.web.ApiExceptionHandler.ErroreCampo;

/**
 * What went wrong while reading a JSON body, as the field (its path, {@code nucleo[0].dataNascita}; {@code corpo} for
 * the body as a whole) and the reason in Italian. Jackson's own messages are English and name Java types: they are
 * never shown.
 */
final class ErroriDiLettura {

    static final String CORPO = "corpo";

    private ErroriDiLettura() {
    }

    /** A body that is not JSON at all (syntax), as opposed to JSON with a wrong value. */
    static boolean sintassi(Throwable causa) {
        return causa instanceof StreamReadException && !(causa instanceof InputCoercionException)
                || causa instanceof JsonMappingException m && m.getCause() instanceof StreamReadException s
                && !(s instanceof InputCoercionException);
    }

    static ErroreCampo errore(Throwable causa) {
        if (causa instanceof JsonMappingException mapping) {
            return new ErroreCampo(campo(percorso(mapping.getPath())), motivo(mapping));
        }
        if (causa instanceof StreamReadException lettura) {
            JsonParser parser = lettura.getProcessor();
            String campo = parser != null ? percorso(parser.getParsingContext()) : "";
            return new ErroreCampo(campo(campo), motivoSintassi(lettura));
        }
        return new ErroreCampo(CORPO, "il corpo della richiesta manca o non è un JSON valido");
    }

    private static String motivo(JsonMappingException mapping) {
        if (mapping instanceof ValoreNonAmmessoException nonAmmesso) {
            return nonAmmesso.motivo();
        }
        if (mapping.getCause() instanceof InputCoercionException coercizione) {
            return interi(coercizione.getTargetType()) ? "numero intero fuori dall'intervallo ammesso"
                    : "numero fuori dall'intervallo ammesso";
        }
        if (mapping.getCause() instanceof StreamReadException lettura) {
            return motivoSintassi(lettura);
        }
        if (mapping instanceof InvalidFormatException formato) {
            Class<?> tipo = formato.getTargetType();
            if (tipo != null && tipo.isEnum()) {
                return "valore «" + eco(formato.getValue()) + "» non ammesso (ammessi: " + ammessi(tipo) + ")";
            }
            return perTipo(tipo);
        }
        if (mapping instanceof MismatchedInputException mismatch) {
            boolean nullo = mismatch.getProcessor() instanceof JsonParser parser && parser.currentToken() == JsonToken.VALUE_NULL
                    || String.valueOf(mismatch.getOriginalMessage()).contains("`null`");
            return nullo ? "obbligatorio: " + perTipo(mismatch.getTargetType()) : perTipo(mismatch.getTargetType());
        }
        return "valore non valido";
    }

    private static String motivoSintassi(StreamReadException lettura) {
        String messaggio = String.valueOf(lettura.getOriginalMessage());
        if (messaggio.startsWith("Duplicate field")) {
            return "indicato più volte nello stesso oggetto";
        }
        if (messaggio.contains("end-of-input")) {
            return "il JSON si interrompe prima della fine";
        }
        return "JSON non valido in questo punto (testi tra virgolette, numeri senza NaN o Infinity, nessun carattere di controllo)";
    }

    static String perTipo(Class<?> tipo) {
        if (tipo == null) {
            return "valore non valido";
        }
        if (tipo.isEnum()) {
            return "valore non ammesso (ammessi: " + ammessi(tipo) + ")";
        }
        if (interi(tipo)) {
            return "deve essere un numero intero";
        }
        if (Number.class.isAssignableFrom(tipo) || tipo == double.class || tipo == float.class) {
            return "deve essere un numero";
        }
        if (tipo == boolean.class || tipo == Boolean.class) {
            return "deve essere true o false";
        }
        if (tipo == String.class) {
            return "deve essere un testo tra virgolette";
        }
        if (tipo == LocalDate.class) {
            return "deve essere una data nel formato aaaa-mm-gg";
        }
        if (tipo == Instant.class) {
            return "deve essere una data e ora nel formato ISO 8601 con il fuso";
        }
        if (Collection.class.isAssignableFrom(tipo) || tipo.isArray()) {
            return "deve essere un elenco tra parentesi quadre";
        }
        if (Map.class.isAssignableFrom(tipo)) {
            return "deve essere un oggetto tra parentesi graffe";
        }
        return "deve essere un oggetto tra parentesi graffe con i suoi campi";
    }

    private static boolean interi(Class<?> tipo) {
        return List.of(int.class, Integer.class, long.class, Long.class, short.class, Short.class, byte.class, Byte.class,
                java.math.BigInteger.class).contains(tipo);
    }

    private static String ammessi(Class<?> tipo) {
        return Arrays.stream(tipo.getEnumConstants()).map(c -> ((Enum<?>) c).name()).collect(Collectors.joining(", "));
    }

    /** The offending value, shortened and stripped of anything that is not printable. */
    static String eco(Object valore) {
        String testo = String.valueOf(valore).codePoints()
                .filter(c -> !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT
                        && Character.getType(c) != Character.SURROGATE)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return testo.length() > 40 ? testo.substring(0, 40) + "…" : testo;
    }

    private static String campo(String percorso) {
        return percorso.isEmpty() ? CORPO : percorso;
    }

    static String percorso(List<JsonMappingException.Reference> riferimenti) {
        StringBuilder percorso = new StringBuilder();
        for (JsonMappingException.Reference r : riferimenti) {
            if (r.getFieldName() != null) {
                percorso.append(percorso.isEmpty() ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                percorso.append('[').append(r.getIndex()).append(']');
            }
        }
        return percorso.toString();
    }

    /** Where the parser was when the text stopped being JSON. */
    private static String percorso(JsonStreamContext contesto) {
        StringBuilder percorso = new StringBuilder();
        for (JsonStreamContext c = contesto; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inObject() && c.getCurrentName() != null) {
                percorso.insert(0, (c.getParent() != null && c.getParent().inRoot() ? "" : ".") + c.getCurrentName());
            } else if (c.inArray() && c.getEntryCount() > 0) {
                percorso.insert(0, "[" + c.getCurrentIndex() + "]");
            }
        }
        String risultato = percorso.toString();
        return risultato.startsWith(".") ? risultato.substring(1) : risultato;
    }
}
