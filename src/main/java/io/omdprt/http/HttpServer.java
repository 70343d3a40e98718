package io.omdprt.http;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.omdprt.config.Cidr;
import io.omdprt.config.HttpConfig;
import io.omdprt.config.MetricsAuth;
import io.omdprt.time.MonitorClock;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small HTTP/1.1 server on one event-loop thread, built to survive misuse: bounded request line,
 * headers and body, a deadline per request (slow clients are cut off), caps on open connections in all
 * and per client address that make room for new connections rather than refuse them, an optional
 * allow-list of client networks (see {@link Admission}), and every failure answered with a status code
 * rather than an exception.
 */
public final class HttpServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HttpServer.class);
    static final int MAX_LINE = 4096;
    static final int MAX_HEADERS = 8192;
    static final int MAX_BODY = 64 * 1024;
    /** Pending accepts the kernel queues for us; a burst of connections waits here rather than being dropped. */
    static final int BACKLOG = 1024;
    static final String METRICS = "/metrics";

    private final MultiThreadIoEventLoopGroup loop;
    private final Channel serverChannel;
    private final Admission admission;

    private HttpServer(MultiThreadIoEventLoopGroup loop, Channel serverChannel, Admission admission) {
        this.loop = loop;
        this.serverChannel = serverChannel;
        this.admission = admission;
    }

    /**
     * Who may connect and what the server tolerates (see {@link HttpConfig} for each).
     *
     * @param allow       client networks that may connect; empty: every address
     * @param metricsAuth the basic-auth user and password /metrics requires; null: none
     */
    public record Limits(Duration requestTimeout, int maxConnections, int maxConnectionsPerAddress, List<Cidr> allow,
            MetricsAuth metricsAuth) {
        public static final Limits DEFAULT = of(new HttpConfig("127.0.0.1", 0, null));

        public Limits {
            allow = List.copyOf(allow);
        }

        public Limits(Duration requestTimeout, int maxConnections, int maxConnectionsPerAddress, List<Cidr> allow) {
            this(requestTimeout, maxConnections, maxConnectionsPerAddress, allow, null);
        }

        public static Limits of(HttpConfig config) {
            return new Limits(config.requestTimeout(), config.maxConnections(), config.maxConnectionsPerAddress(), config.allow(),
                    config.metricsAuth());
        }
    }

    public static HttpServer start(String bind, int port, Map<String, Route> routes, MonitorClock clock) throws InterruptedException {
        return start(bind, port, routes, Limits.DEFAULT, clock);
    }

    /** Listens where the config says, with its limits and allow-list. */
    public static HttpServer start(HttpConfig config, Map<String, Route> routes, MonitorClock clock) throws InterruptedException {
        return start(config.bind(), config.port(), routes, Limits.of(config), clock);
    }

    /** @param clock times each connection's request deadline */
    public static HttpServer start(String bind, int port, Map<String, Route> routes, Limits limits, MonitorClock clock)
            throws InterruptedException {
        MultiThreadIoEventLoopGroup loop = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("omd-http", true),
                NioIoHandler.newFactory());
        // One thread accepts and serves; the admission state is only ever touched from it.
        Admission admission = new Admission(limits, loop.next(), clock);
        ServerBootstrap b = new ServerBootstrap()
                .group(loop)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, BACKLOG)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        if (!admission.admit(ch)) {
                            return;
                        }
                        ch.pipeline()
                                .addLast(new HttpServerCodec(MAX_LINE, MAX_HEADERS, 8192))
                                .addLast(new HttpObjectAggregator(MAX_BODY))
                                .addLast(new Router(routes, admission, limits.metricsAuth()));
                    }
                });
        ChannelFuture bound = b.bind(new InetSocketAddress(bind, port));
        bound.await();
        if (!bound.isSuccess()) {
            loop.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw new IllegalStateException("cannot listen on " + bind + ":" + port + ": " + bound.cause().getMessage(), bound.cause());
        }
        HttpServer server = new HttpServer(loop, bound.channel(), admission);
        LOG.info("HTTP on http://{}:{}/ (metrics at /metrics){}", bind, server.port(),
                limits.allow().isEmpty() ? "" : "; clients from " + limits.allow() + " only");
        return server;
    }

    public int port() {
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    /** Open connections and what was done to keep the server available, for tests. */
    Admission.Counts counts() throws Exception {
        return loop.next().submit(admission::counts).get(5, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        serverChannel.close().awaitUninterruptibly(1_000);
        loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5_000);
    }

    /** Routes complete requests; answers malformed ones with 400, 414 or 431 and closes. */
    private static final class Router extends SimpleChannelInboundHandler<FullHttpRequest> {
        private final Map<String, Route> routes;
        private final Admission admission;
        private final BasicAuth metricsAuth;

        Router(Map<String, Route> routes, Admission admission, MetricsAuth metricsAuth) {
            this.routes = routes;
            this.admission = admission;
            this.metricsAuth = metricsAuth == null ? null : new BasicAuth(metricsAuth);
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            admission.answering(ctx.channel());
            if (request.decoderResult().isFailure()) {
                Throwable cause = request.decoderResult().cause();
                int status = cause instanceof TooLongHttpLineException ? 414
                        : cause instanceof TooLongHttpHeaderException ? 431
                        : cause instanceof TooLongFrameException ? 413 : 400;
                send(ctx, request, Response.text(status, HttpResponseStatus.valueOf(status).reasonPhrase()), false);
                return;
            }
            Response response;
            try {
                response = route(request);
            } catch (Exception | Error e) {
                LOG.warn("{} {} failed: {}", request.method(), request.uri(), e.toString());
                response = Response.text(500, "internal error");
            }
            send(ctx, request, response, HttpUtil.isKeepAlive(request));
        }

        private Response route(FullHttpRequest request) throws Exception {
            QueryStringDecoder uri = new QueryStringDecoder(request.uri());
            Route route = routes.get(uri.path());
            if (route == null) {
                return Response.text(404, "not found: " + uri.path() + " (try /, /metrics, /healthz, /api/status)");
            }
            if (metricsAuth != null && METRICS.equals(uri.path())
                    && !metricsAuth.permits(request.headers().get(HttpHeaderNames.AUTHORIZATION))) {
                return Response.text(401, "/metrics needs basic auth (http.metrics-auth)")
                        .withHeader("WWW-Authenticate", "Basic realm=\"omd-prt-monitor\", charset=\"UTF-8\"");
            }
            String method = request.method().name();
            if (!route.methods().contains(method)) {
                return Response.text(405, "method not allowed: " + method)
                        .withHeader("Allow", String.join(", ", new TreeSet<>(route.methods())));
            }
            Map<String, String> query = new HashMap<>();
            for (Map.Entry<String, List<String>> e : uri.parameters().entrySet()) {
                query.put(e.getKey(), e.getValue().get(0));
            }
            Map<String, String> headers = new HashMap<>();
            request.headers().forEach(h -> headers.put(h.getKey().toLowerCase(Locale.ROOT), h.getValue()));
            byte[] body = new byte[request.content().readableBytes()];
            request.content().getBytes(request.content().readerIndex(), body);
            return route.handle(method, query, headers, body);
        }

        private void send(ChannelHandlerContext ctx, FullHttpRequest request, Response response, boolean keepAlive) {
            boolean head = HttpMethod.HEAD.equals(request.method());
            ByteBuf content = head ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(response.body());
            FullHttpResponse out = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                    HttpResponseStatus.valueOf(response.status()), content);
            out.headers().set(HttpHeaderNames.CONTENT_TYPE, response.contentType());
            out.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, response.body().length);
            out.headers().set(HttpHeaderNames.CACHE_CONTROL, "no-store");
            if (response.extraHeaderName() != null) {
                out.headers().set(response.extraHeaderName(), response.extraHeaderValue());
            }
            if (keepAlive) {
                out.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
                ctx.writeAndFlush(out).addListener(f -> {
                    if (f.isSuccess()) {
                        admission.waiting(ctx.channel());
                    }
                });
            } else {
                out.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
                ctx.writeAndFlush(out).addListener(ChannelFutureListener.CLOSE);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            // Resets by the peer, oversized input: the connection goes, the server stays.
            ctx.close();
        }
    }
}
