-- What each record's own text states about its support (transforms.support_statements): the
-- forms of support it states (apart from its type's defaults), ages, fees, referral and
-- weekly schedules, kept simple for the publication: list and JSON columns. The sentences
-- that state them are kept apart in `support_evidence`, which may name staff and stays out
-- of the analysts' snapshot like the other free text.

ALTER TABLE records ADD COLUMN services_stated VARCHAR[] DEFAULT [];
ALTER TABLE records ADD COLUMN services_default VARCHAR[] DEFAULT [];
ALTER TABLE records ADD COLUMN ages VARCHAR;
ALTER TABLE records ADD COLUMN fees_free BOOLEAN;
ALTER TABLE records ADD COLUMN referral_required BOOLEAN;
ALTER TABLE records ADD COLUMN schedules VARCHAR;
ALTER TABLE records ADD COLUMN support_evidence VARCHAR;

COMMENT ON COLUMN records.services_stated IS 'Usługi, które tekst rekordu deklaruje (kody z docs/taxonomy.md), przed domyślnymi dla typu — service codes the record''s own text states.';
COMMENT ON COLUMN records.services_default IS 'Usługi domyślne dla typu instytucji, których nic innego nie podało — service codes that come only from the institution type''s defaults.';
COMMENT ON COLUMN records.ages IS 'JSON: przedziały wieku, np. [{"min": 0, "max": 3}] (null = bez ograniczenia) — age ranges stated for the people served.';
COMMENT ON COLUMN records.fees_free IS 'Czy tekst mówi, że pomoc jest bezpłatna (true), płatna (false); NULL gdy nie mówi — whether the text says the support is free, paid, or (NULL) nothing.';
COMMENT ON COLUMN records.referral_required IS 'Czy potrzebne skierowanie lub orzeczenie (true), bez skierowania (false); NULL gdy tekst nie mówi — whether a referral is needed, not needed, or (NULL) not said.';
COMMENT ON COLUMN records.schedules IS 'JSON: godziny w tygodniu, np. [{"days": ["Mo","Tu"], "opens": "07:30", "closes": "15:30", "what": ""}] (days puste: godziny na wskazane daty) — weekly schedules stated.';
COMMENT ON COLUMN records.support_evidence IS 'JSON: zdania, które to deklarują (mogą zawierać nazwiska; poza migawką dla analityków) — the sentences stating each service, age, fee, referral and schedule (may name staff; left out of the analysts'' snapshot).';
