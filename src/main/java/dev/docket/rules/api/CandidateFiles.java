package dev.docket.rules.api;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.docket.rules.source.RuleSource;
import dev.docket.contract.InvalidFieldException;

/** Turns an API candidate into the full list of rule sources it stands for. */
public final class CandidateFiles {

    private CandidateFiles() {
    }

    /**
     * The candidate: the sent files over {@code active}. With {@code replace} the sent files replace the policy, while
     * the scenario tests of {@code active} still check it (the folder's scenarios belong to every check).
     */
    public static List<RuleSource> assemble(List<RuleSource> active, CandidateRequest request) {
        Map<String, RuleSource> files = new TreeMap<>();
        boolean replace = Boolean.TRUE.equals(request.replace());
        active.stream().filter(s -> !replace || s.kind() == RuleSource.Kind.SCENARIO).forEach(s -> files.put(s.path(), s));
        for (int i = 0; i < request.files().size(); i++) {
            CandidateRequest.CandidateFile file = request.files().get(i);
            String field = "files[" + i + "]";
            if (RuleSource.Kind.of(file.path()) == RuleSource.Kind.OTHER) {
                throw new InvalidFieldException(field + ".path", "'" + file.path()
                        + "' is not a rule file: use .drl, .csv or .xlsx, or tests/*.yaml for scenarios");
            }
            files.put(file.path(), new RuleSource(file.path(), decode(field, file)));
        }
        List<String> deletes = request.delete() == null ? List.of() : request.delete();
        for (int i = 0; i < deletes.size(); i++) {
            String path = deletes.get(i);
            if (path == null) {
                throw new InvalidFieldException("delete[" + i + "]", "must be the path of a file in the rule set, not null");
            }
            if (files.remove(path) == null) {
                throw new InvalidFieldException("delete[" + i + "]", "'" + path + "' is not in the rule set, so it cannot be deleted");
            }
        }
        return List.copyOf(files.values());
    }

    private static byte[] decode(String field, CandidateRequest.CandidateFile file) {
        if (!"base64".equals(file.encoding())) {
            return file.content().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        try {
            return Base64.getDecoder().decode(file.content());
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException(field + ".content", "is not valid base64: " + e.getMessage());
        }
    }
}
