package dev.docket.rules.check;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What rule code may call or read, by class and member, as the JVM names them ("java/lang/String",
 * "length", "()I"). Used twice on the same terms: on the bytecode Drools compiles each consequence to
 * ({@link BytecodeGuard}), and on the conditions, which Drools runs through MVEL ({@link ConditionCheck}).
 * Anything not listed is refused: rules only read facts and give points or blocks.
 */
final class RuleAllowList {

    static final String INSTEAD = "rules may read the contract (ContractFact getters), give points with $c.add(...) or block with "
            + "$c.block(...), and use String, Math, boxed numbers, java.time values and read-only collections the contract hands out";

    /** Why a member of a class is refused, or null when it is allowed. */
    private interface Members {
        String refusal(String name, String descriptor);
    }

    private static final Members ANY = (name, descriptor) -> null;
    private static final Map<String, Members> CLASSES = new HashMap<>();

    static final String FACT = "dev/docket/facts/ContractFact";
    static final String KNOWLEDGE_HELPER = "org/drools/core/rule/consequence/KnowledgeHelper";
    static final String CONSEQUENCE_CONTEXT = "org/drools/base/rule/consequence/ConsequenceContext";

    static {
        CLASSES.put(FACT, RuleAllowList::factMember);
        // drools.getRule().getName() names the rule in $c.add(...); every other engine member changes or stops the engine.
        Members ruleName = (name, descriptor) -> name.equals("getRule") && descriptor.equals("()Lorg/kie/api/definition/rule/Rule;") ? null
                : "`drools." + name + "` is not allowed: rules only rank; they may not insert, update, modify, delete, halt or reach the engine";
        CLASSES.put(KNOWLEDGE_HELPER, ruleName);
        CLASSES.put(CONSEQUENCE_CONTEXT, ruleName);
        CLASSES.put("org/kie/api/definition/rule/Rule", (name, descriptor) -> name.equals("getName") ? null
                : "only the rule's name may be read");

        CLASSES.put("java/lang/Object", (name, descriptor) -> Set.of("<init>", "equals", "hashCode", "toString").contains(name) ? null
                : name.equals("getClass") ? "reflection (getClass) reaches any code" : "threads and monitors are not for rules");
        CLASSES.put("java/lang/String", RuleAllowList::stringMember);
        CLASSES.put("java/lang/CharSequence", (name, descriptor) -> Set.of("length", "charAt", "toString", "isEmpty").contains(name) ? null
                : "only length, charAt, isEmpty and toString");
        CLASSES.put("java/lang/StringBuilder", (name, descriptor) ->
                name.equals("<init>") && descriptor.equals("(I)V") ? "a StringBuilder with a capacity allocates memory up front; use new StringBuilder()"
                : Set.of("<init>", "append", "toString", "length", "charAt", "isEmpty").contains(name) ? null
                : "only append, length and toString");
        Members math = (name, descriptor) -> name.equals("random") ? "random numbers make the ranking differ from run to run" : null;
        CLASSES.put("java/lang/Math", math);
        CLASSES.put("java/lang/StrictMath", math);
        for (String boxed : new String[] {"Integer", "Long", "Short", "Byte", "Double", "Float", "Boolean", "Character", "Number"}) {
            CLASSES.put("java/lang/" + boxed, RuleAllowList::boxedMember);
        }
        CLASSES.put("java/math/BigDecimal", RuleAllowList::bigDecimalMember);
        // A rule may give up on a contract it cannot score; the probe and the scenarios report which rule threw.
        for (String exception : new String[] {"RuntimeException", "IllegalStateException", "IllegalArgumentException", "ArithmeticException"}) {
            CLASSES.put("java/lang/" + exception, (name, descriptor) -> name.equals("<init>") ? null : "a rule may only throw it");
        }
        CLASSES.put("java/util/Objects", (name, descriptor) -> Set.of("equals", "hash", "hashCode", "isNull", "nonNull", "toString",
                "requireNonNullElse", "compare").contains(name) ? null : "only equals, hash, isNull, nonNull, toString and requireNonNullElse");
        CLASSES.put("java/util/Locale", (name, descriptor) -> name.equals("setDefault") ? "it changes the whole service's locale" : null);

        for (String time : new String[] {"LocalDate", "LocalDateTime", "LocalTime", "Instant", "Duration", "Period", "DayOfWeek",
                "Month", "Year", "YearMonth", "MonthDay", "ZoneOffset", "temporal/ChronoUnit", "temporal/ChronoField",
                "temporal/TemporalUnit", "temporal/Temporal", "temporal/TemporalAmount", "temporal/TemporalAccessor",
                "chrono/ChronoLocalDate", "chrono/ChronoLocalDateTime", "format/DateTimeFormatter"}) {
            CLASSES.put("java/time/" + time, RuleAllowList::timeMember);
        }

        // Collections: read-only use. Copies are allowed (new TreeSet(gates)) because they are as large as what they copy.
        for (String collection : new String[] {"Collection", "List", "Set", "SortedSet", "NavigableSet", "Map", "Iterable",
                "AbstractCollection", "AbstractList", "AbstractSet", "ArrayList", "LinkedList", "HashSet", "LinkedHashSet", "TreeSet",
                "HashMap", "LinkedHashMap", "TreeMap", "SortedMap", "NavigableMap", "Map$Entry"}) {
            CLASSES.put("java/util/" + collection, RuleAllowList::collectionMember);
        }
        CLASSES.put("java/util/Iterator", (name, descriptor) -> Set.of("hasNext", "next").contains(name) ? null
                : "an iterator may only be read");
        CLASSES.put("java/util/Collections", (name, descriptor) -> name.startsWith("unmodifiable") || name.startsWith("empty")
                || Set.of("max", "min", "frequency", "disjoint").contains(name) ? null : "only read-only views, min, max and frequency");
    }

