package de.kimgraph.exchange.sheet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import de.kimgraph.exchange.Formats;
import de.kimgraph.exchange.ReadOptions;
import de.kimgraph.exchange.sheet.SheetLayout.Column;
import de.kimgraph.exchange.sheet.SheetLayout.Sheet;
import de.kimgraph.model.dataset.Dataset;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFDataValidation;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** The downloadable templates: sheets, headers, help, lists, drop-downs; and they import as nothing. */
class SheetTemplatesTest {

    private static byte[] xlsx() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SheetTemplates.xlsx(out);
        return out.toByteArray();
    }

    @Test
    void theWorkbookHasTheEightSheetsWithBoldFrozenHeadersThenHintsAndLists() throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx()))) {
            List<String> names = new ArrayList<>();
            wb.forEach(s -> names.add(s.getSheetName()));
            assertThat(names).containsExactly("Hinweise", "Akteure", "Gremien", "Mitgliedschaften", "Angebote",
                    "Förderprogramme", "Stellen", "Vereinbarungen", "Beziehungen", "Listen");
            for (Sheet sheet : SheetLayout.sheets()) {
                XSSFSheet s = wb.getSheet(sheet.name());
                Row header = s.getRow(0);
                assertThat(header).map(c -> c.getStringCellValue())
                        .containsExactlyElementsOf(sheet.columns().stream().map(Column::header).toList());
                assertThat(((XSSFCell) header.getCell(0)).getCellStyle().getFont().getBold()).isTrue();
                assertThat(s.getPaneInformation().isFreezePane()).isTrue();
                assertThat(s.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
                assertThat(s.getLastRowNum()).as("no example rows").isZero();
                assertThat(s.getColumnWidth(1)).isGreaterThan(s.getDefaultColumnWidth() * 256);
            }
        }
    }

    @Test
    void choiceColumnsHaveDropDownsThatReferToTheListsSheet() throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx()))) {
            XSSFSheet akteure = wb.getSheet("Akteure");
            Map<String, String> byColumn = validations(akteure);
            assertThat(byColumn).containsEntry("Art", "Liste_ActorKind").containsEntry("Sektor", "Liste_Sector")
                    .containsEntry("Rechtskreise", "Liste_LegalDomain").containsEntry("Sichtbarkeit", "Liste_Visibility")
                    .doesNotContainKey("Name").doesNotContainKey("Sitz");
            assertThat(validations(wb.getSheet("Angebote"))).containsEntry("Handlungsfelder", "Liste_FieldOfAction")
                    .containsEntry("Zielgruppen", "Liste_TargetGroup").containsEntry("Befristet", "Liste_JaNein")
                    .containsEntry("Aufenthaltsstatus", "Liste_ResidenceStatus");
            assertThat(validations(wb.getSheet("Beziehungen"))).containsEntry("Art", "Liste_Beziehungsart")
                    .containsEntry("Übergabeweg", "Liste_HandoverMedium");
            XSSFDataValidation art = akteure.getDataValidations().stream()
                    .filter(v -> v.getValidationConstraint().getFormula1().equals("Liste_ActorKind")).findFirst()
                    .orElseThrow();
            assertThat(art.getErrorStyle()).isEqualTo(DataValidation.ErrorStyle.STOP);
            assertThat(art.getRegions().getCellRangeAddress(0).getFirstRow()).isEqualTo(1);

            String refersTo = wb.getName("Liste_ActorKind").getRefersToFormula();
            assertThat(refersTo).isEqualTo("Listen!$A$2:$A$15");
            XSSFSheet lists = wb.getSheet("Listen");
            List<String> kinds = new ArrayList<>();
            for (int r = 1; r <= 14; r++) {
                kinds.add(lists.getRow(r).getCell(0).getStringCellValue());
            }
            assertThat(kinds).startsWith("Behörde", "Kommunale Organisationseinheit").contains("Migrantenorganisation (MSO)");
            String fields = wb.getName("Liste_FieldOfAction").getRefersToFormula();
            CellRangeAddress range = CellRangeAddress.valueOf(fields.substring(fields.indexOf('!') + 1));
            assertThat(lists.getRow(range.getFirstRow()).getCell(range.getFirstColumn()).getStringCellValue())
                    .isEqualTo("Rechtsstatus und Aufenthalt");
        }
    }

    private static Map<String, String> validations(XSSFSheet sheet) {
        Row header = sheet.getRow(0);
        return sheet.getDataValidations().stream().collect(Collectors.toMap(
                v -> header.getCell(v.getRegions().getCellRangeAddress(0).getFirstColumn()).getStringCellValue(),
                v -> v.getValidationConstraint().getFormula1()));
    }

    @Test
    void theHintsExplainEveryColumnInGermanAndEnglish() throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx()))) {
            XSSFSheet hints = wb.getSheet("Hinweise");
            List<String> explained = new ArrayList<>();
            for (Row row : hints) {
                if (row.getRowNum() == 0) {
                    continue;
                }
                Cell sheet = row.getCell(0);
                Cell column = row.getCell(1);
                Cell english = row.getCell(6);
                if (sheet != null && column != null && english != null && !english.getStringCellValue().isBlank()) {
                    explained.add(sheet.getStringCellValue() + "/" + column.getStringCellValue());
                }
            }
            List<String> expected = SheetLayout.sheets().stream()
                    .flatMap(s -> s.columns().stream().map(c -> s.name() + "/" + c.header())).toList();
            assertThat(explained).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void theTemplatesImportAsAnEmptyDatasetAndAreTheSameBytesEachTime() throws IOException {
        ReadOptions options = ReadOptions.forTenant("999940000000");
        Dataset fromXlsx = Formats.get("xlsx").read("Vorlage.xlsx", new ByteArrayInputStream(xlsx()), options);
        assertThat(fromXlsx.nodes()).isEmpty();
        assertThat(fromXlsx.relationships()).isEmpty();
        assertThat(xlsx()).isEqualTo(xlsx());

        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        SheetTemplates.csvZip(zip);
        List<String> entries = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.toByteArray()))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.add(e.getName());
                byte[] bytes = in.readAllBytes();
                assertThat(bytes).startsWith(0xef, 0xbb, 0xbf);
            }
        }
        assertThat(entries).containsExactly("Hinweise.csv", "Akteure.csv", "Gremien.csv", "Mitgliedschaften.csv",
                "Angebote.csv", "Förderprogramme.csv", "Stellen.csv", "Vereinbarungen.csv", "Beziehungen.csv",
                "Listen.csv");
        Dataset fromCsv = Formats.get("csv").read("Vorlage.zip", new ByteArrayInputStream(zip.toByteArray()), options);
        assertThat(fromCsv.nodes()).isEmpty();
    }

    @Test
    void writesTheTemplatesForDownloadIntoTarget() throws IOException {
        Path target = Path.of("target");
        Files.createDirectories(target);
        try (var out = Files.newOutputStream(target.resolve("kim-graph-vorlage.xlsx"))) {
            SheetTemplates.xlsx(out);
        }
        try (var out = Files.newOutputStream(target.resolve("kim-graph-vorlage-csv.zip"))) {
            SheetTemplates.csvZip(out);
        }
        assertThat(target.resolve("kim-graph-vorlage.xlsx")).exists();
    }
}
