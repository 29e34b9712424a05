#!/usr/bin/env bash
# Benchmarks of docs/benchmarks.md, rerunnable on any Debian machine with PostgreSQL 15 server binaries, wrk and a JDK:
#   apt-get install postgresql-15 wrk      (PostgreSQL runs as the postgres user in a throw-away cluster)
#   bench/run.sh [bureaus] [units]         (defaults 100 × 20, the province of issue 6)
#   REUSE=1 bench/run.sh                   (measure again on the database a previous run left in $WORK, no new load)
# It starts a throw-away PostgreSQL cluster, fills it with the scale generator of the test sources (Maven exec:java@scale,
# cn.studyledger.scale.ScaleData), starts the packaged app in prod mode with a 512 MB heap and measures with curl and
# wrk; hand-written SQL for the same numbers is timed with psql (the roll-up twice: over the self-study entries, the
# old floor, and over the per-person yearly totals the self-study module keeps); three superiors open the roll-up at
# once beside 50 users on the list pages, counting failed requests and connection-pool timeouts in the app log.
# The assessments of subordinate groups (年度考核) as the superior: the province's of its 100 bureaus, one bureau's of its
# 20 units (ASSESS_RUNS timed runs each) and the 100 bureaus' at once (ASSESS_PARALLEL requests at a time), beside one
# hand-written statement for the eight default figures per unit. A database loaded before a newer migration (REUSE=1)
# needs SPRING_FLYWAY_OUT_OF_ORDER=true for the app to add it.
# Results are printed as Markdown rows (and kept in $WORK/results.md) for docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
BUREAUS=${1:-100}
UNITS=${2:-20}
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
PGPORT=${PGPORT:-55432}
APPPORT=${APPPORT:-8091}
WORK=${WORK:-/tmp/ledger-bench}
RUNS=${RUNS:-20}
BASE="http://localhost:$APPPORT"
PSQL=(psql -X -q -h localhost -p "$PGPORT" -U postgres -d ledger)

cleanup() {
  [ -n "${APP:-}" ] && kill "$APP" 2>/dev/null || true
  su postgres -c "$PGBIN/pg_ctl -D $WORK/pg -m fast stop" >/dev/null 2>&1 || true
}
trap cleanup EXIT

REUSE=${REUSE:-0}
if [ "$REUSE" = 1 ] && [ -d "$WORK/pg" ]; then
  su postgres -c "$PGBIN/pg_ctl -D $WORK/pg -l $WORK/pg.log -w start \
    -o '-p $PGPORT -c shared_buffers=512MB -c work_mem=32MB -c fsync=off -c synchronous_commit=off'" >/dev/null
else
  REUSE=0
  rm -rf "$WORK" && mkdir -p "$WORK" && chown postgres "$WORK"
  su postgres -c "$PGBIN/initdb -D $WORK/pg -U postgres -E UTF8 --locale=C.UTF-8 -A trust" >/dev/null
  su postgres -c "$PGBIN/pg_ctl -D $WORK/pg -l $WORK/pg.log -w start \
    -o '-p $PGPORT -c shared_buffers=512MB -c work_mem=32MB -c fsync=off -c synchronous_commit=off'" >/dev/null
  psql -X -q -h localhost -p "$PGPORT" -U postgres -c 'create database ledger'
fi

./mvnw -B -q -DskipTests package test-compile
export SPRING_PROFILES_ACTIVE=prod DB_USER=postgres DB_PASSWORD=unused
export DB_URL="jdbc:postgresql://localhost:$PGPORT/ledger?reWriteBatchedInserts=true"
export LEDGER_ADMIN_USERNAME=admin LEDGER_ADMIN_PASSWORD='Bench@2025ledger' LEDGER_ROOT_ORG_CODE=ROOT LEDGER_ROOT_ORG_NAME=根组织
export LEDGER_FILES_DIR="$WORK/files"

[ "$REUSE" = 1 ] && [ -f "$WORK/results.md" ] && mv "$WORK/results.md" "$WORK/results-$(date +%s).md"
{
  echo "| measurement | value | hand-written SQL | ratio |"
  echo "|---|---|---|---|"
} > "$WORK/results.md"
row() { echo "| $1 | $2 | $3 | $4 |" | tee -a "$WORK/results.md"; }

