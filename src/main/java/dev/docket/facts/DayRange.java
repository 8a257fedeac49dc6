package dev.docket.facts;

/** A whole number of days from {@code lowest} to {@code highest}, both included, each equally likely. */
public record DayRange(int lowest, int highest) {

    public DayRange {
        if (highest < lowest) {
            throw new IllegalArgumentException("empty range " + lowest + ".." + highest);
        }
    }

    /** Exactly {@code days}, taken without a draw. */
    public static DayRange of(int days) {
        return new DayRange(days, days);
    }

    int pick(Picker picker) {
        return lowest == highest ? lowest : picker.between(lowest, highest);
    }
}
