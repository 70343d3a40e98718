package io.omdprt.config;

import java.nio.file.Path;

/** Where events are journalled, and for how many days files are kept. */
public record JournalConfig(Path dir, int retentionDays) {
}
