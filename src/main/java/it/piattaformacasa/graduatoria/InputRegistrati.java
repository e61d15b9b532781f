package it.piattaformacasa.graduatoria;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import it.piattaformacasa.domanda.DomandaInGraduatoria;
import it.piattaformacasa.domanda.DomandaInGraduatoria.AlloggioScelto;

/**
 * The inputs of a generation as its run record keeps them: one gzip'd JSON document, an array per domanda in the order
 * of {@link #COLONNE}, its alloggi as arrays in the order of {@link #COLONNE_ALLOGGIO}. Decimals are written as their
 * exact text (the digest reads their scale), instants and dates in ISO-8601. At 100k domande: 2.8 MB written in about
 * 0.2 s, where a table row per domanda took 24 MB and 1.4 s of the closing (README, benchmarks).
 */
final class InputRegistrati {

    static final int FORMATO = 1;
    static final List<String> COLONNE = List.of("id", "isbar", "residenteComuneDal", "residenteLombardiaDal", "puntiFamiliare",
            "puntiAbitativo", "puntiEconomico", "presentataIl", "indigente", "codiceIstatResidenza", "membroCategorie", "alloggi");
    static final List<String> COLONNE_ALLOGGIO = List.of("alloggioId", "enteId", "comuneId", "codiceIstatComune", "preferenza");

    private static final JsonFactory JSON = new JsonFactory();

    private InputRegistrati() {
    }

    static byte[] comprimi(List<DomandaInGraduatoria> input) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
        // the fastest deflate level: the record is written inside the closing of the avviso, a few % more bytes are cheap
        try (OutputStream gzip = new GZIPOutputStream(bytes, 64 * 1024) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        }; JsonGenerator json = JSON.createGenerator(gzip)) {
            json.writeStartObject();
            json.writeNumberField("formato", FORMATO);
            scriviNomi(json, "colonne", COLONNE);
            scriviNomi(json, "colonneAlloggio", COLONNE_ALLOGGIO);
            json.writeArrayFieldStart("domande");
            for (DomandaInGraduatoria d : input) {
                json.writeStartArray();
                json.writeNumber(d.id());
                json.writeNumber(d.isbar().toPlainString());
                json.writeString(d.residenteComuneDal() == null ? null : d.residenteComuneDal().toString());
                json.writeString(d.residenteLombardiaDal() == null ? null : d.residenteLombardiaDal().toString());
                json.writeNumber(d.puntiFamiliare().toPlainString());
                json.writeNumber(d.puntiAbitativo().toPlainString());
                json.writeNumber(d.puntiEconomico().toPlainString());
                json.writeString(d.presentataIl().toString());
                json.writeBoolean(d.indigente());
                json.writeString(d.codiceIstatResidenza());
                json.writeBoolean(d.membroCategorie());
                json.writeStartArray();
                for (AlloggioScelto a : d.alloggi()) {
                    json.writeStartArray();
                    json.writeNumber(a.alloggioId());
                    json.writeNumber(a.enteId());
                    json.writeNumber(a.comuneId());
                    json.writeString(a.codiceIstatComune());
                    json.writeNumber(a.preferenza());
                    json.writeEndArray();
                }
                json.writeEndArray();
                json.writeEndArray();
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void scriviNomi(JsonGenerator json, String campo, List<String> nomi) throws IOException {
        json.writeArrayFieldStart(campo);
        for (String nome : nomi) {
            json.writeString(nome);
        }
        json.writeEndArray();
    }

    static List<DomandaInGraduatoria> leggi(byte[] compressi) {
        List<DomandaInGraduatoria> input = new ArrayList<>();
        try (InputStream gzip = new GZIPInputStream(new ByteArrayInputStream(compressi), 64 * 1024);
             JsonParser json = JSON.createParser(gzip)) {
            atteso(json, JsonToken.START_OBJECT);
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String campo = json.currentName();
                json.nextToken();
                switch (campo) {
                    case "formato" -> {
                        if (json.getIntValue() != FORMATO) {
                            throw new IllegalStateException("Formato degli input registrati sconosciuto: " + json.getIntValue());
                        }
                    }
                    case "domande" -> {
                        while (json.nextToken() == JsonToken.START_ARRAY) {
                            input.add(domanda(json));
                        }
                    }
                    default -> json.skipChildren();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return input;
    }

    private static DomandaInGraduatoria domanda(JsonParser json) throws IOException {
        long id = numero(json).longValue();
        BigDecimal isbar = numero(json);
        LocalDate comuneDal = data(json);
        LocalDate lombardiaDal = data(json);
        BigDecimal familiare = numero(json);
        BigDecimal abitativo = numero(json);
        BigDecimal economico = numero(json);
        Instant presentata = Instant.parse(testo(json));
        boolean indigente = vero(json);
        String istat = testo(json);
        boolean categorie = vero(json);
        atteso(json, JsonToken.START_ARRAY);
        List<AlloggioScelto> alloggi = new ArrayList<>();
        while (json.nextToken() == JsonToken.START_ARRAY) {
            alloggi.add(new AlloggioScelto(numero(json).longValue(), numero(json).longValue(), numero(json).longValue(),
                    testo(json), numero(json).intValue()));
            atteso(json, JsonToken.END_ARRAY);
        }
        atteso(json, JsonToken.END_ARRAY);
        return new DomandaInGraduatoria(id, isbar, comuneDal, lombardiaDal, familiare, abitativo, economico, presentata,
                indigente, istat, categorie, alloggi);
    }

    /** Exact: the number's own text, so 17.500 stays 17.500. */
    private static BigDecimal numero(JsonParser json) throws IOException {
        json.nextToken();
        return new BigDecimal(json.getText());
    }

    private static LocalDate data(JsonParser json) throws IOException {
        return json.nextToken() == JsonToken.VALUE_NULL ? null : LocalDate.parse(json.getText());
    }

    private static String testo(JsonParser json) throws IOException {
        json.nextToken();
        return json.getText();
    }

    private static boolean vero(JsonParser json) throws IOException {
        JsonToken token = json.nextToken();
        if (token != JsonToken.VALUE_TRUE && token != JsonToken.VALUE_FALSE) {
            throw new IllegalStateException("Input registrati illeggibili: atteso un booleano a " + json.currentLocation());
        }
        return token == JsonToken.VALUE_TRUE;
    }

    private static void atteso(JsonParser json, JsonToken token) throws IOException {
        if (json.nextToken() != token) {
            throw new IllegalStateException("Input registrati illeggibili: atteso " + token + ", trovato " + json.currentToken()
                    + " a " + json.currentLocation());
        }
    }
}
