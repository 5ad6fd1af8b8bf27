package de.kimgraph.exchange;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * What to export.
 *
 * @param tenant          the tenant whose records are exported
 * @param area            an Area key: only what lies in this area or its sub-areas (actors based there, bodies
 *                        covering it, services serving it, and what hangs off them); null for the whole tenant
 * @param asOf            only records valid on this day; null for every record, ended ones included (history)
 * @param includeInternal whether records with visibility {@code INTERNAL} are exported (the caller may read them)
 * @param includeContacts whether {@code email} and {@code phone} of actors and roles are exported
 */
public record ExportScope(String tenant, @Nullable String area, @Nullable LocalDate asOf, boolean includeInternal,
                          boolean includeContacts) {

    /** Everything of a tenant, as its coordinator sees it. */
    public static ExportScope wholeTenant(String tenant) {
        return new ExportScope(tenant, null, null, true, true);
    }
}
