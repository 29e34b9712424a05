package cn.studyledger.tracking.domain;

import java.time.LocalDate;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface CalendarDayRepository extends JpaRepository<CalendarDay, Long> {

    List<CalendarDay> findByDayBetweenOrderByDay(LocalDate from, LocalDate to);

    boolean existsByDay(LocalDate day);
}
