package it.piattaformacasa.domanda.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.bind.ServletRequestDataBinder;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import it.piattaformacasa.anagrafe.RelazioneParentela;
import it.piattaformacasa.avviso.Avviso;
import it.piattaformacasa.common.ConflittoException;
import it.piattaformacasa.common.DatiNonValidiException;
import it.piattaformacasa.common.GiaEsistenteException;
import it.piattaformacasa.common.NonAmmissibileException;
import it.piattaformacasa.domanda.BozzeDomanda;
import it.piattaformacasa.domanda.DatiDomanda;
import it.piattaformacasa.regole.RegoleAlloggi;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

/**
 * The steps of a domanda filled in a form, shared by the operator's sportello (issue 12) and the citizen's domanda
 * online (issue 16): the steps and the fields of each, what the browser sent into the draft, the buttons that add or
 * remove rows, the API's own validation and messages named by the form's fields in reading order, the draft as JSON,
 * and the service's refusals (400, 422, 409) as the page shows them.
 */
@Component
class PassiDomanda {

    /** The steps, as the seeds' 5-step entry grouped for the Lombardy domanda. */
    enum Passo {
        RICHIEDENTE("Richiedente"), NUCLEO("Nucleo familiare"), RESIDENZA("Residenza e lavoro"), ISEE("ISEE e patrimonio"),
        CONDIZIONI("Condizioni familiari e abitative"), ALLOGGI("Alloggi scelti"), RIEPILOGO("Riepilogo");

        private final String titolo;

        Passo(String titolo) {
            this.titolo = titolo;
        }

        int numero() {
            return ordinal() + 1;
        }

        public String getTitolo() {
            return titolo;
        }

        public int getNumero() {
            return numero();
        }

        static Passo di(int numero) {
            if (numero < 1 || numero > values().length) {
                throw new it.piattaformacasa.common.NonTrovatoException("Il passo " + numero + " non esiste: i passi vanno da 1 a 7");
            }
            return values()[numero - 1];
        }

        /** The step a form field belongs to. */
        static Passo delCampo(String campo) {
            if (campo.startsWith("r.") || campo.equals("r")) {
                return RICHIEDENTE;
            }
            if (campo.startsWith("componenti")) {
                return NUCLEO;
            }
            if (campo.startsWith("codiceIstat") || campo.startsWith("residente") || campo.equals("lavora")) {
                return RESIDENZA;
            }
            if (campo.startsWith("isee") || campo.equals("protocolloDsu") || campo.equals("dataDsu") || campo.equals("patrimonio")
                    || campo.startsWith("posseduti")) {
                return ISEE;
            }
            if (campo.startsWith("condizioni") || campo.equals("attestazioneServiziSociali")) {
                return CONDIZIONI;
            }
            if (campo.startsWith("alloggi")) {
                return ALLOGGI;
            }
            return RIEPILOGO;
        }
    }

    static final int ALLOGGI_SCELTI = 5;
    /** The rows a step may have: the API's own limits (20 members, 10 dwellings) with room for an empty row. */
    private static final int RIGHE = 21;
    /** A row's field: «r.nome», «componenti[2].dataNascita» (the dot required: «residenteLombardiaDal» is no row of «r»). */
    private static final Pattern RIGA = Pattern.compile("(r|componenti|posseduti)(?:\\[(\\d+)\\])?\\.(.+)");
    private static final Pattern SCELTA = Pattern.compile("alloggi\\[(\\d+)\\]");
    private static final Pattern COMPONENTE = Pattern.compile("nucleo\\[(\\d+)\\](.*)");
    private static final Map<String, String> CAMPI_DELL_API = Map.ofEntries(
            Map.entry("residenza.codiceIstatComune", "codiceIstatResidenza"), Map.entry("residenza", "codiceIstatResidenza"),
            Map.entry("residenza.residenteLombardiaDal", "residenteLombardiaDal"),
            Map.entry("residenza.residenteComuneDal", "residenteComuneDal"),
            Map.entry("lavoro.codiceIstatComune", "codiceIstatLavoro"), Map.entry("lavoro", "codiceIstatLavoro"),
            Map.entry("isee.valore", "iseeValore"), Map.entry("isee", "iseeValore"), Map.entry("isee.protocolloDsu", "protocolloDsu"),
            Map.entry("isee.dataDsu", "dataDsu"));

    private static final ObjectMapper JSON = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private final Validator validator;
    private final BozzeDomanda bozze;

