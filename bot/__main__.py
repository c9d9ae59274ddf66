"""`python -m bot`: run the bot with the settings from the environment and `.env`."""

from __future__ import annotations

import sys

from bot.settings import SettingsError, load_settings


def main() -> int:
    try:
        settings = load_settings()
        from bot.app import run

        run(settings)
    except SettingsError as error:
        print(f"factcheck: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main())
