package cn.studyledger.common.security;

import cn.studyledger.common.BusinessRuleException;

/**
 * 不自批 (DESIGN.md §1: nobody decides their own request). Every decision on a request — leave, annual plan,
 * 学习方案, annual report — calls {@link #requireOther} from the aggregate's decide method before it changes
 * anything. The same party is recognised by the account or, where both sides know it, by the person the account
 * stands for (one person holding a clerk's and a leader's account is still one person).
 */
public final class Decisions {

    private Decisions() {}

    /** Who asked or decides: an account's username and/or a person id, either may be unknown. */
    public record Party(String username, Long personId) {

        public static Party account(String username) {
            return new Party(username, null);
        }

        public static Party person(long personId) {
            return new Party(null, personId);
        }

        /** The signed-in user. */
        public static Party current() {
            LedgerUser user = CurrentUser.require();
            return new Party(user.getUsername(), user.personId());
        }

        public boolean sameAs(Party other) {
            return other != null
                    && ((username != null && username.equals(other.username))
                            || (personId != null && personId.equals(other.personId)));
        }
    }

    /** Refuses (422, the reason shown) when the decider is the requester; {@code what} names the request. */
    public static void requireOther(Party requester, Party decider, String what) {
        if (requester != null && requester.sameAs(decider)) {
            throw new BusinessRuleException("不能审批本人提交的" + what + "，须由他人审批");
        }
    }
}
