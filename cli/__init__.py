"""The `factcheck` command line, a front door beside the bot: check an article, run the bot,
administer the knowledge base (cli/main.py; the `kb` commands in cli/kb.py, each curator
result rendered with rich in cli/render.py)."""