    PassiDomanda(Validator validator, BozzeDomanda bozze) {
        this.validator = validator;
        this.bozze = bozze;
    }

    /**
     * One step sent: its fields replace the draft's, then by the button pressed: «Aggiungi…»/«Togli…» change the rows
     * and stay, «Indietro» keeps what was typed and goes back, «Verifica i requisiti» keeps it and goes to the
     * riepilogo, «Avanti» checks the step and moves on. The draft is saved in every case. The errors of the step, when
     * «Avanti» found some (the page answers 400 with them), else none and the step to go to.
     */
    record Invio(Passo prossimo, Map<String, String> errori) {
    }

    Invio invia(long avvisoId, BozzeDomanda.Titolare titolare, Passo questo, String azione, HttpServletRequest richiesta,
                ModuloSportello modulo) {
        copia(questo, leggi(richiesta), modulo);
        Passo prossimo = questo;
        if (azione.equals("aggiungi-componente")) {
            modulo.componenti.add(new ModuloSportello.Persona());
        } else if (azione.equals("aggiungi-posseduto")) {
            modulo.posseduti.add(new ModuloSportello.Posseduto());
        } else if (azione.startsWith("togli-componente-") || azione.startsWith("togli-posseduto-")) {
            List<?> righe = azione.startsWith("togli-componente-") ? modulo.componenti : modulo.posseduti;
            int riga = indice(azione);
            if (riga >= 0 && riga < righe.size()) {
                righe.remove(riga);
            }
        } else if (azione.equals("indietro")) {
            prossimo = Passo.di(Math.max(1, questo.numero() - 1));
        } else if (azione.equals("verifica")) {
            prossimo = Passo.RIEPILOGO;
        } else {
            Map<String, String> errori = errori(modulo, questo);
            if (!errori.isEmpty()) {
                bozze.salva(avvisoId, titolare, questo.numero(), scrivi(modulo));
                return new Invio(questo, errori);
            }
            prossimo = Passo.di(Math.min(Passo.RIEPILOGO.numero(), questo.numero() + 1));
        }
        bozze.salva(avvisoId, titolare, prossimo.numero(), scrivi(modulo));
        return new Invio(prossimo, Map.of());
    }

    /** The draft of this titolare, or an empty form. */
    ModuloSportello bozza(long avvisoId, BozzeDomanda.Titolare titolare) {
        return bozze.bozza(avvisoId, titolare).map(b -> leggiBozza(b.dati())).orElseGet(ModuloSportello::new);
    }

    /**
     * The service's answer to a complete draft (presentation or pre-check): what it returns, or its refusal as the
     * riepilogo shows it, fields' errors into {@code errori} (400) and reasons into {@code motivi} (422, 409).
     */
    <T> T esito(Supplier<T> servizio, Map<String, String> errori, List<String> motivi) {
        try {
            return servizio.get();
        } catch (DatiNonValidiException e) {
            e.errori().forEach(errore -> errori.put(campoDelModulo(errore.campo()), errore.messaggio()));
            if (e.errori().isEmpty()) {
                motivi.add(e.getMessage());
            }
        } catch (NonAmmissibileException e) {
            motivi.add(e.getMessage());
            motivi.addAll(e.motivi());
        } catch (GiaEsistenteException e) {
            motivi.add(e.getMessage() + " (domanda n. " + e.idEsistente() + ")");
        } catch (ConflittoException e) {
            motivi.add(e.getMessage());
        }
        return null;
    }

    /** What every step's page needs: the steps, the draft, the errors named and linked to their step, the lists. */
    void pagina(Model model, Avviso avviso, Passo passo, ModuloSportello modulo, Map<String, String> errori, List<String> motivi,
                List<?> alloggiOfferti) {
        while (modulo.alloggi.size() < ALLOGGI_SCELTI) {
            modulo.alloggi.add("");
        }
        model.addAttribute("avviso", avviso);
        model.addAttribute("passo", passo);
        model.addAttribute("passi", Passo.values());
        model.addAttribute("modulo", modulo);
        model.addAttribute("errori", errori);
        Map<String, String> etichette = new LinkedHashMap<>();
        errori.keySet().forEach(campo -> etichette.put(campo, etichetta(campo)));
        model.addAttribute("etichette", etichette);
        Map<String, Passo> passoDelCampo = new LinkedHashMap<>();
        errori.keySet().forEach(campo -> passoDelCampo.put(campo, Passo.delCampo(campo)));
        model.addAttribute("passoDelCampo", passoDelCampo);
        model.addAttribute("motivi", motivi);
        model.addAttribute("passiConErrori", errori.keySet().stream().map(Passo::delCampo).collect(java.util.stream.Collectors.toSet()));
        model.addAttribute("relazioni", List.of(RelazioneParentela.values()).subList(1, RelazioneParentela.values().length));
        model.addAttribute("diritti", RegoleAlloggi.Diritto.values());
        model.addAttribute("condizioni", DatiDomanda.CONDIZIONI);
        model.addAttribute("alloggiOfferti", alloggiOfferti);
    }

