package io.omdprt.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The omd-prt-monitor CLI as a real process, as an operator runs it. The classpath is this build's,
 * or {@code -Dlifecycle.classpath=...} (e.g. an older build's jar, to show a test fails there).
 */
public final class MonitorProcess implements AutoCloseable {
    private static final Pattern STATUS_PAGE = Pattern.compile("status page http://[0-9.]+:(\\d+)/");

    private final Process process;
    private final Path log;

    private MonitorProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    public static String classpath() {
        return System.getProperty("lifecycle.classpath", System.getProperty("java.class.path"));
    }

    private static List<String> command(String... args) {
        return command(List.of(), args);
    }

    /** The CLI's command line behind {@code prefix} (e.g. {@code ip netns exec NS}). */
    static List<String> command(List<String> prefix, String... args) {
        List<String> cmd = new ArrayList<>(prefix);
        cmd.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED", "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-cp", classpath(), "io.omdprt.cli.Main"));
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** Starts a command; its output (both streams) goes to the log file. */
    public static MonitorProcess start(Path log, String... args) throws IOException {
        return startIn(List.of(), log, args);
    }

    /** As {@link #start}, behind {@code prefix} (e.g. {@code ip netns exec NS}: the process is still the JVM, exec'd). */
    public static MonitorProcess startIn(List<String> prefix, Path log, String... args) throws IOException {
        Process p = new ProcessBuilder(command(prefix, args)).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        return new MonitorProcess(p, log);
    }

    /** Runs a command to its end: exit code and output. */
    public static Result run(Duration timeout, String... args) throws Exception {
        return runIn(List.of(), timeout, args);
    }

    /** As {@link #run}, behind {@code prefix}. */
    public static Result runIn(List<String> prefix, Duration timeout, String... args) throws Exception {
        Path out = Files.createTempFile("omd-cli-", ".log");
        try {
            Process p = new ProcessBuilder(command(prefix, args)).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("did not end within " + timeout + ": " + String.join(" ", args) + "\n" + Files.readString(out));
            }
            return new Result(p.exitValue(), Files.readString(out));
        } finally {
            Files.deleteIfExists(out);
        }
    }

    public record Result(int exit, String output) {
    }

    /** Waits until the monitor serves its status page; returns its HTTP port. */
    public int awaitServing(Duration timeout) throws Exception {
        int[] port = new int[1];
        Eventually.await(timeout, () -> {
            if (!process.isAlive()) {
                return null;
            }
            Matcher m = STATUS_PAGE.matcher(log());
            if (m.find()) {
                port[0] = Integer.parseInt(m.group(1));
                return null;
            }
            return "monitor not serving yet: " + log();
        });
        if (!process.isAlive()) {
            throw new AssertionError("monitor exited " + process.exitValue() + ": " + log());
        }
        return port[0];
    }

    public long pid() {
        return process.pid();
    }

    public String log() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    public Process process() {
        return process;
    }

    /** kill -9. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** SIGTERM, and wait for the clean stop (partial reports are written on the way). */
    public int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("no clean stop within 30 s");
        }
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
