package dev.docket.rules.check;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import dev.docket.contract.ContractStatus;
import dev.docket.contract.ContractType;
import dev.docket.contract.Paper;
import dev.docket.facts.ContractFact;
import org.apache.commons.lang3.StringUtils;
import org.drools.mvel.parser.DrlxParser;
import org.drools.mvel.parser.ParseStart;
import org.drools.mvel.parser.ast.expr.BigDecimalLiteralExpr;
import org.drools.mvel.parser.ast.expr.BigIntegerLiteralExpr;
import org.drools.mvel.parser.ast.expr.DrlxExpression;
import org.drools.mvel.parser.ast.expr.HalfBinaryExpr;
import org.drools.mvel.parser.ast.expr.HalfPointFreeExpr;
import org.drools.mvel.parser.ast.expr.NullSafeFieldAccessExpr;
import org.drools.mvel.parser.ast.expr.NullSafeMethodCallExpr;
import org.drools.mvel.parser.ast.expr.PointFreeExpr;
import org.objectweb.asm.Type;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.InstanceOfExpr;
import com.github.javaparser.ast.expr.LiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;

/**
 * Checks a condition (a pattern's constraint, the source of a {@code from}, an {@code eval}) before Drools
 * compiles it. Drools evaluates conditions with MVEL, which resolves names and calls at run time, so they
 * cannot be checked as bytecode; instead each condition is parsed with Drools' own DRL expression parser and
 * every name, property and call is resolved against the types it is applied to and checked against the same
 * {@link RuleAllowList} as the consequences. What cannot be resolved is refused rather than guessed.
 */
final class ConditionCheck {

    /** A type a name in a condition stands for: an object of {@code type}, or the class itself for static calls. */
    private record Resolved(Class<?> type, boolean isClass) {
    }

    /** A problem found in one condition, at a column offset within its text. */
    record Finding(int offset, String message) {
    }

    private static final ParseStart<DrlxExpression> PARSER = DrlxParser.buildDrlxParserWithArguments(List.of("str"));
    private static final Set<String> OPERATORS = Set.of("contains", "excludes", "memberOf", "str", "in", "notin");
    private static final Map<String, Class<?>> JAVA_LANG = Map.ofEntries(Map.entry("Math", Math.class),
            Map.entry("String", String.class), Map.entry("Integer", Integer.class), Map.entry("Long", Long.class),
            Map.entry("Double", Double.class), Map.entry("Float", Float.class), Map.entry("Short", Short.class),
            Map.entry("Byte", Byte.class), Map.entry("Boolean", Boolean.class), Map.entry("Character", Character.class),
            Map.entry("Object", Object.class));

    private static final Map<String, Class<? extends Enum<?>>> ENUM_FIELDS = Map.of("getStatus", ContractStatus.class,
            "getContractType", ContractType.class, "getPaper", Paper.class);

    private final Class<?> patternType;
    private final Map<String, Class<?>> bindings;
    private final Map<String, Class<?>> imports;
    private final List<Finding> findings = new ArrayList<>();
    private final Map<Node, Method> members = new java.util.IdentityHashMap<>();
    private final String text;

    private ConditionCheck(String text, Class<?> patternType, Map<String, Class<?>> bindings, Map<String, Class<?>> imports) {
        this.text = text;
        this.patternType = patternType;
        this.bindings = bindings;
        this.imports = imports;
    }

    /**
     * The problems of {@code text}, evaluated on an object of {@code patternType} (null for an eval or a from, which
     * have no "this"), with the rule's bound variables and the file's imports. Also returns, through {@code bound},
     * the type of a binding the condition declares ({@code $t : title}), for later conditions.
     */
    static List<Finding> check(String text, Class<?> patternType, Map<String, Class<?>> bindings, Map<String, Class<?>> imports,
                               Map<String, Class<?>> bound) {
        ConditionCheck check = new ConditionCheck(text, patternType, bindings, imports);
        DrlxExpression parsed;
        try {
            parsed = DrlxParser.parseExpression(PARSER, text);
        } catch (RuntimeException e) {
            return List.of(new Finding(0, "`" + text.strip() + "` cannot be checked, so it is not allowed: write conditions as "
                    + "comparisons of the contract's fields (dealValueBase >= 1000, status == \"SIGNED\", missingGates.size() > 0)"));
        }
        Resolved type = check.resolve(parsed.getExpr());
        if (parsed.getBind() != null && type != null && !type.isClass()) {
            bound.put(parsed.getBind().asString(), type.type());
        }
        return check.findings;
    }

