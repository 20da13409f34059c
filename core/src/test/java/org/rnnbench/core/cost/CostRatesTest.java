package org.rnnbench.core.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** Cost rates: a rate for the cells not listed is required, a cell's own rate wins, and no rate is negative. */
class CostRatesTest {
    @Test
    void aCellsOwnRateWinsOverTheRateOfTheOthers() {
        CostRates r = new CostRates(1e-11, Map.of("gru", 3e-4, CostRates.ANY_CELL, 1e-4), 0.1, 2);
        assertEquals(3e-4, r.cellStep("gru"));
        assertEquals(1e-4, r.cellStep("min-lstm"));
    }

    @Test
    void ratesWithoutTheCatchAllCellOrWithANegativeValueAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> new CostRates(1e-11, Map.of("gru", 3e-4), 0.1, 2));
        assertTrue(e.getMessage().contains("'*'"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
            () -> new CostRates(-1, Map.of(CostRates.ANY_CELL, 1e-4), 0.1, 2));
        assertThrows(IllegalArgumentException.class,
            () -> new CostRates(1e-11, Map.of(CostRates.ANY_CELL, Double.NaN), 0.1, 2));
    }
}
