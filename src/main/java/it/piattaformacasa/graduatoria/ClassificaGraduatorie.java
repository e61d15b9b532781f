package it.piattaformacasa.graduatoria;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

import it.piattaformacasa.domanda.DomandaInGraduatoria;

/**
 * The ranking of one generation computed from its inputs and parameters, with the digests of both: the one code path
 * of the generation (provisional and definitive) and of the re-run of its run record, so that a re-run proves what
 * the generation did rather than what a copy of it would do.
 */
public final class ClassificaGraduatorie {

    /** What the ranking depends on besides the domande; recorded with each run. */
    public record Parametri(CriterioFinale criterioFinale, boolean riserveCategorie) {
    }

    /** One graduatoria: ente proprietario and comune (art. 12 co. 1); the comune's ISTAT code decides «priorità». */
    public record Chiave(long enteId, long comuneId, String codiceIstat) implements Comparable<Chiave> {
        @Override
        public int compareTo(Chiave o) {
            return Comparator.comparingLong(Chiave::enteId).thenComparingLong(Chiave::comuneId).compare(this, o);
        }
    }

    private final List<DomandaInGraduatoria> input;
    private final Parametri parametri;
    private final SortedMap<Chiave, List<DomandaInGraduatoria>> graduatorie;
    private final String digestInput;
    private final String digestRisultato;

    private ClassificaGraduatorie(List<DomandaInGraduatoria> input, Parametri parametri,
                                  Map<Chiave, List<DomandaInGraduatoria>> gruppi) {
        this.input = input;
        this.parametri = parametri;
        Comparator<DomandaInGraduatoria> ordine = OrdinamentoGraduatoria.art12(parametri.criterioFinale());
        SortedMap<Chiave, List<DomandaInGraduatoria>> ordinate = new TreeMap<>();
        gruppi.forEach((chiave, domande) -> ordinate.put(chiave, domande.stream().sorted(ordine).toList()));
        this.graduatorie = Collections.unmodifiableSortedMap(ordinate);
        this.digestInput = digestInput(input);
        this.digestRisultato = digestRisultato(this.graduatorie);
    }

    /** The graduatorie provvisorie: one per ente and comune where a domanda chose alloggi, with those domande. */
    public static ClassificaGraduatorie perEnteEComune(List<DomandaInGraduatoria> input, Parametri parametri) {
        Map<Chiave, List<DomandaInGraduatoria>> gruppi = new TreeMap<>();
        for (DomandaInGraduatoria domanda : input) {
            Set<Chiave> chiavi = new LinkedHashSet<>();
            domanda.alloggi().forEach(a -> chiavi.add(new Chiave(a.enteId(), a.comuneId(), a.codiceIstatComune())));
            chiavi.forEach(c -> gruppi.computeIfAbsent(c, k -> new ArrayList<>()).add(domanda));
        }
        return new ClassificaGraduatorie(input, parametri, gruppi);
    }

    /** One graduatoria re-ranked as a whole (the DEFINITIVA): every domanda given, whatever its alloggi. */
    public static ClassificaGraduatorie unica(Chiave chiave, List<DomandaInGraduatoria> input, Parametri parametri) {
        return new ClassificaGraduatorie(input, parametri, Map.of(chiave, input));
    }

    public List<DomandaInGraduatoria> input() {
        return input;
    }

    public Parametri parametri() {
        return parametri;
    }

    /** Each graduatoria's domande in art. 12 order, graduatorie by ente and comune. */
    public SortedMap<Chiave, List<DomandaInGraduatoria>> graduatorie() {
        return graduatorie;
    }

    /** Each graduatoria's domande ids in order (position = index + 1): what the run record keeps as its result. */
    public SortedMap<Chiave, List<Long>> posizioni() {
        SortedMap<Chiave, List<Long>> posizioni = new TreeMap<>();
        graduatorie.forEach((chiave, ordinate) -> posizioni.put(chiave, ordinate.stream().map(DomandaInGraduatoria::id).toList()));
        return posizioni;
    }

    /**
     * Digest of everything the ranking depends on, independent of the order the domande were read in: each domanda's
     * scores, tie-break attributes and flags, and its alloggi with the ente and comune that group the graduatorie.
     */
    public String digestInput() {
        return digestInput;
    }

    /** Digest of the ranking: every graduatoria's positions, graduatorie by ente and comune. */
    public String digestRisultato() {
        return digestRisultato;
    }

    private static String digestInput(List<DomandaInGraduatoria> input) {
        MessageDigest digest = sha256();
        input.stream().sorted(Comparator.comparingLong(DomandaInGraduatoria::id)).forEach(d -> aggiorna(digest,
                d.id() + "|" + d.isbar().toPlainString() + "|" + d.residenteComuneDal() + "|" + d.residenteLombardiaDal()
                        + "|" + d.puntiFamiliare().toPlainString() + "|" + d.puntiAbitativo().toPlainString() + "|"
                        + d.puntiEconomico().toPlainString() + "|" + d.presentataIl() + "|" + d.indigente() + "|"
                        + d.codiceIstatResidenza() + "|" + d.membroCategorie() + "|"
                        + d.alloggi().stream().map(a -> a.alloggioId() + "@" + a.preferenza() + ":" + a.enteId()
                                + "/" + a.comuneId() + "/" + a.codiceIstatComune()).collect(Collectors.joining(",")) + "\n"));
        return esadecimale(digest);
    }

    private static String digestRisultato(SortedMap<Chiave, List<DomandaInGraduatoria>> graduatorie) {
        MessageDigest digest = sha256();
        graduatorie.forEach((chiave, ordinate) -> {
            for (int i = 0; i < ordinate.size(); i++) {
                aggiorna(digest, chiave.enteId() + "|" + chiave.comuneId() + "|" + (i + 1) + "|" + ordinate.get(i).id() + "\n");
            }
        });
        return esadecimale(digest);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void aggiorna(MessageDigest digest, String testo) {
        digest.update(testo.getBytes(StandardCharsets.UTF_8));
    }

    private static String esadecimale(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }
}
