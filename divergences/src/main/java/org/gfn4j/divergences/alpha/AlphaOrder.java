package org.gfn4j.divergences.alpha;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.gfn4j.api.config.ConfigSection;

/**
 * The order α of an α-divergence (Rényi or Tsallis), read from the config and checked.
 *
 * <p>Two orders are refused because the α-family formulas break down there rather than give a
 * useful objective: α = 1, where both divergences become a KL divergence and the factor 1/(α − 1)
 * is infinite (the KL objectives exist under their own names), and α = 0, where the divergence is
 * constant wherever P_F and P_B share their support, so its gradient is identically zero and
 * training would silently do nothing.
 *
 * <p>Orientation for α &lt; 0 (beyond MATH.md's table, which is written for α &gt; 0): with the
 * normalisation 1/(α − 1), both D_α = 1/(α − 1) log E_Q[(P/Q)^α] and T_α = (E_Q[(P/Q)^α] − 1)/(α − 1)
 * are ≤ 0 for α &lt; 0 (x ↦ x^α is convex there, so E_Q[(P/Q)^α] ≥ 1) and equal 0 only at P = Q:
 * minimising them would push P_F <em>away</em> from the target. The objectives therefore minimise
 * sign(α) · D_α; for α &lt; 0 this is −D_α(P_F ‖ P_B) = (−α/(1 − α)) D_{1−α}(P_B ‖ P_F), a positive
 * multiple of a proper (mass-covering) divergence. For α &gt; 0 nothing changes.
 *
 * @param alpha the order, finite, not 0 and not 1
 */
record AlphaOrder(double alpha) {
    static final String KEY = "alpha";
    /** |α| beyond this makes (α − 1)·λ needlessly large; the interesting range is about [−2, 2]. */
    static final double LIMIT = 1000.0;

    static final Config DEFAULTS = ConfigFactory.parseString("""
            # order alpha of the divergence; alpha < 1 is mass-covering, alpha > 1 mode-seeking.
            # For alpha < 0 the objective is -D (D itself is <= 0 there and largest at the target).
            # alpha = 1 is refused (that limit is KL: use reverse-kl or forward-kl) and so is
            # alpha = 0 (the divergence is then constant and its gradient zero). Allowed: [-1000, 1000].
            alpha = 0.5
            """);

    AlphaOrder {
        if (!Double.isFinite(alpha) || alpha == 0.0 || alpha == 1.0) {
            throw new IllegalArgumentException("alpha must be finite and neither 0 nor 1, got " + alpha);
        }
    }

    /** Reads {@code alpha} from a section, with messages that name the key and the alternatives. */
    static AlphaOrder from(ConfigSection section, String divergence) {
        double alpha = section.getDouble(KEY, -LIMIT, LIMIT);
        if (alpha == 1.0) {
            throw section.bad(KEY, "alpha = 1 is not an order of the " + divergence + " family: there it becomes"
                    + " a KL divergence and 1/(alpha - 1) is infinite; use objective.name = reverse-kl for"
                    + " KL(P_F || P_B) (the limit alpha -> 1) or forward-kl for KL(P_B || P_F)");
        }
        if (alpha == 0.0) {
            throw section.bad(KEY, "alpha = 0 makes the " + divergence + " divergence constant where P_F and P_B"
                    + " share their support, so its gradient is zero; pick alpha < 0 or 0 < alpha < 1 for a"
                    + " mass-covering objective (or forward-kl)");
        }
        return new AlphaOrder(alpha);
    }

    /** sign(α): +1 for α &gt; 0, −1 for α &lt; 0, the factor that makes the minimised objective non-negative. */
    double orientation() {
        return Math.signum(alpha);
    }

    /** α − 1, the exponent of the density ratio. */
    double exponent() {
        return alpha - 1.0;
    }
}
