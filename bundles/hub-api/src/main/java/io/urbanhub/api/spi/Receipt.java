package io.urbanhub.api.spi;

/** What the data layer did with one input. Each outcome is durable when it is returned. */
public enum Receipt {
    /** Its observations are stored. */
    STORED,
    /** The same message was stored before; nothing was written. */
    DUPLICATE,
    /** It was kept as a dead letter with its reason. */
    DEAD_LETTER,
    /** It is kept durably on disk while the store is away; written later, once. */
    SPOOLED
}
