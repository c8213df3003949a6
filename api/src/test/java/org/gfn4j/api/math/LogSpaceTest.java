package org.gfn4j.api.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LogSpaceTest {

    @Test
    void logSumExpIsExactAndNeverOverflows() {
        assertThat(LogSpace.logSumExp(new double[] {Math.log(1), Math.log(2), Math.log(3)})).isCloseTo(Math.log(6), within(1e-15));
        assertThat(LogSpace.logSumExp(new double[] {1000, 1000})).isCloseTo(1000 + Math.log(2), within(1e-12));
        assertThat(LogSpace.logSumExp(new double[] {-1000, -1000})).isCloseTo(-1000 + Math.log(2), within(1e-12));
        assertThat(LogSpace.logMeanExp(new double[] {0, 0, 0, 0})).isEqualTo(0.0);
    }

    /** Probability zero is −∞, handled exactly, never a tiny stand-in number (case C7). */
    @Test
    void negativeInfinityIsProbabilityZero() {
        double ninf = Double.NEGATIVE_INFINITY;
        assertThat(LogSpace.logSumExp(new double[] {ninf, ninf})).isEqualTo(ninf);
        assertThat(LogSpace.logSumExp(new double[0])).isEqualTo(ninf);
        assertThat(LogSpace.logSumExp(new double[] {ninf, 0.5})).isEqualTo(0.5);
        assertThat(LogSpace.logAddExp(ninf, ninf)).isEqualTo(ninf);
        assertThat(LogSpace.logAddExp(ninf, -3)).isEqualTo(-3.0);
    }
}
