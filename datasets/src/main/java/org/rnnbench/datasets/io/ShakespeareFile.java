package org.rnnbench.datasets.io;

import java.util.Arrays;

/** Reads {@code tinyshakespeare.txt} as UTF-8 text and numbers its characters. */
public final class ShakespeareFile {
    /** The shipped file's name. */
    public static final String NAME = "tinyshakespeare.txt";
    /** Characters in the shipped file. */
    public static final int CHARACTERS = 1_115_394;
    /** Distinct characters in the shipped file. */
    public static final int VOCABULARY = 65;

    /**
     * A text as ids into its sorted distinct characters.
     *
     * @param vocabulary the distinct characters, sorted
     * @param ids        (N) the text as indices into {@code vocabulary}
     */
    public record Corpus(char[] vocabulary, int[] ids) {
    }

    private ShakespeareFile() {
    }

    /** The shipped file, read once per JVM. */
    public static Corpus load() {
        return DataResources.cached(NAME, Corpus.class,
            () -> read(DataResources.FOLDER + NAME, CHARACTERS, VOCABULARY));
    }

    /**
     * Reads and checks a text.
     *
     * @param resource           absolute class-path path
     * @param expectedCharacters its length in characters
     * @param expectedVocabulary its number of distinct characters
     * @throws DataFileException naming the file and what is wrong
     */
    public static Corpus read(String resource, int expectedCharacters, int expectedVocabulary) {
        String text = DataResources.text(resource);
        if (text.length() != expectedCharacters) {
            throw new DataFileException(resource, "has " + text.length() + " characters, expected "
                + expectedCharacters);
        }
        char[] vocabulary = text.chars().distinct().sorted()
            .collect(StringBuilder::new, (sb, c) -> sb.append((char) c), StringBuilder::append).toString().toCharArray();
        if (vocabulary.length != expectedVocabulary) {
            throw new DataFileException(resource, "has " + vocabulary.length + " distinct characters, expected "
                + expectedVocabulary);
        }
        int[] ids = new int[text.length()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = Arrays.binarySearch(vocabulary, text.charAt(i));
        }
        return new Corpus(vocabulary, ids);
    }
}
