package dev.docket.rules.check;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.docket.rules.scoring.CompiledRuleSet;
import dev.docket.rules.source.RuleProblem;
import dev.docket.rules.source.RuleSource;
import dev.docket.rules.table.DecisionTable;
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
 * rather than at generated Java. CSV and XLSX decision tables are turned into DRL here (see
 * {@link DecisionTable}) and built with the .drl files; their errors name the table's cell.
 */
public final class RuleSetCompiler {

    private static final String RESOURCE_ROOT = "src/main/resources/";
    private static final String RULES_PREFIX = "rules/";
    private static final String TABLES_PREFIX = "tables/";
    private static final Pattern UNCLOSED_RULE = Pattern.compile("mismatched input '(<eof>|rule|end)' in rule \"([^\"]*)\"");
    private static final Pattern PARSER_POSITION = Pattern.compile("\\bLine (\\d+):(\\d+)\\b");
    // Each build gets its own ReleaseId, so two rule sets never share a KieModule in the repository.
    private static final AtomicLong BUILDS = new AtomicLong();

    private RuleSetCompiler() {
    }

    public static CompiledRuleSet compile(List<RuleSource> sources) {
        return compile(ParsedPolicy.of(sources), true);
    }

    /** Compiles a candidate already read: its tables are not converted again, and its problems are placed on its text. */
    static CompiledRuleSet compile(ParsedPolicy parsed) {
        return compile(parsed, true);
    }

    /**
     * Tests only: the time limits and firing limits are the second line of defence, so their tests need rule code
     * the bytecode guard (the first line) would refuse.
     */
    public static CompiledRuleSet compileWithoutBytecodeGuard(List<RuleSource> sources) {
        return compile(ParsedPolicy.of(sources), false);
    }

    private static CompiledRuleSet compile(ParsedPolicy parsed, boolean checkBytecode) {
        KieServices kie = KieServices.Factory.get();
        ReleaseId releaseId = kie.newReleaseId("dev.docket.rules", "ruleset", "1.0." + BUILDS.incrementAndGet());
        KieFileSystem files = kie.newKieFileSystem();
        files.generateAndWritePomXML(releaseId);
        List<RuleSource> policy = parsed.policy();
        List<RuleProblem> problems = new ArrayList<>();
        Map<String, DecisionTable> tables = new HashMap<>();
        for (RuleSource source : policy) {
            if (source.kind() == RuleSource.Kind.DRL) {
                files.write(RESOURCE_ROOT + RULES_PREFIX + source.path(), source.bytes());
                continue;
            }
            // Decision tables are compiled from the DRL they generate, the same DRL the policy guard checked.
            DecisionTable table = parsed.table(source);
            if (table.ok()) {
                tables.put(TABLES_PREFIX + table.derivedPath(), table);
                files.write(RESOURCE_ROOT + TABLES_PREFIX + table.derivedPath(), table.drl().getBytes(StandardCharsets.UTF_8));
            } else {
                problems.addAll(table.problems());
            }
        }
        KieBuilder builder = kie.newKieBuilder(files).buildAll(DrlProject.class);
        List<RuleProblem> built = builder.getResults().getMessages(Message.Level.ERROR).stream()
                .map(message -> toProblem(message, tables, parsed))
                .distinct()
                .toList();
        // "Parser returned a null Package" only repeats that a file has a syntax error already reported.
        built.stream()
                .filter(p -> !p.message().equals(DroolsMessages.NULL_PACKAGE)
                        || built.stream().noneMatch(other -> other != p && Objects.equals(other.file(), p.file())))
                .forEach(problems::add);
        if (!problems.isEmpty()) {
            kie.getRepository().removeKieModule(releaseId);
            throw new RuleCompilationException(problems);
        }
        KieBase kieBase = kie.newKieContainer(releaseId).getKieBase();
        // The container holds what it needs; the repository entry would only pile up across rebuilds.
        kie.getRepository().removeKieModule(releaseId);
        // Nothing has fired yet: check the code the consequences compiled to before any session can run it.
        List<RuleProblem> unsafe = checkBytecode ? BytecodeGuard.check(kieBase, parsed) : List.of();
        if (!unsafe.isEmpty()) {
            throw new RuleCompilationException(unsafe);
        }
        List<String> ruleNames = kieBase.getKiePackages().stream()
                .map(KiePackage::getRules)
                .flatMap(rules -> rules.stream().map(Rule::getName))
                .sorted()
                .toList();
        return new CompiledRuleSet(kieBase, versionOf(policy), Instant.now(), parsed.sources(), ruleNames, RuleForms.perContract(parsed));
    }

