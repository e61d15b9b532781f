package it.piattaformacasa.marche;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The Region's «bando tipo» that «Copia da modello» copies into a bando (seed 004, Fig. 9), shipped as data in
 * {@code marche/modello-condizioni.json}: what the manual gives, and the values it does not give marked
 * {@code provvisoria} with a note. Read and validated once at start-up: a broken model stops the application.
 */
@Component
public class ModelloCondizioni {

    static final String RISORSA = "marche/modello-condizioni.json";

    /** The file's shape: a description and its sources around the grid. */
    record File(String descrizione, String fonte, java.util.List<GrigliaCondizioni.Condizione> condizioni) {
    }

    private final GrigliaCondizioni griglia;
    private final String fonte;

    public ModelloCondizioni() {
        ObjectMapper json = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try (InputStream in = new ClassPathResource(RISORSA).getInputStream()) {
            File file = json.readValue(in, File.class);
            GrigliaCondizioni letta = new GrigliaCondizioni(file.condizioni());
            if (!letta.errori().isEmpty()) {
                throw new IllegalStateException("Il modello " + RISORSA + " non è valido: " + letta.errori());
            }
            this.griglia = letta.ordinata();
            this.fonte = file.fonte();
        } catch (IOException e) {
            throw new UncheckedIOException("Modello delle condizioni illeggibile: " + RISORSA, e);
        }
    }

    public GrigliaCondizioni griglia() {
        return griglia;
    }

    public String fonte() {
        return fonte;
    }
}
