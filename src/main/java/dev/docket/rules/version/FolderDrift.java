package dev.docket.rules.version;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import dev.docket.rules.check.RuleSetCompiler;
import dev.docket.rules.source.RuleSource;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The folder holds another policy than the live version, which was set through the API (activate or rollback).
 * Folder events are held until the folder matches the live version again or a rules admin takes the folder's
 * version ({@code POST /api/rules/folder/activate}); until then status and health say so, with the file names.
 */
@Serdeable
public record FolderDrift(String liveVersion, String folderVersion, List<String> onlyInFolder, List<String> onlyLive,
                          List<String> different, Instant since) {

    /** Null when the folder's policy files are exactly the live ones. Scenario tests are not part of a version. */
    public static FolderDrift between(List<RuleSource> live, String liveVersion, List<RuleSource> folder, Instant now) {
        Map<String, RuleSource> a = policy(live);
        Map<String, RuleSource> b = policy(folder);
        if (a.equals(b)) {
            return null;
        }
        TreeSet<String> both = new TreeSet<>(a.keySet());
        both.retainAll(b.keySet());
        return new FolderDrift(liveVersion, RuleSetCompiler.versionOf(folder),
                b.keySet().stream().filter(p -> !a.containsKey(p)).toList(),
                a.keySet().stream().filter(p -> !b.containsKey(p)).toList(),
                both.stream().filter(p -> !a.get(p).equals(b.get(p))).toList(), now);
    }

    private static Map<String, RuleSource> policy(List<RuleSource> sources) {
        Map<String, RuleSource> files = new TreeMap<>();
        sources.stream().filter(s -> s.kind().isPolicy()).forEach(s -> files.put(s.path(), s));
        return files;
    }

    public String describe() {
        return "the folder holds version " + folderVersion + ", not the live " + liveVersion + " (set through the API)"
                + (onlyInFolder.isEmpty() ? "" : "; only in the folder: " + String.join(", ", onlyInFolder))
                + (onlyLive.isEmpty() ? "" : "; only live: " + String.join(", ", onlyLive))
                + (different.isEmpty() ? "" : "; different: " + String.join(", ", different))
                + "; folder changes are held until the folder matches the live version or a rules admin takes the folder's version";
    }
}
