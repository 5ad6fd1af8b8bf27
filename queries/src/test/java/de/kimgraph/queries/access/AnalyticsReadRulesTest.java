package de.kimgraph.queries.access;

import static de.kimgraph.queries.access.ReadRuleFixture.A;
import static de.kimgraph.queries.access.ReadRuleFixture.B;
import static de.kimgraph.queries.access.ReadRuleFixture.B_CONTACT;
import static de.kimgraph.queries.access.ReadRuleFixture.COORDINATOR_A;
import static de.kimgraph.queries.access.ReadRuleFixture.COORDINATOR_B;
import static de.kimgraph.queries.access.ReadRuleFixture.SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import de.kimgraph.queries.analytics.Scope;
import de.kimgraph.queries.analytics.coverage.CoverageFindings;
import de.kimgraph.queries.analytics.coverage.CoverageMatrix;
import de.kimgraph.queries.analytics.coverage.CoverageMatrixQuery;
import de.kimgraph.queries.analytics.coverage.CoverageOptions;
import de.kimgraph.queries.analytics.coverage.ProgrammeRequirements;
import de.kimgraph.queries.analytics.duplicates.DuplicateStructures;
import de.kimgraph.queries.analytics.duplicates.Thresholds;
import de.kimgraph.queries.analytics.funding.FundingCliffs;
import de.kimgraph.queries.analytics.health.NetworkHealth;
import de.kimgraph.queries.analytics.history.HistoryDiff;
import de.kimgraph.queries.analytics.interfaces.ActorGraphReader;
import de.kimgraph.queries.analytics.interfaces.InterfacePoints;
import de.kimgraph.queries.analytics.whodoeswhat.InterfacePapers;
import de.kimgraph.queries.analytics.whodoeswhat.Paper;
import de.kimgraph.queries.analytics.whodoeswhat.PaperFormat;
import de.kimgraph.queries.analytics.whodoeswhat.WhoDoesWhat;
import de.kimgraph.queries.analytics.whodoeswhat.WhoDoesWhatReport;
import de.kimgraph.queries.entity.EntityReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.neo4j.core.Neo4jClient;

/**
 * The analyses run for a coordinator of Kreis A on Kreis B's area: their answers (findings, evidence, figures,
 * matrix cells, report entries, the interface papers) contain nothing of B's internal records and none of B's
 * contact channels, while the same analysis with {@link ReadRule#ALL} (or B's own coordinator) does show them, so
 * that each path is known to reach the internal data in the first place. The answers are compared as strings:
 * every B-internal key and name in the fixture contains {@code geheim}.
 */
class AnalyticsReadRulesTest {

    private static final LocalDate AS_OF = LocalDate.parse("2026-12-01");

    private static EntityReader reader;
    private static Neo4jClient client;

    @BeforeAll
    static void load() {
        client = ReadRuleFixture.load();
        reader = new EntityReader(client);
    }

    @AfterAll
    static void remove() {
        ReadRuleFixture.remove();
    }

    @Test
    void coverageGaps() {
        CoverageMatrixQuery matrices = new CoverageMatrixQuery(client);
        ProgrammeRequirements requirements = new ProgrammeRequirements(client);
        CoverageFindings findings = new CoverageFindings(client, requirements);
        hidesInternalData(scope -> {
            CoverageMatrix matrix = matrices.matrix(scope, CoverageOptions.defaults(), true);
            return List.of(matrix.cells(CoverageMatrix.Filter.all(), 0, 100_000), findings.findings(scope,
                    CoverageOptions.defaults()), requirements.check(scope));
        });
    }

    @Test
    void interfacePoints() {
        InterfacePoints interfaces = new InterfacePoints(client, new ActorGraphReader(client));
        hidesInternalData(scope -> interfaces.analyse(scope, InterfacePoints.Options.DEFAULTS));
    }

    @Test
    void duplicateStructures() {
        DuplicateStructures duplicates = new DuplicateStructures(client, reader);
        hidesInternalData(scope -> duplicates.analyse(scope, Thresholds.DEFAULTS, null));
    }

    @Test
    void networkHealth() {
        NetworkHealth health = new NetworkHealth(new ActorGraphReader(client));
        hidesInternalData(scope -> health.analyse(scope, NetworkHealth.Options.DEFAULTS));
    }

    @Test
    void fundingCliffs() {
        FundingCliffs cliffs = new FundingCliffs(client, reader);
        hidesInternalData(scope -> cliffs.analyse(scope, null, null));
        hidesInternalData(scope -> cliffs.analyse(scope, "rrb-programm", null));
    }

    @Test
    void whoDoesWhatAndTheInterfacePapers() {
        WhoDoesWhat whoDoesWhat = new WhoDoesWhat(client, reader);
        hidesInternalData(scope -> {
            WhoDoesWhatReport report = whoDoesWhat.find(scope, null, null, null);
            List<Object> answers = new ArrayList<>(List.of(report));
            for (Paper paper : Paper.values()) {
                for (PaperFormat format : PaperFormat.values()) {
                    answers.add(InterfacePapers.render(report, paper, format));
                }
            }
            return answers;
        });
        hidesInternalData(scope -> whoDoesWhat.find(scope, "SOCIAL_SECURITY", null, null));
    }

    @Test
    void historyDiff() {
        HistoryDiff history = new HistoryDiff(client, reader);
        hidesInternalData(scope -> history.diff(scope.area(), LocalDate.parse("2024-12-31"), AS_OF, scope.read(), 100));
    }

    @Test
    void aCoordinatorReadsItsOwnInternalDataInItsOwnArea() {
        WhoDoesWhat whoDoesWhat = new WhoDoesWhat(client, reader);

        String own = String.valueOf(whoDoesWhat.find(Scope.of(A, AS_OF, COORDINATOR_A), null, null, null));

        assertThat(own).contains("rra-beratung", "ki@rra-amt.example", "koordination@rra-amt.example");
        assertThat(String.valueOf(whoDoesWhat.find(Scope.of(A, AS_OF, COORDINATOR_B), null, null, null)))
                .doesNotContain("rra-beratung", "@rra");
    }

    /** The analysis on B's area: B's internal data and contacts for B's coordinator and ALL, none for A's. */
    private static void hidesInternalData(Function<Scope, Object> analysis) {
        String all = String.valueOf(analysis.apply(Scope.of(B, AS_OF, ReadRule.ALL)));
        String ownCoordinator = String.valueOf(analysis.apply(Scope.of(B, AS_OF, COORDINATOR_B)));
        String otherCoordinator = String.valueOf(analysis.apply(Scope.of(B, AS_OF, COORDINATOR_A)));
        String publicReader = String.valueOf(analysis.apply(Scope.of(B, AS_OF, ReadRule.PUBLIC)));

        assertThat(all).contains(SECRET);
        assertThat(ownCoordinator).contains(SECRET);
        assertThat(otherCoordinator).doesNotContain(SECRET, B_CONTACT);
        assertThat(publicReader).doesNotContain(SECRET, B_CONTACT);
    }
}