    private RuleAllowList() {
    }

    /** Why the member {@code name} with JVM {@code descriptor} of class {@code owner} is refused, or null when allowed. */
    static String refusal(String owner, String name, String descriptor) {
        Members members = CLASSES.get(owner);
        if (members == null) {
            if (owner.startsWith("org/drools/util/bitmask/")) {
                // update($c) and modify($c) compile to a property mask first: name what the author wrote.
                return "`update` and `modify` are not allowed in rules (" + why(owner) + ")";
            }
            return "`" + owner.replace('/', '.') + "` is not allowed in rules (" + why(owner) + ")";
        }
        String refused = members.refusal(name, descriptor);
        return refused == null ? null : "`" + simple(owner) + "." + name + "` is not allowed in rules: " + refused;
    }

    /** Whether a class may appear in a rule at all, as a type to cast to, test with instanceof or read a constant of. */
    static boolean knows(String owner) {
        return CLASSES.containsKey(owner);
    }

    /** The allowed classes of a package ("java/time"), for a wildcard import. */
    static List<Class<?>> classesIn(String packageName) {
        return CLASSES.keySet().stream()
                .filter(owner -> owner.startsWith(packageName + "/") && owner.indexOf('/', packageName.length() + 1) < 0 && !owner.contains("$"))
                .<Class<?>>map(owner -> classNamed(owner.replace('/', '.')))
                .filter(Objects::nonNull)
                .toList();
    }

