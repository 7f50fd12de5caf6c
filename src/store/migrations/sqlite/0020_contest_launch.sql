-- Contests launched from above (issue 17): a superior organization's contest travels to the
-- organizations below it as a file (io/contest_file.hpp) that each imports as its own copy.
--
-- launch_key: this contest's own key, drawn when it is first sent down; the results a copy sends
-- back name it. launched_from: a copy's, the key of the contest it was made from (one copy per
-- agency: the same file imported again is the same contest); launched_by: who sent it down.
ALTER TABLE contests ADD COLUMN launch_key TEXT;
ALTER TABLE contests ADD COLUMN launched_from TEXT;
ALTER TABLE contests ADD COLUMN launched_by TEXT NOT NULL DEFAULT '';
CREATE UNIQUE INDEX contests_launch_key ON contests (launch_key);
CREATE UNIQUE INDEX contests_launched_from ON contests (tenant_id, launched_from);
