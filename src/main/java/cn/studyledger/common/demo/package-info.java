/** The reader of the demo year's tables under {@code demo/}, shared by every module's demo data. */
package cn.studyledger.common.demo;
