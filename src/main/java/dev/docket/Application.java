package dev.docket;

import dev.docket.rules.check.RuleEngineWarmUp;
import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

@OpenAPIDefinition(info = @Info(title = "Docket", version = "1",
        description = "Ranks a legal team's contract review queue with Drools rules and explains every rank. "
                + "Every error is application/problem+json naming each field at fault. Bodies are strict JSON: "
                + "unknown fields, coerced types, duplicate keys and trailing content are refused."))
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
