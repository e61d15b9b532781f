package it.piattaformacasa.bench;

import org.springframework.jdbc.core.JdbcTemplate;

import it.piattaformacasa.common.CodiceFiscale;

/**
 * A deterministic synthetic avviso, written set-based by the database: an ambito of 20 comuni, 10 enti with 20 alloggi
 * each in two comuni, and N closed domande with realistic spreads of ISEE, residence and points. Also usable to load a
 * demo avviso of any size.
 */
public final class GeneratoreAvvisoSintetico {

    private final JdbcTemplate jdbc;

    public GeneratoreAvvisoSintetico(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public long avvisoChiuso(int domande) {
        long ambito = jdbc.queryForObject("insert into ambito (codice, nome) values ('BENCH-' || ?, 'Ambito sintetico') returning id",
                Long.class, System.nanoTime());
        jdbc.update("""
                insert into comune (codice_istat, codice_catastale, nome, provincia, popolazione, ambito_id)
                select lpad((990000 + i + ? %% 900 * 20)::text, 6, '0'), 'Y' || lpad((i + ? %% 900 * 20)::text, 3, '0'),
                       'Comune sintetico ' || i, 'VA', 5000 + i * 731, ?
                  from generate_series(1, 20) i""".formatted(), ambito % 40, ambito % 40, ambito);
        Long[] comuni = jdbc.queryForList("select id from comune where ambito_id = ? order by id", Long.class, ambito).toArray(new Long[0]);
        long[] enti = new long[10];
        for (int e = 0; e < enti.length; e++) {
            enti[e] = jdbc.queryForObject("""
                    insert into ente_proprietario (tipo, codice_fiscale, ragione_sociale, comune_id)
                    values (?, ?, ?, ?) returning id""", Long.class, e == 0 ? "ALER" : "COMUNE",
                    codiceFiscaleEnte(ambito * 100 + e), "Ente sintetico " + (e + 1), comuni[e * 2]);
            for (int c = 0; c < 2; c++) {
                jdbc.update("""
                        insert into alloggio (codice_ui, ente_id, comune_id, indirizzo, piano, superficie_utile, vani, ascensore,
                                              barriere_architettoniche, stato)
                        select 'S-' || ? || '-' || ? || '-' || i, ?, ?, 'Via Sintetica ' || i, i %% 5, 40 + i * 3, 1 + i %% 4,
                               i %% 2 = 0, false, 'LIBERO'
                          from generate_series(1, 10) i""".formatted(), e, c, enti[e], comuni[e * 2 + c]);
            }
        }
        Long primoAlloggio = jdbc.queryForObject("select min(a.id) from alloggio a join comune c on c.id = a.comune_id "
                + "where c.ambito_id = ?", Long.class, ambito);
        long avviso = jdbc.queryForObject("""
                insert into avviso (ambito_id, titolo, tipo, apertura, chiusura, stato, versione_regole, massimo_alloggi_per_domanda,
                                    riserve_categorie, predisposto_il, predisposto_da)
                values (?, 'Avviso sintetico', 'ORDINARIO', now() - interval '40 days', now() - interval '1 day', 'CHIUSO',
                        'LOMBARDIA_2025_SECONDO_STEP', 2, true, now() - interval '45 days', 'benchmark') returning id""", Long.class, ambito);
        // points spread like the platform's examples (family 0–9, housing 0–7, economic 0.5–3, residence bands)
        jdbc.update("""
                with n as (insert into nucleo_familiare (creato_il) select now() from generate_series(1, ?) returning id),
                     x as (select id as nucleo, row_number() over (order by id) as i from n),
                     p as (select nucleo, i,
                                  ((i * 7919) %% 10)::numeric as fam, ((i * 104729) %% 8)::numeric as abit,
                                  (array[0.5, 1, 2, 3])[1 + (i * 31) %% 4]::numeric as econ,
                                  (array[0, 2.5, 4.5, 6.5])[1 + (i * 17) %% 4]::numeric as reg,
                                  (array[0, 3, 5, 8])[1 + (i * 13) %% 4]::numeric as com
                             from x)
                insert into domanda (avviso_id, nucleo_id, richiedente_cf, codice_istat_residenza, residente_lombardia_dal,
                    residente_comune_dal, lavoro_in_lombardia, isee, protocollo_dsu, data_dsu, patrimonio,
                    attestazione_servizi_sociali, indigente, condizioni, punti_familiare, punti_abitativo, punti_economico,
                    punti_residenza_regione, punti_residenza_comune, isbar, spiegazione, versione_regole, presentata_il,
                    presentata_da, categorie, input_regole)
                select ?, nucleo, 'B' || lpad(i::text, 15, '0'), lpad((990001 + i %% 20)::text, 6, '0'),
                       date '1990-01-01' + (i * 37 %% 12000)::int, date '2000-01-01' + (i * 53 %% 9000)::int, true,
                       (i * 389 %% 16000)::numeric, 'BENCH-' || i, date '2026-01-15', 0, (i * 389 %% 16000) <= 3000,
                       (i * 389 %% 16000) <= 3000, '{}'::jsonb, fam, abit, econ, reg, com, fam + abit + econ + reg + com, '[]'::jsonb,
                       'LOMBARDIA_2025_SECONDO_STEP', now() - interval '20 days' + (i || ' seconds')::interval, 'benchmark',
                       case when i %% 5 = 0 then '["ANZIANI"]'::jsonb else '[]'::jsonb end,
                       -- what the rules saw, with the same spreads (what-if simulations evaluate on it)
                       jsonb_build_object('isbar', jsonb_build_object(
                           'anniResidenzaLombardia', 5 + i %% 30, 'anniResidenzaComune', i %% 5,
                           'alloggioSceltoNelComuneDiResidenza', i %% 3 = 0, 'anziani', i %% 5 = 0,
                           'invaliditaMassima', (array[0, 0, 0, 70, 100])[1 + i %% 5], 'accompagnamento', i %% 11 = 0,
                           'handicapGrave', i %% 13 = 0, 'famigliaNuovaFormazione', i %% 7 = 0, 'personaSolaConMinori', i %% 9 = 0,
                           'rilascioAlloggio', i %% 17 = 0, 'alloggioImproprio', i %% 19 = 0, 'coabitazione', i %% 4 = 0,
                           'sovraffollamento', i %% 6 = 0, 'alloggioAntigienico', i %% 23 = 0,
                           'barriereArchitettoniche', i %% 29 = 0, 'isee', (i * 389 %% 16000)),
                         'requisiti-economici', jsonb_build_object('isee', (i * 389 %% 16000),
                           'attestazioneServiziSociali', (i * 389 %% 16000) <= 3000, 'attestazioneRichiesta', true,
                           'componentiMaggiorenni', 1 + i %% 3, 'superficieUtile', 40 + i %% 60, 'componentiNucleo', 1 + i %% 3 + i %% 2))
                  from p""".formatted(), domande, avviso);
        // one or two alloggi each, spread over the 200 units of the 10 enti
        jdbc.update("""
                insert into domanda_alloggio (domanda_id, preferenza, alloggio_id)
                select d.id, 0, ? + (d.id * 7 % 200) from domanda d where d.avviso_id = ?
                union all
                select d.id, 1, ? + ((d.id * 7 + 101) % 200) from domanda d where d.avviso_id = ? and d.id % 2 = 0""",
                primoAlloggio, avviso, primoAlloggio, avviso);
        jdbc.execute("analyze domanda; analyze domanda_alloggio");
        return avviso;
    }

    /** An 11-digit codice fiscale with a valid check digit (CodiceFiscale refuses anything else). */
    static String codiceFiscaleEnte(long base) {
        return CodiceFiscale.conControllo(String.format("%010d", 8_000_000_000L + base % 1_000_000_000L));
    }
}
