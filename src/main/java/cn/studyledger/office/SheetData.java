package cn.studyledger.office;

import java.util.List;

/**
 * One worksheet of an .xlsx export: its name, header row and data rows (cells as text or numbers).
 *
 * @param name the sheet's name
 * @param header column titles
 * @param rows the rows; a {@link Number} cell is written as a number, anything else as text
 */
public record SheetData(String name, List<String> header, List<List<Object>> rows) {}
