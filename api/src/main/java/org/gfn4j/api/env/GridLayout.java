package org.gfn4j.api.env;

/**
 * An optional capability: the environment's terminal objects are cells of a regular grid, so that
 * tools can draw a distribution over them as a heatmap (the run's plots do so for 2-D grids).
 *
 * @param <S> the state type
 */
public interface GridLayout<S> {

    /** The number of cells along each grid axis, e.g. {@code {8, 8}} for an 8 × 8 grid. */
    int[] gridShape();

    /** The cell of a terminal object: one index per axis, each in {@code [0, gridShape()[axis])}. */
    int[] gridCell(S terminal);
}
