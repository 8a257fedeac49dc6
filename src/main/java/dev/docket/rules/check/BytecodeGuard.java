package dev.docket.rules.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.docket.rules.source.RuleProblem;
import org.drools.base.definitions.InternalKnowledgePackage;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.rule.DialectRuntimeData;
import org.drools.base.rule.LineMappings;
import org.drools.core.rule.JavaDialectRuntimeData;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.MultiANewArrayInsnNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Checks what the consequences will really execute: Drools compiles every Java consequence (and Java eval) into a
 * class per rule, kept as bytes in the package's Java dialect data. This reads those bytes, after compiling and
 * before any of it is loaded by a session or fired, and checks every call, field access, allocation,
 * invokedynamic and backward branch against {@link RuleAllowList}. Text tricks (comments, escapes, a consequence
 * that closes its method and opens a static initialiser) change nothing here, because this is the code that runs.
 * <p>
 * Loops are refused so a consequence cannot spin, except a for-each over a collection: its bytecode is an
 * Iterator whose next() runs on every turn, over a collection rules can only read, so it ends.
 * Drools' own invoker classes, which it writes with ASM and no rule text reaches, are not checked.
 */
final class BytecodeGuard {

    private static final String ITERATOR = "java/util/Iterator";
    private static final String STRING_CONCAT = "java/lang/invoke/StringConcatFactory";
    private static final String INVOKER = "org/drools/base/rule/accessor/CompiledInvoker";
    /** The largest array a consequence may make: the values of a $c.add(rule, points, format, values...) call. */
    private static final int LARGEST_ARRAY = 32;
    /** A format specifier (as $c.add's reason formats use) with four digits or more of width or precision. */
    private static final java.util.regex.Pattern HUGE_FORMAT = java.util.regex.Pattern.compile("%[^a-zA-Z%\\n]*\\d{4,}");

    private BytecodeGuard() {
    }

    /** The problems of every class Drools compiled for {@code kieBase}'s rules, placed on the rule's file and line. */
    static List<RuleProblem> check(KieBase kieBase, ParsedPolicy policy) {
        List<RuleProblem> problems = new ArrayList<>();
        for (KiePackage kiePackage : kieBase.getKiePackages()) {
            InternalKnowledgePackage pkg = (InternalKnowledgePackage) kiePackage;
            DialectRuntimeData data = pkg.getDialectRuntimeRegistry().getDialectData("java");
            if (!(data instanceof JavaDialectRuntimeData java)) {
                continue;
            }
            Map<String, ClassNode> classes = new HashMap<>();
            for (Map.Entry<String, byte[]> entry : java.getStore().entrySet()) {
                ClassNode node = new ClassNode();
                new ClassReader(entry.getValue()).accept(node, ClassReader.SKIP_FRAMES);
                classes.put(node.name, node);
            }
            Map<String, ParsedPolicy.Rule> rulesByClass = rulesByClass(kiePackage, policy);
            for (ClassNode node : classes.values()) {
                if (!isDroolsInvoker(node)) {
                    new ClassCheck(node, classes.keySet(), pkg.getDialectRuntimeRegistry().getLineMappings(), rulesByClass, problems).run();
                }
            }
        }
        return problems.stream().distinct().toList();
    }

    /** Each rule's class (as a.b.Rule_Name123), from the invoker Drools made for its consequence, with the parsed rule. */
    private static Map<String, ParsedPolicy.Rule> rulesByClass(KiePackage kiePackage, ParsedPolicy policy) {
        Map<String, ParsedPolicy.Rule> rules = new HashMap<>();
        for (org.kie.api.definition.rule.Rule rule : kiePackage.getRules()) {
            Object consequence = ((RuleImpl) rule).getConsequence();
            var parsed = policy.rule(rule.getName());
            if (consequence != null && parsed.isPresent()) {
                rules.put(consequence.getClass().getName().replaceFirst("DefaultConsequenceInvoker$", ""), parsed.get());
            }
        }
        return rules;
    }

    /**
     * An invoker Drools writes with ASM (it has no source file), which no rule text reaches. Everything compiled from
     * Java source, that is, everything a consequence's text can add to, carries the source file ECJ compiled it from.
     */
    private static boolean isDroolsInvoker(ClassNode node) {
        return node.sourceFile == null && node.name.endsWith("Invoker") && node.interfaces.contains(INVOKER);
    }

    private static final class ClassCheck {

        private final ClassNode node;
        private final Set<String> generated;
        private final LineMappings lines;
        private final ParsedPolicy.Rule rule;
        private final List<RuleProblem> problems;
        private final Set<Integer> reportedLines = new HashSet<>();

        ClassCheck(ClassNode node, Set<String> generated, Map<String, LineMappings> lineMappings, Map<String, ParsedPolicy.Rule> rules,
                   List<RuleProblem> problems) {
            this.node = node;
            this.generated = generated;
            // Everything in a rule's compilation unit, including classes a consequence might smuggle in, is the rule's.
            String unit = node.sourceFile == null ? node.name : node.name.substring(0, node.name.lastIndexOf('/') + 1)
                    + node.sourceFile.replaceFirst("\\.java$", "");
            this.lines = lineMappings.get(unit.replace('/', '.'));
            this.rule = rules.get(unit.replace('/', '.'));
            this.problems = problems;
        }

