package cn.studyledger.session;

/** 签到方式. */
public enum CheckInMethod {
    MANUAL("手工登记"),
    QR("扫码签到");

    private final String label;

    CheckInMethod(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
