package dev.docket.rules.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.docket.rules.source.RuleProblem;
import dev.docket.rules.source.RuleSource;
import dev.docket.rules.table.DecisionTable;
import dev.docket.rules.table.TableCells;
import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.CollectDescr;
import org.drools.drl.ast.descr.ConditionalBranchDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.EntryPointDescr;
import org.drools.drl.ast.descr.EvalDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.FromDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.NamedConsequenceDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.ast.descr.WindowReferenceDescr;
import org.objectweb.asm.Type;

/**
 * Rules are code. Before a rule set is compiled, the guard reads every .drl file, and the DRL generated from
 * every decision table, with the Drools parser and refuses, on the parsed descriptors:
 * <ul>
 *   <li>files that are empty, only whitespace, not UTF-8 text, or declare no rule;</li>
 *   <li>unicode escapes, which Java decodes anywhere, even inside a string the guard would not look into;</li>
 *   <li>everything that is not a rule: functions, function imports, globals, queries, type declarations, entry points,
 *       windows, the MVEL dialect, rule attributes that run code or read the clock;</li>
 *   <li>imports and pattern types outside {@link RuleAllowList}, and conditions that use anything outside it
 *       ({@link ConditionCheck}); inline accumulate code and accumulate functions other than Drools' own;</li>
 *   <li>the same rule name twice, in one file or across files, since explanations name rules.</li>
 * </ul>
 * Consequences are Java, which Drools compiles to bytecode; {@link BytecodeGuard} checks that bytecode after
 * compiling and before anything runs.
 */
public final class PolicyGuard {

    private static final Set<String> ACCUMULATE_FUNCTIONS = Set.of("count", "sum", "min", "max", "average", "collectList", "collectSet");
    private static final Set<String> ATTRIBUTES = Set.of("salience", "no-loop", "lock-on-active", "agenda-group", "activation-group",
            "auto-focus", "ruleflow-group", "dialect", "enabled");
    private static final String NOT_A_RULE = "rules only rank, so a policy file holds rules and imports of the fact model only";

    private PolicyGuard() {
    }

    public static List<RuleProblem> check(List<RuleSource> sources) {
        return check(ParsedPolicy.of(sources));
    }

    static List<RuleProblem> check(ParsedPolicy parsed) {
        List<RuleProblem> problems = new ArrayList<>();
        for (RuleSource source : parsed.blank()) {
            problems.add(new RuleProblem(source.path(), 0, 0, "file is empty" + (source.bytes().length == 0 ? "" : " (only whitespace)")
                    + "; a rule file needs at least one rule"));
        }
        problems.addAll(parsed.unreadable());
        for (ParsedPolicy.File file : parsed.files()) {
            unicodeEscapes(file, problems);
            if (file.parsed()) {
                checkFile(file, problems);
            }
        }
        problems.addAll(duplicates(parsed.rules()));
        // A table repeats its code cells in every rule it generates; one problem per cell is enough.
        return problems.stream().distinct().toList();
    }

