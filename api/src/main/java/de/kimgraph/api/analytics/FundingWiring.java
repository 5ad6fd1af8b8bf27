package de.kimgraph.api.analytics;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import de.kimgraph.api.graph.AnalyticsSupport;
import de.kimgraph.queries.analytics.Scope;
import de.kimgraph.queries.analytics.funding.FundingCliffReport;
import de.kimgraph.queries.analytics.funding.FundingCliffReport.MoneyRelation;
import de.kimgraph.queries.analytics.funding.FundingCliffReport.ProgrammeCliff;
import de.kimgraph.queries.analytics.funding.FundingCliffs;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Component;

/** Registers {@code Query.fundingCliffs}: the report as maps, entity records as their property maps. */
@Component
class FundingWiring implements RuntimeWiringConfigurer {

    private final FundingCliffs cliffs;

    FundingWiring(FundingCliffs cliffs) {
        this.cliffs = cliffs;
    }

    @Override
    public void configure(RuntimeWiring.Builder wiring) {
        wiring.type("Query", type -> type.dataFetcher("fundingCliffs", this::fundingCliffs));
    }

    private Object fundingCliffs(DataFetchingEnvironment env) {
        Scope scope = AnalyticsSupport.scope(env);
        LocalDate endingBefore = env.getArgument("endingBefore");
        FundingCliffReport report = cliffs.analyse(scope, env.getArgument("programme"), endingBefore);
        Map<String, Object> data = new HashMap<>();
        data.put("area", report.area());
        data.put("asOf", report.asOf());
        data.put("endingBefore", report.endingBefore());
        data.put("programme", report.programme() == null ? null : report.programmes().stream()
                .filter(p -> p.key().equals(report.programme())).map(ProgrammeCliff::programme).findFirst().orElse(null));
        data.put("programmes", report.programmes().stream().map(FundingWiring::programme).toList());
        data.put("findings", AnalyticsSupport.findings(report.findings()));
        return AnalyticsSupport.result(data, report.asOf());
    }

    private static Map<String, Object> programme(ProgrammeCliff cliff) {
        Map<String, Object> map = new HashMap<>();
        map.put("programme", cliff.programme());
        map.put("ends", cliff.ends());
        map.put("fundedFte", cliff.fundedFte());
        map.put("positions", cliff.positions().stream().map(p -> {
            Map<String, Object> m = new HashMap<>();
            m.put("position", p.position());
            m.put("unit", p.unit());
            m.put("funding", p.funding());
            m.put("share", p.share());
            m.put("fte", p.fte());
            m.put("fundedFte", p.fundedFte());
            return m;
        }).toList());
        map.put("services", cliff.services().stream().map(s -> Map.of("service", s.service(), "funding", s.funding(),
                "share", s.share(), "providers", s.providers())).toList());
        map.put("bodies", cliff.bodies().stream().map(b -> Map.of("body", b.body(), "membership", b.membership(),
                "role", b.role(), "actor", b.actor(), "positions", b.positions())).toList());
        map.put("grants", money(cliff.grants()));
        map.put("passOns", money(cliff.passOns()));
        map.put("coFinancings", money(cliff.coFinancings()));
        map.put("requirements", cliff.requirements().stream().map(r -> Map.of("direction", r.direction(),
                "requirement", r.requirement(), "requiredBy", r.other())).toList());
        map.put("finding", AnalyticsSupport.finding(cliff.finding()));
        return map;
    }

    private static List<Map<String, Object>> money(List<MoneyRelation> relations) {
        return relations.stream().map(r -> {
            Map<String, Object> m = new HashMap<>();
            m.put("kind", r.kind());
            m.put("key", r.key());
            m.put("amount", r.amount());
            m.put("from", r.from());
            m.put("to", r.to());
            return m;
        }).toList();
    }
}
