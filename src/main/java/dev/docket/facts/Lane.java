package dev.docket.facts;

/** Every ready contract ranks above every not-ready one, whatever the points. */
public enum Lane {
    READY,
    NOT_READY
}
