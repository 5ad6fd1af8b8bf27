package de.kimgraph.exchange.graphml;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import de.kimgraph.model.dataset.DatasetException;
import de.kimgraph.model.dataset.Problem;

/**
 * XML plumbing shared by the GraphML and GEXF formats.
 *
 * <p>Reading is StAX ({@link javax.xml.stream}) and refuses DTDs and external entities: a file from outside must
 * not make the service read local files or the network. Writing indents by two spaces and escapes markup; in
 * attribute values also line breaks, carriage returns and tabs (as character references, so that they survive
 * attribute-value normalisation); characters XML 1.0 cannot carry at all (control characters) are dropped.
 */
final class Xml {

    private Xml() {
    }

    static XMLStreamReader reader(String fileName, InputStream in) {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        try {
            return factory.createXMLStreamReader(in, "UTF-8");
        } catch (XMLStreamException e) {
            throw invalid(fileName, e);
        }
    }

    static DatasetException invalid(String fileName, XMLStreamException e) {
        String line = e.getLocation() == null ? "" : ", Zeile " + e.getLocation().getLineNumber();
        return new DatasetException(List.of(new Problem(fileName + line, "", "INVALID_XML",
                "Kein gültiges XML: " + e.getMessage(), "Not valid XML: " + e.getMessage())));
    }

    /** The text of the current element, skipping child elements (yEd nests graphics in {@code <data>}). */
    static String text(XMLStreamReader r) throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        int depth = 1;
        while (depth > 0) {
            int event = r.next();
            switch (event) {
                case XMLStreamReader.START_ELEMENT -> depth++;
                case XMLStreamReader.END_ELEMENT -> depth--;
                case XMLStreamReader.CHARACTERS, XMLStreamReader.CDATA, XMLStreamReader.SPACE -> {
                    if (depth == 1) {
                        text.append(r.getText());
                    }
                }
                default -> {
                    // comments, processing instructions
                }
            }
        }
        return text.toString();
    }

    /** Skips the current element with everything in it. */
    static void skip(XMLStreamReader r) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = r.next();
            if (event == XMLStreamReader.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamReader.END_ELEMENT) {
                depth--;
            }
        }
    }

    /**
     * A small indenting XML writer. It is not the JDK's {@link javax.xml.stream.XMLStreamWriter}: that one
     * escapes attribute values itself but leaves line breaks, carriage returns and tabs in them as they are,
     * which every parser then reads back as spaces, and it cannot be given character references instead. GEXF
     * keeps all values in attributes, so a description with line breaks would come back on one line. This writer
     * escapes as {@link #escape} says. Elements without content are written empty ({@code <spell start="…"/>}).
     */
    static final class Writer implements AutoCloseable {

        private final java.io.Writer out;
        private final Deque<String> open = new ArrayDeque<>();
        private final Deque<Boolean> hasChildren = new ArrayDeque<>();
        private boolean startTagOpen;

        Writer(OutputStream stream) throws IOException {
            out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
            out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        }

        /** Starts an element on a new line. */
        Writer start(String name) throws IOException {
            closeStartTag();
            if (!hasChildren.isEmpty()) {
                hasChildren.pop();
                hasChildren.push(true);
            }
            out.write("\n" + "  ".repeat(hasChildren.size()) + "<" + name);
            open.push(name);
            hasChildren.push(false);
            startTagOpen = true;
            return this;
        }

        /** Starts an element of another namespace whose prefix is declared, e.g. {@code viz:color}. */
        Writer start(String prefix, String name) throws IOException {
            return start(prefix + ":" + name);
        }

        Writer namespace(String prefix, String uri) throws IOException {
            return attribute(prefix.isEmpty() ? "xmlns" : "xmlns:" + prefix, uri);
        }

        Writer attribute(String name, String value) throws IOException {
            if (!startTagOpen) {
                throw new IllegalStateException("attribute " + name + " after content");
            }
            out.write(" " + name + "=\"" + escape(value, true) + "\"");
            return this;
        }

        /** Text content of the current element (it then has no child elements); empty text writes nothing. */
        Writer text(String value) throws IOException {
            String escaped = escape(value, false);
            if (!escaped.isEmpty()) {
                closeStartTag();
                out.write(escaped);
            }
            return this;
        }

        /** Ends the current element; on a new line when it has child elements. */
        Writer end() throws IOException {
            String name = open.pop();
            boolean children = hasChildren.pop();
            if (startTagOpen) {
                out.write("/>");
                startTagOpen = false;
                return this;
            }
            if (children) {
                out.write("\n" + "  ".repeat(hasChildren.size()));
            }
            out.write("</" + name + ">");
            return this;
        }

        /** An element with text content and no attributes, on one line. */
        Writer element(String name, String text) throws IOException {
            return start(name).text(text).end();
        }

        private void closeStartTag() throws IOException {
            if (startTagOpen) {
                out.write(">");
                startTagOpen = false;
            }
        }

        @Override
        public void close() throws IOException {
            if (!open.isEmpty()) {
                throw new IllegalStateException("unclosed elements " + open);
            }
            out.write("\n");
            out.flush();
        }
    }

    /** Escapes markup characters; in attributes also quotes and whitespace that parsers would normalise. */
    static String escape(String value, boolean attribute) {
        StringBuilder s = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> s.append("&amp;");
                case '<' -> s.append("&lt;");
                case '>' -> s.append("&gt;");
                case '"' -> s.append(attribute ? "&quot;" : "\"");
                case '\n' -> s.append(attribute ? "&#10;" : "\n");
                case '\t' -> s.append(attribute ? "&#9;" : "\t");
                case '\r' -> s.append("&#13;");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < value.length()
                            && Character.isLowSurrogate(value.charAt(i + 1))) {
                        s.append(c).append(value.charAt(++i));
                    } else if (c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD) {
                        s.append(c);
                    }
                }
            }
        }
        return s.toString();
    }
}
