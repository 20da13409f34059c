package org.rnnbench.datasets.io;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.apache.commons.csv.CSVRecord;

/**
 * Reads {@code co2.csv}: columns date (yyyymmdd), co2 (ppm); one line per week, dates 7 days apart; an empty co2
 * field is a week without a measurement.
 */
public final class Co2File {
    /** The shipped file's name. */
    public static final String NAME = "co2.csv";
    /** The weeks in the shipped file, 1958-03-29 to 2001-12-29. */
    public static final int WEEKS = 2284;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuuMMdd")
        .withResolverStyle(ResolverStyle.STRICT);

    /**
     * A weekly series.
     *
     * @param firstWeek the date of {@code ppm[0]}
     * @param ppm       CO2 per week in ppm, NaN for a week without a measurement
     */
    public record Weekly(LocalDate firstWeek, double[] ppm) {
    }

    private Co2File() {
    }

    /** The shipped file, read once per JVM. */
    public static Weekly load() {
        return DataResources.cached(NAME, Weekly.class, () -> read(DataResources.FOLDER + NAME, WEEKS));
    }

    /**
     * Reads and checks a CO2 file.
     *
     * @param resource      absolute class-path path
     * @param expectedWeeks the number of data lines it must have
     * @throws DataFileException naming the file and what is wrong
     */
    public static Weekly read(String resource, int expectedWeeks) {
        CsvTable table = CsvTable.withHeader(resource, "date", "co2");
        table.requireRows(expectedWeeks, "weeks");
        List<CSVRecord> records = table.records();
        double[] ppm = new double[records.size()];
        LocalDate first = null;
        for (int n = 0; n < records.size(); n++) {
            CSVRecord r = records.get(n);
            table.requireSize(r, 2, "date, co2");
            LocalDate date;
            try {
                date = LocalDate.parse(r.get(0).strip(), DATE);
            } catch (DateTimeParseException e) {
                throw table.error(r, "date '" + r.get(0) + "' is not a date of the form yyyymmdd");
            }
            if (first == null) {
                first = date;
            } else if (ChronoUnit.DAYS.between(first, date) != 7L * n) {
                throw table.error(r, "date " + date + " is not 7 days after the previous line's "
                    + first.plusDays(7L * (n - 1)));
            }
            if (r.get(1).isBlank()) {
                ppm[n] = Double.NaN;
            } else {
                ppm[n] = table.number(r, 1, "co2");
                if (ppm[n] <= 0) {
                    throw table.error(r, "co2 " + ppm[n] + " is not a positive concentration");
                }
            }
        }
        return new Weekly(first, ppm);
    }
}