    /** The type of {@code node}, recording a finding and returning null when it is refused or cannot be resolved. */
    private Resolved resolve(Node node) {
        if (node instanceof LiteralExpr || node instanceof BigDecimalLiteralExpr || node instanceof BigIntegerLiteralExpr) {
            return literal(node);
        }
        if (node instanceof ThisExpr) {
            return patternType == null ? refuse(node, "`this` means nothing here; name a bound variable such as $c") : object(patternType);
        }
        if (node instanceof NameExpr name) {
            return name(name, name.getNameAsString());
        }
        if (node instanceof FieldAccessExpr access) {
            return property(node, access.getScope(), access.getNameAsString());
        }
        if (node instanceof NullSafeFieldAccessExpr access) {
            return property(node, access.getScope(), access.getNameAsString());
        }
        if (node instanceof MethodCallExpr call) {
            return call(node, call.getScope().orElse(null), call.getNameAsString(), call.getArguments());
        }
        if (node instanceof NullSafeMethodCallExpr call) {
            return call(node, call.getScope().orElse(null), call.getNameAsString(), call.getArguments());
        }
        if (node instanceof InstanceOfExpr instance) {
            resolve(instance.getExpression());
            knownType(instance, instance.getType().asString());
            return object(boolean.class);
        }
        if (node instanceof CastExpr cast) {
            resolve(cast.getExpression());
            Class<?> to = knownType(cast, cast.getType().asString());
            return to == null ? null : object(to);
        }
        if (node instanceof PointFreeExpr pointFree) {
            operator(node, pointFree.getOperator().asString());
            resolve(pointFree.getLeft());
            pointFree.getRight().forEach(this::resolve);
            return object(boolean.class);
        }
        if (node instanceof HalfPointFreeExpr halfPointFree) {
            operator(node, halfPointFree.getOperator().asString());
            halfPointFree.getRight().forEach(this::resolve);
            return object(boolean.class);
        }
        if (node instanceof BinaryExpr binary && binary.getOperator() == BinaryExpr.Operator.EQUALS) {
            neverTrue(binary.getLeft(), binary.getRight());
            neverTrue(binary.getRight(), binary.getLeft());
        }
        if (node instanceof BinaryExpr || node instanceof UnaryExpr || node instanceof EnclosedExpr || node instanceof ConditionalExpr
                || node instanceof HalfBinaryExpr) {
            Resolved last = null;
            for (Node child : node.getChildNodes()) {
                if (child instanceof Expression) {
                    last = resolve(child);
                }
            }
            // Arithmetic and comparisons give plain values; a parenthesised expression keeps its type for a call on it.
            return node instanceof EnclosedExpr ? last : object(Object.class);
        }
        return refuse(node, what(node) + " is not allowed in a condition; compare the contract's fields with ==, <, >, contains, "
                + "memberOf and call only the read methods " + RuleAllowList.INSTEAD.substring("rules may ".length()));
    }

