package cn.studyledger.org;

/** Place of a person in a central group for one year. The secretary serves the group but is not a member. */
public enum GroupRole {
    LEADER("组长"),
    DEPUTY("副组长"),
    MEMBER("成员"),
    SECRETARY("学习秘书");

    private final String label;

    GroupRole(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether this place counts among the members whose attendance and self-study the figures count. */
    public boolean isMember() {
        return this != SECRETARY;
    }
}
