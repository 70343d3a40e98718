/*
 * omd-recv: the C reference receiver for the loopback benchmark. Joins the groups of lines A and B of
 * each channel on 127.0.0.1 exactly as the monitor does (one socket per group, bound to the group
 * address, IP_MULTICAST_ALL off, SO_REUSEADDR, the same SO_RCVBUF), waits with epoll and drains each
 * ready socket with recvmmsg(2). Per datagram it does the least a gap detector must: read SeqNum and
 * MsgCount and compare with the next expected sequence number of that line.
 *
 * Usage: omd-recv --a GROUP --b GROUP --port PORT [--channels C] [--rcvbuf BYTES] [--batch K]
 *   (groups and ports as omd-blast: channel c uses GROUP + c and PORT + c)
 * Prints "ready" once every group is joined; on SIGUSR1 prints the running totals, on SIGINT/SIGTERM
 * prints them and exits:
 *   totals datagrams=D bytes=B gaps=G missing=M
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <getopt.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#ifndef IP_MULTICAST_ALL
#define IP_MULTICAST_ALL 49
#endif

#define MAX_BATCH 256
#define MAX_DATAGRAM 2048
#define MAX_SOCKETS 2048

struct line { int fd; uint64_t expected; };

static volatile sig_atomic_t report_requested, stop_requested;

static void on_usr1(int s) { (void) s; report_requested = 1; }
static void on_stop(int s) { (void) s; stop_requested = 1; }

static int group_address(const char *first, int offset, struct in_addr *out) {
    if (inet_pton(AF_INET, first, out) != 1) {
        return -1;
    }
    uint32_t a = ntohl(out->s_addr) + (uint32_t) offset;
    if ((a >> 28) != 0xE) {
        return -1;
    }
    out->s_addr = htonl(a);
    return 0;
}

static int open_line(struct in_addr group, int port, int rcvbuf) {
    int fd = socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK, 0);
    int one = 1, zero = 0;
    struct sockaddr_in local = {.sin_family = AF_INET, .sin_port = htons((uint16_t) port), .sin_addr = group};
    struct ip_mreq join = {.imr_multiaddr = group, .imr_interface = {htonl(INADDR_LOOPBACK)}};
    if (fd < 0 || setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) != 0
            || setsockopt(fd, IPPROTO_IP, IP_MULTICAST_ALL, &zero, sizeof zero) != 0
            || setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &rcvbuf, sizeof rcvbuf) != 0
            || bind(fd, (struct sockaddr *) &local, sizeof local) != 0
            || setsockopt(fd, IPPROTO_IP, IP_ADD_MEMBERSHIP, &join, sizeof join) != 0) {
        perror("omd-recv: open line");
        exit(1);
    }
    return fd;
}

int main(int argc, char **argv) {
    const char *a = NULL, *b = NULL;
    int port = 0, channels = 1, rcvbuf = 4 << 20, batch = 32;
    static struct option options[] = {
        {"a", required_argument, 0, 'a'}, {"b", required_argument, 0, 'b'}, {"port", required_argument, 0, 'p'},
        {"channels", required_argument, 0, 'c'}, {"rcvbuf", required_argument, 0, 'r'},
        {"batch", required_argument, 0, 'k'}, {0, 0, 0, 0}};
    for (int o; (o = getopt_long(argc, argv, "", options, NULL)) != -1;) {
        switch (o) {
            case 'a': a = optarg; break;
            case 'b': b = optarg; break;
            case 'p': port = atoi(optarg); break;
            case 'c': channels = atoi(optarg); break;
            case 'r': rcvbuf = atoi(optarg); break;
            case 'k': batch = atoi(optarg); break;
            default: return 2;
        }
    }
    if (!a || !b || port <= 0 || port + channels > 65536 || channels < 1 || 2 * channels > MAX_SOCKETS || batch < 1
            || batch > MAX_BATCH) {
        fprintf(stderr, "usage: omd-recv --a GROUP --b GROUP --port PORT [--channels C] [--rcvbuf BYTES] [--batch 1..256]\n");
        return 2;
    }
    static struct line lines[MAX_SOCKETS];
    int ep = epoll_create1(0);
    for (int c = 0; c < channels; c++) {
        for (int l = 0; l < 2; l++) {
            struct in_addr group;
            if (group_address(l == 0 ? a : b, c, &group) != 0) {
                fprintf(stderr, "omd-recv: %s + %d is not a multicast address\n", l == 0 ? a : b, c);
                return 2;
            }
            int i = 2 * c + l;
            lines[i].fd = open_line(group, port + c, rcvbuf);
            struct epoll_event ev = {.events = EPOLLIN, .data.u32 = (uint32_t) i};
            epoll_ctl(ep, EPOLL_CTL_ADD, lines[i].fd, &ev);
        }
    }
    struct sigaction usr1 = {.sa_handler = on_usr1}, stop = {.sa_handler = on_stop};
    sigaction(SIGUSR1, &usr1, NULL);
    sigaction(SIGINT, &stop, NULL);
    sigaction(SIGTERM, &stop, NULL);
    printf("ready sockets=%d\n", 2 * channels);
    fflush(stdout);

    static uint8_t buffers[MAX_BATCH][MAX_DATAGRAM];
    static struct iovec iov[MAX_BATCH];
    static struct mmsghdr msgs[MAX_BATCH];
    for (int i = 0; i < batch; i++) {
        iov[i] = (struct iovec) {.iov_base = buffers[i], .iov_len = MAX_DATAGRAM};
        msgs[i].msg_hdr = (struct msghdr) {.msg_iov = &iov[i], .msg_iovlen = 1};
    }
    uint64_t datagrams = 0, bytes = 0, gaps = 0, missing = 0;
    struct epoll_event events[64];
    while (!stop_requested) {
        if (report_requested) {
            report_requested = 0;
            printf("totals datagrams=%llu bytes=%llu gaps=%llu missing=%llu\n", (unsigned long long) datagrams,
                   (unsigned long long) bytes, (unsigned long long) gaps, (unsigned long long) missing);
            fflush(stdout);
        }
        int ready = epoll_wait(ep, events, 64, 100);
        for (int e = 0; e < ready; e++) {
            struct line *line = &lines[events[e].data.u32];
            int n;
            while ((n = recvmmsg(line->fd, msgs, (unsigned) batch, MSG_DONTWAIT, NULL)) > 0) {
                for (int i = 0; i < n; i++) {
                    unsigned len = msgs[i].msg_len;
                    bytes += len;
                    if (len < 16) {
                        continue;
                    }
                    const uint8_t *p = buffers[i];
                    uint64_t seq = (uint64_t) p[4] | (uint64_t) p[5] << 8 | (uint64_t) p[6] << 16 | (uint64_t) p[7] << 24;
                    unsigned count = p[2];
                    if (line->expected != 0 && seq > line->expected) {
                        gaps++;
                        missing += seq - line->expected;
                    }
                    line->expected = seq + count; /* a step back is the sender's next run (it starts with a reset) */
                }
                datagrams += (uint64_t) n;
            }
            if (n < 0 && errno != EAGAIN && errno != EINTR) {
                perror("omd-recv: recvmmsg");
                return 1;
            }
        }
    }
    printf("totals datagrams=%llu bytes=%llu gaps=%llu missing=%llu\n", (unsigned long long) datagrams,
           (unsigned long long) bytes, (unsigned long long) gaps, (unsigned long long) missing);
    return 0;
}
