package de.kimgraph.queries.analytics.whodoeswhat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import de.kimgraph.queries.analytics.CypherFiles;
import de.kimgraph.queries.analytics.Scope;
import de.kimgraph.queries.analytics.whodoeswhat.WhoDoesWhatReport.AssociationEntry;
import de.kimgraph.queries.analytics.whodoeswhat.WhoDoesWhatReport.BodyEntry;
import de.kimgraph.queries.analytics.whodoeswhat.WhoDoesWhatReport.ServiceEntry;
import de.kimgraph.queries.analytics.whodoeswhat.WhoDoesWhatReport.UnitEntry;
import de.kimgraph.queries.entity.EntityReader;
import de.kimgraph.queries.entity.UnsupportedFilterException;
import org.jspecify.annotations.Nullable;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who does what (DOMAIN.md §5.1, <i>Wer macht was</i>) for an area and, optionally, a field of action (with its
 * sub-fields), a target group and a legal domain:
 *
 * <ul>
 *   <li>services valid on {@code asOf} that serve the area, a sub-area (rolled down) or an enclosing area (rolled
 *       up: a Kreis-wide service covers its Gemeinden), with providers, role contacts and funding;</li>
 *   <li>responsible units: the providers of those services, and the actors working under the legal domain
 *       ({@code WORKS_UNDER}) whose remit covers the area — any legal domain when no filter is given at all, none
 *       when only a field or target group is given (an ABH is not "responsible" for language courses). A
 *       municipal or local actor's remit is the area it is based in; any other actor's the Kreis it is based in,
 *       since Kreis authorities are recorded with their seat in one Gemeinde;</li>
 *   <li>bodies valid on {@code asOf} that cover the area (or a sub-area or enclosing area) and address the field.
 *       Bodies have no target group or legal domain; asked for those without a field, the bodies are the ones in
 *       which at least one responsible unit sits (where the people responsible meet);</li>
 *   <li>associations (welfare associations, free providers, MSOs, volunteer initiatives, churches, foundations,
 *       other third-sector and civil-society actors) of the area — for the fourth interface paper;</li>
 *   <li>role-based contacts: {@code Role} nodes held in the providers and units, with functional mailboxes.</li>
 * </ul>
 *
 * <p>Four directory queries under {@code cypher/whodoeswhat/}, each starting from the areas in scope.
 */
@Component
@Transactional(readOnly = true)
public class WhoDoesWhat {

    private final Neo4jClient client;
    private final EntityReader reader;

    public WhoDoesWhat(Neo4jClient client, EntityReader reader) {
        this.client = client;
        this.reader = reader;
    }

