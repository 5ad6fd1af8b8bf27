package de.kimgraph.queries.write;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import de.kimgraph.queries.access.AccessDenied;
import de.kimgraph.queries.access.AccessRole;
import de.kimgraph.queries.access.Principal;
import org.jspecify.annotations.Nullable;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lists the proposals a caller may see, newest first: operations all; coordinators and the administration those
 * made by or asked of their tenant; partners those involving their organisation. Dashboards and the Land see none
 * (proposals are internal by nature).
 */
@Component
@Transactional(readOnly = true)
public class ProposalReader {

    private final Neo4jClient client;

    public ProposalReader(Neo4jClient client) {
        this.client = client;
    }

    /** Where a page continues: after the proposal created at {@code at} with {@code key}. */
    public record After(ZonedDateTime at, String key) {
    }

    public record Page(List<Map<String, Object>> items, boolean hasNext) {
    }

    public Page list(Principal principal, @Nullable String status, int first, @Nullable After after) {
        boolean all = principal.has(AccessRole.ADMIN);
        List<String> tenants = new ArrayList<>();
        if ((principal.has(AccessRole.COORDINATOR) || principal.has(AccessRole.ADMINISTRATION))
                && principal.tenant() != null) {
            tenants.add(principal.tenant());
        }
        String organisation = principal.partnerOf();
        if (!all && tenants.isEmpty() && organisation == null) {
            throw new AccessDenied("Vorschläge sehen nur die beteiligten Mandanten und Organisationen.",
                    "Only the tenants and organisations involved see proposals.");
        }
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("all", all);
        parameters.put("tenants", tenants);
        parameters.put("organisation", organisation);
        parameters.put("status", status);
        parameters.put("afterAt", after == null ? null : after.at());
        parameters.put("afterKey", after == null ? null : after.key());
        parameters.put("limit", first + 1);
        List<Map<String, Object>> items = new ArrayList<>();
        client.query("""
                MATCH (p:Proposal)
                WHERE ($all OR p.tenant IN $tenants OR p.toTenant IN $tenants
                       OR ($organisation IS NOT NULL AND (p.from = $organisation OR p.to = $organisation)))
                  AND ($status IS NULL OR p.status = $status)
                  AND ($afterAt IS NULL OR p.createdAt < $afterAt OR (p.createdAt = $afterAt AND p.key < $afterKey))
                RETURN p{.*} AS item
                ORDER BY p.createdAt DESC, p.key DESC
                LIMIT $limit""").bindAll(parameters).fetch().all().forEach(row -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> item = (Map<String, Object>) row.get("item");
            items.add(item);
        });
        boolean hasNext = items.size() > first;
        return new Page(hasNext ? items.subList(0, first) : items, hasNext);
    }
}
