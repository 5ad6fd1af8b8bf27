package de.kimgraph.api.analytics;

import java.util.HashMap;
import java.util.Map;

import de.kimgraph.api.graph.AnalyticsSupport;
import de.kimgraph.queries.analytics.Scope;
import de.kimgraph.queries.analytics.whodoeswhat.InterfacePapers;
import de.kimgraph.queries.analytics.whodoeswhat.Paper;
import de.kimgraph.queries.analytics.whodoeswhat.PaperFormat;
import de.kimgraph.queries.analytics.whodoeswhat.WhoDoesWhat;
import de.kimgraph.queries.analytics.whodoeswhat.WhoDoesWhatReport;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Component;

/** Registers {@code Query.whoDoesWhat} (the directory as maps) and {@code Query.interfacePaper} (the document text). */
@Component
class WhoDoesWhatWiring implements RuntimeWiringConfigurer {

    private final WhoDoesWhat whoDoesWhat;

    WhoDoesWhatWiring(WhoDoesWhat whoDoesWhat) {
        this.whoDoesWhat = whoDoesWhat;
    }

    @Override
    public void configure(RuntimeWiring.Builder wiring) {
        wiring.type("Query", type -> type.dataFetcher("whoDoesWhat", this::whoDoesWhat)
                .dataFetcher("interfacePaper", this::interfacePaper));
    }

    private WhoDoesWhatReport report(DataFetchingEnvironment env) {
        Scope scope = AnalyticsSupport.scope(env);
        return whoDoesWhat.find(scope, env.getArgument("field"), env.getArgument("targetGroup"),
                env.getArgument("legalDomain"));
    }

    private Object whoDoesWhat(DataFetchingEnvironment env) {
        WhoDoesWhatReport report = report(env);
        Map<String, Object> data = new HashMap<>();
        data.put("area", report.area());
        data.put("asOf", report.asOf());
        data.put("services", report.services().stream().map(s -> Map.of("service", s.service(),
                "providers", s.providers(), "areas", s.areas(), "viaEnclosingArea", s.viaEnclosingArea(),
                "contacts", s.contacts(), "programmes", s.programmes())).toList());
        data.put("responsibleUnits", report.units().stream().map(u -> Map.of("actor", u.actor(), "reasons", u.reasons(),
                "legalDomains", u.legalDomains(), "services", u.services(), "contacts", u.contacts())).toList());
        data.put("bodies", report.bodies().stream().map(b -> Map.of("body", b.body(), "areas", b.areas(),
                "viaEnclosingArea", b.viaEnclosingArea(), "leads", b.leads(), "memberCount", b.memberCount(),
                "contacts", b.contacts())).toList());
        data.put("associations", report.associations().stream().map(a -> Map.of("actor", a.actor(),
                "services", a.services(), "bodies", a.bodies(), "contacts", a.contacts())).toList());
        data.put("contacts", report.contacts());
        return AnalyticsSupport.result(data, report.asOf());
    }

    private String interfacePaper(DataFetchingEnvironment env) {
        String format = env.getArgument("format");
        return InterfacePapers.render(report(env), Paper.valueOf(env.getArgument("paper")),
                format == null ? PaperFormat.MARKDOWN : PaperFormat.valueOf(format));
    }
}
