package io.omdprt.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One mapping of a YAML tree (config or scenario), read key by key. Every read names the key path in its error, and
 * {@link #finish()} rejects keys nobody asked for, so a typo never passes silently.
 */
public final class Section {
    private final String file;
    private final String path;
    private final ObjectNode node;
    private final Set<String> known = new LinkedHashSet<>();

    public Section(String file, String path, JsonNode node) throws ConfigException {
        this.file = file;
        this.path = path;
        if (node == null || !node.isObject()) {
            throw new ConfigException(file, path, "expected a mapping of keys to values, got " + describe(node));
        }
        this.node = (ObjectNode) node;
    }

    public String path() {
        return path;
    }

    public String pathOf(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    public ConfigException error(String key, String expected) {
        return new ConfigException(file, pathOf(key), expected);
    }

    public boolean has(String key) {
        known.add(key);
        JsonNode v = node.get(key);
        return v != null && !v.isNull();
    }

    private JsonNode required(String key, String expected) throws ConfigException {
        known.add(key);
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            throw error(key, "missing; expected " + expected);
        }
        return v;
    }

    public String string(String key) throws ConfigException {
        JsonNode v = required(key, "a text value");
        if (!v.isValueNode() || v.isBoolean()) {
            throw error(key, "expected a text value, got " + describe(v));
        }
        String text = v.asText().trim();
        if (text.isEmpty()) {
            throw error(key, "expected a non-empty text value");
        }
        return text;
    }

    public String string(String key, String fallback) throws ConfigException {
        return has(key) ? string(key) : fallback;
    }

    public int integer(String key, int min, int max) throws ConfigException {
        JsonNode v = required(key, "an integer " + min + ".." + max);
        if (!v.canConvertToInt() || !(v.isIntegralNumber() || isIntegerText(v))) {
            throw error(key, "expected an integer " + min + ".." + max + ", got " + describe(v));
        }
        int value = v.isIntegralNumber() ? v.intValue() : Integer.parseInt(v.asText().trim());
        if (value < min || value > max) {
            throw error(key, "expected an integer " + min + ".." + max + ", got " + value);
        }
        return value;
    }

    public int integer(String key, int min, int max, int fallback) throws ConfigException {
        return has(key) ? integer(key, min, max) : fallback;
    }

    public Duration duration(String key, Duration min, Duration max, Duration fallback) throws ConfigException {
        if (!has(key)) {
            return fallback;
        }
        String expected = "a duration " + Durations.format(min) + ".." + Durations.format(max) + " such as 250ms, 2s or 5m";
        JsonNode v = node.get(key);
        Duration d = v.isValueNode() ? Durations.parse(v.asText()) : null;
        if (d == null) {
            throw error(key, "expected " + expected + ", got " + describe(v));
        }
        if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
            throw error(key, "expected " + expected + ", got " + v.asText());
        }
        return d;
    }

    /** A size in bytes: an integer, or a number with KiB, MiB (or KB, MB) as people write it. */
    public int bytes(String key, int min, int max, int fallback) throws ConfigException {
        if (!has(key)) {
            return fallback;
        }
        JsonNode v = node.get(key);
        String expected = "a size in bytes " + min + ".." + max + " such as 4194304 or 4MiB";
        long value;
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)\\s*(KiB|MiB|KB|MB|K|M)?").matcher(v.asText().trim());
        if (!v.isValueNode() || !m.matches()) {
            throw error(key, "expected " + expected + ", got " + describe(v));
        }
        value = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "" : m.group(2);
        if (unit.startsWith("K")) {
            value *= 1024;
        } else if (unit.startsWith("M")) {
            value *= 1024 * 1024;
        }
        if (value < min || value > max) {
            throw error(key, "expected " + expected + ", got " + v.asText());
        }
        return (int) value;
    }

    /** A list of text values (one value alone counts as a list of one); empty when the key is absent. */
    public List<String> strings(String key, String expected) throws ConfigException {
        if (!has(key)) {
            return List.of();
        }
        JsonNode v = node.get(key);
        List<JsonNode> items = new ArrayList<>();
        if (v.isArray()) {
            v.forEach(items::add);
        } else {
            items.add(v);
        }
        if (items.isEmpty()) {
            throw error(key, "expected a list of " + expected + ", got an empty list");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode item : items) {
            if (!item.isValueNode() || item.isNull() || item.asText().isBlank()) {
                throw error(key, "expected a list of " + expected + ", got " + describe(item) + " in it");
            }
            out.add(item.asText().trim());
        }
        return out;
    }

    public Section section(String key) throws ConfigException {
        return new Section(file, pathOf(key), required(key, "a mapping of keys to values"));
    }

    /** @return the sub-section, or null when the key is absent */
    public Section optionalSection(String key) throws ConfigException {
        return has(key) ? section(key) : null;
    }

    /** A list of mappings; empty when the key is absent and not required. */
    public List<Section> list(String key, boolean required) throws ConfigException {
        if (!has(key)) {
            if (required) {
                throw error(key, "missing; expected a list of entries");
            }
            return List.of();
        }
        JsonNode v = node.get(key);
        if (!v.isArray()) {
            throw error(key, "expected a list of entries, got " + describe(v));
        }
        if (required && v.isEmpty()) {
            throw error(key, "expected at least one entry, got an empty list");
        }
        List<Section> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            out.add(new Section(file, pathOf(key) + "[" + i + "]", v.get(i)));
        }
        return out;
    }

    /** Rejects every key that was not read. */
    public void finish() throws ConfigException {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!known.contains(name)) {
                throw error(name, "unknown key; expected one of: " + String.join(", ", known));
            }
        }
    }

    private static boolean isIntegerText(JsonNode v) {
        return v.isTextual() && v.asText().trim().matches("-?\\d{1,10}");
    }

    static String describe(JsonNode v) {
        if (v == null || v.isNull()) {
            return "nothing";
        }
        if (v.isObject()) {
            return "a mapping";
        }
        if (v.isArray()) {
            return "a list";
        }
        return "'" + v.asText() + "'";
    }
}
