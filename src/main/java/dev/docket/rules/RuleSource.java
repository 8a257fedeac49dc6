package dev.docket.rules;

import java.nio.charset.StandardCharsets;

/** One rule file: its path relative to the rules folder, and its text. */
public record RuleSource(String path, String content) {

    public byte[] bytes() {
        return content.getBytes(StandardCharsets.UTF_8);
    }
}
