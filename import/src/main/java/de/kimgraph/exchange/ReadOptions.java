package de.kimgraph.exchange;

import org.jspecify.annotations.Nullable;

/**
 * Defaults for records that do not say themselves.
 *
 * @param tenant     the tenant of records without one (an importing coordinator's own tenant)
 * @param source     the {@code source} of records without one, e.g. the file name
 * @param visibility {@code INTERNAL} (the default) or {@code PUBLISHED}
 */
public record ReadOptions(@Nullable String tenant, @Nullable String source, @Nullable String visibility) {

    public static ReadOptions forTenant(String tenant) {
        return new ReadOptions(tenant, null, null);
    }
}