    private static void checkFile(ParsedPolicy.File file, List<RuleProblem> problems) {
        PackageDescr pkg = file.descr();
        if (pkg.getRules().stream().noneMatch(RuleDescr::isRule) && pkg.getRules().stream().noneMatch(RuleDescr::isQuery)
                && pkg.getFunctions().isEmpty() && pkg.getTypeDeclarations().isEmpty()) {
            problems.add(new RuleProblem(file.source().path(), 0, 0, "no rules: the file declares no rule, so it would change nothing"));
        }
        pkg.getFunctionImports().forEach(d -> problems.add(at(file, d, "import", "`import function` is not allowed: " + NOT_A_RULE
                + "; call Math or String methods directly in the consequence")));
        pkg.getAccumulateImports().forEach(d -> problems.add(at(file, d, "import", "`import accumulate` is not allowed: "
                + "only Drools' own accumulate functions (count, sum, min, max, average) may be used")));
        pkg.getGlobals().forEach(d -> problems.add(at(file, d, "global", "`global` is not allowed: " + NOT_A_RULE
                + "; a rule reads only the contract it matched")));
        pkg.getFunctions().forEach(d -> problems.add(at(file, d, "function", "`function` is not allowed: " + NOT_A_RULE
                + "; write the computation in the rule's consequence")));
        pkg.getTypeDeclarations().forEach(d -> problems.add(at(file, d, "declare", "`declare` is not allowed: " + NOT_A_RULE
                + "; rules match the contracts Docket hands them (ContractFact)")));
        pkg.getEnumDeclarations().forEach(d -> problems.add(at(file, d, "declare", "`declare enum` is not allowed: " + NOT_A_RULE)));
        pkg.getEntryPointDeclarations().forEach(d -> problems.add(at(file, d, "entry-point", "entry points are not allowed: " + NOT_A_RULE)));
        pkg.getWindowDeclarations().forEach(d -> problems.add(at(file, d, "window", "windows are not allowed: " + NOT_A_RULE)));
        for (AttributeDescr attribute : pkg.getAttributes()) {
            attribute(file, attribute, problems);
        }
        Map<String, Class<?>> imports = new HashMap<>();
        for (ImportDescr imported : pkg.getImports()) {
            importing(file, imported, imports, problems);
        }
        for (RuleDescr rule : pkg.getRules()) {
            if (rule.isQuery()) {
                problems.add(at(file, rule, "query", "`query` is not allowed: " + NOT_A_RULE));
                continue;
            }
            for (AttributeDescr attribute : rule.getAttributes().values()) {
                attribute(file, attribute, problems);
            }
            if (!rule.getNamedConsequences().isEmpty()) {
                problems.add(at(file, rule, "then", "named consequences (then[...]) are not allowed; write one consequence per rule"));
            }
            Map<String, Class<?>> bindings = new HashMap<>();
            for (BaseDescr element : rule.getLhs().getDescrs()) {
                condition(file, element, imports, bindings, problems);
            }
        }
    }

    private static void attribute(ParsedPolicy.File file, AttributeDescr attribute, List<RuleProblem> problems) {
        String name = attribute.getName();
        String value = attribute.getValue() == null ? "" : attribute.getValue().strip();
        if (!ATTRIBUTES.contains(name)) {
            problems.add(at(file, attribute, name, "the rule attribute `" + name + "` is not allowed: timers, calendars and dates "
                    + "make a rule depend on when it runs; rules rank from the contract's own fields (daysToTargetClose, businessDaysReady)"));
        } else if (name.equals("dialect") && !value.replace("\"", "").equals("java")) {
            problems.add(at(file, attribute, "dialect", "dialect " + value + " is not allowed: consequences must be Java, "
                    + "which Docket checks after compiling; remove the dialect line"));
        } else if (name.equals("salience") && !value.matches("-?[0-9]{1,9}")) {
            problems.add(at(file, attribute, "salience", "salience must be a whole number, not an expression"));
        } else if (name.equals("enabled") && !value.equals("true") && !value.equals("false")) {
            problems.add(at(file, attribute, "enabled", "enabled must be true or false, not an expression"));
        }
    }

    private static void importing(ParsedPolicy.File file, ImportDescr imported, Map<String, Class<?>> imports, List<RuleProblem> problems) {
        String target = imported.getTarget().strip();
        if (target.endsWith(".*")) {
            List<Class<?>> classes = RuleAllowList.classesIn(target.substring(0, target.length() - 2).replace('.', '/'));
            if (classes.isEmpty()) {
                problems.add(at(file, imported, target, "import `" + target + "` is not allowed: " + IMPORTS_ALLOWED));
            }
            classes.forEach(c -> imports.put(c.getSimpleName(), c));
            return;
        }
        Class<?> type = RuleAllowList.classNamed(target);
        if (type == null) {
            problems.add(at(file, imported, target, "import `" + target + "` is not allowed: " + IMPORTS_ALLOWED));
        } else {
            imports.put(type.getSimpleName(), type);
        }
    }

