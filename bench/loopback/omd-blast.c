/*
 * omd-blast: sends valid OMD-C packets to multicast groups on LOOPBACK ONLY, as fast as asked.
 *
 * Each packet: a 16-byte header (PktSize, MsgCount, SeqNum, SendTime) and whole messages of types and
 * sizes from the OMD-C tables (add/modify/delete order, trade, aggregate order book, statistics, index
 * data), so a correct monitor counts no malformed packet, no unknown type and no size mismatch. Packet
 * sizes are uniform in [--min, --max] bytes (to within one message). Every packet is sent on line A and
 * on line B of its channel, with the same sequence number; channels are served round robin, each with its
 * own sequence: a Sequence Reset to 1 first, then data from 1. Datagrams go out in batches with sendmmsg(2).
 *
 * Safety: the socket is bound to 127.0.0.1, IP_MULTICAST_IF is 127.0.0.1 and the TTL is 0; groups must be
 * multicast addresses. Nothing leaves this host.
 *
 * Usage: omd-blast --a GROUP --b GROUP --port PORT [--channels C] [--packets N] [--rate PPS]
 *                  [--min BYTES] [--max BYTES] [--batch K] [--seed S]
 *   --a/--b      first group of line A/B; channel c uses the address c above it
 *   --port       UDP port of channel 0; channel c uses PORT + c
 *   --packets    packets per line, all channels together (default 1000000)
 *   --rate       packets per second per line, all channels together; 0 = as fast as possible (default)
 * Prints one line: data packets per line, datagrams (resets included), bytes, seconds, achieved rate.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <getopt.h>
#include <netinet/in.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define TEMPLATES 4096
#define MAX_PACKET 1472
#define MAX_BATCH 512
#define MAX_CHANNELS 1024

struct message_kind { uint16_t type; uint16_t size; };

/* Sizes that fit the OMD-C table exactly (53 is 12 + 24 n). */
static const struct message_kind KINDS[] = {
    {30, 32}, {31, 28}, {32, 20}, {50, 32}, {53, 60}, {53, 252}, {40, 12}, {60, 52}, {71, 112}, {62, 16},
};

struct template { uint8_t bytes[MAX_PACKET]; uint16_t length; uint8_t count; };

static struct template templates[TEMPLATES];

static uint64_t now_ns(clockid_t clock) {
    struct timespec ts;
    clock_gettime(clock, &ts);
    return (uint64_t) ts.tv_sec * 1000000000ull + (uint64_t) ts.tv_nsec;
}

static void put16(uint8_t *p, uint16_t v) { p[0] = v; p[1] = v >> 8; }
static void put32(uint8_t *p, uint32_t v) { for (int i = 0; i < 4; i++) p[i] = v >> (8 * i); }
static void put64(uint8_t *p, uint64_t v) { for (int i = 0; i < 8; i++) p[i] = v >> (8 * i); }

static void build_templates(int min, int max, unsigned seed) {
    srandom(seed);
    size_t kinds = sizeof KINDS / sizeof KINDS[0];
    for (int t = 0; t < TEMPLATES; t++) {
        int target = min + (int) (random() % (max - min + 1));
        struct template *tp = &templates[t];
        memset(tp->bytes, 0, sizeof tp->bytes);
        int length = 16, count = 0;
        for (int tries = 0; tries < 64 && count < 255; tries++) {
            const struct message_kind *k = &KINDS[random() % kinds];
            if (length + k->size > target) {
                continue;
            }
            put16(tp->bytes + length, k->size);
            put16(tp->bytes + length + 2, k->type);
            length += k->size;
            count++;
        }
        if (count == 0) { /* target below the smallest message: one 12-byte message */
            put16(tp->bytes + 16, 12);
            put16(tp->bytes + 18, 40);
            length = 28;
            count = 1;
        }
        put16(tp->bytes, (uint16_t) length);
        tp->bytes[2] = (uint8_t) count;
        tp->length = (uint16_t) length;
        tp->count = (uint8_t) count;
    }
}

static int group_address(const char *first, int offset, struct in_addr *out) {
    if (inet_pton(AF_INET, first, out) != 1) {
        return -1;
    }
    uint32_t a = ntohl(out->s_addr) + (uint32_t) offset;
    if ((a >> 28) != 0xE) {
        return -1; /* not 224.0.0.0/4 */
    }
    out->s_addr = htonl(a);
    return 0;
}

