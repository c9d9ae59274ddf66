# The fact-check bot: `docker build -t factcheck-bot .` then
# `docker run --env-file .env -v factcheck-data:/data factcheck-bot`
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    FACTCHECK_DB=/data/factcheck.sqlite

WORKDIR /src
COPY pyproject.toml README.md ./
COPY knowledge ./knowledge
COPY bot ./bot
COPY cli ./cli
COPY seeds ./seeds
# A plain wheel install: the seeds and sample articles ship inside the wheel.
RUN pip wheel --no-deps -w /tmp/dist . \
    && pip install /tmp/dist/*.whl \
    && rm -rf /tmp/dist /src \
    && useradd --create-home --uid 10001 factcheck \
    && mkdir -p /data && chown factcheck /data

WORKDIR /home/factcheck
USER factcheck
VOLUME ["/data"]
# Only used in webhook mode (WEBHOOK_URL set); polling needs no open port.
EXPOSE 8443
CMD ["factcheck", "run"]
