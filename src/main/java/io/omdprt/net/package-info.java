/**
 * The receiver: multicast sockets with Netty (epoll or NIO), joins on the configured
 * interfaces, datagrams handed to the channel's trackers on its event loop, interface watching and
 * preflight checks; also the loopback sender the simulator uses.
 *
 * <p>May import: config/, event/, model/, protocol/, text/, time/, track/; Netty. Kept by {@code ArchitectureTest}; the picture is in ARCHITECTURE.md.
 */
package io.omdprt.net;
