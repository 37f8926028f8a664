-- Names in register style (transforms/register_style.py): a record's name may now be `styled`
-- (the seat with "w" and in the locative, a house number dropped, "m.st." written out) or
-- `styled_seat` (a type's register name given the seat of its address); an institution's name
-- may be `unseated` (that name as written, when the seat would name another institution too).
-- Only the column comments change.
COMMENT ON COLUMN records.name_form IS 'Skąd nazwa: written | styled | styled_seat | restored | folded | expanded | expanded_seat | acronym_led | acronym — how the name came to be (styled: in register style; styled_seat: the seat added from the address).';
COMMENT ON COLUMN institution_names.name_form IS 'Skąd nazwa (jak records.name_form; unseated = nazwa jak zapisana, bo siedziba z adresu pasowałaby też do innej instytucji; decision = wpisana przez koordynatora) — how the name came to be (unseated: as written, the seat from the address would fit another institution too; decision: typed by a coordinator).';
