package io.omdprt.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * A YAML syntax error as one line a person can act on: where (line and column, 1-based) and what is wrong in plain
 * words, instead of SnakeYAML's multi-line dump with carets.
 */
final class YamlErrors {
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '(.*)'");
    private static final Pattern FOUND = Pattern.compile("expected <block end>, but found '(.*)'");
    private static final Pattern BAD_CHARACTER = Pattern.compile("found character '(.*?)' that cannot start any token.*",
            Pattern.DOTALL);
    private static final Pattern FLOW_END = Pattern.compile("expected ',' or '([\\]}])'.*", Pattern.DOTALL);

    private YamlErrors() {
    }

    /** The error of parsing {@code text} from {@code file}, with line and column as the key path. */
    static ConfigException of(String file, String text, JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException y) {
            return ofYaml(file, text, y);
        }
        JsonLocation at = e.getLocation();
        int line = at == null ? 0 : at.getLineNr();
        Matcher duplicate = DUPLICATE.matcher(String.valueOf(e.getOriginalMessage()));
        if (duplicate.matches() && line > 0) {
            String key = duplicate.group(1);
            int column = line(text, line).indexOf(key) + 1;
            return at(file, line, column > 0 ? column : at.getColumnNr(),
                    "duplicate key '" + key + "': each key may appear once in a mapping");
        }
        String problem = firstLine(e.getOriginalMessage());
        return line > 0 ? at(file, line, at.getColumnNr(), problem) : new ConfigException(file, "", "expected valid YAML: " + problem);
    }

    private static ConfigException ofYaml(String file, String text, MarkedYAMLException y) {
        String problem = String.valueOf(y.getProblem());
        String context = String.valueOf(y.getContext());
        Mark where = y.getProblemMark() != null ? y.getProblemMark() : y.getContextMark();
        Mark opened = y.getContextMark() != null ? y.getContextMark() : where;
        if (where == null) {
            return new ConfigException(file, "", "expected valid YAML: " + firstLine(problem));
        }
        Matcher found = FOUND.matcher(problem);
        Matcher character = BAD_CHARACTER.matcher(problem);
        Matcher flowEnd = FLOW_END.matcher(problem);
        if (problem.contains("\\t(TAB)") || problem.contains("\t")) {
            return at(file, where, "a tab: YAML is indented with spaces only");
        }
        if (character.matches()) {
            return at(file, where, "'" + character.group(1) + "' cannot start a value: put the value in quotes");
        }
        if (context.contains("quoted scalar")) {
            return at(file, opened, "unclosed quote: the quoted value that starts here is never closed");
        }
        if (flowEnd.matches()) {
            String close = flowEnd.group(1);
            return at(file, opened, "unclosed " + ("]".equals(close) ? "'['" : "'{'") + ": no '" + close + "' before line "
                    + (where.getLine() + 1) + ", column " + (where.getColumn() + 1) + " (or a ',' is missing)");
        }
        if (context.contains("flow") && problem.startsWith("expected the node content")) {
            return at(file, where, "unclosed '[' or '{' above: found " + problem.substring(problem.indexOf("found ") + 6)
                    + " where a value inside the brackets was expected");
        }
        if (found.matches()) {
            String token = found.group(1);
            if ("-".equals(token)) {
                return at(file, where, "indentation: a list item where a key was expected");
            }
            if (context.contains("block collection")) {
                return at(file, where, "indentation: a key where a list item ('- ') was expected; the keys of a list item"
                        + " line up with the first key after its '- '");
            }
            return at(file, where, "indentation: this line lines up with nothing above it");
        }
        if (problem.startsWith("mapping values are not allowed")) {
            String before = line(text, where.getLine() + 1).substring(0, Math.min(where.getColumn(),
                    line(text, where.getLine() + 1).length()));
            return at(file, where, before.contains(": ")
                    ? "a second ':' on one line: put a value that contains ': ' in quotes"
                    : "indentation: a key indented deeper than the key above it, which already has a value");
        }
        if (problem.contains("end of stream")) {
            return at(file, opened, "the file ends inside " + context.replace("while scanning ", "").replace("while parsing ", ""));
        }
        return at(file, where, firstLine(problem) + (y.getContext() == null ? "" : " (" + context + ")"));
    }

    private static ConfigException at(String file, Mark mark, String what) {
        return at(file, mark.getLine() + 1, mark.getColumn() + 1, what);
    }

    private static ConfigException at(String file, int line, int column, String what) {
        return new ConfigException(file, "line " + line + ", column " + column, what);
    }

    /** Line {@code number} (1-based) of the text, or "" when there is none. */
    private static String line(String text, int number) {
        String[] lines = text.split("\n", -1);
        return number >= 1 && number <= lines.length ? lines[number - 1] : "";
    }

    private static String firstLine(String message) {
        String m = String.valueOf(message).strip();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl).strip();
    }
}
