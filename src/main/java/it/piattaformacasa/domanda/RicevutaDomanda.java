package it.piattaformacasa.domanda;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import it.piattaformacasa.anagrafe.Componente;
import it.piattaformacasa.anagrafe.ComuniItaliani;
import it.piattaformacasa.avviso.AvvisoService;
import it.piattaformacasa.common.CodiceFiscale;
import it.piattaformacasa.common.ItalianFormats;

/**
 * The ricevuta of a domanda presented online (issue 16), as PDF: its number, the date and time of presentation (Rome),
 * the avviso, everything declared, the alloggi chosen in order and the ISBAR with its explanation. Only the citizen
 * who is its richiedente gets it ({@link DomandaService#domandaDelCittadino(long, CodiceFiscale)}: 404 otherwise).
 * Helvetica in WinAnsi covers Italian; a character it cannot print becomes its nearest plain form, never an error.
 */
@Service
public class RicevutaDomanda {

    private static final float MARGINE = 56;
    private static final float CORPO = 10.5f;
    private static final float INTERLINEA = 1.4f;
    private static final Map<Character, String> SOSTITUTI = Map.of('’', "'", '‘', "'", '“', "\"", '”', "\"", '–', "-", '—', "-",
            '…', "...", '\u00a0', " ", '\u202f', " ");

    private final DomandaService domande;
    private final AvvisoService avvisi;
    private final ComuniItaliani comuni;
    private final MessageSource messaggi;

    RicevutaDomanda(DomandaService domande, AvvisoService avvisi, ComuniItaliani comuni, MessageSource messaggi) {
        this.domande = domande;
        this.avvisi = avvisi;
        this.comuni = comuni;
        this.messaggi = messaggi;
    }

