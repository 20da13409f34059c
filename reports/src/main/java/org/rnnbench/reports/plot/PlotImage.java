package org.rnnbench.reports.plot;

/**
 * One rendered plot.
 *
 * @param fileName deterministic file name, e.g. {@code speed-adding-T100.png}
 * @param task     the task it shows
 * @param title    title (also drawn in the image)
 * @param caption  how to read it
 * @param png      the PNG bytes
 */
public record PlotImage(String fileName, String task, String title, String caption, byte[] png) {
}
