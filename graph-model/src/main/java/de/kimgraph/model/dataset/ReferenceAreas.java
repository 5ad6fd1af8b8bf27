package de.kimgraph.model.dataset;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import de.kimgraph.model.spec.GraphSpec;
import de.kimgraph.model.spec.PropertySpec;
import de.kimgraph.model.spec.RelationshipSpec;

/**
 * The official areas of North Rhine-Westphalia ({@code reference/nrw-areas.csv}, Destatis GV100AD; source and
 * licence in {@code reference/README.md}) as a dataset: one Area per row and PART_OF to its parent.
 */
public final class ReferenceAreas {

    public static final String RESOURCE = "/reference/nrw-areas.csv";
    public static final String NRW_ARS = "050000000000";

    private ReferenceAreas() {
    }

    public static byte[] bytes() {
        return Resources.read(RESOURCE);
    }

    public static Dataset dataset() {
        String[] lines = new String(bytes(), StandardCharsets.UTF_8).split("\r?\n");
        List<String> header = List.of(lines[0].split(","));
        List<Dataset.NodeRecord> nodes = new ArrayList<>();
        List<Dataset.RelationshipRecord> partOf = new ArrayList<>();
        RelationshipSpec partOfSpec = GraphSpec.relationships("PART_OF").getFirst();
        List<Problem> problems = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            List<String> cells = Csv.split(lines[i]);
            Map<String, String> row = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                row.put(header.get(c), c < cells.size() ? cells.get(c) : "");
            }
            String location = "nrw-areas.csv, Zeile " + (i + 1);
            Map<String, Object> properties = new LinkedHashMap<>();
            for (String column : List.of("ars", "ags", "name", "level", "population", "municipality")) {
                PropertySpec spec = GraphSpec.node(GraphSpec.AREA).property(column).orElseThrow();
                Object value = Values.convert(spec, row.get(column), location, problems);
                if (value != null) {
                    properties.put(column, value);
                }
            }
            properties.put("country", "DE");
            properties.put("tenant", GraphSpec.REFERENCE_TENANT);
            properties.put("visibility", "PUBLISHED");
            properties.put("source", "Destatis GV100AD (Gebietsstand 30.11.2021), dl-de/by-2-0");
            nodes.add(new Dataset.NodeRecord(GraphSpec.AREA, row.get("ars"), properties, location));
            String parent = row.get("parentArs");
            if (parent != null && !parent.isBlank()) {
                partOf.add(new Dataset.RelationshipRecord(partOfSpec, null, row.get("ars"), parent,
                        Map.of("tenant", GraphSpec.REFERENCE_TENANT, "visibility", "PUBLISHED"), location));
            }
        }
        if (!problems.isEmpty()) {
            throw new DatasetException(problems);
        }
        return new Dataset("nrw-areas", nodes, partOf);
    }
}