if [ "$REUSE" = 0 ]; then
  start=$(date +%s.%N)
  # DB_URL, DB_USER and DB_PASSWORD above name the database; the generator migrates it first
  ./mvnw -B -q exec:java@scale -Dexec.args="--bureaus=$BUREAUS --units=$UNITS" | tee "$WORK/scale.txt"
  load=$(echo "$(date +%s.%N) - $start" | bc)
  "${PSQL[@]}" -c 'vacuum analyze'
  row "scale data load (${BUREAUS}×${UNITS}, incl. Maven start and migrations)" "$(printf '%.0f s' "$load")" "" ""
fi
[ "${LOAD_ONLY:-0}" = 1 ] && exit 0
# the self-study module's per-person yearly totals, recomputed after raw writes to selfstudy_entry
# (the same statements as cn.studyledger.selfstudy.domain.SelfStudyTotals.REBUILD)
REBUILD_TOTALS="delete from selfstudy_person_year_total;
insert into selfstudy_person_year_total (org_id, person_id, study_year, hours, entries)
  select org_id, person_id, cast(extract(year from study_date) as int), sum(hours), count(*)
  from selfstudy_entry group by org_id, person_id, cast(extract(year from study_date) as int)"
"${PSQL[@]}" -c "delete from selfstudy_entry where created_by = 'bench'"
"${PSQL[@]}" -c "$REBUILD_TOTALS"
"${PSQL[@]}" -c "select (select count(*) from org_unit) orgs, (select count(*) from org_person) people,
  (select count(*) from session_study_session) sessions, (select count(*) from session_attendance) attendance,
  (select count(*) from selfstudy_entry) selfstudy, (select count(*) from selfstudy_person_year_total) selfstudy_totals" \
  | tee -a "$WORK/results.md"

java -Xmx512m -Xlog:gc:file="$WORK/gc.log" -jar target/study-ledger.jar --server.port="$APPPORT" > "$WORK/app.log" 2>&1 &
APP=$!
for _ in $(seq 1 120); do curl -fs "$BASE/actuator/health" >/dev/null 2>&1 && break; sleep 1; done

