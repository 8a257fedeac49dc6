package dev.docket.rules;

import java.util.Collection;

import org.slf4j.Logger;

/** What to do with a probe thread that did not finish in time: find the rule it is stuck in, and stop it. */
final class RunawayThreads {

    private RunawayThreads() {
    }

    /**
     * The rule whose consequence the thread is running, from its stack: the Java dialect compiles each rule's
     * consequence into a class named "Rule_" plus the rule name with spaces as "_" and other characters
     * escaped ("$u58$" for ':'), plus a hash. Letters and digits are compared, the longest matching name wins.
     * Null when no frame belongs to a rule (an MVEL consequence, or a loop in the engine itself).
     */
    static String runningRule(Thread thread, Collection<String> ruleNames) {
        for (StackTraceElement frame : thread.getStackTrace()) {
            String className = frame.getClassName();
            String simple = className.substring(className.lastIndexOf('.') + 1);
            if (!simple.startsWith("Rule_")) {
                continue;
            }
            String generated = lettersAndDigits(simple.substring(5).replaceAll("\\$u\\d+\\$", ""));
            String best = null;
            for (String rule : ruleNames) {
                String name = lettersAndDigits(rule);
                if (!name.isEmpty() && generated.startsWith(name) && (best == null || name.length() > lettersAndDigits(best).length())) {
                    best = rule;
                }
            }
            if (best != null) {
                return best;
            }
        }
        return null;
    }

    private static String lettersAndDigits(String text) {
        return text.replaceAll("[^\\p{L}\\p{N}]", "");
    }

    /**
     * Interrupts the thread, and if that does not end it (a busy loop ignores interrupts), stops it.
     * Thread.stop works on Java 17 to 19; on later versions it is unsupported and the daemon thread keeps
     * a core busy until Docket restarts, which the log says.
     */
    @SuppressWarnings({"deprecation", "removal"})
    static void stop(Thread thread, Logger log) {
        thread.interrupt();
        try {
            thread.join(200);
            if (thread.isAlive()) {
                thread.stop();
                thread.join(500);
            }
        } catch (UnsupportedOperationException e) {
            log.warn("Rule probe thread {} could not be stopped on this Java version; it keeps running until Docket restarts",
                    thread.getName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            log.warn("Rule probe thread {} is still running after the time limit", thread.getName());
        }
    }
}
