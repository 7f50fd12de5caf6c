-- Support requests (issue 15, đề xuất hỗ trợ): an organization asks the leadership for budget
-- (integer đồng), a venue, time off or transport, for one of its activities, a programme of its
-- plan or its work in general; the leadership approves, approves in part or refuses with a
-- reason; the organization may withdraw it while it waits. Instants are Unix seconds (UTC),
-- booleans 0 or 1. decided_by and decided_at name who closed the request: the leadership's
-- decision, or the withdrawal.

CREATE TABLE support_requests (
  tenant_id BIGINT NOT NULL REFERENCES agencies (id),
  id BIGINT NOT NULL,
  organization_id BIGINT NOT NULL,
  activity_id BIGINT,
  programme_id BIGINT,
  title TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  amount BIGINT CHECK (amount > 0),
  venue SMALLINT NOT NULL DEFAULT 0 CHECK (venue IN (0, 1)),
  time_off SMALLINT NOT NULL DEFAULT 0 CHECK (time_off IN (0, 1)),
  transport SMALLINT NOT NULL DEFAULT 0 CHECK (transport IN (0, 1)),
  status TEXT NOT NULL
    CHECK (status IN ('pending', 'approved', 'partly_approved', 'refused', 'withdrawn')),
  requested_by BIGINT NOT NULL,
  requested_at BIGINT NOT NULL,
  decided_by BIGINT,
  decided_at BIGINT,
  approved_amount BIGINT CHECK (approved_amount >= 0),
  reason TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, organization_id) REFERENCES organizations (tenant_id, id),
  FOREIGN KEY (tenant_id, activity_id) REFERENCES activities (tenant_id, id),
  FOREIGN KEY (tenant_id, programme_id) REFERENCES programmes (tenant_id, id)
);
CREATE INDEX support_requests_status ON support_requests (tenant_id, status);
CREATE INDEX support_requests_organization ON support_requests (tenant_id, organization_id);
CREATE INDEX support_requests_activity ON support_requests (tenant_id, activity_id)
  WHERE activity_id IS NOT NULL;