    @Transactional(readOnly = true)
    public byte[] pdf(long domandaId, CodiceFiscale identita) {
        Domanda d = domande.domandaDelCittadino(domandaId, identita);
        try (PDDocument documento = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            String titolo = "Ricevuta della domanda n. " + d.getId();
            PDDocumentInformation info = documento.getDocumentInformation();
            info.setTitle(titolo);
            info.setAuthor("Piattaforma Casa");
            info.setSubject("Domanda di assegnazione di un alloggio di servizi abitativi pubblici");
            documento.getDocumentCatalog().setLanguage("it-IT");
            PDViewerPreferences preferenze = new PDViewerPreferences(documento.getDocumentCatalog().getCOSObject());
            preferenze.setDisplayDocTitle(true);
            documento.getDocumentCatalog().setViewerPreferences(preferenze);
            Pagine pagine = new Pagine(documento);
            pagine.titolo(titolo);
            boolean online = d.getPresentataDa().startsWith(DomandaService.ONLINE);
            pagine.riga("Presentata " + (online ? "online" : "allo sportello") + " il " + ItalianFormats.dataOra(d.getPresentataIl())
                    + " (ora italiana)");
            pagine.riga("Avviso: " + d.getAvviso().getTitolo() + " - " + d.getAvviso().getAmbito().getNome());
            pagine.sezione("Richiedente e nucleo familiare");
            for (Componente c : d.getNucleo().getComponenti()) {
                pagine.riga(c.getNome() + " " + c.getCognome() + ", codice fiscale " + c.getCodiceFiscale().valore() + ", nato/a il "
                        + ItalianFormats.data(c.getDataNascita()) + " - " + relazione(c) + invalidita(c));
            }
            pagine.sezione("Residenza e lavoro");
            pagine.riga("Comune di residenza: " + comune(d.getCodiceIstatResidenza()));
            pagine.riga("Residente in Lombardia dal " + data(d.getResidenteLombardiaDal()) + ", nel comune dal "
                    + data(d.getResidenteComuneDal()));
            pagine.riga(d.getCodiceIstatLavoro() == null ? "Non lavora" : "Comune di lavoro: " + comune(d.getCodiceIstatLavoro()));
            pagine.sezione("ISEE e patrimonio");
            pagine.riga("Valore ISEE: " + d.getIsee().toItalian() + (d.getProtocolloDsu() == null ? ""
                    : " (DSU " + d.getProtocolloDsu() + (d.getDataDsu() == null ? "" : " del " + data(d.getDataDsu())) + ")"));
            pagine.riga("Patrimonio mobiliare e immobiliare: " + d.getPatrimonio().toItalian());
            List<AlloggiPosseduti.Valutato> posseduti = AlloggiPosseduti.da(d.getAlloggiPosseduti());
            if (posseduti.isEmpty()) {
                pagine.riga("Alloggi posseduti dai componenti: nessuno");
            }
            for (int i = 0; i < posseduti.size(); i++) {
                DatiDomanda.AlloggioPosseduto a = posseduti.get(i).alloggio();
                pagine.riga("Alloggio posseduto n. " + (i + 1) + ": " + AlloggiPosseduti.diritto(a.diritto()) + ", "
                        + SceltaAlloggi.metri(a.superficieUtile()) + ", " + (a.codiceIstatComune() != null ? comune(a.codiceIstatComune())
                        : a.statoEstero()) + (a.inagibile() ? ", inagibile" : ""));
            }
            pagine.sezione("Condizioni dichiarate");
            List<String> condizioni = new ArrayList<>();
            DatiDomanda.CONDIZIONI.stream().filter(c -> Boolean.TRUE.equals(d.getCondizioni().get(c)))
                    .forEach(c -> condizioni.add(messaggi.getMessage("sportello.condizione." + c, null, c, Locale.ITALIAN)));
            pagine.riga(condizioni.isEmpty() ? "Nessuna" : String.join("; ", condizioni));
            if (d.isAttestazioneServiziSociali()) {
                pagine.riga("Attestazione dei servizi sociali (indigenza)");
            }
            pagine.sezione("Alloggi scelti in ordine di preferenza");
            Map<Long, AvvisoService.AlloggioPubblicato> pubblicati = new HashMap<>();
            avvisi.alloggiPubblicati(d.getAvviso().getId()).forEach(a -> pubblicati.put(a.id(), a));
            List<Long> scelti = d.getAlloggiScelti();
            for (int i = 0; i < scelti.size(); i++) {
                AvvisoService.AlloggioPubblicato a = pubblicati.get(scelti.get(i));
                pagine.riga((i + 1) + ". " + (a == null ? "alloggio " + scelti.get(i)
                        : a.codiceUi() + " - " + a.comune() + ", " + a.indirizzo() + ", " + SceltaAlloggi.metri(a.superficieUtile())));
            }
            SpiegazionePunteggio spiegazione = SpiegazionePunteggioService.spiega(d);
            pagine.sezione("Punteggio ISBAR: " + spiegazione.isbar().toItalian() + " punti");
            spiegazione.righe().forEach(r -> pagine.riga(r.testo()));
            spiegazione.note().forEach(pagine::riga);
            pagine.sezione("");
            pagine.riga("La ricevuta attesta la presentazione della domanda: il punteggio è quello calcolato alla presentazione, "
                    + "la graduatoria provvisoria lo pubblica dopo la chiusura dell'avviso.");
            pagine.chiudi();
            documento.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String relazione(Componente c) {
        return c.getRelazione() == it.piattaformacasa.anagrafe.RelazioneParentela.RICHIEDENTE ? "richiedente"
                : messaggi.getMessage("sportello.relazione." + c.getRelazione().name(), null, c.getRelazione().name(), Locale.ITALIAN)
                .toLowerCase(Locale.ITALIAN);
    }

    private static String invalidita(Componente c) {
        StringBuilder testo = new StringBuilder();
        if (c.getPercentualeInvalidita() > 0) {
            testo.append(", invalidità civile ").append(c.getPercentualeInvalidita()).append(" %");
        }
        if (c.isIndennitaAccompagnamento()) {
            testo.append(", indennità di accompagnamento");
        }
        if (c.isHandicapGrave()) {
            testo.append(", handicap grave");
        }
        if (c.isDisoccupato()) {
            testo.append(", disoccupato/a");
        }
        return testo.toString();
    }

    private String comune(String codiceIstat) {
        return comuni.perCodiceIstat(codiceIstat).map(c -> c.nome() + " (" + c.siglaProvincia() + ")").orElse(codiceIstat);
    }

    private static String data(java.time.LocalDate data) {
        return data == null ? "-" : ItalianFormats.data(data);
    }

    /** Lines of text down A4 pages, wrapped to the width, a new page when one is full. */
    private static final class Pagine {
        private final PDDocument documento;
        private final PDType1Font normale = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        private final PDType1Font grassetto = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
        private PDPageContentStream testo;
        private float y;

        Pagine(PDDocument documento) throws IOException {
            this.documento = documento;
            nuovaPagina();
        }

        private void nuovaPagina() throws IOException {
            if (testo != null) {
                testo.close();
            }
            PDPage pagina = new PDPage(PDRectangle.A4);
            documento.addPage(pagina);
            testo = new PDPageContentStream(documento, pagina);
            y = PDRectangle.A4.getHeight() - MARGINE;
        }

        void titolo(String titolo) throws IOException {
            scrivi(titolo, grassetto, 16);
            y -= 6;
        }

        void sezione(String titolo) throws IOException {
            y -= 8;
            if (!titolo.isEmpty()) {
                scrivi(titolo, grassetto, 12.5f);
            }
        }

        void riga(String riga) {
            try {
                scrivi(riga, normale, CORPO);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void scrivi(String riga, PDType1Font font, float corpo) throws IOException {
            float larghezza = PDRectangle.A4.getWidth() - 2 * MARGINE;
            for (String pezzo : aCapo(stampabile(riga, font), font, corpo, larghezza)) {
                if (y < MARGINE + corpo) {
                    nuovaPagina();
                }
                y -= corpo * INTERLINEA;
                testo.beginText();
                testo.setFont(font, corpo);
                testo.newLineAtOffset(MARGINE, y);
                testo.showText(pezzo);
                testo.endText();
            }
        }

        private static List<String> aCapo(String riga, PDType1Font font, float corpo, float larghezza) throws IOException {
            List<String> righe = new ArrayList<>();
            StringBuilder attuale = new StringBuilder();
            for (String parola : riga.split(" ")) {
                String prova = attuale.isEmpty() ? parola : attuale + " " + parola;
                if (!attuale.isEmpty() && font.getStringWidth(prova) / 1000 * corpo > larghezza) {
                    righe.add(attuale.toString());
                    attuale = new StringBuilder(parola);
                } else {
                    attuale = new StringBuilder(prova);
                }
            }
            righe.add(attuale.toString());
            return righe;
        }

        /** What WinAnsi cannot encode becomes its plain form («’» → «'») or «?»: a ricevuta never fails on a name. */
        private static String stampabile(String testo, PDType1Font font) {
            StringBuilder risultato = new StringBuilder();
            for (char c : testo.toCharArray()) {
                String s = SOSTITUTI.getOrDefault(c, String.valueOf(c));
                try {
                    font.encode(s);
                    risultato.append(s);
                } catch (IllegalArgumentException | IOException e) {
                    String semplice = java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
                    risultato.append(semplice.chars().allMatch(ch -> ch < 128) && !semplice.isEmpty() ? semplice : "?");
                }
            }
            return risultato.toString();
        }

        void chiudi() throws IOException {
            testo.close();
        }
    }
}
