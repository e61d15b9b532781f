package it.piattaformacasa.domanda;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.format.FormatMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import it.piattaformacasa.anagrafe.Componente;
import it.piattaformacasa.anagrafe.NucleoFamiliare;
import it.piattaformacasa.common.Punteggio;

import jakarta.persistence.EntityManagerFactory;

/**
 * A domanda just constructed, written with its nucleo, the nucleo's members and the chosen alloggi in one statement
 * (issue 17, ADR 25): Hibernate's persist, cascade and flush of these four tables were a fifth of a node's request
 * time in the opening-day burst, and four or five round trips. The rows are those Hibernate writes for the same
 * objects, column for column (`ScritturaDomandaTest` compares them); the JSON columns go through Hibernate's own
 * format mapper, so the entity reads them back as it wrote them. Only for a new domanda: every later change goes
 * through the entity.
 * <p>
 * The members' ids come from their column's default, the sequence's next value, as every insert that names no id
 * (V62): a value Hibernate's blocks never contain.
 */
@Component
class ScritturaDomanda {

    private static final String INSERIMENTO = """
            with n as (
                insert into nucleo_familiare (alloggio_id, creato_il, motivo_termine, sostituito_da_id, terminato_da,
                                              terminato_il, version)
                values (null, ?, null, null, null, null, 0)
                returning id
            ), c as (
                insert into componente (nucleo_id, codice_fiscale, nome, cognome, data_nascita, relazione,
                                        percentuale_invalidita, indennita_accompagnamento, handicap_grave, disoccupato,
                                        posizione)
                select n.id, m.* from n, unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::date[], ?::varchar[],
                                                ?::integer[], ?::boolean[], ?::boolean[], ?::boolean[], ?::integer[]) m
            ), d as (
                insert into domanda (avviso_id, nucleo_id, richiedente_cf, richiedente_cognome, richiedente_nome,
                                     codice_istat_residenza, residente_lombardia_dal, residente_comune_dal,
                                     lavoro_in_lombardia, codice_istat_lavoro, alloggi_posseduti, nota_alloggi, isee,
                                     protocollo_dsu, data_dsu, patrimonio, attestazione_servizi_sociali, indigente,
                                     condizioni, punti_familiare, punti_abitativo, punti_economico,
                                     punti_residenza_regione, punti_residenza_comune, isbar, punti_familiare_lavoro,
                                     punti_abitativo_lavoro, punti_economico_lavoro, punti_residenza_regione_lavoro,
                                     punti_residenza_comune_lavoro, isbar_lavoro, spiegazione, spiegazione_lavoro,
                                     categorie, versione_regole, input_regole, idempotency_key, idempotency_impronta,
                                     presentata_il, presentata_da, corpo_appartenenza, stato, version)
                select ?, n.id, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?,
                       ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?
                  from n
                returning id
            ), s as (
                insert into domanda_alloggio (domanda_id, preferenza, alloggio_id, motivo, titolo)
                select d.id, a.* from d, unnest(?::integer[], ?::bigint[], ?::varchar[], ?::varchar[]) a
            )
            select id from d""";

    private final JdbcTemplate jdbc;
    private final FormatMapper json;
    private final WrapperOptions opzioni;
    private final JavaType<Object> tipoCondizioni;
    private final JavaType<Object> tipoSpiegazione;
    private final JavaType<Object> tipoCategorie;

    ScritturaDomanda(JdbcTemplate jdbc, EntityManagerFactory entityManagerFactory) {
        this.jdbc = jdbc;
        SessionFactoryImplementor sessioni = entityManagerFactory.unwrap(SessionFactoryImplementor.class);
        this.json = sessioni.getSessionFactoryOptions().getJsonFormatMapper();
        this.opzioni = sessioni.getWrapperOptions();
        EntityPersister domanda = sessioni.getMappingMetamodel().getEntityDescriptor(Domanda.class);
        this.tipoCondizioni = tipo(domanda, "condizioni");
        this.tipoSpiegazione = tipo(domanda, "spiegazione");
        this.tipoCategorie = tipo(domanda, "categorie");
    }

    @SuppressWarnings("unchecked")
    private static JavaType<Object> tipo(EntityPersister entita, String attributo) {
        return (JavaType<Object>) entita.findAttributeMapping(attributo).getSingleJdbcMapping().getJavaTypeDescriptor();
    }

    /**
     * Writes the domanda, its nucleo, members and chosen alloggi in the caller's transaction (one statement: all or
     * nothing even without one) and gives the domanda its id; a refusal of the database (the one-domanda key) comes as
     * Spring's {@code DataIntegrityViolationException}, nothing written.
     */
    long inserisci(Domanda domanda) {
        Long id = jdbc.query(connessione -> istruzione(connessione, domanda), rs -> rs.next() ? rs.getLong(1) : null);
        if (id == null) {
            throw new IllegalStateException("Inserimento della domanda senza id");
        }
        domanda.registrataCome(id);
        return id;
    }

