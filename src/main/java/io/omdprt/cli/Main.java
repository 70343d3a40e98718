package io.omdprt.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The one executable: {@code java -jar omd-prt-monitor.jar [command]}. Exit codes: 0 ok, 1 failure,
 * 2 bad usage or bad config.
 */
@Command(name = "omd-prt-monitor",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Watches HKEX OMD-C / OMD-CC multicast feeds during Post Release Tests and reports data loss.",
        subcommands = {MonitorCommand.class, CheckConfigCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int BAD_USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code (tests call this instead of main). */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExitCodeExceptionMapper(e -> e instanceof CommandLine.ParameterException ? BAD_USAGE : FAILURE);
        return cli.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"omd-prt-monitor " + io.omdprt.metrics.Metrics.VERSION};
        }
    }
}
