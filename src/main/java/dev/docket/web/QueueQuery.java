package dev.docket.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import dev.docket.contract.ContractStatus;
import dev.docket.contract.ContractType;
import dev.docket.facts.Lane;
import dev.docket.ranking.ContractSummary;
import io.micronaut.core.annotation.Nullable;

/**
 * The queue page's filters and search, as they arrive in the query string. Blank means "any". Unknown enum
 * names are bad input and are rejected by Micronaut's conversion with a 400 that names the parameter.
 */
public record QueueQuery(@Nullable String owner, @Nullable String team, @Nullable Lane lane, @Nullable ContractType type,
                         @Nullable ContractStatus status, @Nullable String q, int page, int size) {

    public QueueQuery {
        owner = blankToNull(owner);
        team = blankToNull(team);
        q = blankToNull(q);
    }

    boolean isFiltered() {
        return owner != null || team != null || type != null || status != null || q != null;
    }

    /** The same filters and search on their first page: what a search matched does not depend on the page shown. */
    QueueQuery firstPage() {
        return new QueueQuery(owner, team, lane, type, status, q, 0, 0);
    }

    boolean matches(ContractSummary c) {
        return (owner == null || owner.equalsIgnoreCase(c.owner()))
                && (team == null || team.equalsIgnoreCase(c.team()))
                && (type == null || type == c.contractType())
                && (status == null || status == c.status())
                && (q == null || contains(c.title(), q) || contains(c.account(), q) || contains(c.externalRef(), q));
    }

    /** The query string of this search on another page, for the pager's links. */
    public String withPage(int otherPage) {
        Map<String, String> params = new LinkedHashMap<>();
        put(params, "owner", owner);
        put(params, "team", team);
        put(params, "lane", lane == null ? null : lane.name());
        put(params, "type", type == null ? null : type.name());
        put(params, "status", status == null ? null : status.name());
        put(params, "q", q);
        params.put("page", Integer.toString(otherPage));
        params.put("size", Integer.toString(size));
        return params.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&", "?", ""));
    }

    public String value(@Nullable Object v) {
        return v == null ? "" : v.toString();
    }

    private static void put(Map<String, String> params, String name, @Nullable String value) {
        if (value != null) {
            params.put(name, value);
        }
    }

    /**
     * Case-insensitive substring test without lower-casing copies: it runs for every contract on every search, so it
     * compares the first character cheaply and calls regionMatches only where that one matches.
     */
    private static boolean contains(@Nullable String text, String part) {
        if (text == null) {
            return false;
        }
        char lower = Character.toLowerCase(part.charAt(0));
        char upper = Character.toUpperCase(part.charAt(0));
        int max = text.length() - part.length();
        for (int i = 0; i <= max; i++) {
            char c = text.charAt(i);
            if ((c == lower || c == upper) && text.regionMatches(true, i, part, 0, part.length())) {
                return true;
            }
        }
        return false;
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
