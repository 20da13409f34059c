package org.rnnbench.reports.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The table model and its CSV and Markdown writers. */
class TableWritersTest {
    static final List<Column> COLUMNS = List.of(new Column("task", "task", Format.TEXT),
        new Column("name", "name", Format.TEXT), new Column("n", "count", Format.COUNT),
        new Column("x", "value", Format.SIG3));

    static Table table() {
        return new Table("t", "A table", "How to read it.", COLUMNS, List.of(
            Arrays.asList("a", "plain", 1344L, 0.123456),
            Arrays.asList("a", "has, comma \"and quotes\"", 2, Double.NaN),
            Arrays.asList("b", "pipe | in it", null, 12345678.0)), true);
    }

    @Test
    void csvKeepsFullPrecisionAndQuotesWhatNeedsIt() throws IOException {
        StringWriter w = new StringWriter();
        CsvTableWriter.write(table(), w);
        assertEquals("task,name,n,x\n"
            + "a,plain,1344,0.123456\n"
            + "a,\"has, comma \"\"and quotes\"\"\",2,\n"
            + "b,pipe | in it,,1.2345678E7\n", w.toString());
    }

    @Test
    void markdownGroupsByTheFirstColumnAndFormatsNumbers() {
        assertEquals("## A table\n\nHow to read it.\n\n"
            + "### a\n\n| name | count | value |\n|---|---:|---:|\n| plain | 1,344 | 0.123 |\n"
            + "| has, comma \"and quotes\" | 2 | \u2013 |\n\n"
            + "### b\n\n| name | count | value |\n|---|---:|---:|\n| pipe \\| in it | \u2013 | 1.23e+07 |\n\n",
            MarkdownTableWriter.section(table()));
    }

    @Test
    void formatsReadWell() {
        assertEquals("0.00123", Format.SIG3.text(0.0012345));
        assertEquals("1.23e-04", Format.SIG3.text(0.00012345));
        assertEquals("123", Format.SIG3.text(123.4));
        assertEquals("+0.0500", Format.SIGNED3.text(0.05));
        assertEquals("-2.00", Format.SIGNED3.text(-2.0));
        assertEquals("\u00b10.013", Format.PLUS_MINUS.text(0.0132));
        assertEquals("1,344", Format.COUNT.text(1344.0));
        assertEquals("inf", Format.SIG3.text(Double.POSITIVE_INFINITY));
    }

    @Test
    void groupsKeepTheirRowsAndSlugTheirIds() {
        Table t = new Table("r", "R", "", COLUMNS, List.of(Arrays.asList("copy T=8", "x", 1, 1.0)), true);
        assertEquals(List.of("copy T=8"), t.groups());
        assertEquals("r-copy_T_8", t.group("copy T=8").id());
        assertEquals(3, t.group("copy T=8").columns().size());
    }

    @Test
    void aRowOfTheWrongWidthIsRejected() {
        assertThrows(IllegalArgumentException.class,
            () -> new Table("t", "T", "", COLUMNS, List.of(Arrays.asList("a", "b")), false));
    }
}
