/**
 * Scale data (规模数据) for benchmarks and the tests of large trees: {@link cn.studyledger.scale.ScaleGenerator} fills
 * an empty database with a province-sized installation (a province organisation, its bureaus and their subordinate
 * units, their people, central groups and one year of study records) through plain JDBC batches. It knows the
 * tables, not the modules' classes. It lives with the tests, not in the application: {@link
 * cn.studyledger.scale.ScaleData} runs it from Maven ({@code exec:java@scale}, see docs/benchmarks.md).
 */
package cn.studyledger.scale;
