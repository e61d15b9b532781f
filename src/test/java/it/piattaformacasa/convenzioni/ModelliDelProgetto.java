package it.piattaformacasa.convenzioni;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The model files of the project, read from the source folders rather than the classpath: the conventions are
 * about what is committed and opened in Camunda Modeler. Maven runs tests with the module directory as working
 * directory, so the paths are relative to the project root.
 */
public final class ModelliDelProgetto {

    public static final Path PROCESSI = Path.of("processes");
    public static final Path REGOLE = Path.of("rules");
    public static final Path FORM = Path.of("forms");

    private ModelliDelProgetto() {
    }

    public static List<Path> bpmn() {
        return file(PROCESSI, ".bpmn");
    }

    public static List<Path> dmn() {
        return file(REGOLE, ".dmn");
    }

    public static List<Path> form() {
        return file(FORM, ".form");
    }

    /** {@code processes/avviso.bpmn} → {@code avviso}. */
    public static String nomeSenzaEstensione(Path file) {
        String nome = file.getFileName().toString();
        int punto = nome.lastIndexOf('.');
        return punto < 0 ? nome : nome.substring(0, punto);
    }

    private static List<Path> file(Path cartella, String estensione) {
        if (!Files.isDirectory(cartella)) {
            // the guard test reports the empty list; a missing folder is the same failure
            return List.of();
        }
        try (Stream<Path> percorsi = Files.walk(cartella)) {
            return percorsi
                    .filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(estensione))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Impossibile leggere " + cartella.toAbsolutePath(), e);
        }
    }
}
