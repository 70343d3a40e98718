package io.omdprt.event;

/** An event about a channel, or about one of its lines. */
public interface Located {
    Where where();
}
