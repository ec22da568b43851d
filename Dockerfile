# Build wheels in one stage, run as a non-root user in a slim one. The container migrates, then
# serves; configure it with DATABASE_URL and CCHC_SECRET_KEY (it refuses the default secret when
# CCHC_ENV=production).
FROM python:3.12-slim AS build
WORKDIR /src
COPY pyproject.toml README.md ./
COPY app ./app
RUN pip wheel --no-cache-dir --wheel-dir /wheels .

FROM python:3.12-slim
RUN useradd --create-home --uid 10001 cchc
WORKDIR /srv/cchc
COPY --from=build /wheels /wheels
RUN pip install --no-cache-dir /wheels/*.whl && rm -rf /wheels
COPY alembic.ini ./
COPY migrations ./migrations
USER cchc
# One server process per core unless CCHC_WORKERS says otherwise.
ENV CCHC_ENV=production PORT=8000
EXPOSE 8000
CMD ["sh", "-c", "python -m app migrate && python -m app serve --host 0.0.0.0 --port ${PORT}"]
