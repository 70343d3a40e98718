import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.IoEvent;
import io.netty.channel.IoEventLoop;
import io.netty.channel.IoRegistration;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandle;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollIoOps;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.SocketProtocolFamily;
import io.netty.channel.unix.FileDescriptor;
import io.netty.channel.unix.Socket;
import io.netty.channel.uring.IoUringDatagramChannel;
import io.netty.channel.uring.IoUringIoHandler;
import io.netty.util.internal.PlatformDependent;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;

/**
 * One receive path of the ones issue 20 compared, alone, with the C reference's work per datagram (read
 * SeqNum and MsgCount, compare with the line's next expected): what the path itself costs, without the
 * monitor's tracker. Joins omd-blast's scheme on 127.0.0.1 (channel c: line A on GROUP_A + c, line B on
 * GROUP_B + c, both on PORT + c) and prints "ready"; on SIGUSR1 and at exit "totals datagrams=D gaps=G".
 *
 * Paths: netty-epoll (EpollDatagramChannel per group, recvmmsg of 32: the monitor before issue 20),
 * netty-epoll-shared (one EpollDatagramChannel per port joined to both groups, IP_RECVORIGDSTADDR, the
 * line found by DatagramPacket.recipient()), netty-uring (IoUringDatagramChannel per group), epoll-recv
 * (a socket per group read by an EpollIoHandle with recv(2): the monitor's path since issue 20).
 *
 * Run: java -cp target/omd-prt-monitor.jar bench/readpaths/ReadPaths.java PATH GROUP_A GROUP_B PORT CHANNELS
 */
public class ReadPaths {
    private static final int MAX_DATAGRAM = 2048;
    private static final int IP_MULTICAST_ALL = 49;
    private static final int IP_ADD_MEMBERSHIP = 35;
    private static long datagrams;
    private static long gaps;

    /** The C reference's work per datagram. */
    static final class Line {
        private long expected;

        void onDatagram(long seq, int count, int length) {
            datagrams++;
            if (length >= 16) {
                if (expected != 0 && seq > expected) {
                    gaps++;
                }
                expected = seq + count;
            }
        }

        void on(ByteBuf b) {
            int at = b.readerIndex();
            onDatagram(b.readableBytes() >= 16 ? b.getUnsignedIntLE(at + 4) : 0, b.readableBytes() >= 16 ? b.getUnsignedByte(at + 2) : 0,
                    b.readableBytes());
        }

        void on(long address, int length) {
            onDatagram(PlatformDependent.getInt(address + 4) & 0xFFFFFFFFL, PlatformDependent.getByte(address + 2) & 0xFF, length);
        }
    }

    public static void main(String[] args) throws Exception {
        String path = args[0];
        int port = Integer.parseInt(args[3]);
        int channels = Integer.parseInt(args[4]);
        NetworkInterface lo = NetworkInterface.getByName("lo");
        boolean uring = path.equals("netty-uring");
        MultiThreadIoEventLoopGroup group = new MultiThreadIoEventLoopGroup(1, uring ? IoUringIoHandler.newFactory() : EpollIoHandler.newFactory());
        IoEventLoop loop = (IoEventLoop) group.next();
        for (int c = 0; c < channels; c++) {
            InetAddress a = plus(args[1], c);
            InetAddress b = plus(args[2], c);
            Line lineA = new Line();
            Line lineB = new Line();
            switch (path) {
                case "netty-epoll", "netty-uring" -> {
                    nettyChannel(loop, uring, a, port + c, lo, p -> lineA);
                    nettyChannel(loop, uring, b, port + c, lo, p -> lineB);
                }
                case "netty-epoll-shared" -> {
                    Map<InetAddress, Line> byGroup = Map.of(a, lineA, b, lineB);
                    DatagramChannel ch = nettyChannel(loop, false, null, port + c, lo, p -> byGroup.get(p.recipient().getAddress()));
                    ch.joinGroup(new InetSocketAddress(a, port + c), lo).sync();
                    ch.joinGroup(new InetSocketAddress(b, port + c), lo).sync();
                }
                case "epoll-recv" -> {
                    RecvReader.open(loop, a, port + c, lo, lineA);
                    RecvReader.open(loop, b, port + c, lo, lineB);
                }
                default -> throw new IllegalArgumentException("no path " + path);
            }
        }
        System.out.println("ready " + path + " sockets=" + (path.equals("netty-epoll-shared") ? channels : 2 * channels));
        Runtime.getRuntime().addShutdownHook(new Thread(ReadPaths::totals));
        sun.misc.Signal.handle(new sun.misc.Signal("USR1"), s -> loop.execute(ReadPaths::totals));
        Thread.sleep(Long.MAX_VALUE);
    }