        void run() {
            for (MethodNode method : node.methods) {
                check(method);
            }
        }

        private void check(MethodNode method) {
            int line = 0;
            AbstractInsnNode[] code = method.instructions.toArray();
            for (TryCatchBlockNode handler : method.tryCatchBlocks) {
                if (method.instructions.indexOf(handler.handler) <= method.instructions.indexOf(handler.start)) {
                    report(line, "catch", "loops are not allowed in rules");
                }
            }
            for (int i = 0; i < code.length; i++) {
                AbstractInsnNode insn = code[i];
                if (insn instanceof LineNumberNode number) {
                    line = number.line;
                    continue;
                }
                String problem = problem(method, code, i, insn);
                if (problem != null) {
                    report(line, word(insn), problem);
                }
            }
        }

        private String problem(MethodNode method, AbstractInsnNode[] code, int i, AbstractInsnNode insn) {
            if (insn instanceof MethodInsnNode call) {
                if (generated.contains(call.owner) && !(call.name.equals("<init>") && method.name.equals("<init>"))) {
                    return "calling generated code (`" + call.name + "`) is not allowed: rules have no functions, so nothing can recurse";
                }
                if (call.owner.startsWith("[")) {
                    return "arrays are not allowed in rules";
                }
                return RuleAllowList.refusal(call.owner, call.name, call.desc);
            }
            if (insn instanceof FieldInsnNode field) {
                if (insn.getOpcode() == Opcodes.PUTFIELD || insn.getOpcode() == Opcodes.PUTSTATIC || generated.contains(field.owner)) {
                    return "fields are not allowed in rules (`" + field.name + "`): a rule keeps nothing between contracts";
                }
                return RuleAllowList.knows(field.owner) ? null : RuleAllowList.refusal(field.owner, field.name, field.desc);
            }
            if (insn instanceof TypeInsnNode type) {
                if (insn.getOpcode() == Opcodes.ANEWARRAY) {
                    return smallArray(code, i);
                }
                String owner = Type.getObjectType(type.desc).getSort() == Type.ARRAY ? Type.getObjectType(type.desc).getElementType().getInternalName() : type.desc;
                return RuleAllowList.knows(owner) || generated.contains(owner) && insn.getOpcode() != Opcodes.NEW ? null
                        : RuleAllowList.refusal(owner, "<type>", "");
            }
            if (insn instanceof IntInsnNode && insn.getOpcode() == Opcodes.NEWARRAY) {
                return smallArray(code, i);
            }
            if (insn instanceof MultiANewArrayInsnNode) {
                return "arrays are not allowed in rules";
            }
            if (insn instanceof InvokeDynamicInsnNode indy) {
                return indy.bsm.getOwner().equals(STRING_CONCAT) ? null
                        : "lambdas and method references are not allowed in rules; write the expression out";
            }
            if (insn instanceof LdcInsnNode ldc) {
                if (ldc.cst instanceof Type) {
                    return "class literals (`.class`) are not allowed in rules: reflection reaches any code";
                }
                if (ldc.cst instanceof String text && HUGE_FORMAT.matcher(text).find()) {
                    return "a format width or precision of 1000 or more asks for that much memory when the reason is shown; keep it small";
                }
                return ldc.cst instanceof Handle || ldc.cst instanceof ConstantDynamic ? "method handles are not allowed in rules" : null;
            }
            if (insn.getOpcode() == Opcodes.MONITORENTER) {
                return "`synchronized` is not allowed in rules: rules must not wait";
            }
            if (insn instanceof JumpInsnNode jump && isBackward(method, i, jump.label)) {
                return forEachLoop(method, code, i, jump) ? null
                        : "loops are not allowed in rules, so a rule cannot spin; a for-each over a collection the contract hands out is";
            }
            if (insn instanceof TableSwitchInsnNode table) {
                return table.labels.stream().anyMatch(l -> isBackward(method, i, l)) || isBackward(method, i, table.dflt) ? "loops are not allowed in rules" : null;
            }
            if (insn instanceof LookupSwitchInsnNode lookup) {
                return lookup.labels.stream().anyMatch(l -> isBackward(method, i, l)) || isBackward(method, i, lookup.dflt) ? "loops are not allowed in rules" : null;
            }
            return null;
        }

        private static boolean isBackward(MethodNode method, int at, LabelNode target) {
            return method.instructions.indexOf(target) <= at;
        }

        /** Only the array javac and ECJ make for a varargs call with a few values; its size is a constant just before. */
        private static String smallArray(AbstractInsnNode[] code, int i) {
            AbstractInsnNode size = previous(code, i);
            int length = -1;
            if (size != null && size.getOpcode() >= Opcodes.ICONST_0 && size.getOpcode() <= Opcodes.ICONST_5) {
                length = size.getOpcode() - Opcodes.ICONST_0;
            } else if (size instanceof IntInsnNode push && (size.getOpcode() == Opcodes.BIPUSH || size.getOpcode() == Opcodes.SIPUSH)) {
                length = push.operand;
            }
            return length >= 0 && length <= LARGEST_ARRAY ? null
                    : "arrays are not allowed in rules, except the few values of $c.add(rule, points, format, values...)";
        }

