package dev.docket.feed;

import java.util.Collection;
import java.util.List;

import jakarta.inject.Singleton;

/** Reads the change feed for consumers other than the ranking (webhooks), who keep their own position in it. */
@Singleton
public class ChangeEvents {

    private final ChangeEventRepository events;

    ChangeEvents(ChangeEventRepository events) {
        this.events = events;
    }

    /** The id of the newest event; a consumer that starts here sees only what happens from now on. */
    public long head() {
        return events.head();
    }

    /** Up to {@code limit} committed events with an id above {@code after}, in id order. */
    public List<ChangeEvent> after(long after, int limit) {
        return events.after(after, limit);
    }

    /** Those of {@code ids} that are committed now, in id order: a consumer looks up the gaps it skipped this way. */
    public List<ChangeEvent> byIds(Collection<Long> ids) {
        return ids.isEmpty() ? List.of() : events.findByIdInOrderById(ids);
    }
}
