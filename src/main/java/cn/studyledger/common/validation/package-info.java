/** Bounds of request input shared by every module: record and birth dates, page numbers, clean text. */
package cn.studyledger.common.validation;
