package io.omdprt.observability;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The metric names and label names a PromQL expression uses. Not a parser: a lexer that knows just
 * enough PromQL to tell a metric name from a function, a keyword or a label (promtool checks the syntax).
 */
final class PromQlNames {
    /** A vector selector: its metric name and the labels its matchers name. */
    record Selector(String metric, List<String> matcherLabels) {
    }

    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "inf", "nan", "atan2",
            "sum", "min", "max", "avg", "group", "stddev", "stdvar", "count", "count_values", "bottomk", "topk", "quantile");
    /** Keywords followed by a parenthesised list of label names. */
    private static final Set<String> GROUPING = Set.of("by", "without", "on", "ignoring", "group_left", "group_right");
    private static final String OPERATOR_CHARS = "=!~<>+-*/%^@";

    private final List<Selector> selectors = new ArrayList<>();
    private final Set<String> groupingLabels = new LinkedHashSet<>();

    private enum Kind { IDENT, STRING, NUMBER, OPERATOR, PUNCT }

    private record Token(Kind kind, String text) {
        boolean is(String s) {
            return (kind == Kind.PUNCT || kind == Kind.OPERATOR) && text.equals(s);
        }
    }

    private PromQlNames() {
    }

    static PromQlNames of(String expr) {
        PromQlNames names = new PromQlNames();
        names.read(lex(expr));
        return names;
    }

    List<Selector> selectors() {
        return selectors;
    }

    /** Labels named in by, without, on, ignoring, group_left and group_right. */
    Set<String> groupingLabels() {
        return groupingLabels;
    }

    private void read(List<Token> tokens) {
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            Token next = i + 1 < tokens.size() ? tokens.get(i + 1) : new Token(Kind.PUNCT, "");
            if (t.kind() == Kind.IDENT) {
                String word = t.text().toLowerCase();
                if (GROUPING.contains(word) && next.is("(")) {
                    i += 2;
                    for (; i < tokens.size() && !tokens.get(i).is(")"); i++) {
                        if (tokens.get(i).kind() == Kind.IDENT) {
                            groupingLabels.add(tokens.get(i).text());
                        }
                    }
                } else if (KEYWORDS.contains(word) || GROUPING.contains(word) || next.is("(")) {
                    continue; // an operator, aggregation or function
                } else if (next.is("{")) {
                    List<String> labels = new ArrayList<>();
                    i = matchers(tokens, i + 1, labels, null);
                    selectors.add(new Selector(t.text(), labels));
                } else {
                    selectors.add(new Selector(t.text(), List.of()));
                }
            } else if (t.is("{")) {
                List<String> labels = new ArrayList<>();
                String[] name = new String[1];
                i = matchers(tokens, i, labels, name);
                selectors.add(new Selector(name[0], labels));
            }
        }
    }

    /** Reads {@code {l="v", ...}} from the brace at {@code open}; @return the index of the closing brace */
    private static int matchers(List<Token> tokens, int open, List<String> labels, String[] metricName) {
        int i = open + 1;
        for (; i < tokens.size() && !tokens.get(i).is("}"); i++) {
            Token t = tokens.get(i);
            if (t.kind() == Kind.IDENT && i + 1 < tokens.size() && tokens.get(i + 1).kind() == Kind.OPERATOR) {
                if (t.text().equals("__name__") && metricName != null && i + 2 < tokens.size()) {
                    metricName[0] = tokens.get(i + 2).text();
                } else {
                    labels.add(t.text());
                }
            }
        }
        return i;
    }

    private static List<Token> lex(String s) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            int start = i;
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '#') {
                while (i < s.length() && s.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '"' || c == '\'' || c == '`') {
                i++;
                StringBuilder value = new StringBuilder();
                while (i < s.length() && s.charAt(i) != c) {
                    if (s.charAt(i) == '\\' && c != '`' && i + 1 < s.length()) {
                        i++;
                    }
                    value.append(s.charAt(i++));
                }
                i++;
                tokens.add(new Token(Kind.STRING, value.toString()));
            } else if (c == '[') {
                while (i < s.length() && s.charAt(i) != ']') {
                    i++; // a range or subquery: durations only
                }
                i++;
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1)))) {
                while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '.'
                        || ((s.charAt(i) == '-' || s.charAt(i) == '+') && (s.charAt(i - 1) == 'e' || s.charAt(i - 1) == 'E')))) {
                    i++;
                }
                tokens.add(new Token(Kind.NUMBER, s.substring(start, i)));
            } else if (Character.isLetter(c) || c == '_' || c == ':') {
                while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_' || s.charAt(i) == ':')) {
                    i++;
                }
                tokens.add(new Token(Kind.IDENT, s.substring(start, i)));
            } else if (OPERATOR_CHARS.indexOf(c) >= 0) {
                while (i < s.length() && OPERATOR_CHARS.indexOf(s.charAt(i)) >= 0) {
                    i++;
                }
                tokens.add(new Token(Kind.OPERATOR, s.substring(start, i)));
            } else {
                i++;
                tokens.add(new Token(Kind.PUNCT, String.valueOf(c)));
            }
        }
        return tokens;
    }
}
