package org.gfn4j.runtime.output;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import javax.imageio.ImageIO;
import org.gfn4j.api.env.EvaluationBox;

/**
 * A PNG of 2-D model samples over the target: the target density as a white-to-blue heat map with
 * contour lines at 1/2, 1/8, 1/32 and 1/128 of its maximum, the samples as red dots, axes with ticks
 * and a title. Drawn with Java2D: XChart 4 cannot lay a scatter series over a heat map.
 */
public final class SamplesPicture {
    private static final int PLOT = 600;
    private static final int LEFT = 60;
    private static final int TOP = 50;
    private static final int RIGHT = 25;
    private static final int BOTTOM = 50;
    private static final double[] CONTOURS = {0.5, 0.125, 1.0 / 32, 1.0 / 128};

    private SamplesPicture() {
    }

    /**
     * @param logDensity the target's log-density up to a constant
     * @param points     samples (only the first two coordinates are drawn)
     * @param shown      at most this many samples are drawn
     */
    public static void write(Path file, EvaluationBox box, ToDoubleFunction<double[]> logDensity, double[][] points, int shown,
                             List<String> titleLines) {
        if (box.dimension() != 2) {
            throw new IllegalArgumentException("the samples picture is 2-D, the box has " + box.dimension() + " sides");
        }
        double[] lo = box.lower();
        double[] hi = box.upper();
        int width = LEFT + PLOT + RIGHT;
        int height = TOP + PLOT + BOTTOM + 15 * Math.max(0, titleLines.size() - 1);
        int top = height - BOTTOM - PLOT;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);

        // density per pixel, relative to its maximum
        double[] logs = new double[PLOT * PLOT];
        double max = Double.NEGATIVE_INFINITY;
        double[] x = new double[2];
        for (int py = 0; py < PLOT; py++) {
            for (int px = 0; px < PLOT; px++) {
                x[0] = lo[0] + (hi[0] - lo[0]) * (px + 0.5) / PLOT;
                x[1] = hi[1] - (hi[1] - lo[1]) * (py + 0.5) / PLOT;
                double v = logDensity.applyAsDouble(x);
                logs[py * PLOT + px] = v;
                max = Math.max(max, v);
            }
        }
        int[] band = new int[PLOT * PLOT];
        for (int p = 0; p < logs.length; p++) {
            double relative = Math.exp(logs[p] - max);
            band[p] = contourBand(relative);
            image.setRGB(LEFT + p % PLOT, top + p / PLOT, heat(relative));
        }
        int line = new Color(20, 40, 110).getRGB();
        for (int py = 0; py < PLOT; py++) {
            for (int px = 0; px < PLOT; px++) {
                int b = band[py * PLOT + px];
                if ((px + 1 < PLOT && band[py * PLOT + px + 1] != b) || (py + 1 < PLOT && band[(py + 1) * PLOT + px] != b)) {
                    image.setRGB(LEFT + px, top + py, line);
                }
            }
        }

        // samples
        g.setColor(new Color(220, 30, 30, 150));
        int count = Math.min(shown, points.length);
        for (int i = 0; i < count; i++) {
            double u = (points[i][0] - lo[0]) / (hi[0] - lo[0]);
            double v = (points[i][1] - lo[1]) / (hi[1] - lo[1]);
            if (u < 0 || u > 1 || v < 0 || v > 1) {
                continue;
            }
            int px = LEFT + (int) Math.round(u * PLOT);
            int py = top + (int) Math.round((1 - v) * PLOT);
            g.fillOval(px - 2, py - 2, 4, 4);
        }

        // frame, ticks, labels, title
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1f));
        g.drawRect(LEFT, top, PLOT, PLOT);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        FontMetrics fm = g.getFontMetrics();
        for (int axis = 0; axis < 2; axis++) {
            double step = niceStep(hi[axis] - lo[axis]);
            for (double t = Math.ceil(lo[axis] / step) * step; t <= hi[axis] + 1e-9; t += step) {
                double f = (t - lo[axis]) / (hi[axis] - lo[axis]);
                String label = step >= 1 ? String.format(Locale.ROOT, "%d", Math.round(t)) : String.format(Locale.ROOT, "%.1f", t);
                if (axis == 0) {
                    int px = LEFT + (int) Math.round(f * PLOT);
                    g.drawLine(px, top + PLOT, px, top + PLOT + 5);
                    g.drawString(label, px - fm.stringWidth(label) / 2, top + PLOT + 18);
                } else {
                    int py = top + (int) Math.round((1 - f) * PLOT);
                    g.drawLine(LEFT - 5, py, LEFT, py);
                    g.drawString(label, LEFT - 8 - fm.stringWidth(label), py + fm.getAscent() / 2 - 1);
                }
            }
        }
        g.drawString("x1", LEFT + PLOT / 2 - 6, top + PLOT + 36);
        g.drawString("x2", 14, top + PLOT / 2);
        for (int k = 0; k < titleLines.size(); k++) {
            g.setFont(new Font(Font.SANS_SERIF, k == 0 ? Font.BOLD : Font.PLAIN, k == 0 ? 13 : 12));
            g.drawString(titleLines.get(k), 10, 18 + 15 * k);
        }
        g.dispose();
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            ImageIO.write(image, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static int contourBand(double relative) {
        int b = 0;
        for (double c : CONTOURS) {
            if (relative < c) {
                b++;
            }
        }
        return b;
    }

    /** White at 0 to a saturated blue at the maximum, on a square-root scale so low tails stay visible. */
    private static int heat(double relative) {
        double s = Math.sqrt(Math.max(0, Math.min(1, relative)));
        int r = (int) Math.round(255 - s * (255 - 70));
        int gr = (int) Math.round(255 - s * (255 - 130));
        int b = (int) Math.round(255 - s * (255 - 210));
        return (r << 16) | (gr << 8) | b;
    }

    private static double niceStep(double range) {
        double raw = range / 8;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * magnitude >= raw) {
                return m * magnitude;
            }
        }
        return 10 * magnitude;
    }
}
