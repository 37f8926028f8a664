"""Where the command line finds the warehouse and the publication folder when no flag names them.

`wsparcie status`, `wsparcie review …` and `wsparcie publish` take the first of:

1. the command's own flag, `--db PATH` (and `--out DIR` for publish);
2. the environment: `WSPARCIE_DB`, `WSPARCIE_OUT`;
3. a project settings file, `wsparcie.toml`, in the current folder or the nearest parent that
   has one: `db = "out/directory.duckdb"`, `out = "out"` (relative paths are read from the
   file's folder);
4. the warehouse (and publication folder) that `wsparcie run` or `wsparcie demo` last wrote,
   recorded in `$XDG_STATE_HOME/wsparcie/last-run.json` (`~/.local/state/wsparcie/` without
   XDG_STATE_HOME).

`Found.reason` says which of these answered, for the one line each tool prints on stderr.
"""

from __future__ import annotations

import json
import os
import tomllib
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

SETTINGS_FILE = "wsparcie.toml"
STATE_FILE = "last-run.json"
_ENV = {"db": "WSPARCIE_DB", "out": "WSPARCIE_OUT"}
_FLAG = {"db": "--db", "out": "--out"}
_WHAT = {"db": "warehouse", "out": "publication folder"}


class SettingsError(Exception):
    """No warehouse (or folder) could be found, or a settings file is wrong; says what to do."""


@dataclass(frozen=True, slots=True)
class Found:
    path: Path
    reason: str  # "--db", "WSPARCIE_DB", "db in /x/wsparcie.toml", "the last `wsparcie demo`…"


def state_dir() -> Path:
    """`$XDG_STATE_HOME/wsparcie`, or `~/.local/state/wsparcie`."""
    base = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(base) / "wsparcie"


def find_warehouse(flag: str | None) -> Found:
    """The warehouse to use: the flag, WSPARCIE_DB, wsparcie.toml, or the last run's."""
    return _find("db", flag)


def find_output(flag: str | None) -> Found:
    """The publication folder to use: the flag, WSPARCIE_OUT, wsparcie.toml, or the last run's."""
    return _find("out", flag)


def record_last_run(command: str, db: Path, out: Path) -> Path:
    """Remember the warehouse and folder a run wrote, for the tools run after it."""
    path = state_dir() / STATE_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    state = {
        "command": command,
        "db": str(db.resolve()),
        "out": str(out.resolve()),
        "at": datetime.now(UTC).isoformat(timespec="seconds"),
    }
    staging = path.with_name(f".{STATE_FILE}.{os.getpid()}")
    staging.write_text(json.dumps(state, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    staging.replace(path)
    return path


def settings_file(start: Path | None = None) -> Path | None:
    """`wsparcie.toml` in `start` (the current folder) or the nearest parent holding one."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        candidate = folder / SETTINGS_FILE
        if candidate.is_file():
            return candidate
    return None


def _find(key: str, flag: str | None) -> Found:
    if flag:
        return Found(Path(flag), _FLAG[key])
    if value := os.environ.get(_ENV[key], "").strip():
        return Found(Path(value).expanduser(), _ENV[key])
    settings = settings_file()
    if settings is not None:
        configured = _read_settings(settings).get(key)
        if configured is not None:
            return Found(settings.parent / Path(configured).expanduser(), f"{key} in {settings}")
    state_path = state_dir() / STATE_FILE
    state = _read_state(state_path)
    if state.get(key):
        path = Path(state[key])
        command = state.get("command", "run")
        if key == "db" and not path.exists():
            raise SettingsError(
                f"the last warehouse `wsparcie {command}` wrote, {path}, no longer exists; "
                f"give {_FLAG[key]} PATH"
            )
        return Found(path, f"last written by `wsparcie {command}`, recorded in {state_path}")
    raise SettingsError(
        f'no {_WHAT[key]}: give {_FLAG[key]} PATH, set {_ENV[key]}, write {key} = "…" in a '
        f"{SETTINGS_FILE} here or in a parent folder, or run `wsparcie demo` / `wsparcie run` "
        "first"
    )


def _read_settings(path: Path) -> dict[str, str]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise SettingsError(f"{path}: cannot be read: {exc}") from exc
    unknown = sorted(set(data) - set(_ENV))
    if unknown:
        raise SettingsError(f"{path}: unknown setting(s) {unknown} (known: db, out)")
    wrong = sorted(k for k, v in data.items() if not isinstance(v, str) or not v.strip())
    if wrong:
        raise SettingsError(f"{path}: {', '.join(wrong)} must be a non-empty path in quotes")
    return {k: str(v) for k, v in data.items()}


def _read_state(path: Path) -> dict[str, str]:
    """The last run's record; a missing or damaged file is as good as none (it is only a hint)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {str(k): str(v) for k, v in data.items() if isinstance(v, str)}
