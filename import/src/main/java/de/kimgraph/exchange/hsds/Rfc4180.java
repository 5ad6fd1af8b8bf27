package de.kimgraph.exchange.hsds;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * CSV as RFC 4180 defines it: CRLF between records, fields with a delimiter, a quote or a line break quoted, quotes
 * doubled. The reader also takes LF line ends and a byte order mark, and keeps line breaks inside quoted fields, so
 * that a record's line number is the line it starts on.
 */
final class Rfc4180 {

    /** One record and the line (1-based) it starts on. */
    record Line(int number, List<String> cells) {
    }

    /** Thrown when a quoted field is not closed before the end of the text. */
    static final class UnclosedQuote extends Exception {
        private final int line;

        UnclosedQuote(int line) {
            super("unclosed quote in line " + line);
            this.line = line;
        }

        int line() {
            return line;
        }
    }

    private Rfc4180() {
    }

    static void appendRecord(StringBuilder out, List<@Nullable String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            String cell = cells.get(i);
            if (cell == null || cell.isEmpty()) {
                continue;
            }
            if (cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0 || cell.indexOf('\r') >= 0) {
                out.append('"').append(cell.replace("\"", "\"\"")).append('"');
            } else {
                out.append(cell);
            }
        }
        out.append("\r\n");
    }

    /** Splits the text into records; blank lines between records are skipped. */
    static List<Line> parse(String text, char delimiter) throws UnclosedQuote {
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        List<Line> lines = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean cellStarted = false;
        int line = 1;
        int start = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
                cellStarted = true;
            } else if (c == delimiter) {
                cells.add(cell.toString());
                cell.setLength(0);
                cellStarted = true;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                if (cellStarted || !cells.isEmpty() || !cell.isEmpty()) {
                    cells.add(cell.toString());
                    lines.add(new Line(start, List.copyOf(cells)));
                }
                cells.clear();
                cell.setLength(0);
                cellStarted = false;
                line++;
                start = line;
            } else {
                cell.append(c);
                cellStarted = true;
            }
        }
        if (quoted) {
            throw new UnclosedQuote(start);
        }
        if (cellStarted || !cells.isEmpty() || !cell.isEmpty()) {
            cells.add(cell.toString());
            lines.add(new Line(start, List.copyOf(cells)));
        }
        return lines;
    }
}
