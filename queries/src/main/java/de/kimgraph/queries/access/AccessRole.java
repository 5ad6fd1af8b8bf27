package de.kimgraph.queries.access;

/**
 * The roles a token can carry (claim {@code roles}). What each may read and write is decided in one place,
 * {@link Principal}; the German labels are what the README and error messages show.
 */
public enum AccessRole {
    /** Koordination: reads and writes inside its tenant. */
    COORDINATOR("Koordination (KIM)"),
    /** Verwaltung: reads inside its tenant. */
    ADMINISTRATION("Verwaltung"),
    /** Partner: edits its own organisation's profile, services and memberships; proposes relations. */
    PARTNER("Partnerorganisation"),
    /** Dashboard: read-only, published data and aggregates. */
    DASHBOARD("Dashboard"),
    /** Land: aggregates across tenants. */
    STATE("Land"),
    /** Betrieb: operations, everything. */
    ADMIN("Betrieb");

    private final String labelDe;

    AccessRole(String labelDe) {
        this.labelDe = labelDe;
    }

    public String labelDe() {
        return labelDe;
    }
}
