package de.kimgraph.queries.analytics.whodoeswhat;

/** Output formats of the interface papers. */
public enum PaperFormat {
    /** A Markdown document with a heading, the scope and one table. */
    MARKDOWN("md", "text/markdown"),
    /** Semicolon-separated values (what German spreadsheets expect), every value quoted, a header row, CRLF lines. */
    CSV("csv", "text/csv");

    private final String extension;
    private final String mediaType;

    PaperFormat(String extension, String mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    public String extension() {
        return extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public static PaperFormat fromExtension(String extension) {
        for (PaperFormat format : values()) {
            if (format.extension.equalsIgnoreCase(extension)) {
                return format;
            }
        }
        throw new IllegalArgumentException(extension);
    }
}
