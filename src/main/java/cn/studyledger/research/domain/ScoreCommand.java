package cn.studyledger.research.domain;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * A judge's scores of one report.
 *
 * @param reportId the report
 * @param scores score from 0 to 100 by criterion id
 * @param remark optional comment
 * @param version the version of the judge's earlier scores being corrected; null for a first scoring
 */
public record ScoreCommand(
        @NotNull(message = "请选择报告") Long reportId,
        @NotEmpty(message = "请为每项评分标准打分") Map<Long, Integer> scores,
        @Size(max = 500, message = "评语最长500字") String remark,
        Long version) {}