    private static final String IMPORTS_ALLOWED = "rules may import the fact model (dev.docket.facts.ContractFact), "
            + "java.time and java.util value types and java.lang.Math";

    /** Checks one conditional element of a rule's when part, recording the variables it binds. */
    private static void condition(ParsedPolicy.File file, BaseDescr element, Map<String, Class<?>> imports,
                                  Map<String, Class<?>> bindings, List<RuleProblem> problems) {
        if (element instanceof PatternDescr pattern) {
            pattern(file, pattern, imports, bindings, problems);
        } else if (element instanceof EvalDescr eval) {
            expression(file, eval, String.valueOf(eval.getContent()), null, imports, bindings, problems);
        } else if (element instanceof NamedConsequenceDescr || element instanceof ConditionalBranchDescr) {
            problems.add(at(file, element, "do", "named consequences (do[...], if ... do[...]) are not allowed; write one consequence per rule"));
        } else if (element instanceof ConditionalElementDescr group) {
            // and, or, not, exists, forall: check what they hold.
            for (BaseDescr inner : group.getDescrs()) {
                condition(file, inner, imports, bindings, problems);
            }
        } else {
            problems.add(at(file, element, null, "`" + element.getText() + "` is not allowed in a rule's conditions"));
        }
    }

    private static void pattern(ParsedPolicy.File file, PatternDescr pattern, Map<String, Class<?>> imports,
                                Map<String, Class<?>> bindings, List<RuleProblem> problems) {
        String typeName = pattern.getObjectType();
        Class<?> type = imports.containsKey(typeName) ? imports.get(typeName) : RuleAllowList.classNamed(typeName);
        if (type == null && "Object".equals(typeName)) {
            type = Object.class;
        }
        if (type == null || !RuleAllowList.knows(Type.getInternalName(type))) {
            problems.add(at(file, pattern, typeName, "the pattern type `" + typeName + "` is not allowed: rules match ContractFact"
                    + " (import dev.docket.facts.ContractFact)"));
            return;
        }
        if (pattern.getSource() != null) {
            source(file, pattern, pattern.getSource(), imports, bindings, problems);
        }
        if (pattern.getIdentifier() != null) {
            bindings.put(pattern.getIdentifier(), type);
        }
        for (BaseDescr constraint : pattern.getDescrs()) {
            if (constraint instanceof ExprConstraintDescr expression) {
                expression(file, expression, expression.getExpression(), type, imports, bindings, problems);
            } else {
                problems.add(at(file, constraint, null, "`" + constraint.getText() + "` is not allowed in a pattern"));
            }
        }
    }

    private static void source(ParsedPolicy.File file, PatternDescr pattern, BaseDescr source, Map<String, Class<?>> imports,
                               Map<String, Class<?>> bindings, List<RuleProblem> problems) {
        if (source instanceof FromDescr from) {
            expression(file, from.getLine() > 0 ? from : pattern, from.getDataSource().toString(), null, imports, bindings, problems);
        } else if (source instanceof CollectDescr collect) {
            pattern(file, collect.getInputPattern(), imports, new HashMap<>(bindings), problems);
        } else if (source instanceof AccumulateDescr accumulate) {
            if (accumulate.getInitCode() != null || accumulate.getActionCode() != null || accumulate.getResultCode() != null
                    || accumulate.isExternalFunction()) {
                problems.add(at(file, accumulate, "accumulate", "accumulate with init/action/result code is not allowed: "
                        + "use Drools' own functions (count, sum, min, max, average)"));
                return;
            }
            Map<String, Class<?>> inner = new HashMap<>(bindings);
            if (accumulate.getInput() != null) {
                condition(file, accumulate.getInput(), imports, inner, problems);
            }
            for (AccumulateDescr.AccumulateFunctionCallDescr function : accumulate.getFunctions()) {
                if (!ACCUMULATE_FUNCTIONS.contains(function.getFunction())) {
                    problems.add(at(file, accumulate, function.getFunction(), "the accumulate function `" + function.getFunction()
                            + "` is not allowed: use count, sum, min, max or average"));
                }
                for (String parameter : function.getParams()) {
                    expression(file, accumulate, parameter, null, imports, inner, problems);
                }
            }
        } else if (source instanceof EntryPointDescr || source instanceof WindowReferenceDescr) {
            problems.add(at(file, source, null, "entry points and windows are not allowed: rules match the contracts Docket hands them"));
        } else {
            problems.add(at(file, source, null, "`" + source.getText() + "` is not allowed as a pattern source"));
        }
    }

