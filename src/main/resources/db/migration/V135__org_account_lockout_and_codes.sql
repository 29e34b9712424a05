-- Lockout that doubles with each further lock (issue 12 part 5) and one-time first-password codes that expire
-- (issue 12 part 2: a code is valid ledger.accounts.first-password-validity, 24 h by default).
alter table org_account add column lock_count integer default 0 not null;
alter table org_account add column password_expires_at timestamp;