    public WhoDoesWhatReport find(Scope scope, @Nullable String field, @Nullable String targetGroup,
                                  @Nullable String legalDomain) {
        Map<String, Object> area = reader.byKey("Area", scope.area(), null, scope.read());
        if (area == null) {
            throw new UnsupportedFilterException("Unbekanntes Gebiet " + scope.area() + ".", "Unknown area " + scope.area() + ".");
        }
        Map<String, Map<String, Object>> filters = new LinkedHashMap<>();
        known(filters, scope, "field", "FieldOfAction", field, "Handlungsfeld", "field of action");
        known(filters, scope, "targetGroup", "TargetGroup", targetGroup, "Zielgruppe", "target group");
        known(filters, scope, "legalDomain", "LegalDomain", legalDomain, "Rechtskreis", "legal domain");
        Map<String, Object> parameters = scope.parameters();
        parameters.put("field", field);
        parameters.put("targetGroup", targetGroup);
        parameters.put("legalDomain", legalDomain);

        List<ServiceEntry> services = rows("whodoeswhat/services", scope, parameters).stream()
                .map(r -> new ServiceEntry(map(r.get("service")), maps(r.get("areas")),
                        Boolean.TRUE.equals(r.get("viaEnclosingArea")), maps(r.get("providers")),
                        maps(r.get("contacts")), maps(r.get("fields")), maps(r.get("targetGroups")),
                        maps(r.get("legalDomains")), maps(r.get("programmes"))))
                .toList();

        Map<String, List<Map<String, Object>>> servicesByProvider = new LinkedHashMap<>();
        for (ServiceEntry service : services) {
            for (Map<String, Object> provider : service.providers()) {
                servicesByProvider.computeIfAbsent((String) provider.get("key"), k -> new ArrayList<>()).add(service.service());
            }
        }
        Map<String, Object> unitParameters = new HashMap<>(parameters);
        unitParameters.put("providers", List.copyOf(servicesByProvider.keySet()));
        unitParameters.put("everyDomain", field == null && targetGroup == null && legalDomain == null);
        List<UnitEntry> units = rows("whodoeswhat/units", scope, unitParameters).stream()
                .map(r -> {
                    Map<String, Object> actor = map(r.get("actor"));
                    return new UnitEntry(actor, strings(r.get("reasons")).stream().sorted().toList(),
                            maps(r.get("legalDomains")), maps(r.get("basedIn")),
                            servicesByProvider.getOrDefault((String) actor.get("key"), List.of()), maps(r.get("contacts")));
                })
                .toList();

        Set<String> unitKeys = units.stream().map(UnitEntry::key).collect(Collectors.toSet());
        boolean narrowToUnits = field == null && (targetGroup != null || legalDomain != null);
        List<BodyEntry> bodies = rows("whodoeswhat/bodies", scope, parameters).stream()
                .filter(r -> !narrowToUnits || strings(r.get("members")).stream().anyMatch(unitKeys::contains))
                .map(r -> new BodyEntry(map(r.get("body")), maps(r.get("areas")),
                        Boolean.TRUE.equals(r.get("viaEnclosingArea")), maps(r.get("fields")), maps(r.get("leads")),
                        strings(r.get("members")).size(), maps(r.get("contacts"))))
                .toList();

        List<AssociationEntry> associations = rows("whodoeswhat/associations", scope, parameters).stream()
                .map(r -> new AssociationEntry(map(r.get("actor")), maps(r.get("services")), maps(r.get("bodies")),
                        maps(r.get("basedIn")), maps(r.get("contacts"))))
                .toList();

        Map<String, Map<String, Object>> contacts = new LinkedHashMap<>();
        services.forEach(s -> s.contacts().forEach(c -> contacts.putIfAbsent((String) c.get("key"), c)));
        units.forEach(u -> u.contacts().forEach(c -> contacts.putIfAbsent((String) c.get("key"), c)));
        List<Map<String, Object>> sortedContacts = contacts.values().stream()
                .sorted(Comparator.comparing((Map<String, Object> c) -> String.valueOf(c.get("actorName")))
                        .thenComparing(c -> (String) c.get("key")))
                .toList();
        return new WhoDoesWhatReport(area, scope.asOf(), filters, services, units, bodies, associations, sortedContacts);
    }

    private void known(Map<String, Map<String, Object>> filters, Scope scope, String argument, String label, @Nullable String key,
                       String nameDe, String nameEn) {
        if (key == null) {
            return;
        }
        Map<String, Object> record = reader.byKey(label, key, null, scope.read());
        if (record == null) {
            throw new UnsupportedFilterException("Unbekannte(s) " + nameDe + " " + key + ".", "Unknown " + nameEn + " " + key + ".");
        }
        filters.put(argument, record);
    }

    private List<Map<String, Object>> rows(String file, Scope scope, Map<String, Object> parameters) {
        Collection<Map<String, Object>> rows = client.query(CypherFiles.get(file, scope.read())).bindAll(parameters).fetch().all();
        return List.copyOf(rows);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(@Nullable Object value) {
        return value == null ? Map.of() : (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> maps(@Nullable Object value) {
        return value == null ? List.of() : (List<Map<String, Object>>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(@Nullable Object value) {
        return value == null ? List.of() : (List<String>) value;
    }
}
