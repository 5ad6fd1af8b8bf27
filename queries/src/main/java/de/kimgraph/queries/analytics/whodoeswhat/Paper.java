package de.kimgraph.queries.analytics.whodoeswhat;

import java.util.Locale;

/**
 * The four interface papers (<i>Schnittstellenpapiere</i>) the city of Augsburg publishes by hand (DOMAIN.md §1):
 * networks; responsibilities; time-limited projects and contact points; associations. Each has a German and an
 * English title and a German file name stem, in ASCII (umlauts transliterated) and with umlauts.
 */
public enum Paper {
    NETWORKS("Netzwerke und Gremien", "Networks and bodies", "Netzwerke", "Netzwerke"),
    RESPONSIBILITIES("Zuständigkeiten", "Responsibilities", "Zustaendigkeiten", "Zuständigkeiten"),
    PROJECTS_AND_CONTACTS("Befristete Projekte und Anlaufstellen", "Time-limited projects and contact points",
            "Projekte-und-Anlaufstellen", "Projekte-und-Anlaufstellen"),
    ASSOCIATIONS("Vereine und Verbände", "Associations", "Vereine-und-Verbaende", "Vereine-und-Verbände");

    private final String titleDe;
    private final String titleEn;
    private final String fileStem;
    private final String fileStemDe;

    Paper(String titleDe, String titleEn, String fileStem, String fileStemDe) {
        this.titleDe = titleDe;
        this.titleEn = titleEn;
        this.fileStem = fileStem;
        this.fileStemDe = fileStemDe;
    }

    public String titleDe() {
        return titleDe;
    }

    public String titleEn() {
        return titleEn;
    }

    public String fileStem() {
        return fileStem;
    }

    public String fileStemDe() {
        return fileStemDe;
    }

    /** The paper for a path segment such as {@code projects-and-contacts} or an enum name. */
    public static Paper fromSlug(String slug) {
        return valueOf(slug.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    /** The path segment of the REST download, e.g. {@code projects-and-contacts}. */
    public String slug() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
