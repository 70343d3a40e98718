package io.omdprt.cli;

import io.omdprt.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The one executable: {@code java -jar omd-prt-monitor.jar [command]}. Exit codes: 0 ok, 1 failure,
 * 2 bad usage or bad config.
 */
@Command(name = "omd-prt-monitor",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = {"Watches HKEX OMD-C / OMD-CC multicast feeds during Post Release Tests and reports data loss.",
            "With no command it runs the demo, and options without a command are the demo's: omd-prt-monitor --duration 30s."},
        subcommands = {DemoCommand.class, MonitorCommand.class, SimulateCommand.class, AnalyzeCommand.class, ReportCommand.class,
            CompareCommand.class, SitesCommand.class,
            WindowCommand.class, CheckConfigCommand.class, PreflightCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int BAD_USAGE = 2;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code (tests call this instead of main). No arguments: the demo. */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        if (startsTheDemo(args)) {
            // No command: the demo, with whatever options were given (the README's "omd-prt-monitor --duration 30s").
            String[] demo = new String[args.length + 1];
            demo[0] = "demo";
            System.arraycopy(args, 0, demo, 1, args.length);
            args = demo;
        }
        cli.setExitCodeExceptionMapper(e -> e instanceof CommandLine.ParameterException ? BAD_USAGE : FAILURE);
        cli.setExecutionExceptionHandler((e, command, parsed) -> {
            if (e instanceof ConfigException) {
                // Bad input of any command: one line naming the file (or option), the key and the expectation.
                ConfigException c = (ConfigException) e;
                System.err.println((c.file().startsWith("-") ? "invalid option: " : "invalid config: ") + c.getMessage());
                return BAD_USAGE;
            }
            throw e;
        });
        return cli.execute(args);
    }

    /** No arguments, or options that are not the top level's own (help, version) before any command. */
    static boolean startsTheDemo(String... args) {
        if (args.length == 0) {
            return true;
        }
        String first = args[0];
        return first.startsWith("-") && !first.matches("-[hV]+|--help|--version");
    }

    @Override
    public void run() {
        // Only reached with options and no command (e.g. --verbose typos are rejected before): show usage.
        new CommandLine(this).usage(System.out);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"omd-prt-monitor " + io.omdprt.metrics.Metrics.VERSION};
        }
    }
}
