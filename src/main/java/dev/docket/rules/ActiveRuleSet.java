package dev.docket.rules;

import java.nio.file.Path;

import io.micronaut.context.annotation.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rule set rankings use. Compiled eagerly at start-up: a policy that does not compile stops Docket
 * from starting, with every problem's file, line and column in the log, rather than serving a half policy.
 */
@Context
public class ActiveRuleSet {

    private static final Logger LOG = LoggerFactory.getLogger(ActiveRuleSet.class);

    private final Path folder;
    private volatile CompiledRuleSet current;

    ActiveRuleSet(RulesProperties properties) {
        this.folder = Path.of(properties.folder());
        try {
            this.current = RuleSetCompiler.compile(RuleFolder.read(folder));
        } catch (RuleCompilationException e) {
            LOG.error("Refusing to start: the rules in {} do not compile.\n{}", folder.toAbsolutePath(), e.getMessage());
            throw e;
        }
        LOG.info("Rule set {} active: {} rules from {} files in {}", current.version(), current.ruleNames().size(),
                current.sources().size(), folder.toAbsolutePath());
    }

    public CompiledRuleSet get() {
        return current;
    }

    public Path folder() {
        return folder;
    }
}
