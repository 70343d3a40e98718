package io.omdprt.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** A journal folder's records as JSON, in order, as a running or killed monitor left them. */
public final class JournalRecords {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JournalRecords() {
    }

    /** Every whole record (a line being written, or torn by a kill, is left out); none when there is no journal yet. */
    public static List<JsonNode> all(Path journal) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        if (!Files.isDirectory(journal)) {
            return out;
        }
        try (Stream<Path> files = Files.list(journal)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".jsonl")).sorted().toList()) {
                for (String line : Files.readAllLines(f)) {
                    try {
                        out.add(JSON.readTree(line));
                    } catch (IOException torn) {
                        // the last line, being written or torn by a kill
                    }
                }
            }
        }
        return out;
    }
}
