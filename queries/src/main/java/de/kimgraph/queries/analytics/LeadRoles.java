package de.kimgraph.queries.analytics;

/**
 * Short labels of the leading membership roles (chair, co-chair, secretariat) as explanations and interface
 * papers print them; other roles pass through unchanged.
 */
public final class LeadRoles {

    private LeadRoles() {
    }

    public static String de(String role) {
        return switch (role) {
            case "CHAIR" -> "Vorsitz";
            case "CO_CHAIR" -> "Co-Vorsitz";
            case "SECRETARIAT" -> "Sekretariat";
            default -> role;
        };
    }

    public static String en(String role) {
        return switch (role) {
            case "CHAIR" -> "chair";
            case "CO_CHAIR" -> "co-chair";
            case "SECRETARIAT" -> "secretariat";
            default -> role;
        };
    }
}
