/**
 * Personal self-study (个人自学): members log what they read and for how long; the clerk sees the whole
 * group's log. Self-study is self-declared, never measured by time online. Defines {@code selfstudy.hours}.
 */
@ApplicationModule(displayName = "个人自学")
package cn.studyledger.selfstudy;

import org.springframework.modulith.ApplicationModule;