# signs a user in (cookie jar $WORK/<user>.jar, or $WORK/<$3>.jar for a further session) and sets the working
# organisation and year
login() {
  local jar="$WORK/${3:-$1}.jar" token
  token=$(curl -s -c "$jar" -b "$jar" "$BASE/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
  curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "username=$1" --data-urlencode "password=Demo@2025" \
    --data-urlencode "_csrf=$token" "$BASE/login"
  token=$(curl -s -c "$jar" -b "$jar" "$BASE/" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
  curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "orgCode=$2" --data-urlencode "year=2025" \
    --data-urlencode "_csrf=$token" "$BASE/context"
}
# median and p95 of $RUNS timed GETs (after 3 warm-ups), in ms
timed() {
  local jar="$WORK/$1.jar" url="$BASE$2" code
  for _ in 1 2 3; do curl -s -o /dev/null -b "$jar" "$url"; done
  code=$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" "$url")
  [ "$code" = 200 ] || { echo "GET $2 answered $code" >&2; exit 1; }
  for _ in $(seq 1 "$RUNS"); do curl -s -o /dev/null -w '%{time_total}\n' -b "$jar" "$url"; done \
    | sort -n | awk '{a[NR]=$1*1000} END {printf "%.0f ms (p95 %.0f ms)", a[int((NR+1)/2)], a[int(NR*0.95)]}'
}
# median of $RUNS runs of a query, in ms
sqltime() {
  for _ in $(seq 1 "$RUNS"); do
    "${PSQL[@]}" -c '\timing on' -c "$1" | grep -o 'Time: [0-9.]*' | awk '{print $2}' | tail -1
  done | sort -n | awk '{a[NR]=$1} END {printf "%.1f ms", a[int((NR+1)/2)]}'
}
ratio() { echo "$1 $2" | awk '{r = $1 / ($2 > 0 ? $2 : 0.1); printf (r < 10 ? "%.1f×" : "%.0f×"), r}'; }
ms() { echo "$1" | grep -o '^[0-9.]*'; }

login scale-clerk J001
login scale-superior SHENG

# a server measured in its steady state: the JIT compiler has seen every measured request a few hundred times
for _ in $(seq 1 "${WARMUP:-150}"); do
  # SKIP_FIGURES=1 leaves out the figures API and the report (both compute every figure of J001)
  for url in $([ "${SKIP_FIGURES:-0}" = 1 ] || echo /api/v1/orgs/J001/years/2025/figures /api/v1/orgs/J001/years/2025/report.docx) \
      /sessions /selfstudy /firsttopic /writings; do
    curl -s -o /dev/null -b "$WORK/scale-clerk.jar" "$BASE$url"
  done
done
for _ in $(seq 1 10); do curl -s -o /dev/null -b "$WORK/scale-superior.jar" "$BASE/rollup"; done

ORG="(select id from org_unit where code = 'J001')"
HELD="select id from session_study_session where org_id = $ORG and status = 'HELD' and session_date between '2025-01-01' and '2025-12-31'"
DAY_HOURS="from rules_setting where org_id = $ORG and rule_year = 2025 and rule_key = 'sessions.dayHours'"
FIGURE_SQL="select (select count(*) from ($HELD) h),
  (select sum(duration_hours) from session_study_session where id in ($HELD)),
  (select sum(case when duration_hours >= coalesce((select param2 $DAY_HOURS), 6) then 1
                   when duration_hours >= coalesce((select param1 $DAY_HOURS), 3) then 0.5 else 0 end)
     from session_study_session where id in ($HELD)),
  (select count(*) filter (where status = 'PRESENT') * 100.0 / count(*) from session_attendance where attendee_role = 'MEMBER' and session_id in ($HELD)),
  (select sum(hours) from selfstudy_entry where org_id = $ORG and study_date between '2025-01-01' and '2025-12-31'),
  (select count(*) from selfstudy_writing where org_id = $ORG and written_on between '2025-01-01' and '2025-12-31'),
  (select count(*) from research_recommendation where org_id = $ORG and status = 'ADOPTED')"
# the roll-up's eight default columns for every organisation, as one hand-written statement
YEAR="between '2025-01-01' and '2025-12-31'"
MEMBERS="select org_id, person_id from org_membership where study_year = 2025 and role <> 'SECRETARY'"
ROLLUP_SQL="with held as (select id, org_id from session_study_session where status = 'HELD' and session_date $YEAR),
s as (select org_id, count(*) n from held group by org_id),
a as (select h.org_id, count(*) filter (where a.status = 'PRESENT' or (a.status = 'LEAVE' and a.make_up_done_on is not null
        and (a.make_up_due_on is null or a.make_up_done_on <= a.make_up_due_on))) p,
        count(*) n from session_attendance a join held h on h.id = a.session_id where a.attendee_role = 'MEMBER' group by h.org_id),
f as (select h.org_id, count(*) n from held h where exists (select 1 from session_agenda_item g
        where g.session_id = h.id and g.kind = 'FIRST_TOPIC') group by h.org_id),
sh as (select e.org_id, sum(e.hours) n from selfstudy_entry e join ($MEMBERS) m on m.org_id = e.org_id and m.person_id = e.person_id
        where e.study_date $YEAR group by e.org_id),
wr as (select w.org_id, count(*) n from selfstudy_writing w join ($MEMBERS) m on m.org_id = w.org_id and m.person_id = w.person_id
        where w.written_on $YEAR and w.kind <> 'SPEECH' group by w.org_id),
mi as (select org_id, count(*) n from material_issue where status = 'PUBLISHED' and published_on $YEAR group by org_id),
v as (select superior_org_id org_id, count(*) n from supervision_visit where stage in ('SUMMARISED', 'CLOSED')
        and planned_on $YEAR group by superior_org_id),
pb as (select org_id, count(*) n from outreach_publicity_item where published_on $YEAR group by org_id)
select o.id, s.n, a.p, a.n, f.n, sh.n, wr.n, mi.n, v.n, pb.n from org_unit o
left join s on s.org_id = o.id left join a on a.org_id = o.id left join f on f.org_id = o.id
left join sh on sh.org_id = o.id left join wr on wr.org_id = o.id left join mi on mi.org_id = o.id
left join v on v.org_id = o.id left join pb on pb.org_id = o.id
where o.path like (select path from org_unit where code = 'SHENG') || '%'"
# the same roll-up with the members' self-study hours read from the per-person yearly totals instead of the entries
SH_ENTRIES="sh as (select e.org_id, sum(e.hours) n from selfstudy_entry e join ($MEMBERS) m on m.org_id = e.org_id and m.person_id = e.person_id
        where e.study_date $YEAR group by e.org_id)"
SH_TOTALS="sh as (select t.org_id, sum(t.hours) n from selfstudy_person_year_total t join ($MEMBERS) m on m.org_id = t.org_id and m.person_id = t.person_id
        where t.study_year = 2025 group by t.org_id)"
