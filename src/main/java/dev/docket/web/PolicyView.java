package dev.docket.web;

import java.util.List;

import dev.docket.rules.check.PlainPolicy;

/** The live policy as the policy page shows it. */
public record PolicyView(Long number, String hash, String liveSince, List<PlainPolicy.Section> sections) {
}
