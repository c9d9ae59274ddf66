"""`python -m bot`: run the bot with the settings from the environment and `.env`."""

from __future__ import annotations

import sys

from bot.app import run
from bot.settings import SettingsError, load_settings


def main(db_path: str | None = None) -> int:
    """Run the bot; `db_path` overrides FACTCHECK_DB. Returns the process exit status."""
    try:
        settings = load_settings()
        if db_path is not None:
            settings = settings.model_copy(update={"factcheck_db": db_path})
        run(settings)
    except SettingsError as error:
        print(f"factcheck: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main())
