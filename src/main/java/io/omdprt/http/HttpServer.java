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
import io.netty.handler.timeout.ReadTimeoutHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small HTTP/1.1 server on one event-loop thread, built to survive misuse: bounded request line,
 * headers and body, a deadline per request (slow clients are cut off), a cap on open connections,
 * and every failure answered with a status code rather than an exception.
 */
public final class HttpServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HttpServer.class);
    static final int MAX_LINE = 4096;
    static final int MAX_HEADERS = 8192;
    static final int MAX_BODY = 64 * 1024;
    static final int MAX_CONNECTIONS = 256;
    static final long REQUEST_DEADLINE_MS = 10_000;

    private final MultiThreadIoEventLoopGroup loop;
    private final Channel serverChannel;

    private HttpServer(MultiThreadIoEventLoopGroup loop, Channel serverChannel) {
        this.loop = loop;
        this.serverChannel = serverChannel;
    }

    /** What the server tolerates: how long a request may take to arrive, and how many connections are open. */
    public record Limits(long requestDeadlineMillis, int maxConnections) {
        public static final Limits DEFAULT = new Limits(REQUEST_DEADLINE_MS, MAX_CONNECTIONS);
    }

    public static HttpServer start(String bind, int port, Map<String, Route> routes) throws InterruptedException {
        return start(bind, port, routes, Limits.DEFAULT);
    }

    public static HttpServer start(String bind, int port, Map<String, Route> routes, Limits limits) throws InterruptedException {
        MultiThreadIoEventLoopGroup loop = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("omd-http", true),
                NioIoHandler.newFactory());
        AtomicInteger connections = new AtomicInteger();
        ServerBootstrap b = new ServerBootstrap()
                .group(loop)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 128)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        if (connections.incrementAndGet() > limits.maxConnections()) {
                            connections.decrementAndGet();
                            ch.close();
                            return;
                        }
                        ch.closeFuture().addListener(f -> connections.decrementAndGet());
                        ch.pipeline()
                                .addLast(new ReadTimeoutHandler(limits.requestDeadlineMillis(), TimeUnit.MILLISECONDS))
                                .addLast(new HttpServerCodec(MAX_LINE, MAX_HEADERS, 8192))
                                .addLast(new HttpObjectAggregator(MAX_BODY))
                                .addLast(new Router(routes, limits.requestDeadlineMillis()));
                    }
                });
        ChannelFuture bound = b.bind(new InetSocketAddress(bind, port));
        bound.await();
        if (!bound.isSuccess()) {
            loop.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw new IllegalStateException("cannot listen on " + bind + ":" + port + ": " + bound.cause().getMessage(), bound.cause());
        }
        HttpServer server = new HttpServer(loop, bound.channel());
        LOG.info("HTTP on http://{}:{}/ (metrics at /metrics)", bind, server.port());
        return server;
    }

    public int port() {
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    @Override
    public void close() {
        serverChannel.close().awaitUninterruptibly(1_000);
        loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5_000);
    }

    /** Routes complete requests; answers malformed ones with 400, 414 or 431 and closes. */
    private static final class Router extends SimpleChannelInboundHandler<FullHttpRequest> {
        private final Map<String, Route> routes;
        private final long deadlineMillis;
        private ScheduledFuture<?> deadline;

        Router(Map<String, Route> routes, long deadlineMillis) {
            this.routes = routes;
            this.deadlineMillis = deadlineMillis;
        }

        @Override
        public void channelActive(ChannelHandlerContext ctx) throws Exception {
            armDeadline(ctx);
            super.channelActive(ctx);
        }

        /** A request must arrive whole within the deadline, however slowly its bytes trickle in. */
        private void armDeadline(ChannelHandlerContext ctx) {
            deadline = ctx.executor().schedule(() -> {
                ctx.close();
            }, deadlineMillis, TimeUnit.MILLISECONDS);
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            if (deadline != null) {
                deadline.cancel(false);
            }
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
            boolean keepAlive = HttpUtil.isKeepAlive(request);
            send(ctx, request, response, keepAlive);
            if (keepAlive) {
                armDeadline(ctx);
            }
        }

        private Response route(FullHttpRequest request) throws Exception {
            QueryStringDecoder uri = new QueryStringDecoder(request.uri());
            Route route = routes.get(uri.path());
            if (route == null) {
                return Response.text(404, "not found: " + uri.path() + " (try /, /metrics, /healthz, /api/status)");
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

        private static void send(ChannelHandlerContext ctx, FullHttpRequest request, Response response, boolean keepAlive) {
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
                ctx.writeAndFlush(out);
            } else {
                out.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
                ctx.writeAndFlush(out).addListener(ChannelFutureListener.CLOSE);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            // Timeouts, resets by the peer, oversized input: the connection goes, the server stays.
            ctx.close();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) throws Exception {
            if (deadline != null) {
                deadline.cancel(false);
            }
            super.channelInactive(ctx);
        }
    }
}
