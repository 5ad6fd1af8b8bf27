package de.kimgraph.queries.write;

import java.util.List;
import java.util.NoSuchElementException;

import de.kimgraph.model.spec.GraphSpec;

/** The writable node types of the API and the links their inputs set. */
public final class NodeWrites {

    /** A writable node type. */
    public record NodeWrite(String typeName, String label, List<InputLink> links) {
    }

    public static final List<NodeWrite> ALL = List.of(
            new NodeWrite("Actor", GraphSpec.ACTOR, List.of(
                    InputLink.one("parent", "PART_OF", GraphSpec.ACTOR, false),
                    InputLink.out("basedIn", "BASED_IN", GraphSpec.AREA),
                    InputLink.out("legalDomains", "WORKS_UNDER", GraphSpec.LEGAL_DOMAIN))),
            new NodeWrite("Role", GraphSpec.ROLE, List.of(InputLink.one("actor", "HELD_IN", GraphSpec.ACTOR, true))),
            new NodeWrite("Body", GraphSpec.BODY, List.of(
                    InputLink.out("fields", "ADDRESSES", GraphSpec.FIELD),
                    InputLink.out("areas", "COVERS", GraphSpec.AREA),
                    InputLink.in("mandatedBy", "MANDATES", GraphSpec.BODY),
                    InputLink.out("feedsInto", "FEEDS_INTO", GraphSpec.BODY),
                    InputLink.out("docksOnto", "DOCKS_ONTO", GraphSpec.BODY),
                    InputLink.out("replaces", "REPLACES", GraphSpec.BODY))),
            new NodeWrite("Service", GraphSpec.SERVICE, List.of(
                    InputLink.in("providers", "PROVIDES", GraphSpec.ACTOR),
                    InputLink.out("fields", "IN_FIELD", GraphSpec.FIELD),
                    InputLink.out("targetGroups", "FOR_GROUP", GraphSpec.TARGET_GROUP),
                    InputLink.out("areas", "SERVES", GraphSpec.AREA),
                    InputLink.out("legalDomains", "UNDER", GraphSpec.LEGAL_DOMAIN))),
            new NodeWrite("FundingProgramme", GraphSpec.PROGRAMME, List.of(
                    InputLink.in("funders", "FUNDS", GraphSpec.ACTOR))),
            new NodeWrite("Position", GraphSpec.POSITION, List.of(
                    InputLink.one("unit", "IN_UNIT", GraphSpec.ACTOR, true))),
            new NodeWrite("Agreement", GraphSpec.AGREEMENT, List.of(
                    InputLink.in("parties", "PARTY_TO", GraphSpec.ACTOR),
                    InputLink.out("governsBodies", "GOVERNS", GraphSpec.BODY),
                    InputLink.out("governsServices", "GOVERNS", GraphSpec.SERVICE))));

    private NodeWrites() {
    }

    public static NodeWrite of(String typeName) {
        return ALL.stream().filter(w -> w.typeName().equals(typeName)).findFirst()
                .orElseThrow(() -> new NoSuchElementException(typeName));
    }
}
