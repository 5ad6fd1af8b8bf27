package de.kimgraph.exchange.graphml;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Deque;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;

import de.kimgraph.model.dataset.DatasetException;
import de.kimgraph.model.dataset.Problem;

/**
 * StAX plumbing shared by the GraphML and GEXF formats.
 *
 * <p>Reading refuses DTDs and external entities (a file from outside must not make the service read local files
 * or the network). Writing indents by two spaces and escapes itself: the JDK writer leaves line breaks and tabs in
 * attribute values unescaped, which every XML parser then turns into spaces (GEXF keeps values in attributes), and
 * writes control characters that XML 1.0 cannot carry at all. Here line breaks, carriage returns and tabs become
 * character references, and characters XML 1.0 forbids are dropped.
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
        return new DatasetException(java.util.List.of(new Problem(fileName + line, "", "INVALID_XML",
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

    /** An indenting writer over the JDK's {@link XMLStreamWriter} with escaping of its own (see the class doc). */
    static final class Writer implements AutoCloseable {

        private final XMLStreamWriter out;
        private final Deque<Boolean> hasChildren = new ArrayDeque<>();

        Writer(OutputStream stream) throws IOException {
            XMLOutputFactory factory = XMLOutputFactory.newDefaultFactory();
            factory.setProperty("escapeCharacters", false);
            try {
                out = factory.createXMLStreamWriter(stream, "UTF-8");
                out.writeStartDocument("UTF-8", "1.0");
            } catch (XMLStreamException e) {
                throw new IOException(e);
            }
        }

        /** Starts an element on a new line. */
        Writer start(String name) throws IOException {
            try {
                if (!hasChildren.isEmpty()) {
                    hasChildren.pop();
                    hasChildren.push(true);
                }
                out.writeCharacters("\n" + "  ".repeat(hasChildren.size()));
                out.writeStartElement(name);
                hasChildren.push(false);
                return this;
            } catch (XMLStreamException e) {
                throw new IOException(e);
            }
        }

        /** Starts an element of another namespace, e.g. {@code viz:color}. */
        Writer start(String prefix, String name, String uri) throws IOException {
            try {
                if (!hasChildren.isEmpty()) {
                    hasChildren.pop();
                    hasChildren.push(true);
                }
                out.writeCharacters("\n" + "  ".repeat(hasChildren.size()));
                out.writeStartElement(prefix, name, uri);
                hasChildren.push(false);
                return this;
            } catch (XMLStreamException e) {
                throw new IOException(e);
            }
        }

        Writer attribute(String prefix, String uri, String name, String value) throws IOException {
            try {
                out.writeAttribute(prefix, uri, name, escape(value, true));
                return this;
            } catch (XMLStreamException e) {
                throw new IOException(e);
            }
        }

        Writer namespace(String prefix, String uri) throws IOException {
            try {
                if (prefix.isEmpty()) {
                    out.writeDefaultNamespace(uri);
                } else {
                    out.writeNamespace(prefix, uri);
                }
                return this;
            } catch (XMLStreamException e) {
                throw new IOException(e);
            }
        }

        Writer attribute(String name, String value) throws IOException {
            try {
                out.writeAttribute(name, escape(value, true));
                return this;
            } catch (XMLStreamException e) {
                throw new IOException(e);
            }
        }

        /** Text content of the current element (it then has no child elements). */
        Writer text(String value) throws IOException {
            try {
                out.writeCharacters(escape(value, false));
                return this;
            } catch (XMLStreamException e) {
                throw new IOException(e);
            }
        }

        /** Ends the current element; on a new line when it has child elements. */
        Writer end() throws IOException {
            try {
                if (hasChildren.pop()) {
                    out.writeCharacters("\n" + "  ".repeat(hasChildren.size()));
                }
                out.writeEndElement();
                return this;
            } catch (XMLStreamException e) {
                throw new IOException(e);
            }
        }

        /** An element with text content and no attributes, on one line. */
        Writer element(String name, String text) throws IOException {
            return start(name).text(text).end();
        }

        @Override
        public void close() throws IOException {
            try {
                out.writeCharacters("\n");
                out.writeEndDocument();
                out.flush();
                out.close();
            } catch (XMLStreamException e) {
                throw new IOException(e);
            }
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
