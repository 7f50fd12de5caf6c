-- The engagement dashboard's totals kept as they change (store/engagement_store.hpp): one row
-- per agency, year, organization, department and counts, with how many members have them. A
-- rebuild subtracts the rows of the people it rebuilds and adds their new ones, so that a
-- dashboard over a million members reads a few thousand rows instead of grouping a million.
-- Gone quiet depends on the day it is asked and on the chosen number of days, so its totals are
-- kept by the day each current member went quiet (core::quiet_day: the last attendance or the
-- joining, whichever came later, raised to a year's earliest day that can matter) and a read adds
-- up the days before its own. A total whose people all moved on stays at 0 until swept.
CREATE TABLE engagement_cells (
  tenant_id INTEGER NOT NULL,
  year INTEGER NOT NULL,
  organization_id INTEGER NOT NULL,
  unit_id INTEGER NOT NULL,
  attended INTEGER NOT NULL,
  kind_counts INTEGER NOT NULL,
  months INTEGER NOT NULL,
  people INTEGER NOT NULL,
  expected INTEGER NOT NULL,
  lapsed INTEGER NOT NULL,
  PRIMARY KEY (tenant_id, year, organization_id, unit_id, attended, kind_counts, months)
) STRICT, WITHOUT ROWID;

CREATE TABLE engagement_quiet (
  tenant_id INTEGER NOT NULL,
  year INTEGER NOT NULL,
  quiet_day INTEGER NOT NULL,
  organization_id INTEGER NOT NULL,
  unit_id INTEGER NOT NULL,
  people INTEGER NOT NULL,
  PRIMARY KEY (tenant_id, year, quiet_day, organization_id, unit_id)
) STRICT, WITHOUT ROWID;

ALTER TABLE engagement_people ADD COLUMN quiet_day INTEGER;
UPDATE engagement_people
SET quiet_day = max(coalesce(last_attended_day, -1), coalesce(joined_day, -1),
                    CAST(julianday(printf('%04d-01-01', year)) - 2440587.5 AS INTEGER) - 731)
WHERE member = 1 AND current_member = 1;

INSERT INTO engagement_cells (tenant_id, year, organization_id, unit_id, attended, kind_counts,
                              months, people, expected, lapsed)
SELECT tenant_id, year, organization_id, unit_id, attended, kind_counts, months, count(*),
       sum(expected), sum(CASE WHEN previous_attended > 0 AND attended = 0 THEN 1 ELSE 0 END)
FROM engagement_people WHERE member = 1
GROUP BY tenant_id, year, organization_id, unit_id, attended, kind_counts, months;

INSERT INTO engagement_quiet (tenant_id, year, quiet_day, organization_id, unit_id, people)
SELECT tenant_id, year, quiet_day, organization_id, unit_id, count(*)
FROM engagement_people WHERE quiet_day IS NOT NULL
GROUP BY tenant_id, year, quiet_day, organization_id, unit_id;
