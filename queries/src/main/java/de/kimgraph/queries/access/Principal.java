package de.kimgraph.queries.access;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Who is asking, as read from a verified token: subject, tenant (ARS of a Kreis or kreisfreie Stadt), roles
 * and, for partners, the key of their own organisation (an Actor). The access policy lives here, so that
 * readers, writers and the audit trail ask the same questions.
 *
 * @param subject the token's {@code sub}; recorded in the audit trail
 * @param tenant the tenant claim; required for every role but {@code STATE} and {@code ADMIN}
 * @param roles at least one
 * @param organisation the organisation claim of a {@code PARTNER}
 */
public record Principal(String subject, @Nullable String tenant, Set<AccessRole> roles, @Nullable String organisation) {

    /** The service itself (bootstrap, background work): reads and writes everything. */
    public static final Principal SYSTEM = new Principal("system", null, EnumSet.of(AccessRole.ADMIN), null);

    public Principal {
        roles = roles.isEmpty() ? EnumSet.noneOf(AccessRole.class) : EnumSet.copyOf(roles);
    }

    public boolean has(AccessRole role) {
        return roles.contains(role);
    }

    /** What list, look-up and nested fields, exports and record-level analytics may show. */
    public ReadRule readRule() {
        ReadRule rule = null;
        for (AccessRole role : roles) {
            ReadRule next = switch (role) {
                case ADMIN -> ReadRule.ALL;
                case COORDINATOR, ADMINISTRATION -> tenant == null ? ReadRule.PUBLIC
                        : new ReadRule(List.of(tenant, ReadRule.REFERENCE), true, null, List.of(tenant));
                case PARTNER -> new ReadRule(List.of(ReadRule.REFERENCE), true, organisation,
                        tenant == null ? List.of() : List.of(tenant));
                case DASHBOARD, STATE -> ReadRule.PUBLIC;
            };
            rule = rule == null ? next : rule.union(next);
        }
        return rule == null ? new ReadRule(List.of(), false, null, List.of()) : rule;
    }

    /**
     * What counts and other aggregates (no records) are computed over: for {@code STATE} every tenant's data,
     * internal included, since the Land compares Kreise; otherwise the {@link #readRule()}.
     */
    public ReadRule aggregateRule() {
        ReadRule rule = readRule();
        return has(AccessRole.STATE) ? new ReadRule(null, true, rule.organisation(), rule.contactTenants()) : rule;
    }

    /** Whether this caller may write records owned by {@code recordTenant} (partners: see {@link #partnerOf}). */
    public boolean writesTenant(@Nullable String recordTenant) {
        return has(AccessRole.ADMIN) || (has(AccessRole.COORDINATOR) && tenant != null && tenant.equals(recordTenant));
    }

    /** Whether this caller writes anything at all. */
    public boolean writes() {
        return has(AccessRole.ADMIN) || has(AccessRole.COORDINATOR) || partnerOf() != null;
    }

    /** The organisation a {@code PARTNER} edits, or null. */
    public @Nullable String partnerOf() {
        return has(AccessRole.PARTNER) ? organisation : null;
    }

    /** Tenants whose audit trail this caller reads: {@code null} = all (ADMIN), empty = none. */
    public @Nullable List<String> auditTenants() {
        if (has(AccessRole.ADMIN)) {
            return null;
        }
        List<String> tenants = new ArrayList<>();
        if (has(AccessRole.COORDINATOR) && tenant != null) {
            tenants.add(tenant);
        }
        return tenants;
    }

    /** The role recorded in the audit trail: the strongest one held. */
    public AccessRole actingRole() {
        for (AccessRole role : List.of(AccessRole.ADMIN, AccessRole.COORDINATOR, AccessRole.PARTNER,
                AccessRole.ADMINISTRATION, AccessRole.STATE, AccessRole.DASHBOARD)) {
            if (roles.contains(role)) {
                return role;
            }
        }
        throw new IllegalStateException("Principal without role");
    }
}
