package de.kimgraph.model.synthetic;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import de.kimgraph.model.dataset.Dataset;
import de.kimgraph.model.dataset.ReferenceAreas;

/** A Kreis or kreisfreie Stadt of the NRW reference areas with its Gemeinden (a city is its own only Gemeinde). */
record District(String ars, String name, boolean city, int population, List<Gemeinde> gemeinden) {

    record Gemeinde(String ars, String name, int population) {
    }

    static District of(String ars) {
        District district = Districts.BY_ARS.get(ars);
        if (district == null) {
            throw new IllegalArgumentException("Kein Kreis und keine kreisfreie Stadt in NRW: " + ars
                    + " / not a district of NRW");
        }
        return district;
    }

    /** The 53 districts, by ARS. */
    static final class Districts {

        static final Map<String, District> BY_ARS = load();

        static List<District> all() {
            return List.copyOf(BY_ARS.values());
        }

        private static Map<String, District> load() {
            Dataset areas = ReferenceAreas.dataset();
            Map<String, String> parent = new LinkedHashMap<>();
            areas.relationships().forEach(r -> parent.put(r.from(), r.to()));
            Map<String, District> result = new LinkedHashMap<>();
            for (Dataset.NodeRecord node : areas.nodes()) {
                String level = (String) node.properties().get("level");
                if (level.equals("DISTRICT") || level.equals("DISTRICT_FREE_CITY")) {
                    boolean city = level.equals("DISTRICT_FREE_CITY");
                    int population = ((Number) node.properties().get("population")).intValue();
                    List<Gemeinde> gemeinden = new ArrayList<>();
                    if (city) {
                        gemeinden.add(new Gemeinde(node.key(), (String) node.properties().get("name"), population));
                    } else {
                        for (Dataset.NodeRecord m : areas.nodes()) {
                            if ("MUNICIPALITY".equals(m.properties().get("level")) && node.key().equals(parent.get(m.key()))) {
                                gemeinden.add(new Gemeinde(m.key(), (String) m.properties().get("name"),
                                        ((Number) m.properties().get("population")).intValue()));
                            }
                        }
                    }
                    result.put(node.key(), new District(node.key(), (String) node.properties().get("name"), city,
                            population, List.copyOf(gemeinden)));
                }
            }
            return result;
        }

        private Districts() {
        }
    }
}