ROLLUP_TOTALS_SQL=${ROLLUP_SQL/"$SH_ENTRIES"/"$SH_TOTALS"}
[ "$ROLLUP_TOTALS_SQL" != "$ROLLUP_SQL" ] || { echo "roll-up SQL over the totals not derived" >&2; exit 1; }
LIST_SQL="select * from session_study_session where org_id = $ORG and session_date between '2025-01-01' and '2025-12-31'
  order by session_date desc, id desc limit 20"

if [ "${SKIP_FIGURES:-0}" != 1 ]; then
t=$(timed scale-clerk /api/v1/orgs/J001/years/2025/figures); s=$(sqltime "$FIGURE_SQL")
row "one group's figures for a year (GET …/J001/years/2025/figures, all figures with evidence)" "$t" "$s (7 headline figures)" "$(ratio "$(ms "$t")" "$(ms "$s")")"
fi
t=$(timed scale-superior "/rollup"); s=$(sqltime "$ROLLUP_SQL"); st=$(sqltime "$ROLLUP_TOTALS_SQL")
row "province roll-up (GET /rollup as superior of SHENG: 2,101 units tallied, 8 default columns, 100 bureau rows)" "$t" \
  "$s (self-study hours from the 2.5 M entries, the old floor); $st (from the per-person yearly totals)" \
  "$(ratio "$(ms "$t")" "$(ms "$s")") / $(ratio "$(ms "$t")" "$(ms "$st")")"
if [ "${SKIP_FIGURES:-0}" != 1 ]; then
t=$(timed scale-clerk /api/v1/orgs/J001/years/2025/report.docx); s=$(sqltime "$FIGURE_SQL")
row "annual report .docx of one group (draft from live figures)" "$t" "$s (figures SQL as above)" "$(ratio "$(ms "$t")" "$(ms "$s")")"
fi

