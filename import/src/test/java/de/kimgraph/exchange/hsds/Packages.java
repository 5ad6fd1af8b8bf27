package de.kimgraph.exchange.hsds;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** Test helpers: packages as maps of file name to text, zipped and unzipped. */
final class Packages {

    static final List<String> HUEGELLAND = List.of("datapackage.json", "organizations.csv", "programs.csv",
            "services.csv", "service_areas.csv", "languages.csv", "taxonomies.csv", "taxonomy_terms.csv",
            "attributes.csv", "schedules.csv");

    private Packages() {
    }

    /** The fixture package of a fictional third-party publisher (tenant 999920000000, keys hs-…). */
    static Map<String, String> huegelland() {
        Map<String, String> files = new LinkedHashMap<>();
        for (String name : HUEGELLAND) {
            try (InputStream in = Packages.class.getResourceAsStream("/hsds/huegelland/" + name)) {
                files.put(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    static byte[] zip(Map<String, String> files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static Map<String, String> unzip(byte[] zip) {
        Map<String, String> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                files.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** The rows of a CSV as maps from column to value. */
    static List<Map<String, String>> rows(String csv) {
        try {
            List<Rfc4180.Line> lines = Rfc4180.parse(csv, ',');
            List<String> header = lines.getFirst().cells();
            return lines.subList(1, lines.size()).stream().map(l -> {
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    row.put(header.get(i), i < l.cells().size() ? l.cells().get(i) : "");
                }
                return row;
            }).toList();
        } catch (Rfc4180.UnclosedQuote e) {
            throw new IllegalArgumentException(e);
        }
    }
}
