package it.piattaformacasa.convenzioni;

import java.io.IOException;
import java.nio.file.Path;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;

/** The platform's safe XML parsing ({@link it.piattaformacasa.common.XmlSicuro}) for the model files of the repository. */
public final class XmlSicuro {

    private XmlSicuro() {
    }

    public static Document leggi(Path file) {
        try {
            return it.piattaformacasa.common.XmlSicuro.fabbrica().newDocumentBuilder().parse(file.toFile());
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("Parser XML non configurabile", e);
        } catch (SAXException | IOException e) {
            throw new AssertionError(file + ": XML non valido: " + e.getMessage(), e);
        }
    }
}
