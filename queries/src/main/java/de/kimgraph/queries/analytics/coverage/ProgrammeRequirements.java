package de.kimgraph.queries.analytics.coverage;

import de.kimgraph.queries.analytics.Rows;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import de.kimgraph.queries.analytics.CypherFiles;
import de.kimgraph.queries.analytics.Evidence;
import de.kimgraph.queries.analytics.Finding;
import de.kimgraph.queries.analytics.Scope;
import org.jspecify.annotations.Nullable;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checks the requirements of funding programmes against their recipients (DOMAIN.md §5.2, programme-requirement
 * gaps; the KIM conditions of §2): for every valid grant to an actor based in the scope, each requirement of the
 * programme is met or not.
 *
 * <ul>
 *   <li>STEERING_BODY: the recipient or one of its units (PART_OF, transitively) is a valid member of a valid,
 *       active body of type STEERING_BODY that covers the scope.</li>
 *   <li>DEFINED_INTERFACE, concerning programme P: the recipient or one of its units is party to a valid agreement
 *       that another party is also party to which provides a valid service funded by P or receives a grant of P, or
 *       that GOVERNS a valid service funded by P. A cooperation agreement between two P providers without the
 *       recipient does not define the recipient's interface, however well it divides their work.</li>
 * </ul>
 * CONCEPT and OTHER requirements are listed with {@code met = null}: the graph does not record them.
 */
@Component
@Transactional(readOnly = true)
public class ProgrammeRequirements {

    private final Neo4jClient client;

    public ProgrammeRequirements(Neo4jClient client) {
        this.client = client;
    }

    /** The checks with their findings (a PROGRAMME_REQUIREMENT_GAP per requirement not met). */
    public record Result(List<RequirementCheck> checks, List<Finding> findings) {
    }

    public Result check(Scope scope) {
        return check(scope, Axes.load(client, scope).areaName());
    }

