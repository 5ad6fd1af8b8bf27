package de.kimgraph.queries.analytics.duplicates;

import static de.kimgraph.queries.analytics.Rows.map;
import static de.kimgraph.queries.analytics.Rows.maps;
import static de.kimgraph.queries.analytics.Rows.strings;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import de.kimgraph.model.spec.Terms;
import org.jspecify.annotations.Nullable;

/** Wording helpers for the explanations: numbers in German and English notation, term labels, name lists. */
final class Texts {

    private Texts() {
    }

    static String de(double value) {
        return String.format(Locale.GERMANY, "%.2f", value);
    }

    static String en(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    /** A figure rounded to four decimals, as the oracle states them. */
    static double round(double value) {
        return Math.round(value * 10_000.0) / 10_000.0;
    }

    static String termDe(String vocabulary, @Nullable String key) {
        return key == null ? "–" : Terms.get().term(vocabulary, key).map(Terms.Term::de).orElse(key);
    }

    static String termEn(String vocabulary, @Nullable String key) {
        return key == null ? "–" : Terms.get().term(vocabulary, key).map(Terms.Term::en).orElse(key);
    }

    /** Names of records ({@code name}, else {@code labelDe}/{@code labelEn}, else key), joined; "keine"/"none" if empty. */
    static String names(List<Map<String, Object>> records, boolean german) {
        if (records.isEmpty()) {
            return german ? "keine" : "none";
        }
        return String.join(", ", records.stream().map(r -> label(r, german)).toList());
    }

    /** As {@link #names(List, boolean)}, but at most {@code max} names and then "und n weitere"/"and n more". */
    static String names(List<Map<String, Object>> records, boolean german, int max) {
        if (records.size() <= max) {
            return names(records, german);
        }
        int more = records.size() - max;
        return names(records.subList(0, max), german) + (german ? " und " + more + " weitere" : " and " + more + " more");
    }

    static String label(Map<String, Object> record, boolean german) {
        Object name = record.get("name");
        if (name == null) {
            name = german ? record.get("labelDe") : record.getOrDefault("labelEn", record.get("labelDe"));
        }
        return name == null ? String.valueOf(record.get("key")) : name.toString();
    }

    static String key(Map<String, Object> record) {
        return (String) record.get("key");
    }

    static @Nullable String string(Map<String, Object> record, String name) {
        Object value = record.get(name);
        return value == null ? null : value.toString();
    }

    static double number(@Nullable Object value) {
        return value instanceof Number n ? n.doubleValue() : 0.0;
    }
}
