package org.rnnbench.reports.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnbench.reports.Fixtures;
import org.rnnbench.reports.Reports;
import org.rnnbench.reports.WrittenReport;

/** A results directory of {@code rnnbench claims} puts its Claims section at the top of the page. */
class ClaimsFragmentTest {
    @TempDir
    Path tmp;

    @Test
    void theFragmentComesBeforeTheTasksAndItsImagesCountInTheSelfCheck() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("claims"));
        Files.copy(Fixtures.run("run-a").resolve("runs.jsonl"), dir.resolve("runs.jsonl"));
        String section = "<section id=\"claims\"><h2>Claims</h2><img id=\"claim-plot-1\" src=\"data:image/png;"
            + "base64,AAAA\"><img id=\"claim-plot-2\" src=\"data:image/png;base64,AAAA\"></section>\n";
        Files.writeString(dir.resolve(ClaimsFragment.FILE), section);
        assertEquals(2, ClaimsFragment.read(dir).images());
        WrittenReport w = Reports.write(dir, dir.resolve("report"), 0.1);
        String html = Files.readString(w.html());
        assertTrue(html.contains(section), "the fragment verbatim");
        assertTrue(html.indexOf(section) < html.indexOf("<nav>"), "above the tasks");
        assertTrue(html.contains("data-expected-images=\"14\""), "the report's 12 plots and the fragment's 2");
        assertEquals(new ClaimsFragment("", 0), ClaimsFragment.read(tmp), "a directory without claims");
    }
}
