/**
 * The {@code scratch} backend: a pure-Java float32 implementation of the whole recurrent-cell contract, registered
 * with {@link java.util.ServiceLoader}. Needs {@code --add-modules jdk.incubator.vector} at compile and run time, and
 * runs best with {@code -XX:-UseTypeSpeculation} on JDKs before 25
 * ({@link org.rnnbench.scratch.ScratchBackend#jvmOptions(int)}).
 */
package org.rnnbench.scratch;