int main(int argc, char **argv) {
    const char *a = NULL, *b = NULL;
    int port = 0, channels = 1, min = 100, max = 1400, batch = 64;
    long long packets = 1000000;
    double rate = 0;
    unsigned seed = 42;
    static struct option options[] = {
        {"a", required_argument, 0, 'a'}, {"b", required_argument, 0, 'b'}, {"port", required_argument, 0, 'p'},
        {"channels", required_argument, 0, 'c'}, {"packets", required_argument, 0, 'n'},
        {"rate", required_argument, 0, 'r'}, {"min", required_argument, 0, 'm'}, {"max", required_argument, 0, 'M'},
        {"batch", required_argument, 0, 'k'}, {"seed", required_argument, 0, 's'}, {0, 0, 0, 0}};
    for (int o; (o = getopt_long(argc, argv, "", options, NULL)) != -1;) {
        switch (o) {
            case 'a': a = optarg; break;
            case 'b': b = optarg; break;
            case 'p': port = atoi(optarg); break;
            case 'c': channels = atoi(optarg); break;
            case 'n': packets = atoll(optarg); break;
            case 'r': rate = atof(optarg); break;
            case 'm': min = atoi(optarg); break;
            case 'M': max = atoi(optarg); break;
            case 'k': batch = atoi(optarg); break;
            case 's': seed = (unsigned) atoi(optarg); break;
            default: return 2;
        }
    }
    if (!a || !b || port <= 0 || port + channels > 65536 || channels < 1 || channels > MAX_CHANNELS || min < 28
            || max > MAX_PACKET || min > max || batch < 1 || batch > MAX_BATCH || packets < 1) {
        fprintf(stderr, "usage: omd-blast --a GROUP --b GROUP --port PORT [--channels C] [--packets N] [--rate PPS]"
                        " [--min 28..1472] [--max ..1472] [--batch 1..512] [--seed S]\n");
        return 2;
    }
    static struct sockaddr_in dest[MAX_CHANNELS][2];
    for (int c = 0; c < channels; c++) {
        for (int line = 0; line < 2; line++) {
            struct sockaddr_in *d = &dest[c][line];
            d->sin_family = AF_INET;
            d->sin_port = htons((uint16_t) (port + c));
            if (group_address(line == 0 ? a : b, c, &d->sin_addr) != 0) {
                fprintf(stderr, "omd-blast: %s + %d is not a multicast address\n", line == 0 ? a : b, c);
                return 2;
            }
        }
    }

    int fd = socket(AF_INET, SOCK_DGRAM, 0);
    struct in_addr loopback = {htonl(INADDR_LOOPBACK)};
    struct sockaddr_in local = {.sin_family = AF_INET, .sin_addr = loopback};
    unsigned char ttl = 0, loop = 1;
    int sndbuf = 4 << 20;
    if (fd < 0 || bind(fd, (struct sockaddr *) &local, sizeof local) != 0
            || setsockopt(fd, IPPROTO_IP, IP_MULTICAST_IF, &loopback, sizeof loopback) != 0
            || setsockopt(fd, IPPROTO_IP, IP_MULTICAST_TTL, &ttl, sizeof ttl) != 0
            || setsockopt(fd, IPPROTO_IP, IP_MULTICAST_LOOP, &loop, sizeof loop) != 0) {
        perror("omd-blast: loopback socket");
        return 1;
    }
    setsockopt(fd, SOL_SOCKET, SO_SNDBUF, &sndbuf, sizeof sndbuf);

    build_templates(min, max, seed);
    static uint32_t seq[MAX_CHANNELS];
    for (int c = 0; c < channels; c++) {
        seq[c] = 1;
    }
    /* A batch holds `batch` packets, each sent twice (lines A and B) from the same bytes. */
    static uint8_t bytes[MAX_BATCH][MAX_PACKET];
    static struct iovec iov[MAX_BATCH];
    static struct mmsghdr msgs[2 * MAX_BATCH];

    /* Each channel starts with a Sequence Reset (NewSeqNo 1) on both lines, as the exchange does after a
       restart: every blast is a fresh sequence however many came before. */
    for (int c = 0; c < channels; c++) {
        uint8_t reset[24] = {0};
        put16(reset, sizeof reset);
        reset[2] = 1;
        put32(reset + 4, 1);
        put64(reset + 8, now_ns(CLOCK_REALTIME) / 1000000ull * 1000000ull);
        put16(reset + 16, 8);
        put16(reset + 18, 100);
        put32(reset + 20, 1);
        for (int line = 0; line < 2; line++) {
            if (sendto(fd, reset, sizeof reset, 0, (struct sockaddr *) &dest[c][line], sizeof dest[c][line]) < 0) {
                perror("omd-blast: sequence reset");
                return 1;
            }
        }
    }

    uint64_t start = now_ns(CLOCK_MONOTONIC);
    long long sent = 0, bytes_sent = 0, next_template = 0, channel = 0;
    while (sent < packets) {
        int n = (int) (packets - sent < batch ? packets - sent : batch);
        uint64_t send_time = now_ns(CLOCK_REALTIME) / 1000000ull * 1000000ull; /* SendTime has ms precision */
        for (int i = 0; i < n; i++) {
            struct template *t = &templates[next_template++ & (TEMPLATES - 1)];
            memcpy(bytes[i], t->bytes, t->length);
            put32(bytes[i] + 4, seq[channel]);
            put64(bytes[i] + 8, send_time);
            iov[i] = (struct iovec) {.iov_base = bytes[i], .iov_len = t->length};
            for (int line = 0; line < 2; line++) {
                msgs[2 * i + line].msg_hdr = (struct msghdr) {.msg_name = &dest[channel][line],
                        .msg_namelen = sizeof(struct sockaddr_in), .msg_iov = &iov[i], .msg_iovlen = 1};
            }
            bytes_sent += 2 * t->length;
            seq[channel] += t->count;
            channel = channel + 1 == channels ? 0 : channel + 1;
        }
        for (int done = 0; done < 2 * n;) {
            int r = sendmmsg(fd, msgs + done, (unsigned) (2 * n - done), 0);
            if (r < 0) {
                if (errno == EINTR || errno == ENOBUFS || errno == EAGAIN) {
                    continue;
                }
                perror("omd-blast: sendmmsg");
                return 1;
            }
            done += r;
        }
        sent += n;
        if (rate > 0) {
            uint64_t due = start + (uint64_t) (sent * 1e9 / rate);
            for (uint64_t t = now_ns(CLOCK_MONOTONIC); t < due; t = now_ns(CLOCK_MONOTONIC)) {
                if (due - t > 200000) {
                    struct timespec pause = {0, (long) (due - t - 100000)};
                    nanosleep(&pause, NULL);
                }
            }
        }
    }
    double seconds = (now_ns(CLOCK_MONOTONIC) - start) / 1e9;
    printf("sent packets_per_line=%lld datagrams=%lld bytes=%lld seconds=%.3f rate_per_line=%.0f\n", sent, 2 * (sent + channels),
           bytes_sent, seconds, sent / seconds);
    return 0;
}
