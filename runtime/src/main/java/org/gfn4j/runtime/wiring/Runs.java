package org.gfn4j.runtime.wiring;

import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.ProvisionException;
import com.google.inject.Stage;
import org.gfn4j.runtime.config.RunConfig;
import org.gfn4j.runtime.plugin.PluginRegistry;
import org.gfn4j.runtime.training.Trainer;

/** Builds the {@link Trainer} of a run with one Guice injector per run. */
public final class Runs {
    private Runs() {
    }

    public static Trainer trainer(RunConfig config, PluginRegistry registry) {
        try {
            Injector injector = Guice.createInjector(Stage.PRODUCTION, new RunModule(config, registry));
            return injector.getInstance(Trainer.class);
        } catch (CreationException e) {
            // eager singletons: one bad setting can fail several providers; report the first cause as itself
            for (com.google.inject.spi.Message m : e.getErrorMessages()) {
                if (m.getCause() instanceof RuntimeException re) {
                    throw re;
                }
            }
            throw e;
        } catch (ProvisionException e) {
            // unwrap so that config errors reach the user as themselves, not as a Guice trace
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw e;
        }
    }
}