    private PreparedStatement istruzione(Connection connessione, Domanda d) throws SQLException {
        NucleoFamiliare nucleo = d.getNucleo();
        List<Componente> membri = nucleo.getComponenti();
        int quanti = membri.size();
        Object[] codici = new Object[quanti], nomi = new Object[quanti], cognomi = new Object[quanti],
                nascite = new Object[quanti], relazioni = new Object[quanti], invalidita = new Object[quanti],
                accompagnamento = new Object[quanti], handicap = new Object[quanti], disoccupati = new Object[quanti],
                posizioni = new Object[quanti];
        for (int i = 0; i < quanti; i++) {
            Componente c = membri.get(i);
            codici[i] = c.getCodiceFiscale().valore();
            nomi[i] = c.getNome();
            cognomi[i] = c.getCognome();
            nascite[i] = c.getDataNascita();
            relazioni[i] = c.getRelazione().name();
            invalidita[i] = c.getPercentualeInvalidita();
            accompagnamento[i] = c.isIndennitaAccompagnamento();
            handicap[i] = c.isHandicapGrave();
            disoccupati[i] = c.isDisoccupato();
            posizioni[i] = c.getPosizione();
        }
        List<SceltaAlloggio> scelte = d.getScelte();
        Object[] preferenze = new Object[scelte.size()], alloggi = new Object[scelte.size()],
                motivi = new Object[scelte.size()], titoli = new Object[scelte.size()];
        for (int i = 0; i < scelte.size(); i++) {
            SceltaAlloggio s = scelte.get(i);
            preferenze[i] = i; // Hibernate's order column counts from 0
            alloggi[i] = s.getAlloggioId();
            motivi[i] = s.getMotivo();
            titoli[i] = s.getTitolo() == null ? null : s.getTitolo().name();
        }

        PreparedStatement ps = connessione.prepareStatement(INSERIMENTO);
        int i = 0;
        ps.setObject(++i, istante(nucleo.getCreatoIl()));
        ps.setArray(++i, connessione.createArrayOf("varchar", codici));
        ps.setArray(++i, connessione.createArrayOf("varchar", nomi));
        ps.setArray(++i, connessione.createArrayOf("varchar", cognomi));
        ps.setArray(++i, connessione.createArrayOf("date", nascite));
        ps.setArray(++i, connessione.createArrayOf("varchar", relazioni));
        ps.setArray(++i, connessione.createArrayOf("integer", invalidita));
        ps.setArray(++i, connessione.createArrayOf("boolean", accompagnamento));
        ps.setArray(++i, connessione.createArrayOf("boolean", handicap));
        ps.setArray(++i, connessione.createArrayOf("boolean", disoccupati));
        ps.setArray(++i, connessione.createArrayOf("integer", posizioni));

        ps.setLong(++i, d.getAvviso().getId());
        ps.setString(++i, d.getRichiedente().valore());
        ps.setString(++i, d.getRichiedenteCognome());
        ps.setString(++i, d.getRichiedenteNome());
        ps.setString(++i, d.getCodiceIstatResidenza());
        data(ps, ++i, d.getResidenteLombardiaDal());
        data(ps, ++i, d.getResidenteComuneDal());
        ps.setBoolean(++i, d.isLavoroInLombardia());
        ps.setString(++i, d.getCodiceIstatLavoro());
        ps.setString(++i, d.getAlloggiPosseduti());
        ps.setString(++i, d.getNotaAlloggi());
        ps.setBigDecimal(++i, d.getIsee() == null ? null : d.getIsee().valore());
        ps.setString(++i, d.getProtocolloDsu());
        data(ps, ++i, d.getDataDsu());
        ps.setBigDecimal(++i, d.getPatrimonio() == null ? null : d.getPatrimonio().valore());
        ps.setBoolean(++i, d.isAttestazioneServiziSociali());
        ps.setBoolean(++i, d.isIndigente());
        ps.setString(++i, json(d.getCondizioni(), tipoCondizioni));
        for (Punteggio p : new Punteggio[] {d.getPuntiFamiliare(), d.getPuntiAbitativo(), d.getPuntiEconomico(),
                d.getPuntiResidenzaRegione(), d.getPuntiResidenzaComune(), d.getIsbar(), d.getPuntiFamiliareLavoro(),
                d.getPuntiAbitativoLavoro(), d.getPuntiEconomicoLavoro(), d.getPuntiResidenzaRegioneLavoro(),
                d.getPuntiResidenzaComuneLavoro(), d.getIsbarLavoro()}) {
            ps.setBigDecimal(++i, valore(p));
        }
        ps.setString(++i, json(d.getSpiegazione(), tipoSpiegazione));
        ps.setString(++i, json(d.getSpiegazioneLavoro(), tipoSpiegazione));
        ps.setString(++i, json(d.getCategorie(), tipoCategorie));
        ps.setString(++i, d.getVersioneRegole());
        ps.setString(++i, d.getInputRegole());
        ps.setString(++i, d.getIdempotencyKey());
        ps.setString(++i, d.getIdempotencyImpronta());
        ps.setObject(++i, istante(d.getPresentataIl()));
        ps.setString(++i, d.getPresentataDa());
        ps.setString(++i, d.getCorpoAppartenenza() == null ? null : d.getCorpoAppartenenza().name());
        ps.setString(++i, d.getStato().name());
        ps.setLong(++i, d.getVersion());

        ps.setArray(++i, connessione.createArrayOf("integer", preferenze));
        ps.setArray(++i, connessione.createArrayOf("bigint", alloggi));
        ps.setArray(++i, connessione.createArrayOf("varchar", motivi));
        ps.setArray(++i, connessione.createArrayOf("varchar", titoli));
        return ps;
    }

    private String json(Object valore, JavaType<Object> tipo) {
        return valore == null ? null : json.toString(valore, tipo, opzioni);
    }

    private static void data(PreparedStatement ps, int indice, LocalDate data) throws SQLException {
        if (data == null) {
            ps.setNull(indice, Types.DATE);
        } else {
            ps.setObject(indice, data);
        }
    }

    private static OffsetDateTime istante(Instant istante) {
        return istante == null ? null : istante.atOffset(ZoneOffset.UTC);
    }

    private static BigDecimal valore(Punteggio punteggio) {
        return punteggio == null ? null : punteggio.valore();
    }
}
