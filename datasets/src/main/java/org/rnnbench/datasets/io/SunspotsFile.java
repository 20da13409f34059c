package org.rnnbench.datasets.io;

import java.util.List;

import org.apache.commons.csv.CSVRecord;

/** Reads {@code sunspots.csv}: columns YEAR, SUNACTIVITY; one line per year, consecutive years. */
public final class SunspotsFile {
    /** The shipped file's name. */
    public static final String NAME = "sunspots.csv";
    /** The years in the shipped file, 1700-2008. */
    public static final int YEARS = 309;

    /**
     * A yearly series.
     *
     * @param firstYear the year of {@code activity[0]}
     * @param activity  sunspot activity per year, 0 or more
     */
    public record Yearly(int firstYear, double[] activity) {
    }

    private SunspotsFile() {
    }

    /** The shipped file, read once per JVM. */
    public static Yearly load() {
        return DataResources.cached(NAME, Yearly.class, () -> read(DataResources.FOLDER + NAME, YEARS));
    }

    /**
     * Reads and checks a sunspots file.
     *
     * @param resource      absolute class-path path
     * @param expectedYears the number of data lines it must have
     * @throws DataFileException naming the file and what is wrong
     */
    public static Yearly read(String resource, int expectedYears) {
        CsvTable table = CsvTable.withHeader(resource, "YEAR", "SUNACTIVITY");
        table.requireRows(expectedYears, "years");
        List<CSVRecord> records = table.records();
        double[] activity = new double[records.size()];
        int firstYear = 0;
        for (int n = 0; n < records.size(); n++) {
            CSVRecord r = records.get(n);
            table.requireSize(r, 2, "year, activity");
            int year = table.wholeNumber(r, 0, "year", -10_000, 10_000);
            if (n == 0) {
                firstYear = year;
            } else if (year != firstYear + n) {
                throw table.error(r, "year " + year + " does not follow " + (firstYear + n - 1));
            }
            activity[n] = table.number(r, 1, "activity");
            if (activity[n] < 0) {
                throw table.error(r, "activity " + activity[n] + " is negative");
            }
        }
        return new Yearly(firstYear, activity);
    }
}
