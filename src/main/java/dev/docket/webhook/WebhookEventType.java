package dev.docket.webhook;

import dev.docket.feed.ChangeType;

/** What a subscription can ask for; each is one type of change event in the feed, of the same name. */
enum WebhookEventType {
    RANK_MOVED, LANE_CHANGED, APPROVAL_REQUESTED, APPROVAL_DECIDED, OVERRIDE_CREATED, OVERRIDE_EXPIRED, RULES_ACTIVATED;

    ChangeType changeType() {
        return ChangeType.valueOf(name());
    }

    /** The webhook type of a change event, or null when no subscription can ask for it. */
    static WebhookEventType of(ChangeType type) {
        for (WebhookEventType t : values()) {
            if (t.name().equals(type.name())) {
                return t;
            }
        }
        return null;
    }
}
