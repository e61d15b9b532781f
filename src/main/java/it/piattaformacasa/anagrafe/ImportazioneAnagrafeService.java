package it.piattaformacasa.anagrafe;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import it.piattaformacasa.anagrafe.TracciatoAlloggi.Colonna;
import it.piattaformacasa.common.ConflittoException;
import it.piattaformacasa.common.DatiNonValidiException;
import it.piattaformacasa.common.FoglioExcel;
import it.piattaformacasa.common.NonTrovatoException;
import it.piattaformacasa.common.TestoSicuro;
import it.piattaformacasa.common.sicurezza.UtenteCorrente;

/**
 * An ente loads its patrimonio from a spreadsheet in seed 001's layout ({@link TracciatoAlloggi}), issue 13. Every row
 * is checked as the API checks one alloggio, plus what only a file can get wrong (a code twice, another ente's row, a
 * comune whose name and code disagree); the refused rows are reported with row, column, value and reason and kept
 * with the file. Nothing is half-loaded: with a refused row nothing is written unless the operator asks explicitly
 * for «le righe valide»; what is written is written in one transaction. The alloggio's code is the key, so loading the
 * same file again changes nothing, and a changed row updates its alloggio, recorded in the register like any change.
 * Rows are written in JDBC batches: 20 000 alloggi are one import, not 20 000 requests.
 */
@Service
public class ImportazioneAnagrafeService {

    /** More rows than any ente's stock (ALER Milano has about 60 000 units). */
    public static final int RIGHE_MASSIME = 100_000;

    public enum Esito { IMPORTATA, NON_IMPORTATA, IMPORTATE_RIGHE_VALIDE }

    /** A refusal: the sheet's row number (as the spreadsheet shows it), the column's heading, what it held, why. */
    public record Scarto(int riga, String colonna, String valore, String motivo) {
    }

    public record EsitoImportazione(long id, long enteId, String ente, String nomeFile, Esito esito, int righe, int nuovi,
                                    int aggiornati, int invariati, int rifiutate, int fabbricatiNuovi, List<Scarto> scarti,
                                    String operatore, Instant eseguitaIl, boolean fileConservato) {
    }

    private static final TypeReference<List<Scarto>> SCARTI = new TypeReference<>() {
    };

    private final GestioneAnagrafeService gestione;
    private final AnagrafeService anagrafe;
    private final RegistroAnagrafe registro;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final UtenteCorrente utente;
    private final Clock clock;

    ImportazioneAnagrafeService(GestioneAnagrafeService gestione, AnagrafeService anagrafe, RegistroAnagrafe registro,
                                JdbcTemplate jdbc, ObjectMapper json, UtenteCorrente utente, Clock clock) {
        this.gestione = gestione;
        this.anagrafe = anagrafe;
        this.registro = registro;
        this.jdbc = jdbc;
        this.json = json;
        this.utente = utente;
        this.clock = clock;
    }

    /**
     * @param righeValide whether to write the valid rows when some are refused; otherwise all or nothing
     */
    @Transactional
    public EsitoImportazione importa(long enteId, String nomeFile, byte[] contenuto, boolean righeValide) {
        EnteProprietario ente = gestione.enteGestito(enteId);
        String nome = nomeFile(nomeFile);
        List<FoglioExcel.Riga<Colonna>> lette = leggi(contenuto);
        Verifica verifica = new Verifica(ente, lette);
        verifica.esegui();
        Instant adesso = Instant.now(clock);
        boolean rifiutate = !verifica.scarti.isEmpty();
        if (rifiutate && !righeValide) {
            long id = salva(ente, nome, Esito.NON_IMPORTATA, lette.size(), 0, 0, verifica.invariati, verifica.righeRifiutate.size(),
                    0, verifica.scarti, contenuto, adesso);
            return esito(id);
        }
        Esito esito = rifiutate ? Esito.IMPORTATE_RIGHE_VALIDE : Esito.IMPORTATA;
        long id = salva(ente, nome, esito, lette.size(), verifica.nuovi.size(), verifica.aggiornati.size(), verifica.invariati,
                verifica.righeRifiutate.size(), verifica.fabbricatiNuovi.size(), verifica.scarti, contenuto, adesso);
        scrivi(ente, verifica, id, adesso);
        return esito(id);
    }

