"""The server's settings that are not command-line options: the ingest token, from the
environment (ANNALES_TOKEN) or a TOML config file (`ingest_token = "..."`)."""

from __future__ import annotations

import os
import tomllib
from typing import Optional

from ..errors import ConfigError

TOKEN_ENV = "ANNALES_TOKEN"


def ingest_token(config_path: Optional[str] = None, environ=os.environ) -> Optional[str]:
    """The token POST /api/ingest requires; None (ingest disabled) when neither gives one.
    The environment wins over the file."""
    token = environ.get(TOKEN_ENV, "").strip()
    if token:
        return token
    if not config_path:
        return None
    try:
        with open(config_path, "rb") as f:
            data = tomllib.load(f)
    except OSError as exc:
        raise ConfigError(
            path=config_path,
            expected="a readable TOML file",
            found=exc.strerror or type(exc).__name__,
        ) from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(path=config_path, expected="TOML", found=str(exc)) from exc
    value = data.get("ingest_token")
    if value is None:
        return None
    if not isinstance(value, str) or len(value.strip()) < 16:
        raise ConfigError(
            path=config_path,
            expected="ingest_token, a string of 16 characters or more",
            found=type(value).__name__
            if not isinstance(value, str)
            else f"{len(value.strip())} characters",
        )
    return value.strip()
