# The Cirrus MLOps bot (GitHub App). Build: docker build -t cirrus-mlops-bot .
# Pinned to an exact Node release and Debian release; pin the digest too when you publish
# (docker buildx imagetools inspect node:20.20.2-bookworm-slim → FROM node:…@sha256:…).
FROM node:20.20.2-bookworm-slim

# git: the bot reads config through git clones (never per-file API calls); ca-certificates for HTTPS.
RUN apt-get update \
 && apt-get install -y --no-install-recommends git ca-certificates \
 && rm -rf /var/lib/apt/lists/*

ENV NODE_ENV=production \
    LOG_FORMAT=json \
    LOG_LEVEL=info \
    PORT=3000 \
    MLOPS_BOT_CACHE_DIR=/var/cache/cirrus-mlops \
    HOME=/tmp

WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

# Only what runs: the compiler, its schemas and templates, and the bot. Owned by root, read-only for the app.
COPY bin ./bin
COPY compiler ./compiler
COPY schemas ./schemas
COPY templates ./templates
COPY bot ./bot

RUN mkdir -p /var/cache/cirrus-mlops && chown 1000:1000 /var/cache/cirrus-mlops

# The image's unprivileged "node" user, by number so Kubernetes can verify runAsNonRoot.
USER 1000:1000
EXPOSE 3000

HEALTHCHECK --interval=30s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]

# APP_ID, PRIVATE_KEY and WEBHOOK_SECRET come from the environment at run time (docs/bot-operations.md).
CMD ["npm", "run", "bot"]
