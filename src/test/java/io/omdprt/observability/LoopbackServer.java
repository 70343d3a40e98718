package io.omdprt.observability;

import io.omdprt.testing.Eventually;
import io.omdprt.testing.Http;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * A Prometheus or Alertmanager binary run by a test on a free loopback port, its output in a log file
 * of the test's folder. Both answer {@code /-/ready} once they serve their API.
 *
 * @param name    the program, for messages and the log file's name
 * @param process the running program
 * @param port    its HTTP port on 127.0.0.1
 * @param log     its standard output and errors
 */
record LoopbackServer(String name, Process process, int port, Path log) implements AutoCloseable {
    private static final Duration WAIT = Duration.ofSeconds(20);

    /** Starts {@code command.apply(port)} on a free port and waits until it is ready. */
    static LoopbackServer start(String name, Path dir, IntFunction<List<String>> command) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Path log = dir.resolve(name + ".log");
        Process p = new ProcessBuilder(command.apply(port)).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        LoopbackServer server = new LoopbackServer(name, p, port, log);
        try {
            Eventually.await(WAIT, Duration.ofMillis(100), () -> {
                server.assertAlive();
                try {
                    return Http.get(port, "/-/ready").statusCode() == 200 ? null : "not ready";
                } catch (IOException e) {
                    return "not listening yet: " + e;
                }
            });
        } catch (Exception | AssertionError e) {
            server.close();
            throw e;
        }
        return server;
    }

    /** Fails with the program's output if it has exited. */
    void assertAlive() throws IOException {
        if (!process.isAlive()) {
            throw new AssertionError(name + " exited with " + process.exitValue() + ":\n" + Files.readString(log));
        }
    }

    /** Stops the program: SIGTERM, then SIGKILL after 10 s. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
