package io.omdprt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/** Every help text of the command line is made of whole sentences, whatever the terminal width. */
class HelpTextTest {
    /**
     * A dotted word ("e.g.", "http.window-token"): picocli's wrapping may break it after the dot ("e. g."), depending on
     * where the line ends. File names (report.json) are let through; the rendered help is checked for breaks anyway.
     */
    private static final Pattern DOTTED = Pattern.compile("[A-Za-z]\\.(?!(json|yaml|md|html|pcap)\\b)[A-Za-z]");
    /** A line of a usage text that starts an entry of a list (an option, or a command of the top level). */
    private static final Pattern ENTRY = Pattern.compile("^(  [a-z][\\w-]*\\s{2,}.*|\\s*-.*)$");
    /** Picocli's default (80, what a user sees) and wider ones (set with -Dpicocli.usage.width). */
    private static final int[] WIDTHS = {80, 90, 100, 120, 160};

    /** The top level and every command, by name. */
    private static Map<String, CommandLine> commands() {
        CommandLine top = new CommandLine(new Main());
        Map<String, CommandLine> all = new LinkedHashMap<>();
        all.put("(top level)", top);
        all.putAll(top.getSubcommands());
        return all;
    }

    @Test
    void everyCommandIsListedAndHasHelp() {
        Map<String, CommandLine> all = commands();
        assertEquals(List.of("(top level)", "demo", "monitor", "simulate", "analyze", "report", "compare", "sites", "window", "check-config",
                "preflight", "help"),
                new ArrayList<>(all.keySet()));
        for (String name : all.keySet()) {
            CliTest.Run run = name.startsWith("(") ? new CliTest.Run("--help") : new CliTest.Run(name, "--help");
            assertEquals(0, run.exit, name + ": " + run.err);
            assertTrue(run.out.contains("Usage: omd-prt-monitor" + (name.startsWith("(") ? " " : " " + name + " ")), run.out);
        }
    }

    @Test
    void everyDescriptionIsWholeSentences() {
        List<String> unfinished = new ArrayList<>();
        for (Map.Entry<String, CommandLine> e : commands().entrySet()) {
            CommandSpec spec = e.getValue().getCommandSpec();
            String[] description = spec.usageMessage().description();
            assertTrue(description.length > 0, e.getKey() + " has a description");
            for (String line : description) {
                check(e.getKey() + " description", line, unfinished);
            }
            for (ArgSpec arg : spec.args()) {
                for (String line : arg.description()) {
                    check(e.getKey() + " " + arg.paramLabel() + (arg.isOption() ? " " + ((CommandLine.Model.OptionSpec) arg).longestName()
                            : ""), line, unfinished);
                }
            }
        }
        assertEquals(List.of(), unfinished, "descriptions that are not whole sentences");
    }

    private static void check(String where, String text, List<String> unfinished) {
        String t = text.replace("%n", " ").strip();
        if (!t.endsWith(".") || DOTTED.matcher(t).find() || !Character.isUpperCase(t.codePointAt(0)) && !t.startsWith("-")) {
            unfinished.add(where + ": " + t);
        }
    }

    @Test
    void commandSummariesEndWithTheirSentence() {
        CommandLine top = new CommandLine(new Main());
        for (int width : WIDTHS) {
            top.setUsageHelpWidth(width);
            Map<String, String> summaries = summaries(usage(top));
            assertEquals(top.getSubcommands().keySet(), summaries.keySet(), "width " + width);
            summaries.forEach((command, summary) -> {
                assertTrue(summary.endsWith("."), "width " + width + ": the summary of " + command + " is cut: " + summary);
                assertEquals(summarySource(top.getSubcommands().get(command)), summary, "width " + width + ": the summary of " + command + " is its first sentence");
            });
        }
    }

    /** What picocli lists as a command's summary: its header, or else the first line of its description. */
    private static String summarySource(CommandLine command) {
        CommandSpec spec = command.getCommandSpec();
        String[] header = spec.usageMessage().header();
        return (header.length > 0 ? header[0] : spec.usageMessage().description()[0]).replace("%n", " ").strip();
    }

    @Test
    void wrappingNeverBreaksAWordAtADot() {
        for (int width : WIDTHS) {
            for (Map.Entry<String, CommandLine> e : commands().entrySet()) {
                CommandLine cli = e.getValue();
                cli.setUsageHelpWidth(width);
                assertEquals(List.of(), breaks(usage(cli)), "width " + width + ", " + e.getKey());
            }
        }
    }

    /** Wrapped lines where the line before ends in "x." and the wrapped one goes on in lower case: "e." / "g.", "http." / "window". */
    static List<String> breaks(String usage) {
        List<String> found = new ArrayList<>();
        String[] lines = usage.split("\n");
        for (int i = 1; i < lines.length; i++) {
            String next = lines[i].strip();
            if (lines[i - 1].matches(".*[a-z]\\.\\s*") && !next.isEmpty() && Character.isLowerCase(next.charAt(0))
                    && !ENTRY.matcher(lines[i]).matches()) {
                found.add(lines[i - 1].strip() + " / " + next);
            }
        }
        return found;
    }

    @Test
    void theCheckItselfCatchesWhatItLooksFor() {
        List<String> found = new ArrayList<>();
        check("x", "Open or close a window on a running monitor, through its", found);
        check("x", "Length of a run, e.g. 90s.", found);
        check("x", "The journal folder (the config's journal.dir).", found);
        check("x", "The token is the config's http.window-token.", found);
        check("x", "Where to write the report.json file.", found);
        check("x", "open or close.", found);
        check("x", "Open or close.", found);
        check("x", "--pcap-out also writes a capture.", found);
        assertEquals(5, found.size(), found.toString());
        assertEquals(List.of("token-guarded POST /api/windows. The token is the monitor config's http. / window-token.",
                "--duration=D           Length of a run without a script (default 60s), e. / g. 90s, 5m."), breaks(String.join("\n",
                "Open or close an ad-hoc PRT window (a rehearsal) on a running monitor, through its",
                "token-guarded POST /api/windows. The token is the monitor config's http.",
                "window-token.",
                "      --duration=D           Length of a run without a script (default 60s), e.",
                "                               g. 90s, 5m.",
                "  demo          Run the demo.",
                "  monitor       Run the monitor.",
                "  -h, --help    Show this help message and exit.")));
        assertEquals(Map.of("demo", "Run the demo."),
                summaries("Usage: x\nCommands:\n  demo  Run the\n          demo.\n"));
    }

    private static String usage(CommandLine cli) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        cli.usage(new PrintStream(out, true, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The "Commands:" list of a usage text: each command with its summary, continuation lines joined. */
    static Map<String, String> summaries(String usage) {
        Map<String, String> summaries = new LinkedHashMap<>();
        String current = null;
        boolean inList = false;
        for (String line : usage.split("\n")) {
            if (line.equals("Commands:")) {
                inList = true;
                continue;
            }
            if (!inList || line.isBlank()) {
                continue;
            }
            Matcher entry = Pattern.compile("^  (\\S+)\\s+(.*)$").matcher(line);
            if (entry.matches()) {
                current = entry.group(1);
                summaries.put(current, entry.group(2).strip());
            } else if (current != null && line.startsWith("    ")) {
                summaries.put(current, summaries.get(current) + " " + line.strip());
            }
        }
        return summaries;
    }
}
