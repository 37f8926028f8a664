"""Cut the demo gazetteer out of the national GUS TERYT and Poczta Polska PNA files.

The demo covers five counties; this script keeps, from the real files in ../shared/data, the
TERC rows of their voivodeships, powiats and gminas, their SIMC localities and their PNA
postal codes, and writes them to demo/gazetteer/ in the publishers' own formats (TERC/SIMC:
UTF-8 with BOM, `;`, CRLF; PNA: UTF-8, `,`, LF), so `warehouse.gazetteer.load_gazetteer` reads
them exactly as it reads the national files. Lines are copied byte for byte.

    .venv/bin/python demo/make_gazetteer.py [--data ../shared/data] [--out demo/gazetteer]
"""

from __future__ import annotations

import argparse
import csv
import io
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "data"
DEFAULT_OUT = REPO / "demo" / "gazetteer"

TERC_FILE = "teryt/TERC_Adresowy_2026-02-16.csv"
SIMC_FILE = "teryt/SIMC_Urzedowy_2020-09-26.csv"
PNA_FILE = "postal_codes/pna_2024_miejscowosci.csv"

# powiat TERYT -> the name TERC gives it (checked against the file, so a wrong code fails)
DEMO_POWIATS = {
    "2610": "skarżyski",  # świętokrzyskie
    "1815": "ropczycko-sędziszowski",  # podkarpackie
    "2816": "piski",  # warmińsko-mazurskie
    "1012": "radomszczański",  # łódzkie
    "2013": "wysokomazowiecki",  # podlaskie
}

README = """\
# Demo gazetteer: five counties

Extract of the official Polish territorial registers for the demo's five counties —
skarżyski (świętokrzyskie), ropczycko-sędziszowski (podkarpackie), piski
(warmińsko-mazurskie), radomszczański (łódzkie), wysokomazowiecki (podlaskie) — made by
`demo/make_gazetteer.py` from the national files. Rows are copied unchanged, in the formats
the publishers use, so `warehouse.gazetteer.load_gazetteer` reads them like the full files.

| file | rows | source |
| --- | --- | --- |
| terc.csv | {terc} | GUS, TERYT register, TERC "Adresowy" (state 2026-01-01, export 2026-02-16): the five voivodeships, powiats and their gminas |
| simc.csv | {simc} | GUS, TERYT register, SIMC "Urzędowy" (state 2020-01-01, export 2020-09-26): localities of the five powiats |
| pna.csv | {pna} | Poczta Polska, "Oficjalny Spis Pocztowych Numerów Adresowych" 2024 (columns reduced to voivodeship, powiat, gmina, locality, postal code; duplicate rows removed): rows of the five powiats |

Attribution: **Główny Urząd Statystyczny (GUS), rejestr TERYT** — eteryt.stat.gov.pl — and
**Poczta Polska S.A., spis pocztowych numerów adresowych (PNA)**. Both are public-sector
information, free to re-use with attribution to the source.

Regenerate: `.venv/bin/python demo/make_gazetteer.py` (reads ../shared/data).
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the shared data folder")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where to write")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    counts = make_demo_gazetteer(args.data, args.out)
    for name, rows in counts.items():
        print(f"{args.out / name}: {rows} rows")
    return 0


def make_demo_gazetteer(data: Path, out: Path) -> dict[str, int]:
    """Write terc.csv, simc.csv, pna.csv and README.md into `out`; returns data rows per file."""
    voivodeships = {code[:2] for code in DEMO_POWIATS}
    terc = _filter_teryt(
        data / TERC_FILE,
        lambda f: (f[0] in voivodeships and f[1] == "") or f[0] + f[1] in DEMO_POWIATS,
    )
    _check_powiat_names(terc)
    simc = _filter_teryt(data / SIMC_FILE, lambda f: f[0] + f[1] in DEMO_POWIATS)
    voivodeship_names = {f[0]: f[4].lower() for f in map(_fields, terc[1:]) if f[1] == ""}
    wanted_pna = {(voivodeship_names[c[:2]], name) for c, name in DEMO_POWIATS.items()}
    pna = _filter_pna(data / PNA_FILE, wanted_pna)

    _write_teryt(out / "terc.csv", terc)
    _write_teryt(out / "simc.csv", simc)
    (out / "pna.csv").write_bytes(pna)
    counts = {
        "terc.csv": len(terc) - 1,
        "simc.csv": len(simc) - 1,
        "pna.csv": pna.count(b"\n") - 1,
    }
    (out / "README.md").write_text(
        README.format(terc=counts["terc.csv"], simc=counts["simc.csv"], pna=counts["pna.csv"]),
        encoding="utf-8",
    )
    return counts


def _fields(line: bytes) -> list[str]:
    return line.decode("utf-8-sig").split(";")


def _filter_teryt(path: Path, keep: Callable[[list[str]], bool]) -> list[bytes]:
    """The header line and the data lines `keep` accepts (GUS files: CRLF, BOM, `;`)."""
    lines = path.read_bytes().split(b"\r\n")
    header, body = lines[0], [line for line in lines[1:] if line.strip()]
    kept = [line for line in body if keep(_fields(line))]
    if not kept:
        raise SystemExit(f"{path}: no rows for the demo powiats {sorted(DEMO_POWIATS)}")
    return [header, *kept]


def _check_powiat_names(terc: list[bytes]) -> None:
    found = {f[0] + f[1]: f[4] for f in map(_fields, terc[1:]) if f[1] and not f[2]}
    if found != DEMO_POWIATS:
        raise SystemExit(f"TERC powiats differ from the demo's: {found} != {DEMO_POWIATS}")


def _write_teryt(path: Path, lines: list[bytes]) -> None:
    # GUS ends every file with one empty line
    path.write_bytes(b"\r\n".join(lines) + b"\r\n\r\n")


def _filter_pna(path: Path, wanted: set[tuple[str, str]]) -> bytes:
    text = path.read_text(encoding="utf-8")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    header, body = rows[0], rows[1:]
    kept = [row for row in body if (row[0], row[1]) in wanted]
    if not kept:
        raise SystemExit(f"{path}: no rows for the demo powiats {sorted(wanted)}")
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(kept)
    return buffer.getvalue().encode("utf-8")


if __name__ == "__main__":
    raise SystemExit(main())