# --- issue 16, part 6: the assessments of subordinate groups (年度考核): the province's assessment of its 100 bureaus,
# one bureau's of its 20 units, and all 100 bureaus' assessments requested at once, as the superior of SHENG (a live
# draft: no assessment stored, the default criteria: eight figures tallied over the units and their rule findings);
# beside them one hand-written statement computing the eight figures' values per unit (the findings are rule checks,
# not SQL). ASSESS_RUNS timed runs each (default $RUNS), ASSESS_PARALLEL requests at once (default 100).
# the eight default criteria's figures (sessions.collective, attendance.presentRate, firsttopic.closureRate,
# speech.keyRate, writings.count, plan.executionRate, supervision.rating, submissions.filedOnTime) of every active
# unit whose parent is one of the organisations of $1, as IndependentFigureQueries computes them for one
assess_sql() {
echo "with u as (select id from org_unit where active = true and parent_id in ($1)),
held as (select s.id, s.org_id from session_study_session s join u on u.id = s.org_id where s.status = 'HELD' and s.session_date $YEAR),
mem as (select m.org_id, m.person_id from org_membership m join u on u.id = m.org_id where m.study_year = 2025 and m.role <> 'SECRETARY'),
s as (select org_id, count(*) n from held group by org_id),
a as (select h.org_id, count(*) filter (where a.status = 'PRESENT') p, count(*) n from session_attendance a join held h on h.id = a.session_id
        where a.attendee_role = 'MEMBER' group by h.org_id),
ft as (select t.org_id, count(*) filter (where t.status = 'DONE' and t.done_on <= t.due_on) d, count(*) n from firsttopic_task t join u on u.id = t.org_id
        where t.due_on $YEAR and t.status <> 'CANCELLED' group by t.org_id),
keyers as (select distinct h.org_id, x.person_id from session_speech x join held h on h.id = x.session_id where x.kind = 'KEY'),
sp as (select mm.org_id, count(k.person_id) k, count(*) n from mem mm left join keyers k on k.org_id = mm.org_id and k.person_id = mm.person_id
        group by mm.org_id),
wr as (select w.org_id, count(*) n from selfstudy_writing w join mem m on m.org_id = w.org_id and m.person_id = w.person_id
        where w.written_on $YEAR and w.kind <> 'SPEECH' group by w.org_id),
pl as (select p.org_id, count(*) filter (where exists (select 1 from plan_arrangement_session x join session_study_session e on e.id = x.session_id
        where x.arrangement_id = r.id and e.org_id = p.org_id and e.status = 'HELD' and e.session_date $YEAR)) e, count(*) n
        from plan_arrangement r join plan_annual_plan p on p.id = r.plan_id join u on u.id = p.org_id
        where p.plan_year = 2025 and p.status = 'APPROVED' and p.revision = (select max(q.revision) from plan_annual_plan q
        where q.org_id = p.org_id and q.plan_year = p.plan_year and q.status = 'APPROVED') group by p.org_id),
rt as (select v.unit_org_id org_id, round(avg(v.weighted_score), 1) r from supervision_visit v join u on u.id = v.unit_org_id
        where v.planned_on $YEAR and v.weighted_score is not null group by v.unit_org_id),
sub as (select f.unit_org_id org_id, count(*) filter (where f.submitted_on <= f.due_on) o, count(*) n from liaison_submission f
        join u on u.id = f.unit_org_id where f.submission_year = 2025 and f.id = (select min(q.id) from liaison_submission q
        where q.unit_org_id = f.unit_org_id and q.kind = f.kind and q.submission_year = f.submission_year and q.submitted_on =
        (select min(q2.submitted_on) from liaison_submission q2 where q2.unit_org_id = f.unit_org_id and q2.kind = f.kind
        and q2.submission_year = f.submission_year)) group by f.unit_org_id)
select u.id, s.n sessions, a.p present, a.n expected, ft.d closed, ft.n due, sp.k keyspeakers, sp.n members, wr.n writings,
  pl.e executed, pl.n arranged, rt.r rating, sub.o ontime, sub.n filed
from u left join s on s.org_id = u.id left join a on a.org_id = u.id left join ft on ft.org_id = u.id left join sp on sp.org_id = u.id
left join wr on wr.org_id = u.id left join pl on pl.org_id = u.id left join rt on rt.org_id = u.id left join sub on sub.org_id = u.id
order by u.id"
}
ASSESS_RUNS=${ASSESS_RUNS:-$RUNS}
ASSESS_PARALLEL=${ASSESS_PARALLEL:-100}
evaluated=$("${PSQL[@]}" -t -A -c "select count(*) from rules_evaluation where rule_year = 2025")
t=$(RUNS=$ASSESS_RUNS timed scale-superior /api/v1/orgs/SHENG/years/2025/assessment)
s=$(RUNS=$ASSESS_RUNS sqltime "$(assess_sql "select id from org_unit where code = 'SHENG'")")
row "the province's assessment of its 100 bureaus (GET …/SHENG/years/2025/assessment as superior, live draft, default criteria; $evaluated stored rule evaluations of 2025)" \
  "$t" "$s (8 figures per bureau, one statement)" "$(ratio "$(ms "$t")" "$(ms "$s")")"
t=$(RUNS=$ASSESS_RUNS timed scale-superior /api/v1/orgs/J001/years/2025/assessment)
s=$(RUNS=$ASSESS_RUNS sqltime "$(assess_sql "select id from org_unit where code = 'J001'")")
row "one bureau's assessment of its 20 units (GET …/J001/years/2025/assessment as superior)" \
  "$t" "$s (8 figures per unit, one statement)" "$(ratio "$(ms "$t")" "$(ms "$s")")"
# all assessments of the province at once: the 100 bureaus' assessments of their units requested together
"${PSQL[@]}" -t -A -c "select code from org_unit where parent_id = (select id from org_unit where code = 'SHENG') order by code" \
  > "$WORK/bureaus.txt"
