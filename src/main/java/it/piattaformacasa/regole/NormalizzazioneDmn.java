package it.piattaformacasa.regole;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import it.piattaformacasa.common.XmlSicuro;

/**
 * Makes a DMN file from Camunda Modeler fit for KIE (known facts): the Modeler omits the {@code <variable>} of decisions
 * and input data, writes an empty input cell as {@code <text></text>} (KIE reports it and evaluates to nothing) and
 * gives every file its default namespace and the name «DRD» (ambiguous lookups). Parsed with DOCTYPE and external
 * entities disabled; at most {@value #DIMENSIONE_MASSIMA} bytes.
 */
public final class NormalizzazioneDmn {

    public static final int DIMENSIONE_MASSIMA = 1_000_000;
    static final String NAMESPACE_MODELER = "http://camunda.org/schema/1.0/dmn";
    private static final String NAMESPACE_PROGETTO = "https://piattaformacasa.it/dmn/";

    private NormalizzazioneDmn() {
    }

    /**
     * @param nome the rule set's name: becomes the model's name and namespace when the Modeler's defaults are there
     * @throws IllegalArgumentException with the reason, for a file too large, not XML, or with a DOCTYPE
     */
    public static String normalizza(String nome, byte[] dmn) {
        if (dmn.length > DIMENSIONE_MASSIMA) {
            throw new IllegalArgumentException("file DMN troppo grande: " + dmn.length + " byte (massimo " + DIMENSIONE_MASSIMA + ")");
        }
        Document documento = XmlSicuro.leggi(dmn);
        Element definizioni = documento.getDocumentElement();
        if (!"definitions".equals(definizioni.getLocalName())) {
            throw new IllegalArgumentException("non è un file DMN: l'elemento radice è «" + definizioni.getLocalName() + "»");
        }
        String ns = definizioni.getNamespaceURI();
        if (definizioni.getAttribute("namespace").isBlank() || NAMESPACE_MODELER.equals(definizioni.getAttribute("namespace"))) {
            definizioni.setAttribute("namespace", NAMESPACE_PROGETTO + nome);
        }
        if (definizioni.getAttribute("name").isBlank() || "DRD".equalsIgnoreCase(definizioni.getAttribute("name").trim())) {
            definizioni.setAttribute("name", nome);
        }
        for (String tipo : List.of("decision", "inputData")) {
            NodeList elementi = documento.getElementsByTagNameNS(ns, tipo);
            for (int i = 0; i < elementi.getLength(); i++) {
                Element elemento = (Element) elementi.item(i);
                if (figlio(elemento, "variable") == null) {
                    Element variabile = documento.createElementNS(ns, prefisso(elemento) + "variable");
                    variabile.setAttribute("id", elemento.getAttribute("id") + "_variable");
                    variabile.setAttribute("name", elemento.getAttribute("name"));
                    // after description/extension elements, before requirements and logic, as the schema wants
                    Node prima = primoDopo(elemento, "description", "extensionElements");
                    elemento.insertBefore(variabile, prima);
                }
            }
        }
        NodeList celle = documento.getElementsByTagNameNS(ns, "inputEntry");
        for (int i = 0; i < celle.getLength(); i++) {
            Element testo = figlio((Element) celle.item(i), "text");
            if (testo != null && testo.getTextContent().isBlank()) {
                testo.setTextContent("-");
            }
        }
        return scrivi(documento);
    }

    private static String prefisso(Element elemento) {
        return elemento.getPrefix() == null ? "" : elemento.getPrefix() + ":";
    }

    private static Element figlio(Element padre, String nome) {
        for (Node n = padre.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && nome.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    /** The first child element that is none of the given ones (null: append at the end). */
    private static Node primoDopo(Element padre, String... saltati) {
        for (Node n = padre.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && !List.of(saltati).contains(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    private static String scrivi(Document documento) {
        try {
            TransformerFactory fabbrica = TransformerFactory.newInstance();
            fabbrica.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            fabbrica.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            var trasformatore = fabbrica.newTransformer();
            trasformatore.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            trasformatore.transform(new DOMSource(documento), new StreamResult(out));
            return out.toString(StandardCharsets.UTF_8);
        } catch (TransformerException e) {
            throw new IllegalStateException(e);
        }
    }
}
