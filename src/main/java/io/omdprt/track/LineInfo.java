package io.omdprt.track;

/** What a line is: its name within the channel (A, B, …) and its site (primary, dr). */
public record LineInfo(String name, String site) {
}