        /**
         * A for-each loop as ECJ compiles it: {@code goto cond; body: aload it; Iterator.next ...; cond: aload it; Iterator.hasNext;
         * ifne body}, where the body does not replace the iterator. (javac puts the test at the top; both shapes are accepted.)
         */
        private static boolean forEachLoop(MethodNode method, AbstractInsnNode[] code, int i, JumpInsnNode jump) {
            int bodyStart = method.instructions.indexOf(jump.label);
            Integer iterator = null;
            if (jump.getOpcode() == Opcodes.IFNE) {
                iterator = hasNextOn(previous(code, i), previous(code, indexOf(code, previous(code, i))));
                if (iterator == null || !nextFirst(code, bodyStart, iterator)) {
                    return false;
                }
            } else if (jump.getOpcode() == Opcodes.GOTO) {
                AbstractInsnNode load = next(code, bodyStart);
                AbstractInsnNode hasNext = load == null ? null : next(code, indexOf(code, load));
                AbstractInsnNode exit = hasNext == null ? null : next(code, indexOf(code, hasNext));
                iterator = hasNextOn(hasNext, load);
                if (iterator == null || exit == null || exit.getOpcode() != Opcodes.IFEQ || !nextFirst(code, indexOf(code, exit), iterator)) {
                    return false;
                }
            } else {
                return false;
            }
            for (int k = bodyStart; k < i; k++) {
                if (code[k] instanceof VarInsnNode store && store.getOpcode() == Opcodes.ASTORE && store.var == iterator) {
                    return false;
                }
            }
            return true;
        }

        private static Integer hasNextOn(AbstractInsnNode call, AbstractInsnNode load) {
            return call instanceof MethodInsnNode m && m.owner.equals(ITERATOR) && m.name.equals("hasNext")
                    && load instanceof VarInsnNode v && v.getOpcode() == Opcodes.ALOAD ? v.var : null;
        }

        private static boolean nextFirst(AbstractInsnNode[] code, int from, int iterator) {
            AbstractInsnNode load = next(code, from);
            AbstractInsnNode call = load == null ? null : next(code, indexOf(code, load));
            return load instanceof VarInsnNode v && v.getOpcode() == Opcodes.ALOAD && v.var == iterator
                    && call instanceof MethodInsnNode m && m.owner.equals(ITERATOR) && m.name.equals("next");
        }

        private static AbstractInsnNode previous(AbstractInsnNode[] code, int i) {
            for (int k = i - 1; k >= 0; k--) {
                if (code[k].getOpcode() >= 0) {
                    return code[k];
                }
            }
            return null;
        }

        private static AbstractInsnNode next(AbstractInsnNode[] code, int i) {
            for (int k = i + 1; k < code.length; k++) {
                if (code[k].getOpcode() >= 0) {
                    return code[k];
                }
            }
            return null;
        }

        private static int indexOf(AbstractInsnNode[] code, AbstractInsnNode insn) {
            for (int k = 0; k < code.length; k++) {
                if (code[k] == insn) {
                    return k;
                }
            }
            return -1;
        }

        private static String word(AbstractInsnNode insn) {
            if (insn instanceof MethodInsnNode call) {
                return call.name.equals("<init>") ? RuleAllowList.simple(call.owner) : call.name;
            }
            if (insn instanceof FieldInsnNode field) {
                return field.name;
            }
            if (insn instanceof TypeInsnNode type) {
                return RuleAllowList.simple(type.desc);
            }
            return null;
        }

        /**
         * The DRL line of a line of the generated Java. Drools' template puts the consequence's first line four lines
         * below the mapping's offset; that first line is the {@code then} line when code follows {@code then} on it,
         * else the next one.
         */
        private int drlLine(int javaLine) {
            if (lines == null || javaLine <= 0) {
                return 0;
            }
            int first = lines.getStartLine();
            if (rule != null && rule.file().line(first).replaceFirst("^.*?\\bthen\\b", "").isBlank()) {
                first++;
            }
            return Math.max(first, first + javaLine - lines.getOffset() - 4);
        }

        /** One problem per line of the rule: the first thing on it that is not allowed. */
        private void report(int javaLine, String word, String message) {
            int drlLine = drlLine(javaLine);
            if (!reportedLines.add(drlLine)) {
                return;
            }
            String full = message + "; " + RuleAllowList.INSTEAD;
            if (rule == null) {
                problems.add(new RuleProblem(null, drlLine, 0, full));
                return;
            }
            ParsedPolicy.File file = rule.file();
            int column = 0;
            if (drlLine > 0 && word != null) {
                int at = file.line(drlLine).indexOf(word);
                column = at < 0 ? 0 : at + 1;
            }
            problems.add(drlLine > 0 ? file.at(drlLine, column, word, full) : rule.at(full));
        }
    }
}
