package dev.docket.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds Java in a DRL text that a ranking rule has no business using. Rules run inside Docket with full
 * access to the classpath, so everything outside an allow-list is refused: the fact model, java.time,
 * java.util (and java.util.function) and java.lang.Math, plus the plain java.lang types (String, Integer...).
 * Scans only code: comments and string literals are blanked by {@link DrlText}. At most one problem per line.
 */
final class ForbiddenCode {

    /** Turns a finding at a line and column of the scanned DRL, about a word, into a problem in the author's file. */
    interface Locator {
        RuleProblem at(int line, int column, String word, String message);
    }

    static final String ALLOWED = "rules may only use the fact model, java.time, java.util and java.lang.Math";
    private static final String IMPORTS_ALLOWED =
            "rules may only import the fact model (dev.docket.facts), java.time, java.util, java.util.function and java.lang.Math";

    private static final String OS = "it reaches the operating system";
    private static final String THREADS = "rules must not start threads, timers or wait";
    private static final String REFLECTION = "reflection and class loading reach any code";
    private static final String SCRIPTS = "it runs code that cannot be checked before it runs";
    private static final String ENGINE = "rules may only read facts and give points or blocks";
    private static final Map<String, String> WORDS = new HashMap<>();
    private static final Map<String, String> CALLS = Map.of(
            "exit", "it would stop Docket", "halt", "it would stop the rule engine mid-ranking", "eval", SCRIPTS,
            "wait", THREADS, "notify", THREADS, "notifyAll", THREADS);

    static {
        for (String w : List.of("System", "Runtime", "ProcessBuilder", "Process", "ProcessHandle", "SecurityManager")) {
            WORDS.put(w, OS);
        }
        for (String w : List.of("Thread", "ThreadGroup", "ThreadLocal", "Executors", "ExecutorService", "ForkJoinPool",
                "Timer", "TimerTask", "synchronized")) {
            WORDS.put(w, THREADS);
        }
        for (String w : List.of("Class", "ClassLoader", "forName", "getClass", "getClassLoader", "loadClass", "defineClass",
                "getDeclaredMethod", "getDeclaredMethods", "getDeclaredField", "getDeclaredFields", "getDeclaredConstructor",
                "getDeclaredConstructors", "getMethod", "getMethods", "getField", "getFields", "getConstructor",
                "getConstructors", "setAccessible", "newInstance", "Method", "Field", "Constructor", "MethodHandles",
                "MethodHandle", "VarHandle", "Unsafe", "Module", "ModuleLayer", "StackWalker", "ServiceLoader", "ResourceBundle")) {
            WORDS.put(w, REFLECTION);
        }
        for (String w : List.of("ScriptEngine", "ScriptEngineManager")) {
            WORDS.put(w, SCRIPTS);
        }
        for (String w : List.of("getKieRuntime", "getKnowledgeRuntime", "getWorkingMemory")) {
            WORDS.put(w, ENGINE);
        }
        for (String w : List.of("NaN", "POSITIVE_INFINITY", "NEGATIVE_INFINITY")) {
            WORDS.put(w, "points must be finite numbers, or the score and its explanation are meaningless");
        }
    }

    private static final Set<String> JAVA_LANG = Set.of("Math", "String", "Integer", "Long", "Double", "Float", "Short",
            "Byte", "Boolean", "Character", "Number", "Object", "StringBuilder", "CharSequence", "Comparable", "Iterable");
    private static final Set<String> JAVA_UTIL_PACKAGES = Set.of("java.util", "java.util.function");

    private static final Pattern UNICODE_ESCAPE = Pattern.compile("\\\\u+[0-9a-fA-F]{4}");
    private static final Pattern IMPORT = Pattern.compile(
            "(?m)^[ \\t]*import\\s+(?:(static|function|accumulate)\\s+)?([\\w$]+(?:\\s*\\.\\s*[\\w$]+)*(?:\\s*\\.\\s*\\*)?)[^\\n;]*;?");
    private static final Pattern QUALIFIED = Pattern.compile(
            "(?<![\\w$.])([a-z][a-z0-9_]*(?:\\s*\\.\\s*[a-z][a-z0-9_]*)*)\\s*\\.\\s*([A-Z][\\w$]*)");
    private static final Pattern WORD = Pattern.compile("(?<![\\w$])[A-Za-z_$][\\w$]*");
    private static final Pattern CLASS_LITERAL = Pattern.compile("\\.\\s*class\\b");

