/**
 * Read-only views over the other modules' APIs: the personal 学习档案 of a member for a year (sessions,
 * leaves and make-ups, speeches, self-study hours, writings) with its Word and Excel exports. Nothing depends
 * on this module.
 */
@ApplicationModule(displayName = "统计分析")
package cn.studyledger.dashboard;

import org.springframework.modulith.ApplicationModule;
