package it.piattaformacasa.domanda;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The fingerprint an Idempotency-Key is bound to: SHA-256 of the parsed domanda written canonically (properties and
 * map keys sorted, dates ISO, amounts at their scale of cents), so the same content is the same request whatever its
 * whitespace, field order or «5200» against «5200.00». A mapper of its own: a change to the application's JSON
 * settings must not change the fingerprints already stored.
 */
final class ImprontaDomanda {

    private record Richiesta(DatiDomanda domanda, CorpoAppartenenza corpoAppartenenza) {
    }

    private static final ObjectMapper CANONICO = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private ImprontaDomanda() {
    }

    static String di(DatiDomanda dati, CorpoAppartenenza corpo) {
        try {
            byte[] canonica = CANONICO.writeValueAsBytes(new Richiesta(dati, corpo));
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonica));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Impronta della domanda non calcolabile", e);
        }
    }
}
