package io.omdprt.event;

import java.time.Instant;
import java.util.Objects;

/** What the sequence numbers did besides counting up: a reset, a stray datagram, a jump or a restart. */
public sealed interface Sequence extends MonitorEvent, Located {
    /** A Sequence Reset on a line: the next sequence number is newSeqNo. */
    record Reset(Instant time, Where.Line where, long newSeqNo) implements Sequence {
        public Reset {
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(where, "where");
        }

        @Override
        public EventType type() {
            return EventType.SEQUENCE_RESET;
        }
    }

    /** A datagram whose SeqNum the channel could not have reached: not counted as loss. */
    record Stray(Instant time, Where.Line where, long seqNum, long msgCount) implements Sequence {
        public Stray {
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(where, "where");
        }

        @Override
        public EventType type() {
            return EventType.STRAY_PACKET;
        }

        /** The sequence numbers it carried (its SeqNum alone when it had no message). */
        public SeqRange carried() {
            return new SeqRange(seqNum, seqNum + Math.max(msgCount, 1) - 1);
        }
    }

    /** The sequence jumped far ahead without a Sequence Reset, and the lines continued from there. */
    record Jump(Instant time, Where.Channel where, long expected, long newSeq, Instant firstSeen) implements Sequence {
        public Jump {
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(where, "where");
            Objects.requireNonNull(firstSeen, "firstSeen");
        }

        @Override
        public EventType type() {
            return EventType.SEQUENCE_JUMP;
        }
    }

    /** The sequence started again lower without a Sequence Reset (publisher restart, failover). */
    record Restart(Instant time, Where.Channel where, long expected, long newSeq, Instant firstSeen) implements Sequence {
        public Restart {
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(where, "where");
            Objects.requireNonNull(firstSeen, "firstSeen");
        }

        @Override
        public EventType type() {
            return EventType.SEQUENCE_RESTART;
        }
    }
}