    private ForbiddenCode() {
    }

    static List<RuleProblem> scan(DrlText text, Locator locator) {
        String code = text.code();
        Map<Integer, Finding> byLine = new LinkedHashMap<>();
        Matcher m = UNICODE_ESCAPE.matcher(text.original());
        while (m.find()) {
            add(byLine, text, m.start(), m.group(), "unicode escapes such as `" + m.group()
                    + "` are not allowed in rules, because Java decodes them even inside comments and strings; type the character itself");
        }
        for (int offset : text.hashComments()) {
            add(byLine, text, offset, "#", "`#` does not start a comment in Drools 10; use // for a comment");
        }
        List<int[]> imports = new ArrayList<>();
        m = IMPORT.matcher(code);
        while (m.find()) {
            imports.add(new int[] {m.start(), m.end()});
            String name = m.group(2).replaceAll("\\s+", "");
            if (!importAllowed(name, m.group(1))) {
                String kind = m.group(1) == null ? "import" : "import " + m.group(1);
                add(byLine, text, m.start(2), name, kind + " `" + name + "` is not allowed: " + IMPORTS_ALLOWED);
            }
        }
        m = QUALIFIED.matcher(code);
        while (m.find()) {
            String packageName = m.group(1).replaceAll("\\s+", "");
            String name = packageName + "." + m.group(2);
            if (!inside(imports, m.start()) && !classAllowed(packageName, m.group(2))) {
                add(byLine, text, m.start(), name, "`" + name + "` is not allowed in rules: " + ALLOWED);
            }
        }
        m = WORD.matcher(code);
        while (m.find()) {
            String word = m.group();
            String why = WORDS.get(word);
            if (why == null && CALLS.containsKey(word) && nextNonBlank(code, m.end()) == '(') {
                why = CALLS.get(word);
            }
            if (why != null) {
                add(byLine, text, m.start(), word, "`" + word + "` is not allowed in rules: " + why + "; " + ALLOWED);
            }
        }
        m = CLASS_LITERAL.matcher(code);
        while (m.find()) {
            add(byLine, text, m.start(), "class", "`.class` is not allowed in rules: " + REFLECTION + "; " + ALLOWED);
        }
        return byLine.values().stream()
                .sorted(Comparator.comparingInt(Finding::offset))
                .map(f -> locator.at(text.lineOf(f.offset()), text.columnOf(f.offset()), f.word(), f.message()))
                .toList();
    }

    private record Finding(int offset, String word, String message) {
    }

    private static void add(Map<Integer, Finding> byLine, DrlText text, int offset, String word, String message) {
        Finding existing = byLine.get(text.lineOf(offset));
        if (existing == null || existing.offset() > offset) {
            byLine.put(text.lineOf(offset), new Finding(offset, word, message));
        }
    }

    private static char nextNonBlank(String code, int from) {
        int i = from;
        while (i < code.length() && Character.isWhitespace(code.charAt(i))) {
            i++;
        }
        return i < code.length() ? code.charAt(i) : 0;
    }

    private static boolean inside(List<int[]> ranges, int offset) {
        return ranges.stream().anyMatch(r -> offset >= r[0] && offset < r[1]);
    }

    /** An import is allowed when its class (or, for a wildcard, its package) is; a static import by its class. */
    static boolean importAllowed(String name, String kind) {
        String[] parts = name.split("\\.");
        int classAt = -1;
        for (int i = 0; i < parts.length; i++) {
            if (!parts[i].isEmpty() && Character.isUpperCase(parts[i].charAt(0))) {
                classAt = i;
                break;
            }
        }
        if (classAt < 0) {
            // A package wildcard (import java.util.*) or a name without a class.
            String packageName = name.endsWith(".*") ? name.substring(0, name.length() - 2) : name;
            return kind == null && packageAllowed(packageName);
        }
        return classAllowed(String.join(".", List.of(parts).subList(0, classAt)), parts[classAt]);
    }

    static boolean classAllowed(String packageName, String className) {
        if (WORDS.containsKey(className)) {
            return false;
        }
        if (packageName.equals("java.lang")) {
            return JAVA_LANG.contains(className);
        }
        return packageAllowed(packageName);
    }

    private static boolean packageAllowed(String packageName) {
        return packageName.equals("dev.docket.facts") || packageName.equals("java.time") || packageName.startsWith("java.time.")
                || JAVA_UTIL_PACKAGES.contains(packageName);
    }
}
