package org.rnnbench.scratch.gemm;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

import org.rnnbench.scratch.simd.Simd;

/**
 * The main register tile of {@link BroadcastKernel}: R rows of C by 2 vectors, held in 2R accumulator registers
 * while p runs over K, with 2 registers for the row of B and 1 for the broadcast value of A. The kernel covers the
 * rows of C with strips of R, then of 6 and 4; every tile computes each element of C as the same chain, so results
 * are the same bits whichever tile ran.
 *
 * <p>The tile is selected once per JVM for the vector registers the platform has ({@link Simd#REGISTERS}): with
 * AVX2's 16, the 6x2 tile (15 registers; anything larger spills accumulators to the stack); with AVX-512's 32, the
 * 12x2 tile (27 registers), which loads each vector of B half as often. The system property {@value #PROPERTY}
 * ({@code 6x2}, {@code 12x2} or {@code auto}) overrides the choice, to compare tiles on one machine.
 */
public enum Tile {
    /** 6 rows: 15 registers, for 16-register vector units (AVX2). */
    SIX(6),
    /** 12 rows: 27 registers, for 32-register vector units (AVX-512, AArch64). */
    TWELVE(12);

    /** The system property that overrides the selection. */
    public static final String PROPERTY = "rnnbench.scratch.tile";
    /** The value of {@link #PROPERTY} that selects by register count, as when it is not set. */
    public static final String AUTO = "auto";

    private static final Tile SELECTED = parse(System.getProperty(PROPERTY, AUTO)).orElse(forRegisters());

    /** Rows of C per tile. */
    final int rows;

    Tile(int rows) {
        this.rows = rows;
    }

    /** The tile this JVM's kernels use. */
    public static Tile selected() {
        return SELECTED;
    }

    /** The largest tile whose registers fit in {@link Simd#REGISTERS}. */
    static Tile forRegisters() {
        return Simd.REGISTERS >= 32 ? TWELVE : SIX;
    }

    /**
     * The tile a value of {@link #PROPERTY} names: {@code auto} is the one for this machine's registers; empty for
     * anything else.
     */
    public static Optional<Tile> parse(String value) {
        if (AUTO.equals(value)) {
            return Optional.of(forRegisters());
        }
        return Arrays.stream(values()).filter(t -> t.toString().equals(value)).findFirst();
    }

    /** The values {@link #PROPERTY} accepts, for messages. */
    public static String choices() {
        return Arrays.stream(values()).map(Tile::toString).collect(Collectors.joining(", ")) + " or " + AUTO;
    }

    /** Registers the tile holds: 2R accumulators, 2 vectors of B, 1 broadcast. */
    public int registers() {
        return 2 * rows + 3;
    }

    /**
     * Of an even row count of at least 4, how many go to strips of this tile, so that the rest is a sum of at most
     * one 6 and of fours (every even count but 2 is).
     */
    int mainRows(int m) {
        int main = m - m % rows;
        return m - main == 2 ? main - rows : main;
    }

    /** "12x2" for the 12-row tile. */
    @Override
    public String toString() {
        return rows + "x2";
    }
}