    private static RuleProblem toProblem(Message message, Map<String, DecisionTable> tables, ParsedPolicy policy) {
        String file = message.getPath();
        if (file != null && file.startsWith(RESOURCE_ROOT)) {
            file = file.substring(RESOURCE_ROOT.length());
        }
        String text = message.getText().strip();
        int line = message.getLine();
        int column = message.getColumn();
        // The DRL parser often reports column 0 and puts "Line 6:25" (0-based column) in the text instead.
        Matcher position = PARSER_POSITION.matcher(text);
        if (column <= 0 && position.find() && Integer.parseInt(position.group(1)) == line) {
            column = Integer.parseInt(position.group(2)) + 1;
        }
        DecisionTable table = file == null ? null : tables.get(file);
        if (table != null) {
            return table.locate(line, column, DroolsMessages.culprit(text), DroolsMessages.forTable(text));
        }
        if (file != null && file.startsWith(RULES_PREFIX)) {
            file = file.substring(RULES_PREFIX.length());
        }
        if (column <= 0 && file != null) {
            int[] at = exactPlace(policy, file, line, DroolsMessages.culprit(text));
            if (at != null) {
                line = at[0];
                column = at[1];
            }
        }
        Matcher unclosed = UNCLOSED_RULE.matcher(text);
        if (file != null && unclosed.find()) {
            // The parser notices a missing end at the file's end or further down; the author needs the rule it belongs to.
            String rule = unclosed.group(2);
            int[] at = exactPlace(policy, file, 1, "\"" + rule + "\"");
            boolean atEnd = unclosed.group(1).equals("<eof>");
            if (at != null && (atEnd || nextRuleBeforeEnd(policy, file, at[0], line))) {
                return new RuleProblem(file, at[0], at[1], "rule '" + rule + "' has no `end`: close it with a line `end` after its "
                        + "consequence (Drools reached " + (atEnd ? "the end of the file" : "the next rule") + " while still reading it)");
            }
        }
        if (file != null && line > 0 && text.contains("\"Invalid Character\"") && lineText(policy, file, line).strip().startsWith("#")) {
            text = "`#` does not start a comment in Drools 10; use // for a comment";
        }
        return new RuleProblem(file, Math.max(0, line), Math.max(0, column), text);
    }

    /** Whether another rule starts after line {@code from} before any line that is just {@code end}, up to line {@code to}. */
    private static boolean nextRuleBeforeEnd(ParsedPolicy policy, String file, int from, int to) {
        for (int line = from + 1; line <= to; line++) {
            String text = lineText(policy, file, line).strip();
            if (text.equals("end")) {
                return false;
            }
            if (text.startsWith("rule ") || text.startsWith("rule\"")) {
                return true;
            }
        }
        return false;
    }

    private static String lineText(ParsedPolicy policy, String file, int line) {
        return policy.line(file, line);
    }

    /** The line and column of the word a Java error in a consequence is about, which Drools reports at the rule's line. */
    private static int[] exactPlace(ParsedPolicy policy, String file, int line, String culprit) {
        if (culprit == null || culprit.isBlank()) {
            return null;
        }
        Pattern word = Pattern.compile("(?<![\\w$])" + Pattern.quote(culprit) + "(?![\\w$])");
        String[] lines = policy.lines(file);
        for (int i = Math.max(0, line - 1); i < lines.length; i++) {
            Matcher m = word.matcher(lines[i]);
            if (m.find()) {
                return new int[] {i + 1, m.start() + 1};
            }
        }
        return null;
    }

    /**
     * The version is a hash of every policy file's path and content, so identical policies share a version.
     * Scenario tests verify a policy but do not change the ranking, so they are not part of it.
     */
    public static String versionOf(List<RuleSource> sources) {
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
