-- "My deals" on the queue page: the contract owner name (as the CRM spells it, e.g. "Darcel Schlecht") whose deals a
-- local user's own view shows. Set by an admin when creating the user; NULL means not linked to any owner.
ALTER TABLE docket_user ADD COLUMN owner_name VARCHAR(120) NULL;
