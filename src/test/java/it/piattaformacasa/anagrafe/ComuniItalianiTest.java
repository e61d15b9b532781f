package it.piattaformacasa.anagrafe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import it.piattaformacasa.IntegrationTest;

/** The list of Italian comuni loaded by V23, against which every ISTAT code of the API is checked. */
@IntegrationTest
class ComuniItalianiTest {

    @Autowired
    ComuniItaliani comuni;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void laTabellaHaTuttiIComuniCorrentiConCodiciUnivoci() {
        assertThat(jdbc.queryForObject("select count(*) from comune_italiano", Integer.class)).isEqualTo(7896);
        assertThat(jdbc.queryForObject("select count(distinct codice_catastale) from comune_italiano", Integer.class))
                .as("codici catastali univoci").isEqualTo(7889);
        assertThat(jdbc.queryForObject("select count(distinct regione) from comune_italiano", Integer.class)).isEqualTo(20);
        assertThat(comuni.perCodiceIstat("012133")).hasValueSatisfying(varese -> {
            assertThat(varese.nome()).isEqualTo("Varese");
            assertThat(varese.codiceCatastale()).isEqualTo("L682");
            assertThat(varese.siglaProvincia()).isEqualTo("VA");
            assertThat(varese.regione()).isEqualTo("Lombardia");
        });
        assertThat(comuni.perCodiceIstat("081025")).as("Misiliscemi, established in 2021")
                .hasValueSatisfying(c -> assertThat(c.codiceCatastale()).isNull());
        assertThat(comuni.perCodiceIstat("099030")).as("Montecopiolo, in the province of Rimini since 2021")
                .hasValueSatisfying(c -> assertThat(c.codiceCatastale()).isEqualTo("F478"));
        assertThat(comuni.perCodiceIstat("041033")).as("its former code").isEmpty();
    }

    @Test
    void iComuniDellAnagrafeSonoComuniItalianiConLoStessoCodiceCatastale() {
        List<Map<String, Object>> diversi = jdbc.queryForList("""
                select c.codice_istat, c.codice_catastale from comune c join ambito a on a.id = c.ambito_id
                  left join comune_italiano i on i.codice_istat = c.codice_istat
                 where a.codice = 'VARESE'
                   and (i.codice_istat is null or i.codice_catastale <> c.codice_catastale or i.nome <> c.nome)""");
        assertThat(jdbc.queryForObject("select count(*) from comune c join ambito a on a.id = c.ambito_id where a.codice = 'VARESE'",
                Integer.class)).isEqualTo(4);
        assertThat(diversi).as("the demo ambito's comuni").isEmpty();
    }

    @Test
    void unCodiceSconosciutoEUnErroreCheNominaIlCampo() {
        assertThat(comuni.verificaCodiceIstat("residenza.codiceIstatComune", "999999")).hasValueSatisfying(errore -> {
            assertThat(errore.campo()).isEqualTo("residenza.codiceIstatComune");
            assertThat(errore.messaggio()).isEqualTo("il codice ISTAT 999999 non corrisponde a nessun comune italiano");
        });
        assertThat(comuni.verificaCodiceIstat("comuneLavoro", "012096")).isEmpty();
        assertThat(comuni.verificaCodiceIstat("comuneLavoro", null)).as("an absent code is for @NotNull to say").isEmpty();
    }
}
