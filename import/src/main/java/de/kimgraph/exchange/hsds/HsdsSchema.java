package de.kimgraph.exchange.hsds;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The HSDS 3.1 tables kim-graph writes and reads, with their columns in the order of the HSDS tabular data
 * package, their Frictionless types and the foreign keys among them. Field names follow the specification
 * (openreferral/specification, {@code schema/*.json}) exactly.
 *
 * <p>{@code required} is what our files guarantee: the HSDS requirement where we always fill the column, relaxed
 * where kim-graph may not know the value (an address without postcode, a service without provider in the export).
 * {@code unique} is claimed only for {@code id}: HSDS also marks {@code taxonomy_term.code} and
 * {@code program.organization_id} unique, but codes are unique within their taxonomy (as the field's own
 * description says) and one funder may own several programmes.
 */
final class HsdsSchema {

    /** One column: name, Frictionless type and format, whether it is always filled, allowed values. */
    record Field(String name, String type, @Nullable String format, boolean required, List<String> values) {
    }

    /** A foreign key from a column to the {@code id} of another table. */
    record ForeignKey(String field, String table) {
    }

    /** One CSV table of the package. */
    record Table(String name, String path, List<Field> fields, List<ForeignKey> foreignKeys) {

        List<String> columns() {
            return fields.stream().map(Field::name).toList();
        }

        Optional<Field> field(String name) {
            return fields.stream().filter(f -> f.name().equals(name)).findFirst();
        }
    }

    static final Table ORGANIZATION = table("organization", "organizations.csv",
            id(), required("name"), text("alternate_name"), required("description"), typed("email", "string", "email"),
            typed("website", "string", "uri"), text("tax_status"), text("tax_id"), typed("year_incorporated", "number", null),
            text("legal_status"), text("logo"), typed("uri", "string", "uri"), reference("parent_organization_id", null));

    static final Table ORGANIZATION_IDENTIFIER = table("organization_identifier", "organization_identifiers.csv",
            id(), reference("organization_id", "organization").asRequired(), text("identifier_scheme"),
            required("identifier_type"), required("identifier"));

    static final Table LOCATION = table("location", "locations.csv",
            id(), choice("location_type", "physical", "postal", "virtual").asRequired(), typed("url", "string", "uri"),
            reference("organization_id", "organization"), text("name"), text("alternate_name"), text("description"),
            text("transportation"), typed("latitude", "number", null), typed("longitude", "number", null),
            text("external_identifier"), text("external_identifier_type"));

    static final Table ADDRESS = table("address", "addresses.csv",
            id(), reference("location_id", "location"), text("attention"), required("address_1"), text("address_2"),
            text("city"), text("region"), text("state_province"), text("postal_code"), required("country"),
            choice("address_type", "physical", "postal", "virtual").asRequired());

    static final Table CONTACT = table("contact", "contacts.csv",
            id(), reference("organization_id", "organization"), reference("service_id", "service"),
            reference("service_at_location_id", null), reference("location_id", "location"), text("name"), text("title"),
            text("department"), typed("email", "string", "email"));

    static final Table PHONE = table("phone", "phones.csv",
            id(), reference("location_id", "location"), reference("service_id", "service"),
            reference("organization_id", "organization"), reference("contact_id", "contact"),
            reference("service_at_location_id", null), required("number"), typed("extension", "number", null),
            text("type"), text("description"));

    static final Table PROGRAM = table("program", "programs.csv",
            id(), reference("organization_id", "organization"), required("name"), text("alternate_name"),
            required("description"));

    static final Table SERVICE = table("service", "services.csv",
            id(), reference("organization_id", "organization"), reference("program_id", "program"), required("name"),
            text("alternate_name"), text("description"), typed("url", "string", "uri"), typed("email", "string", "email"),
            choice("status", "active", "inactive", "defunct", "temporarily closed").asRequired(),
            text("interpretation_services"), text("application_process"), text("fees_description"), text("wait_time"),
            text("fees"), text("accreditations"), text("eligibility_description"), typed("minimum_age", "number", null),
            typed("maximum_age", "number", null), typed("assured_date", "date", null),
            typed("assurer_email", "string", "email"), text("licenses"), text("alert"),
            typed("last_modified", "datetime", null));

    static final Table SERVICE_AREA = table("service_area", "service_areas.csv",
            id(), reference("service_id", "service"), reference("service_at_location_id", null), text("name"),
            text("description"), text("extent"), text("extent_type"), text("uri"));

    static final Table LANGUAGE = table("language", "languages.csv",
            id(), reference("service_id", "service"), reference("location_id", "location"),
            reference("phone_id", "phone"), text("name"), text("code"), text("note"));

    static final Table FUNDING = table("funding", "funding.csv",
            id(), reference("organization_id", "organization"), reference("service_id", "service"), text("source"));

    static final Table TAXONOMY = table("taxonomy", "taxonomies.csv",
            id(), required("name"), required("description"), typed("uri", "string", "uri"), text("version"));

    static final Table TAXONOMY_TERM = table("taxonomy_term", "taxonomy_terms.csv",
            id(), text("code"), required("name"), required("description"), reference("parent_id", null), text("taxonomy"),
            text("language"), reference("taxonomy_id", "taxonomy"), typed("term_uri", "string", "uri"));

    static final Table ATTRIBUTE = table("attribute", "attributes.csv",
            id(), reference("link_id", null).asRequired(), reference("taxonomy_term_id", "taxonomy_term").asRequired(),
            text("link_type"), required("link_entity"), text("value"), text("label"));

    /** Every table we write, in the order of the package descriptor (referenced tables first). */
    static final List<Table> TABLES = List.of(ORGANIZATION, ORGANIZATION_IDENTIFIER, LOCATION, ADDRESS, CONTACT, PHONE,
            PROGRAM, SERVICE, SERVICE_AREA, LANGUAGE, FUNDING, TAXONOMY, TAXONOMY_TERM, ATTRIBUTE);

    private static final Map<String, Table> BY_NAME = new LinkedHashMap<>();

    static {
        TABLES.forEach(t -> BY_NAME.put(t.name(), t));
    }

    private HsdsSchema() {
    }

    /** A table by its HSDS object name ({@code service}) or file name ({@code services.csv}, {@code services}). */
    static Optional<Table> find(String name) {
        String n = name.strip().toLowerCase(java.util.Locale.ROOT);
        if (BY_NAME.containsKey(n)) {
            return Optional.of(BY_NAME.get(n));
        }
        String file = n.contains("/") ? n.substring(n.lastIndexOf('/') + 1) : n;
        return TABLES.stream().filter(t -> t.path().equals(file) || t.path().equals(file + ".csv")).findFirst();
    }

    private static Table table(String name, String path, FieldBuilder... fields) {
        List<Field> list = new ArrayList<>();
        List<ForeignKey> keys = new ArrayList<>();
        for (FieldBuilder f : fields) {
            list.add(f.build());
            if (f.references != null) {
                keys.add(new ForeignKey(f.name, f.references));
            }
        }
        return new Table(name, path, List.copyOf(list), List.copyOf(keys));
    }

    private static FieldBuilder id() {
        return new FieldBuilder("id", "string", "uuid", true, null, List.of());
    }

    private static FieldBuilder text(String name) {
        return new FieldBuilder(name, "string", null, false, null, List.of());
    }

    private static FieldBuilder required(String name) {
        return text(name).asRequired();
    }

    private static FieldBuilder typed(String name, String type, @Nullable String format) {
        return new FieldBuilder(name, type, format, false, null, List.of());
    }

    private static FieldBuilder choice(String name, String... values) {
        return new FieldBuilder(name, "string", null, false, null, List.of(values));
    }

    /** A uuid column; a foreign key when the target table is one we write. */
    private static FieldBuilder reference(String name, @Nullable String table) {
        return new FieldBuilder(name, "string", "uuid", false, table, List.of());
    }

    private record FieldBuilder(String name, String type, @Nullable String format, boolean required,
                                @Nullable String references, List<String> values) {

        FieldBuilder asRequired() {
            return new FieldBuilder(name, type, format, true, references, values);
        }

        Field build() {
            return new Field(name, type, format, required, values);
        }
    }
}
