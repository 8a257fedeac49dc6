package dev.docket.rules;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.drools.compiler.kie.builder.impl.DrlProject;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

/**
 * Compiles rule files into a {@link CompiledRuleSet}. Uses the classic DRL compiler (drools-mvel),
 * not the executable model, because its errors point at the .drl line a legal-ops author wrote
 * rather than at generated Java.
 */
public final class RuleSetCompiler {

    private static final String RESOURCE_ROOT = "src/main/resources/";
    private static final String RULES_PREFIX = "rules/";
    // Each build gets its own ReleaseId, so two rule sets never share a KieModule in the repository.
    private static final AtomicLong BUILDS = new AtomicLong();

    private RuleSetCompiler() {
    }

    public static CompiledRuleSet compile(List<RuleSource> sources) {
        KieServices kie = KieServices.Factory.get();
        ReleaseId releaseId = kie.newReleaseId("dev.docket.rules", "ruleset", "1.0." + BUILDS.incrementAndGet());
        KieFileSystem files = kie.newKieFileSystem();
        files.generateAndWritePomXML(releaseId);
        List<RuleSource> policy = sources.stream().filter(s -> s.kind().isPolicy()).toList();
        for (RuleSource source : policy) {
            files.write(RESOURCE_ROOT + RULES_PREFIX + source.path(), source.bytes());
        }
        KieBuilder builder = kie.newKieBuilder(files).buildAll(DrlProject.class);
        List<RuleProblem> problems = builder.getResults().getMessages(Message.Level.ERROR).stream()
                .map(RuleSetCompiler::toProblem)
                .toList();
        if (!problems.isEmpty()) {
            kie.getRepository().removeKieModule(releaseId);
            throw new RuleCompilationException(problems);
        }
        KieBase kieBase = kie.newKieContainer(releaseId).getKieBase();
        // The container holds what it needs; the repository entry would only pile up across rebuilds.
        kie.getRepository().removeKieModule(releaseId);
        List<String> ruleNames = kieBase.getKiePackages().stream()
                .map(KiePackage::getRules)
                .flatMap(rules -> rules.stream().map(Rule::getName))
                .sorted()
                .toList();
        return new CompiledRuleSet(kieBase, versionOf(policy), Instant.now(), sources, ruleNames);
    }

    private static RuleProblem toProblem(Message message) {
        String file = message.getPath();
        for (String prefix : new String[] {RESOURCE_ROOT, RULES_PREFIX}) {
            if (file != null && file.startsWith(prefix)) {
                file = file.substring(prefix.length());
            }
        }
        return new RuleProblem(file, message.getLine(), message.getColumn(), message.getText().strip());
    }

    /**
     * The version is a hash of every policy file's path and content, so identical policies share a version.
     * Scenario tests verify a policy but do not change the ranking, so they are not part of it.
     */
    static String versionOf(List<RuleSource> sources) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (RuleSource source : sources.stream().filter(s -> s.kind().isPolicy()).toList()) {
                sha.update(source.path().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(source.bytes());
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
