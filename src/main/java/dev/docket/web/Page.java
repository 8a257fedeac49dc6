package dev.docket.web;

import java.util.Map;

/**
 * What every page's layout needs besides its own model: its title, which navigation entry is current, and the actor.
 *
 * @param nav the navigation entry to mark as current: queue, policy, rules, approvals, fairness or flow
 */
public record Page(String title, String nav, Actor actor) {

    /** The model a view gets: the shared page frame and the page's own data, under the names the templates declare. */
    static Map<String, Object> model(Page page, Object model) {
        return Map.of("page", page, "m", model);
    }
}
