package dev.docket.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.docket.rules.source.RuleSource;
import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;

/** The differences between two rule versions, file by file, as unified diffs (java-diff-utils). */
public record RuleDiff(long from, long to, List<FileDiff> files) {

    /** @param lines the unified diff, each line starting with +, - or a space; empty when the file is unchanged */
    public record FileDiff(String path, String change, List<String> lines) {
    }

    static RuleDiff between(long from, List<RuleSource> before, long to, List<RuleSource> after) {
        Map<String, RuleSource> old = before.stream().collect(Collectors.toMap(RuleSource::path, Function.identity()));
        Map<String, RuleSource> fresh = after.stream().collect(Collectors.toMap(RuleSource::path, Function.identity()));
        Set<String> paths = new LinkedHashSet<>();
        before.forEach(s -> paths.add(s.path()));
        after.forEach(s -> paths.add(s.path()));
        List<FileDiff> files = new ArrayList<>();
        for (String path : paths.stream().sorted().toList()) {
            List<String> a = lines(old.get(path));
            List<String> b = lines(fresh.get(path));
            if (a.equals(b)) {
                continue;
            }
            String change = old.get(path) == null ? "added" : fresh.get(path) == null ? "removed" : "changed";
            List<String> unified = UnifiedDiffUtils.generateUnifiedDiff(path, path, a, DiffUtils.diff(a, b), 3);
            // The first two lines are the ---/+++ headers, which the page shows as the file's heading instead.
            files.add(new FileDiff(path, change, unified.size() > 2 ? unified.subList(2, unified.size()) : unified));
        }
        return new RuleDiff(from, to, files);
    }

    private static List<String> lines(RuleSource source) {
        if (source == null) {
            return List.of();
        }
        if (source.kind() == RuleSource.Kind.DECISION_TABLE_XLSX) {
            return List.of("(spreadsheet, " + source.bytes().length + " bytes; content not shown as text)");
        }
        return Arrays.asList(source.text().split("\n", -1));
    }
}
