package org.rnnbench.datasets.io;

import java.util.List;

import org.apache.commons.csv.CSVRecord;

/** Reads {@code digits-8x8.csv}: per line 64 pixel values 0-16 (row by row), then the label 0-9; no header. */
public final class DigitsFile {
    /** The shipped file's name. */
    public static final String NAME = "digits-8x8.csv";
    /** The images in the shipped file. */
    public static final int IMAGES = 1797;
    /** Pixels per image, 8 rows of 8. */
    public static final int PIXELS = 64;
    /** The largest pixel value. */
    public static final int MAX_PIXEL = 16;
    /** The number of classes. */
    public static final int CLASSES = 10;

    /**
     * The images of a file.
     *
     * @param pixels (N, 64) pixel values 0-16, row by row
     * @param labels (N) classes 0-9
     */
    public record Digits(int[] pixels, int[] labels) {
        /** N. */
        public int count() {
            return labels.length;
        }
    }

    private DigitsFile() {
    }

    /** The shipped file, read once per JVM. */
    public static Digits load() {
        return DataResources.cached(NAME, Digits.class, () -> read(DataResources.FOLDER + NAME, IMAGES));
    }

    /**
     * Reads and checks a digits file.
     *
     * @param resource       absolute class-path path
     * @param expectedImages the number of lines it must have
     * @throws DataFileException naming the file and what is wrong
     */
    public static Digits read(String resource, int expectedImages) {
        CsvTable table = CsvTable.withoutHeader(resource);
        table.requireRows(expectedImages, "images");
        List<CSVRecord> records = table.records();
        int[] pixels = new int[records.size() * PIXELS];
        int[] labels = new int[records.size()];
        for (int n = 0; n < records.size(); n++) {
            CSVRecord r = records.get(n);
            table.requireSize(r, PIXELS + 1, PIXELS + " pixels, then the label");
            for (int p = 0; p < PIXELS; p++) {
                pixels[n * PIXELS + p] = table.wholeNumber(r, p, "pixel " + (p + 1), 0, MAX_PIXEL);
            }
            labels[n] = table.wholeNumber(r, PIXELS, "label", 0, CLASSES - 1);
        }
        return new Digits(pixels, labels);
    }
}
