package de.kimgraph.exchange.sheet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * {@code docs/import-export-sheets.md} shows every sheet's columns as {@link SheetLayout} defines them; the tables are
 * written to {@code target/import-export-sheets-tables.md} to paste when the layout changes.
 */
class SheetDocsTest {

    @Test
    void theDocumentationListsEveryColumnOfEverySheet() throws IOException {
        StringBuilder tables = new StringBuilder();
        for (SheetLayout.Sheet sheet : SheetLayout.sheets()) {
            tables.append("### ").append(sheet.name()).append(" (").append(sheet.nameEn()).append(")\n\n")
                    .append(sheet.de()).append(" *").append(sheet.en()).append("*\n\n")
                    .append(SheetDocs.markdown(sheet)).append('\n');
        }
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/import-export-sheets-tables.md"), tables);
        String docs = Files.readString(Path.of("../docs/import-export-sheets.md"));
        assertThat(docs).contains(tables.toString().strip().replace("### ", "#### "));
    }
}