    private static void totals() {
        System.out.println("totals datagrams=" + datagrams + " gaps=" + gaps);
    }

    /** A Netty datagram channel bound to the group (or the wildcard when null) and joined to it, as the monitor did. */
    private static DatagramChannel nettyChannel(IoEventLoop loop, boolean uring, InetAddress groupOrNull, int port, NetworkInterface lo,
                                                java.util.function.Function<DatagramPacket, Line> lineOf) throws Exception {
        Bootstrap b = new Bootstrap().group(loop)
                .channelFactory(() -> uring ? new IoUringDatagramChannel(SocketProtocolFamily.INET) : new EpollDatagramChannel(SocketProtocolFamily.INET))
                .option(ChannelOption.SO_REUSEADDR, true)
                .option(ChannelOption.SO_RCVBUF, 8 << 20)
                .handler(new ChannelInboundHandlerAdapter() {
                    @Override
                    public void channelRead(ChannelHandlerContext ctx, Object msg) {
                        DatagramPacket p = (DatagramPacket) msg;
                        Line line = lineOf.apply(p);
                        if (line != null) {
                            line.on(p.content());
                        }
                        p.release();
                    }
                });
        if (uring) {
            b.option(ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(MAX_DATAGRAM));
        } else {
            b.option(EpollChannelOption.MAX_DATAGRAM_PAYLOAD_SIZE, MAX_DATAGRAM).option(EpollChannelOption.IP_MULTICAST_ALL, false)
                    .option(ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(MAX_DATAGRAM * 32));
            if (groupOrNull == null) {
                b.option(EpollChannelOption.IP_RECVORIGDSTADDR, true);
            }
        }
        DatagramChannel ch = (DatagramChannel) b.bind(groupOrNull == null ? new InetSocketAddress(port) : new InetSocketAddress(groupOrNull, port))
                .sync().channel();
        if (groupOrNull != null) {
            ch.joinGroup(new InetSocketAddress(groupOrNull, port), lo).sync();
        }
        return ch;
    }

    /** A socket bound to its group, IP_MULTICAST_ALL off, read level-triggered with recv(2) until EAGAIN. */
    static final class RecvReader extends Socket implements EpollIoHandle {
        private static final long BUFFER = PlatformDependent.allocateMemory(MAX_DATAGRAM); // one loop thread
        private final Line line;

        private RecvReader(int fd, Line line) {
            super(fd);
            this.line = line;
        }

        static void open(IoEventLoop loop, InetAddress group, int port, NetworkInterface ni, Line line) throws Exception {
            RecvReader s = new RecvReader(newSocketDgram0(SocketProtocolFamily.INET), line);
            s.setReuseAddress(true);
            s.setReceiveBufferSize(8 << 20);
            s.setIntOpt(0, IP_MULTICAST_ALL, 0);
            s.bind(new InetSocketAddress(group, port));
            ByteBuffer mreqn = ByteBuffer.allocateDirect(12).order(ByteOrder.nativeOrder());
            mreqn.put(group.getAddress()).putInt(0).putInt(ni.getIndex()).flip();
            s.setRawOpt(0, IP_ADD_MEMBERSHIP, mreqn);
            loop.register(s).sync().getNow().submit(EpollIoOps.EPOLLIN);
        }

        @Override
        public FileDescriptor fd() {
            return this;
        }

        @Override
        public void handle(IoRegistration registration, IoEvent event) {
            try {
                for (int i = 0; i < 64; i++) {
                    int n = recvAddress(BUFFER, 0, MAX_DATAGRAM);
                    if (n == 0) {
                        return;
                    }
                    line.on(BUFFER, Math.max(n, 0));
                }
            } catch (java.io.IOException e) {
                e.printStackTrace();
            }
        }
    }

    private static InetAddress plus(String first, int c) throws Exception {
        byte[] b = InetAddress.getByName(first).getAddress();
        int v = ((b[0] & 0xFF) << 24 | (b[1] & 0xFF) << 16 | (b[2] & 0xFF) << 8 | (b[3] & 0xFF)) + c;
        return InetAddress.getByAddress(new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v});
    }
}
