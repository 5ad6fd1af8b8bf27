/**
 * The spreadsheet formats: one layout of eight sheets with German headers ({@link SheetLayout}), read and written as
 * an Excel workbook ({@link XlsxFormat}) or a ZIP of CSV files ({@link CsvFormat}), and the empty templates.
 */
@NullMarked
package de.kimgraph.exchange.sheet;

import org.jspecify.annotations.NullMarked;