    /** The allowed class of a qualified name, or of a java.lang simple name, loaded without running its initialiser; else null. */
    static Class<?> classNamed(String name) {
        if (name == null) {
            return null;
        }
        String qualified = name.strip().contains(".") ? name.strip() : "java.lang." + name.strip();
        if (!knows(qualified.replace('.', '/'))) {
            return null;
        }
        try {
            return Class.forName(qualified, false, RuleAllowList.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    static String simple(String owner) {
        return owner.substring(owner.lastIndexOf('/') + 1).replace('$', '.');
    }

    private static String why(String owner) {
        if (owner.startsWith("java/io/") || owner.startsWith("java/nio/") || owner.equals("java/util/Formatter") || owner.equals("java/util/Scanner")) {
            return "rules may not read or write files";
        }
        if (owner.startsWith("java/net/")) {
            return "rules may not reach the network";
        }
        if (owner.startsWith("java/lang/reflect/") || owner.startsWith("java/lang/invoke/") || owner.equals("java/lang/Class")
                || owner.equals("java/lang/ClassLoader") || owner.equals("java/util/ServiceLoader") || owner.equals("java/lang/Module")) {
            return "reflection and class loading reach any code";
        }
        if (owner.startsWith("java/util/concurrent/") || owner.equals("java/lang/Thread") || owner.startsWith("java/util/stream/")
                || owner.equals("java/util/Timer") || owner.equals("java/lang/ThreadGroup") || owner.equals("java/lang/ThreadLocal")) {
            return "rules may not start threads, streams or tasks";
        }
        if (owner.equals("java/lang/System") || owner.equals("java/lang/Runtime") || owner.startsWith("java/lang/Process")) {
            return "rules may not reach the operating system, its properties or environment";
        }
        if (owner.startsWith("dev/docket/")) {
            return "rules may only use the fact model's read methods and its add and block outputs";
        }
        if (owner.startsWith("org/drools/") || owner.startsWith("org/kie/") || owner.startsWith("org/mvel2/")) {
            return "rules only rank; they may not insert, update, modify, delete, halt or reach the engine";
        }
        return "it is not on the list of what rules may use";
    }

    private static String factMember(String name, String descriptor) {
        if (name.equals("add") || name.equals("block")) {
            return null;
        }
        if (name.equals("getOverride") || name.equals("pin")) {
            return "Docket applies approved overrides and pins itself, after the rules; a rule neither reads nor sets them";
        }
        if (Set.of("getScore", "getContributions", "getBlockers", "getLane", "isPinned", "getPinnedBecause", "getUnformattableReasons",
                        "isParked", "getParkedBecause", "getParkedMessage", "getParkedRule")
                .contains(name)) {
            return "a rule reads the contract's inputs, not what other rules gave it, so the order rules fire in cannot matter";
        }
        if ((name.startsWith("get") || name.startsWith("is")) && descriptor.startsWith("()")) {
            return null;
        }
        return name.equals("toBuilder") || name.equals("builder") ? "rules may not make contracts" : "not a read method of the contract";
    }

    private static String stringMember(String name, String descriptor) {
        switch (name) {
            case "repeat":
                return "it can build a string of any size; write the text out";
            case "format":
            case "formatted":
                return "a format width can ask for any amount of memory; give the format and values to $c.add(rule, points, format, values...)";
            case "matches":
            case "replaceAll":
            case "replaceFirst":
            case "split":
                return "a regular expression can take very long on some inputs; use contains, startsWith or equals";
            case "getBytes":
            case "getChars":
            case "intern":
            case "chars":
            case "codePoints":
            case "lines":
            case "describeConstable":
            case "resolveConstantDesc":
            case "transform":
                return "use length, substring, contains, startsWith, equals, toLowerCase and the like";
            default:
                return null;
        }
    }

    private static String boxedMember(String name, String descriptor) {
        if (name.equals("getInteger") || name.equals("getLong") || name.equals("getBoolean")) {
            return "it reads a system property; rules read only the contract";
        }
        return null;
    }

    private static String bigDecimalMember(String name, String descriptor) {
        if (name.equals("<init>") || name.equals("pow") || name.equals("toPlainString") || name.equals("toBigInteger")
                || name.equals("toBigIntegerExact") || name.equals("scaleByPowerOfTen") || name.equals("movePointLeft")
                || name.equals("movePointRight") || name.equals("sqrt") || name.equals("setScale") || name.equals("unscaledValue")) {
            return "it can take any amount of memory or time on a large exponent; use doubleValue() or getDealValueBase()";
        }
        return null;
    }

    private static String timeMember(String name, String descriptor) {
        if (name.equals("now") || descriptor.contains("Ljava/time/Clock;")) {
            return "rules read the time the contract hands them (businessDaysReady, daysToTargetClose), so every rule sees the same now";
        }
        if (name.equals("datesUntil") || name.equals("ofLocalizedDate") || name.equals("ofLocalizedDateTime")) {
            return "use plusDays, isBefore and the like";
        }
        return null;
    }

    private static String collectionMember(String name, String descriptor) {
        if (name.equals("<init>")) {
            // Only copies: a capacity argument allocates up front, and an empty collection could only be filled by a loop.
            return descriptor.equals("(Ljava/util/Collection;)V") || descriptor.equals("(Ljava/util/Map;)V") ? null
                    : "only copies of collections the contract hands out may be made: new TreeSet(collection)";
        }
        if (Set.of("size", "isEmpty", "contains", "containsAll", "get", "getOrDefault", "containsKey", "containsValue", "indexOf",
                "lastIndexOf", "iterator", "first", "last", "equals", "hashCode", "toString", "keySet", "values", "entrySet",
                "getKey", "getValue", "firstKey", "lastKey", "floor", "ceiling", "higher", "lower", "of", "copyOf").contains(name)) {
            return null;
        }
        return name.contains("tream") || name.equals("forEach") || name.equals("spliterator")
                ? "streams and callbacks may run code on other threads or loop; read with a for-each loop"
                : "collections are read-only in rules";
    }
}
