package dev.docket.rules;

import java.time.Instant;
import java.util.List;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.serde.annotation.Serdeable;

/** Lets legal ops confirm which policy is live: its version, files and rule names. */
@Controller("/api/rules")
class RulesController {

    private final ActiveRuleSet active;

    RulesController(ActiveRuleSet active) {
        this.active = active;
    }

    @Get
    ActiveRules get() {
        CompiledRuleSet rules = active.get();
        return new ActiveRules(rules.version(), rules.compiledAt(), active.folder().toAbsolutePath().toString(),
                rules.sources().stream().map(RuleSource::path).toList(), rules.ruleNames());
    }

    @Serdeable
    record ActiveRules(String version, Instant compiledAt, String folder, List<String> files, List<String> rules) {
    }
}