    /** «Importa le righe valide» of a file already checked: the same file, kept with its report. */
    @Transactional
    public EsitoImportazione importaRigheValide(long importazioneId) {
        Map<String, Object> salvata = jdbc.queryForList("select ente_id, nome_file, contenuto, esito from anagrafe_importazione where id = ?",
                importazioneId).stream().findFirst().orElseThrow(() -> nonTrovata(importazioneId));
        long enteId = ((Number) salvata.get("ente_id")).longValue();
        anagrafe.enteVisibile(enteId);
        if (!Esito.NON_IMPORTATA.name().equals(salvata.get("esito")) || salvata.get("contenuto") == null) {
            throw new ConflittoException("Il file dell'importazione " + importazioneId + " è già stato importato");
        }
        EsitoImportazione esito = importa(enteId, (String) salvata.get("nome_file"), (byte[]) salvata.get("contenuto"), true);
        // the file is used: its rows are in, and «Importa le righe valide» is not offered again
        jdbc.update("update anagrafe_importazione set contenuto = null where id = ?", importazioneId);
        return esito;
    }

    /** An import's report, for whoever sees the ente's stock. */
    @Transactional(readOnly = true)
    public EsitoImportazione esito(long importazioneId) {
        EsitoImportazione esito = jdbc.query("""
                select i.id, i.ente_id, e.ragione_sociale, i.nome_file, i.esito, i.righe, i.nuovi, i.aggiornati, i.invariati,
                       i.rifiutate, i.fabbricati_nuovi, i.scarti::text, i.operatore, i.eseguita_il, i.contenuto is not null
                  from anagrafe_importazione i join ente_proprietario e on e.id = i.ente_id where i.id = ?""", (rs, n) ->
                new EsitoImportazione(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), Esito.valueOf(rs.getString(5)),
                        rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getInt(9), rs.getInt(10), rs.getInt(11), scarti(rs.getString(12)),
                        rs.getString(13), rs.getTimestamp(14).toInstant(), rs.getBoolean(15)), importazioneId).stream().findFirst()
                .orElseThrow(() -> nonTrovata(importazioneId));
        if (!utente.puoVedereAnagrafeEnte(esito.enteId())) {
            throw nonTrovata(importazioneId);
        }
        return esito;
    }

    /** The latest imports of the enti the caller sees (without their refused rows), the latest first. */
    @Transactional(readOnly = true)
    public List<EsitoImportazione> recenti(int quante) {
        List<EsitoImportazione> trovate = new ArrayList<>();
        jdbc.query("""
                select i.id, i.ente_id, e.ragione_sociale, i.nome_file, i.esito, i.righe, i.nuovi, i.aggiornati, i.invariati,
                       i.rifiutate, i.fabbricati_nuovi, i.operatore, i.eseguita_il, i.contenuto is not null
                  from anagrafe_importazione i join ente_proprietario e on e.id = i.ente_id order by i.id desc limit 1000""", rs -> {
            if (trovate.size() < quante && utente.puoVedereAnagrafeEnte(rs.getLong(2))) {
                trovate.add(new EsitoImportazione(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        Esito.valueOf(rs.getString(5)), rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getInt(9), rs.getInt(10),
                        rs.getInt(11), List.of(), rs.getString(12), rs.getTimestamp(13).toInstant(), rs.getBoolean(14)));
            }
        });
        return trovate;
    }

    private static NonTrovatoException nonTrovata(long id) {
        return new NonTrovatoException("Importazione " + id + " non trovata");
    }

    // ------------------------------------------------------------------------------------------------ reading

    /** Seed 001's sheet of alloggi, as {@link FoglioExcel} reads it. */
    private static final FoglioExcel.Tracciato<Colonna> TRACCIATO = new FoglioExcel.Tracciato<>(List.of(Colonna.values()),
            Colonna::di, Colonna::obbligatoria, Colonna::intestazione, "del patrimonio", "dell'elenco degli alloggi",
            "(Scarica l'elenco dall'Anagrafe)", RIGHE_MASSIME);

    private static String nomeFile(String nomeFile) {
        return FoglioExcel.nomeFile(nomeFile, "patrimonio.xlsx");
    }

    private static List<FoglioExcel.Riga<Colonna>> leggi(byte[] contenuto) {
        return FoglioExcel.leggi(contenuto, TRACCIATO);
    }

    // ------------------------------------------------------------------------------------------------ checking

    /** An alloggio of the ente as it is now, for the comparison with its row. */
    record Esistente(long id, long versione, boolean ritirato, long comuneId, Long fabbricatoId, Map<String, String> fotografia) {
    }

    record FabbricatoNoto(Long id, String codice, long comuneId, String nomeComune, String indirizzo, String zona, int riga) {
    }

    record ComuneNoto(long id, String codiceIstat, String nome) {
    }

    /** A valid row to write: new (no id) or changed. */
    record DaScrivere(int riga, DatiAlloggio dati, long comuneId, String codiceFabbricato, String nomeComune,
                      Esistente esistente, Map<String, String> fotografia) {
    }

    private final class Verifica {
        final EnteProprietario ente;
        final List<FoglioExcel.Riga<Colonna>> lette;
        final List<Scarto> scarti = new ArrayList<>();
        final java.util.Set<Integer> righeRifiutate = new java.util.TreeSet<>();
        final List<DaScrivere> nuovi = new ArrayList<>();
        final List<DaScrivere> aggiornati = new ArrayList<>();
        final Map<String, FabbricatoNoto> fabbricatiNuovi = new LinkedHashMap<>();
        int invariati;

        Verifica(EnteProprietario ente, List<FoglioExcel.Riga<Colonna>> lette) {
            this.ente = ente;
            this.lette = lette;
        }

        void esegui() {
            Map<String, ComuneNoto> comuni = new HashMap<>();
            jdbc.query("select id, codice_istat, nome from comune", rs -> {
                comuni.put(rs.getString(2), new ComuneNoto(rs.getLong(1), rs.getString(2), rs.getString(3)));
            });
            Map<String, FabbricatoNoto> fabbricati = new HashMap<>();
            Map<String, Boolean> fabbricatiRitirati = new HashMap<>();
            jdbc.query("select f.id, f.codice, f.comune_id, c.nome, f.indirizzo, f.zona_localita, f.ritirato_il is not null"
                    + " from fabbricato f join comune c on c.id = f.comune_id where f.ente_id = ?", rs -> {
                        fabbricati.put(rs.getString(2), new FabbricatoNoto(rs.getLong(1), rs.getString(2), rs.getLong(3),
                                rs.getString(4), rs.getString(5), rs.getString(6), 0));
                        fabbricatiRitirati.put(rs.getString(2), rs.getBoolean(7));
                    }, ente.getId());
            Map<String, Esistente> esistenti = esistenti();
            Map<String, List<Integer>> perCodice = new HashMap<>();
            for (FoglioExcel.Riga<Colonna> r : lette) {
                String codice = r.valore(Colonna.CODICE_UI);
                if (codice != null) {
                    perCodice.computeIfAbsent(codice.toUpperCase(Locale.ROOT), k -> new ArrayList<>()).add(r.numero());
                }
            }
            List<DaScrivere> cambiStato = new ArrayList<>();
            for (FoglioExcel.Riga<Colonna> r : lette) {
                DatiAlloggio dati = dati(r);
                String codice = dati.codiceUi();
                if (codice != null) {
                    List<Integer> stesse = perCodice.get(codice.toUpperCase(Locale.ROOT));
                    if (stesse != null && stesse.size() > 1) {
                        scarta(r, Colonna.CODICE_UI, "codice ripetuto nel file (righe " + stesse.stream().map(String::valueOf)
                                .collect(Collectors.joining(", ")) + "): ogni alloggio una volta sola");
                    }
                }
                String cf = r.valore(Colonna.CODICE_FISCALE_ENTE);
                if (cf == null) {
                    scarta(r, Colonna.CODICE_FISCALE_ENTE, "il codice fiscale dell'ente proprietario è obbligatorio");
                } else if (!cf.toUpperCase(Locale.ROOT).equals(ente.getCodiceFiscale().valore())) {
                    scarta(r, Colonna.CODICE_FISCALE_ENTE, "alloggio di un altro ente: questo file carica solo il patrimonio di "
                            + ente.getRagioneSociale() + " (" + ente.getCodiceFiscale().valore() + ")");
                }
                for (DatiNonValidiException.Errore e : dati.verifica()) {
                    if (!e.campo().equals("stato") || r.valore(Colonna.STATO) == null) {
                        scarta(r, TracciatoAlloggi.COLONNA_DEL_CAMPO.getOrDefault(e.campo(), Colonna.CODICE_UI), e.messaggio());
                    }
                }
                ComuneNoto comune = null;
                String istat = dati.codiceIstatComune();
                if (istat != null && istat.matches("[0-9]{6}")) {
                    comune = comuni.get(istat);
                    if (comune == null) {
                        scarta(r, Colonna.CODICE_ISTAT, "comune sconosciuto: " + istat + " non è un comune degli ambiti della piattaforma");
                    } else if (r.valore(Colonna.COMUNE) != null
                            && !TracciatoAlloggi.parole(r.valore(Colonna.COMUNE)).equals(TracciatoAlloggi.parole(comune.nome()))) {
                        scarta(r, Colonna.COMUNE, "il comune non corrisponde al codice ISTAT " + istat + " (" + comune.nome() + ")");
                    }
                }
                String codiceFabbricato = r.valore(Colonna.CODICE_FABBRICATO);
                if (codiceFabbricato != null && comune != null) {
                    if (!DatiAlloggio.CODICE.matcher(codiceFabbricato).matches()) {
                        scarta(r, Colonna.CODICE_FABBRICATO, "codice non valido: da 1 a 40 tra lettere, cifre e . _ / - (senza spazi)");
                    } else if (Boolean.TRUE.equals(fabbricatiRitirati.get(codiceFabbricato))) {
                        scarta(r, Colonna.CODICE_FABBRICATO, "il fabbricato " + codiceFabbricato + " è stato ritirato dall'Anagrafe");
                    } else {
                        FabbricatoNoto noto = fabbricati.get(codiceFabbricato);
                        if (noto == null && dati.indirizzo() != null) {
                            noto = new FabbricatoNoto(null, codiceFabbricato, comune.id(), comune.nome(), dati.indirizzo(),
                                    dati.zonaLocalita(), r.numero());
                            fabbricati.put(codiceFabbricato, noto);
                        }
                        if (noto != null && noto.comuneId() != comune.id()) {
                            scarta(r, Colonna.CODICE_FABBRICATO, "il fabbricato " + codiceFabbricato + " è nel comune di "
                                    + noto.nomeComune() + (noto.id() == null ? " (riga " + noto.riga() + ")" : ""));
                        }
                    }
                }
                Esistente esistente = codice == null ? null : esistenti.get(codice);
                if (esistente != null && esistente.ritirato()) {
                    scarta(r, Colonna.CODICE_UI, "l'alloggio " + codice + " è stato ritirato dall'Anagrafe: non si carica di nuovo");
                }
                if (righeRifiutate.contains(r.numero())) {
                    continue;
                }
                Map<String, String> fotografia = RegistroAnagrafe.fotografia(dati, codiceFabbricato, comune.nome());
                DaScrivere scrivere = new DaScrivere(r.numero(), dati, comune.id(), codiceFabbricato, comune.nome(), esistente,
                        fotografia);
                if (esistente == null) {
                    nuovi.add(scrivere);
                } else if (fotografia.equals(esistente.fotografia())) {
                    invariati++;
                } else {
                    if (!java.util.Objects.equals(fotografia.get("stato"), esistente.fotografia().get("stato"))) {
                        cambiStato.add(scrivere);
                    }
                    aggiornati.add(scrivere);
                }
            }
            // a change of state an avviso or an assignment depends on: the row is refused with the reason
            Map<Long, String> vincoli = gestione.vincoli(cambiStato.stream().map(d -> d.esistente().id()).toList());
            if (!vincoli.isEmpty()) {
                aggiornati.removeIf(d -> {
                    String motivo = vincoli.get(d.esistente().id());
                    if (motivo != null) {
                        scarti.add(new Scarto(d.riga(), Colonna.STATO.intestazione(), TracciatoAlloggi.stato(d.dati().stato()),
                                "lo stato non può cambiare: " + motivo));
                        righeRifiutate.add(d.riga());
                        return true;
                    }
                    return false;
                });
                scarti.sort(java.util.Comparator.comparingInt(Scarto::riga));
            }
            // new buildings only for the rows that are written
            java.util.Set<String> usati = new java.util.HashSet<>();
            nuovi.forEach(d -> usati.add(d.codiceFabbricato()));
            aggiornati.forEach(d -> usati.add(d.codiceFabbricato()));
            fabbricati.values().stream().filter(f -> f.id() == null && usati.contains(f.codice()))
                    .sorted(java.util.Comparator.comparingInt(FabbricatoNoto::riga)).forEach(f -> fabbricatiNuovi.put(f.codice(), f));
        }

        private DatiAlloggio dati(FoglioExcel.Riga<Colonna> r) {
            String statoTesto = r.valore(Colonna.STATO);
            StatoAlloggio stato = null;
            if (statoTesto != null) {
                stato = TracciatoAlloggi.statoDi(statoTesto).orElse(null);
                if (stato == null) {
                    scarta(r, Colonna.STATO, "stato sconosciuto: ammessi LIBERO, OCCUPATO, OCCUPATO SENZA TITOLO, SFITTO PER CARENZE"
                            + " MANUTENTIVE, SFITTO PER RISTRUTTURAZIONE");
                }
            }
            DestinazioneUso uso = null;
            if (r.valore(Colonna.DESTINAZIONE) != null) {
                uso = TracciatoAlloggi.destinazioneDi(r.valore(Colonna.DESTINAZIONE)).orElse(null);
                if (uso == null) {
                    scarta(r, Colonna.DESTINAZIONE, "destinazione d'uso sconosciuta: ammesse SERVIZI ABITATIVI PUBBLICI, SERVIZI"
                            + " ABITATIVI SOCIALI, ALTRO USO RESIDENZIALE");
                }
            }
            String istat = r.valore(Colonna.CODICE_ISTAT);
            if (istat != null && istat.matches("[0-9]{4,5}")) {
                // a spreadsheet drops the leading zeros of a code typed as a number (012133 → 12133)
                istat = "0".repeat(6 - istat.length()) + istat;
            }
            for (Colonna c : Colonna.values()) {
                String v = r.valore(c);
                if (v != null) {
                    TestoSicuro.problema(v, false).ifPresent(p -> scarta(r, c, p));
                }
            }
            return new DatiAlloggio(r.valore(Colonna.CODICE_UI), null, istat, r.valore(Colonna.ZONA), r.valore(Colonna.INDIRIZZO),
                    r.valore(Colonna.SCALA), r.valore(Colonna.INTERNO), intero(r, Colonna.PIANO), decimale(r, Colonna.SUPERFICIE),
                    intero(r, Colonna.VANI), siNo(r, Colonna.ASCENSORE), siNo(r, Colonna.BARRIERE), uso, stato).normalizzati();
        }

        private Integer intero(FoglioExcel.Riga<Colonna> r, Colonna c) {
            String v = r.valore(c);
            if (v == null) {
                return null;
            }
            Optional<BigDecimal> n = TracciatoAlloggi.numeroDi(v);
            if (n.isEmpty() || n.get().stripTrailingZeros().scale() > 0 || n.get().abs().compareTo(BigDecimal.valueOf(1_000_000)) > 0) {
                scarta(r, c, "numero intero non valido");
                return -1_000;
            }
            return n.get().intValueExact();
        }

        private BigDecimal decimale(FoglioExcel.Riga<Colonna> r, Colonna c) {
            String v = r.valore(c);
            if (v == null) {
                return null;
            }
            Optional<BigDecimal> n = TracciatoAlloggi.numeroDi(v);
            if (n.isEmpty()) {
                scarta(r, c, "numero non valido: scrivere ad esempio 62,50");
                return BigDecimal.ONE;
            }
            return n.get();
        }

        private Boolean siNo(FoglioExcel.Riga<Colonna> r, Colonna c) {
            String v = r.valore(c);
            if (v == null) {
                return Boolean.FALSE;
            }
            Optional<Boolean> b = TracciatoAlloggi.siNoDi(v);
            if (b.isEmpty()) {
                scarta(r, c, "scrivere SI o NO");
                return Boolean.FALSE;
            }
            return b.get();
        }

        private void scarta(FoglioExcel.Riga<Colonna> r, Colonna c, String motivo) {
            // a number refused as text is not refused again by the range check of the same column
            boolean gia = scarti.stream().anyMatch(s -> s.riga() == r.numero() && s.colonna().equals(c.intestazione()));
            if (!gia) {
                String valore = r.valori().get(c);
                scarti.add(new Scarto(r.numero(), c.intestazione(), valore == null ? "" : troncato(valore), motivo));
            }
            righeRifiutate.add(r.numero());
        }

        private Map<String, Esistente> esistenti() {
            Map<String, Esistente> trovati = new HashMap<>();
            jdbc.query("""
                    select a.id, a.version, a.ritirato_il is not null, a.comune_id, a.fabbricato_id, a.codice_ui, f.codice, c.nome,
                           a.zona_localita, a.indirizzo, a.scala, a.interno, a.piano, a.superficie_utile, a.vani, a.ascensore,
                           a.barriere_architettoniche, a.destinazione_uso, a.stato, c.codice_istat
                      from alloggio a join comune c on c.id = a.comune_id left join fabbricato f on f.id = a.fabbricato_id
                     where a.ente_id = ?""", rs -> {
                DatiAlloggio d = new DatiAlloggio(rs.getString(6), null, rs.getString(20), rs.getString(9), rs.getString(10),
                        rs.getString(11), rs.getString(12), rs.getInt(13), rs.getBigDecimal(14), rs.getInt(15), rs.getBoolean(16),
                        rs.getBoolean(17), DestinazioneUso.valueOf(rs.getString(18)), StatoAlloggio.valueOf(rs.getString(19)));
                long fabbricato = rs.getLong(5);
                Long fabbricatoId = rs.wasNull() ? null : fabbricato;
                trovati.put(rs.getString(6), new Esistente(rs.getLong(1), rs.getLong(2), rs.getBoolean(3), rs.getLong(4), fabbricatoId,
                        RegistroAnagrafe.fotografia(d, rs.getString(7), rs.getString(8))));
            }, ente.getId());
            return trovati;
        }
    }

    private static String troncato(String valore) {
        return valore.length() > 200 ? valore.substring(0, 200) + "…" : valore;
    }

    // ------------------------------------------------------------------------------------------------ writing

    private void scrivi(EnteProprietario ente, Verifica v, long importazioneId, Instant adesso) {
        long enteId = ente.getId();
        List<RegistroAnagrafe.Riga> registrate = new ArrayList<>();
        Map<String, Long> fabbricati = new HashMap<>();
        jdbc.query("select codice, id from fabbricato where ente_id = ?", rs -> {
            fabbricati.put(rs.getString(1), rs.getLong(2));
        }, enteId);
        for (FabbricatoNoto f : v.fabbricatiNuovi.values()) {
            Long id = jdbc.queryForObject("insert into fabbricato (codice, ente_id, comune_id, indirizzo, zona_localita) values (?, ?, ?, ?, ?)"
                    + " returning id", Long.class, f.codice(), enteId, f.comuneId(), f.indirizzo(), f.zona());
            fabbricati.put(f.codice(), id);
            Map<String, String> dopo = new LinkedHashMap<>();
            dopo.put("codice", f.codice());
            dopo.put("comune", f.nomeComune());
            dopo.put("indirizzo", f.indirizzo());
            dopo.put("zonaLocalita", f.zona());
            registrate.add(new RegistroAnagrafe.Riga(enteId, null, id, RegistroAnagrafe.Azione.CREAZIONE, importazioneId, null, dopo));
        }
        Timestamp quando = Timestamp.from(adesso);
        if (!v.nuovi.isEmpty()) {
            List<Long> ids = jdbc.queryForList("select nextval(pg_get_serial_sequence('alloggio', 'id')) from generate_series(1, ?)",
                    Long.class, v.nuovi.size());
            List<Object[]> righe = new ArrayList<>();
            for (int i = 0; i < v.nuovi.size(); i++) {
                DaScrivere d = v.nuovi.get(i);
                righe.add(valori(ids.get(i), enteId, d, fabbricati, quando));
                registrate.add(new RegistroAnagrafe.Riga(enteId, ids.get(i), null, RegistroAnagrafe.Azione.CREAZIONE, importazioneId,
                        null, d.fotografia()));
            }
            jdbc.batchUpdate("insert into alloggio (id, ente_id, codice_ui, fabbricato_id, comune_id, zona_localita, indirizzo, scala,"
                    + " interno, piano, superficie_utile, vani, ascensore, barriere_architettoniche, destinazione_uso, stato, aggiornato_il)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", righe);
        }
        if (!v.aggiornati.isEmpty()) {
            List<Object[]> righe = new ArrayList<>();
            for (DaScrivere d : v.aggiornati) {
                Object[] valori = valori(d.esistente().id(), enteId, d, fabbricati, quando);
                Object[] aggiornamento = new Object[valori.length - 3 + 2];
                // fabbricato … aggiornato_il, then id and the version read
                System.arraycopy(valori, 3, aggiornamento, 0, valori.length - 3);
                aggiornamento[valori.length - 3] = d.esistente().id();
                aggiornamento[valori.length - 2] = d.esistente().versione();
                righe.add(aggiornamento);
                Map<String, String>[] diff = RegistroAnagrafe.differenze(d.esistente().fotografia(), d.fotografia());
                registrate.add(new RegistroAnagrafe.Riga(enteId, d.esistente().id(), null, RegistroAnagrafe.Azione.MODIFICA,
                        importazioneId, diff[0], diff[1]));
            }
            int[][] esiti = jdbc.batchUpdate("update alloggio set fabbricato_id = ?, comune_id = ?, zona_localita = ?, indirizzo = ?,"
                    + " scala = ?, interno = ?, piano = ?, superficie_utile = ?, vani = ?, ascensore = ?, barriere_architettoniche = ?,"
                    + " destinazione_uso = ?, stato = ?, aggiornato_il = ?, version = version + 1 where id = ? and version = ?",
                    righe, 1000, (ps, r) -> {
                        for (int i = 0; i < r.length; i++) {
                            ps.setObject(i + 1, r[i]);
                        }
                    });
            for (int[] lotto : esiti) {
                for (int n : lotto) {
                    if (n == 0) {
                        throw new ConflittoException("Un alloggio del file è stato modificato da un altro operatore durante"
                                + " l'importazione: nulla è stato importato, ripetere il caricamento");
                    }
                }
            }
        }
        registro.registraTutte(registrate, utente.username(), adesso);
    }

    /** id, ente, codice, then the columns an update writes, in the update's order. */
    private static Object[] valori(long id, long enteId, DaScrivere d, Map<String, Long> fabbricati, Timestamp quando) {
        DatiAlloggio a = d.dati();
        return new Object[] {id, enteId, a.codiceUi(), d.codiceFabbricato() == null ? null : fabbricati.get(d.codiceFabbricato()),
                d.comuneId(), a.zonaLocalita(), a.indirizzo(), a.scala(), a.interno(), a.piano(), a.superficieUtile(), a.vani(),
                a.ascensore(), a.barriereArchitettoniche(), a.destinazioneUso().name(), a.stato().name(), quando};
    }

    private long salva(EnteProprietario ente, String nome, Esito esito, int righe, int nuovi, int aggiornati, int invariati,
                       int rifiutate, int fabbricatiNuovi, List<Scarto> scarti, byte[] contenuto, Instant adesso) {
        String scartiJson;
        try {
            scartiJson = json.writeValueAsString(scarti);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return jdbc.queryForObject("""
                insert into anagrafe_importazione (ente_id, nome_file, esito, righe, nuovi, aggiornati, invariati, rifiutate,
                                                   fabbricati_nuovi, scarti, contenuto, operatore, eseguita_il)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?) returning id""", Long.class, ente.getId(), nome, esito.name(),
                righe, nuovi, aggiornati, invariati, rifiutate, fabbricatiNuovi, scartiJson,
                esito == Esito.NON_IMPORTATA ? contenuto : null, utente.username(), Timestamp.from(adesso));
    }

    private List<Scarto> scarti(String testo) {
        try {
            return json.readValue(testo, SCARTI);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