    /** A contract field that holds an enum's name, compared with a string that is none of them, can never match. */
    private void neverTrue(Expression field, Expression value) {
        if (!(value instanceof StringLiteralExpr literal)) {
            return;
        }
        resolve(field);
        Method getter = members.get(field);
        Class<? extends Enum<?>> values = getter == null || getter.getDeclaringClass() != ContractFact.class ? null : ENUM_FIELDS.get(getter.getName());
        if (values != null && Arrays.stream(values.getEnumConstants()).noneMatch(e -> e.name().equals(literal.asString()))) {
            refuse(value, "never true: " + propertyName(getter.getName()) + " is one of "
                    + Arrays.stream(values.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "))
                    + ", never \"" + literal.asString() + "\"");
        }
    }

    private Resolved literal(Node node) {
        if (node.getClass().getSimpleName().equals("TextBlockLiteralExpr")) {
            return refuse(node, "text blocks are not allowed in a condition");
        }
        return object(node.getClass().getSimpleName().equals("StringLiteralExpr") ? String.class : Object.class);
    }

    private Resolved name(Node node, String name) {
        Class<?> bound = bindings.get(name);
        if (bound != null) {
            return object(bound);
        }
        if (patternType != null && !name.startsWith("$")) {
            Method getter = getter(patternType, name);
            if (getter != null) {
                return member(node, getter);
            }
        }
        Class<?> type = imports.getOrDefault(name, JAVA_LANG.get(name));
        if (type != null && RuleAllowList.knows(Type.getInternalName(type))) {
            return new Resolved(type, true);
        }
        if (patternType != null && !name.startsWith("$") && !Character.isUpperCase(name.charAt(0))) {
            return refuse(node, RuleAllowList.simple(Type.getInternalName(patternType)) + " has no field `" + name + "`" + didYouMean(patternType, name));
        }
        return refuse(node, "`" + name + "` is not a bound variable of this rule" + (name.startsWith("$") ? "" : " nor a class rules may use"));
    }

    private Resolved property(Node node, Expression scope, String name) {
        Resolved on = resolve(scope);
        if (on == null) {
            return null;
        }
        if (on.isClass()) {
            return refuse(node, "`" + RuleAllowList.simple(Type.getInternalName(on.type())) + "." + name + "` is not allowed in a condition: "
                    + "static fields are not read in conditions; write the value");
        }
        Method getter = getter(on.type(), name);
        if (getter == null) {
            return refuse(node, RuleAllowList.simple(Type.getInternalName(on.type())) + " has no field `" + name + "`" + didYouMean(on.type(), name));
        }
        return member(node, getter);
    }

    private Resolved call(Node node, Expression scope, String name, List<Expression> arguments) {
        Resolved on = scope == null ? (patternType == null ? null : object(patternType)) : resolve(scope);
        arguments.forEach(this::resolve);
        if (on == null) {
            return scope == null ? refuse(node, "`" + name + "(...)` is not a method rules may call; call methods on a bound variable such as $c") : null;
        }
        List<Method> candidates = Arrays.stream(on.type().getMethods())
                .filter(m -> m.getName().equals(name) && m.getParameterCount() == arguments.size())
                .filter(m -> !on.isClass() || Modifier.isStatic(m.getModifiers()))
                .toList();
        if (candidates.isEmpty()) {
            return refuse(node, RuleAllowList.simple(Type.getInternalName(on.type())) + " has no method `" + name + "` with "
                    + arguments.size() + " argument" + (arguments.size() == 1 ? "" : "s"));
        }
        Resolved result = null;
        for (Method candidate : candidates) {
            result = member(node, candidate);
            if (result == null) {
                return null;
            }
        }
        Set<Class<?>> returns = candidates.stream().map(Method::getReturnType).collect(Collectors.toSet());
        return returns.size() == 1 ? result : object(Object.class);
    }

    private Resolved member(Node node, Method method) {
        members.put(node, method);
        String refusal = RuleAllowList.refusal(Type.getInternalName(method.getDeclaringClass()), method.getName(), Type.getMethodDescriptor(method));
        return refusal != null ? refuse(node, refusal) : object(method.getReturnType());
    }

    private void operator(Node node, String operator) {
        if (!OPERATORS.contains(operator)) {
            refuse(node, "the operator `" + operator + "` is not allowed in rules; use ==, <, >, contains, memberOf or str[startsWith]"
                    + (operator.equals("matches") ? " (a regular expression can take very long on some inputs)" : ""));
        }
    }

    private Class<?> knownType(Node node, String name) {
        Class<?> type = imports.getOrDefault(name, JAVA_LANG.get(name));
        if (type == null || !RuleAllowList.knows(Type.getInternalName(type))) {
            refuse(node, "the type `" + name + "` is not allowed in rules; " + RuleAllowList.INSTEAD);
            return null;
        }
        return type;
    }

    /** The public read method MVEL would call for {@code type.name}: getName(), isName(), or a method called name(). */
    private static Method getter(Class<?> type, String name) {
        String capitalised = StringUtils.capitalize(name);
        for (String candidate : List.of("get" + capitalised, "is" + capitalised, name)) {
            for (Method method : type.getMethods()) {
                if (method.getName().equals(candidate) && method.getParameterCount() == 0) {
                    return method;
                }
            }
        }
        return null;
    }

    private static String didYouMean(Class<?> type, String name) {
        return Arrays.stream(type.getMethods())
                .filter(m -> m.getParameterCount() == 0 && !m.getDeclaringClass().equals(Object.class))
                .map(m -> propertyName(m.getName()))
                .filter(Objects::nonNull)
                .distinct()
                .filter(p -> StringUtils.getLevenshteinDistance(p.toLowerCase(), name.toLowerCase()) <= Math.max(1, name.length() / 3))
                .min(Comparator.comparingInt(p -> StringUtils.getLevenshteinDistance(p.toLowerCase(), name.toLowerCase())))
                .map(p -> "; did you mean `" + p + "`?")
                .orElse("");
    }

    private static String propertyName(String method) {
        if (method.startsWith("get") && method.length() > 3) {
            return StringUtils.uncapitalize(method.substring(3));
        }
        if (method.startsWith("is") && method.length() > 2) {
            return StringUtils.uncapitalize(method.substring(2));
        }
        return null;
    }

    private static String what(Node node) {
        String kind = node.getClass().getSimpleName().replace("Expr", "").replace("Expression", "");
        return switch (kind) {
            case "ObjectCreation" -> "`new`";
            case "Lambda" -> "a lambda";
            case "MethodReference" -> "a method reference";
            case "ArrayCreation", "ArrayInitializer", "ListCreationLiteral", "MapCreationLiteral" -> "making an array, list or map";
            case "Class" -> "a class literal (reflection)";
            case "Assign" -> "assignment";
            case "InlineCast", "FullyQualifiedInlineCast" -> "an inline cast";
            case "OOPath" -> "an OOPath";
            default -> "`" + kind + "`";
        };
    }

    private static Resolved object(Class<?> type) {
        return new Resolved(type, false);
    }

    private Resolved refuse(Node node, String message) {
        int offset = node.getBegin().map(p -> offsetOf(p.line, p.column)).orElse(0);
        if (findings.stream().noneMatch(f -> f.message().equals(message))) {
            findings.add(new Finding(offset, message));
        }
        return null;
    }

    private int offsetOf(int line, int column) {
        int offset = 0;
        for (int l = 1; l < line; l++) {
            int next = text.indexOf('\n', offset);
            if (next < 0) {
                break;
            }
            offset = next + 1;
        }
        return offset + column - 1;
    }
}
