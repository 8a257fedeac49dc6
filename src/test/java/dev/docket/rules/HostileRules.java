package dev.docket.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Rule files an attacker would write, each of which, if any of its code ran, would create a marker file or
 * connect to a listening socket. Every variant must be refused, and the marker and the socket prove that
 * nothing ran. The first seven are the ones that got through, or kept running, against the old deny-list guard.
 */
public final class HostileRules {

    /** One hostile file: its name, its DRL (with @MARKER@ and @PORT@ still to fill in) and a fragment of the expected refusal. */
    public record Variant(String name, String drl, String refusal) {

        @Override
        public String toString() {
            return name;
        }
    }

    public static final String FILE = "hostile.drl";
    private static final String TOUCH = "java.nio.file.Files.writeString(java.nio.file.Path.of(\"@MARKER@\"), \"ran\");";
    private static final String CONNECT = "new java.net.Socket(\"127.0.0.1\", @PORT@).close();";

    private HostileRules() {
    }

    public static List<Variant> all() {
        return List.of(
                // The six that got through the deny-list, and the parallel stream that kept running after its rejection
                then("Formatter writing a file", "new java.util.Formatter(\"@MARKER@\").format(\"pwn\").close();", "`java.util.Formatter` is not allowed"),
                then("getClass chain reading /etc/hostname", "java.io.InputStream in = $c.getClass().getDeclaringClass().getProtectionDomain()"
                        + ".getCodeSource().getLocation().toURI().resolve(\"/etc/hostname\").toURL().openStream(); " + TOUCH, "`Object.getClass` is not allowed"),
                then("getClass chain making HTTP requests to a local port", "$c.getClass().getProtectionDomain().getCodeSource().getLocation()"
                        + ".toURI().resolve(\"http://127.0.0.1:@PORT@/\").toURL().openStream().close();", "`Object.getClass` is not allowed"),
                then("Long.getLong reading a system property", "Long v = Long.getLong(\"user.dir\"); if (v == null) { " + TOUCH + " }",
                        "`Long.getLong` is not allowed in rules: it reads a system property"),
                then("getResourceAsStream reading the classpath", "java.io.InputStream in = $c.getClass().getResourceAsStream(\"/application.yml\"); " + TOUCH,
                        "`Object.getClass` is not allowed"),
                then("Formatter over a socket", "new java.util.Formatter(new java.net.Socket(\"127.0.0.1\", @PORT@).getOutputStream()).format(\"x\").flush();",
                        "`java.util.Formatter` is not allowed"),
                then("parallelStream that kept running after rejection", "$c.getPendingApprovals().parallelStream().forEach(a -> { try { "
                        + TOUCH + " } catch (Exception e) { } });", "`List.parallelStream` is not allowed in rules: streams"),
                // Reflection
                then("reflective call of a method", "$c.getClass().getMethod(\"block\", String.class).invoke($c, \"x\"); " + TOUCH, "`Object.getClass` is not allowed"),
                then("Class.forName", "Object r = Class.forName(\"java.lang.Runtime\"); " + TOUCH, "`java.lang.Class` is not allowed"),
                then("class literal to class loader", "Object l = String.class.getClassLoader(); " + TOUCH, "class literals (`.class`) are not allowed"),
                then("MethodHandles lookup", "Object l = java.lang.invoke.MethodHandles.lookup(); " + TOUCH, "`java.lang.invoke.MethodHandles` is not allowed"),
                then("reflective array", "Object a = java.lang.reflect.Array.newInstance(String.class, 3); " + TOUCH, "class literals (`.class`) are not allowed"),
                then("getClass on a string", "$c.block($c.getTitle().getClass().getName()); " + TOUCH, "`Object.getClass` is not allowed"),
                // I/O
                then("Files.writeString", TOUCH, "`java.nio.file.Path` is not allowed in rules (rules may not read or write files)"),
                then("FileWriter", "new java.io.FileWriter(\"@MARKER@\").close();", "`java.io.FileWriter` is not allowed in rules (rules may not read or write files)"),
                then("FileOutputStream", "new java.io.FileOutputStream(\"@MARKER@\").close();", "`java.io.FileOutputStream` is not allowed"),
                then("File.createNewFile", "new java.io.File(\"@MARKER@\").createNewFile();", "`java.io.File` is not allowed"),
                then("RandomAccessFile", "new java.io.RandomAccessFile(\"@MARKER@\", \"rw\").close();", "`java.io.RandomAccessFile` is not allowed"),
                then("PrintStream to a file", "new java.io.PrintStream(\"@MARKER@\").close();", "`java.io.PrintStream` is not allowed"),
                then("reading /etc/hostname", "String h = java.nio.file.Files.readString(java.nio.file.Path.of(\"/etc/hostname\")); " + TOUCH,
                        "`java.nio.file.Path` is not allowed"),
                then("Scanner over a file", "new java.util.Scanner(new java.io.File(\"/etc/hostname\")).next(); " + TOUCH, "`java.util.Scanner` is not allowed"),
                then("System.out", "System.out.println(\"x\"); " + TOUCH, "`java.lang.System` is not allowed"),
                // Network
                then("Socket", CONNECT, "`java.net.Socket` is not allowed in rules (rules may not reach the network)"),
                then("URL.openStream", "new java.net.URL(\"http://127.0.0.1:@PORT@/\").openStream().close();", "`java.net.URL` is not allowed"),
                then("URI to URL connection", "java.net.URI.create(\"http://127.0.0.1:@PORT@/\").toURL().openConnection().connect();", "`java.net.URI` is not allowed"),
                then("HttpClient", "java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("
                        + "\"http://127.0.0.1:@PORT@/\")).build(), java.net.http.HttpResponse.BodyHandlers.discarding());", "is not allowed in rules (rules may not reach the network)"),
                then("SocketChannel", "java.nio.channels.SocketChannel.open(new java.net.InetSocketAddress(\"127.0.0.1\", @PORT@)).close();", "is not allowed"),
                then("DNS lookup", "java.net.InetAddress.getByName(\"localhost\"); " + CONNECT, "`java.net.InetAddress` is not allowed"),
                // Processes
                then("Runtime.exec", "Runtime.getRuntime().exec(new String[] {\"touch\", \"@MARKER@\"});", "`java.lang.Runtime` is not allowed"),
                then("ProcessBuilder", "new ProcessBuilder(\"touch\", \"@MARKER@\").start();", "`java.lang.ProcessBuilder` is not allowed"),
                then("ProcessHandle", "long pid = ProcessHandle.current().pid(); " + TOUCH, "`java.lang.ProcessHandle` is not allowed"),
                then("System.exit", TOUCH + " System.exit(3);", "is not allowed"),
                // Threads
                then("new Thread", "new Thread(() -> { try { " + TOUCH + " } catch (Exception e) { } }).start();", "`java.lang.Thread` is not allowed"),
                then("executor", "java.util.concurrent.Executors.newSingleThreadExecutor().submit(() -> { try { " + CONNECT + " } catch (Exception e) { } });",
                        "`java.util.concurrent.Executors` is not allowed"),
                then("CompletableFuture", "java.util.concurrent.CompletableFuture.runAsync(() -> { try { " + TOUCH + " } catch (Exception e) { } });",
                        "lambdas and method references are not allowed"),
                then("ForkJoinPool", "java.util.concurrent.ForkJoinPool.commonPool().execute(() -> { try { " + TOUCH + " } catch (Exception e) { } });",
                        "`java.util.concurrent.ForkJoinPool` is not allowed"),
                then("Timer", "new java.util.Timer().schedule(new java.util.TimerTask() { public void run() { } }, 1L); " + TOUCH, "is not allowed"),
                then("Thread.sleep", "Thread.sleep(10000L); " + TOUCH, "`java.lang.Thread` is not allowed"),
                then("stream of a fact's list", "$c.getPendingApprovals().stream().forEach(a -> $c.block(a)); " + TOUCH, "`List.stream` is not allowed"),
                then("wait on the fact", "synchronized ($c) { $c.wait(10000L); } " + TOUCH, "`synchronized` is not allowed"),
                // Class loading
                then("system class loader", "ClassLoader.getSystemClassLoader().loadClass(\"java.lang.Runtime\"); " + TOUCH, "`java.lang.ClassLoader` is not allowed"),
                then("context class loader", "Thread.currentThread().getContextClassLoader(); " + TOUCH, "`java.lang.Thread` is not allowed"),
                then("URLClassLoader", "new java.net.URLClassLoader(new java.net.URL[0]); " + TOUCH, "is not allowed"),
                then("ServiceLoader", "java.util.ServiceLoader.load(Runnable.class); " + TOUCH, "class literals (`.class`) are not allowed"),
                // System properties and the environment
                then("System.getProperty", "String home = System.getProperty(\"user.home\"); " + TOUCH, "`java.lang.System` is not allowed"),
                then("System.getenv", "String path = System.getenv(\"PATH\"); " + TOUCH, "`java.lang.System` is not allowed"),
                then("Integer.getInteger", "Integer v = Integer.getInteger(\"x\"); " + TOUCH, "`Integer.getInteger` is not allowed"),
                then("Boolean.getBoolean", "boolean v = Boolean.getBoolean(\"x\"); if (!v) { " + TOUCH + " }", "`Boolean.getBoolean` is not allowed"),
                then("System.setProperty", "System.setProperty(\"x\", \"y\"); " + TOUCH, "`java.lang.System` is not allowed"),
                // MVEL and condition tricks
                file("MVEL-dialect consequence", rule("MVEL", "    dialect \"mvel\"\n", "$c : ContractFact( )", TOUCH), "dialect mvel is not allowed"),
                file("MVEL dialect for the package", "package docket.policy;\nimport dev.docket.facts.ContractFact;\ndialect \"mvel\"\n\n"
                        + rule("Package MVEL", "", "$c : ContractFact( )", "$c.block(\"x\");"), "dialect mvel is not allowed"),
                when("new in a condition", "$c : ContractFact( new java.io.File(\"@MARKER@\").createNewFile() )", "`new` is not allowed in a condition"),
                when("static I/O call in a condition", "$c : ContractFact( java.nio.file.Files.exists(java.nio.file.Path.of(\"@MARKER@\")) == false )",
                        "has no field `java`"),
                when("getClass in a condition", "$c : ContractFact( this.getClass().getClassLoader() != null )", "`Object.getClass` is not allowed"),
                when("system property in a condition", "$c : ContractFact( title != System.getProperty(\"user.home\") )", "`System` is not"),
                when("from with a file read", "$c : ContractFact( )\n    $s : String() from java.nio.file.Files.readString(java.nio.file.Path.of(\"/etc/hostname\"))",
                        "is not a bound variable of this rule"),
                when("eval creating a file", "$c : ContractFact( )\n    eval( new java.io.File(\"@MARKER@\").createNewFile() )", "`new` is not allowed in a condition"),
                when("regular expression that backtracks", "$c : ContractFact( title matches \"(a+)+b\" )", "the operator `matches` is not allowed"),
                file("salience expression", rule("Salience", "    salience ( new java.io.File(\"@MARKER@\").createNewFile() ? 1 : 0 )\n",
                        "$c : ContractFact( )", "$c.block(\"x\");"), "salience must be a whole number"),
                file("enabled expression", rule("Enabled", "    enabled ( new java.io.File(\"@MARKER@\").createNewFile() )\n",
                        "$c : ContractFact( )", "$c.block(\"x\");"), "enabled must be true or false"),
                file("timer attribute", rule("Timer attribute", "    timer ( int: 1s 1s )\n", "$c : ContractFact( )", TOUCH), "the rule attribute `timer` is not allowed"),
                // Unicode escapes
                then("unicode escape closing a string", "String s = \"\\u0022; " + TOUCH.replace("\"", "'") + " \\u0022\";", "unicode escapes"),
                then("unicode newline ending a comment", "// \\u000a " + TOUCH, "unicode escapes"),
                then("unicode escaped identifier", "\\u0053ystem.exit(3);", "unicode escapes"),
                // Declarations that are not rules
                file("function", header() + "function void touch() { try { " + TOUCH + " } catch (Exception e) { } }\n\n"
                        + rule("Calls function", "", "$c : ContractFact( )", "touch();"), "`function` is not allowed"),
                file("import function", header() + "import function java.lang.System.getenv;\n\n"
                        + rule("Imports function", "", "$c : ContractFact( )", "getenv(\"PATH\"); " + TOUCH), "`import function` is not allowed"),
                file("declare", header() + "declare Touch\n    path : String\nend\n\n"
                        + rule("Declares", "", "$c : ContractFact( )", TOUCH), "`declare` is not allowed"),
                file("global", header() + "global java.util.List out;\n\n" + rule("Global", "", "$c : ContractFact( )", TOUCH), "`global` is not allowed"),
                file("query", header() + "query \"touch\"\n    $c : ContractFact( new java.io.File(\"@MARKER@\").createNewFile() )\nend\n\n"
                        + rule("With query", "", "$c : ContractFact( )", "$c.block(\"x\");"), "`query` is not allowed"),
                when("accumulate with custom code", "$c : ContractFact( )\n    $n : Number() from accumulate( ContractFact( $v : dealValueBase ),\n"
                        + "        init( double total = 0; " + TOUCH.replace("\"", "'") + " ), action( total += $v; ), result( total ) )",
                        "accumulate with init/action/result code is not allowed"),
                file("import accumulate", header() + "import accumulate java.lang.Object touch;\n\n" + rule("Imports accumulate", "", "$c : ContractFact( )", TOUCH),
                        "`import accumulate` is not allowed"),
                // Loops, huge allocations, recursion
                then("busy loop", "while (true) { } ", "loops are not allowed in rules"),
                then("for ever", "for (;;) { " + TOUCH + " }", "is not allowed in rules"),
                when("loop on one contract only", "$c : ContractFact( title == \"Time bomb\" )", "while ($c.getId() > 0) { $c.getTitle(); } " + TOUCH,
                        "loops are not allowed in rules"),
                then("counting loop", "for (int i = 0; i < Integer.MAX_VALUE; i++) { $c.block(\"x\" + i); } " + TOUCH, "loops are not allowed in rules"),
                then("huge array", "long[] big = new long[Integer.MAX_VALUE - 8]; " + TOUCH, "arrays are not allowed in rules"),
                then("huge string", "String big = \"x\".repeat(Integer.MAX_VALUE); " + TOUCH, "`String.repeat` is not allowed"),
                then("huge StringBuilder", "StringBuilder big = new StringBuilder(Integer.MAX_VALUE); " + TOUCH, "a StringBuilder with a capacity"),
                then("huge list", "java.util.List big = new java.util.ArrayList(Integer.MAX_VALUE); " + TOUCH, "only copies of collections"),
                then("nCopies", "String big = java.util.Collections.nCopies(Integer.MAX_VALUE, \"x\").toString(); " + TOUCH, "`Collections.nCopies` is not allowed"),
                then("huge format width", "String big = String.format(\"%2000000000d\", 1); " + TOUCH, "a format width or precision of 1000 or more"),
                then("deep recursion through a smuggled method", "$c.block(\"x\"); down(0); }\n    static void down(int d) { down(d + 1); }\n"
                        + "    public static void after() {", "calling generated code (`down`) is not allowed"),
                then("recursion through a lambda", "java.util.function.IntUnaryOperator[] f = new java.util.function.IntUnaryOperator[1]; "
                        + "f[0] = i -> f[0].applyAsInt(i + 1); f[0].applyAsInt(0);", "lambdas and method references are not allowed"),
                // Static initialisers and classes smuggled in by closing the consequence's method
                then("static initialiser smuggled in", "$c.block(\"x\"); }\n    static { try { " + TOUCH + " } catch (Exception e) { } }\n"
                        + "    public static void after() {", "`java.nio.file.Path` is not allowed"),
                then("class smuggled in", "$c.block(\"x\"); }\n    public static class Smuggled { static { try { " + TOUCH
                        + " } catch (Exception e) { } } }\n    public static void after() {", "`java.nio.file.Path` is not allowed"),
                // The engine: rules only rank
                then("insert", "insert(\"" + "x\"); " + TOUCH, "rules only rank"),
                when("update for one account", "$c : ContractFact( account == \"Acme\" )", "update($c); " + TOUCH, "rules only rank"),
                then("halt", "drools.halt(); " + TOUCH, "`KnowledgeHelper.halt` is not allowed"),
                then("engine runtime", "drools.getKieRuntime().getEnvironment(); " + TOUCH, "`KnowledgeHelper.getKieRuntime` is not allowed"),
                then("retract", "retract($c); " + TOUCH, "rules only rank"),
                then("modify", "modify($c) { }; " + TOUCH, "rules only rank"),
                then("kcontext", "kcontext.getKieRuntime(); " + TOUCH, "is not allowed"),
                // Docket itself
                then("Docket internals", "dev.docket.rules.source.RuleFolder.read(java.nio.file.Path.of(\"rules\")); " + TOUCH, "is not allowed in rules"),
                then("Micronaut context", "io.micronaut.context.ApplicationContext.run(); " + TOUCH, "`io.micronaut.context.ApplicationContext` is not allowed"),
                then("huge width in a reason format", "$c.add(drools.getRule().getName(), 1.0, \"%2000000000d\", $c.getId()); " + TOUCH,
                        "a format width or precision of 1000 or more"),
                then("changing the service's locale", "java.util.Locale.setDefault(java.util.Locale.CHINA); " + TOUCH,
                        "`Locale.setDefault` is not allowed in rules: it changes the whole service's locale"),
                then("reading other rules' results", "if ($c.getScore() > 0) { " + TOUCH + " }", "`ContractFact.getScore` is not allowed"));
    }

