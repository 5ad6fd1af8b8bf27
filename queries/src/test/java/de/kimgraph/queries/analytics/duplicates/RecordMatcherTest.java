package de.kimgraph.queries.analytics.duplicates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Name normalisation, similarity, blocking and scoring of duplicate-record candidates, without a database. */
class RecordMatcherTest {

    private static RecordMatcher.Record record(String key, String name, String address, String... identifiers) {
        return new RecordMatcher.Record(key, name, address, List.of(identifiers), Set.of());
    }

    @Test
    void spellingsOfOneNameNormaliseAlike() {
        assertThat(Names.compact("Caritas-Verband Auental (fiktiv)")).isEqualTo("caritasverbandauental")
                .isEqualTo(Names.compact("Caritasverband Auental e.V. (fiktiv)"));
        assertThat(Names.compact("Flüchtlingshilfe Süd gGmbH")).isEqualTo("fluechtlingshilfesued");
        assertThat(Names.address("Marktstraße 3, 00200 Zwiefelden (fiktiv)")).isEqualTo(Names.address("Marktstr. 3, 00200 Zwiefelden"));
        assertThat(Names.identifier("VR 1017 (Amtsgericht Auenstadt)")).isEqualTo(Names.identifier("vr1017 (amtsgericht auenstadt)"));
        assertThat(Names.scheme("VR 1017 (Amtsgericht Auenstadt)")).isEqualTo(Names.scheme("VR 2203 (Amtsgericht Auenstadt)"));
    }

    @Test
    void trigramSimilarityKeepsMunicipalAdministrationsApart() {
        assertThat(Names.similarity(Names.compact("Internationaler Frauentreff Auenstadt e.V."),
                Names.compact("Internationaler Frauentreff Auental"))).isCloseTo(0.8571, within(0.0001));
        assertThat(Names.similarity(Names.compact("Gemeindeverwaltung Quellingen"),
                Names.compact("Gemeindeverwaltung Haselried"))).isLessThan(RecordMatcher.MIN_NAME_SIMILARITY);
        assertThat(Names.similarity("", "")).isZero();
    }

    @Test
    void scoresIdentifierNameAndAddressAndPenalisesContradictions() {
        List<RecordMatcher.Match> matches = RecordMatcher.match(List.of(
                record("a", "Caritasverband Auental e.V.", "Kirchgasse 4, 00102 Auenstadt", "VR 1017 (AG Auenstadt)"),
                record("b", "Caritas-Verband Auental", "Kirchgasse 4, 00102 Auenstadt", "VR 1017 (AG Auenstadt)"),
                record("c", "AWO Kreisverband Auental e.V.", "Gartenstraße 12, 00103 Auenstadt", "VR 0931 (AG Auenstadt)"),
                record("d", "AWO-Kreisverband Auental", "Rotkreuzweg 1, 00180 Steinquell", "VR 1442 (AG Auenstadt)"),
                record("e", "Sprachcafé", null),
                record("f", "Sprachcafe", null)), 0.0).matches();

        assertThat(matches.stream().map(m -> m.first().key() + m.second().key() + "=" + Math.round(m.score() * 100)))
                .as("AWO pair: different register numbers and addresses outweigh the name").containsExactly("ab=100", "ef=40");
    }

    @Test
    void aUnitIsNeverADuplicateOfItsOrganisation() {
        RecordMatcher.Record parent = record("p", "Caritasverband Auental", "Kirchgasse 4");
        RecordMatcher.Record unit = new RecordMatcher.Record("u", "Caritasverband Auental (Migrationsdienst)",
                "Kirchgasse 4", List.of(), Set.of("p"));

        assertThat(RecordMatcher.match(List.of(parent, unit), 0.0).matches()).isEmpty();
    }

    @Test
    void blockingComparesAFractionOfAllPairsAndStillFindsThePlantedDuplicates() {
        Random random = new Random(42);
        String[] kinds = {"Verein", "Initiative", "Beratungsstelle", "Netzwerk", "Forum", "Treffpunkt", "Werkstatt",
                "Kulturverein", "Elternverein", "Sportverein"};
        List<RecordMatcher.Record> records = new ArrayList<>();
        int n = 20_000;
        for (int i = 0; i < n; i++) {
            String word = word(random, 6);
            String town = "Ort" + word(new Random(i % 200), 5);
            records.add(record("r" + i, kinds[i % kinds.length] + " " + word + " " + town,
                    "Weg " + i + ", " + town, "VR " + (10_000 + i) + " (Amtsgericht " + town + ")"));
        }
        records.add(record("dup-name", records.get(17).name().replace(" ", "-") + " e.V.", null));
        records.add(record("dup-id", "Ganz anderer Name", null, "VR 10099 (Amtsgericht " + town(records.get(99)) + ")"));

        RecordMatcher.Result result = RecordMatcher.match(records, 0.4);

        long allPairs = (long) records.size() * (records.size() - 1) / 2;
        assertThat(result.comparedPairs()).isLessThan((int) (allPairs / 1000));
        assertThat(result.matches().stream().map(m -> m.first().key() + "/" + m.second().key()))
                .contains("dup-name/r17", "dup-id/r99");
    }

    private static String town(RecordMatcher.Record record) {
        return record.name().substring(record.name().lastIndexOf(' ') + 1);
    }

    private static String word(Random random, int length) {
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < length; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }
}