start=$(date +%s.%N)
xargs -P "$ASSESS_PARALLEL" -I{} curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -b "$WORK/scale-superior.jar" \
  "$BASE/api/v1/orgs/{}/years/2025/assessment" < "$WORK/bureaus.txt" > "$WORK/assessments.txt"
took=$(echo "$(date +%s.%N) - $start" | bc)
n=$(wc -l < "$WORK/assessments.txt"); bad=$(awk '$1 !~ /^2/' "$WORK/assessments.txt" | wc -l)
each=$(awk '{print $2 * 1000}' "$WORK/assessments.txt" | sort -n \
  | awk '{a[NR]=$1} END {p=int(NR*0.95); if (p < 1) p=1; printf "each median %.0f ms, p95 %.0f ms", a[int((NR+1)/2)], a[p]}')
s=$(RUNS=$ASSESS_RUNS sqltime "$(assess_sql "select id from org_unit where parent_id = (select id from org_unit where code = 'SHENG')")")
row "all assessments of the province at once: the $n bureaus' assessments of their units, $ASSESS_PARALLEL requests at a time" \
  "$(printf '%.1f s' "$took") in all ($each; $bad not 2xx)" "$s (8 figures for all $(wc -l < "$WORK/bureaus.txt") bureaus' units, one statement)" \
  "$(ratio "$(echo "$took * 1000" | bc)" "$(ms "$s")")"

if command -v wrk >/dev/null; then
  cookie=$(awk '$6 ~ /SESSION|JSESSIONID/ {print $6"="$7}' "$WORK/scale-clerk.jar" | tail -1)
  cat > "$WORK/p95.lua" <<'LUA'
