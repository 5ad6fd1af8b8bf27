package de.kimgraph.queries.analytics.funding;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import de.kimgraph.queries.analytics.Finding;
import org.jspecify.annotations.Nullable;

/**
 * The answer of {@link FundingCliffs}: per programme what depends on it, and one {@code FUNDING_CLIFF} finding each.
 *
 * @param area         the area as a property map
 * @param endingBefore the date before which the programmes end ({@code null} when one programme was asked for)
 * @param programme    the programme asked for, if any
 */
public record FundingCliffReport(Map<String, Object> area, LocalDate asOf, @Nullable LocalDate endingBefore,
                                 @Nullable String programme, List<ProgrammeCliff> programmes, List<Finding> findings) {

    public FundingCliffReport {
        programmes = List.copyOf(programmes);
        findings = List.copyOf(findings);
    }

    /**
     * What breaks away with one programme.
     *
     * @param programme    the programme as a property map
     * @param ends         its end: the earlier of {@code periodEnd} and {@code validTo} ({@code null} = open)
     * @param fundedFte    Σ fte × share over {@link #positions}
     * @param requirements what it requires of others, and what others require concerning it
     */
    public record ProgrammeCliff(Map<String, Object> programme, @Nullable LocalDate ends, double fundedFte,
                                 List<FundedPosition> positions, List<FundedService> services, List<LedBody> bodies,
                                 List<MoneyRelation> grants, List<MoneyRelation> passOns,
                                 List<MoneyRelation> coFinancings, List<RequirementLink> requirements,
                                 Finding finding) {

        public String key() {
            return (String) programme.get("key");
        }

        public String name() {
            return (String) programme.get("name");
        }
    }

    /** A position funded by the programme; {@code fte} may be unknown, then it adds nothing to the funded FTE. */
    public record FundedPosition(Map<String, Object> position, Map<String, Object> unit, Map<String, Object> funding,
                                 double share,
                                 @Nullable Double fte, double fundedFte) {
    }

    /** A service funded by the programme with its share and providers. */
    public record FundedService(Map<String, Object> service, Map<String, Object> funding, double share,
                                List<Map<String, Object>> providers) {
    }

    /** A body whose chair, co-chair or secretariat is held by a unit with positions funded by the programme. */
    public record LedBody(Map<String, Object> body, Map<String, Object> membership, String role, Map<String, Object> actor,
                          List<Map<String, Object>> positions) {
    }

    /**
     * A grant of the programme, a pass-on of its money, or a co-financing by one of its funders.
     *
     * @param from the passing or co-financing actor ({@code null} for a grant, which comes from the programme)
     */
    public record MoneyRelation(String kind, String key, @Nullable Double amount, @Nullable Map<String, Object> from,
                                Map<String, Object> to) {
    }

    /**
     * A requirement: {@code REQUIRED_BY_PROGRAMME} (the programme requires it of its recipients; it lapses with the
     * programme) or {@code CONCERNS_PROGRAMME} (another programme requires an interface to this one).
     *
     * @param other the programme that requires it
     */
    public record RequirementLink(String direction, Map<String, Object> requirement, Map<String, Object> other) {
    }
}