    private static Variant then(String name, String consequence, String refusal) {
        return new Variant(name, header() + rule(name, "", "$c : ContractFact( )", consequence), refusal);
    }

    private static Variant when(String name, String conditions, String refusal) {
        return when(name, conditions, "$c.block(\"x\");", refusal);
    }

    private static Variant when(String name, String conditions, String consequence, String refusal) {
        return new Variant(name, header() + rule(name, "", conditions, consequence), refusal);
    }

    private static Variant file(String name, String drl, String refusal) {
        return new Variant(name, drl.startsWith("package") ? drl : header() + drl, refusal);
    }

    private static String header() {
        return "package docket.policy;\nimport dev.docket.facts.ContractFact;\n\n";
    }

    private static String rule(String name, String attributes, String conditions, String consequence) {
        return "rule \"Hostile: " + name + "\"\n" + attributes + "when\n    " + conditions + "\nthen\n    " + consequence + "\nend\n";
    }

    /** A marker file and a listening socket: either being touched proves some rule code ran. */
    public static final class Tripwires implements AutoCloseable {

        private final Path marker;
        private final ServerSocket socket;
        private final AtomicInteger connections = new AtomicInteger();

        public Tripwires() {
            try {
                marker = Files.createTempDirectory("docket-hostile-").resolve("ran");
                socket = new ServerSocket(0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Thread acceptor = new Thread(() -> {
                while (!socket.isClosed()) {
                    try (Socket ignored = socket.accept()) {
                        connections.incrementAndGet();
                    } catch (IOException e) {
                        return;
                    }
                }
            }, "hostile-tripwire");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        public String arm(Variant variant) {
            return variant.drl().replace("@MARKER@", marker.toString()).replace("@PORT@", Integer.toString(socket.getLocalPort()));
        }

        /** Null when nothing ran, else what did. */
        public String tripped() {
            if (Files.exists(marker)) {
                return "the marker file " + marker + " was written";
            }
            return connections.get() > 0 ? connections.get() + " connection(s) reached port " + socket.getLocalPort() : null;
        }

        @Override
        public void close() throws IOException {
            socket.close();
            Files.deleteIfExists(marker);
            Files.deleteIfExists(marker.getParent());
        }
    }
}
