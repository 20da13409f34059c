package org.rnnbench.datasets.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The readers on the shipped files, and on small good and corrupt copies in test resources. */
class DataFilesTest {
    private static final String DIR = "/datafiles/";

    @Test
    void theShippedFilesReadWithTheSizesOfTheirProvenance() {
        DigitsFile.Digits digits = DigitsFile.load();
        assertEquals(1797, digits.count());
        assertEquals(0, digits.labels()[0]);
        assertEquals(5, digits.pixels()[2]);
        SunspotsFile.Yearly sunspots = SunspotsFile.load();
        assertEquals(1700, sunspots.firstYear());
        assertEquals(309, sunspots.activity().length);
        Co2File.Weekly co2 = Co2File.load();
        assertEquals(java.time.LocalDate.of(1958, 3, 29), co2.firstWeek());
        assertEquals(59, java.util.Arrays.stream(co2.ppm()).filter(Double::isNaN).count());
        JsbFile.Chorales jsb = JsbFile.load();
        assertEquals(229, jsb.train().size());
        assertEquals(76, jsb.valid().size());
        assertEquals(77, jsb.test().size());
        ShakespeareFile.Corpus text = ShakespeareFile.load();
        assertEquals(1_115_394, text.ids().length);
        assertEquals('F', text.vocabulary()[text.ids()[0]]);
    }

    @Test
    void eachFileIsReadOncePerJvm() {
        assertSame(DigitsFile.load(), DigitsFile.load());
        assertSame(JsbFile.load(), JsbFile.load());
        assertSame(ShakespeareFile.load(), ShakespeareFile.load());
    }

    @Test
    void goodSmallCopiesRead() {
        DigitsFile.Digits digits = DigitsFile.read(DIR + "digits-ok.csv", 3);
        assertArrayEquals(new int[] {0, 1, 2}, digits.labels());
        Co2File.Weekly co2 = Co2File.read(DIR + "co2-ok.csv", 3);
        assertTrue(Double.isNaN(co2.ppm()[1]));
        assertEquals(317.6, co2.ppm()[2]);
        JsbFile.Chorales jsb = JsbFile.read(DIR + "jsb-ok.json", 1, 1, 1);
        assertArrayEquals(new int[] {71, 75}, jsb.test().get(0)[1]);
        assertEquals(0, jsb.train().get(0)[1].length);
        ShakespeareFile.Corpus text = ShakespeareFile.read(DIR + "text-ok.txt", 20, 10);
        assertEquals("\n ,Tbenort", new String(text.vocabulary()));
    }

    @Test
    void aMissingFileIsNamed() {
        fails(() -> DigitsFile.read(DIR + "none.csv", 3), DIR + "none.csv: not found on the class path; the "
            + "datasets module ships its data under /org/rnnbench/datasets/data/");
    }

    @Test
    void corruptDigitsSayWhatIsWrongWhere() {
        fails(() -> DigitsFile.read(DIR + "digits-short-row.csv", 3), DIR + "digits-short-row.csv: line 2: "
            + "expected 65 comma-separated values (64 pixels, then the label), found 64");
        fails(() -> DigitsFile.read(DIR + "digits-bad-pixel.csv", 3), DIR + "digits-bad-pixel.csv: line 3: "
            + "pixel 10 17 is outside 0-16");
        fails(() -> DigitsFile.read(DIR + "digits-bad-label.csv", 3), DIR + "digits-bad-label.csv: line 1: "
            + "label 'x' is not a whole number");
        fails(() -> DigitsFile.read(DIR + "digits-ok.csv", 1797), DIR + "digits-ok.csv: has 3 images, expected "
            + "1797");
    }

    @Test
    void corruptSunspotsSayWhatIsWrongWhere() {
        fails(() -> SunspotsFile.read(DIR + "sunspots-bad-header.csv", 2), DIR + "sunspots-bad-header.csv: the "
            + "header names columns [YEAR, ACTIVITY], expected [YEAR, SUNACTIVITY]");
        fails(() -> SunspotsFile.read(DIR + "sunspots-year-gap.csv", 2), DIR + "sunspots-year-gap.csv: line 3: "
            + "year 1702 does not follow 1700");
        fails(() -> SunspotsFile.read(DIR + "sunspots-not-number.csv", 2), DIR + "sunspots-not-number.csv: line 3: "
            + "activity 'eleven' is not a finite number");
        fails(() -> SunspotsFile.read(DIR + "sunspots-negative.csv", 2), DIR + "sunspots-negative.csv: line 3: "
            + "activity -3.0 is negative");
    }

    @Test
    void corruptCo2SaysWhatIsWrongWhere() {
        fails(() -> Co2File.read(DIR + "co2-bad-date.csv", 3), DIR + "co2-bad-date.csv: line 3: date '19580431' "
            + "is not a date of the form yyyymmdd");
        fails(() -> Co2File.read(DIR + "co2-gap.csv", 3), DIR + "co2-gap.csv: line 4: date 1958-04-19 is not 7 days "
            + "after the previous line's 1958-04-05");
        fails(() -> Co2File.read(DIR + "co2-bad-value.csv", 3), DIR + "co2-bad-value.csv: line 3: co2 '3x7.3' is "
            + "not a finite number");
        fails(() -> Co2File.read(DIR + "co2-ok.csv", 2284), DIR + "co2-ok.csv: has 3 weeks, expected 2284");
    }

    @Test
    void corruptChoralesSayWhatIsWrongWhere() {
        String truncated = message(() -> JsbFile.read(DIR + "jsb-not-json.json", 1, 1, 1));
        assertTrue(truncated.startsWith(DIR + "jsb-not-json.json: is not valid JSON: "), truncated);
        fails(() -> JsbFile.read(DIR + "jsb-no-test.json", 1, 1, 1), DIR + "jsb-no-test.json: has no list of "
            + "chorales under the key 'test'; expected keys train, valid, test");
        fails(() -> JsbFile.read(DIR + "jsb-bad-pitch.json", 1, 1, 1), DIR + "jsb-bad-pitch.json: test[0][1][0] is "
            + "130, expected a MIDI pitch 21-108");
        fails(() -> JsbFile.read(DIR + "jsb-short-chorale.json", 1, 1, 1), DIR + "jsb-short-chorale.json: train[0] "
            + "has 1 time step(s); next-step prediction needs at least 2");
        fails(() -> JsbFile.read(DIR + "jsb-twice.json", 1, 1, 1), DIR + "jsb-twice.json: train[0][2] lists pitch "
            + "62 twice");
        fails(() -> JsbFile.read(DIR + "jsb-ok.json", 229, 1, 1), DIR + "jsb-ok.json: train has 1 chorales, "
            + "expected 229");
    }

    @Test
    void corruptTextSaysWhatIsWrong() {
        fails(() -> ShakespeareFile.read(DIR + "text-not-utf8.txt", 17, 10), DIR + "text-not-utf8.txt: is not UTF-8 "
            + "text: byte 10 starts an invalid sequence");
        fails(() -> ShakespeareFile.read(DIR + "text-ok.txt", ShakespeareFile.CHARACTERS, 65), DIR + "text-ok.txt: "
            + "has 20 characters, expected 1115394");
        fails(() -> ShakespeareFile.read(DIR + "text-ok.txt", 20, 65), DIR + "text-ok.txt: has 10 distinct "
            + "characters, expected 65");
    }

    private static void fails(Executable read, String expected) {
        assertEquals(expected, message(read));
    }

    private static String message(Executable read) {
        DataFileException e = assertThrows(DataFileException.class, read);
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        return e.getMessage();
    }
}
