package org.rnnbench.scratch.gemm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.rnnbench.scratch.simd.Simd;

/** The tile selection: by register count, by the property's values, and the strip arithmetic of every tile. */
class TileTest {
    @Test
    void theSelectedTileFitsTheRegisters() {
        assertTrue(Tile.selected().registers() <= Simd.REGISTERS,
            Tile.selected() + " needs " + Tile.selected().registers() + " registers of " + Simd.REGISTERS);
        assertEquals(Simd.REGISTERS >= 32 ? Tile.TWELVE : Tile.SIX, Tile.forRegisters());
    }

    @Test
    void theRegisterCountFollowsTheArchitectureAndWidth() {
        assertEquals(16, Simd.registers("amd64", 8));
        assertEquals(32, Simd.registers("amd64", 16));
        assertEquals(32, Simd.registers("aarch64", 4));
        assertEquals(16, Simd.registers("x86_64", 4));
    }

    @Test
    void thePropertyNamesATileOrAuto() {
        assertEquals(Optional.of(Tile.TWELVE), Tile.parse("12x2"));
        assertEquals(Optional.of(Tile.SIX), Tile.parse("6x2"));
        assertEquals(Optional.empty(), Tile.parse("8x2"));
        assertEquals(Optional.of(Tile.forRegisters()), Tile.parse("auto"));
        assertEquals(Optional.empty(), Tile.parse("6x3"));
        assertEquals("6x2, 12x2 or auto", Tile.choices());
    }

    @Test
    void stripsOfEveryTileLeaveARestOfSixesAndFours() {
        for (Tile tile : Tile.values()) {
            for (int m = 4; m <= 300; m += 2) {
                int main = tile.mainRows(m);
                int rest = m - main;
                assertEquals(0, main % tile.rows, tile + " m=" + m);
                assertTrue(rest != 2 && rest >= 0 && rest < tile.rows + 8, tile + " m=" + m + " rest " + rest);
            }
        }
        assertEquals(24, Tile.TWELVE.mainRows(32));
        assertEquals(24, Tile.SIX.mainRows(32));
        assertEquals(60, Tile.TWELVE.mainRows(64));
        assertEquals(12, Tile.TWELVE.mainRows(26));
    }
}
