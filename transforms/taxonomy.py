"""The documented taxonomy of the directory, as data: sectors, institution types, services and
target groups, with the Polish lemma sequences that recognise each of them.

`transforms.classify` reads these tables; `render_taxonomy_markdown()` turns them into
`docs/taxonomy.md`, which is committed so that analysts and coordinators can read the codes
without reading Python. Change the tables here, then regenerate the document
(`python -m transforms.taxonomy > docs/taxonomy.md`); a test fails while the two disagree.

Patterns are sequences of lemmas (the dictionary forms Morfeusz gives: nouns in the nominative
singular, adjectives in the masculine nominative singular, gerunds under their verb:
"orzekania" -> "orzekać"). A word matches a pattern element when any of its candidate lemmas
equals the element. The element `*` skips up to `MAX_GAP` words ("Komenda Powiatowa Policji"
matches "komenda * policja"). Hyphenated compounds are split into words, so
"Psychologiczno-Pedagogiczna" is the two elements "psychologiczny pedagogiczny" (the first part
is an ad-adjectival form that the classifier maps back to its adjective). An element ending in
`~` is a stem, for the few words Morfeusz does not know ("wytchnieniow~" matches every form of
"wytchnieniowy", with or without diacritics).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

GAP = "*"
STEM = "~"
MAX_GAP = 3
TYPE_OTHER = "other"

Pattern = tuple[str, ...]


def _patterns(*specs: str) -> tuple[Pattern, ...]:
    """ "komenda * policja" -> ("komenda", "*", "policja"); keeps the tables readable."""
    return tuple(tuple(spec.split()) for spec in specs)


@dataclass(frozen=True, slots=True)
class Sector:
    code: str
    label_pl: str
    label_en: str


@dataclass(frozen=True, slots=True)
class InstitutionType:
    """One kind of institution. `weak_patterns` only decide when nothing stronger matched
    ("Gmina Czajków" is the municipality; "Gmina Biecz – Klub Senior+" is the club).
    `unit_of` lists types this one can be a named unit of: when the head of a name is of such a
    type and this type is mentioned after it, the unit wins ("Sąd Rejonowy w Kielcach – Zespół
    Kuratorskiej Służby Sądowej" is the probation team)."""

    code: str
    label_pl: str
    label_en: str
    sector: str
    patterns: tuple[Pattern, ...]
    acronyms: tuple[str, ...] = ()
    weak_patterns: tuple[Pattern, ...] = ()
    unit_of: tuple[str, ...] = ()
    default_services: tuple[str, ...] = ()
    default_target_groups: tuple[str, ...] = ()
    # A catch-all type ("szkoła") that yields to a more specific type of the same sector.
    generic: bool = False


@dataclass(frozen=True, slots=True)
class Service:
    code: str
    label_pl: str
    label_en: str
    triggers: tuple[Pattern, ...]


@dataclass(frozen=True, slots=True)
class TargetGroup:
    code: str
    label_pl: str
    label_en: str
    triggers: tuple[Pattern, ...]


@dataclass(frozen=True, slots=True)
class Exclusion:
    """A phrase that starts like an institution type but is something else; a type pattern
    matching at the same word is ignored ("Przychodnia Weterynaryjna", "Szkoła Jazdy")."""

    pattern: Pattern
    reason: str


SECTORS: tuple[Sector, ...] = (
    Sector("education", "oświata", "education"),
    Sector("health", "ochrona zdrowia", "health"),
    Sector(
        "social_assistance",
        "pomoc społeczna (w tym wspieranie rodziny i piecza zastępcza)",
        "social assistance (incl. family support and foster care)",
    ),
    Sector("justice", "sądy, kuratorzy, prokuratura", "justice (courts, probation officers)"),
    Sector("police", "policja i bezpieczeństwo publiczne", "police and public safety"),
    Sector("employment", "rynek pracy", "employment"),
    Sector("local_government", "samorząd i administracja", "local government and administration"),
    Sector("ngo", "organizacje pozarządowe", "non-governmental organisations"),
    Sector("culture_sport", "kultura i sport", "culture and sport"),
)

# Order matters only as the last tie-break (same start, same length): earlier wins.
INSTITUTION_TYPES: tuple[InstitutionType, ...] = (
    # --- social assistance ---------------------------------------------------------------
    InstitutionType(
        "ops",
        "ośrodek pomocy społecznej (MOPS, GOPS, MGOPS, MOPR)",
        "municipal social assistance centre",
        "social_assistance",
        _patterns(
            "ośrodek pomoc społeczny",
            "centrum pomoc społeczny",
            "ośrodek pomoc rodzina",
            # Seen in county articles: "Gminny Ośrodek Pomocy w Skarżysku Kościelnym".
            "gminny ośrodek pomoc",
            "miejski ośrodek pomoc",
        ),
        acronyms=("OPS", "MOPS", "GOPS", "MGOPS", "MOPR"),
        default_services=("financial_benefits", "social_work", "family_assistant", "counselling"),
        default_target_groups=("families",),
    ),
    InstitutionType(
        "cus",
        "centrum usług społecznych",
        "social services centre",
        "social_assistance",
        _patterns("centrum usługa społeczny"),
        acronyms=("CUS", "GCUS", "MCUS"),
        default_services=("financial_benefits", "social_work", "family_assistant", "counselling"),
        default_target_groups=("families",),
    ),
    InstitutionType(
        "pcpr",
        "powiatowe centrum pomocy rodzinie",
        "county family support centre",
        "social_assistance",
        _patterns("centrum pomoc rodzina"),
        acronyms=("PCPR",),
        default_services=("foster_care", "family_support", "disability_support", "counselling"),
        default_target_groups=(
            "families",
            "foster_families",
            "children",
            "people_with_disabilities",
            "care_leavers",
        ),
    ),
    InstitutionType(
        "rops",
        "regionalny ośrodek polityki społecznej",
        "regional social policy centre",
        "social_assistance",
        _patterns("ośrodek polityka społeczny"),
        acronyms=("ROPS",),
    ),
    InstitutionType(
        "dps",
        "dom pomocy społecznej",
        "residential care home (DPS)",
        "social_assistance",
        _patterns("dom pomoc społeczny"),
        acronyms=("DPS",),
        default_services=("residential_care",),
    ),
    InstitutionType(
        "care_home",
        "dom opieki / dom seniora (całodobowa placówka opieki)",
        "private residential care home",
        "social_assistance",
        _patterns(
            "dom opieka",
            "dom senior",
            "dom * starość",
            "placówka opieka całodobowy",
            "całodobowy placówka opieka",
        ),
        default_services=("residential_care",),
        default_target_groups=("seniors",),
    ),
    InstitutionType(
        "sds",
        "środowiskowy dom samopomocy",
        "community self-help centre (ŚDS)",
        "social_assistance",
        _patterns("środowiskowy dom samopomoc", "dom samopomoc"),
        acronyms=("ŚDS",),
        unit_of=("ops", "cus"),
        default_services=("day_care", "therapy", "rehabilitation"),
        default_target_groups=("people_with_mental_disorders", "people_with_disabilities"),
    ),
    InstitutionType(
        "wtz",
        "warsztat terapii zajęciowej",
        "occupational therapy workshop",
        "social_assistance",
        _patterns("warsztat terapia zajęciowy"),
        acronyms=("WTZ",),
        default_services=("therapy", "rehabilitation"),
        default_target_groups=("people_with_disabilities",),
    ),
    InstitutionType(
        "oik",
        "ośrodek interwencji kryzysowej",
        "crisis intervention centre",
        "social_assistance",
        _patterns(
            "ośrodek interwencja kryzysowy",
            "centrum interwencja kryzysowy",
            "punkt interwencja kryzysowy",
            "specjalistyczny ośrodek wsparcie",
        ),
        acronyms=("OIK", "SOW"),
        unit_of=("ops", "cus", "pcpr"),
        default_services=("crisis_intervention", "psychological_support", "counselling"),
        default_target_groups=("people_affected_by_violence", "families"),
    ),
    InstitutionType(
        "interdisciplinary_team",
        "zespół interdyscyplinarny",
        "interdisciplinary team (domestic violence)",
        "social_assistance",
        _patterns("zespół interdyscyplinarny"),
        unit_of=("ops", "cus", "municipal_office"),
        default_services=("domestic_violence",),
        default_target_groups=("people_affected_by_violence", "families"),
    ),
    InstitutionType(
        "counselling_centre",
        "punkt konsultacyjny / poradnia rodzinna",
        "counselling centre",
        "social_assistance",
        _patterns(
            "punkt konsultacyjny",
            "poradnia rodzinny",
            "poradnia psychologiczny",
            "ośrodek psychologiczny",
            "ośrodek poradnictwo",
            "centrum poradnictwo",
            "punkt poradnictwo",
        ),
        unit_of=("ops", "cus", "pcpr"),
        default_services=("counselling",),
    ),
    InstitutionType(
        "day_care",
        "placówka wsparcia dziennego (świetlica, ognisko wychowawcze)",
        "day-care centre for children",
        "social_assistance",
        _patterns(
            "placówka wsparcie dzienny",
            "świetlica",
            "ognisko wychowawczy",
            "klub młodzieżowy",
        ),
        acronyms=("PWD",),
        unit_of=("ops", "cus", "pcpr"),
        default_services=("day_care",),
        default_target_groups=("children", "youth"),
    ),
    InstitutionType(
        "foster_care_institution",
        "placówka opiekuńczo-wychowawcza (dom dziecka)",
        "residential foster care institution (children's home)",
        "social_assistance",
        _patterns(
            "placówka opiekuńczy wychowawczy",
            "placówka opiekuńczy terapeutyczny",
            "dom dziecko",
            "dom dla dziecko",
            "pogotowie opiekuńczy",
            "ośrodek preadopcyjny",
            "wioska dziecięcy",
        ),
        acronyms=("POW",),
        unit_of=("pcpr",),
        default_services=("foster_care", "residential_care"),
        default_target_groups=("children", "youth"),
    ),
    InstitutionType(
        "adoption_centre",
        "ośrodek adopcyjny",
        "adoption centre",
        "social_assistance",
        _patterns("ośrodek adopcyjny"),
        default_services=("adoption", "counselling"),
        default_target_groups=("families", "children"),
    ),
    InstitutionType(
        "senior_centre",
        "dzienny dom senior / klub seniora (Senior+)",
        "day centre or club for seniors",
        "social_assistance",
        _patterns(
            "dzienny dom senior",
            "dzienny dom pomoc",
            "dzienny dom pobyt",
            "klub senior",
            "senior wigor",
            "dom dzienny pobyt",
        ),
        unit_of=("ops", "cus"),
        default_services=("senior_activities", "day_care"),
        default_target_groups=("seniors",),
    ),
    InstitutionType(
        "shelter",
        "schronisko / noclegownia / mieszkanie chronione",
        "shelter or protected housing",
        "social_assistance",
        _patterns(
            "schronisko",
            "noclegownia",
            "ogrzewalnia",
            "dom samotny matka",
            "dom dla matka",
            "dom * bezdomny",
            "mieszkanie chronić",
            "mieszkanie wspomagać",
        ),
        unit_of=("ops", "cus", "pcpr"),
        default_services=("housing",),
    ),
    InstitutionType(
        "pzon",
        "zespół do spraw orzekania o niepełnosprawności",
        "disability assessment board",
        "social_assistance",
        _patterns("zespół * orzekać"),
        acronyms=("PZON", "MZON", "PZOoN", "MZOoN"),
        unit_of=("pcpr", "county_office"),
        default_services=("diagnosis", "disability_support"),
        default_target_groups=("people_with_disabilities",),
    ),
    InstitutionType(
        "nursery",
        "żłobek / klub dziecięcy",
        "nursery (children under 3)",
        "social_assistance",
        _patterns("żłobek", "klub dziecięcy"),
        default_services=("day_care",),
        default_target_groups=("children",),
    ),
    # --- education -----------------------------------------------------------------------
    InstitutionType(
        "ppp",
        "poradnia psychologiczno-pedagogiczna",
        "psychological and pedagogical counselling centre",
        "education",
        _patterns(
            "poradnia psychologiczny pedagogiczny",
            "poradnia pedagogiczny psychologiczny",
            "ośrodek poradnictwo psychologiczny pedagogiczny",
            "poradnia specjalistyczny psychologiczny",
        ),
        acronyms=("PPP", "PPPP", "MPPP"),
        default_services=("diagnosis", "counselling", "psychological_support", "therapy"),
        default_target_groups=("children", "youth", "students", "parents"),
    ),
    InstitutionType(
        "preschool",
        "przedszkole",
        "preschool",
        "education",
        _patterns("przedszkole", "punkt przedszkolny", "zespół wychowanie przedszkolny"),
        acronyms=("PP", "PM"),
        default_services=("education",),
        default_target_groups=("children",),
    ),
    InstitutionType(
        "primary_school",
        "szkoła podstawowa",
        "primary school",
        "education",
        _patterns("szkoła podstawowy"),
        acronyms=("SP",),
        unit_of=("school_complex",),
        default_services=("education",),
        default_target_groups=("children", "students"),
    ),
    InstitutionType(
        "secondary_school",
        "szkoła ponadpodstawowa (liceum, technikum, szkoła branżowa)",
        "secondary school",
        "education",
        _patterns(
            "szkoła ponadpodstawowy",
            "szkoła ponadgimnazjalny",
            "liceum",
            "technikum",
            "szkoła branżowy",
            "szkoła policealny",
            "szkoła zawodowy",
            "zasadniczy szkoła zawodowy",
            "gimnazjum",
            "centrum kształcenie zawodowy",
            "centrum kształcić zawodowy",
            "centrum kształcenie ustawiczny",
            "centrum kształcić ustawiczny",
        ),
        acronyms=("LO", "CKZiU", "CKZ", "CKU"),
        unit_of=("school_complex",),
        default_services=("education",),
        default_target_groups=("youth", "students"),
    ),
    InstitutionType(
        "school_complex",
        "zespół szkół / zespół szkolno-przedszkolny",
        "school complex",
        "education",
        _patterns(
            "zespół szkoła",
            "zespół szkolny",
            "zespół placówka oświatowy",
            "zespół oświatowy",
        ),
        acronyms=("ZS", "ZSP", "ZSO", "ZSZ", "ZSS", "ZSCKR"),
        default_services=("education",),
        default_target_groups=("children", "youth", "students"),
    ),
    InstitutionType(
        "school",
        "szkoła (inna lub nieokreślona)",
        "school (other or unspecified)",
        "education",
        _patterns("szkoła"),
        default_services=("education",),
        default_target_groups=("students",),
        generic=True,
    ),
    InstitutionType(
        "sosw",
        "specjalny ośrodek szkolno-wychowawczy",
        "special school and care centre",
        "education",
        _patterns(
            "specjalny ośrodek szkolny wychowawczy",
            "ośrodek szkolny wychowawczy",
            "specjalny ośrodek wychowawczy",
            "ośrodek rewalidacyjny wychowawczy",
            "ośrodek rehabilitacyjny edukacyjny wychowawczy",
        ),
        acronyms=("SOSW", "OREW", "ORW"),
        default_services=("education", "rehabilitation", "residential_care"),
        default_target_groups=("children", "youth", "students", "people_with_disabilities"),
    ),
    InstitutionType(
        "mos",
        "młodzieżowy ośrodek socjoterapii",
        "youth sociotherapy centre",
        "education",
        _patterns("młodzieżowy ośrodek socjoterapia", "młodzieżowy centrum socjoterapia"),
        acronyms=("MOS",),
        default_services=("education", "therapy"),
        default_target_groups=("youth", "students"),
    ),
    InstitutionType(
        "mow",
        "młodzieżowy ośrodek wychowawczy",
        "youth educational centre (court-ordered)",
        "education",
        _patterns("młodzieżowy ośrodek wychowawczy"),
        acronyms=("MOW",),
        default_services=("education", "residential_care"),
        default_target_groups=("youth", "students"),
    ),
    InstitutionType(
        "extracurricular",
        "placówka wychowania pozaszkolnego (młodzieżowy dom kultury, pałac młodzieży)",
        "out-of-school education centre",
        "education",
        _patterns(
            "młodzieżowy dom kultura",
            "pałac młodzież",
            "ognisko praca pozaszkolny",
            "placówka wychowanie pozaszkolny",
        ),
        acronyms=("MDK",),
        default_services=("education", "leisure_activities"),
        default_target_groups=("children", "youth"),
    ),
    InstitutionType(
        "dormitory",
        "bursa / internat",
        "school dormitory",
        "education",
        _patterns("bursa", "internat"),
        default_target_groups=("youth", "students"),
    ),
    InstitutionType(
        "education_authority",
        "kuratorium oświaty",
        "regional education authority",
        "education",
        _patterns("kuratorium oświata", "kuratorium"),
    ),
    # --- health --------------------------------------------------------------------------
    InstitutionType(
        "hospital",
        "szpital",
        "hospital",
        "health",
        _patterns("szpital"),
        unit_of=("health_clinic",),
        default_services=("health_care",),
    ),
    InstitutionType(
        "health_clinic",
        "przychodnia / zakład opieki zdrowotnej (SP ZOZ, NZOZ)",
        "outpatient clinic / health care provider",
        "health",
        _patterns(
            "przychodnia",
            "zakład opieka zdrowotny",
            "ośrodek zdrowie",
            "centrum medyczny",
            "centrum zdrowie",
            "gabinet lekarski",
            "praktyka lekarski",
        ),
        acronyms=("SP ZOZ", "SPZOZ", "ZOZ", "NZOZ", "SPZZOZ", "GOZ"),
        default_services=("health_care",),
    ),
    InstitutionType(
        "mental_health",
        "poradnia zdrowia psychicznego / centrum zdrowia psychicznego",
        "mental health clinic or centre",
        "health",
        _patterns(
            "poradnia zdrowie psychiczny",
            "centrum zdrowie psychiczny",
            "poradnia psychiatryczny",
            "oddział psychiatryczny",
            "ośrodek środowiskowy opieka psychologiczny",
            "centrum środowiskowy opieka psychologiczny",
            "szpital psychiatryczny",
        ),
        acronyms=("CZP",),
        unit_of=("health_clinic", "hospital"),
        default_services=("psychiatry", "psychological_support", "therapy"),
        default_target_groups=("people_with_mental_disorders",),
    ),
    InstitutionType(
        "addiction_treatment",
        "poradnia / ośrodek terapii uzależnień",
        "addiction treatment clinic or centre",
        "health",
        _patterns(
            "poradnia * uzależnienie",
            "ośrodek * uzależnienie",
            "centrum * uzależnienie",
            "poradnia odwykowy",
            "oddział * odwykowy",
            "poradnia * alkoholowy",
        ),
        unit_of=("health_clinic", "hospital"),
        default_services=("addiction_support", "therapy"),
        default_target_groups=("people_with_addictions",),
    ),
    InstitutionType(
        "long_term_care",
        "zakład opiekuńczo-leczniczy / hospicjum",
        "long-term care or hospice",
        "health",
        _patterns(
            "zakład opiekuńczy leczniczy",
            "zakład pielęgnacyjny opiekuńczy",
            "hospicjum",
        ),
        acronyms=("ZOL",),
        unit_of=("health_clinic", "hospital"),
        default_services=("health_care", "residential_care"),
        default_target_groups=("chronically_ill",),
    ),
    InstitutionType(
        "sanepid",
        "stacja sanitarno-epidemiologiczna",
        "sanitary-epidemiological station",
        "health",
        _patterns(
            "stacja sanitarny epidemiologiczny",
            "kontrola sanitarny epidemiologiczny",
            "sanepid",
        ),
        acronyms=("PSSE", "WSSE", "GSSE", "GPKSE"),
        default_services=("prevention",),
    ),
    # --- justice -------------------------------------------------------------------------
    InstitutionType(
        "court",
        "sąd (rejonowy, okręgowy, apelacyjny)",
        "court",
        "justice",
        _patterns("sąd", "wydział rodzinny"),
        acronyms=("SR", "SO"),
    ),
    InstitutionType(
        "probation",
        "zespół kuratorskiej służby sądowej",
        "probation service (court probation officers)",
        "justice",
        _patterns(
            "zespół kuratorski",
            "kuratorski służba",
            "kurator sądowy",
            "kurator zawodowy",
            "kurator rodzinny",
            "kurator społeczny",
        ),
        unit_of=("court",),
        default_services=("probation_supervision",),
        default_target_groups=("families", "youth"),
    ),
    InstitutionType(
        "court_experts_team",
        "opiniodawczy zespół sądowych specjalistów",
        "court family assessment team",
        "justice",
        _patterns("opiniodawczy zespół", "zespół sądowy specjalista"),
        acronyms=("OZSS",),
        unit_of=("court",),
        default_services=("diagnosis",),
        default_target_groups=("families", "children"),
    ),
    InstitutionType(
        "prosecutor",
        "prokuratura",
        "public prosecutor's office",
        "justice",
        _patterns("prokuratura"),
    ),
    InstitutionType(
        "legal_aid_point",
        "punkt nieodpłatnej pomocy prawnej",
        "free legal aid point",
        "justice",
        _patterns(
            "punkt nieodpłatny pomoc prawny",
            "punkt nieodpłatny poradnictwo",
            "punkt pomoc prawny",
            "nieodpłatny pomoc prawny",
        ),
        unit_of=("county_office", "municipal_office", "ngo"),
        default_services=("legal_aid", "counselling"),
    ),
    # --- police and public safety --------------------------------------------------------
    InstitutionType(
        "police",
        "komenda / komisariat policji",
        "police headquarters or station",
        "police",
        _patterns("komenda * policja", "komisariat", "posterunek * policja"),
        acronyms=("KPP", "KMP", "KWP", "KSP", "KRP"),
        weak_patterns=_patterns("policja"),
        default_services=("prevention",),
    ),
    InstitutionType(
        "municipal_guard",
        "straż miejska / gminna",
        "municipal guard",
        "police",
        _patterns("straż miejski", "straż gminny"),
        default_services=("prevention",),
    ),
    # --- employment ----------------------------------------------------------------------
    InstitutionType(
        "pup",
        "urząd pracy (PUP, WUP)",
        "labour office",
        "employment",
        _patterns("urząd praca", "centrum aktywizacja zawodowy"),
        acronyms=("PUP", "WUP", "MUP"),
        default_services=("employment_services",),
        default_target_groups=("unemployed",),
    ),
    InstitutionType(
        "cis",
        "centrum / klub integracji społecznej, zakład aktywności zawodowej",
        "social integration centre or sheltered workplace",
        "employment",
        _patterns(
            "centrum integracja społeczny",
            "klub integracja społeczny",
            "zakład aktywność zawodowy",
        ),
        acronyms=("CIS", "KIS", "ZAZ"),
        default_services=("employment_services",),
        default_target_groups=("unemployed",),
    ),
    InstitutionType(
        "ohp",
        "ochotnicze hufce pracy",
        "Voluntary Labour Corps (youth)",
        "employment",
        _patterns("hufiec praca", "centrum edukacja i praca młodzież"),
        acronyms=("OHP",),
        default_services=("employment_services", "education"),
        default_target_groups=("youth",),
    ),
    InstitutionType(
        "labour_inspectorate",
        "okręgowy inspektorat pracy (Państwowa Inspekcja Pracy)",
        "labour inspectorate",
        "employment",
        _patterns("inspektorat praca", "inspekcja praca"),
        acronyms=("PIP", "OIP"),
        default_services=("legal_aid",),
    ),
    # --- local government ----------------------------------------------------------------
    InstitutionType(
        "county_office",
        "starostwo powiatowe",
        "county office",
        "local_government",
        _patterns("starostwo", "urząd powiatowy"),
        weak_patterns=_patterns("powiat"),
    ),
    InstitutionType(
        "municipal_office",
        "urząd gminy / miasta",
        "municipal office",
        "local_government",
        _patterns("urząd gmina", "urząd miasto", "urząd miejski", "urząd dzielnica"),
        acronyms=("UG", "UM", "UMiG", "UGiM"),
        weak_patterns=_patterns("gmina", "miasto"),
    ),
    InstitutionType(
        "regional_office",
        "urząd marszałkowski / urząd wojewódzki",
        "voivodeship office",
        "local_government",
        _patterns("urząd marszałkowski", "urząd wojewódzki"),
        acronyms=("UMWM", "MUW", "ŚUW"),
    ),
    InstitutionType(
        "addiction_commission",
        "gminna komisja rozwiązywania problemów alkoholowych",
        "municipal commission for alcohol problems",
        "local_government",
        _patterns("komisja * problem alkoholowy", "komisja * uzależnienie"),
        acronyms=("GKRPA", "MKRPA", "MGKRPA"),
        unit_of=("municipal_office", "ops", "cus"),
        default_services=("addiction_support", "prevention"),
        default_target_groups=("people_with_addictions",),
    ),
    # --- NGOs ----------------------------------------------------------------------------
    InstitutionType(
        "ngo",
        "stowarzyszenie / fundacja / uniwersytet trzeciego wieku",
        "association, foundation or other NGO",
        "ngo",
        _patterns(
            "stowarzyszenie",
            "fundacja",
            "towarzystwo",
            "związek",
            "federacja",
            "uniwersytet trzeci wiek",
            # Seniors' universities under other names: "Uniwersytet Złotego Wieku".
            "uniwersytet * wiek",
            "uniwersytet senior",
            "uniwersytet otwarty",
            "spółdzielnia socjalny",
            "koło gospodyni wiejski",
            "ochotniczy straż pożarny",
            "polski czerwony krzyż",
            "caritas",
            "parafia",
            "klub abstynent",
            "komitet pomoc społeczny",
        ),
        acronyms=("UTW", "TPD", "PCK", "PKPS", "PSONI", "OSP", "KGW", "ZHP"),
    ),
    # --- culture and sport ---------------------------------------------------------------
    InstitutionType(
        "library",
        "biblioteka",
        "library",
        "culture_sport",
        _patterns("biblioteka", "książnica"),
        acronyms=("GBP", "MBP", "MGBP", "PBP"),
        default_services=("leisure_activities",),
    ),
    InstitutionType(
        "culture_centre",
        "ośrodek kultury / dom kultury",
        "culture centre",
        "culture_sport",
        _patterns(
            "ośrodek kultura",
            "dom kultura",
            "centrum kultura",
            "świetlica wiejski",
            "muzeum",
        ),
        acronyms=("GOK", "MOK", "MGOK", "GCK", "MCK"),
        default_services=("leisure_activities",),
    ),
    InstitutionType(
        "arts_group",
        "zespół artystyczny (śpiewaczy, ludowy, taneczny), chór, orkiestra",
        "amateur arts group",
        "culture_sport",
        _patterns(
            "zespół śpiewaczy",
            "zespół ludowy",
            "zespół folklorystyczny",
            "zespół pieśń",
            "zespół taneczny",
            "zespół muzyczny",
            "zespół regionalny",
            "chór",
            "orkiestra",
            "kapela",
        ),
        unit_of=("culture_centre",),
        default_services=("leisure_activities",),
    ),
    InstitutionType(
        "sport",
        "ośrodek sportu i rekreacji",
        "sports and recreation centre or club",
        "culture_sport",
        _patterns(
            "ośrodek sport",
            "ośrodek sportowy",
            "centrum sport",
            "klub sportowy",
            "międzyszkolny ośrodek sportowy",
        ),
        acronyms=("MOSiR", "GOSiR", "OSiR", "MGOSiR", "UKS", "LKS", "GKS", "MKS", "MLKS"),
        default_services=("leisure_activities",),
    ),
)

EXCLUSIONS: tuple[Exclusion, ...] = (
    Exclusion(("przychodnia", "weterynaryjny"), "veterinary clinic"),
    Exclusion(("gabinet", "weterynaryjny"), "veterinary practice"),
    Exclusion(("szkoła", "jazda"), "driving school"),
    Exclusion(("szkoła", "taniec"), "dance school"),
    Exclusion(("szkoła", "językowy"), "private language school"),
    Exclusion(("szkoła", "język"), "private language school"),
    Exclusion(("szkoła", "rodzić"), "antenatal classes"),
    Exclusion(("szkoła", "wysoki"), "higher education ('szkoła wyższa')"),
    Exclusion(("schronisko", GAP, "zwierzę"), "animal shelter"),
    Exclusion(("schronisko", "młodzieżowy"), "youth hostel"),
    Exclusion(("schronisko", "górski"), "mountain hut"),
    Exclusion(("sąd", "koleżeński"), "disciplinary panel of an association"),
    Exclusion(("sąd", "polubowny"), "arbitration court"),
    Exclusion(("związek", "gmina"), "inter-municipal union, not an NGO"),
    Exclusion(("związek", "powiat"), "inter-county union, not an NGO"),
    Exclusion(("dom", "weselny"), "wedding venue"),
    Exclusion(("konsultacja", "społeczny"), "public consultation on a local policy"),
)

SERVICES: tuple[Service, ...] = (
    Service(
        "counselling",
        "poradnictwo specjalistyczne",
        "counselling",
        _patterns(
            "poradnictwo",
            "porada",
            "punkt konsultacyjny",
            "konsultacja",
            "doradztwo",
            "konsultować",
            "poradnictwo specjalistyczny",
            "specjalistyczny poradnictwo",
        ),
    ),
    Service(
        "psychological_support",
        "pomoc psychologiczna",
        "psychological support",
        _patterns(
            "pomoc psychologiczny",
            "wsparcie psychologiczny",
            "opieka psychologiczny",
            "poradnictwo psychologiczny",
            "porada psychologiczny",
            "konsultacja psychologiczny",
            "terapia psychologiczny",
            "psycholog",
            "psycholożka",
            "psychoedukacja",
            "interwencja psychologiczny",
        ),
    ),
    Service(
        "psychotherapy",
        "psychoterapia",
        "psychotherapy",
        _patterns(
            "psychoterapia",
            "psychoterapeutyczny",
            "psychoterapeuta",
            "terapia psychodynamiczny",
            "terapia systemowy",
            "terapia * behawioralny",
        ),
    ),
    Service(
        "psychiatry",
        "leczenie psychiatryczne",
        "psychiatry",
        _patterns(
            "psychiatra",
            "lekarz psychiatra",
            "psychiatria",
            "psychiatryczny",
            "poradnia zdrowie psychiczny",
            "centrum zdrowie psychiczny",
        ),
    ),
    Service(
        "therapy",
        "terapia",
        "therapy",
        _patterns(
            "terapia",
            "socjoterapia",
            "terapeutyczny",
            "socjoterapeutyczny",
            "arteterapia",
            "muzykoterapia",
            "hipoterapia",
            "dogoterapia",
            "ergoterapia",
            "biofeedback",
            # Morfeusz does not know "bajkoterapia": a stem.
            "bajkoterapi~",
            # nor the adjectives of art, music, dog and horse therapy ("warsztaty
            # arteterapeutyczne", "zajęcia dogoterapeutyczne")
            "arteterapeutyczn~",
            "muzykoterapeutyczn~",
            "dogoterapeutyczn~",
            "hipoterapeutyczn~",
            "trening umiejętność społeczny",
        ),
    ),
    Service(
        "educational_therapy",
        "terapia pedagogiczna",
        "educational therapy",
        _patterns(
            "terapia pedagogiczny",
            "terapeuta pedagogiczny",
            "pedagog terapeuta",
            "korekcyjny kompensacyjny",
            "zajęcia wyrównawczy",
            "zajęcia dydaktyczny wyrównawczy",
            "dysleksja",
            "dysgrafia",
            "dysortografia",
            "dyskalkulia",
        ),
    ),
    Service(
        "speech_therapy",
        "terapia logopedyczna",
        "speech therapy",
        # Morfeusz does not know "neurologopeda" and its adjective: a stem.
        _patterns(
            "logopeda",
            "logopedka",
            "logopedyczny",
            # the whole phrase, so that its "terapia" is not read as another therapy too
            "terapia logopedyczny",
            "zajęcia logopedyczny",
            "logopedia",
            "neurologoped~",
            "wada wymowa",
            "terapia mowa",
            "jąkanie",
            "terapia jąkanie",
        ),
    ),
    Service(
        "sensory_integration",
        "integracja sensoryczna",
        "sensory integration",
        _patterns(
            "integracja sensoryczny",
            # "terapia integracji sensorycznej" is one form, not therapy beside it
            "terapia integracja sensoryczny",
            "terapia si",
            "zajęcia si",
            "diagnoza si",
        ),
    ),
    Service(
        "crisis_intervention",
        "interwencja kryzysowa",
        "crisis intervention",
        _patterns("interwencja kryzysowy", "sytuacja kryzysowy", "kryzys psychiczny"),
    ),
    Service(
        "helpline",
        "telefon zaufania, infolinia wsparcia",
        "helpline",
        _patterns(
            "telefon zaufanie",
            "infolinia",
            "linia wsparcie",
            "telefon interwencyjny",
            "telefon wsparcie",
        ),
    ),
    Service(
        "support_group",
        "grupy wsparcia",
        "support groups",
        _patterns(
            "grupa wsparcie", "grupa samopomocowy", "grupa samopomoc", "grupa wzajemny pomoc"
        ),
    ),
    Service(
        "parenting_school",
        "szkoła dla rodziców, warsztaty umiejętności wychowawczych",
        "parenting classes",
        _patterns(
            "szkoła dla rodzic",
            "szkoła dla rodzice",
            "szkoła rodzic",
            "warsztat umiejętność wychowawczy",
            "trening umiejętność wychowawczy",
            "umiejętność wychowawczy",
            "warsztat dla rodzic",
            "warsztat dla rodzice",
        ),
    ),
    Service(
        "foster_care",
        "piecza zastępcza",
        "foster care",
        _patterns(
            "piecza zastępczy",
            "rodzina zastępczy",
            "rodzinny dom dziecko",
            "placówka opiekuńczy wychowawczy",
            "dom dziecko",
        ),
    ),
    Service(
        "adoption",
        "adopcja",
        "adoption",
        _patterns("adopcja", "adopcyjny", "przysposobienie"),
    ),
    Service(
        "family_assistant",
        "asystent rodziny",
        "family assistant",
        _patterns("asystent rodzina", "asystentura rodzinny"),
    ),
    Service(
        "family_support",
        "wspieranie rodziny",
        "family support",
        _patterns(
            "wspierać rodzina",
            "wsparcie rodzina",
            "pomoc rodzina",
            "praca z rodzina",
            "rodzina wspierać",
            "wsparcie dla rodzina",
            "pomoc dla rodzina",
        ),
    ),
    Service(
        "social_work",
        "praca socjalna",
        "social work",
        _patterns("praca socjalny", "pracownik socjalny"),
    ),
    Service(
        "day_care",
        "opieka dzienna (świetlica)",
        "day care",
        _patterns(
            "opieka dzienny",
            "świetlica",
            "wsparcie dzienny",
            # "placówki opiekuńczo-wychowawcze wsparcia dziennego" are day care, not foster care
            "placówka opiekuńczy wychowawczy wsparcie dzienny",
            "pobyt dzienny",
            "dzienny pobyt",
            "dzienny ośrodek",
            "dzienny dom",
            "klub młodzieżowy",
            "ognisko wychowawczy",
        ),
    ),
    Service(
        "home_care",
        "usługi opiekuńcze",
        "home care services",
        _patterns("usługa opiekuńczy", "opieka domowy"),
    ),
    Service(
        "respite_care",
        "opieka wytchnieniowa",
        "respite care",
        # Morfeusz does not know "wytchnieniowy": a stem.
        _patterns("wytchnieniow~", "opieka wytchnienie"),
    ),
    Service(
        "residential_care",
        "całodobowa opieka",
        "residential (24-hour) care",
        _patterns(
            "całodobowy opieka",
            "opieka całodobowy",
            "opieka stacjonarny",
            "stacjonarny opieka",
            "pobyt całodobowy",
            "całodobowy pobyt",
            "pobyt stały",
        ),
    ),
    Service(
        "legal_aid",
        "pomoc prawna",
        "legal aid",
        _patterns(
            "pomoc prawny",
            "porada prawny",
            "poradnictwo prawny",
            "prawnik",
            "radca prawny",
            "adwokat",
            "poradnictwo obywatelski",
        ),
    ),
    Service(
        "mediation",
        "mediacje",
        "mediation",
        _patterns("mediacja", "mediator"),
    ),
    Service(
        "financial_benefits",
        "świadczenia i zasiłki",
        "financial benefits",
        _patterns(
            "zasiłek",
            "świadczenie rodzinny",
            "świadczenie pieniężny",
            "świadczenie wychowawczy",
            "świadczenie socjalny",
            "dodatek mieszkaniowy",
            "dodatek osłonowy",
            "pomoc finansowy",
            "pomoc materialny",
            "fundusz alimentacyjny",
            "świadczenie alimentacyjny",
            "dodatek energetyczny",
            "dodatek węglowy",
            "pomoc pieniężny",
            "pokrycie koszt utrzymanie",
            "zapomoga",
            "wypłacać * świadczenie",
            "przyznawać * świadczenie",
            "stypendium",
        ),
    ),
    Service(
        "material_aid",
        "pomoc rzeczowa i żywnościowa",
        "material and food aid",
        _patterns(
            "pomoc żywnościowy",
            "paczka żywnościowy",
            "pomoc rzeczowy",
            "posiłek",
            "odzież",
            "wyżywienie",
            "żywność",
            "dożywianie",
            "bank żywność",
            "artykuł spożywczy",
            "paczka",
        ),
    ),
    Service(
        "housing",
        "mieszkanie chronione, schronienie",
        "housing and shelter",
        _patterns(
            "mieszkanie chronić",
            "mieszkanie wspomagać",
            "mieszkanie treningowy",
            "mieszkanie wspierać",
            "mieszkanie socjalny",
            "lokal socjalny",
            "schronienie",
            "schronisko",
            "hostel",
            "noclegownia",
            "ogrzewalnia",
        ),
    ),
    Service(
        "employment_services",
        "usługi rynku pracy (pośrednictwo, staże, szkolenia)",
        "employment services",
        _patterns(
            "pośrednictwo praca",
            "staż",
            "szkolenie zawodowy",
            "szkolenie dla bezrobotny",
            "aktywizacja zawodowy",
            "reintegracja zawodowy",
            "bon stażowy",
            "bon szkoleniowy",
            "klub praca",
            "praca interwencyjny",
            "robota publiczny",
            "poszukujący praca",
            "poszukiwać praca",
            "zakład aktywność zawodowy",
            "rejestracja * bezrobotny",
            "praca społecznie użyteczny",
            "podjęcie działalność gospodarczy",
        ),
    ),
    Service(
        "career_guidance",
        "doradztwo zawodowe, wybór szkoły i zawodu",
        "career guidance",
        _patterns(
            "doradztwo zawodowy",
            "poradnictwo zawodowy",
            "doradca zawodowy",
            "orientacja zawodowy",
            "preorientacja zawodowy",
            "wybór zawód",
            "wybór szkoła",
            "wybór kierunek",
            "wybór kierunek kształcenie",
        ),
    ),
    Service(
        "diagnosis",
        "diagnoza, orzekanie, opiniowanie",
        "diagnosis and assessment",
        _patterns(
            "diagnoza",
            "diagnostyka",
            "diagnostyczny",
            "diagnozować",
            "zdiagnozować",
            # Bare "orzeczenie" is also a court judgment ("Portal Orzeczeń").
            "orzekać o",
            "orzeczenie o",
            "opiniować",
            "wydawać * opinia",
            "wydawać * orzeczenie",
            "zespół orzekać",
            "opinia psychologiczny",
            "badanie psychologiczny",
            "badanie pedagogiczny",
            "badanie logopedyczny",
            "badanie specjalistyczny",
            "badanie przesiewowy",
            "ocena funkcjonalny",
        ),
    ),
    Service(
        "early_support",
        "wczesne wspomaganie rozwoju",
        "early childhood development support",
        # "WWR" as the pages abbreviate it (Morfeusz does not know it: a stem).
        _patterns("wczesny wspomaganie", "wczesny wspomagać", "wczesny interwencja", "wwr~"),
    ),
    Service(
        "rehabilitation",
        "rehabilitacja",
        "rehabilitation",
        _patterns(
            "rehabilitacja",
            "rehabilitacyjny",
            "fizjoterapia",
            "fizjoterapeuta",
            "kinezyterapia",
            "hydroterapia",
            "rewalidacja",
            "rehabilitacja społeczny",
            "turnus rehabilitacyjny",
            "gimnastyka korekcyjny",
            "masaż",
        ),
    ),
    Service(
        "disability_support",
        "wsparcie osób z niepełnosprawnościami",
        "disability support",
        _patterns(
            "wsparcie * niepełnosprawność",
            "wsparcie * niepełnosprawny",
            "pomoc * niepełnosprawny",
            "rzecz * niepełnosprawny",
            "asystent osobisty",
            "asystencja osobisty",
            "likwidacja bariera",
            "orzeczenie o niepełnosprawność",
            "legitymacja * niepełnosprawny",
            "legitymacja * niepełnosprawność",
            "asystent * niepełnosprawny",
            "asystent * niepełnosprawność",
            "tłumacz język migowy",
            "rehabilitacja * niepełnosprawny",
        ),
    ),
    Service(
        "addiction_support",
        "przeciwdziałanie uzależnieniom i terapia uzależnień",
        "addiction support",
        _patterns(
            "uzależnienie",
            "uzależniony",
            "współuzależnienie",
            "terapia * uzależnienie",
            "terapia * uzależniony",
            "problem alkoholowy",
            "alkoholizm",
            "narkomania",
            "odwykowy",
            "trzeźwość",
            "anonimowy alkoholik",
            # Prevention of addictions is addiction support, not prevention in general
            # (`benchmarks/web_corpus/ANNOTATION.md`: "profilaktyka i terapia uzależnień").
            "profilaktyka uzależnienie",
            "profilaktyka alkoholowy",
            "profilaktyka narkomania",
        ),
    ),
    Service(
        "domestic_violence",
        "przeciwdziałanie przemocy domowej (Niebieska Karta)",
        "domestic violence support",
        _patterns(
            "przemoc w rodzina",
            "przemoc domowy",
            "przeciwdziałać przemoc",
            "przeciwdziałanie przemoc",
            "ofiara przemoc",
            "sprawca przemoc",
            "doznawać przemoc",
            "niebieski karta",
        ),
    ),
    Service(
        "prevention",
        "profilaktyka",
        "prevention",
        _patterns(
            "profilaktyka",
            "profilaktyczny",
            "promocja zdrowie",
            # "dzieciom zagrożonym demoralizacją lub uzależnieniem"
            "zagrozić * uzależnienie",
            "zagrozić * demoralizacja",
        ),
    ),
    Service(
        "education",
        "edukacja",
        "education",
        # Bare "edukacja" names the service in a label or a type column; in a page's prose
        # `support_statements` does not read it alone (a menu item, a department).
        _patterns(
            "edukacja",
            "edukacja przedszkolny",
            "edukacja wczesnoszkolny",
            "warsztat edukacja",
            "warsztat edukacyjny",
            "kształcenie",
            "nauczanie",
            "zajęcia edukacyjny",
            "pomoc w nauka",
            "odrabiać lekcja",
            "wychowanie przedszkolny",
            # language lessons ("Zajęcia z języka angielskiego", "Nauka języków"); a bare
            # "język angielski" is as often a page's English version
            "zajęcia z język",
            "nauka język",
            "lekcja język",
            "kurs język",
        ),
    ),
    Service(
        "health_care",
        "opieka zdrowotna",
        "health care",
        _patterns(
            "opieka zdrowotny",
            "opieka medyczny",
            "świadczenie zdrowotny",
            "leczenie",
            "leczyć",
            "opieka lekarski",
            "opieka pielęgniarski",
            "szczepienie",
            "porada lekarski",
            "konsultacja lekarski",
            "badanie lekarski",
            "badanie w kierunek",
        ),
    ),
    Service(
        "probation_supervision",
        "nadzór kuratorski",
        "probation supervision",
        _patterns("nadzór kuratorski", "dozór", "kurator sądowy", "kuratela"),
    ),
    Service(
        "senior_activities",
        "aktywizacja seniorów",
        "activities for seniors",
        _patterns(
            "klub senior",
            "dzienny dom senior",
            "uniwersytet trzeci wiek",
            "aktywizacja senior",
            "aktywizacja osoba starszy",
            "zajęcia dla senior",
        ),
    ),
    Service(
        "leisure_activities",
        "zajęcia kulturalne, sportowe i rekreacyjne",
        "cultural, sports and leisure activities",
        _patterns(
            "zajęcia sportowy",
            "zajęcia pozalekcyjny",
            "zajęcia pozaszkolny",
            "zajęcia kulturalny",
            "zajęcia artystyczny",
            "zajęcia plastyczny",
            "zajęcia muzyczny",
            "zajęcia taneczny",
            "warsztat plastyczny",
            "warsztat muzyczny",
            "warsztat teatralny",
            "warsztat fotograficzny",
            "rekreacja",
            "wypoczynek",
            "wycieczka",
            "półkolonia",
            "koło zainteresowanie",
            "zajęcia rekreacyjny",
            "zajęcia ruchowy",
            "zajęcia teatralny",
            "zajęcia komputerowy",
            "zajęcia ogólnorozwojowy",
            "zajęcia rozwijać zainteresowanie",
            "kolonia",
        ),
    ),
)

TARGET_GROUPS: tuple[TargetGroup, ...] = (
    TargetGroup(
        "children",
        "dzieci",
        "children",
        _patterns("dziecko", "dziecięcy", "niemowlę", "przedszkolak"),
    ),
    TargetGroup(
        "youth",
        "młodzież",
        "youth",
        _patterns("młodzież", "młodzieżowy", "nastolatek", "nieletni"),
    ),
    TargetGroup("students", "uczniowie", "students", _patterns("uczeń", "student", "uczennica")),
    TargetGroup("families", "rodziny", "families", _patterns("rodzina", "rodzinny")),
    TargetGroup(
        "parents",
        "rodzice i opiekunowie",
        "parents and carers",
        _patterns("rodzic", "rodzice", "opiekun prawny", "rodzicielstwo", "matka", "ojciec"),
    ),
    TargetGroup("adults", "dorośli", "adults", _patterns("dorosły")),
    TargetGroup(
        "seniors",
        "seniorzy, osoby starsze",
        "seniors",
        _patterns("senior", "osoba starszy", "podeszły wiek", "trzeci wiek", "emeryt"),
    ),
    TargetGroup(
        "people_with_disabilities",
        "osoby z niepełnosprawnościami",
        "people with disabilities",
        _patterns(
            "niepełnosprawny",
            "niepełnosprawność",
            "niepełnosprawna",
            "niewidomy",
            "słabowidzący",
            "słabosłyszący",
            "głuchy",
            "autyzm",
        ),
    ),
    TargetGroup(
        "people_with_mental_disorders",
        "osoby z zaburzeniami psychicznymi",
        "people with mental disorders",
        _patterns(
            "zaburzenie psychiczny",
            "psychicznie chory",
            "choroba psychiczny",
            "zdrowie psychiczny",
        ),
    ),
    TargetGroup(
        "chronically_ill",
        "osoby przewlekle chore",
        "chronically ill people",
        _patterns("przewlekle * chory", "przewlekle somatycznie", "choroba przewlekły"),
    ),
    TargetGroup(
        "unemployed",
        "osoby bezrobotne",
        "unemployed people",
        _patterns("bezrobotny", "bezrobocie", "poszukiwać praca", "poszukujący praca"),
    ),
    TargetGroup(
        "homeless", "osoby bezdomne", "homeless people", _patterns("bezdomny", "bezdomność")
    ),
    TargetGroup(
        "people_in_poverty",
        "osoby ubogie, zagrożone wykluczeniem",
        "people in poverty or at risk of exclusion",
        _patterns("ubóstwo", "ubogi", "wykluczyć społeczny"),
    ),
    TargetGroup(
        "people_affected_by_violence",
        "osoby doznające przemocy",
        "people affected by violence",
        _patterns("przemoc", "niebieski karta", "pokrzywdzony"),
    ),
    TargetGroup(
        "people_with_addictions",
        "osoby uzależnione i ich bliscy",
        "people with addictions and their relatives",
        _patterns(
            "uzależnienie",
            "uzależniony",
            "współuzależnienie",
            "terapia * uzależnienie",
            "terapia * uzależniony",
            "problem alkoholowy",
            "alkoholizm",
            "narkomania",
        ),
    ),
    TargetGroup(
        "foster_families",
        "rodziny zastępcze",
        "foster families",
        _patterns("rodzina zastępczy", "rodzinny dom dziecko", "piecza zastępczy"),
    ),
    TargetGroup(
        "care_leavers",
        "usamodzielniani wychowankowie",
        "young people leaving care",
        _patterns("usamodzielnić", "usamodzielniać", "pełnoletni wychowanek"),
    ),
    TargetGroup(
        "migrants",
        "cudzoziemcy, uchodźcy",
        "migrants and refugees",
        _patterns("cudzoziemiec", "uchodźca", "migrant", "imigrant", "repatriant"),
    ),
)

SECTOR_BY_CODE: dict[str, Sector] = {sector.code: sector for sector in SECTORS}
TYPE_BY_CODE: dict[str, InstitutionType] = {kind.code: kind for kind in INSTITUTION_TYPES}
SERVICE_BY_CODE: dict[str, Service] = {service.code: service for service in SERVICES}
TARGET_GROUP_BY_CODE: dict[str, TargetGroup] = {group.code: group for group in TARGET_GROUPS}


class TaxonomyError(ValueError):
    """The taxonomy tables refer to a code that does not exist, or repeat one."""


def check_taxonomy() -> None:
    """Raise TaxonomyError naming every broken reference (run at import: a typo in a table
    must fail loudly, not silently drop a service)."""
    problems: list[str] = []
    for table_name, codes in (
        ("SECTORS", [s.code for s in SECTORS]),
        ("INSTITUTION_TYPES", [t.code for t in INSTITUTION_TYPES]),
        ("SERVICES", [s.code for s in SERVICES]),
        ("TARGET_GROUPS", [g.code for g in TARGET_GROUPS]),
    ):
        duplicates = sorted({code for code in codes if codes.count(code) > 1})
        if duplicates:
            problems.append(f"{table_name} repeats codes {duplicates}")
    for kind in INSTITUTION_TYPES:
        if kind.code == TYPE_OTHER:
            problems.append(f"type code {TYPE_OTHER!r} is reserved for unrecognised names")
        if kind.sector not in SECTOR_BY_CODE:
            problems.append(f"type {kind.code!r} has unknown sector {kind.sector!r}")
        if not kind.patterns and not kind.acronyms:
            problems.append(f"type {kind.code!r} has neither patterns nor acronyms")
        problems += [
            f"type {kind.code!r} lists unknown service {code!r}"
            for code in kind.default_services
            if code not in SERVICE_BY_CODE
        ]
        problems += [
            f"type {kind.code!r} lists unknown target group {code!r}"
            for code in kind.default_target_groups
            if code not in TARGET_GROUP_BY_CODE
        ]
        problems += [
            f"type {kind.code!r} is a unit of unknown type {code!r}"
            for code in kind.unit_of
            if code not in TYPE_BY_CODE
        ]
        # The classifier splits text at anything but letters, so "MOPS-u" could never match.
        problems += [
            f"type {kind.code!r} has acronym {acronym!r} that is not letters and spaces"
            for acronym in kind.acronyms
            if not all(part.isalpha() for part in acronym.split())
        ]
    for pattern in all_patterns():
        if not pattern or pattern[0] == GAP or pattern[-1] == GAP:
            problems.append(f"pattern {pattern!r} is empty or starts/ends with a gap")
        problems += [
            f"pattern {pattern!r} has {lemma!r}, which is not a lower-case word or stem"
            for lemma in pattern
            if lemma != GAP
            and not ((word := lemma.removesuffix(STEM)).isalpha() and word == word.lower())
        ]
    if problems:
        raise TaxonomyError("taxonomy tables are inconsistent: " + "; ".join(problems))


def all_patterns() -> Iterable[Pattern]:
    """Every lemma sequence in every table (types, exclusions, services, target groups)."""
    for kind in INSTITUTION_TYPES:
        yield from kind.patterns
        yield from kind.weak_patterns
    for exclusion in EXCLUSIONS:
        yield exclusion.pattern
    for service in SERVICES:
        yield from service.triggers
    for group in TARGET_GROUPS:
        yield from group.triggers


def is_stem(element: str) -> bool:
    """Whether a pattern element is a stem ("wytchnieniow~") rather than a lemma."""
    return element.endswith(STEM)


def all_lemmas() -> frozenset[str]:
    """Every lemma the tables mention (without the gap marker and the stems)."""
    return frozenset(
        lemma
        for pattern in all_patterns()
        for lemma in pattern
        if lemma != GAP and not is_stem(lemma)
    )


def all_stems() -> frozenset[str]:
    """Every stem element the tables mention, with its marker ("wytchnieniow~")."""
    return frozenset(
        element for pattern in all_patterns() for element in pattern if is_stem(element)
    )


def _show(patterns: Iterable[Pattern]) -> str:
    return "; ".join(f"`{' '.join(pattern)}`" for pattern in patterns) or "—"


def _codes(codes: Iterable[str]) -> str:
    return ", ".join(f"`{code}`" for code in codes) or "—"


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def render_taxonomy_markdown() -> str:
    """docs/taxonomy.md: every table above as Markdown, plus the classification rules."""
    lines = [
        "# Taxonomy of institutions, services and target groups",
        "",
        "<!-- Generated by `python -m transforms.taxonomy > docs/taxonomy.md`;"
        " edit transforms/taxonomy.py, not this file. -->",
        "",
        "Every institution in the directory gets one **type** (and through it one **sector**),",
        "any number of **services** and **target groups**. `transforms.classify.classify()`",
        "assigns them from the institution's name, an optional type column from the source",
        "(e.g. `MOPS`, `ŚDS`, `Klub Senior+`) and an optional Polish description.",
        "",
        "## How names are recognised",
        "",
        "- Text is split into words (hyphens split compounds: `Psychologiczno-Pedagogiczna` is",
        "  two words). Each word gets all its candidate lemmas from Morfeusz, plus the lemmas",
        "  of the taxonomy whose inflected forms, with diacritics stripped, equal the word with",
        "  diacritics stripped, so ASCII-folded text (`Osrodek Pomocy Spolecznej`) and",
        "  ad-adjectival forms (`psychologiczno-`) are recognised as well.",
        f"- A pattern below is a sequence of lemmas; `*` skips up to {MAX_GAP} words; an element",
        "  ending in `~` is a stem (any word starting so, for words Morfeusz does not know).",
        "- Acronyms (`MOPS`, `ŚDS`/`SDS`, `SP ZOZ`, …) match words written in capitals,",
        "  with or without diacritics; in a type column any case is accepted. Legal-form",
        "  suffixes (`sp. z o.o.`, `S.A.`) are ignored so `SP` is not read as a school.",
        "- An exclusion (below) that matches at the same word cancels a type pattern there.",
        "",
        "## Which type wins",
        "",
        "1. **The head of the name wins**: among the (strong) patterns and acronyms found in",
        "   the name, the one that starts first; at the same start the longer one; then the",
        "   one listed first below. *Świetlica Środowiskowa przy Gminnym Ośrodku Pomocy",
        "   Społecznej* is `day_care`; *Zespół ds. Zdrowia Starostwa Powiatowego* is",
        "   `county_office` (`zespół` alone identifies nothing).",
        "2. **A named unit beats its parent**: if a type mentioned after the head lists the",
        "   head's type in *unit of*, that unit wins. *Sąd Rejonowy w Kielcach – Zespół",
        "   Kuratorskiej Służby Sądowej* is `probation`; *SP ZOZ Szpital Powiatowy* is",
        "   `hospital`.",
        "3. **A source's type column beats the name** when it names a type (same rules",
        "   within the column): it is the publisher's own classification (*Dom Radosnej",
        "   Starości* listed as `DPS` is `dps`). The name still wins when its type is a unit",
        "   of the column's type (*Punkt Interwencji Kryzysowej* under *Ośrodki pomocy",
        "   społecznej*) or when the column's type is generic (`school`) and the name's type",
        "   has the same sector (*Przedszkole nr 3* under *Szkoły*).",
        "4. Without a strong match anywhere, **weak patterns** (`gmina`, `miasto`, `powiat`,",
        "   `policja`) decide, in the name first, then in the type column, and only at the",
        "   start of the text or of a part of it after ` - `, `|`, `,` (*Gmina Czajków -",
        "   Dane* is the municipality; *oferty firm z powiatu nakielskiego* is not the county).",
        f"5. Otherwise the type is `{TYPE_OTHER}` and the sector is empty (None).",
        "",
        "Typos: in names and type columns, a word that neither Morfeusz nor the taxonomy's",
        "form list knows, of at least five letters, matches a taxonomy form one deletion away",
        "on either side (*Przedskzole*, *Komenda Miejska Pplicji*). A word written with",
        "diacritics must match a form exactly (*Sadów* is a village, not *sądów*).",
        "",
        "Services and target groups are found the same way in the name and the type column;",
        "each type also adds its **default** services and target groups (recorded as",
        "evidence `type_default`). A description (a page's own text, an article's sentences",
        "about an institution, a spreadsheet's offer column) is read sentence by sentence by",
        "`transforms.support_statements`: a service counts as **stated** there only in a",
        "sentence that offers it, not in a job advertisement, a law's title, a suspended",
        "activity, an event or the name of an institution or programme. A stated service",
        "outranks a default. Descriptions never decide the type: prose mentions partners.",
        "",
        "## Sectors",
        "",
        "| code | Polish | English |",
        "| --- | --- | --- |",
    ]
    lines += [f"| `{s.code}` | {_cell(s.label_pl)} | {_cell(s.label_en)} |" for s in SECTORS]
    lines += [
        "",
        "## Institution types",
        "",
        "| code | Polish | English | sector | patterns (lemmas) | acronyms | weak patterns"
        " | unit of | default services | default target groups |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for kind in INSTITUTION_TYPES:
        lines.append(
            f"| `{kind.code}` | {_cell(kind.label_pl)} | {_cell(kind.label_en)} | `{kind.sector}`"
            f" | {_show(kind.patterns)} | {', '.join(kind.acronyms) or '—'}"
            f" | {_show(kind.weak_patterns)} | {_codes(kind.unit_of)}"
            f" | {_codes(kind.default_services)} | {_codes(kind.default_target_groups)} |"
        )
    lines.append(
        f"| `{TYPE_OTHER}` | inne / nierozpoznane | other or unrecognised | — | — | — | — | — | — | — |"
    )
    lines += ["", "## Exclusions", "", "| pattern (lemmas) | why |", "| --- | --- |"]
    lines += [f"| {_show([e.pattern])} | {_cell(e.reason)} |" for e in EXCLUSIONS]
    lines += ["", "## Services", "", "| code | Polish | English | triggers (lemmas) |"]
    lines.append("| --- | --- | --- | --- |")
    lines += [
        f"| `{s.code}` | {_cell(s.label_pl)} | {_cell(s.label_en)} | {_show(s.triggers)} |"
        for s in SERVICES
    ]
    lines += ["", "## Target groups", "", "| code | Polish | English | triggers (lemmas) |"]
    lines.append("| --- | --- | --- | --- |")
    lines += [
        f"| `{g.code}` | {_cell(g.label_pl)} | {_cell(g.label_en)} | {_show(g.triggers)} |"
        for g in TARGET_GROUPS
    ]
    return "\n".join(lines) + "\n"


check_taxonomy()

if __name__ == "__main__":
    print(render_taxonomy_markdown(), end="")
