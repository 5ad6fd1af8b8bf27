package de.kimgraph.model.dataset;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import de.kimgraph.model.spec.PropertySpec;
import de.kimgraph.model.spec.PropertyType;
import de.kimgraph.model.spec.Terms;
import org.jspecify.annotations.Nullable;

/**
 * Checks and converts one raw property value (from JSON, a spreadsheet cell or a GraphQL input) to the type
 * stored in Neo4j. Shared by every write path, so a value is judged the same way wherever it comes from.
 */
public final class Values {

    private Values() {
    }

    /**
     * Returns the stored value, or {@code null} when the raw value is absent or invalid; problems are added to
     * {@code problems}.
     */
    public static @Nullable Object convert(PropertySpec spec, @Nullable Object raw, String location,
                                           List<Problem> problems) {
        if (raw == null || (raw instanceof String s && s.isBlank() && spec.type() != PropertyType.STRING)) {
            return null;
        }
        return switch (spec.type()) {
            case STRING -> string(spec, raw, location, problems);
            case STRING_LIST -> list(spec, raw, location, problems, v -> string(spec, v, location, problems));
            case INTEGER -> integer(spec, raw, location, problems);
            case FLOAT -> decimal(spec, raw, location, problems);
            case BOOLEAN -> bool(spec, raw, location, problems);
            case DATE -> date(spec, raw, location, problems);
            case ENUM -> term(spec, raw, location, problems);
            case ENUM_LIST -> list(spec, raw, location, problems, v -> term(spec, v, location, problems));
        };
    }

    /** Adds a problem if {@code validFrom} lies after {@code validTo}. */
    public static void checkValidity(Map<String, Object> properties, String location, List<Problem> problems) {
        if (properties.get("validFrom") instanceof LocalDate from && properties.get("validTo") instanceof LocalDate to
                && from.isAfter(to)) {
            problems.add(new Problem(location, "validTo", "INVALID_DATE_RANGE",
                    "Gültig bis (" + to + ") liegt vor gültig ab (" + from + ").",
                    "validTo (" + to + ") is before validFrom (" + from + ")."));
        }
    }

    private static @Nullable Object string(PropertySpec spec, Object raw, String location, List<Problem> problems) {
        if (!(raw instanceof String s)) {
            return typeError(spec, raw, location, problems, "Text", "text");
        }
        String value = s.strip();
        if (value.length() > spec.maxLength()) {
            problems.add(new Problem(location, spec.name(), "TOO_LONG",
                    "Höchstens " + spec.maxLength() + " Zeichen erlaubt, " + value.length() + " angegeben.",
                    "At most " + spec.maxLength() + " characters allowed, got " + value.length() + "."));
            return null;
        }
        return value;
    }

    private static @Nullable Object integer(PropertySpec spec, Object raw, String location, List<Problem> problems) {
        if (raw instanceof Integer || raw instanceof Long) {
            return ((Number) raw).longValue();
        }
        if (raw instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return n.longValue();
        }
        if (raw instanceof String s) {
            try {
                return Long.parseLong(s.strip());
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        return typeError(spec, raw, location, problems, "ganze Zahl", "whole number");
    }

    private static @Nullable Object decimal(PropertySpec spec, Object raw, String location, List<Problem> problems) {
        if (raw instanceof Number n) {
            return n.doubleValue();
        }
        if (raw instanceof String s) {
            try {
                return Double.parseDouble(s.strip().replace(',', '.'));
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        return typeError(spec, raw, location, problems, "Zahl", "number");
    }

    private static @Nullable Object bool(PropertySpec spec, Object raw, String location, List<Problem> problems) {
        if (raw instanceof Boolean b) {
            return b;
        }
        if (raw instanceof String s) {
            switch (s.strip().toLowerCase(java.util.Locale.ROOT)) {
                case "true", "ja", "yes", "1", "x" -> {
                    return Boolean.TRUE;
                }
                case "false", "nein", "no", "0" -> {
                    return Boolean.FALSE;
                }
                default -> {
                    // reported below
                }
            }
        }
        return typeError(spec, raw, location, problems, "ja/nein", "true/false");
    }

    private static @Nullable Object date(PropertySpec spec, Object raw, String location, List<Problem> problems) {
        if (raw instanceof LocalDate d) {
            return d;
        }
        if (raw instanceof String s) {
            try {
                return LocalDate.parse(s.strip());
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        return typeError(spec, raw, location, problems, "Datum JJJJ-MM-TT", "date YYYY-MM-DD");
    }

    /** A term by its key, or by its German or English label (spreadsheets show labels). */
    private static @Nullable Object term(PropertySpec spec, Object raw, String location, List<Problem> problems) {
        String vocabulary = java.util.Objects.requireNonNull(spec.vocabulary());
        String value = raw instanceof Enum<?> e ? e.name() : raw instanceof String s ? s.strip() : null;
        if (value != null && Terms.get().contains(vocabulary, value)) {
            return value;
        }
        if (value != null) {
            for (Terms.Term term : Terms.get().vocabulary(vocabulary)) {
                if (term.de().equalsIgnoreCase(value) || term.en().equalsIgnoreCase(value)) {
                    return term.key();
                }
            }
        }
        problems.add(new Problem(location, spec.name(), "UNKNOWN_TERM",
                "Unbekannter Wert '" + raw + "' für " + spec.name() + "; erlaubt: " + allowed(vocabulary) + ".",
                "Unknown value '" + raw + "' for " + spec.name() + "; allowed: " + allowed(vocabulary) + "."));
        return null;
    }

    private static String allowed(String vocabulary) {
        return String.join(", ", Terms.get().vocabulary(vocabulary).stream().map(Terms.Term::key).toList());
    }

    private static @Nullable Object list(PropertySpec spec, Object raw, String location, List<Problem> problems,
                                         java.util.function.Function<Object, @Nullable Object> element) {
        Collection<?> values = raw instanceof Collection<?> c ? c
                : raw instanceof String s ? List.of(s.split("[;|]")) : null;
        if (values == null) {
            return typeError(spec, raw, location, problems, "Liste", "list");
        }
        List<Object> result = new ArrayList<>();
        for (Object v : values) {
            if (v instanceof String s && s.isBlank()) {
                continue;
            }
            Object converted = element.apply(v);
            if (converted != null && !result.contains(converted)) {
                result.add(converted);
            }
        }
        return result;
    }

    private static @Nullable Object typeError(PropertySpec spec, Object raw, String location, List<Problem> problems,
                                              String de, String en) {
        problems.add(new Problem(location, spec.name(), "INVALID_VALUE",
                "Erwartet " + de + ", angegeben '" + raw + "'.", "Expected " + en + ", got '" + raw + "'."));
        return null;
    }
}