done = function(summary, latency, requests)
  io.write(string.format("p95=%.0f requests=%d errors=%d\n", latency:percentile(95) / 1000, summary.requests,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
LUA
  # SKIP_PAGES=1 leaves out the eight list-page runs (the three superiors beside page traffic still run)
  for page in $([ "${SKIP_PAGES:-0}" = 1 ] || echo /sessions /selfstudy /firsttopic /writings); do
    out=$(wrk -t2 -c50 -d20s --timeout 10s -H "Cookie: $cookie" -s "$WORK/p95.lua" "$BASE$page" | grep '^p95=')
    s=$(sqltime "$LIST_SQL")
    p95=$(echo "$out" | sed 's/p95=\([0-9]*\).*/\1/')
    row "list page $page, 50 connections without pause (wrk 20 s, saturation)" \
      "p95 $p95 ms ($(echo "$out" | sed 's/.*requests=\([0-9]*\) errors=\([0-9]*\)/\1 requests, \2 errors/'))" \
      "$s (one page of sessions)" "$(ratio "$p95" "$(ms "$s")")"
  done
  # 50 people using the pages: each waits 1–3 s (uniformly) between clicks, as a person reading a page does
  cat > "$WORK/users.lua" <<'LUA'
delay = function() return math.random(1000, 3000) end
done = function(summary, latency, requests)
  io.write(string.format("p95=%.0f requests=%d errors=%d\n", latency:percentile(95) / 1000, summary.requests,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
LUA
  for page in $([ "${SKIP_PAGES:-0}" = 1 ] || echo /sessions /selfstudy /firsttopic /writings); do
    out=$(wrk -t2 -c50 -d30s --timeout 10s -H "Cookie: $cookie" -s "$WORK/users.lua" "$BASE$page" | grep '^p95=')
    p95=$(echo "$out" | sed 's/p95=\([0-9]*\).*/\1/')
    row "list page $page, 50 users clicking every 1–3 s (wrk 30 s)" \
      "p95 $p95 ms ($(echo "$out" | sed 's/.*requests=\([0-9]*\) errors=\([0-9]*\)/\1 requests, \2 errors/'))" "" ""
  done
  # three superiors open the province roll-up again and again beside 50 users working on the list pages: no request
  # may wait out the connection pool (HikariPool "Connection is not available, request timed out") or fail
  for i in 1 2 3; do login scale-superior SHENG "superior-$i"; done
  timeouts_before=$(grep -c 'Connection is not available' "$WORK/app.log" || true)
  SECONDS_UNDER_LOAD=${SECONDS_UNDER_LOAD:-30}
  wrk -t2 -c50 -d"${SECONDS_UNDER_LOAD}s" --timeout 10s -H "Cookie: $cookie" -s "$WORK/users.lua" "$BASE/sessions" \
    | grep '^p95=' > "$WORK/beside.txt" &
  pids=($!)
  for i in 1 2 3; do
    ( end=$((SECONDS + SECONDS_UNDER_LOAD))
      while [ "$SECONDS" -lt "$end" ]; do
        curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -b "$WORK/superior-$i.jar" "$BASE/rollup"
      done > "$WORK/rollups-$i.txt" ) &
    pids+=($!)
  done
  wait "${pids[@]}"
  cat "$WORK"/rollups-*.txt > "$WORK/rollups.txt"
  n=$(wc -l < "$WORK/rollups.txt"); bad=$(awk '$1 !~ /^2/' "$WORK/rollups.txt" | wc -l)
  rt=$(awk '{print $2 * 1000}' "$WORK/rollups.txt" | sort -n \
    | awk '{a[NR]=$1} END {p=int(NR*0.95); if (p < 1) p=1; printf "median %.0f ms, p95 %.0f ms", a[int((NR+1)/2)], a[p]}')
  timeouts=$(( $(grep -c 'Connection is not available' "$WORK/app.log" || true) - timeouts_before ))
  out=$(cat "$WORK/beside.txt")
  row "three superiors opening /rollup again and again at once, beside 50 users clicking /sessions every 1–3 s (${SECONDS_UNDER_LOAD} s)" \
    "roll-up $rt ($n requests, $bad not 2xx); /sessions p95 $(echo "$out" | sed 's/p95=\([0-9]*\).*/\1/') ms ($(echo "$out" | sed 's/.*requests=\([0-9]*\) errors=\([0-9]*\)/\1 requests, \2 errors/')); $timeouts pool timeouts in the app log" "" ""
else
  row "list pages at 50 concurrent users" "not measured: wrk missing" "" ""
fi

"${PSQL[@]}" -c "insert into selfstudy_entry (org_id, person_id, study_date, hours, content, version, created_at, created_by)
  select $ORG, (select min(id) from org_person where org_id = $ORG), date '2025-01-01' + (g % 365), 1.0, '规模测试自学记录', 0, now(), 'bench'
  from generate_series(1, 1000000) g"
start=$(date +%s.%N)
"${PSQL[@]}" -c "$REBUILD_TOTALS"
took=$(echo "$(date +%s.%N) - $start" | bc)
row "per-person yearly self-study totals rebuilt after the raw insert (one grouped insert over $("${PSQL[@]}" -t -A -c 'select count(*) from selfstudy_entry') entries)" \
  "$(printf '%.1f s' "$took")" "" ""
start=$(date +%s.%N)
code=$(curl -s -o "$WORK/selfstudy.xlsx" -w '%{http_code}' -b "$WORK/scale-clerk.jar" "$BASE/api/v1/orgs/J001/years/2025/ledgers/selfstudy.xlsx")
took=$(echo "$(date +%s.%N) - $start" | bc)
# G1 logs "Pause ... <before>M-><after>M(<committed>M)": the most in use before a collection, the most still live after one
before=$(grep -o '[0-9]*M->[0-9]*M([0-9]*M)' "$WORK/gc.log" | sed 's/M->.*//' | sort -n | tail -1)
after=$(grep -o '[0-9]*M->[0-9]*M([0-9]*M)' "$WORK/gc.log" | sed 's/.*->\([0-9]*\)M(.*/\1/' | sort -n | tail -1)
heap="${before:-?} MB in use at most, ${after:-?} MB live after a collection at most"
row "1,000,000-row self-study ledger .xlsx, -Xmx512m (HTTP $code, $(du -h "$WORK/selfstudy.xlsx" | cut -f1))" \
  "$(printf '%.0f s, %s' "$took" "$heap")" "" ""
kill "$APP"; wait "$APP" 2>/dev/null || true; APP=
echo; echo "machine: $(nproc) cores, $(free -g | awk '/Mem/ {print $2}') GB, $(uname -r), $(java -version 2>&1 | head -1), $(date -u +%F)"
