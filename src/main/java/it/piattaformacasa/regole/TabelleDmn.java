package it.piattaformacasa.regole;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
 * The decision tables of a DMN version as a person reads them (the console's viewer and editor, issue 12), and the
 * same DMN with some cells rewritten: parsed with the JDK's DOM (no DOCTYPE, no external entities), only the
 * {@code <text>} of the edited input and output entries changes, everything else of the file stays as it was, in the
 * standard DMN namespace of the file. A cell is named {@code tabella-regola-colonna} (from 0; the input columns first,
 * then the output ones), so the editor's fields and this class agree without ids of the file.
 */
public final class TabelleDmn {

    public record Colonna(String etichetta, String espressione, String tipo) {

        /** The column's type in words («numero», «testo»…), or the type's own name when it is one of the model's. */
        public String tipoTesto() {
            String semplice = tipo == null ? "" : tipo.replaceFirst("^feel:", "");
            return switch (semplice) {
                case "" -> "qualsiasi";
                case "number" -> "numero";
                case "string" -> "testo";
                case "boolean" -> "vero/falso";
                case "date" -> "data";
                case "dateTime", "date and time" -> "data e ora";
                case "time" -> "ora";
                case "Any" -> "qualsiasi";
                default -> semplice;
            };
        }
    }

    public record Regola(int numero, String descrizione, List<String> ingressi, List<String> uscite, List<String> annotazioni) {
    }

    public record Tabella(int indice, String decisione, String politica, String aggregazione, String politicaTesto,
                          List<Colonna> ingressi, List<Colonna> uscite, List<Regola> regole) {

        /** The name of a cell's field: {@code 0-2-1} is table 0, rule 3, column 2. */
        public String cella(int regola, int colonna) {
            return indice + "-" + regola + "-" + colonna;
        }
    }

    private TabelleDmn() {
    }

    /** @throws IllegalArgumentException when the source is not a safe, well-formed DMN file */
    public static List<Tabella> leggi(String sorgente) {
        Document documento = XmlSicuro.leggi(sorgente.getBytes(StandardCharsets.UTF_8));
        List<Tabella> tabelle = new ArrayList<>();
        List<Element> elementi = tabelle(documento);
        for (int t = 0; t < elementi.size(); t++) {
            Element tabella = elementi.get(t);
            List<Colonna> ingressi = new ArrayList<>();
            for (Element input : figli(tabella, "input")) {
                Element espressione = figlio(input, "inputExpression");
                String testo = espressione == null ? "" : testo(figlio(espressione, "text"));
                String etichetta = input.getAttribute("label").isBlank() ? testo : input.getAttribute("label");
                ingressi.add(new Colonna(etichetta, testo, espressione == null ? "" : espressione.getAttribute("typeRef")));
            }
            List<Colonna> uscite = new ArrayList<>();
            for (Element output : figli(tabella, "output")) {
                String nome = output.getAttribute("name");
                String etichetta = output.getAttribute("label").isBlank() ? nome : output.getAttribute("label");
                uscite.add(new Colonna(etichetta, nome, output.getAttribute("typeRef")));
            }
            List<Regola> regole = new ArrayList<>();
            List<Element> righe = figli(tabella, "rule");
            for (int r = 0; r < righe.size(); r++) {
                Element riga = righe.get(r);
                regole.add(new Regola(r + 1, testo(figlio(riga, "description")).strip(),
                        figli(riga, "inputEntry").stream().map(e -> testo(figlio(e, "text"))).toList(),
                        figli(riga, "outputEntry").stream().map(e -> testo(figlio(e, "text"))).toList(),
                        figli(riga, "annotationEntry").stream().map(e -> testo(figlio(e, "text"))).filter(a -> !a.isBlank()).toList()));
            }
            String politica = tabella.getAttribute("hitPolicy").isBlank() ? "UNIQUE" : tabella.getAttribute("hitPolicy");
            String aggregazione = tabella.getAttribute("aggregation");
            tabelle.add(new Tabella(t, decisione(tabella), politica, aggregazione, politicaTesto(politica, aggregazione),
                    List.copyOf(ingressi), List.copyOf(uscite), List.copyOf(regole)));
        }
        return List.copyOf(tabelle);
    }

    /**
     * The same DMN with the given cells' text replaced ({@code tabella-regola-colonna} → FEEL text); cells not named keep
     * theirs, a name that is no cell of the file is ignored.
     */
    public static String conCelle(String sorgente, Map<String, String> celle) {
        Document documento = XmlSicuro.leggi(sorgente.getBytes(StandardCharsets.UTF_8));
        List<Element> elementi = tabelle(documento);
        for (int t = 0; t < elementi.size(); t++) {
            Element tabella = elementi.get(t);
            List<Element> righe = figli(tabella, "rule");
            for (int r = 0; r < righe.size(); r++) {
                List<Element> voci = new ArrayList<>(figli(righe.get(r), "inputEntry"));
                voci.addAll(figli(righe.get(r), "outputEntry"));
                for (int c = 0; c < voci.size(); c++) {
                    String nuovo = celle.get(t + "-" + r + "-" + c);
                    if (nuovo != null) {
                        imposta(documento, voci.get(c), nuovo.strip());
                    }
                }
            }
        }
        return scrivi(documento);
    }

    /** The hit policy in words, as the analyst reads the table. */
    static String politicaTesto(String politica, String aggregazione) {
        return switch (politica) {
            case "UNIQUE" -> "Unica: a ogni caso si applica al più una regola (le regole non si sovrappongono).";
            case "FIRST" -> "Prima: vale la prima regola applicabile, nell'ordine delle righe.";
            case "PRIORITY" -> "Priorità: tra le regole applicabili vale quella con l'uscita di priorità più alta.";
            case "ANY" -> "Qualsiasi: più regole possono applicarsi, purché diano la stessa uscita.";
            case "RULE ORDER" -> "Ordine delle regole: le uscite di tutte le regole applicabili, nell'ordine delle righe.";
            case "OUTPUT ORDER" -> "Ordine delle uscite: le uscite di tutte le regole applicabili, per priorità.";
            case "COLLECT" -> switch (aggregazione == null ? "" : aggregazione) {
                case "SUM" -> "Raccolta con somma: si sommano le uscite di tutte le regole applicabili.";
                case "MIN" -> "Raccolta con minimo: vale la più piccola delle uscite delle regole applicabili.";
                case "MAX" -> "Raccolta con massimo: vale la più grande delle uscite delle regole applicabili.";
                case "COUNT" -> "Raccolta con conteggio: vale il numero delle regole applicabili.";
                default -> "Raccolta: l'elenco delle uscite di tutte le regole applicabili.";
            };
            default -> politica;
        };
    }

    private static List<Element> tabelle(Document documento) {
        String ns = documento.getDocumentElement().getNamespaceURI();
        NodeList nodi = documento.getElementsByTagNameNS(ns, "decisionTable");
        List<Element> tabelle = new ArrayList<>();
        for (int i = 0; i < nodi.getLength(); i++) {
            tabelle.add((Element) nodi.item(i));
        }
        return tabelle;
    }

    /** The name of the decision (or business knowledge model) that owns the table. */
    private static String decisione(Element tabella) {
        for (Node n = tabella.getParentNode(); n instanceof Element e; n = n.getParentNode()) {
            if (("decision".equals(e.getLocalName()) || "businessKnowledgeModel".equals(e.getLocalName())) && e.hasAttribute("name")) {
                return e.getAttribute("name");
            }
        }
        return "Tabella " + tabella.getAttribute("id");
    }

    private static void imposta(Document documento, Element voce, String valore) {
        Element testo = figlio(voce, "text");
        if (testo == null) {
            String prefisso = voce.getPrefix() == null ? "" : voce.getPrefix() + ":";
            testo = documento.createElementNS(voce.getNamespaceURI(), prefisso + "text");
            voce.appendChild(testo);
        }
        testo.setTextContent(valore);
    }

    private static String testo(Element elemento) {
        return elemento == null ? "" : elemento.getTextContent();
    }

    private static Element figlio(Element padre, String nome) {
        List<Element> trovati = figli(padre, nome);
        return trovati.isEmpty() ? null : trovati.get(0);
    }

    private static List<Element> figli(Element padre, String nome) {
        List<Element> figli = new ArrayList<>();
        for (Node n = padre.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && nome.equals(e.getLocalName())) {
                figli.add(e);
            }
        }
        return figli;
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