    /**
     * The API's messages for the draft: what could not be read, then Bean Validation of the API's request body, each
     * named by the form's field; only those of {@code passo} when given.
     */
    Map<String, String> errori(ModuloSportello modulo, Passo passo) {
        ModuloSportello.Corpo corpo = modulo.corpo();
        Map<String, String> errori = new LinkedHashMap<>(corpo.errori());
        for (ConstraintViolation<DomandeController.DomandaBody> violazione : validator.validate(corpo.body())) {
            errori.putIfAbsent(campoDelModulo(violazione.getPropertyPath().toString()), violazione.getMessage());
        }
        if (passo != null) {
            errori.keySet().removeIf(campo -> Passo.delCampo(campo) != passo);
        }
        // in the order a person reads the form: step, row, field
        Map<String, String> inOrdine = new LinkedHashMap<>();
        errori.keySet().stream().sorted(java.util.Comparator.comparing((String c) -> Passo.delCampo(c).ordinal())
                        .thenComparing(c -> c.replaceAll("\\D", "").isEmpty() ? 0 : Integer.parseInt(c.replaceAll("\\D", "")))
                        .thenComparing(c -> ORDINE.indexOf(c.substring(c.lastIndexOf('.') + 1).replaceAll("\\[\\d+\\]", ""))))
                .forEach(c -> inOrdine.put(c, errori.get(c)));
        return inOrdine;
    }

    /** The API's field («nucleo[2].nome», «isee.dataDsu») as the form names it («componenti[1].nome», «dataDsu»). */
    static String campoDelModulo(String campoApi) {
        String campo = campoApi.replaceAll("\\[\\]$", "").replaceAll("<[^>]*>", "");
        Matcher componente = COMPONENTE.matcher(campo);
        if (componente.matches()) {
            int indice = Integer.parseInt(componente.group(1));
            return (indice == 0 ? "r" : "componenti[" + (indice - 1) + "]") + componente.group(2);
        }
        if (campo.equals("nucleo")) {
            return "r";
        }
        if (campo.startsWith("alloggiPosseduti")) {
            return campo.replaceFirst("alloggiPosseduti", "posseduti");
        }
        if (campo.startsWith("condizioni")) {
            return "condizioni";
        }
        if (campo.startsWith("alloggi")) {
            return campo.matches("alloggi\\[\\d+\\].*") ? campo.replaceAll("^(alloggi\\[\\d+\\]).*", "$1") : "alloggi";
        }
        return CAMPI_DELL_API.getOrDefault(campo, campo);
    }

    private static final Map<String, String> ETICHETTE = Map.ofEntries(Map.entry("codiceFiscale", "codice fiscale"),
            Map.entry("nome", "nome"), Map.entry("cognome", "cognome"), Map.entry("dataNascita", "data di nascita"),
            Map.entry("relazione", "relazione con il richiedente"), Map.entry("percentualeInvalidita", "invalidità civile"),
            Map.entry("codiceIstatResidenza", "Comune di residenza"), Map.entry("residenteLombardiaDal", "Residente in Lombardia dal"),
            Map.entry("residenteComuneDal", "Residente nel comune dal"), Map.entry("codiceIstatLavoro", "Comune in cui lavora"),
            Map.entry("iseeValore", "Valore ISEE"), Map.entry("protocolloDsu", "Protocollo della DSU"),
            Map.entry("dataDsu", "Data della DSU"), Map.entry("patrimonio", "Patrimonio"),
            Map.entry("codiceFiscaleTitolare", "codice fiscale del titolare"), Map.entry("diritto", "diritto"),
            Map.entry("superficieUtile", "superficie utile"), Map.entry("codiceIstatComune", "comune"),
            Map.entry("statoEstero", "stato estero"), Map.entry("ordinanzaDiVenditaDel", "ordinanza di vendita"),
            Map.entry("condizioni", "Condizioni dichiarate"), Map.entry("alloggi", "Alloggi scelti"));

