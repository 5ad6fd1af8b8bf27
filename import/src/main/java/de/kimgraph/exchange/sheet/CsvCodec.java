package de.kimgraph.exchange.sheet;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * RFC 4180 CSV as spreadsheets write it: fields separated by {@code ;} (German Excel) or {@code ,} (detected from the
 * header line), double quotes around fields with separators, quotes or line breaks, {@code ""} for a quote, CRLF
 * between records. Text is UTF-8 (with or without BOM); a file that is not valid UTF-8 is read as Windows-1252, which
 * German Excel writes for "CSV (Trennzeichen-getrennt)".
 *
 * <p>Writing neutralises text cells that a spreadsheet would run as a formula ({@code =}, {@code +}, {@code -},
 * {@code @} at the start) with a leading apostrophe, as OWASP recommends against CSV injection; reading removes it
 * again, so the round trip is exact.
 */
final class CsvCodec {

    static final char SEPARATOR = ';';
    private static final String BOM = "\uFEFF";
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /** Receives one record. */
    interface Records {
        void record(int number, List<@Nullable String> cells);
    }

    /** A quote that is never closed. */
    static final class UnclosedQuoteException extends RuntimeException {
        final int record;

        UnclosedQuoteException(int record) {
            super("record " + record);
            this.record = record;
        }
    }

    private CsvCodec() {
    }

    static String decode(byte[] bytes) {
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb && (bytes[2] & 0xff) == 0xbf) {
            return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, WINDOWS_1252);
        }
    }

    /** The separator of the first line: the most frequent of {@code ;}, {@code ,} and tab outside quotes. */
    static char separator(CharSequence text) {
        int semicolons = 0;
        int commas = 0;
        int tabs = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            } else if (!quoted) {
                semicolons += c == ';' ? 1 : 0;
                commas += c == ',' ? 1 : 0;
                tabs += c == '\t' ? 1 : 0;
            }
        }
        if (tabs > semicolons && tabs > commas) {
            return '\t';
        }
        return commas > semicolons ? ',' : ';';
    }

    /** Splits {@code text} into records; numbers count records from 1 (the header), like spreadsheet rows. */
    static void read(CharSequence text, Records records) {
        char separator = separator(text);
        int number = 1;
        List<@Nullable String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        boolean pending = false;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < n && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
                continue;
            }
            if (c == '"' && cell.isEmpty() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
                pending = true;
            } else if (c == separator) {
                cells.add(unescape(cell.toString()));
                cell.setLength(0);
                wasQuoted = false;
                pending = true;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                cells.add(unescape(cell.toString()));
                records.record(number++, cells);
                cells = new ArrayList<>();
                cell.setLength(0);
                wasQuoted = false;
                pending = false;
            } else {
                cell.append(c);
                pending = true;
            }
        }
        if (quoted) {
            throw new UnclosedQuoteException(number);
        }
        if (pending || !cells.isEmpty()) {
            cells.add(unescape(cell.toString()));
            records.record(number, cells);
        }
    }

    private static String unescape(String cell) {
        if (cell.length() > 1 && cell.charAt(0) == '\'' && "=+-@\t\r".indexOf(cell.charAt(1)) >= 0) {
            return cell.substring(1);
        }
        return cell;
    }

    /** Writes the byte order mark that tells Excel the file is UTF-8. */
    static void bom(Writer out) throws IOException {
        out.write(BOM);
    }

    /** One record, CRLF-terminated. */
    static void write(Writer out, List<@Nullable ?> values) throws IOException {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.write(SEPARATOR);
            }
            Object v = values.get(i);
            if (v != null) {
                out.write(quote(text(v)));
            }
        }
        out.write("\r\n");
    }

    /** A cell value as text: German decimal comma (a {@code ;} file is read by German Excel), ISO dates. */
    private static String text(Object value) {
        return switch (value) {
            case Double d -> BigDecimal.valueOf(d).stripTrailingZeros().toPlainString().replace('.', ',');
            case Number n -> n.toString();
            case LocalDate d -> d.toString();
            default -> neutralise(String.valueOf(value));
        };
    }

    private static String neutralise(String text) {
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    private static String quote(String text) {
        boolean needs = text.indexOf(SEPARATOR) >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
                || text.indexOf('\r') >= 0 || !text.equals(text.strip());
        return needs ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }
}
