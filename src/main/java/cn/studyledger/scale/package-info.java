/**
 * Scale data (规模数据) for benchmarks: {@code java -jar study-ledger.jar scale} fills an empty database with a
 * province-sized installation (a province organisation, its bureaus and their subordinate units, their people,
 * central groups and one year of study records) through plain JDBC batches. It knows the tables, not the other
 * modules' classes, and is never part of a normal run.
 */
@ApplicationModule(displayName = "规模数据")
package cn.studyledger.scale;

import org.springframework.modulith.ApplicationModule;
