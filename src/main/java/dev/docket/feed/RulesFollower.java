package dev.docket.feed;

/**
 * Takes in a rule version another instance activated. The active rule set implements it, so the feed, which the
 * rules write to, does not read the rules back.
 */
public interface RulesFollower {

    /** Adopts the rule version the database says is live. */
    void syncWithDatabase();
}
