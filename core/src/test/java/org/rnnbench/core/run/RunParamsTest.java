package org.rnnbench.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/** Run ids: deterministic from sorted parameters. */
class RunParamsTest {
    static RunParams params(String backend, double lr) {
        return new RunParams("adding-T100", backend, "lstm", 128, 1, "pytorch", "adam", lr, 0, 0, 32, 500, 2, 1);
    }

    @Test
    void idIsTheDocumentedSortedForm() {
        assertEquals("lstm[batch=32,clip=0,hidden=128,init=pytorch,layers=1,lr=0.001,opt=adam,steps=500,tbptt=0,"
            + "threads=1]@djl/adding-T100/seed2", params("djl", 0.001).id());
    }

    @Test
    void idIsDeterministicAndDependsOnEveryParameter() {
        assertEquals(params("djl", 0.001).id(), params("djl", 0.001).id());
        assertNotEquals(params("djl", 0.001).id(), params("djl", 0.002).id());
        assertNotEquals(params("djl", 0.001).id(), params("dl4j", 0.001).id());
    }

    @Test
    void unitKeyIsTheSameAcrossBackends() {
        assertEquals(params("djl", 0.5).unitKey(), params("scratch", 0.5).unitKey());
        assertEquals("lstm[batch=32,clip=0,hidden=128,init=pytorch,layers=1,lr=0.5,opt=adam,steps=500,tbptt=0,"
            + "threads=1]/adding-T100/seed2", params("djl", 0.5).unitKey());
    }
}
