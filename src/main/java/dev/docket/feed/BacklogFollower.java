package dev.docket.feed;

import java.util.Collection;

/**
 * Takes in the contract changes other instances committed. The ranking implements it, so the feed, which the
 * ranking reads, does not read the ranking back.
 */
public interface BacklogFollower {

    /** Re-reads these contracts as stored now. */
    void applyChanges(Collection<Long> contractIds);

    /** Re-reads the whole backlog: another instance bulk-loaded, or this one fell too far behind. */
    void reload();
}
