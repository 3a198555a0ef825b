-- The regulators' real contact details in place of the first seed's wording
-- (issue 18, finding 18: no placeholder text on a letter). Only rows still
-- holding the seed's exact words change: a contact an administrator wrote
-- stays as written.
UPDATE "RuleProfile"
SET "regulatorContact" = 'National Association of Insurance Commissioners, which lists every state''s insurance department and its consumer line: content.naic.org/state-insurance-departments, 1-816-842-3600'
WHERE "code" = 'naic' AND "regulatorContact" = 'Your state''s Department of Insurance, consumer services line (see the back of your plan card)';

UPDATE "RuleProfile"
SET "regulatorContact" = 'HHS federal external review assistance, 1-888-866-6205, www.healthcare.gov/appeal-insurance-company-decision/external-review'
WHERE "code" = 'federal' AND "regulatorContact" = 'HHS external review assistance, 1-888-866-6205';

UPDATE "RuleProfile"
SET "regulatorContact" = 'DMHC Help Center, 1-888-466-2219 (TDD 1-877-688-9891), www.dmhc.ca.gov'
WHERE "code" = 'california' AND "regulatorContact" = 'DMHC Help Center, 1-888-466-2219, www.dmhc.ca.gov';
