package dev.docket;

import dev.docket.rules.RuleEngineWarmUp;
import io.micronaut.runtime.Micronaut;

public class Application {

    public static void main(String[] args) {
        RuleEngineWarmUp.start();
        // No bootstrap context: Docket reads no distributed configuration, and looking for it scans every service file.
        Micronaut.build(args)
                .mainClass(Application.class)
                .bootstrapEnvironment(false)
                .banner(false)
                .start();
    }
}
