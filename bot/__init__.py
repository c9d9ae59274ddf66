"""The Telegram front door: python-telegram-bot application, handlers and formatting."""