    private static void expression(ParsedPolicy.File file, BaseDescr where, String text, Class<?> patternType, Map<String, Class<?>> imports,
                                   Map<String, Class<?>> bindings, List<RuleProblem> problems) {
        Map<String, Class<?>> bound = new HashMap<>();
        for (ConditionCheck.Finding finding : ConditionCheck.check(text, patternType, bindings, imports, bound)) {
            problems.add(file.at(where.getLine(), where.getColumn() + 1 + finding.offset(), null, finding.message()));
        }
        bindings.putAll(bound);
    }

    /** Java decodes unicode escapes before it reads anything, so a backslash-u inside a string could still hide code. */
    private static void unicodeEscapes(ParsedPolicy.File file, List<RuleProblem> problems) {
        String drl = file.drl();
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i + 1 < drl.length(); i++) {
            char c = drl.charAt(i);
            if (c == '\n') {
                line++;
                lineStart = i + 1;
            } else if (c == '\\' && drl.charAt(i + 1) == 'u') {
                problems.add(file.at(line, i - lineStart + 1, "\\u", "unicode escapes such as `\\u...` are not allowed in rules, "
                        + "because Java decodes them even inside comments and strings; type the character itself"));
                return;
            }
        }
    }

    private static RuleProblem at(ParsedPolicy.File file, BaseDescr descr, String word, String message) {
        return file.at(Math.max(0, descr.getLine()), descr.getColumn() < 0 ? 0 : descr.getColumn() + 1, word, message);
    }

    /** For a name defined more than once, a problem at each definition, naming every place, so each file's author sees it. */
    private static List<RuleProblem> duplicates(List<ParsedPolicy.Rule> rules) {
        Map<String, List<ParsedPolicy.Rule>> byName = rules.stream()
                .collect(Collectors.groupingBy(ParsedPolicy.Rule::name, LinkedHashMap::new, Collectors.toList()));
        List<RuleProblem> problems = new ArrayList<>();
        for (Map.Entry<String, List<ParsedPolicy.Rule>> entry : byName.entrySet()) {
            List<ParsedPolicy.Rule> places = entry.getValue();
            if (places.size() < 2) {
                continue;
            }
            List<String> wheres = places.stream().map(PolicyGuard::where).toList();
            String listed = String.join(", ", wheres.subList(0, wheres.size() - 1)) + " and " + wheres.get(wheres.size() - 1);
            String message = "rule '" + entry.getKey() + "' is defined " + (places.size() == 2 ? "twice" : places.size() + " times")
                    + ": in " + listed + "; rule names must be unique across all files, because explanations name the rule";
            for (ParsedPolicy.Rule rule : places) {
                problems.add(rule.at(message));
            }
        }
        return problems;
    }

    private static String where(ParsedPolicy.Rule rule) {
        ParsedPolicy.File file = rule.file();
        if (file.table() == null) {
            return file.source().path() + " line " + rule.descr().getLine();
        }
        TableCells.Cell cell = file.table().cellFor(rule.descr().getLine(), 0, rule.name());
        return cell == null ? file.source().path() : file.source().path() + " " + DecisionTable.where(cell);
    }
}
