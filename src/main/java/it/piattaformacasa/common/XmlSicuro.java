package it.piattaformacasa.common;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/** Namespace-aware DOM parsing with DOCTYPE, external entities and XInclude disabled: no XXE from uploaded files. */
public final class XmlSicuro {

    private XmlSicuro() {
    }

    public static DocumentBuilderFactory fabbrica() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            return factory;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("Parser XML non configurabile", e);
        }
    }

    /** @throws IllegalArgumentException with the parser's reason for anything that is not well-formed, safe XML */
    public static Document leggi(byte[] xml) {
        try {
            return fabbrica().newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("Parser XML non configurabile", e);
        } catch (SAXException | IOException e) {
            throw new IllegalArgumentException(motivo(e));
        }
    }

    /** The parser's reason in Italian, with where it stopped; its own English message is not shown. */
    private static String motivo(Exception e) {
        String messaggio = String.valueOf(e.getMessage());
        String dove = e instanceof SAXParseException p && p.getLineNumber() > 0
                ? " (riga " + p.getLineNumber() + ", colonna " + p.getColumnNumber() + ")" : "";
        if (messaggio.contains("DOCTYPE")) {
            return "XML non valido: DOCTYPE ed entità esterne non sono ammessi" + dove;
        }
        if (messaggio.contains("invalid XML character")) {
            return "XML non valido: contiene un carattere non ammesso in XML" + dove;
        }
        if (messaggio.contains("Premature end of file")) {
            return "il file è vuoto o si interrompe prima della fine del documento XML" + dove;
        }
        if (messaggio.contains("not allowed in prolog")) {
            return "il file non inizia con un documento XML" + dove;
        }
        return "XML non ben formato" + dove;
    }
}
