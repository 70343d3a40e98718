package io.omdprt.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real tool a test needs (promtool, prometheus, chromium, tcpdump). Absent locally: the test is
 * skipped with a message saying what to install. Absent under CI (CI=true): the test fails, so CI
 * never passes by skipping.
 */
public final class ExternalTool {
    private ExternalTool() {
    }

    public static boolean underCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** @return the tool's path; skips (locally) or fails (CI) when it is not on the PATH */
    public static Path require(String name, String debianPackage) {
        Path found = find(name);
        if (found == null) {
            String message = name + " is not installed (Debian package '" + debianPackage + "'; .ci/run installs it)";
            if (underCi()) {
                fail(message + " and CI=true, so this test may not be skipped");
            }
            Assumptions.abort("SKIPPED: " + message);
        }
        return found;
    }

    public static Path find(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    /** Result of a finished command. */
    public record Result(int exitCode, String output) {
    }

    /** Runs a command with stdin from the given text, output and errors merged, bounded in time. */
    public static Result run(List<String> command, String stdin, long timeoutSeconds) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
        if (stdin != null) {
            p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(command + " did not finish within " + timeoutSeconds + " s");
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
