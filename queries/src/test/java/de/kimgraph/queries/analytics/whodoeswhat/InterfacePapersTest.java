package de.kimgraph.queries.analytics.whodoeswhat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import de.kimgraph.queries.analytics.whodoeswhat.WhoDoesWhatReport.AssociationEntry;
import de.kimgraph.queries.analytics.whodoeswhat.WhoDoesWhatReport.BodyEntry;
import org.junit.jupiter.api.Test;

/** The text formats of the interface papers: CSV quoting and formula neutralising, Markdown cell escaping. */
class InterfacePapersTest {

    private static final Map<String, Object> AREA = Map.of("key", "999940000000", "name", "Kreis Test (fiktiv)");

    private static WhoDoesWhatReport report(List<BodyEntry> bodies, List<AssociationEntry> associations) {
        return new WhoDoesWhatReport(AREA, LocalDate.of(2026, 12, 1), Map.of(), List.of(), List.of(), bodies,
                associations, List.of());
    }

    @Test
    void csvValuesAreQuotedWithDoubledQuotes() {
        assertThat(InterfacePapers.csvValue("Projekt \"Ankommen\"; Teil 2")).isEqualTo("\"Projekt \"\"Ankommen\"\"; Teil 2\"");
        assertThat(InterfacePapers.csvValue("")).isEqualTo("\"\"");
        assertThat(InterfacePapers.csvValue(null)).isEqualTo("\"\"");
        assertThat(InterfacePapers.csvValue("Zeile 1\nZeile 2")).isEqualTo("\"Zeile 1\nZeile 2\"");
    }

    @Test
    void valuesASpreadsheetWouldRunAsFormulaAreNeutralised() {
        assertThat(InterfacePapers.csvValue("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(InterfacePapers.csvValue("+49 0000 4711")).isEqualTo("\"'+49 0000 4711\"");
        assertThat(InterfacePapers.csvValue("-1")).isEqualTo("\"'-1\"");
        assertThat(InterfacePapers.csvValue("@SUMME(A1)")).isEqualTo("\"'@SUMME(A1)\"");
        assertThat(InterfacePapers.csvValue("Kontakt: +49 0000 4711")).isEqualTo("\"Kontakt: +49 0000 4711\"");
    }

    @Test
    void anAssociationWithOnlyAPhoneGetsItAsContactNeutralisedInCsv() {
        AssociationEntry mso = new AssociationEntry(Map.of("key", "x-mso", "name", "+Verein (fiktiv)",
                "kind", "MIGRANT_ORGANISATION", "phone", "+49 0000 4711"), List.of(), List.of(), List.of(), List.of());

        String csv = InterfacePapers.render(report(List.of(), List.of(mso)), Paper.ASSOCIATIONS, PaperFormat.CSV);

        assertThat(csv.split("\r\n")).containsExactly(
                "\"Verein/Verband (association)\";\"Art (kind)\";\"Sitz (based in)\";\"Angebote (services)\";"
                        + "\"Gremien (bodies)\";\"Kontakt (contact)\";\"Website (website)\";\"Schlüssel (key)\"",
                "\"'+Verein (fiktiv)\";\"Migrantenorganisation (MSO)\";\"\";\"\";\"\";\"'+Verein (fiktiv): +49 0000 4711\";\"\";\"x-mso\"");
    }

    @Test
    void markdownCellsEscapePipesAndLineBreaks() {
        BodyEntry body = new BodyEntry(Map.of("key", "x-body", "name", "AG A|B\nneu", "type", "WORKING_GROUP"),
                List.of(), false, List.of(), List.of(), 0, List.of());

        String markdown = InterfacePapers.render(report(List.of(body), List.of()), Paper.NETWORKS, PaperFormat.MARKDOWN);

        assertThat(markdown.lines()).contains("| AG A\\|B neu | Arbeitsgruppe |  |  |  | 0 |  |  |  | x-body |", "1 Eintrag (entry).");
    }

    @Test
    void fileNamesAreGermanWithAndWithoutUmlauts() {
        LocalDate asOf = LocalDate.of(2026, 12, 1);

        assertThat(InterfacePapers.fileName(Paper.ASSOCIATIONS, PaperFormat.CSV, "999940000000", asOf, true))
                .isEqualTo("Schnittstellenpapier-Vereine-und-Verbände_999940000000_2026-12-01.csv");
        assertThat(InterfacePapers.fileName(Paper.ASSOCIATIONS, PaperFormat.MARKDOWN, "999940000000", asOf, false))
                .isEqualTo("Schnittstellenpapier-Vereine-und-Verbaende_999940000000_2026-12-01.md");
        assertThat(Paper.fromSlug("projects-and-contacts")).isEqualTo(Paper.PROJECTS_AND_CONTACTS);
        assertThat(Paper.PROJECTS_AND_CONTACTS.slug()).isEqualTo("projects-and-contacts");
    }
}