    Result check(Scope scope, String areaName) {
        List<Map<String, Object>> rows = List.copyOf(client.query(CypherFiles.get("coverage/programme-requirements", scope.read()))
                .bindAll(scope.parameters()).fetch().all());
        if (rows.isEmpty()) {
            return new Result(List.of(), List.of());
        }
        Set<String> recipients = new LinkedHashSet<>();
        List<Map<String, String>> pairs = new ArrayList<>();
        Set<String> concerned = new LinkedHashSet<>();
        for (Map<String, Object> row : rows) {
            String recipient = key(row.get("recipient"));
            String kind = (String) Rows.map(row.get("requirement")).get("kind");
            if ("STEERING_BODY".equals(kind)) {
                recipients.add(recipient);
            } else if ("DEFINED_INTERFACE".equals(kind)) {
                for (Map<String, Object> q : Rows.maps(row.get("concerns"))) {
                    pairs.add(Map.of("recipient", recipient, "programme", key(q)));
                    concerned.add(key(q));
                }
            }
        }
        Map<String, List<Map<String, Object>>> steering = group(recipients.isEmpty() ? List.of()
                : client.query(CypherFiles.get("coverage/steering-memberships", scope.read()))
                .bindAll(scope.parameters(Map.of("recipients", List.copyOf(recipients)))).fetch().all(), "recipient", null);
        Map<String, List<Map<String, Object>>> agreements = group(pairs.isEmpty() ? List.of()
                : client.query(CypherFiles.get("coverage/interface-agreements", scope.read()))
                .bindAll(scope.parameters(Map.of("pairs", pairs))).fetch().all(), "recipient", "programme");
        Map<String, List<Map<String, Object>>> funded = group(concerned.isEmpty() ? List.of()
                : client.query(CypherFiles.get("coverage/programme-services", scope.read()))
                .bindAll(scope.parameters(Map.of("programmes", List.copyOf(concerned)))).fetch().all(), "programme", null);

        List<RequirementCheck> checks = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            Map<String, Object> requirement = Rows.map(row.get("requirement"));
            String kind = (String) requirement.get("kind");
            Context context = new Context((String) row.get("grant"), Rows.map(row.get("programme")),
                    Rows.map(row.get("recipient")), requirement, scope.area(), areaName);
            switch (kind) {
                case "STEERING_BODY" -> steeringBody(context, steering.getOrDefault(key(context.recipient), List.of()),
                        checks, findings);
                case "DEFINED_INTERFACE" -> definedInterface(context, Rows.maps(row.get("concerns")), agreements,
                        funded, checks, findings);
                default -> checks.add(new RequirementCheck(context.grant, context.programme, context.recipient,
                        requirement, null, List.of()));
            }
        }
        return new Result(checks, findings);
    }

    private record Context(String grant, Map<String, Object> programme, Map<String, Object> recipient,
                           Map<String, Object> requirement, String area, String areaName) {

        String programmeName() {
            return (String) programme.get("name");
        }

        String recipientName() {
            return (String) recipient.get("name");
        }

        String description() {
            Object description = requirement.get("description");
            return description == null ? (String) requirement.get("key") : (String) description;
        }

        List<Evidence> base() {
            List<Evidence> evidence = new ArrayList<>();
            evidence.add(new Evidence("PROGRAMME", key(programme), programmeName(), "Programm mit Fördervoraussetzung"));
            evidence.add(new Evidence("GRANT", grant, null, "Zuwendung"));
            evidence.add(new Evidence("ACTOR", key(recipient), recipientName(), "Zuwendungsempfänger"));
            evidence.add(new Evidence("REQUIREMENT", key(requirement), description(), "nicht erfüllte Voraussetzung"));
            evidence.add(new Evidence("AREA", area, areaName, "Gebiet"));
            return evidence;
        }
    }

    private static void steeringBody(Context c, List<Map<String, Object>> memberships, List<RequirementCheck> checks,
                                     List<Finding> findings) {
        List<Evidence> evidence = new ArrayList<>();
        Set<String> bodies = new LinkedHashSet<>();
        for (Map<String, Object> m : memberships) {
            if (bodies.add((String) m.get("body"))) {
                evidence.add(new Evidence("BODY", (String) m.get("body"), (String) m.get("bodyName"), "Steuerungsgremium"));
            }
        }
        for (Map<String, Object> m : memberships) {
            evidence.add(new Evidence("MEMBERSHIP", (String) m.get("membership"), (String) m.get("memberName"),
                    "Mitgliedschaft (" + m.get("role") + ") in " + m.get("bodyName")));
        }
        boolean met = !memberships.isEmpty();
        checks.add(new RequirementCheck(c.grant, c.programme, c.recipient, c.requirement, met, met ? evidence : c.base()));
        if (met) {
            return;
        }
        findings.add(Finding.of("PROGRAMME_REQUIREMENT_GAP", "HIGH",
                "%s erhält „%s“ (Zuwendung %s), aber weder %s noch eine seiner Einheiten ist Mitglied eines gültigen, "
                        .formatted(c.recipientName(), c.programmeName(), c.grant, c.recipientName())
                        + "aktiven Steuerungsgremiums (Lenkungsgruppe) für %s. Die Fördervoraussetzung „%s“ ist damit nicht belegt. "
                        .formatted(c.areaName, c.description())
                        + "Zu klären: eine Lenkungsgruppe einrichten oder ein bestehendes Gremium mandatieren und mit seinen Mitgliedern erfassen.",
                "%s receives \"%s\" (grant %s), but neither it nor any of its units is a member of a valid, active steering "
                        .formatted(c.recipientName(), c.programmeName(), c.grant)
                        + "body (Lenkungsgruppe) for %s, so the requirement \"%s\" is not shown to be met. "
                        .formatted(c.areaName, c.description())
                        + "To do: set up a steering group or mandate an existing body, and record it with its members.",
                c.base()));
    }

    private static void definedInterface(Context c, List<Map<String, Object>> concerns,
                                         Map<String, List<Map<String, Object>>> agreements,
                                         Map<String, List<Map<String, Object>>> funded,
                                         List<RequirementCheck> checks, List<Finding> findings) {
        if (concerns.isEmpty()) {
            checks.add(new RequirementCheck(c.grant, c.programme, c.recipient, c.requirement, null, List.of()));
            return;
        }
        List<Evidence> metEvidence = new ArrayList<>();
        List<Map<String, Object>> missing = new ArrayList<>();
        for (Map<String, Object> q : concerns) {
            List<Map<String, Object>> found = agreements.getOrDefault(key(c.recipient) + "|" + key(q), List.of());
            if (found.isEmpty()) {
                missing.add(q);
            }
            for (Map<String, Object> a : found) {
                metEvidence.add(new Evidence("AGREEMENT", (String) a.get("agreement"), (String) a.get("title"),
                        "Schnittstellenvereinbarung zu " + q.get("name")));
                for (Map<String, Object> party : Rows.maps(a.get("parties"))) {
                    metEvidence.add(new Evidence("ACTOR", key(party), (String) party.get("name"), "Vertragspartei des Empfängers"));
                }
                for (Map<String, Object> link : Rows.maps(a.get("links"))) {
                    boolean governs = "GOVERNS".equals(link.get("via"));
                    metEvidence.add(new Evidence(governs ? "SERVICE" : "ACTOR", key(link), (String) link.get("name"),
                            governs ? "geregeltes Angebot des Programms " + q.get("name")
                                    : "Vertragspartei aus dem Programm " + q.get("name")));
                }
            }
        }
        if (missing.isEmpty()) {
            checks.add(new RequirementCheck(c.grant, c.programme, c.recipient, c.requirement, true, metEvidence));
            return;
        }
        List<Evidence> evidence = c.base();
        List<String> serviceNames = new ArrayList<>();
        Set<String> providers = new LinkedHashSet<>();
        Map<String, String> providerNames = new HashMap<>();
        for (Map<String, Object> q : missing) {
            evidence.add(new Evidence("PROGRAMME", key(q), (String) q.get("name"), "Programm ohne definierte Schnittstelle"));
            List<Map<String, Object>> services = funded.getOrDefault(key(q), List.of());
            for (Map<String, Object> s : services.subList(0, Math.min(services.size(), CoverageFindings.MAX_LISTED_SERVICES))) {
                evidence.add(new Evidence("SERVICE", key(s), (String) s.get("name"),
                        "gefördertes Angebot ohne Schnittstellenvereinbarung"));
                serviceNames.add((String) s.get("name"));
                for (Map<String, Object> p : Rows.maps(s.get("providers"))) {
                    providers.add(key(p));
                    providerNames.put(key(p), (String) p.get("name"));
                }
            }
        }
        for (String provider : providers) {
            evidence.add(new Evidence("ACTOR", provider, providerNames.get(provider), "Träger des geförderten Angebots"));
        }
        checks.add(new RequirementCheck(c.grant, c.programme, c.recipient, c.requirement, false, evidence));
        String programmes = String.join(", ", missing.stream().map(q -> "„" + q.get("name") + "“").toList());
        String programmesEn = String.join(", ", missing.stream().map(q -> "\"" + q.get("name") + "\"").toList());
        String affectedDe = serviceNames.isEmpty() ? "Im Gebiet ist kein gültiges Angebot dieses Programms erfasst."
                : "Betroffen: " + String.join(", ", serviceNames) + " (Träger: "
                + String.join(", ", providers.stream().map(providerNames::get).toList()) + ").";
        String affectedEn = serviceNames.isEmpty() ? "No valid service of that programme is recorded in the area."
                : "Affected: " + String.join(", ", serviceNames) + " (provider: "
                + String.join(", ", providers.stream().map(providerNames::get).toList()) + ").";
        findings.add(Finding.of("PROGRAMME_REQUIREMENT_GAP", "HIGH",
                "%s erhält „%s“ (Zuwendung %s), das eine definierte Schnittstelle zu %s verlangt („%s“). "
                        .formatted(c.recipientName(), c.programmeName(), c.grant, programmes, c.description())
                        + "Es gibt aber keine gültige Vereinbarung, an der %s oder eine seiner Einheiten und ein Träger dieses Programms beteiligt sind oder die eines seiner Angebote regelt. "
                        .formatted(c.recipientName())
                        + affectedDe + " Zu klären: ein Schnittstellenpapier mit dem Träger abschließen und erfassen.",
                "%s receives \"%s\" (grant %s), which requires a defined interface to %s (\"%s\"), "
                        .formatted(c.recipientName(), c.programmeName(), c.grant, programmesEn, c.description())
                        + "but there is no valid agreement between it (or one of its units) and a provider of that programme, nor one governing one of its services. "
                        + affectedEn + " To do: conclude an interface paper with the provider and record it.",
                evidence));
    }

    private static Map<String, List<Map<String, Object>>> group(Iterable<Map<String, Object>> rows, String first,
                                                                 @Nullable String second) {
        Map<String, List<Map<String, Object>>> result = new HashMap<>();
        for (Map<String, Object> row : rows) {
            String k = second == null ? (String) row.get(first) : row.get(first) + "|" + row.get(second);
            result.computeIfAbsent(k, x -> new ArrayList<>()).add(row);
        }
        return result;
    }

    private static String key(Object node) {
        return (String) Rows.map(node).get("key");
    }
}
