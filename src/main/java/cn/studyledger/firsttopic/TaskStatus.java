package cn.studyledger.firsttopic;

import cn.studyledger.tracking.TrackingStatus;

/**
 * Life of a follow-up task (贯彻落实任务): open until it is done (with evidence) or cancelled. The first topic's
 * published name for the shared {@link TrackingStatus}, constant for constant, so that callers of this module
 * keep one vocabulary.
 */
public enum TaskStatus {
    OPEN(TrackingStatus.OPEN),
    DONE(TrackingStatus.DONE),
    CANCELLED(TrackingStatus.CANCELLED);

    private final TrackingStatus tracking;

    TaskStatus(TrackingStatus tracking) {
        this.tracking = tracking;
    }

    public String label() {
        return tracking.label();
    }

    /** The shared lifecycle's status. */
    public TrackingStatus tracking() {
        return tracking;
    }

    public static TaskStatus of(TrackingStatus status) {
        return valueOf(status.name());
    }
}