    private static final List<String> ORDINE = List.of("codiceFiscale", "nome", "cognome", "dataNascita", "relazione",
            "percentualeInvalidita", "codiceIstatResidenza", "residenteLombardiaDal", "residenteComuneDal", "codiceIstatLavoro",
            "iseeValore", "protocolloDsu", "dataDsu", "patrimonio", "codiceFiscaleTitolare", "diritto", "superficieUtile",
            "codiceIstatComune", "statoEstero", "ordinanzaDiVenditaDel", "condizioni", "alloggi");

    /** How the summary of errors names a field: «Componente 3 – codice fiscale», «Data della DSU». */
    static String etichetta(String campo) {
        Matcher riga = RIGA.matcher(campo);
        if (riga.matches() && !riga.group(3).isEmpty()) {
            String chi = switch (riga.group(1)) {
                case "r" -> "Richiedente";
                case "componenti" -> "Componente " + (Integer.parseInt(riga.group(2)) + 2);
                default -> "Alloggio posseduto " + (Integer.parseInt(riga.group(2)) + 1);
            };
            return chi + " – " + ETICHETTE.getOrDefault(riga.group(3), riga.group(3));
        }
        if (campo.equals("r")) {
            return "Nucleo familiare";
        }
        Matcher scelta = SCELTA.matcher(campo);
        if (scelta.matches()) {
            return (Integer.parseInt(scelta.group(1)) + 1) + "ª scelta";
        }
        return ETICHETTE.getOrDefault(campo, campo);
    }

    /** The fields of one step, from what the browser sent, into the draft. */
    private static void copia(Passo passo, ModuloSportello inviato, ModuloSportello bozza) {
        switch (passo) {
            case RICHIEDENTE -> bozza.r = inviato.r;
            case NUCLEO -> bozza.componenti = inviato.componenti;
            case RESIDENZA -> {
                bozza.codiceIstatResidenza = inviato.codiceIstatResidenza;
                bozza.residenteLombardiaDal = inviato.residenteLombardiaDal;
                bozza.residenteComuneDal = inviato.residenteComuneDal;
                bozza.lavora = inviato.lavora;
                bozza.codiceIstatLavoro = inviato.codiceIstatLavoro;
            }
            case ISEE -> {
                bozza.iseeValore = inviato.iseeValore;
                bozza.protocolloDsu = inviato.protocolloDsu;
                bozza.dataDsu = inviato.dataDsu;
                bozza.patrimonio = inviato.patrimonio;
                bozza.posseduti = inviato.posseduti;
            }
            case CONDIZIONI -> {
                bozza.condizioni = inviato.condizioni;
                bozza.attestazioneServiziSociali = inviato.attestazioneServiziSociali;
            }
            case ALLOGGI -> bozza.alloggi = inviato.alloggi;
            case RIEPILOGO -> {
                // nothing to take: the riepilogo only reads
            }
        }
    }

    /** What the browser sent, bound field by field (public fields, lists grow as the rows' indexes say). */
    private static ModuloSportello leggi(HttpServletRequest richiesta) {
        ModuloSportello inviato = new ModuloSportello();
        ServletRequestDataBinder binder = new ServletRequestDataBinder(inviato, "modulo");
        binder.initDirectFieldAccess();
        binder.setAutoGrowCollectionLimit(RIGHE);
        binder.setDisallowedFields("_csrf", "azione");
        binder.bind(richiesta);
        if (inviato.componenti.size() > RIGHE || inviato.posseduti.size() > RIGHE) {
            throw DatiNonValidiException.campo("componenti", "al massimo " + RIGHE + " righe");
        }
        inviato.componenti.replaceAll(c -> c == null ? new ModuloSportello.Persona() : c);
        inviato.posseduti.replaceAll(p -> p == null ? new ModuloSportello.Posseduto() : p);
        return inviato;
    }

    static ModuloSportello leggiBozza(String json) {
        try {
            return JSON.readValue(json, ModuloSportello.class);
        } catch (JsonProcessingException e) {
            // a draft written by an older version: start again rather than fail
            return new ModuloSportello();
        }
    }

    static String scrivi(ModuloSportello modulo) {
        try {
            return JSON.writeValueAsString(modulo);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Bozza non scrivibile", e);
        }
    }

    private static int indice(String azione) {
        try {
            return Integer.parseInt(azione.substring(azione.lastIndexOf('-') + 1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
